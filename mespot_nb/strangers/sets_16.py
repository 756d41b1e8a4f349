"""The sixteenth fresh held-out set's records (data only; see :mod:`mespot_nb.strangers`)."""

from __future__ import annotations


#: A sixteenth fresh held-out set (docs/aumatch-history.md, the sixteenth set): 23 clips of 23
#: people from 23 more repositories, found by two sessions that ran no spotter on them, taking
#: nothing from the 218 repositories and 1732 files of the sets and candidates before (asked for
#: still faces, talking heads and head turns); scored once, for aumatch's thirteenth round: the
#: defaults untouched, then a frozen candidate by a rule written down before
#: (``docs/prereg/aumatch-round13.md``).
SIXTEENTH_SET = (
    ('Prateek_efgg', 'PrateekSharma9399/Facial-Feature-Recognition-project-NN',
     '8fa7d9d8e83c144ec82ab4c9e4a76666e615a740',
     'efgg.mp4',
     ('a',), 30.0, 170, (1080, 720), 194.0,
     'e3f4f1124d947df124a23e00d92ad31ed0a74760e4a084f88cc990d4facc2040',
     'a young man with dark hair and a short beard in a dark camouflage jacket sits still '
     'facing a laptop webcam in a plain room with a doorway behind him, neutral face, blinking '
     'occasionally; 5.7 s'),
    ('FranRojas_prueba', 'FranRojas/blinker',
     '58e96a30e25b77f64fedfa46bdb02adcdb7db67b',
     'prueba.mp4',
     ('a', 'b'), 29.996, 480, (352, 640), 179.1,
     'b4fece3dabf546db45d97974b01e8ee6b41003afc51f4e8c5dfba29e31b44f64',
     'a bald adult man with a nose ring and a green T-shirt sits still facing a handheld phone '
     'front camera in a room with a blue wall, neutral, blinking now and then with small '
     'hand-held camera drift; 16.0 s'),
    ('Jodapomo_demo4', 'jodapomo/vision-artificial',
     '221aefe34075e2dcaa3cb16c2517d9d9f33baf33',
     'demo4.mp4',
     ('a', 'b', 'c'), 18.461, 236, (352, 640), 179.6,
     '5420b912ed8ff7de08399aca68f799f86972be4547f04d252c2d1c5095530eb7',
     'a young woman with curly red-dyed hair and a black top sits still very close to a front '
     'camera against a bright white wall, neutral, moving her eyes left, right and up, '
     'blinking and winking, with a small smile near the end; 12.8 s'),
    ('Ameline_testd', 'AmelineA2003/AMME5710_Major',
     'e22ab75e1a61b4f8654961685dbedf8a71c15fb8',
     'src/videos/ameline_test_d-_rgb_1761129562.mp4',
     ('a', 'b', 'd'), 30.0, 726, (640, 480), 162.3,
     '799cdc991c23e7532511845e6617acfa067fd146fec3492ee33c8ddff5bfcb35',
     'a young woman with dark tied-back hair in a white sleeveless top sits still facing a '
     'laptop webcam in a grey room, neutral, looking down then ahead and blinking, with a '
     'short auto-exposure settle in the first frames and a downward head tilt at the very end; '
     '24.2 s'),
    ('Perrito_testblink', 'perrito0409/FaceAI',
     '614bd5d56211bc33b128ce723f9f66083677d23a',
     'test_blink.mp4',
     ('a', 'b', 'e'), 30.0, 217, (480, 856), 188.7,
     '7c12dbded12fd0dd7e9f47b65e7044ca36b8be026b8b9042e271365577b4ed70',
     'a young man with short black hair, black-rimmed glasses, headphones and a blue '
     'sleeveless top sits still facing a phone front camera in a room with a wooden ceiling, '
     'neutral, blinking deliberately several times; 7.2 s'),
    ('Qvideo_blob', 'gabemansur/qVideo',
     'e54aaf2714c7286f644a3867d8e97e59fdee478b',
     'uploads/blob.webm',
     ('a', 'c'), 25.0, 226, (640, 480), 116.8,
     'a77ebc12e6ee60c468ae122eed43e754d2aeb507843e36050ab1360b8d7fc092',
     'a bald man with stubble in a light-blue shirt sits in front of a lab webcam by a wooden '
     'door, mostly still with a neutral face, glancing aside and moving his lips slightly; 9.0 '
     's'),
    ('Praveen_cap', 'Praveenlingala378/recog',
     'bc8637a4870a816eeeb06c3c3a7136299705a603',
     'uploads/cap.mp4',
     ('a', 'd'), 15.066, 122, (640, 480), 142.4,
     'db92b9e93ede941c09ae6c740d96d064a52920b1c8a1646599111ad14fc04e3c',
     'a young man with short dark hair and a moustache sits close to a laptop webcam in front '
     'of a barred window, neutral and still, turning his head left and right a few times; 8.1 '
     's'),
    ('Zawar_myvideo', 'ZawarShaikh/OpenCV',
     '858c70e1113afbfea16582b6b6c86c68014b0501',
     'MyVideo.mp4',
     ('a', 'd', 'e'), 20.0, 296, (640, 480), 113.7,
     '28f0efec5017bc95c0d67edee83253bb37af9843867bc87374385939cfbe4f31',
     'a bearded young man with glasses and a light-blue shirt sits still facing a laptop '
     'webcam against a plain light wall, neutral, with one brief head turn to his right and '
     'back; 14.8 s'),
    ('Barun_video', 'BarunGurung00/Server',
     '5cf54fde1382fd035220fe52b15dfaedbf9e0c64',
     'uploads/1723196277921-video.webm',
     ('a', 'e'), 23.083, 132, (640, 480), 109.2,
     'b77bca2ca75d585590201d865e54be1e952947245a875f2e86199e1302119ba4',
     'a young man with short dark hair in a grey hoodie first rubs his eye with his hand, then '
     'sits still facing a laptop webcam with a neutral face in a room with floral wallpaper; '
     '5.7 s'),
    ('Borajin_interview', 'borajin/malimo',
     '03d9851733900c436aad0a86f5d55998f67f1442',
     'malimo_ai/files/interview.webm',
     ('b', 'c', 'e'), 30.303, 443, (640, 480), 119.1,
     '32039ff38b680fe9d464697da8b091b6eda387961df935dea5000b6f4e4de83c',
     'a young woman with long bleached-blonde hair and round glasses (blue screen glare on the '
     'lenses) talks to a laptop webcam in a dim room with a wooden bed frame behind her, head '
     'steady, eyes closing briefly now and then; 14.6 s'),
    ('Sadman_myself', 'Sadmankham/My-site',
     'e6fdd1bbf97f60b368237dbc8e8ca858dceb58ae',
     'Myself.mp4',
     ('c',), 23.998, 627, (1920, 1080), 322.0,
     'd3e6c443ef9a29277eb158b0413cc553f43fad9d8dfc3efd70f0acc98369698a',
     'a young bearded man with dark hair and a striped T-shirt talks to a laptop webcam in a '
     'room with wooden cabinets, head mostly steady with small movements, neutral to slightly '
     'smiling; 26.1 s'),
    ('W2lFacetime_ian', 'harry2141985/Wav2Lip_facetime',
     'e9ced644b447cee0bd1953914741222e66cbdd46',
     'ian5sec25fps.mp4',
     ('c',), 25.0, 127, (540, 540), 149.1,
     '31ca3b0323b794512bfa65ea8a4087272fc6aabfdb5d09233d151f28a77ca6f7',
     'a young man with shoulder-length brown hair and a grey T-shirt talks into a black '
     'microphone facing a Logitech webcam against a white wall, head steady, slight mouth '
     'movements; 5.1 s'),
    ('Betzalel_01', 'eyalbetzalel/first-order-model',
     '115890bf3eb337db3f1b1d94cb1458ca9b0f6e4d',
     '01.mp4',
     ('c',), 29.851, 250, (480, 480), 149.0,
     'e751400695e5a41f2e8c801b96da7a7ff2ab92872de7ab8c8524cda1047d695c',
     'a young man with short dark curly hair and stubble talks to a phone front camera in a '
     'warmly lit room, head steady, close frontal face, speaking continuously; 8.4 s'),
    ('Sakshi_recorded', 'SakshiFadnavis2003/InterviewXpert',
     '6fdf7e1ffcc270a128bafcafb53da1c90876b79f',
     'uploads/recorded_video.webm',
     ('c',), 30.303, 165, (640, 480), 89.4,
     '87cbc7a6efcd46dd25e31e48ed841dfed2bb1940902674da226c0633f2d7a007',
     'a young woman with dark tied-back hair in a yellow T-shirt talks to a laptop webcam in a '
     'bright bedroom with wardrobes behind her, head mostly steady with small shifts; 5.4 s'),
    ('Rocking_testvideo', 'RockingHorse-L/OpenCV',
     'b4c3170e33da0b55519f43341e3761d963925937',
     'testVideo.mp4',
     ('c', 'd', 'e'), 30.0, 330, (720, 1280), 217.0,
     '4b217aa79234a9a98a7ab4f653a60730049d4e07b0dce1a830d269de8c32bcfe',
     'a young man with tousled dark hair and a grey hoodie holds a phone front camera in a '
     'corridor, covering his mouth and nose with his hand, turning his head to the side, then '
     'facing the camera and speaking; 11.0 s'),
    ('Gialbanes_teste', 'gialbanes/pythonWebCam',
     'a8cacf42564458514cba735637f40990c408e1dc',
     'teste.mp4',
     ('c', 'd', 'e'), 15.064, 182, (640, 360), 124.1,
     'fee11cc366cb69cca99de6257ee5fee62020bdc018deeed895b7568dd00914e1',
     'a young woman with long dark curly hair and clear-framed glasses faces a laptop webcam '
     'in a plain white room, mostly neutral, tilting and shifting her head, talking briefly '
     'and waving her hands in front of her face; 12.1 s'),
    ('Ichack_video', 'KOLESNiii/ichack25',
     '45168d1fa782c7562bc05ccd0cc0a106d91fc3da',
     'uploads/video.webm',
     ('c', 'd', 'e'), 30.303, 326, (640, 480), 93.0,
     '0be4d6ad4b1c9f907a6976ea605c866eb8d85c9e7925bca58781addfb63f0781',
     'a young man with dark hair and a lanyard talks and smiles to a laptop webcam in a busy '
     'hackathon hall, turning his head now and then, with other people moving in the '
     'background; 10.8 s'),
    ('Parzival_test', 'Parzival7566/V_Speak',
     '14a003a6d684b175f00833a6cf9c47d006814a6c',
     'uploads/Test.mp4',
     ('c', 'e'), 30.0, 256, (1080, 720), 160.7,
     'c04561f2a2a493703f0012f908223ed6dce0016cc9370c34fa5cc91c6cfe40a4',
     'a young man with glasses and a light-blue T-shirt talks to a laptop/phone front camera '
     'in a wood-panelled room, head mostly steady, gesturing with his hand in front of his '
     'chin at times; 8.5 s'),
    ('Giang_video1', 'giangliken/Facial-Recognition-Time-Attendance-System',
     'd44e2fedb14d8e0939e84a4e1543b825577b4307',
     'Video 1.mp4',
     ('c', 'e'), 28.0, 421, (576, 1024), 179.9,
     '9e95afd7f84e13ef83e16ac39cf3929448e86c4af9f71a46b9d75f21864e639a',
     'a young man with short dark hair in a dark-green T-shirt sits facing a handheld phone '
     'front camera indoors, talking and smiling with small head motion and occasional hand '
     'gestures near his face; 15.0 s'),
    ('Firas_preinterview', 'firas100/projetpfe',
     '3a4c7c141893ba85328076818883bbc02ab13ca8',
     'processed_videos/ba21e8ae-449a-454d-a051-e1986ebedcd5_firas_kdidi_preinterview.mp4',
     ('c', 'e'), 29.981, 1594, (432, 768), 150.3,
     'e0c2e39037c5222ff70cd6894840e4423872dac18661b19e7c6a2da760697eca',
     'a bearded man in a black cap and dark T-shirt holds a phone front camera below his face '
     'under a striped awning, first with his hand over his mouth, then talking steadily with '
     'little head motion; 53.2 s'),
    ('OlehGr_video', 'OlehGr/face-recognition',
     'c9bed6da513541cc3fdecb932db009e626b5b2be',
     'video.MOV',
     ('d',), 29.834, 180, (720, 1280), 169.5,
     'e57bf8893505eb9585d42707593366e6e1809f48061e85e06e4ebeb05afa3b9b',
     'a young man with short brown hair and a black Kappa top holds a phone front camera in an '
     'office room, neutral, turning the phone and his head gently left and right and ending '
     'with a slight smile; 6.0 s'),
    ('Soyunasilla_mivideo', 'Soyunasilla/streamlit',
     'e6bde749cd98be7f969019f0c3bd1bc486d2ca54',
     'mi_video.mp4',
     ('d', 'e'), 30.003, 195, (1280, 720), 201.5,
     'f451957edcd9560db74ac52f68a0b5b4b4357d4d4f148b0b9c81d7cba43eef30',
     'a man with dark hair and a goatee in a white shirt sits close to a laptop camera in a '
     'cluttered bedroom at night, first looking down, then raising a peace-sign hand beside '
     'his face and looking into the camera with a mostly neutral face; 6.5 s'),
    ('Aqib_abc', 'aqibfrz/INSIGHT_X',
     'e8d161e871a1f8893eb26a42789140107ca996c8',
     'abc.mp4',
     ('d', 'e'), 30.03, 383, (478, 850), 201.5,
     '9a5a76a80eccbbe1c70e3259ff0ff92e0c1c06f54a917245a15d3a08cae2ae94',
     'a young man with tousled dark hair and headphones around his neck holds a phone close '
     'under a bright ceiling light, mostly neutral, the camera and his head moving, once '
     'running a hand through his hair over his forehead; 12.8 s'),
)
