"""The second to fifth fresh held-out sets' records (data only; see :mod:`mespot_nb.strangers`)."""

from __future__ import annotations


#: A second fresh held-out set (docs/aumatch-history.md: the fourth round): 21 clips of about
#: 20 people from eight repositories' example media, none used before, found by a session
#: that ran no spotter on them; scored once to choose between two frozen aumatch variants by
#: a rule written down before.
SECOND_SET = (
    ("TPSMM_driving", "yoyo-nb/Thin-Plate-Spline-Motion-Model",
     "c616878812c9870ed81ac72561be2676fd7180e2", "assets/driving.mp4",
     ("c", "d"), 25.0, 169, (410, 412), 116.0,
     "711df5fceb4ab24bd118d8d97c1935011d46ce9e5c5fb70ac10d46a7276f30b9",
     "a middle-aged Asian man in an interview, a tight crop: talks, turns and tilts the "
     "head, lively brows and squints (the repository's 'driving' video, a camera "
     "recording); 6.8 s"),
    ("AniPortrait_pose_ref_video", "Zejun-Yang/AniPortrait",
     "7f6593fd971c95b65f603c15ef8ce2c3fc7f5404",
     "configs/inference/head_pose_temp/pose_ref_video.mp4", ("c",), 25.0, 125,
     (512, 512), 150.9, "947610a55bf6c6802bb158027b2b5b83df1084a4c5eb5419068844ed05177026",
     "an older woman with short light hair, a compressed broadcast: talks to the camera, "
     "head steady with small nods (the repository's head-pose template); 5.0 s"),
    ("videoretalking_face1", "OpenTalker/video-retalking",
     "d32e8e58248255e2d243eeaf3cba545dbe505ca8", "examples/face/1.mp4", ("c",), 22.131,
     135, (700, 700), 123.9,
     "60fb69b90af2edbcec762530bfab8be5be2753bca9f3f897005772b544313f94",
     "a young Asian man in a suit, standing, the upper body in view: talks, head steady "
     "with small tilts; 6.1 s"),
    ("videoretalking_face2", "OpenTalker/video-retalking",
     "d32e8e58248255e2d243eeaf3cba545dbe505ca8", "examples/face/2.mp4", ("c",), 25.0, 125,
     (844, 844), 181.2,
     "f7d30499bc380f4d18c18b1837fc1f6eb280fa21d79a9f7c6dd66db94296c43c",
     "a middle-aged man in front of a map: talks, head steady with a slight sway; 5.0 s"),
    ("videoretalking_face3", "OpenTalker/video-retalking",
     "d32e8e58248255e2d243eeaf3cba545dbe505ca8", "examples/face/3.mp4", ("b", "c"), 25.0,
     125, (590, 590), 151.1,
     "707d58aa3511138bd69e51944a732e010cc6d9063d3d79c178b50fc33cdc0ecf",
     "a young woman in front of a flag: talks, head steady, blinks, raises the brows; 5.0 s"),
    ("videoretalking_face4", "OpenTalker/video-retalking",
     "d32e8e58248255e2d243eeaf3cba545dbe505ca8", "examples/face/4.mp4", ("c", "d"), 30.0,
     199, (700, 700), 123.7,
     "414be3ad61f09432adfbc4933e0163539e94f74fc445c2b9114f8c64e38a480e",
     "a woman in front of a blue background, the upper body in view: talks, tilts and "
     "turns the head, frowns; 6.6 s"),
    ("videoretalking_face5", "OpenTalker/video-retalking",
     "d32e8e58248255e2d243eeaf3cba545dbe505ca8", "examples/face/5.mp4", ("c", "e"), 25.0,
     122, (524, 524), 142.3,
     "f664ca850492bbe151898174f83e054ca90f7390696232a9935e10f88a31dfd4",
     "an older woman with glasses: talks, head steady; 4.9 s"),
    ("LIA_vox_driving1", "wyhsirius/LIA", "b9f15fb70a3b7704576491ef8f4fd6fc4ad557d9",
     "data/vox/driving1.mp4",
     ("c", "d", "e"), 10.0, 652, (256, 256), 118.0,
     "c382be0f870142d5a64e9378fa835005671499251cec5f780a24dacc1124caca",
     "a young red-haired woman in an interview (a VoxCeleb-style crop, 256 px, 10 fps): "
     "talks, small head turns, glances aside; 65.2 s"),
    ("LIA_vox_driving2", "wyhsirius/LIA", "b9f15fb70a3b7704576491ef8f4fd6fc4ad557d9",
     "data/vox/driving2.mp4",
     ("c", "e"), 25.0, 221, (256, 256), 90.0,
     "d2afa22d205ad1afe5521241f8214cea938e17bb1d22032d38448816836837bf",
     "a young man (a VoxCeleb-style crop, 256 px, blurry): talks, small head movements; "
     "8.8 s"),
    ("LIA_vox_driving3", "wyhsirius/LIA", "b9f15fb70a3b7704576491ef8f4fd6fc4ad557d9",
     "data/vox/driving3.mov",
     ("c", "d", "e"), 24.0, 446, (256, 256), 65.0,
     "366e24a2bc63d2ff1228c58555be0082426055e8249ab7c059e82689d86b140f",
     "a young East-Asian person at a webcam (256 px, very blurry and washed out): talks, "
     "tilts and turns the head; 18.6 s"),
    ("LIA_vox_obama", "wyhsirius/LIA", "b9f15fb70a3b7704576491ef8f4fd6fc4ad557d9",
     "data/vox/obama.mov", ("b", "c"),
     25.0, 1169, (256, 256), 65.5,
     "c68cae1c963f30abe879e05e493e9402df74e4269fb53616e2694472276a52d4",
     "a middle-aged man giving a formal address (the file is named after him; 256 px): "
     "talks, head steady, blinks; small brightness jumps near frames 250, 750 and 1000, "
     "no cut; 46.8 s"),
    ("DaGAN_driving", "harlanhong/CVPR2022-DaGAN", "052ad359a019492893c098e8717dc993cdf846ed",
     "assets/driving.mp4",
     ("c", "d"), 25.0, 184, (256, 256), 71.8,
     "71c103a2443ffa63ea9029cb9617dfbc99c88f55e0020ebda0d701d483a1efe0",
     "a woman with short brown hair in an interview (a VoxCeleb-style crop): talks, turns "
     "and tilts the head, looks down and away; 7.4 s"),
    ("IPLAP_129", "Weizhi-Zhong/IP_LAP", "9b9dc03f0e90b10b92c904b202443c160afe7c45",
     "test/template_video/129.mp4",
     ("c", "e"), 30.0, 270, (256, 256), 142.2,
     "d3c2d18fd4ea1952b15508e315362ccdf3c80671b064e74a24d72d4042710f57",
     "a woman with red-brown hair, a crop so tight that the forehead and chin are cut off, "
     "the zoom changing: talks; 9.0 s"),
    ("DPE_d", "OpenTalker/DPE", "76a86c40132422929b98e26a366969f12ee66260", "data/d.mp4",
     ("b", "c"), 25.0, 334,
     (256, 256), 76.0, "9f31554130746a31c2cd7b399e3d9a25de8d0f4d2e463d8e9915b69b971d38f2",
     "a young man outdoors (a VoxCeleb-style crop): talks, small head movements, blinks "
     "and squints; 13.4 s"),
    ("DPE_s", "OpenTalker/DPE", "76a86c40132422929b98e26a366969f12ee66260", "data/s.mp4",
     ("b", "c"), 25.0, 228,
     (256, 256), 81.0, "a0c4ab09c48b2fc99f507ffb5d95c4c0fb6462600bdc008e820b9fac2ed67008",
     "a man in a suit (a VoxCeleb-style crop): talks, head steady, blinks; 9.1 s"),
    ("EAMM_M030_sad_3_001", "jixinya/EAMM", "e176a79865f792a1f8925934226de0b595c02c6d",
     "test/crop/M030_sad_3_001.mp4",
     ("c", "d"), 30.0, 112, (1920, 1080), 264.2,
     "1d708f875d4c01564404f51b2077b02e3d60c99d11a357b5c5bf0b6ac2ffa949",
     "a young East-Asian man in a hoodie in front of a green screen (MEAD's M030, "
     "1080p): speaks with a posed sad face, head steady and frontal; 3.7 s"),
    ("EAMM_contempt", "jixinya/EAMM", "e176a79865f792a1f8925934226de0b595c02c6d",
     "test/video/contempt.mp4",
     ("c", "d"), 25.0, 78, (256, 256), 83.0,
     "7ece562ff055a0ccaca7a81228303129a1ab1fb1edd83c9d56bc35a06e41c71f",
     "a young woman in front of a green screen (a MEAD crop): speaks with a posed, "
     "one-sided contempt, head steady; 3.1 s"),
    ("EAMM_disgusted", "jixinya/EAMM", "e176a79865f792a1f8925934226de0b595c02c6d",
     "test/video/disgusted.mp4",
     ("c", "d"), 25.0, 203, (256, 256), 79.0,
     "bbcd76910e25e797ffedfb54731153c9cc8202c858ea08dbb3db5b33b66b4028",
     "a young East-Asian man in front of a green screen (a MEAD crop): speaks with a "
     "posed disgust, head steady; 8.1 s"),
    ("EAMM_fear", "jixinya/EAMM", "e176a79865f792a1f8925934226de0b595c02c6d",
     "test/video/fear.mp4", ("c", "d"), 25.0,
     218, (256, 256), 84.0,
     "4a1c2c7776b395a4019d87cd7a6902d17851c97aefa187d95414e3b3c68e344b",
     "a young woman with dark curly hair (a MEAD crop): speaks with a posed fear, head "
     "steady; 8.7 s"),
    ("EAMM_happy", "jixinya/EAMM", "e176a79865f792a1f8925934226de0b595c02c6d",
     "test/video/happy.mp4", ("c", "d"),
     25.0, 141, (256, 256), 80.0,
     "e4067e9ed67497d6a96c814182b0e358380915aa65cd29572a53bc11f4826711",
     "a young man in front of a green screen (a MEAD crop): speaks smiling (posed "
     "happiness), blinks, slight head movements; 5.6 s"),
    ("EAMM_surprised", "jixinya/EAMM", "e176a79865f792a1f8925934226de0b595c02c6d",
     "test/video/surprised.mp4",
     ("c", "d"), 25.0, 310, (256, 256), 87.0,
     "f0b5010426209b82c547780f22a111698b0d89a77ba51d4e42809a359d8df91b",
     "the woman of EAMM_fear: speaks with a posed surprise, head steady; 12.4 s"),
)

