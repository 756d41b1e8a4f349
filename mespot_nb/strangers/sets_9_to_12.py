"""The ninth to twelfth fresh held-out sets' records (data only; see
:mod:`mespot_nb.strangers`)."""

from __future__ import annotations


#: A ninth fresh held-out set (docs/aumatch-history.md, aumatch's ninth round): 20 clips of 20
#: people from twenty more repositories — self-introduction videos and webcam recordings of
#: OpenCV exercises — found by a session that ran no spotter on them, taking nothing from the 91
#: repositories and 339 files of the sets and candidates before; scored once, the defaults of the
#: time untouched and two frozen candidates, by a rule written down before
#: (``docs/prereg/aumatch-round9.md``).
NINTH_SET = (
    ('Jes0312_face', 'Jes0312/test2023',
     'effc73f016a65fc17fd095274e361520de856ec7', 'face.mp4',
     ('a', 'b'), 23.71, 76, (448, 960), 291.8,
     'd7912da698f5faf8fe6833a81a315d97016fccbdab2b6900f075311319e52460',
     'a young man in a dark hoodie, phone-camera close-up, still neutral face, blinks; 3.2 s'),
    ('Shamage3_me', 'Shamage3/cv',
     '6efa0738fad84ddf1e4bdef33d94878b842d5824', 'me.mp4',
     ('c', 'd', 'e'), 30.215, 141, (720, 1280), 220.6,
     '7efd0a7cdc006652a434a82411fac12f9d5147a3554d1f19c6b5567e7ffcf63c',
     'a bearded young man lying on a pillow filming himself, sepia-toned phone video, neutral '
     'then talks and grins; 4.7 s'),
    ('Seahtielm_me', 'seahtielm/portfolio',
     'fe62daa058ceff667cb67566b41725cef0230a33', 'me.mp4',
     ('c', 'e'), 30.0, 886, (960, 540), 101.3,
     'a4b952f85d1dc94f4c2fe386dc8d7d7ae7e58cd9a440e09d816d598c3b7cd24f',
     'a young woman in a black blazer gives a self-introduction to a phone camera, talking and '
     'smiling with hand gestures, opens with a caption card; 29.5 s'),
    ('Nikraj_introduction', 'nikraj007/introduction',
     '7b9891d346413cea612a79caeb22b7b4b0e82cb7', 'introduction.mp4',
     ('b', 'c'), 30.012, 241, (720, 1280), 205.0,
     '345cfc554af1d59c5d25f76b8451eaa2d862f5480a8475bcb56c347a45b07830',
     'a young bearded man in a dark hooded jacket talks to a phone camera in a '
     'self-introduction, head steady, blinks; 8.0 s'),
    ('Emirhan_eye', 'emirhancibir/openCV',
     'f2d750c56815d8a09389bb8f525a08975338a344', 'eye_detection_from_video/eye.mp4',
     ('c', 'd', 'e'), 25.0, 375, (640, 360), 70.9,
     'cce7abacf2428d2529e3221617be69abc5407c9dcea0149b9aae9b539776baea',
     'a young woman with long dark hair reads a book on a sofa, gaze down, smiles now and then, '
     'head tilted down; 15.0 s'),
    ('Lewis_webcam', 'LewisCho7/3SplitWebcam',
     'f1017136f2f64f654a5206ebecc92b3d684163d0', 'webcam.avi',
     ('a', 'e'), 29.97, 147, (640, 480), 74.1,
     '0592f953b8641260d2a51de1b1ba2ceffae663e074975d8d264210951dc8fda7',
     'a young man at a laptop webcam, low angle, mostly still neutral face, gives a thumbs-up '
     'and points beside his face; 4.9 s'),
    ('Ndeye_introduction', 'Ndeye-Khary-Niang/portfolio',
     '5f40b6d6facd863babca1ffc84c78f8eac7cc533', 'introduction.mp4',
     ('d', 'e'), 30.086, 280, (720, 1280), 172.4,
     '0d53ec16ee9932cc21bdadd85dbf42219f1c1c2b1a01aaed9e62da0121034e3b',
     'a young woman in a teal headscarf poses for a phone camera in a classroom, tilting her '
     'head and framing her face with her hands, caption overlay; 9.3 s'),
    ('SpeechCoach_capture', 'SpeechCoach/TestVideos',
     'e938a2a9a4f3d3fc1d8a012b7b802cdaece55009', 'capture.avi',
     ('a', 'e'), 20.0, 124, (640, 480), 69.5,
     'f45207bd9c732b902d963be7d92336d79f9ae1a6c55255fbaf8053eb9a17dc03',
     'a man with glasses and a striped polo shirt at a webcam in a large hall, still neutral '
     'face, briefly leans towards the camera; 6.2 s'),
    ('VideoKYC_capture', 'P-197-719-971-C/Video_KYC',
     '70b68d338f55fbcde6a6eb8c1f6999acae5f1619', 'capture.avi',
     ('b', 'c', 'd', 'e'), 30.0, 488, (640, 480), 105.1,
     '33ffbf3c6747e62730e593d547a013b33c4897109d9a5fd0fe693682a8f8ff74',
     'a young bearded man in a white T-shirt at a webcam, smiles, blinks, looks down and shows '
     'hand gestures beside his face; 16.3 s'),
    ('Uk2438_record', 'uk2438/cv_recorder',
     '30e804ffb78ddb71a6c86205c2c81cd24b06e2af', 'record.avi',
     ('a', 'e'), 20.0, 109, (640, 480), 116.3,
     'b3bcc098c81940339de29650f73d2e74e9cf8adc31b919472132974a371e7e7a',
     'a young man with round glasses at a laptop webcam, still neutral face while he waves his '
     'hands and touches his hair; 5.5 s'),
    ('Kangshwan_record', 'kangshwan/LearnOpenCV',
     '8f4c668b994fd2078f1f28bac4ce48c54a556e17', 'record.avi',
     ('a', 'd', 'e'), 25.4, 82, (640, 480), 138.1,
     '55cdc01af945723b48a59bf8b698653059d91caf0b643c6cd67998b755bde922',
     'a young man with round glasses at a webcam, neutral face, glances sideways and holds a toy '
     'figure up beside his face; 3.2 s'),
    ('Sena_myvideo', 'sena2327/openCV',
     'b323a2bceef1e4d0ae9f3269938ac4ea9392ad73', 'myvideo.avi',
     ('a', 'e'), 30.0, 97, (640, 480), 84.0,
     '5b4764d9f54181aa5c861ac9005451455903b7909c6e02daa30d6fe7b4f292cd',
     'a young man with dark-rimmed glasses in a hoodie at a laptop webcam, still neutral face, '
     'leans back from the camera; 3.2 s'),
    ('Nithin_introduction', 'nithin-web/nithin-page',
     'e0493947ed889441ae2f2d0f5925578153e34d9c', 'introduction.mp4',
     ('b', 'c', 'e'), 30.079, 591, (640, 352), 60.5,
     'be23a11517565e6e0d2d82d4d19c0301935251a9d0385288934ed0b281f99304',
     'a young man in a light-blue polo shirt gives a self-introduction to a laptop webcam in a '
     'dim room, head steady, blinks; 19.6 s'),
    ('JessPortfolio_aboutme', 'jessOathoudt/jessPortfolio',
     '27992e33bf4adf7d2a8d707003de5547486dc7fa', 'aboutme.mp4',
     ('c',), 30.0, 1598, (640, 426), 89.0,
     'feaabdb6690c5d7a3750d6f005bb7ed958df7de00fcdf82cee2182d1cc984e07',
     'a young woman with long reddish hair talks to a laptop webcam about herself, head steady, '
     'smiling; 53.3 s'),
    ('Arjunkohli_myintro', 'arjunkohli0707/sp24-cse110-lab3',
     '9a8408d519881cb9733028195403a1dfbab7ebaf', 'myintro.mp4',
     ('c', 'd'), 59.94, 691, (1080, 1920), 129.6,
     '2bb1e126d28e83ced7c768346799503b3035d73dc698ea078c0072815ea8e80f',
     'a young man in a white hoodie seated against a bright background talks to the camera, '
     'turning his head now and then; 11.5 s'),
    ('Faheem_my_video', 'Faheemmalla/OpenCV',
     '99826383cda7f946545801cbc88011f3e9bc6e33', 'my_video.avi',
     ('a', 'e'), 20.0, 119, (1920, 1080), 148.6,
     'b5d7f38b2f5ba9b5beadcc6cf93b5aa288780e7114860706ebcfac4815203765',
     'a young man with curly hair and a moustache at a low-angle webcam, still neutral face, '
     'raises a hand into the frame once; 6.0 s'),
    ('Kcosteen_my_video', 'kcosteen/AI-Proctor',
     '5bd2366dba54dfd182a65501568881cf2ba7ff4b', 'my_video.avi',
     ('a', 'e'), 20.0, 106, (640, 480), 131.0,
     '58766466bdc5f079e99fa2df8d34fde5a23cd74dc43b15e526b993461ca96b16',
     'a young man with half-rim glasses at a webcam, still neutral face, gaze slightly down, '
     'small head sway; 5.3 s'),
    ('Uday_my_video', 'Uday-Choudhary/OpenCV',
     '03b6fbefddd44958aa48f26d0059d2f40864944c', 'my_video.avi',
     ('a', 'e'), 20.0, 79, (1920, 1080), 231.0,
     'c29bbea6896b53d74e2cea13d7d6ead102a85bf101832f5fb47aab9c086eb6c5',
     'a young man with glasses and a light-blue shirt at a laptop webcam, still neutral face '
     'after a black first frame; 4.0 s'),
    ('Ulfat_richi', 'UlfatJarin/OpenCV-Tutural',
     '55edc41e9bb36bb763f29a52c340c51914e5f8c9', 'richi.avi',
     ('a', 'e'), 20.0, 235, (640, 480), 82.1,
     '79736b2c71e4fed8828484d7d66c60b478ad47a725911d1889873eb52f68fb62',
     'a young woman with glasses and long dark hair at a low-angle laptop webcam, still neutral '
     'face; 11.8 s'),
    ('Harshit_my_video', 'harshit7271/OpenCV',
     '71c13a6a7b6df9d2af4eb8c1f036d6e3141f940f', 'my_video.avi',
     ('d', 'e'), 20.0, 237, (640, 480), 84.6,
     '4689357ac80c519c8c26befb6f4b3fba1c75f54fdca97254b0ae5ad001ad77d0',
     'a bearded man with glasses wearing a grey hood at a webcam, turns and tilts his head, '
     'pulls the hood around his face; 11.9 s'),
)


