"""What each repository of the fresh held-out sets says of its licence (data only; see
:mod:`mespot_nb.strangers`)."""

from __future__ import annotations


#: What each repository of the second to eighteenth fresh held-out sets says of its licence, and
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
    # the ninth set's
    "Jes0312/test2023": ("has no licence file", ""),
    "Shamage3/cv": ("has no licence file", "; the clip is its owner's CV page video"),
    "seahtielm/portfolio": ("has no licence file", "; the clip is its owner's self-introduction"),
    "nikraj007/introduction": ("has no licence file",
                               "; the clip is its owner's self-introduction"),
    "emirhancibir/openCV": ("has no licence file",
                            "; the clip looks like stock footage (no source stated)"),
    "LewisCho7/3SplitWebcam": ("has no licence file", ""),
    "Ndeye-Khary-Niang/portfolio": ("has no licence file",
                                    "; the clip is its owner's portfolio video"),
    "SpeechCoach/TestVideos": ("is GPL-3.0-licensed", ""),
    "P-197-719-971-C/Video_KYC": ("has no licence file", ""),
    "uk2438/cv_recorder": ("has no licence file", ""),
    "kangshwan/LearnOpenCV": ("has no licence file", ""),
    "sena2327/openCV": ("has no licence file", ""),
    "nithin-web/nithin-page": ("has no licence file",
                               "; the clip is its owner's self-introduction"),
    "jessOathoudt/jessPortfolio": ("holds a CC BY 3.0 licence file, which looks like its web "
                                   "template's", "; the clip is its owner's about-me video"),
    "arjunkohli0707/sp24-cse110-lab3": ("has no licence file",
                                        "; the clip is a student's intro for a university lab"),
    "Faheemmalla/OpenCV": ("has no licence file", ""),
    "kcosteen/AI-Proctor": ("has no licence file", ""),
    "Uday-Choudhary/OpenCV": ("has no licence file", ""),
    "UlfatJarin/OpenCV-Tutural": ("has no licence file", ""),
    "harshit7271/OpenCV": ("is MIT-licensed for its code", ""),
    # the tenth set's
    "Akshath-Nagulapally/lipvisemes": ("has no licence file", ""),
    "bcsefercik/LiveFaceRecognitionRaspberry": ("has no licence file", ""),
    "goelm08/proc-meet-backend": ("has no licence file", ""),
    "1949-2005/FACES_FLOU": ("has no licence file",
                             "; one of its clips looks like stock footage"),
    "Abdelrahman-Awd/face-anonymizer": ("is MIT-licensed for its code",
                                        "; the clip looks like stock footage"),
    "OxHack17/EmAu.py": ("has no licence file", ""),
    "ejjung312/face-change": ("has no licence file", "; the clip looks like stock footage"),
    "ZuoyanL/EngagementDectection": ("has no licence file", ""),
    "imtvm/PyOpenCV": ("has no licence file", ""),
    "Lynxions/FR-Raspberry-Pi-4": ("has no licence file", "; the clip looks like stock footage"),
    "Parth119328/Face-Anonymizer-using-OpenCV": ("has no licence file",
                                                 "; the clip looks like stock footage"),
    "AlexMarinkovich/Concussion-MD": ("has no licence file", ""),
    "jrbhowells/evm": ("has no licence file", "; the clips carry captions and a faint watermark "
                       "of a training-video series"),
    "GyuHyeonWkdWkdMan/Facial_LicensePlate_blur": ("has no licence file", ""),
    "sravakhah/AI-Receptionest": ("has no licence file", "; the clip is a watermarked "
                                  "stock-footage preview"),
    "lmuhammad1/vcruit-r4": ("has no licence file", ""),
    # the eleventh set's
    "lucasmcast/smart-accesslyzer": ("has no licence file", ""),
    "JesusvtR/multimodal_emotion_detection": ("is MIT-licensed for its code", ""),
    "marnixnaber/rPPG": ("is CC BY-NC-SA-licensed", ""),
    "CallMeProteus/facial": ("has no licence file", ""),
    "utkarsh0336/OpenCV": ("has no licence file", ""),
    "akshayaaa10/Basic_OpenCV": ("has no licence file", ""),
    "srvcool9/DrCam_Python": ("has no licence file", ""),
    "radium226/fake-webcam": ("has no licence file", ""),
    "qiu-zhong-star/face-detection-system": ("has no licence file", ""),
    "tensorbytes0202/Deep-learning": ("has no licence file", ""),
    "yash26ktd/New-ML": ("is MIT-licensed for its code",
                         "; the clip looks like a re-uploaded social-media video"),
    "qhaihcblol/face-anonymization": ("has no licence file",
                                      "; one of its clips is a phone selfie of unknown origin"),
    "ekendra-yadav/OpenCV-Practice": ("has no licence file", ""),
    "vaniyeyo/Body-Part-Detection": ("has no licence file", "; the clip is a watermarked "
                                     "stock-footage preview"),
    "sotsuba/CafeInternetManager": ("is MIT-licensed for its code", ""),
    "AhzamAkhtar/Screen-Recorder": ("has no licence file", ""),
    "MarieCaroline/DSP": ("has no licence file", ""),
    "digipodium/2022-MAR-PYDS-630-WSS": ("has no licence file",
                                         "; a training company's course repository"),
    "esmatoksoy/CameraDetection": ("has no licence file", ""),
    # the twelfth set's
    "hschn58/rPPG": ("is MIT-licensed for its code", ""),
    "jocyphm16/L2CS-Net-main-usage": ("is MIT-licensed for its code", ""),
    "satvikp221b/Heartbeat-Detection-Using-Video": ("has no licence file", ""),
    "yyxou2022/FacialExpressionRecognition": ("is GPL-3.0-licensed", ""),
    "fernandabak/yogaWA": ("has no licence file", ""),
    "rakeshaa2002/Humen-emotion-recognisation": ("has no licence file",
                                                 "; the clip looks like stock footage"),
    "tanatdev/tanatjuk.github.io": ("has no licence file",
                                    "; the clip is its owner's self-introduction"),
    "xu-weizhen/Beautify-by-PaddleHub": ("has no licence file",
                                         "; the clip looks like stock footage"),
    "NinaZiegenbein/MINTSummer": ("has no licence file", "; the clip looks like stock footage"),
    "Natori02/Lab4-": ("has no licence file", ""),
    "trongtuyen99/sleep_detection": ("has no licence file", ""),
    "Currylovecarry/dtw": ("has no licence file", ""),
    "fidzer29/Streamlit-Python-PCD": ("has no licence file", "; the clip looks like stock or "
                                      "expression-stimulus footage"),
    "kameshpravin25/Emotion-Detection-using-video-and-audio.": ("has no licence file",
                                                                "; the clip looks like stock "
                                                                "footage"),
    "amadojms/detection_faces": ("has no licence file", ""),
    "kmnsoo/python_face_landmark": ("has no licence file",
                                    "; the clip is a phone selfie of unknown origin"),
    # the thirteenth set's
    "HuwCheston/AV-Manip": ("has no licence file", ""),
    "sophia-celine/rPPG": ("has no licence file", ""),
    "sarabertoncelj/heartrate-monitor-from-video": ("has no licence file", ""),
    "AJ-SM/rPPG_": ("has no licence file", ""),
    "ApekshaDatt/rppg-deepfake": ("has no licence file", ""),
    "Srivijayaraghav-S/eulerian-heart-resp-rate": ("is MIT-licensed", "; the clip is the "
                                                   "project's own face-tracking crop"),
    "junyanz/MirrorMirror": ("is MIT-licensed", "; its README asks for non-commercial use"),
    "HAMMADIPRO/Facial_landmak_analysis": ("has no licence file", ""),
    "SamuelCG06/samuel-calles-cv": ("has no licence file",
                                    "; the clip is its owner's video CV"),
    "meesyajohn/iml254individualassignment.github.io": ("has no licence file", ""),
    "fangyi474/MITMediaHomework-": ("has no licence file",
                                    "; the clip is only in the repository's history"),
    "sreejithr/deepfake": ("is CC BY-NC 4.0-licensed", "; the licence is that of the First Order "
                           "Motion Model code it builds on"),
    "MohammedShokr/Interview-Analysis": ("has no licence file", ""),
    "Ainsyuhada/Ind-Ass": ("has no licence file", "; the clip is its owner's self-introduction"),
    "xhy5588/Classroom-Engagement-Detection": ("has no licence file",
                                               "; the clip is a video-call recording"),
    "AkshTi/Non-Invasive-Stress-Detection-from-Video": ("has no licence file", ""),
    # the fourteenth set's
    "wlkzyl/2023CV": ("has no licence file", "; the clip is a class group's own demo video"),
    "vikasK1640A02/opencv": ("has no licence file", ""),
    "elifbeyzatok00/Image-Processing-Course": ("has no licence file", ""),
    "AdrianVazquezMejia/Mouse_controller": ("has no licence file", "; its README says the "
                                            "demo videos show the author's face"),
    "Kkas457/streamlit-Interview": ("has no licence file", ""),
    "aakash563/Heart-Rate-Detection-using-a-facial-video": ("has no licence file", ""),
    "Anancha/opencv": ("has no licence file", ""),
    "sagi-schein/hackaton-heart-17": ("has no licence file", ""),
    "dharasubhamay/OpenCV-Project": ("has no licence file", ""),
    "AsadiAhmad/Custom-Camera": ("is MIT-licensed",
                                 "; its README shows the clip as the app's demo"),
    "13703397034/opencv": ("has no licence file", ""),
    "Mahendra0125/Images-Videos": ("has no licence file", ""),
    "thinhngosy2060811/web-interview-recorder": ("has no licence file", "; the clip is an "
                                                 "answer uploaded to its interview recorder"),
    "TS-Group5/Capstone_Project": ("has no licence file",
                                   "; its README names an MIT licence it does not hold"),
    "stavyadatta/codeBrew": ("has no licence file", ""),
    "abhinn05/Parkinson-Early-Detection-Model": ("has no licence file", ""),
    "DhruvalkumarShah/MCQExam": ("has no licence file", ""),
    "mctosima/Flask-Heart-Rate-Counting": ("has no licence file",
                                           "; the clip is only in the repository's history"),
    "DevPopat/KeyInterviewer": ("has no licence file", ""),
    "Sudiksha18/Head-Rotation-Detection-using-YOLO-and-Flask": ("has no licence file", ""),
    "fhfuih/HKSI-Monitoring-Server": ("is GPL-3.0-licensed", ""),
    "EswarGorantla/Educonnect": ("has no licence file", ""),
    # the fifteenth set's
    'csiro/orientation-uv-rppg':
        ("is under CSIRO's non-commercial research and education licence",
         '; its README does not say where the example clip comes from'),
    'novogrammer/kao-in-video':
        ('has no licence file',
         "; its README says the author recorded the clips with a MacBook's camera"),
    'KegangWangCCNU/PhysRecorder':
        ('is MIT-licensed', '; its README says the example was recorded with the tool'),
    'lakshya0754N/Virtual-Glasses-Try-On':
        ('has no licence file',
         "; the clip, shared through WhatsApp, is only in the repository's history"),
    'lpoggetto/fiap_liveness':
        ('has no licence file',
         '; its README says the clip was recorded from the webcam in Colab'),
    'sdufac/L3ProjetCAI':
        ('has no licence file', '; the clip is a recording made with its webcam recorder'),
    'samadhigunawardhana/dryeye-risk-Research':
        ('has no licence file', '; its README calls the recordings demo videos for testing'),
    'mmphego/computer-pointer-controller': ('is GPL-3.0-licensed', ''),
    'nurinirdina09/NURINIRDINABINTIZULKARNAIN2022872396':
        ('has no licence file', "; the clip is on the owner's own page"),
    'AfifIrfanZaidi/IML-254-AFIF-IRFAN-2022697478':
        ('has no licence file', "; the clip is on the owner's own page"),
    'josedelavalle/me': ('has no licence file', "; the clip is on the owner's portfolio page"),
    'hadijadania/DaniaWebsite': ('has no licence file', "; the clip is on the owner's own page"),
    'ItachyBird/CLI_portfolio':
        ('has no licence file', "; the clip is on the owner's portfolio page"),
    'miaa34/individual-iml254': ('has no licence file', "; the clip is on the owner's own page"),
    'dayanarabiee/dayana_batrisyia_KCDIM1444E_2022896288':
        ('has no licence file', "; the clip, of a friend of the owner, is on the owner's page"),
    # the sixteenth set's
    'FranRojas/blinker':
        ('has no licence file',
         "; the clip is the test video committed with the author's blink counter (no README)"),
    'AmelineA2003/AMME5710_Major':
        ('has no licence file',
         '; its README describes a university course project with its own recordings, the clip '
         'a test named after the author'),
    'jodapomo/vision-artificial':
        ('has no licence file',
         "; the clip is one of the university eye-detection project's own demo recordings"),
    'Parzival7566/V_Speak':
        ('has no licence file',
         "; the clip is the test upload of the author's speaking-practice web app (no README)"),
    'OlehGr/face-recognition':
        ('has no licence file',
         "; the clip is the author's own face-enrolment video (no README)"),
    'ZawarShaikh/OpenCV':
        ('has no licence file',
         '; the clip is the webcam recording its OpenCV course notebook writes (no README)'),
    'RockingHorse-L/OpenCV':
        ('has no licence file',
         '; the clip is the face video its OpenCV course scripts read (no README)'),
    'giangliken/Facial-Recognition-Time-Attendance-System':
        ('has no licence file',
         "; its README describes a student attendance project, the clip one of the team's own "
         'recordings'),
    'perrito0409/FaceAI':
        ('has no licence file',
         '; its README describes a student assignment, the clip the sample recorded for its '
         'blink liveness demo'),
    'Sadmankham/My-site':
        ('has no licence file',
         "; the clip is the author's self-introduction on his course web page"),
    'harry2141985/Wav2Lip_facetime':
        ('has no licence file',
         "; its README says the clip is the author's own talking video"),
    'gialbanes/pythonWebCam':
        ('is MIT-licensed',
         "; the clip is the author's webcam test video"),
    'eyalbetzalel/first-order-model':
        ("is under first-order-model's CC BY-NC 4.0",
         "; the clip is the fork owner's own driving-video test"),
    'Soyunasilla/streamlit':
        ('has no licence file',
         "; the clip ('mi_video') is shown by the author's practice app (no README)"),
    'KOLESNiii/ichack25':
        ('has no licence file',
         "; the clip is an answer recorded in the browser by the team's interview-practice app "
         'at a hackathon'),
    'firas100/projetpfe':
        ('has no licence file',
         '; the clip is a pre-interview recording named after the author, stored (likely '
         're-encoded) by the app'),
    'SakshiFadnavis2003/InterviewXpert':
        ('is MIT-licensed',
         "; the clip is an answer recorded in the browser by the project's interview-practice "
         'app'),
    'gabemansur/qVideo':
        ('has no licence file',
         "; the clip is a browser test recording saved by the author's video-survey app (no "
         'README)'),
    'Praveenlingala378/recog':
        ('has no licence file',
         "; the clip is a webcam capture uploaded to the team's face-recognition app"),
    'borajin/malimo':
        ('has no licence file',
         "; the clip is an answer recorded in the browser by the team's mock-interview app"),
    'PrateekSharma9399/Facial-Feature-Recognition-project-NN':
        ('has no licence file',
         "; the clip is the author's own webcam test video"),
    'aqibfrz/INSIGHT_X':
        ('has no licence file',
         "; the clip is a team member's handheld selfie test video"),
    'BarunGurung00/Server':
        ('has no licence file',
         "; the clip is a browser recording sent to the author's own upload server during "
         'development'),
    # the seventeenth set's
    'irfan798/head-pulse-track':
        ('has no licence file',
         '; its README describes a hackathon implementation of pulse detection from head '
         "motion, the clip one of the team's own phone test recordings"),
    'VijayRakkaiah/OpenCV':
        ('has no licence file',
         "; the clip is the webcam recording the author's OpenCV practice script writes (no "
         'README)'),
    'KnollFrank/AntiDrowsinessAlarm':
        ('has no licence file',
         "; the clip is a test resource of the author's drowsiness-alarm app, apparently a "
         'self-recording'),
    'ishikac167/HoPE-Health-Predictor':
        ('has no licence file',
         "; its README describes a university team project, the clip a team member's test "
         'upload to its web app'),
    'Darrang/2020-2_ComputerVision':
        ('has no licence file',
         '; the clip is a Zoom webcam recording in a university computer-vision course '
         'repository (no README)'),
    'gunarakulangunaretnam/eye-blinking-counting-system':
        ('is Apache-2.0-licensed',
         "; the clip is the blink counter's own test video, a selfie by the author"),
    'Soontosh/DepScopeAIDeployment':
        ("holds OpenFace's licence (academic, non-commercial research use only)",
         "; the clip is OpenFace's own webcam sample, vendored from OpenFace's own repository"),
    'akinguyen/VideoChatApp':
        ('has no licence file',
         "; its README describes a hackathon video-chat front end, the clip a team member's "
         'webcam test recording'),
    'amirsolo/amirsolo.com':
        ('is MIT-licensed',
         "; the clip is the site owner's own webcam video for his About page"),
    'Avans-The-Circle/ChatServer':
        ('has no licence file',
         "; the clip is a student team's livestream test recording of a team member"),
    'IamMohitM/OpenCV-Learning':
        ('has no licence file',
         "; the clip is the webcam recording the author's OpenCV learning script writes"),
    'lieblius/spotlight-facetracking':
        ('has no licence file',
         '; its README describes a student face-tracking course project, the clip a test input '
         'committed by the authors (later deleted)'),
    'Zulkhuu/head-gesture-recogniton':
        ('has no licence file',
         "; the clip is the authors' head-gesture test recording, resized by their own script "
         '(later deleted)'),
    'teebid/aicure_opendbm':
        ('is AGPL-3.0-licensed',
         "; the clip is OpenDBM's own sample recording for its documentation (a fork of "
         'AiCure/open_dbm)'),
    'AJK-CO/MER-backend':
        ('has no licence file',
         "; the clip is a developer's own laptop-webcam test recording for the emotion- "
         'recognition back end'),
    'Subhanjal-Pant/OpenCv':
        ('has no licence file',
         "; the clip is the webcam recording the author's OpenCV practice script writes"),
    'AndrewVos/andrewvos.com':
        ('has no licence file',
         "; the clip is the site owner's own webcam video on his personal site (later removed)"),
    # the eighteenth set's
    'G-Gress/lip_reading':
        ('has no licence file',
         '; its README describes a lip-reading demo whose fine-tuning clips the author '
         "recorded with the repository's own recording script"),
    'nalinkumar3466/Interview-Cheating-detection-':
        ('has no licence file',
         '; its README describes an interview cheating-detection project, the clip one of its '
         'own webcam sample recordings'),
    'OAAS-BEAR/arbitray':
        ('has no licence file',
         "; the clip is the content video a student's style-transfer scripts read, a hand-held "
         'phone selfie (no README)'),
    'rihat99/CV701_Assignemnt_4':
        ('has no licence file',
         '; its README describes a course assignment on face keypoints and emotions, the clip '
         "one of the students' own phone samples"),
    'vedithathanneru/facerecog-facenet_backup':
        ('has no licence file',
         "; the clip is a phone-camera test recording in a face-recognition web app's testing "
         'folder (no README)'),
    'sam12321/OpenCV-Basics':
        ('has no licence file',
         "; the clip is the webcam recording the author's OpenCV practice script writes (no "
         'README)'),
    'mohitbattu/Opencv':
        ('has no licence file',
         "; the clip is the webcam recording the author's OpenCV practice script writes (no "
         'README)'),
    '07subhadip/image-processing':
        ('has no licence file',
         "; the clip is the author's own laptop-camera capture in an image-processing practice "
         'repository (no README)'),
    'khusan0302/computer_vision':
        ('is MIT-licensed',
         "; the clip is the webcam recording of the author's computer-vision homework"),
    'vinny-nguyen/IntroSpectacle':
        ('has no licence file (its README says all rights reserved)',
         "; its README describes a hackathon project, the clip the team's own webcam test "
         'recording'),
    'oberkaykaynar/Deep-Learning-With-Image-Proccessing-Udemy':
        ('has no licence file',
         "; the clip is the webcam recording the author's course-exercise script writes (no "
         'README)'),
    'saurabh-maurya/Computer-Vision-using-OpenCV':
        ('has no licence file',
         "; the clip is the webcam recording the author's OpenCV practice script writes"),
    'joelweber97/Python3_OpenCV':
        ('holds a GPL-3.0 licence file in the course folder',
         "; the clip is the webcam recording the author's follow-along script of an OpenCV "
         'course writes'),
}
