"""The seventeenth fresh held-out set's records (data only; see :mod:`mespot_nb.strangers`)."""

from __future__ import annotations


#: A seventeenth fresh held-out set (docs/aumatch-history.md, the seventeenth set): 17 clips of 17
#: people from 17 more repositories, found by two sessions that ran no spotter on them, taking
#: nothing from the 242 repositories and 2164 files of the sets and candidates before (asked for
#: still faces, talking heads and head turns); scored once, for aumatch's fourteenth round: the
#: defaults untouched, then a frozen candidate by a rule written down before
#: (``docs/prereg/aumatch-round14.md``).
SEVENTEENTH_SET = (
    ('HeadPulse_p1', 'irfan798/head-pulse-track',
     '552c1b30ecb6bd5440dd649c037933ac7117630c',
     'data/face_videos/p1.mp4',
     ('a',), 29.969, 334, (480, 848), 140.2,
     '544729dc750270bf28a3d801c1c9b06d06926e294fbed6f289e82f06df88181c',
     'A young man with short dark hair in a navy sweater sits still facing a phone camera held '
     'in portrait against a cream wall with a postcard, neutral, blinking now and then; 11.1 s'),
    ('VijayR_webcam', 'VijayRakkaiah/OpenCV',
     '3398724b9cd956ac54a2ca95ec54b112d21a25cb',
     'videos/webcam.avi',
     ('a',), 20.0, 199, (640, 480), 94.0,
     '4eb02c9c100f0de216e996851c3ac5ed98688ef618e2c5c1f55746bf561346b1',
     'A young man with a moustache and earphones in a striped shirt sits still facing a laptop '
     'webcam in a room, neutral, blinking now and then; 10.0 s'),
    ('KnollFrank_slowlid', 'KnollFrank/AntiDrowsinessAlarm',
     '0e3658adbe7fd6cd5cbe971ae1d9f3b28304c3cd',
     'app/src/androidTest/res/raw/slow_eyelid_closure.mp4',
     ('a', 'b', 'e'), 24.029, 151, (480, 640), 145.2,
     '8f01768e8ba0782df7843c4c48db584488c1699bdcc83771adfeee1e9cfc949a',
     'A middle-aged man with glasses and a dark T-shirt sits still facing a phone/webcam '
     'against a plain light wall, neutral, slowly closing and reopening his eyes several '
     'times; 6.3 s'),
    ('Darrang_zoom1', 'Darrang/2020-2_ComputerVision',
     'fff86e94b86c2e8448076bbd197b5531b4f5e359',
     'zoom_1.mp4',
     ('a', 'd', 'e'), 25.0, 331, (1280, 720), 185.1,
     'bf51476aba0dd0078525932a9f8cdad39106a98879de14f9cf6e90413ec72ba6',
     'A young woman with long dark hair sits in front of a laptop webcam in a dormitory room, '
     'neutral and mostly still, leaning and tilting her head a little and shifting toward the '
     'camera; the first frames are black (Zoom recording start); 13.2 s'),
    ('HoPE_me', 'ishikac167/HoPE-Health-Predictor',
     '9ca7f32817bc242e81b46cf08ea220cfea94eae3',
     'media/me_EmFNC8P.mp4',
     ('a', 'e'), 30.105, 381, (352, 640), 177.6,
     'ef530c0fc32ab0b8892798ea3571354dc113f1463fb35808f907d133e2080b9d',
     'A young bearded man with dark hair and black-rimmed glasses (blue screen reflections on '
     'the lenses), in a navy T-shirt, sits still facing a phone front camera against a beige '
     'wall, neutral, blinking now and then; 12.7 s'),
    ('OpenFace_sample', 'Soontosh/DepScopeAIDeployment',
     '39f22eb9db6c1e1634251ebb4f955881a1a41263',
     'OpenFace/samples/2015-10-15-15-14.avi',
     ('b', 'd'), 30.0, 842, (640, 480), 110.7,
     '18cb0ab4ac4cb2a6fcaecb1099b19855ea89efcb457d52d1c63b3f501b5fdd5f',
     'A young man with tousled brown hair in a striped polo shirt sits facing a webcam in an '
     'office with chairs and a whiteboard behind, neutral, looking around with his eyes, '
     'closing them, and turning/tilting/nodding his head now and then; 28.1 s'),
    ('Gunaretnam_test', 'gunarakulangunaretnam/eye-blinking-counting-system',
     'b69f7974d1acfc80cc5720d2a813324499dd0f86',
     'test.m4v',
     ('b', 'd'), 30.057, 799, (1920, 1080), 226.1,
     '624b99b9efdc6be06de1145e455505bb1e431336ca081c0b710ccff978895447',
     "A young bearded man in a black T-shirt holds a phone at arm's length for a selfie on a "
     'sunny rooftop, blinking deliberately, the head and handheld camera drifting and turning '
     'slightly; 26.6 s'),
    ('Avans_test', 'Avans-The-Circle/ChatServer',
     '147190b4aa8e1a78f4b9ea36f1b5cec846016891',
     'media/test.mp4',
     ('c',), 30.0, 402, (1280, 720), 182.7,
     'ad4c0e3b6e6915fbc11e401d5e0b37e1855fa8cf011336ccb8d957c1b0390537',
     'A young man with short messy light-brown hair and a stubble, wearing an over-ear '
     'headset, talks to a low-angle laptop webcam in a dim room with a bright window behind, '
     'head steady; 13.4 s'),
    ('IamMohit_output', 'IamMohitM/OpenCV-Learning',
     '09958881219e10f4e120099a5a331db569b53dce',
     'output/output.avi',
     ('c', 'd'), 20.0, 182, (640, 480), 120.7,
     'c23a8dac8c4ce05675655766774510ec4eda1ddbf9abf093c6c61aa7658937cb',
     'A young man with dark swept-back hair leans close to a laptop webcam in a bright room, '
     'turning and tilting his head and smirking now and then; 9.1 s'),
    ('AndrewVos_me', 'AndrewVos/andrewvos.com',
     'bcf2a8f68d51eb2975116b3384b31dfe66e44c34',
     'public/videos/me.webm',
     ('c', 'd', 'e'), 29.97, 707, (1280, 720), 204.0,
     'e7a073a3fbf4571661cf741446ae2a5cd07cc9a64c4f9fc441a10d680411ca92',
     'A man with short dark hair, a moustache and a plaid shirt, at a laptop webcam in a '
     'bright room with a surfboard behind, turns from profile to the camera, pulls exaggerated '
     'surprised/smiling faces while waving and pointing, then sits facing the camera fairly '
     'still with small smiles and eye movements; 23.6 s'),
    ('Amirsolo_me', 'amirsolo/amirsolo.com',
     '74c9d60183780d397155330cf91d3e1a6ac3a046',
     'public/static/me-higherQ.mp4',
     ('c', 'e'), 30.0, 197, (1280, 720), 149.5,
     '6c221af60b2373e647358122a5df369a938eeedf91cf6321f52a7e92eec9dd6c',
     'A young man with dark wavy hair in a white shirt sits facing a laptop webcam against a '
     'wooden wardrobe, starts neutral, smiles broadly and waves his hand in front of the '
     'camera, head steady; 6.6 s'),
    ('Akinguyen_recording', 'akinguyen/VideoChatApp',
     'a5390dd757dd41a8940f0c652ab3ba4dd9ea8358',
     'recording.mp4',
     ('c', 'e'), 30.0, 707, (640, 480), 167.5,
     '6a7ac649e2832253294ef6fea9234392aa11feffc283aa9e423619e7b04d536f',
     'A young bearded man with rimless glasses and over-ear headphones talks to a laptop '
     'webcam in a busy hackathon hall, head fairly steady, other people moving in the '
     'background; 23.6 s'),
    ('Lieblius_vid3', 'lieblius/spotlight-facetracking',
     '988a3de32f8d60ac65d6bd4aa83ddd9853beede8',
     'vid3.mp4',
     ('d',), 29.97, 302, (1280, 720), 153.7,
     'b063f47af0a83550f8fb7d196ea454ade3660afc3d0b3a730343c9e982851cc3',
     'A young bearded man with dark hair in a dark T-shirt faces a low-angle laptop webcam in '
     'an office with a ceiling light, neutral, leaning and shifting his head left and right '
     'with slight turns; 10.1 s'),
    ('Zulkhuu_nomotion', 'Zulkhuu/head-gesture-recogniton',
     '167f3954921885438841f35aec443823f6ddfc29',
     'python/videos/1.no_motion_resize.mp4',
     ('d',), 29.97, 396, (460, 720), 129.0,
     '71b44ac616ed6854b2b0e75e3740f7b5eb3b9fa81290ac8211172deed36f316b',
     'A young East Asian man with short dark hair in a navy henley shirt faces a phone camera '
     "in portrait against a pale patterned wall, neutral, shaking his head 'no' several times "
     'between still pauses; 13.2 s'),
    ('OpenDBM_subj01', 'teebid/aicure_opendbm',
     'a8da627567fcc8c1e732ce05227e5fbc4ca8057a',
     'sample_data/subj01_timepoint01.mp4',
     ('d',), 30.0, 158, (1080, 720), 176.6,
     'a90aaf54ee12d7ac011104ca718e77dad80bcfb16333af2bfb91c36efdc940ac',
     'A young South Asian man with dark curly hair in a navy T-shirt sits facing a laptop '
     'webcam in front of a brick wall and bookshelf, head steady, holding a posed sad/pouting '
     'expression with small brow and mouth changes; 5.3 s'),
    ('AJKCO_recording', 'AJK-CO/MER-backend',
     '88293eae3726c3ad0d93df53dd59db81b07851dc',
     'videos/recording.mp4',
     ('d', 'e'), 15.083, 379, (640, 480), 116.1,
     'f18000fe7dcf8b80fe58f25ac8132c3661b9580c6099facb96e8f53f59820f94',
     'A young man with a beard and clear-framed glasses in a striped T-shirt faces a laptop '
     'webcam in a bedroom, mostly neutral, leaning toward and away from the camera and '
     'shifting his head; 25.1 s'),
    ('SubhanjalP_webcam', 'Subhanjal-Pant/OpenCv',
     'c9ad02ce5321dd0ae74506208de0530c3bff0034',
     'Videos/webcam.avi',
     ('d', 'e'), 20.0, 168, (640, 480), 81.2,
     '204711b2de5362bae919f17de56c58687f6622fa81b116d506f8a9293e01b034',
     'A young man with glasses and white earphones in a patterned T-shirt adjusts a laptop '
     'webcam in a pink room, moving close so his face is partly cut off, waving a hand past '
     'his face, then settling facing the camera; 8.4 s'),
)