#: A tenth fresh held-out set (docs/aumatch-history.md, the tenth set): 19 clips of 19 people from
#: sixteen more repositories, found by a session that ran no spotter on them, taking nothing from
#: the 111 repositories and 401 files of the sets and candidates before (a twentieth, a GRID
#: sample of a person seen in tuning, dropped before loading); scored once, untouched, to measure
#: the ninth round's defaults with no choice made on it (``docs/prereg/tenth-set.md``).
TENTH_SET = (
    ('Lipvisemes_test_video', 'Akshath-Nagulapally/lipvisemes',
     '3ee03b9cc3f2ff10740ab42f6154d6f6e51915a2', 'test_video.mp4',
     ('c',), 30.0, 118, (1620, 1080), 226.3,
     '3d3b0f442a77138329734c251a6585f97812d31f8d5ffeaed64c08bb7f9963a6',
     'a young man with curly black hair in a black puffer jacket in a lecture hall, talks to '
     'the camera with the head steady; 3.9 s'),
    ('Bcsefercik_output1', 'bcsefercik/LiveFaceRecognitionRaspberry',
     'f5b2180137b5224e611c8fcb41ffe206aecf8152', 'output1.avi',
     ('d', 'e'), 16.0, 96, (640, 480), 113.3,
     '82b7859b9cd8804c457d3bb0f86f700cd843bf3d6bfffeb0f19d09fae257c41e',
     'a man with short dark hair, glasses and stubble at a webcam in front of a bright '
     'window, neutral face, looks down and tilts/shifts the head; 6.0 s'),
    ('ProcMeet_recording', 'goelm08/proc-meet-backend',
     'a557d11823cb003f7d62dd8dd64626ab7d9aac52', 'recording.webm',
     ('c', 'e'), 30.303, 138, (1280, 720), 198.5,
     '362e466057b38b00a6cbc046ca6781b5a81733eb0a0e197c2a34e7c636aa140a',
     'a young man with a moustache and earbuds talks to a webcam; the camera is adjusted and '
     'hands pass in front during the first 1.5 s, then the head stays steady; 4.6 s'),
    ('FacesFlou_testVideo', '1949-2005/FACES_FLOU',
     '4faea3c8a7a0f086f2a8ae3635db59c91e4e11e8', 'data/testVideo.mp4',
     ('c', 'd'), 25.0, 568, (1280, 720), 147.5,
     '3793c99e3859f1fa798da967450998d4961b42e814df112c44b3446bb92963d6',
     'a young woman with a dark bob and black top talks to a camera in front of a white '
     'brick wall, holds a pen, tilts and turns the head, smiles; 22.7 s'),
    ('FacesFlou_video', '1949-2005/FACES_FLOU',
     '4faea3c8a7a0f086f2a8ae3635db59c91e4e11e8', 'data/video.mp4',
     ('c',), 14.557, 593, (720, 480), 138.5,
     '00801ff126a3b80d636e46bd11db87112bdc798bce42a0de5c932ff6685f955e',
     'a young woman with long dark hair and a white top talks to a webcam with the head '
     'fairly steady, smiles; 40.7 s'),
    ('FaceAnon_video', 'Abdelrahman-Awd/face-anonymizer',
     '3429f9fbbf0ad70620a81f4d604d631bcebea5b5', 'data/video.mp4',
     ('c',), 29.97, 478, (1280, 720), 93.6,
     'dbc65cb9d203e5ea1dab95cb5afd97aa26086c8c05c9718438c07a5a837a323f',
     'a bearded man in a dark blazer and white shirt before a green screen talks to the '
     'camera and gestures with his hands, head steady; 15.9 s'),
    ('EmAu_video', 'OxHack17/EmAu.py',
     '9810c15316b9c61c40dcf2fa1d6962a838685a05', 'data/video.mp4',
     ('c', 'd', 'e'), 30.0, 469, (720, 1280), 220.1,
     '8f2ce16a904c9600836f0bdd80a868b9aa630ee4d68a676f122670b9cd46bb64',
     'a young man with swept brown hair in a maroon sweater, seated in an auditorium, talks '
     'to a handheld phone camera and pulls posed expressions (frown, squint); other people '
     'pass in the background; 15.6 s'),
    ('FaceChange_video2', 'ejjung312/face-change',
     'ed54dd3228d3156bcd0b78aee896d71d4b17d74f', 'data/video2.mp4',
     ('b', 'd'), 50.0, 759, (1280, 720), 155.4,
     '2a001b5395a81dce137faa3753f126362b1460dbca9e6e479169773f084964bc',
     'a woman with hair pulled back against a plain sage-green backdrop, tilts and turns the '
     'head, closes the eyes, smiles broadly; 15.2 s'),
    ('Engagement_test', 'ZuoyanL/EngagementDectection',
     '9c09493e9574cacf77af58fb8dfb68dbb54fc13c', 'data/test.mp4',
     ('b', 'd', 'e'), 27.488, 146, (544, 960), 198.1,
     'f834267a510069ed26b313843fc347e4b3bcb1ff4abd8dff9ae7fde878027145',
     'a young man with short black hair and round glasses in a library, poses expressions: '
     'squints, shuts the eyes tightly, widens the eyes, purses the lips; 5.3 s'),
    ('Imtvm_testvideo', 'imtvm/PyOpenCV',
     'dd45520be8cfdce368a8d35ddb731326b6760449', 'testvideo.mp4',
     ('c', 'd'), 24.0, 93, (1280, 720), 143.0,
     'de701ffe1683abd80f25f14b9ed2b64726dab074bf09a32f1e6e1462cdf522b5',
     'a young man with short dark hair in a navy top at a webcam, smiles and makes posed '
     'surprised faces with small head movements; 3.9 s'),
    ('LynxFR_testvideo', 'Lynxions/FR-Raspberry-Pi-4',
     'e55be0011c9e695325d5957bf4c8756d0be68baa', 'testvideo.mp4',
     ('b', 'd', 'e'), 25.0, 270, (1280, 720), 160.1,
     '1f401e00ccecc74187258a4c3dc5048d3c64617678c45362898186215baeddfc',
     'a young woman with auburn hair tied back before a blue backdrop applies make-up with a '
     'brush near the eyes, closes the eyes, tilts the head and smiles; 10.8 s'),
    ('ParthAnon_test', 'Parth119328/Face-Anonymizer-using-OpenCV',
     '3675a2e0a9e94967f3f04da61dea7b7413e0cc5d', 'video/test.mp4',
     ('c',), 30.0, 151, (1920, 1080), 129.1,
     '053aa7d78a913834d24235c3e9b1a87b08f0904af413898fd0a31b4797578dfb',
     'a young woman with long dark hair in a white coat seated at a desk with arms crossed '
     'talks to the camera with the head steady; 5.0 s'),
    ('Concussion_vid', 'AlexMarinkovich/Concussion-MD',
     '55715b80cc22877a4869879e1021f2019124a837', 'vid.mp4',
     ('d', 'e'), 30.303, 144, (640, 480), 325.1,
     '8a97c3ab31546c85cdef7c9b2e94956f3be575e1ce8b7efee20d6b72bf2d938b',
     'a young man with dark hair in a navy hoodie at a laptop webcam in a busy room, leans '
     'in until the face fills the frame, opens and closes the eyes, then sits back; 4.8 s'),
    ('JrbEVM_man', 'jrbhowells/evm',
     '44a433b67df38c8928bb8ccd98d4852a60e40026', 'man.mp4',
     ('a', 'e'), 30.011, 742, (1280, 720), 217.1,
     '9b38642524641629860d166db21dfddcb252b1a2e7b189f911c831d56cabcea8',
     'a young man with short black hair and a white collar shirt against a grey backdrop, '
     'still neutral face looking at the camera with a slight smile-like resting mouth; '
     "'Video 1' caption; 24.7 s"),
    ('JrbEVM_woman1', 'jrbhowells/evm',
     '44a433b67df38c8928bb8ccd98d4852a60e40026', 'woman1.mp4',
     ('a', 'e'), 30.0, 691, (1280, 720), 204.4,
     '61c7b7eecc63e8da5646cc5c04c5f0d6f91ed4021a20d141591692b039e3feda',
     'a middle-aged woman with a dark bob against a pale green-grey backdrop, still face '
     "looking at the camera with small eye and mouth movements; 'Video 5' caption; 23.0 s"),
    ('JrbEVM_woman2', 'jrbhowells/evm',
     '44a433b67df38c8928bb8ccd98d4852a60e40026', 'woman2.mp4',
     ('a', 'e'), 30.028, 534, (1280, 720), 197.0,
     'e1c9b13c5b75b94332214ddb37478ef98d4d66bf3dbdb5369d69ea47f93a2af9',
     'a woman with a dark bob, red lipstick and a patterned scarf against a grey backdrop, '
     "still neutral face looking at the camera; 'Video 6' caption; 17.8 s"),
    ('GyuBlur_sample', 'GyuHyeonWkdWkdMan/Facial_LicensePlate_blur',
     'c20a0cbfd746cea14778bcb9fec7eb8db1a1af06', 'sample.mp4',
     ('a', 'd', 'e'), 30.0, 190, (720, 1280), 194.4,
     'beee2e91f6351f0bfbb164b0266fa769177101787f3ce773d5178b640d6848a4',
     'a young person with a dark bob and clear-framed glasses in a football shirt, handheld '
     'phone in an office, neutral still face, tilts the head back once around 2-3 s; 6.3 s'),
    ('Receptionist_input_face', 'sravakhah/AI-Receptionest',
     '51d0a0f20d2bf6217bbee949aa88186054ccd49f', 'input_face.mp4',
     ('a', 'b', 'e'), 25.0, 240, (768, 432), 54.2,
     '15baa5c52ef68c75bcb2697436deedf86544bd4bdbab306ebb48efcbe1d1a2a6',
     "an older woman with short grey hair and dark-rimmed glasses in a black judge's robe "
     'before a grey wall, still neutral face, blinks; stock watermark across the chest; '
     '9.6 s'),
    ('Vcruit_test', 'lmuhammad1/vcruit-r4',
     '36724ca6e3f75edaaf9161052ed0bf0c9b45a212', 'test.mov',
     ('c', 'e'), 12.476, 99, (720, 480), 151.1,
     '5ea4125ad4e3e7938077712365a61b3242a64b92fd30faf711b73ad8a5e2fb23',
     'a man with short hair, wire-rimmed glasses and a dark T-shirt at a webcam in a purple '
     'room talks with the head fairly steady, scratches his head with one hand around 2-4 s; '
     '7.9 s'),
)


