"""The fresh held-out sets of strangers' clips (README "Real people"): real people in public
repositories' example videos, none shipped (no repository states its videos' terms), found by
helper sessions that ran no spotter on them. The second to fourth were each scored once for one of
aumatch's rounds by a rule written down before; the fifth, once, to measure the kit with nothing
chosen on it (it then became a tuning set of the sixth round); the sixth, seventh and eighth, once
each, to measure the defaults untouched and choose between two frozen candidates by a rule
written down before.

Data only: :mod:`mespot_nb.media` builds each record into a
:class:`~mespot_nb.media.Footage` of :data:`mespot_nb.media.HELD_OUT` (``_fresh``). A record is
``(name, repository, commit, path in it, condition tags, fps, frames, (width, height), median
inter-ocular distance in px from dlib's landmarks — the track's for the second to fifth sets, 24
sampled frames' for the sixth to eighth — sha256, description)``.
"""

from __future__ import annotations


#: What each repository of the second to fifth fresh held-out sets says of its licence, and
#: anything else of its example media (none states the videos' own terms).
TERMS = {
    "yoyo-nb/Thin-Plate-Spline-Motion-Model": ("is MIT-licensed for its code", ""),
    "Zejun-Yang/AniPortrait": ("is Apache-2.0-licensed for its code", ""),
    "OpenTalker/video-retalking": ("is Apache-2.0-licensed for its code", ""),
    "wyhsirius/LIA": ("is CC BY-NC 4.0-licensed for its code", ""),
    "harlanhong/CVPR2022-DaGAN": ("is CC BY-NC 4.0-licensed for its code", ""),
    "Weizhi-Zhong/IP_LAP": ("is Apache-2.0-licensed for its code",
                            "; its work builds on LRS2, a research-only dataset"),
    "OpenTalker/DPE": ("is MIT-licensed for its code",
                       "; its README asks for personal, research and non-commercial use"),
    "jixinya/EAMM": ("is MIT-licensed for its code", "; the clips are crops of the MEAD dataset, "
                     "whose terms are research-only and non-commercial"),
    "georgeretsi/smirk": ("is MIT-licensed for its code", "; the samples are film and television "
                          "footage"),
    "tanshuai0219/EDTalk": ("is Apache-2.0-licensed for its code", ""),
    "mayuelala/FollowYourEmoji": ("has no licence file", ""),
    "OpenTalker/StyleHEAT": ("is MIT-licensed for its code", ""),
    "Hangz-nju-cuhk/Talking-Face_PC-AVS": ("is CC BY 4.0-licensed", "; the clips look like "
                                           "VoxCeleb's, cut from interviews on YouTube"),
    "Fellway/Closed_eyes_detector": ("has no licence file", ""),
    "Mounish2311/Driver-Drowsiness-Detection": ("has no licence file", ""),
    "1zlab/1ZLAB_OpenCV_Face_Detection": ("is MIT-licensed for its code", ""),
    "vdotup/blink-detection": ("has no licence file", "; the clip carries a stock-footage "
                               "library's watermark"),
    "abhi8922/drowsiness-detection": ("has no licence file", "; the clip looks like stock "
                                      "footage"),
    "esunshin/pi_eyes": ("has no licence file", ""),
    "rohintangirala/eulerian-remote-heartrate-detection": (
        "has no licence file", "; the clip is the Eulerian Video Magnification project's (MIT "
        "CSAIL) 'face' sample"),
    "instant-high/Face-landmark-and-face-mask-ONNX": ("has no licence file", ""),
    "HiteshRam666/Realtime-Face-Detection-with-30-FPS": (
        "has no licence file", "; the clips carry a stock-footage library's watermark"),
    "johndpope/IMF": ("has no licence file", "; the clip is a crop of a YouTube interview"),
    "leszko/sample-files": ("has no licence file", ""),
    "jhunde/Face-Anonymizer": ("has no licence file", ""),
    "ai-forever/ghost": ("is Apache-2.0-licensed for its code", "; the clip is an excerpt of a "
                         "1987 music video, under its own copyright"),
    "michaildoukas/headGAN": ("is CC BY-NC-SA 4.0-licensed", ""),
    "kleinlee/MiniMates": ("says in its README that its code is MIT-licensed", ""),
    "weimengting/MagicPortrait": ("has no licence file", ""),
    # the fifth set's
    "dylansanderson/openCV": ("has no licence file", "; the clip carries a stock-footage "
                              "library's watermark"),
    "Gasmy-myriam/Real-time-face-detection-using-Python-and-OpenCV--Haar-Cascade--on-video-"
    "streams.": ("has no licence file", "; the clip looks like stock footage"),
    "paloomers/ammp": ("has no licence file", ""),
    "AryanBhushan/DrowsyDetectionSystem": ("has no licence file", "; the clip carries a "
                                           "stock-footage library's watermark"),
    "Bernard3073/FaceSwap": ("has no licence file", "; the clips are a course project's input "
                             "data"),
    "Harith100/ai-student-evaluator": ("is MIT-licensed for its code", ""),
    "ali-vilab/dreamtalk": ("is MIT-licensed for its code", "; the clip is a recording of the "
                            "MEAD dataset, whose terms are research-only and non-commercial"),
    "FuxiVirtualHuman/styletalk": ("is MIT-licensed for its code", "; the clips look cut from "
                                   "online videos"),
    "Aqsayaqoob012/opencv": ("has no licence file", ""),
    "Arya-pp/blinkdetectopencv": ("has no licence file", ""),
    "n-d-u/Driver-Drowsiness-Detection": ("has no licence file", "; the clips carry a "
                                          "stock-footage library's watermark"),
    # the sixth set's
    "r4onlyrishabh/blink-detector": ("has no licence file", "; the clip looks cut from an online "
                                     "video"),
    "Momin-Rauf/face-Detection_mesh": ("has no licence file", "; the clip looks like stock "
                                       "footage"),
    "nasrfathy1/Smile-detection-image-processing": ("has no licence file", ""),
    "reddyjaysurya/computer_vision": ("has no licence file", "; the clip is an online course's "
                                      "material"),
    "OpenTalker/SadTalker": ("is Apache-2.0-licensed for its code", "; the clips are crops of "
                             "public television and online videos"),
    "tencent-ailab/V-Express": ("has no licence file", "; the clip is a crop of a public online "
                                "video"),
    "ajay-sainy/Wav2Lip-GFPGAN": ("has no licence file", "; its README names online videos as "
                                  "its inputs' sources"),
    "kyunghyunHan/mediapipe": ("has no licence file", "; the clip looks like a social-media "
                               "video"),
    "seelimsenn/OpenCV": ("has no licence file", ""),
    "Krzysiek354/Python_Face_Detection": ("has no licence file", "; the clip looks like an "
                                          "online tutorial's sample"),
    "AlaaAElshafei/Head-Pose-Estimation": ("has no licence file", ""),
    "lestari15/CNN-face-detection": ("has no licence file", ""),
    "Srujan-rai/Deepfake_video_detection": ("has no licence file", "; the clip is cut from a "
                                            "public interview"),
    "ayhm23/DeepfakeDetection": ("has no licence file", "; the clip looks like a "
                                 "deepfake-detection dataset's"),
    "cozma-vlad/Licenta": ("has no licence file", ""),
    "markxhewson/IntelligentSystems": ("has no licence file", ""),
    # the seventh set's
    "Clarakim415/OpenCV-application": ("has no licence file",
                                       "; the clip looks like stock footage"),
    "AngaBlue/video-heart-rate": ("is MIT-licensed for its code", ""),
    "repeating/Blink-Detector": ("has no licence file", ""),
    "DeepaNikade/Body_Language": ("has no licence file", ""),
    "MyraAdra/event-vision-playground": ("has no licence file (its README shows an MIT badge)",
                                         "; the clip looks like stock footage"),
    "BlueByteMatrix/Project-AegisAI-": ("has no licence file",
                                        "; the clip is cut from a television interview"),
    "aya-yahia-1november/face_detection": ("has no licence file",
                                           "; the clips are a stock-footage library's "
                                           "watermarked previews"),
    "suphaloek-cloud/face-recognition-icdi": ("has no licence file", ""),
    "shami09/Video-Audio-Recorder": ("has no licence file", ""),
    "HuangJiaChen1/beautycam": ("has no licence file", ""),
    "ChienLady/RD-MISA": ("has no licence file", ""),
    "PerveevEvgen/py_lab2": ("has no licence file",
                             "; the clip is a stock-footage library's watermarked preview"),
    "Viet281101/OpenCV_Python": ("has no licence file", ""),
    "pedrohcaminha/poc-joias-voa": ("has no licence file", "; the clip looks like stock footage"),
    "George210843/HCI_Project": ("has no licence file",
                                 "; the clips are a stock-footage library's watermarked previews"),
    # the eighth set's
    "vukien199x/reg-barter": ("has no licence file", ""),
    "Info-God/DeepFake": ("has no licence file",
                          "; the clips are FaceForensics++ source videos (cut from YouTube; the "
                          "dataset's terms are research-only)"),
    "Timofei228/myDiplomaProject": ("has no licence file", ""),
    "magicsch/swipe_detection": ("has no licence file", ""),
    "0507jiho/opensource_termProject": ("has no licence file",
                                        "; the clip is a newspaper's online interview"),
    "IbrahimAamer44/Word_level_lip_reading_demonstration_app": ("has no licence file", ""),
    "Divakar58/Computer-Vision": ("has no licence file", ""),
    "GadaaDhaariGeek/computer_vision_2": ("has no licence file", ""),
    "Proverbs13/AI-Mosaic-Camera": ("is Apache-2.0-licensed for its code", ""),
    "PikePullen/OpenCV_Camera": ("has no licence file", ""),
    "marinasvlad/cv": ("has no licence file", ""),
    "Ta-SeenJunaid/Computer-Vision": ("has no licence file", ""),
    "omer-re/OpenCV_and_ML_course": ("has no licence file", ""),
    "Resh-97/Face-Mesh-Mediapipe": ("is GPL-3.0-licensed for its code",
                                    "; the clips look like stock footage"),
    "SammytLee/MP-FaceMesh": ("has no licence file",
                              "; its README says the clips are Pexels stock footage"),
}