#: The third fresh held-out set: 24 clips of about 23 people from eleven repositories, found
#: by a second helper session that ran no spotter on them; scored once, as evidence only (no
#: choice was made on it), then looked into (docs/aumatch-history.md: why PC-AVS's crops fail).
THIRD_SET = (
    ('smirk_dafoe', 'georgeretsi/smirk',
     'c7de404c4389f073906a6db1adabf62efcea3f35', 'samples/dafoe.mp4',
     ('d',), 29.97, 99, (1280, 720), 176.0,
     'faab39e11cde3a3607039dc27b202472f31b39a757cb91a2fceedf67679b9e24',
     'a middle-aged man in a television interview: exaggerated grimaces, the face partly '
     'turned; 3.3 s'),
    ('smirk_skarsgard', 'georgeretsi/smirk',
     'c7de404c4389f073906a6db1adabf62efcea3f35', 'samples/skarsgard.mp4',
     ('c', 'd', 'e'), 29.97, 300, (1920, 1080), 158.6,
     '70648cd72e9cb1e3e15f5fa099cb74846c87d623937a9115920c47ce3a6bd0ef',
     'a young man on a talk-show set: contorts his face, laughs, talks, the head moving; '
     'the camera reframes (a cut) halfway; 10.0 s'),
    ('EDTalk_expression_source', 'tanshuai0219/EDTalk',
     '06a9a968f4bc12f33d298bfb0d309d56708b5a8a', 'test_data/expression_source.mp4',
     ('b', 'd', 'e'), 30.0, 389, (256, 256), 75.4,
     '7eb72fd3e2d492f58c94d1b365af7a2d4d9fb1eaa65dfce40c7f031509631b49',
     'a young woman with long hair (256 px crop): posed expressions (a broad smile, a wink, '
     'raised brows), talks; her hands come into the frame; 13.0 s'),
    ('EDTalk_mouth_source', 'tanshuai0219/EDTalk',
     '06a9a968f4bc12f33d298bfb0d309d56708b5a8a', 'test_data/mouth_source.mp4',
     ('c',), 25.0, 250, (256, 256), 75.2,
     'dc6ff75f7d132ff9bcf8c5ff25ec1ea1c7afef69c799a1ec5b4494c9c8f06197',
     'a middle-aged woman (a 256 px talking-head crop): talks, head steady; 10.0 s'),
    ('EDTalk_pose_source2', 'tanshuai0219/EDTalk',
     '06a9a968f4bc12f33d298bfb0d309d56708b5a8a', 'test_data/pose_source2.mp4',
     ('c', 'd'), 25.0, 1499, (256, 256), 84.0,
     'fd62473264970165c19dbac710b12ad0beab4c93f1e5e01e0a44546ba5125c1d',
     'a middle-aged East-Asian man in a suit (a 256 px talking-head crop): talks, head '
     'steady with slight nods; 60.0 s'),
    ('FollowYourEmoji_temple_video', 'mayuelala/FollowYourEmoji',
     '8e42c5f23e1eec0eed0118b8ede516f01bd69094', 'inference_temple/temple_video.mp4',
     ('a',), 30.0, 97, (512, 512), 170.3,
     'f9b3e31d42d9b4127609d3ae61429e9ff6ef50bd3e99b715a312c78bf15f4bfc',
     'a young East-Asian man in a blue shirt indoors: nearly still and neutral, a slight '
     'press of the lips; 3.2 s'),
    ('StyleHEAT_video', 'OpenTalker/StyleHEAT',
     'dec6e531e707bb52fe98c0fb982680222829e289', 'docs/demo/videos/video.mp4',
     ('c', 'e'), 25.0, 252, (512, 512), 167.0,
     '5a6146296996e0fb3c54dca447246dbdc0115e4ee0bf33bf7627fc780653b059',
     'a woman with glasses and curly hair (a 512 px talking-head crop): talks, head steady; '
     '10.1 s'),
    ('PC-AVS_00015', 'Hangz-nju-cuhk/Talking-Face_PC-AVS',
     '14736e3a236b1e3b39ff8302ae66a1abc4876a49', 'misc/Audio_Source/00015.mp4',
     ('c',), 25.0, 174, (224, 224), 58.3,
     '4759caf337eb8fb469d31847cec22240c8410a021c7e3aff835db3b19a562cd6',
     'a heavy-set middle-aged man in a television interview (a VoxCeleb-style 224 px crop '
     'that follows the face): talks; 7.0 s'),
    ('PC-AVS_00067', 'Hangz-nju-cuhk/Talking-Face_PC-AVS',
     '14736e3a236b1e3b39ff8302ae66a1abc4876a49', 'misc/Pose_Source/00067.mp4',
     ('c', 'd'), 25.0, 114, (224, 224), 71.3,
     'c8823334dca7d6d74521cfc42c3d57cc34fef371bba185304a2da2af602afedf',
     'a bearded man in a dark shirt (224 px crop): talks, small head turns; 4.6 s'),
    ('PC-AVS_00086', 'Hangz-nju-cuhk/Talking-Face_PC-AVS',
     '14736e3a236b1e3b39ff8302ae66a1abc4876a49', 'misc/Audio_Source/00086.mp4',
     ('c', 'd'), 25.0, 130, (224, 224), 69.2,
     '04db65a1ddee7e6d756885c4d37b46e431b88986bd26fa0daef6543025ab0543',
     'a young man on a television show, red background (224 px crop): talks, turns the '
     'head; 5.2 s'),
    ('PC-AVS_00098', 'Hangz-nju-cuhk/Talking-Face_PC-AVS',
     '14736e3a236b1e3b39ff8302ae66a1abc4876a49', 'misc/Input/00098.mp4',
     ('c', 'd'), 25.0, 246, (224, 224), 63.2,
     'd4a21368be781e275dd02e8f3b7ad9605063b1bc09ed8e4f71c41d16904a7291',
     'a bearded man in a suit on a television show (224 px crop): talks, turns the head; '
     '9.8 s'),
    ('PC-AVS_00104', 'Hangz-nju-cuhk/Talking-Face_PC-AVS',
     '14736e3a236b1e3b39ff8302ae66a1abc4876a49', 'misc/Audio_Source/00104.mp4',
     ('c', 'd'), 25.0, 298, (224, 224), 65.0,
     '5d20e5ecc5fbb0b9499bbe448ba1e79c5e5caeaad1277ca2d7f538d44d7e1bd7',
     'a man with a goatee in a suit (224 px crop; the man of PC-AVS_741400163): talks, '
     'tilts the head; 11.9 s'),
    ('PC-AVS_741400163', 'Hangz-nju-cuhk/Talking-Face_PC-AVS',
     '14736e3a236b1e3b39ff8302ae66a1abc4876a49', 'misc/Pose_Source/741400163.mp4',
     ('c', 'd', 'e'), 25.0, 346, (224, 224), 62.6,
     '9820bd934aff275ea2ad09439be1768a8cb6b8cc0f752b19b3b9e3184238970d',
     'the man of PC-AVS_00104 in tinted glasses (224 px crop): talks, turns the head; 13.8 '
     's'),
    ('PC-AVS_00473', 'Hangz-nju-cuhk/Talking-Face_PC-AVS',
     '14736e3a236b1e3b39ff8302ae66a1abc4876a49', 'misc/Pose_Source/00473.mp4',
     ('c', 'd'), 25.0, 158, (224, 224), 68.0,
     '721d5efe2b68504e98e251c27c93735b9e02402e546b4ba6edf6e0634d694a8b',
     'an older bald man, white background (224 px crop): talks, turns the head; 6.3 s'),
    ('PC-AVS_517600055', 'Hangz-nju-cuhk/Talking-Face_PC-AVS',
     '14736e3a236b1e3b39ff8302ae66a1abc4876a49', 'misc/Pose_Source/517600055.mp4',
     ('b', 'c', 'd'), 25.0, 112, (224, 224), 70.1,
     '72dab7f5ec26e1aae9021207502583d19333f4802ceea05644969e76af70b7ee',
     'a young woman with long dark hair (224 px crop): talks, turns the head, closes the '
     'eyes and blinks; 4.5 s'),
    ('PC-AVS_620900105', 'Hangz-nju-cuhk/Talking-Face_PC-AVS',
     '14736e3a236b1e3b39ff8302ae66a1abc4876a49', 'misc/Pose_Source/620900105.mp4',
     ('c', 'd'), 25.0, 108, (224, 224), 77.6,
     '922872bef7c567e162d2c1b92e78ec5a782c0198a2ee8dc40a89dcdc7a2ef4ab',
     'a Black man with a shaved head (224 px crop): talks, turns the head; 4.3 s'),
    ('PC-AVS_681100216', 'Hangz-nju-cuhk/Talking-Face_PC-AVS',
     '14736e3a236b1e3b39ff8302ae66a1abc4876a49', 'misc/Audio_Source/681100216.mp4',
     ('c',), 25.0, 244, (224, 224), 76.0,
     'd5e54f0a14931b82c5f5a140dd1ec86314d20d82a7acc04a0afcac3f1d00279a',
     'a man with short blond hair and a bow tie on a television show (224 px crop): talks '
     'animatedly, head fairly steady; 9.8 s'),
    ('PC-AVS_796100172', 'Hangz-nju-cuhk/Talking-Face_PC-AVS',
     '14736e3a236b1e3b39ff8302ae66a1abc4876a49', 'misc/Pose_Source/796100172.mp4',
     ('b', 'c'), 25.0, 184, (224, 224), 72.1,
     '3cba1ebee40c50ac2729b7ef60402c812d2b7184f1aa0c5cbb8cb436d2a75660',
     'a young man in a dark top (224 px crop): talks, looks down, blinks; 7.4 s'),
    ('ClosedEyes_me', 'Fellway/Closed_eyes_detector',
     'a0fea2fb54790791a4b12cff3c7c539da4c9078d', 'media/me.mp4',
     ('a', 'b'), 30.0, 570, (368, 656), 124.0,
     '891aed3faeb2cf80307a9d7571e73dc0fac4206e9a9701e75f8f9c42cbd4e12a',
     'a young man in a grey T-shirt in front of a brick wall, a selfie camera: sits still '
     'with a neutral face, closes the eyes again and again (long blinks), head steady; 19.0 '
     's'),
    ('DrowsinessMounish_face', 'Mounish2311/Driver-Drowsiness-Detection',
     'a557bdec1577e2611b7e35d3caabc4cebe3d4ac4', 'face.mp4',
     ('a', 'b'), 29.988, 384, (1280, 720), 194.3,
     '53afe5fae2f75717e7c4c31bae20b3883f120877b6789b7ab93aa783819c234c',
     'a young South-Asian man at a webcam at home: sits nearly still with a neutral face, '
     'the eyelids drooping and blinking as if drowsy; 12.8 s'),
    ('1ZLAB_face', '1zlab/1ZLAB_OpenCV_Face_Detection',
     '86930b3f028dcefeddb4d95004c7037669537fbe', 'face.mp4',
     ('c', 'd'), 30.0, 383, (854, 480), 99.0,
     '718ab7fbf534c5c7bc45d1a5a0b835ac5e6e03e14760c189a0838a895a5b0604',
     'a young woman with long dark hair at a webcam: talks, turns the head left and right; '
     '12.8 s'),
    ('vdotupBlink_face', 'vdotup/blink-detection',
     '886788ee48ddd9a06a827c53f7ca982c7b4d6bf7', 'face.mp4',
     ('d', 'e'), 25.0, 224, (640, 360), 93.5,
     'f890cfbc97fd6abe6de7e546f6c7244876a98e0019acb1e3d420b46ed6b693ba',
     'a young woman with long hair by a window (stock footage, watermarked): neutral or '
     'slightly smiling, slow head turns; 9.0 s'),
    ('abhiDrowsiness_face', 'abhi8922/drowsiness-detection',
     '30a46c7d7096a1899deae09f6aa626736b68b4f4', 'face.mp4',
     ('a', 'e'), 24.0, 652, (338, 640), 59.0,
     'f5261e996ccb95a7e0ee41ab82c2ab2710b8c89093f440d37ac1b634f979fca5',
     'a woman with only her head above water (stock-like footage, portrait format, a small '
     'face): nearly still, neutral; 27.2 s'),
    ('piEyes_face', 'esunshin/pi_eyes',
     'd44ddf0aad3d0f47d9ef0b980755508c63516b43', 'eye_tracking/face.mp4',
     ('d', 'e'), 15.0, 151, (960, 720), 59.0,
     'f9244b28a3e923dff614da93aa4e20c07d3257e045270fd680efed70b8cd12d2',
     'a young man standing in a room, the upper body in view (15 fps, a small face): looks '
     'around, turning the head; 10.1 s'),
)