#: An eleventh fresh held-out set (docs/aumatch-history.md, aumatch's tenth round): 20 clips of 20
#: people from nineteen more repositories — webcam recordings of OpenCV exercises, a few phone
#: videos and a stock preview — found by a session that ran no spotter on them, taking nothing
#: from the 128 repositories and 542 files of the sets and candidates before; scored once, the
#: defaults of the time untouched and two frozen candidates, by a rule written down before
#: (``docs/prereg/aumatch-round10.md``).
ELEVENTH_SET = (
    ('Accesslyzer_record', 'lucasmcast/smart-accesslyzer',
     '3a7c542f6b7d408a51c44fe7963e1c87a13b588a', 'record.avi',
     ('a',), 20.0, 156, (640, 480), 126.3,
     'cfe2c956d03960e3f7fc0bd198f4b89a08e30b71efd89927add5ea183da3a877',
     'a young man with short brown hair and a dark top sitting still in a dim room under a '
     'ceiling light, looking into the webcam with a neutral face; 7.8 s'),
    ('JesusMM_output', 'JesusvtR/multimodal_emotion_detection',
     '24d646dd922e4dddfc776f75c1d010e561a6e351', 'output_video.avi',
     ('a',), 20.0, 80, (640, 480), 134.0,
     '898bd10a15191ee900d33a04b5c539be6571c2f0e648cb3933a238519f897ed4',
     'a young man with tousled brown hair and stubble in a black T-shirt sitting still at a '
     'webcam in a stairwell, neutral face with slightly pursed lips; 4.0 s'),
    ('NaberRPPG_video', 'marnixnaber/rPPG',
     'b6604bfaf91b1bc33b57ec1f5d13493c66fedcaa', 'rPPG_video.mp4',
     ('a',), 29.501, 907, (320, 240), 111.1,
     'bbb929217bb19e26bb6a509a6228b1a1356f9eeb1f3660ceaa9298a7406bb0a0',
     'a bearded man with shoulder-length wavy brown hair and a blue checked shirt, sitting '
     'still very close to a webcam with a neutral face; 30.7 s'),
    ('Proteus_output', 'CallMeProteus/facial',
     'fdec82e8489ba584e7d87b2fd3a61f13d4f76e2c', 'output_video.avi',
     ('a',), 30.0, 148, (640, 480), 98.0,
     'c84f8583df1ecbbf5953043beacfbbd57b65bcf6a2c168e23196b6034aa20b1f',
     'a young man with short black hair in a maroon hoodie in a dorm room, facing the webcam '
     'with a neutral face and only small head shifts; 4.9 s'),
    ('Utkarsh_myvideo', 'utkarsh0336/OpenCV',
     'e46f960f938bc5bcac7461dfd2beaf4ed247a7e1', 'my_video.avi',
     ('a',), 20.0, 93, (1920, 1080), 228.0,
     '9267274fed34c15d69999cd5dbb0d3ffe5be81199e89ebb671f528b680911174',
     'a young man with a moustache and a striped collared shirt sitting still in front of a '
     'cupboard with a ceiling fan turning above, neutral face; 4.7 s'),
    ('Akshayaaa_output', 'akshayaaa10/Basic_OpenCV',
     '6308fa3127a9b44fc2a3a7f334b8bd74d1e4fd29', 'Output.avi',
     ('a', 'e'), 20.0, 68, (640, 480), 123.6,
     'b643d247694276314c08a14db4a838dbdf7acd1b9298a6c2986b8d1b4b0001ba',
     'a young woman with curly shoulder-length dark hair and clear-framed glasses sitting '
     'still at a laptop webcam, neutral face turning to a slight pout, exposure shifting, a '
     'man seen from behind in the background; 3.4 s'),
    ('DrCam_vid1723', 'srvcool9/DrCam_Python',
     '33d5d9471f40dca4d5357bf6f450aaae2c52be4e',
     'temp_images/videos/vid_09_06_2025_172357124896.mp4',
     ('a', 'e'), 20.0, 149, (640, 480), 104.1,
     'c55598d507a2cf77d3515a3aad02416635b272aff148261700df80b88051eeb0',
     'a bearded man with glasses and a grey top sitting still in a bright room with a lens '
     'flare over his chest, neutral face; 7.5 s'),
    ('FakeWebcam_output', 'radium226/fake-webcam',
     'ab8061e3096c650b6dfb6c8493a671ef5ffa6a64', 'output.mp4',
     ('a', 'e'), 20.0, 127, (960, 544), 133.5,
     '6d4f36e87ecc40cac0996f8299d970c5968a508666f8ef155b2e21c1f8949a7d',
     'a bearded, balding man wearing a headset with a boom microphone, sitting still with a '
     'neutral face while the exposure settles and a hand waves briefly at the edge of the '
     'frame; 6.4 s'),
    ('QiuFace_face', 'qiu-zhong-star/face-detection-system',
     '241e781f8c63cd576da9d6546299f3622b633281', 'face.wmv',
     ('a', 'e'), 30.0, 214, (720, 1280), 154.0,
     '99df4d419cc9d9223064cd613745816a56a48b75257498aa525ad2291026a884',
     'a young man with brown hair, half-rim glasses and a black T-shirt sitting still on a '
     'balcony with a neutral face (ends on a black frame); 7.1 s'),
    ('Tensorbytes_myvideo', 'tensorbytes0202/Deep-learning',
     'd0c5c6e4e1d78b8f99941599cc44a5afe426e22e', 'my_video.avi',
     ('a', 'e'), 20.0, 270, (640, 480), 76.6,
     '0ae08973b9ad8fbf2170919b64a8e1fc9e3c688787c6f14fee38629d0f8399de',
     'a young man with curly black hair and grey-framed glasses lying low at the bottom of the '
     'frame against purple pillows, face still and neutral with the chin cut off by the frame '
     'edge; 13.5 s'),
    ('YashML_smile', 'yash26ktd/New-ML',
     '85d9b7b3183cf5964e196dc9dd8d81731a141c14', 'smile.mp4',
     ('c', 'b'), 30.0, 261, (202, 360), 101.4,
     '70f278f8858c7d9c0aa0dc145e4125126f90673e59b018e87c3f05769f376679',
     'a young woman with long dark hair and a yellow striped top, head fairly steady, smiling '
     'broadly and glancing down with lids lowered; 8.7 s'),
    ('QhaiAnon_test', 'qhaihcblol/face-anonymization',
     '8c2ffc680c3b1b3034837a1e2c4fef93f857fd42', 'test_videos/test.mp4',
     ('c',), 30.0, 352, (608, 1080), 162.6,
     'cf354a819598ebb092ae7e81d219d45d66eb8349ab7507a303f7440dc92a9eae',
     'an adult in an olive knit beanie and dark hoodie outdoors in front of a house wall, '
     'talking to a handheld phone camera with the head fairly steady; 11.7 s'),
    ('Ekendra_myvideo', 'ekendra-yadav/OpenCV-Practice',
     '16d379b7ef1a2659217a99261fe3144ff6bb042b', 'my_video.avi',
     ('c', 'd'), 20.0, 878, (640, 480), 144.0,
     'cbbaa9b948828672aed56566828fe530c6b9a0f5e0ffbedcb7e415527cded5c9',
     'a young man with swept dark hair in a black hoodie at a webcam, mostly looking down, '
     'talking briefly and shifting/leaning his head, with an exposure change at the start; '
     '43.9 s'),
    ('Vaniyeyo_happy', 'vaniyeyo/Body-Part-Detection',
     'df3cfb6161f5618418e5a33cebe85de6e4d1c089', 'happy.mp4',
     ('c', 'd'), 29.97, 433, (640, 360), 81.1,
     'd658222f33be53003db366999e0170a00e5fd4a454d974c6760a1c7ea182dcdb',
     'a bearded man in a white T-shirt against an orange backdrop, waving both hands, smiling '
     'and swaying/tilting his head; 14.5 s'),
    ('CafeMgr_webcam', 'sotsuba/CafeInternetManager',
     '11f16a7fe8718a4b6264419c020eea7362cfdd98', 'webcam.mp4',
     ('c', 'd', 'e'), 30.0, 190, (640, 480), 89.2,
     '74b2c2c1580b4957cc0f499910d280accdb4a15f454469d52d86641ac9d43757',
     'a young man with dark hair, large dark-rimmed glasses and a blue shirt, close to a '
     'webcam then leaning back and talking with a fairly steady head; 6.3 s'),
    ('QhaiAnon_hai1', 'qhaihcblol/face-anonymization',
     '8c2ffc680c3b1b3034837a1e2c4fef93f857fd42', 'test_videos/hai1.mp4',
     ('c', 'd', 'e'), 30.0, 102, (1280, 720), 199.3,
     '004dd191ae2cfebd8e142a484100dfee7513dd0552163a4d87f38a6a6970d9f1',
     'a young man with black hair and thin-rimmed glasses in a black shirt close to a laptop '
     'webcam, talking while tilting and turning his head slightly; 3.4 s'),
    ('AhzamRec_1651', 'AhzamAkhtar/Screen-Recorder',
     '95bdfddfc777b42e80fa4a71b31cd33f2de84d24', '2021-12-21-16-51-16.mp4',
     ('c', 'e'), 20.0, 134, (640, 480), 106.0,
     'dddc1fd489b6d6066547313f37af8bf1e9279198bffc14fd5e52b2d08fb4cd39',
     'a young man in a grey knitted beanie and dark top at a webcam, resting his cheek on his '
     'hand, then gesturing beside his face and talking with the head fairly steady; 6.7 s'),
    ('MarieDSP_recorded', 'MarieCaroline/DSP',
     '412059fc49794326c7caeb4b1300f96c00c14d27', 'recorded.avi',
     ('c', 'e'), 20.0, 172, (640, 480), 100.0,
     '6811c0e97fbb5e248dbcc9fa9d7a92af2fec5f4b66f8008f7c2a3fa4632c5496',
     'a young woman with pulled-back light brown hair in a blue hoodie, resting her cheek on '
     "her hand then lowering it and speaking briefly, head steady, while another person's arm "
     'moves at the frame edge; 8.6 s'),
    ('Digipodium_camera', 'digipodium/2022-MAR-PYDS-630-WSS',
     '281f5c4d4f999f3c2e65b3827117e273c922bb98', 'camera.avi',
     ('d', 'e'), 20.0, 289, (640, 480), 81.2,
     '363b160c3f55e65a35d75797e76c83dabaa81fd20bd573282b6dde41362e72d7',
     'a man with glasses and a light shirt at a webcam, waving his hand in front of his face '
     'repeatedly, tilting his head and talking; 14.5 s'),
    ('Esmatoksoy_recording', 'esmatoksoy/CameraDetection',
     '4409d208a90161ba7585da5a668f502d4d2e0c37', 'recording.avi',
     ('d', 'e'), 20.0, 176, (640, 480), 83.2,
     '8d64db7d85a8979d7fe87e452db80b8045b76aea7b5ab841bb3a2c61f25dc5e9',
     'a young woman with a dark ponytail and white T-shirt in an office, a hand passing over '
     'the lens at the start, leaning and shifting toward the camera, turning her head away at '
     'the end; 8.8 s'),
)


