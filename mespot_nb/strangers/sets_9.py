"""The ninth fresh held-out set's records (data only; see :mod:`mespot_nb.strangers`)."""

from __future__ import annotations


#: A ninth fresh held-out set (README "Real people", aumatch's ninth round): 20 clips of 20
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