#: A second fresh held-out set (README "Real people": the fourth round): 21 clips of about
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
#: choice was made on it), then looked into (README: why PC-AVS's crops fail).
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


#: A fifth fresh held-out set (README "Real people": the fifth set, untouched): 14 clips of 14
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


#: A sixth fresh held-out set (README "Real people", aumatch's sixth round): 18 clips of 18
#: people from sixteen more repositories, found by a session that ran no spotter on them, taking
#: nothing from the 45 repositories and 100 files of the sets before; scored once, to choose
#: between frozen candidates by a rule written down before (``docs/prereg/aumatch-round6.md``).
SIXTH_SET = (
    ('BlinkDet_default1', 'r4onlyrishabh/blink-detector',
     '955f25001e897cb20aa8330fcdda401670b2fe61', 'video/default1.mp4',
     ('b', 'c'), 30.0, 301, (1280, 720), 203.6,
     '0f552067d2966f39223047115e04ab432f60060969e3f142580044dc68aab6a9',
     'a young woman with long dark hair in a white room: talks to the camera with hand '
     'gestures, blinks and closes the eyes often (looks like a vlog crop); 10.0 s'),
    ('FaceMesh_face', 'Momin-Rauf/face-Detection_mesh',
     '7c93aa720c8114655681e41774b490100e18a9b2', 'face.mp4',
     ('d', 'e'), 25.117, 156, (2732, 1440), 365.6,
     '1507bc1dbc3f69113aebeabd149370268cda541abf9258f8c6b78d47c41f20ba',
     'a young man before a black background in low-key light with red laser lines across his '
     'face: slowly turns from frontal to profile (looks like stock footage); 6.2 s'),
    ('SmileNasr_smile', 'nasrfathy1/Smile-detection-image-processing',
     '6ecbe75a44f8821617f922598e3a39c49a6367ea', 'smile.mp4',
     ('c', 'e'), 20.0, 121, (640, 480), 123.1,
     '0a5934ff5cc83c8f1d9e3cddb629683935671b910a404610c61ecdc08f5f622f',
     'a bearded man at a webcam in a dim room: neutral, then broad smiles, again and again; '
     'yellow detection boxes and labels burnt in, the first 0.5 s black; 6.1 s'),
    ('ReddyCV_video_capture', 'reddyjaysurya/computer_vision',
     '08b8113226362340ee8e8f0748f92c3c1c1dd007', 'DATA/video_capture.mp4',
     ('c', 'd', 'e'), 25.0, 127, (640, 480), 94.4,
     '59e6158d979178745e569062089dd232af00513a8c3a507b7bfd456d9c3f67af',
     'a man with headphones, a webcam looking up at him: glances around, holds fingers before '
     'his face, closes the eyes and smiles (course material); 5.1 s'),
    ('SadTalker_WDA_KatieHill_000', 'OpenTalker/SadTalker',
     '52c561414921e9edc4206c6c792670e213a98ee6', 'examples/ref_video/WDA_KatieHill_000.mp4',
     ('b', 'c'), 25.0, 200, (512, 512), 152.1,
     '1fbb4cfd64eedc49b170c441714a9c4fd5e2c2f8a11592070ad89fbd257f2817',
     'a woman politician in an office, a 512 px crop (looks upscaled): talks, smiles, blinks '
     'and winks; 8.0 s'),
    ('SadTalker_WDA_BobMenendez_000', 'OpenTalker/SadTalker',
     '68651ebaa6fedad57ca9c878221f9b57212040cb',
     'test/examples/source_image/WDA_BobMenendez_000.mp4',
     ('c', 'e'), 25.0, 200, (512, 512), 165.2,
     '2abe44bce2a061c273df1efd4094f0ff433628c688e7b8bf563fd57fd8ea3139',
     'an older man politician with glasses before a blue studio background, a 512 px crop '
     '(looks upscaled): talks, head fairly still; 8.0 s'),
    ('SadTalker_RD_Radio34_000', 'OpenTalker/SadTalker',
     '68651ebaa6fedad57ca9c878221f9b57212040cb', 'test/examples/source_image/RD_Radio34_000.mp4',
     ('c', 'd'), 25.0, 200, (512, 512), 162.7,
     'c5378ab6fdf03f5804e1361c061ad7cabc58173d366c542e7ae97048e864f6a4',
     'an older woman politician before a dark background, a 512 px crop (looks upscaled): '
     'talks animatedly, tilts and turns the head, raises the brows; 8.0 s'),
    ('VExpress_AOC_gt', 'tencent-ailab/V-Express',
     '509b37c66c9d7b86bcbc997dba4a64299461cfb0', 'test_samples/short_case/AOC/gt.mp4',
     ('b', 'c'), 29.97, 137, (512, 512), 130.8,
     '2b1adf40d8d27dc4fd75c6d24ecefcc1bfba108a2e70ce207532236c31946889',
     'a woman politician before a flag, a 512 px crop: talks with brief eye closures and small'
     ' tilts; 4.6 s'),
    ('Wav2LipGFPGAN_kim_7s_raw', 'ajay-sainy/Wav2Lip-GFPGAN',
     'd2ab9383ee15d2373fb0b528a03865bd62bdfd1e', 'inputs/kim_7s_raw.mp4',
     ('c', 'e'), 30.0, 223, (1920, 1080), 195.6,
     '6db41ed4770bc10309dccf68eb15698f5b46d4eeacbb872a7691c196e497dcce',
     'a presenter keyed onto a blue background with cartoon icons beside her: talks with small'
     ' head movements; 7.4 s'),
    ('KyunghyunMP_face2', 'kyunghyunHan/mediapipe',
     '34a7fe9bb9729e91a0d7839bb97e61505258a3f5', 'face2.mp4',
     ('b', 'c', 'd'), 23.934, 363, (522, 634), 186.2,
     '2761206d36020df9f12eeccfd935b7a932e71b3a029e6b1a9022b677ab158553',
     'a woman before a grey wall doing posed face exercises: pursed lips, a wide-open mouth, '
     'broad smiles, eyes squeezed shut, then a turn to profile; 15.2 s'),
    ('SeelimOpenCV_webcam', 'seelimsenn/OpenCV',
     'f445e984adff3313b1ef1d6e012f3d80bd2aa4dd', 'webcam.mp4',
     ('c', 'e'), 30.0, 121, (1920, 1080), 180.4,
     '3493b35dc13a8a76c886f2f7fdaeebeb277eae72b7d44a3389a8906f8ecf09e9',
     'a young bearded man in a dim cafe at night: talks and glances sideways, another face '
     'partly at the left edge, the first 0.3 s nearly black; 4.0 s'),
    ('KrzysiekFD_real', 'Krzysiek354/Python_Face_Detection',
     '0c749195d053752e7d10cff516a568aa17b98c2c', 'videos/real.mp4',
     ('d', 'e'), 16.083, 140, (1920, 1080), 253.0,
     'a4f612b9e18e240cd3067f96f04ada3629f3405be873c28b9a6b492392582a5e',
     'a bearded man at a webcam before a backlit window: mostly neutral, slowly turns and '
     'tilts the head, looks around; 16 fps; 8.7 s'),
    ('AlaaHeadPose_test_video', 'AlaaAElshafei/Head-Pose-Estimation',
     'fe57457320543457782856bbad578191110a728e', 'test_video.mp4',
     ('d', 'e'), 30.084, 623, (352, 392), 98.4,
     '347cb64656a34d07048f18a093542f8ed27d48dca77d94319cf485199ff1d08b',
     'a young woman in a hijab, a phone camera before a backlit window: turns, tilts and nods '
     'the head, slight smiles; 20.7 s'),
    ('LestariCNN_real', 'lestari15/CNN-face-detection',
     'bbd288fe694d1900133083dcf90088594d749dff', 'videos/real.mp4',
     ('a', 'e'), 30.0, 112, (1080, 720), 221.3,
     '6c758319edc3443c6ff27c486371a71ac19ff6468054bc3d43b4837e70030d06',
     'a man with a short beard at a webcam in a dim office: sits still, neutral and silent; '
     '3.7 s'),
    ('SrujanDF_real', 'Srujan-rai/Deepfake_video_detection',
     'd2f3b5da34dbf98027a97d7bd87457142ced73e2', 'real.mp4',
     ('c', 'e'), 30.0, 261, (1920, 1080), 195.6,
     '37542bf07a96871929fd78d2294cfc9084f1c393888178da71c65c43f7abe5b7',
     'a businessman in an interview, three-quarter view: talks with small head movements; a '
     'label burnt in, white side bars; 8.7 s'),
    ('AyhmDF_real', 'ayhm23/DeepfakeDetection',
     '6c806eb2bf855603aa2bbd40aca8bb05273409af', 'real.mp4',
     ('c',), 29.97, 300, (1920, 1080), 127.3,
     '7722529c9028ca9f4473ed495b8d241f563234b11fda87a0030d9ac1f10fa121',
     'a woman in a blue top standing in a room: talks to the camera with small gestures (looks '
     "like a deepfake-detection dataset's real clip); 10.0 s"),
    ('LicentaCozma_face', 'cozma-vlad/Licenta',
     '31b7db04b0712409d98ed3c982cdac3ec0169a0f', 'face.mp4',
     ('a',), 15.078, 104, (1280, 720), 170.0,
     'e5b68685ce5f14e52a59a6e011a2c808770177a05ae53416e50c6290b40aa8ca',
     'a man at a webcam in a wood-panelled room: sits still, neutral and silent, slight head '
     'shifts; 15 fps; 6.9 s'),
    ('HewsonIS_my_face', 'markxhewson/IntelligentSystems',
     '48cd1dd4b50ba6ee4e960ce0d80396ed90f5cb22', 'my_face.mp4',
     ('a',), 30.01, 292, (480, 854), 125.5,
     '346c3e4a63757e1354f886179f81b1e6395c556ca9de87c976d1b6930190e7b3',
     'a young bearded man, a hand-held phone selfie: neutral and silent, small head and camera '
     'motion; 9.7 s'),
)