#: The fourth fresh held-out set: 11 clips of 11 people from ten repositories, found by a
#: third helper session that ran no spotter on them; scored once, to choose aumatch's fifth
#: round by a rule written down before (docs/prereg/aumatch-round5.md).
FOURTH_SET = (
    ('EVMrohin_face', 'rohintangirala/eulerian-remote-heartrate-detection',
     '2a6002f6d13922239d3785bd2fe70ecf4b5cb42f', 'videos/face.mp4',
     ('a',), 30.0, 301, (528, 592), 205.2,
     'fab07662ae910808b53f8e2a9150ec88beb06feca4a38c2d8d37b92d84ff4aa5',
     'an older man with glasses in a tight frontal close-up: sits completely still, '
     "neutral, silent (the Eulerian Video Magnification project's 'face' clip, copied into "
     'the repository); 10.0 s'),
    ('FaceMaskONNX_face', 'instant-high/Face-landmark-and-face-mask-ONNX',
     '4376760a039efac160a0a867686bd300567a4527', 'face.mp4',
     ('a', 'd'), 25.0, 270, (436, 384), 141.5,
     'a1c85fe910cf5fe539dce53e36af40a790f2c2e1f2821d0c1c86f9d883a1d623',
     'a young woman before a studio backdrop: neutral, silent, turns the head slowly from '
     'three-quarter view to frontal (looks like stock footage); 10.8 s'),
    ('RTFD30_face1', 'HiteshRam666/Realtime-Face-Detection-with-30-FPS',
     '0b6191abff9a4eeec1466d334dcc926570779379', 'face1.mp4',
     ('a', 'c'), 25.0, 196, (640, 360), 86.3,
     '0e414e5d54a72db00e10109a73d0871f2ccdfd738fa294077d40b2706ec79b9b',
     'a young woman outdoors before a blossoming tree: a gentle closed-mouth smile, small '
     'head movements, hair in the wind, silent (a stock-footage preview with its '
     'watermark); 7.8 s'),
    ('RTFD30_face2', 'HiteshRam666/Realtime-Face-Detection-with-30-FPS',
     '0b6191abff9a4eeec1466d334dcc926570779379', 'face2.mp4',
     ('c', 'd', 'e'), 23.98, 690, (640, 360), 90.9,
     '0f8991101ed04da697879f42c740fabdb323f5a9d952e641215841b502d1baf9',
     'a young woman before a plain light background: poses, tilts and turns the head, '
     'smiles broadly, touches her hair, silent (a stock-footage preview with its '
     'watermark); 28.8 s'),
    ('FaceAnon_face', 'jhunde/Face-Anonymizer',
     'ad9c78fb614c1715ef4929d2da5c81f3d72aaa80', 'data/face.mp4',
     ('a', 'd', 'e'), 25.0, 345, (960, 540), 62.3,
     '1809982f79eef2a944f3345df06f71d5abc894936e362df3baa1a18eff8e7cbc',
     'a young woman at a desk in a bright room, a small face: listens, looks around and '
     'off camera, turns the head; one cut from a wide to a closer shot; 13.8 s'),
    ('IMF_M2Ohb0FAaJU_1', 'johndpope/IMF',
     'fb8268dbf34bddc33e503a1c083b97b136baedf5', 'M2Ohb0FAaJU_1.mp4',
     ('b', 'c', 'e'), 23.976, 109, (512, 512), 145.5,
     'd742c268a09164300b431f05f28f462f204e52a7cf9386da0979694af87df9fd',
     'a young woman in a press interview (a 512 px crop with a name caption and burned-in '
     'subtitles): talks, blinks, squeezes the eyes at the end; 4.6 s'),
    ('leszko_face', 'leszko/sample-files',
     '1ef0b8464a4da051339720cf164749817cc6852d', 'face.mp4',
     ('d',), 60.0, 437, (1280, 720), 160.1,
     'cea94acc82dbda37555928c17388caf1db95486a7a8ac547eb70dc6a83df2637',
     'a man with headphones at a laptop webcam (60 fps): deliberate expressions (a frown, '
     'puffed cheeks, a wide-open mouth), tilts the head, looks up and aside; 7.3 s'),
    ('ghost_nggyup', 'ai-forever/ghost',
     'ea23cce2543a5933a22cbe98bb2973b8550a3ba1', 'examples/videos/nggyup.mp4',
     ('c', 'd', 'e'), 30.0, 289, (1280, 720), 148.2,
     'aefce9287559017e375eab01f69a1944be7c58ff476dc98e03d8e3d1bf85b952',
     'a young man singing and dancing in a 1987 music video: sings to the camera, turns, '
     'several cuts, broadcast-era compression; 9.6 s'),
    ('headGAN_driving', 'michaildoukas/headGAN',
     'c1ed8257b447df92d82236d361c72cf929135f1d', 'assets/driving.mp4',
     ('b', 'c'), 30.0, 150, (346, 346), 119.0,
     '3ce4cab62d94ee863343c189108b7adad56963eab4b2a38146847b5243471593',
     'a woman before a plain grey background (a 346 px crop): talks expressively, raises '
     'the brows, closes the eyes, smiles; 5.0 s'),
    ('MiniMates_driving', 'kleinlee/MiniMates',
     '54880c9b0b3b9232dc777c5caf42035cd0a6e81f', 'assets/driving.mp4',
     ('b', 'c'), 30.0, 475, (850, 680), 158.0,
     'efed5260fd47207e99da663dd905faad6ddc36f4fc2a0ea9ae9a45bbe43dd6f9',
     'a woman giving a speech at a podium: talks, often looks down at her notes (lids '
     'lowered), small head movements; 15.8 s'),
    ('MagicPortrait_driving', 'weimengting/MagicPortrait',
     '010332ac57f87186f79e3efcbc66e0c9e76e3b10', 'assets/driving.mp4',
     ('c', 'd'), 24.0, 220, (512, 512), 115.1,
     'acb2876476f57476a7d43ff48d0c4a50eda64405d9981d81920651660a47e7f3',
     'a woman filming herself outdoors (a 512 px crop): talks to the camera, turns the '
     'head from side to side; 9.2 s'),
)


