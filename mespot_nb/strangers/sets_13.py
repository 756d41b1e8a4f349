"""The thirteenth fresh held-out set's records (data only; see :mod:`mespot_nb.strangers`)."""

from __future__ import annotations


#: A thirteenth fresh held-out set (docs/aumatch-history.md, the thirteenth set): 16 clips of 16
#: people from sixteen more repositories, found by two sessions that ran no spotter on them, taking
#: nothing from the 165 repositories and 749 files of the sets and candidates before (the second
#: session asked for still faces only); scored once, untouched, to measure the tenth round's
#: defaults a second time with no choice made on it (``docs/prereg/thirteenth-set.md``).
THIRTEENTH_SET = (
    ('Huw_cam1', 'HuwCheston/AV-Manip',
     '76a84f1449b6080da9238b24d805b05a102452fb',
     'output/video/19-01-22_10.50.13_cam1_out.avi',
     ('a', 'd', 'e'), 30.0, 1390, (640, 480), 88.5,
     '09e9952e3b9c6a8b94c3338883ffa1580fb093f0c2d640156ac63eecb302c16b',
     'a bearded man with dark curly hair wearing over-ear headphones and a beige jumper sits in '
     'front of a patterned wall and a wall planner, looking off to one side of a low webcam with '
     'a neutral face, mostly still with small head movements and one downward glance; 46.3 s'),
    ('Sophia_webm', 'sophia-celine/rPPG',
     '9172f7807634c21cd79819b6ae5179e876e9d4fb',
     'initial_tests/2025-09-09-155113.webm',
     ('a',), 30.0, 312, (1280, 720), 190.7,
     'bc78b927492c0dc3fe4ef89ffa49cdc1e7cab2f7745535c02a1d398da9feb640',
     'a young woman with long dark-brown hair in a white blouse sits still in a bright office '
     'with windows and desks behind her, facing a laptop webcam with a neutral face and her gaze '
     'slightly lowered; 10.4 s'),
    ('Sara_6361', 'sarabertoncelj/heartrate-monitor-from-video',
     'dab8cc97241e0f0fb5aefb46502455f3baaea9db',
     'InputVideos/63-61_2.mp4',
     ('a',), 30.0, 166, (1080, 1920), 262.6,
     'a31f7d6bfd1010a16a4c6634810f9728a7ad8640da42e764cb4da2b79051b911',
     'a young woman with long dark hair and a fringe in a black turtleneck and cardigan sits '
     'still in front of a window with blinds, facing a phone camera in a vertical frame with a '
     'neutral face, hands resting at the bottom of the frame; 5.5 s'),
    ('AjSm_akt', 'AJ-SM/rPPG_',
     '327fb8efcc4e343fa2c289295a8c04292e0b1c10',
     'Video/akt.mp4',
     ('a',), 30.012, 341, (478, 850), 151.0,
     '797857b746f85b08fb7542d3cb63e24c5847f76453c0be4a98ce51cd548a924d',
     'a young man with short dark hair and light stubble in a pale grey T-shirt sits still under '
     'a ceiling fan in a room with clothes hanging behind him, facing a phone camera in a '
     'vertical frame with a neutral face; 11.4 s'),
    ('Apek_real1', 'ApekshaDatt/rppg-deepfake',
     '1247a3faf3dc42ad2408698e53196ca9f0356de2',
     'data/test_real/real_sample1.mp4',
     ('a', 'c', 'e'), 30.0, 186, (720, 480), 85.5,
     '257c808cc3c4a24d4b8107c351a81e855d71aa665c7898f4fe42fd21eca3f03c',
     'a young man with thick wavy dark hair, round wire glasses and a denim shirt sits still '
     'facing the camera against a plain white wall, mostly neutral with a faint closed-mouth '
     'smile, and waves one hand beside his face for about two seconds; 6.2 s'),
    ('Sriv_fto', 'Srivijayaraghav-S/eulerian-heart-resp-rate',
     '73fdd0858a57b4e4a18f4b125e0756bf9d200e0c',
     'videos/face_tracking_output.mov',
     ('a', 'c', 'e'), 30.0, 453, (256, 256), 123.8,
     '9013b357d7b3160ad6efcf0ddc214a712e612752872f7ef8fa71ab10573ad5ef',
     'a young man with short dark hair, a full dark beard and thick black-framed glasses, framed '
     'as a tight face crop against a beige wall, sits still with a neutral face, his lips '
     'occasionally parting slightly; 15.1 s'),
    ('Junyanz_video', 'junyanz/MirrorMirror',
     '6f69bb134845e77c15b2170547ae1dcf344bb47e',
     'data/video.avi',
     ('c', 'd'), 30.0, 203, (560, 360), 107.2,
     '5848c7cb24a3c1a12b04ae3a2fd70c4d6a4c2c6c03dc2873940f7541f3a2f902',
     'a middle-aged man with short dark wavy hair in a dark collared shirt sits in an office in '
     'front of a bookshelf facing a webcam, alternating between a neutral face and broad smiles '
     'with his head steady; 6.8 s'),
    ('Hammadi_input', 'HAMMADIPRO/Facial_landmak_analysis',
     '89808b2250f8948f8d4fe07c86510f26928dfc3c',
     'input.mp4',
     ('c', 'd'), 30.0, 341, (1280, 720), 175.1,
     '4d01b752921464c17f85e1a1bd6120c72cad423b162e2211da97450a47ff1990',
     'a man with short black hair and a full black beard in a dark grey henley sits in front of a '
     'white wall and talks to a laptop webcam, frowning and raising his brows now and then with '
     'his head mostly steady; 11.4 s'),
    ('Samuel_videocv', 'SamuelCG06/samuel-calles-cv',
     'f5c174a8f6f001912d7b911ca4322e5673309d34',
     'videocv.mp4',
     ('c', 'e'), 30.0, 1314, (720, 1280), 96.0,
     'f31765769e2061cc5d69897167fc53c11c7ceac7a0d8fe47267fe8a7c2601391',
     'a young man with short dark hair and glasses in a grey V-neck jumper stands before a yellow '
     'wall and talks to the camera with his head steady, with jump cuts between takes, logos and '
     'text appearing beside him, and a fade to a black contact card at the end; 43.8 s'),
    ('Meesya_review4', 'meesyajohn/iml254individualassignment.github.io',
     '0f544827401397d9be6f65f53554a77f5244a1e9',
     'video/productreview4.MOV',
     ('c', 'e'), 20.034, 392, (640, 640), 131.1,
     '18ecb03c37330f8fb65f788521f868abb9cae7c78baf7f484014a6d1e1bccba1',
     'a young woman in a black hijab and an olive shirt talks animatedly to a phone camera in a '
     'vertical frame with pink side bars, waving and gesturing with her hands near her face, with '
     'a brief cutaway to her shopping and product stickers appearing beside her head; 19.6 s, 20 '
     'fps'),
    ('Fangyi_mysource', 'fangyi474/MITMediaHomework-',
     '78f6571ab677772e817bdc54ac11afd5d289324f',
     'MySourceVideo.mp4',
     ('b', 'c', 'e'), 30.0, 206, (1080, 1920), 371.3,
     '36a8a59724ca2946afb13c89e3634e9dfe49df1c35903e9574ed45b01148202c',
     'a woman with shoulder-length dark hair and thin-rimmed glasses in a navy-trimmed patterned '
     'jacket stands before a beige wall and talks to a phone camera in a vertical frame with her '
     'head steady, blinking now and then; 6.9 s'),
    ('Sree_driving', 'sreejithr/deepfake',
     'c7115ce90ea281e2eb95d75f436efa102c8f2e3c',
     'driving.mp4',
     ('c',), 30.0, 173, (1080, 720), 224.7,
     'fe42d8cace706aa599a1f6010a17787dcae6dc08d6804b201c4a71ade7669c01',
     'a young man with curly black hair and a moustache and goatee in a red T-shirt sits in a '
     'dark leather chair in a dim room and talks to the camera with his head steady, smiling '
     'slightly; 5.8 s'),
    ('Shokr_test1', 'MohammedShokr/Interview-Analysis',
     'd3c2f1d0ad892a0e964e249c060944df52ac3f94',
     'test_interviews/test1.mp4',
     ('b', 'c'), 30.0, 713, (640, 480), 116.7,
     '4edd517b258d5adf6c9460b541d866bc4b8781176031cfc24837c78ad79c61d4',
     'a young man with voluminous curly black hair and a short beard in a maroon T-shirt sits in '
     'an empty office with desks and chairs behind him and talks to a laptop webcam with his head '
     'fairly steady, blinking and briefly closing his eyes; 23.8 s'),
    ('Ains_my', 'Ainsyuhada/Ind-Ass',
     '670a3b8219c108013d58e477e034416ae8091a14',
     'myvideo.mp4',
     ('c',), 29.909, 330, (848, 480), 117.1,
     '212cdbfaad97d2a165c48b7d3f5ea24b723335d9c14e556e5c5bf3017050b0e5',
     'a young woman in a black hijab and a dark top sits in front of a plain light-grey wall and '
     'talks to the camera with her head steady, smiling at times; 11.0 s'),
    ('Xhy_low8', 'xhy5588/Classroom-Engagement-Detection',
     'e8cb5af011de6cb1e1e2ec1227a2f2b0d3d64a78',
     'data/nodding/nodding_lowlight_00008.mp4',
     ('d', 'e'), 25.0, 208, (1280, 720), 142.8,
     'a24f4e5d0b2349f12247f50ecff3c9e7e763e9dc2c7503de40d38664bee38d77',
     'a young woman with curly dark hair and dark-rimmed glasses in a black top sits in a dim '
     'room in front of a desk chair, facing a laptop camera and nodding slowly several times with '
     'a mostly neutral face; 8.3 s, 25 fps'),
    ('Aksh_daniel', 'AkshTi/Non-Invasive-Stress-Detection-from-Video',
     'd4ddec3ba47dfa7efec422c31be988bc27980ef8',
     'webapp/static/video/daniel.mp4',
     ('d', 'e'), 30.0, 209, (640, 480), 100.5,
     '32e2a2e344f28d99ad3d39a82fef008a8f3fad1e81d65dfc384a341b6ce6eaab',
     'a man with short reddish-blond hair, a beard and large clear-framed glasses in a white '
     'T-shirt sits in a home office with a shelf and an open door behind him, starting neutral '
     'and then pulling exaggerated open-mouthed screaming and grimacing expressions at a webcam; '
     '7.0 s'),
)
