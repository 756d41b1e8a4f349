"""The sixth to eighth fresh held-out sets' records (data only; see :mod:`mespot_nb.strangers`)."""

from __future__ import annotations


#: A sixth fresh held-out set (docs/aumatch-history.md, aumatch's sixth round): 18 clips of 18
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


#: A seventh fresh held-out set (docs/aumatch-history.md, aumatch's seventh round): 18 clips of 18
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


#: An eighth fresh held-out set (docs/aumatch-history.md, aumatch's eighth round): 20 clips of 20
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