#: A fifth fresh held-out set (docs/aumatch-history.md: the fifth set, untouched): 14 clips of 14
#: people from eleven more repositories, found by a session that ran no spotter on them, scored
#: once to measure the kit as it stood — nothing was chosen on them
#: (``docs/prereg/fifth-set.md``).
FIFTH_SET = (
    ('DylanCV_face', 'dylansanderson/openCV',
     'daf21815bb6f71558ca9f069fc79f4bc3ede4718', 'face.mp4',
     ('c', 'd'), 29.97, 478, (1280, 720), 456.9,
     'e4a47c558c59a6a4b66f4f44832a7e70108a735b15a66dfc4730683b7b890603',
     'a woman in a tight close-up before a light background: starts neutral, slowly breaks into a '
     'posed smile and holds it, silent (stock footage with its watermark); 15.9 s'),
    ('GasmyFD_face1',
     'Gasmy-myriam/Real-time-face-detection-using-Pyt'
     'hon-and-OpenCV--Haar-Cascade--on-video-streams.',
     'd8b2c1ddee0488fa8f4557d9092c5d26cdd49314', 'face1.mp4',
     ('c', 'd'), 25.0, 219, (1280, 720), 298.1,
     'b4acf5632cc2ce76ba379eca7ca298d8a845392b9c247ed02f09ae47895f52f9',
     'a young woman before a white studio background: turns from near-profile to frontal, then a '
     'posed smile, silent (looks like stock footage); 8.8 s'),
    ('Ammp_face', 'paloomers/ammp',
     '4420a2d03e730b460e092f80ff27cc5015b3576b', 'videos/face.mp4',
     ('c',), 59.71, 206, (1878, 972), 190.0,
     'f4dd548f0175d63e41a8ae856b33b0aa2f91f9da473b659b0132e069ec62f79d',
     'a man talking to the camera in a home office, vlog-style, frontal, slight head motion; 60 '
     'fps; 3.4 s'),
    ('AryanDD_test_video', 'AryanBhushan/DrowsyDetectionSystem',
     '0413107b042f4d7c7c11df4e57a9b39b32bccabf', 'test_video.mp4',
     ('a', 'b', 'e'), 30.0, 229, (640, 360), 127.5,
     'c4bf90fb08528febdfddbd5592cf14fcb04e69738788e31855cb577fd8ac89a3',
     "a man with round glasses in a car's passenger seat, drowsy: the eyes slowly close and stay "
     'half-closed, small nods (stock footage with its watermark); 7.6 s'),
    ('BernFS_Data1', 'Bernard3073/FaceSwap',
     '742dc6481674abaeae25baede24c5b0fed0ab997', 'Data/Data1.mp4',
     ('a',), 30.0, 93, (854, 480), 150.5,
     '772e164bc69fe2215da738d255ec90a1ece7ba96e14c75f9878ad762483eb497',
     'a young man before a white door, a phone or webcam clip: nearly still, neutral, a small '
     'sway; 3.1 s'),
    ('BernFS_Data2', 'Bernard3073/FaceSwap',
     '742dc6481674abaeae25baede24c5b0fed0ab997', 'Data/Data2.mp4',
     ('b', 'd'), 30.0, 93, (1280, 720), 256.7,
     '36b757726e78cf05d93ada137bcc7154d045a5e6a85580e2dae0001a823f9bf0',
     'a bearded man in a red shirt before a white wall: neutral, small turns and tilts of the '
     'head, a squint; 3.1 s'),
    ('Harith_sample_video', 'Harith100/ai-student-evaluator',
     '313ad1142e744e3923c3f953d1a828e8990532ac', 'sample_video.mp4',
     ('a', 'e'), 20.0, 323, (640, 480), 125.2,
     '57ab2f63e1787e6984438505f2e6084125fa25d562b23a9109ee7c3aaf73f64b',
     'a man at a laptop webcam in a bedroom: dark until the light comes on, then mostly still, '
     'chin on his hands, shifts posture; 16.1 s'),
    ('DreamT_W009_happy', 'ali-vilab/dreamtalk',
     'ba798b0e586d96a63f61050f7e8e17287ff3c859',
     'data/style_clip/video/W009_front_happy_level3_001.mp4',
     ('c', 'd'), 25.0, 108, (256, 256), 88.0,
     'cc25ac2663dd9d40d421f9b935e36887982394f119def29cc949bb7d7442e2df',
     'a young woman before a green screen (a MEAD recording, actress W009), a 256 px crop: speaks '
     'a sentence with a posed broad smile; 4.3 s'),
    ('StyleT_happyenglish_clip2', 'FuxiVirtualHuman/styletalk',
     '17b046cbf72823991650896b661908118956b2d2', 'samples/style_clips/video/happyenglish_clip2.mp4',
     ('b', 'c', 'd'), 30.0, 390, (256, 256), 75.3,
     '6984646fe2206b1f4adfc05a24bbab151a6706505768f5b6717624a6b7cd0bb3',
     'a woman before a bright background, a 256 px crop: talks animatedly, smiles broadly, tilts '
     'the head, closes the eyes at times; 13.0 s'),
    ('StyleT_feifeili_clip1', 'FuxiVirtualHuman/styletalk',
     '17b046cbf72823991650896b661908118956b2d2', 'samples/source_video/video/feifeili_clip1.mp4',
     ('c', 'd', 'e'), 30.0, 302, (256, 256), 94.8,
     'd8a3a023c4638ef7f02eeb888ada85ef7e0f1144164e28b233803915605a781d',
     'a woman speaking at an event with a headset microphone, a 256 px crop: talks, turns left and'
     ' right; the framing jumps once; 10.1 s'),
    ('Aqsa_my_video', 'Aqsayaqoob012/opencv',
     'd5964445510ac5405cfe3c14f5e3a41b2c54924f', 'my_video.mp4',
     ('d', 'e'), 20.0, 473, (640, 480), 102.0,
     '98358d49af461874f968114b5fabf456a3ab2358852d249fbcd7594995043870',
     'a young woman at a laptop webcam in a dim room with a bright lamp: looks at the camera, '
     'turns the head left, right and down, mostly neutral; the first frame green; 23.6 s'),
    ('AryaBl_blinks', 'Arya-pp/blinkdetectopencv',
     '724e2c10b49dca52f424a69ed8b6cad32d60e93f', 'blinks.mp4',
     ('a', 'b'), 30.0, 424, (1280, 720), 285.6,
     '37e2a4a8e847ceb36275dea98605614c937000a1b3c3235e03633cd8d90524a1',
     "a woman's phone selfie at night (portrait, pillarboxed): still, neutral, looking at the "
     'camera, blinks several times, some slow closures; 14.1 s'),
    ('NduDD_awake', 'n-d-u/Driver-Drowsiness-Detection',
     '2bfacca22aa9ddc03dfddf5a3ae24f6b6e3cd099', 'awake.mp4',
     ('a', 'b', 'e'), 23.976, 271, (600, 316), 113.1,
     'e3445992b33e958f4aff976daeeba9236bc7db21540956d1a7d1835aaac8cc56',
     'a woman in business attire in an office: stands still, neutral, occasional blinks (stock '
     'footage, its watermark across the lower face); 11.3 s'),
    ('NduDD_sleepy', 'n-d-u/Driver-Drowsiness-Detection',
     '2bfacca22aa9ddc03dfddf5a3ae24f6b6e3cd099', 'sleepy.mp4',
     ('b', 'e'), 29.97, 508, (596, 336), 84.2,
     '537a4641e8b885869df34917a62367007eb82ccaa4f216238812d3e802c82e70',
     'a tired woman in a kitchen: yawns widely with a hand over the mouth, squeezes the eyes shut,'
     ' then relaxes (stock footage with its watermark); 17.0 s'),
)