#: A seventh fresh held-out set (README "Real people", aumatch's seventh round): 18 clips of 18
#: people from fifteen more repositories, found by a session that ran no spotter on them, taking
#: nothing from the 61 repositories and 180 files of the sets and candidates before; scored once,
#: to measure the defaults untouched and to choose between frozen candidates by a rule written
#: down before (``docs/prereg/aumatch-round7.md``).
SEVENTH_SET = (
    ('ClaraCv_face_video', 'Clarakim415/OpenCV-application',
     '09e0dec9098ba28973fcd88541194a6b7e7db662', 'face_video.mp4',
     ('c', 'e'), 25.0, 369, (426, 240), 36.2,
     '9123acad4da5d8e4cdd3298d6284bd2af5fde5c27b2131396efdbb99b7e6da0c',
     'a man in his thirties with a beard and glasses talks and gestures to two listeners seen '
     'from behind in a bright studio (stock-style, 426×240); 14.8 s'),
    ('AngaHr_dark_skin', 'AngaBlue/video-heart-rate',
     '33d40c59853513c24c9ae486e3f7c448cd4722ab', 'video-footage/dark_skin.mp4',
     ('a',), 30.0, 300, (570, 718), 306.6,
     'dea19761d08e0436d5caf6017b1e4e823dc089734046cca9adf30bc3f9b14842',
     'a close frontal view of a young man with a thin beard, still and neutral against a dark '
     'background (heart-rate test footage); 10.0 s'),
    ('RepBlink_video', 'repeating/Blink-Detector',
     '833ab3794a49c62230b54432af0cd2b92d7b554a', 'video.mp4',
     ('a', 'b'), 23.859, 334, (480, 854), 164.1,
     'e6e4aeff1c770f71b8c6f36c98bae83b4e50fae09cb819aed882cb8213082ea7',
     'a young bearded man before a phone camera in portrait format, neutral and still, closes '
     'his eyes several times; 14.0 s'),
    ('BodyLang_interview', 'DeepaNikade/Body_Language',
     '57d4aab54725b521e701ca2868e83f11a70ba037', 'interview.mp4',
     ('d', 'e'), 20.0, 467, (640, 480), 84.5,
     '8bab6b211525cf55567b0e80a133d9ff4eda75c4643d49aa6172cc0754d9afef',
     'a young woman before a laptop webcam in a dim room leans towards and away from it and '
     'makes posed faces (pressed lips, pout, glances down); letterboxed; 23.4 s'),
    ('EventVis_face', 'MyraAdra/event-vision-playground',
     '72762d698d71fdb092747c4cae437529254defcf', 'videos/face.mp4',
     ('c',), 30.0, 204, (852, 480), 111.3,
     'dab905275c8afd90d858c22c6d7b53bc69383785708149100ee95afdf786c07c',
     'a young woman talks animatedly to the camera before a green screen, small head movements, '
     'a hand gesture at the end (stock-style); 6.8 s'),
    ('Aegis_real', 'BlueByteMatrix/Project-AegisAI-',
     'c28330965a27bf7a44bbac286efcf928e9fb1559', 'real.mp4',
     ('c', 'd', 'e'), 30.0, 529, (942, 500), 85.4,
     'b48a9958678e46aae3ac0418cfdb5c75b74f73924da471ebc6f8e57dbd632122',
     'a film actor answers questions in a television interview, looking down and sideways with '
     'small head tilts; channel logo and ticker; 17.6 s'),
    ('AyaFd_istock', 'aya-yahia-1november/face_detection',
     '1114f71babd883683be7ec081ec4fa086be98c3b', 'istockphoto-1130631457-640_adpp_is.mp4',
     ('c', 'e'), 25.0, 390, (640, 360), 77.0,
     '53b8d7cb4aa60c850e8e225c8361a56ae40d4fd76d69f659441ea566be98bff1',
     'a woman with dark curly hair talks to the camera with a steady head in a bright office; a '
     'stock-footage watermark across the face; 15.6 s'),
    ('AyaFd_person', 'aya-yahia-1november/face_detection',
     '1114f71babd883683be7ec081ec4fa086be98c3b', 'person.mp4',
     ('a', 'e'), 23.976, 164, (640, 360), 153.8,
     'db81433f1485096640f672cd82e95253b588cd6675b965e3cfcb4743eabc7f07',
     'an older man with long grey hair and a full grey beard looks into the camera almost '
     'motionless; faint watermark; 6.8 s'),
    ('Icdi_person', 'suphaloek-cloud/face-recognition-icdi',
     'b10608891d57b37ba78e5297c391e819561cc4b2', 'person.mp4',
     ('d',), 24.0, 219, (960, 540), 44.4,
     '1757db49e5a5096d8892c14f7f660eec6e02a537ca8c169e1d4a8f05dfdddf1f',
     'a man with a shaved head in a corridor, seen from slightly below, turns his head and body '
     'to the side and back (small face); 9.1 s'),
    ('Shami_my_video', 'shami09/Video-Audio-Recorder',
     'f6a87e435eed628e20334bc76daf0a6fa99f68a5', 'my_video.mp4',
     ('c', 'd', 'e'), 30.0, 231, (640, 480), 117.0,
     '2754456107f558d85d2e08585c1ce77595c5c5abc0a5a0c5fa474d002de7e194',
     'a young woman talks to a laptop webcam, tilts her head, raises an arm behind it and leans '
     'close so that her face partly leaves the frame; 7.7 s'),
    ('Beautycam_input_video', 'HuangJiaChen1/beautycam',
     '31d32789414230c2280cca1abdc0a95b880abc8b', 'input_video.mp4',
     ('d', 'e'), 30.0, 216, (720, 1280), 261.3,
     'fa1f6a67ba3fde8bb98c64a28fc0e537114c0ca863a4243fd00a6de23e0c3597',
     'a young man with glasses before a phone camera turns his head left and right and tilts it '
     'up; glare on the glasses; 7.2 s'),
    ('RdMisa_real_face', 'ChienLady/RD-MISA',
     'fc51ac10821432dd8870f73159471cb4273a3097', 'real_face.mp4',
     ('d', 'e'), 19.909, 146, (480, 852), 155.9,
     '10177eaa3c312c5119e4849909e9d6caf6e370bbfdfc734f8f51ba98e5bdebaf',
     'a young man with glasses, backlit before a dim, blurry laptop webcam, tilts his head up '
     'and sideways and shifts in the frame; 7.3 s'),
    ('PyLab2_video_face', 'PerveevEvgen/py_lab2',
     '339f5b40b8baa65a846a60a2134c3e5e4cbbf19c', 'video_face.mp4',
     ('a', 'c', 'd', 'e'), 30.0, 676, (640, 360), 107.3,
     'e1e5e16240a392b8480453ff2f742ea78e9dfa9be625a8c5055b7cc5115c80d2',
     'a young man against a black background, first neutral and still, then broad smiles and a '
     'posed wide-eyed grin; faint watermark; 22.5 s'),
    ('VietCv_webcam_video_blink', 'Viet281101/OpenCV_Python',
     '65d67cc16963ac6b0cfd12474a791fda93577375', 'webcam_video_blink.mp4',
     ('a', 'b'), 30.0, 151, (640, 480), 139.0,
     'e3c7f7eac0a79f5527539ff4228a78c00bc970932e025172175bcea15f33c5a1',
     'a young man sits still before a laptop webcam with a neutral face and blinks a few times '
     'in flat bluish light; 5.0 s'),
    ('Joias_face2', 'pedrohcaminha/poc-joias-voa',
     '2a4dd6a685d0a2f875d728da3b69f645aaec3031', 'face2.mp4',
     ('c', 'd'), 25.0, 291, (1920, 1080), 227.4,
     'ae424e2641d9073b9c37535808f7a8e82f2184b705c1c8ed13559c4662ae2864',
     'a young woman with arms crossed against a grey wall smiles and laughs with head tilts '
     '(stock-style, 1080p); 11.6 s'),
    ('HciProj_neutral', 'George210843/HCI_Project',
     '7cc536df83cfa09e638a6975640339a7d39a719b', 'videos/neutral.mp4',
     ('a', 'e'), 25.0, 126, (640, 360), 70.0,
     '294da764ba35ef176f7b470b67ee52e0549181dbff82b6f003f283450e23b320',
     'a grey-haired, grey-bearded man stands almost motionless facing the camera with a neutral '
     'face; watermark; 5.0 s'),
    ('HciProj_happy', 'George210843/HCI_Project',
     '7cc536df83cfa09e638a6975640339a7d39a719b', 'videos/happy.mp4',
     ('b', 'd', 'e'), 25.0, 234, (640, 360), 84.5,
     '4de1315c7e01d52ed380579d58237ce753bb8eaa87c635514bdff2d3e2dc2800',
     'a young woman before a blue backdrop closes her eyes, then posed surprise, a worried frown'
     ' and a squint with small head tilts; watermark; 9.4 s'),
    ('HciProj_think', 'George210843/HCI_Project',
     '7cc536df83cfa09e638a6975640339a7d39a719b', 'videos/think.mp4',
     ('d', 'e'), 25.0, 549, (640, 360), 48.3,
     '64f3bd25df08c7a1ca1cdf2a6a53de2e82a421c6e3848efff7d55619979196d7',
     'a bearded man before a grey backdrop looks around, a hand on his cheek and chin for long '
     'stretches, tilting his head; watermark; 22.0 s'),
)