#: A twelfth fresh held-out set (docs/aumatch-history.md, the twelfth set): 16 scored clips of 16
#: people from sixteen more repositories, found by a session that ran no spotter on them, taking
#: nothing from the 147 repositories and 624 files of the sets and candidates before (of its 18,
#: one with an app's face box and labels drawn over the face dropped before loading, and one of
#: 44 frames that ``real_people.py`` cannot score); scored once, untouched, to measure the tenth
#: round's defaults with no choice made on it (``docs/prereg/twelfth-set.md``).
TWELFTH_SET = (
    ('Hschn_100light', 'hschn58/rPPG',
     'fb15877ff0d3605f554284252731b03563a4ed09',
     'Legacy/Current_Summary/Results_10_7/Videos/mp4/100_light.mp4',
     ('a',), 50.0, 534, (1760, 1328), 183.3,
     '25e17f396d149da0ed426b9f6c33b0dbbd5fb7e9ee0a7d7248d379ea666399d8',
     'a young short-haired man in a teal T-shirt sits still facing the camera in a dim room '
     'with a neutral face; 10.7 s'),
    ('L2cs_videodt', 'jocyphm16/L2CS-Net-main-usage',
     '6c926bb3915271e6fe5c298891da132914dd27db', 'videodt.mp4',
     ('a', 'b', 'e'), 30.0, 268, (480, 854), 151.7,
     'ec69f1c76220e0cebcc815a552b7c169eca1e5c41699af3fdcc9ef2d94f7cf11',
     "a young woman with glasses and a green polo shirt holds a phone camera at arm's length "
     'indoors, looking at it with a mostly neutral face and blinking; 8.9 s'),
    ('Satvik_input', 'satvikp221b/Heartbeat-Detection-Using-Video',
     '250499b708f267f956965f55d6c5266f7c1f1421', 'videos/input.mp4',
     ('a',), 30.0, 286, (640, 480), 142.0,
     '761a4bb2f044fac467cf19075b31318cdb532102fdf5bd7c683d6cbf9da8eece',
     'a young man with thick dark hair and a short beard in a navy T-shirt sits still facing a '
     'webcam with a neutral face; 9.5 s'),
    ('Yyxou_1', 'yyxou2022/FacialExpressionRecognition',
     'fcd05f0c01e06f81c9f197b5bd65830750fe54bd', 'input/test/1.mp4',
     ('a', 'd', 'e'), 30.001, 469, (720, 1280), 83.7,
     '7fceb0d7fad081331b3baa553acfb9606989442a2e0450b46dc1e30f4e79f87e',
     'a young man with glasses in a striped sweater sits in an office chair (seen full-body), '
     'brings his hand to his mouth and bows his head, then sits still with hands on knees; '
     '15.6 s'),
    ('Fern_me', 'fernandabak/yogaWA',
     'f67fac11bfbcb2e3401ac272ec96a8ed527f9242', 'me.webm',
     ('c', 'd'), 17.083, 638, (640, 480), 88.2,
     '727ddb7635dbc4b21b7474c8e8eb4efb5469529fe04d514b5b37c22727f4fa13',
     'a woman with long dark hair sits in front of a wooden bed frame and talks to a laptop '
     'webcam, mostly steady with an occasional head tilt; 37.3 s'),
    ('Rakesh_happy', 'rakeshaa2002/Humen-emotion-recognisation',
     '7734d9ef14cbe4600e7b0e77a36d6bb4f2a0654e', 'Happy.mp4',
     ('c',), 30.0, 180, (1280, 720), 182.1,
     'ed81c6d07cc0b8ea204a83c2af1ad683eea7644992c2c6d391439562378bdf7f',
     'a bald man with a short beard in a denim shirt smiles broadly at the camera in a bright '
     'room, head steady; 6.0 s'),
    ('Tanat_me', 'tanatdev/tanatjuk.github.io',
     'b892bba3d209aade94a522c6a36b15fc9ee4b2ec', 'me.mp4',
     ('c',), 30.0, 272, (960, 540), 129.0,
     '7a527c15427d2a382aaa58ae74d3f6a628d7fed5c9261017344bfb38c4f9f1c2',
     'a young man with black hair in a black T-shirt sits in a gaming chair in front of grey '
     'curtains and talks to the camera, head steady; 9.1 s'),
    ('Xuwz_girl', 'xu-weizhen/Beautify-by-PaddleHub',
     '4fdce0da2aa9f78a29e30247ec6e984828301086', 'girl.mp4',
     ('c',), 25.0, 261, (630, 354), 145.7,
     'a12dfd8d0d3c7aca09f715174cf7edbb98e77365784f574548c47338fd3e282e',
     'a young woman with dark tied-back hair and orange eye make-up looks down at a laptop '
     'screen, purses her lips and then smiles broadly, head steady; 10.4 s'),
    ('Mint_traurig', 'NinaZiegenbein/MINTSummer',
     '4180785eb4e648eaaec1f58ce83a3c488b6e3987', 'EmotionVideos/traurig.mp4',
     ('b', 'd'), 25.0, 152, (1280, 720), 300.9,
     '8dd06a7481bc4d6b5d3b8312893382254ae5426bef8ebcf7c3ce3dd8b7a16066',
     'a black-and-white close-up of a young dark-haired man against a white backdrop posing a '
     'sad expression, closing his eyes and frowning; 6.1 s'),
    ('Natori_my', 'Natori02/Lab4-',
     'aacdfe6d8dcc494438ff54baf8e7825dd8da4479', 'my_video.mp4',
     ('b', 'd'), 30.007, 125, (720, 1280), 265.1,
     'fae7148429e2ee9391c03eb3e99e95e5e899d00027761c9b8ec3bda89a92f078',
     'a young man with shoulder-length brown hair and a chain necklace turns and tilts his '
     'head in front of a phone camera, then looks down and blinks; 4.2 s'),
    ('Trong_test2', 'trongtuyen99/sleep_detection',
     'abf2f2e9c955faa1e03443a3235aed609c6e5392', 'video_test2.mp4',
     ('b', 'd'), 17.099, 226, (640, 480), 113.2,
     '7a8c6fb11c1dd51a0214816070f8a8e1b13841e1d60605e7e033fbbc1b642c43',
     'a young dark-haired man in front of a white wall sits with his eyes closed as if dozing, '
     'head tilting slightly; 13.2 s'),
    ('Curry_realexam', 'Currylovecarry/dtw',
     '9d4c999b6281982b9726621563e1d4fa3f3667b1', 'real_exam.mp4',
     ('d', 'e'), 30.0, 303, (720, 1280), 40.0,
     'ced2fa7c3d43c02da21124bcf8dba6ad40d0f23f612de047fbab53431fc50c29',
     'a young man with glasses in a grey printed T-shirt and jeans dances a short routine '
     'full-body in a white room, a hand covering the lens at the start and the end; face '
     'small; 10.1 s'),
    ('Fidzer_sad', 'fidzer29/Streamlit-Python-PCD',
     'f8c6e8978116e07a609b5d6711b4c6d5f1b17e9b', 'sad.mp4',
     ('d',), 29.97, 98, (1920, 1080), 372.8,
     'ab200c1cb4eedac9bf099354d79f62ef0442b967b7551d22bd1efa1071bb3240',
     'a woman with short dark hair and long earrings against a plain grey wall poses a sad '
     'expression (raised inner brows, downturned mouth), head steady; 3.3 s'),
    ('Kamesh_angry', 'kameshpravin25/Emotion-Detection-using-video-and-audio.',
     'bbd5b209fdbad70011e4135e5754847d3a9bd5b2', 'angry.mp4',
     ('d',), 29.972, 469, (480, 272), 82.0,
     '40f2f6b14720a88ed5d739de6a30a40005738956b0eb3d0b9c855e237ee3f8a8',
     'a bald bearded man in a black T-shirt against a black background repeatedly poses an '
     'angry snarl, relaxing in between, head moving slightly; 15.6 s'),
    ('Amadojms_yo', 'amadojms/detection_faces',
     'b018294b4d4e9bdc004c6a53622cb3b201c95e9a', 'yo.mp4',
     ('e',), 29.714, 142, (720, 1280), 239.4,
     'd9506fffecc991fabbcb9a424f53e52b1ced4d381384b709266c322cfbfa1334',
     'a bearded man with curly dark hair in a patterned shirt faces a phone camera in a white '
     'room and waves his hand beside and in front of his face; 4.8 s'),
    ('Kmnsoo_girl', 'kmnsoo/python_face_landmark',
     'b713903699a3c0aad885cc71731f24da71923a69', 'girl.mp4',
     ('e',), 29.858, 210, (720, 1280), 254.9,
     'e2bb59cf5bef0f270c0699e7014a78d831b43db39f86d6523a71e602826875c7',
     'a young man with a dark fringe in a black T-shirt sits in a room with a desk fan, puts a '
     'spoon in his mouth and looks around, face close to the phone camera; 7.0 s'),
)