#: An eighth fresh held-out set (README "Real people", aumatch's eighth round): 20 clips of 20
#: people from fifteen more repositories, found by a session that ran no spotter on them, taking
#: nothing from the 76 repositories and 258 files of the sets and candidates before; scored once,
#: to measure the defaults untouched and to choose between frozen candidates by a rule written
#: down before (``docs/prereg/aumatch-round8.md``).
EIGHTH_SET = (
    ('RegBarter_face', 'vukien199x/reg-barter',
     'cecb3b1bffa1094869e7a64e1d81687de0fc7a27', 'data/face.mp4',
     ('c', 'd'), 30.0, 218, (480, 852), 166.5,
     'a2c4084edcc6ed5a2c04bffc7c203e53bf4543e9aeeb976a42b832d0751e0455',
     'a woman with long dark hair films herself with a phone against a cream wall: small head '
     'turns and tilts, a brief smile; 7.3 s'),
    ('InfoGodDF_024', 'Info-God/DeepFake',
     'd506ef725dde4d3e40a167941aa563500aa2bf81', 'real videos/024.mp4',
     ('c', 'e'), 25.0, 306, (640, 480), 96.5,
     'b6f203756d1fbde34b25b88dedd3ecc095e5805e6feefd0064f2dab9bce6f9dd',
     'a middle-aged man in a television interview close-up talks with raised eyebrows and small '
     'head movements; logo and name caption; 12.2 s'),
    ('InfoGodDF_010', 'Info-God/DeepFake',
     'd506ef725dde4d3e40a167941aa563500aa2bf81', 'real videos/010.mp4',
     ('c', 'e'), 25.0, 474, (640, 480), 66.2,
     '1af93e49ed8e776dc73e680865683c507a04f6565326c1fb9da11527d34aacab',
     'a woman reporting outdoors for television talks to the camera with a steady head; a score '
     'graphic in the corner; 19.0 s'),
    ('InfoGodDF_026', 'Info-God/DeepFake',
     'd506ef725dde4d3e40a167941aa563500aa2bf81', 'real videos/026.mp4',
     ('c', 'e'), 25.0, 322, (640, 480), 68.0,
     '288b665ef3f82c8a1ec4a12e9042f29437cc18e6480bb520c2fb33d4f9b07dc5',
     'a news anchor in a studio reads the news to the camera with a steady head; logo and '
     'captions; 12.9 s'),
    ('TimofeiDip_me', 'Timofei228/myDiplomaProject',
     '5cc6e6496a51fa40b49fd635a9d2cebe8df8cfae', 'me.mp4',
     ('d',), 29.953, 386, (1280, 720), 236.5,
     '77399cc4ba2cc8e55e2c64aee3c39f25e41743612c71402b2d225615ac93f9ce',
     'a young man before a hand-held phone makes a run of posed, exaggerated expressions (grin, '
     'frown, sneer, pout, surprise); 12.9 s'),
    ('SwipeDet_me', 'magicsch/swipe_detection',
     'aa9d937d3bf58f1ee1126964cd5bde745e820119', 'me.mp4',
     ('a', 'e'), 16.748, 78, (1280, 720), 60.1,
     '5a060bd7c25e6d934e06d152b9a76ef103ce1677a144951a86952b6e16686bbe',
     'a bearded man faces a laptop camera with a still, neutral face while swiping his arms '
     'before his body (16.7 fps); 4.7 s'),
    ('JihoTerm_foreigner_interview', '0507jiho/opensource_termProject',
     '3bd94345b2b1b024c3a9439c120f4d860f284239', 'foreigner_interview.mp4',
     ('c', 'e'), 25.0, 2434, (1280, 720), 99.3,
     '753bba9d363e8b09fbbdd6e51f7e772fc388c40197190149cd22eaf3dfd70a5b',
     'a former head of government in a seated newspaper interview talks to an off-camera '
     'interviewer, head steady, small nods; title cards at the start and end; 97.4 s'),
    ('LipReadApp_recorded_video', 'IbrahimAamer44/Word_level_lip_reading_demonstration_app',
     '35a38e0c17acfa6af6fe012dfdcd51ab4265fe27', 'recorded_video.mp4',
     ('c', 'e'), 25.0, 119, (640, 480), 156.0,
     '073c0bc3d543592468149fee39f8ec3c7f5b1af3ee1f4428528178ce3d0e220a',
     'a young bearded man with glasses speaks a few words to a laptop webcam, head steady; 4.8 s'),
    ('DivakarCV_myvideo', 'Divakar58/Computer-Vision',
     'dd45a3a341b2807517e83fbe3ee4e1fce7aa2032', 'myvideo.mp4',
     ('a', 'e'), 30.0, 147, (640, 480), 117.3,
     '08b11d395e6055986fbf59cdde1ef51be326c66c42e4a89d83a93f60ab0f43bb',
     'a young man with headphones in a dim room keeps a still, neutral face while waving a hand '
     'beside it; letterboxed; 4.9 s'),
    ('GadaaCV2_myvideo', 'GadaaDhaariGeek/computer_vision_2',
     '83f7876cfce1b542de8a6633cd1375151796bdba', 'myvideo.mp4',
     ('a', 'e'), 20.0, 90, (640, 480), 78.0,
     '2c9fd67c59897e857acf6037788cd46c8c4853511885cad24e404cbceb48293b',
     'a bald man with glasses keeps a still, neutral face while holding up fingers before his '
     'chest; 4.5 s'),
    ('MosaicCam_mysupervideo', 'Proverbs13/AI-Mosaic-Camera',
     '8330302bdb8dab88fefc341bf4e3ad779a8d3747', 'mysupervideo.mp4',
     ('a', 'e'), 20.0, 320, (640, 480), 88.6,
     '434e92e95afca3554e46d520e771ad618bb562e86560ea81a57ee5fab25c4535',
     'a young person with glasses rests the chin on a hand, then sits still before the webcam '
     'with a neutral face; 16.0 s'),
    ('PikeCam_mysupervideo', 'PikePullen/OpenCV_Camera',
     '75964881f8ef3c300e508989914bae1766ce3a3e', 'mysupervideo.mp4',
     ('c', 'd', 'e'), 20.0, 158, (640, 480), 82.5,
     '6f9e6597e6074be2dd5e59f1520fb406cbd06eeedcd36b9f1480da2e6994ba43',
     'a bearded man in a dim room lit by the screen talks briefly, turns his head and lowers his '
     'eyes; 7.9 s'),
    ('MarinaCv_mysupervideo', 'marinasvlad/cv',
     '3804add25bfcfb6d3c7191eca633baa7aa044bca', 'mysupervideo.mp4',
     ('d', 'e'), 20.0, 169, (640, 480), 59.1,
     '34f2e7320005caad1aef8e68c236f394ed276aac21e4c1d21a522f13ae73d1e3',
     'a young man in a gaming chair glances and turns his head sideways and waves a hand; 8.4 s'),
    ('TaSeen_mysupervideo', 'Ta-SeenJunaid/Computer-Vision',
     'caa7578a70f1d1117432f2b1f9e2bebb85ccfb1c', 'mysupervideo.mp4',
     ('d', 'e'), 20.0, 622, (640, 480), 104.3,
     'e6032369c6934e27353eec13c6d0d63f4435aa9b82308a42bfca6f1e8b4af65f',
     'a bearded man with glasses and a cap: a dim start while the exposure settles, leans in, '
     'waves a hand across his face, small tilts; 31.1 s'),
    ('OmerCourse_mysupervideo', 'omer-re/OpenCV_and_ML_course',
     '7b02d18144d574ee1bf0372335d4dcf324eb6fe4', 'mysupervideo.mp4',
     ('d', 'e'), 20.0, 230, (640, 480), 130.0,
     'dcc2693260b1e6fa874b75982617ab2ac6b0a6e91f874e75b1fa708e8f5340b1',
     "a hand-held webcam close-up of a man: the face tilts and drifts to the frame's edge and "
     'back; he counts on his fingers; 11.5 s'),
    ('ReshFM_1', 'Resh-97/Face-Mesh-Mediapipe',
     'd2b47fdc83642a8597ec04566f649a9cc7d78669', 'Videos/1.mp4',
     ('b', 'd', 'e'), 25.0, 511, (960, 540), 73.2,
     '55e73d52e062d131005acf120154963802cbb6c56ded12c7f93ed3608acdb01e',
     'a woman with curly hair poses before a studio backdrop: hands on her face and hair, eyes '
     'closed, smiles and tilts (stock footage); 20.4 s'),
    ('ReshFM_3', 'Resh-97/Face-Mesh-Mediapipe',
     'd2b47fdc83642a8597ec04566f649a9cc7d78669', 'Videos/3.mp4',
     ('c', 'e'), 25.0, 141, (1280, 720), 366.0,
     '757d81c4c8c0d7b1fac7ea219e94056886001956180b28fc8961fc3f373bd663',
     'a tight close-up of a man in a turban breaking into a broad smile, head steady; fades to '
     'black (stock footage); 5.6 s'),
    ('SammyFM_3', 'SammytLee/MP-FaceMesh',
     'a98451640bcf2a2743ee46b9b35ccd7065d2b1d9', 'Videos/3.mp4',
     ('a', 'e'), 25.0, 644, (1280, 720), 396.1,
     '76a41836a6bd17b69947830a4bcaae369d108e7259add94d9c3829d341611a03',
     'a tight close-up of a freckled woman with a calm, neutral face wiping it with a cotton pad '
     '(stock footage); 25.8 s'),
    ('SammyFM_2', 'SammytLee/MP-FaceMesh',
     'a98451640bcf2a2743ee46b9b35ccd7065d2b1d9', 'Videos/2.mp4',
     ('b', 'c'), 25.0, 206, (1280, 720), 202.5,
     '83dcfb7170e3ad672558ca67b4b5ae65e755abce86ad62886872cc9ac26eac95',
     'a bearded man outdoors at dusk holds a broad smile with a steady head, the eyes squinting '
     'briefly (stock footage); 8.2 s'),
    ('SammyFM_1', 'SammytLee/MP-FaceMesh',
     'a98451640bcf2a2743ee46b9b35ccd7065d2b1d9', 'Videos/1.mp4',
     ('c',), 25.0, 221, (720, 1280), 201.3,
     '4339e12eef173fcb03de7ee526ab49c4da64b533db3f2f82b1760fa02550edd9',
     'a woman vlogging before bookshelves talks and smiles with gestures and small head movements'
     ' (stock footage); 8.8 s'),
)
