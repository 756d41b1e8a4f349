"""The eighteenth fresh held-out set's records (data only; see :mod:`mespot_nb.strangers`)."""

from __future__ import annotations


#: An eighteenth fresh held-out set (docs/aumatch-history.md, the eighteenth set): 13 clips of 13
#: people from 13 more repositories, found by two sessions that ran no spotter on them, taking
#: nothing from the 262 repositories and 2448 files of the sets and candidates before (asked for
#: still faces, talking heads and head turns); scored once, for aumatch's fifteenth round, to
#: measure the thirteenth round's defaults untouched with no candidate
#: (``docs/prereg/aumatch-round15.md``).
EIGHTEENTH_SET = (
    ('Vedithat_testing', 'vedithathanneru/facerecog-facenet_backup',
     'fb99282c0627a26ab77125685a18fe0aa272d4e5',
     'testing/santhosh.mp4',
     ('a',), 43.214, 242, (464, 832), 121.0,
     '6b13b71f9187e3fa19e0be71dffd566bb9370c96457edc7fe4fc2c7233025a97',
     'A young South Asian man with a beard in a patterned cream shirt sits still facing a '
     'phone front camera in an office under ceiling lights, neutral, with only slight head '
     'sway; 5.6 s.'),
    ('Oberkay_kaydi', 'oberkaykaynar/Deep-Learning-With-Image-Proccessing-Udemy',
     '0013d74ac8baf181265af9bcecafbb21bf64cdfd',
     'video_kaydi.mp4',
     ('a',), 30.0, 281, (640, 480), 118.2,
     'babac3e81a94c08b209a8c7e43bbded0f3aa56730478d2a6dd5dcfe2c72b48ff',
     'A young man with dark tousled hair in a blue T-shirt sits still facing a laptop webcam '
     'in a bright room, neutral, looking into the camera, leaning back slightly near the end '
     '(first frame dark from auto-exposure); 9.4 s.'),
    ('JoelW_output', 'joelweber97/Python3_OpenCV',
     'b9bfa1ce5cb190a10fd0e386250ac9e33e9c0a06',
     'OpenCV Python for Beginners - Full Course in 10 Hours/data/output.avi',
     ('a', 'b', 'e'), 20.0, 233, (640, 480), 82.2,
     'eee903a40c51efa1029465c15b303f2a0faf36395fc58b24e1ca4003244f0d88',
     'A young man with swept-up hair, over-ear headphones and a white polo sits at a desk '
     'facing a webcam in a home office, head steady, glancing around the screen and blinking, '
     'raising a hand in a wave near the end (first frame dark from auto-exposure); 11.7 s.'),
    ('NalinICD_directions', 'nalinkumar3466/Interview-Cheating-detection-',
     '5f9e947370342c4a00c5e5223c14f3ff1005d08d',
     'ml/samples(old)/directions.mp4',
     ('a', 'd'), 20.0, 294, (640, 480), 128.0,
     'f6685b3e20b0fb03b5b17db575885330b92f7b0414b31df67ff240da9872069c',
     'A young South Asian woman with tied-back dark hair in a coral T-shirt sits still facing '
     'a laptop webcam in a bright bedroom, neutral, shifting her gaze and head slightly to '
     'different directions; 14.7 s.'),
    ('SaurabhM_output', 'saurabh-maurya/Computer-Vision-using-OpenCV',
     '54bf3e1ce8048aa618103c294572de29a9dfbf03',
     'data/output.avi',
     ('a', 'd', 'e'), 20.0, 566, (640, 480), 120.0,
     'd345b5257101d9cec2d9fc5095dea2d5a0aca04cc52f1d176ad98744b74f632c',
     'A bearded young man in a grey T-shirt sits on a sofa facing a laptop webcam against a '
     'plain wall, mostly still and neutral, resting his chin on his hand, then stretching both '
     'arms over his head for a few seconds before settling again; 28.3 s.'),
    ('Sam12321_myvideo', 'sam12321/OpenCV-Basics',
     '9b5be6fd9b610f69d7384696f45620435dad8a4c',
     'myvideo.mkv',
     ('a', 'e'), 20.0, 147, (640, 480), 111.8,
     '2146794ea34edffab024345c2d73fd8350b85635c77d227633b363bab8d85f42',
     'A young bearded man in a white T-shirt sits still in front of a laptop webcam in a lit '
     'room, gaze lowered, neutral, briefly raising a hand to his chin; 7.4 s.'),
    ('Mohitbattu_myvideo', 'mohitbattu/Opencv',
     'da858e6dac8bf2b9e3b63b99f4eaed6511b8f00b',
     'myvideo.mkv',
     ('a', 'e'), 20.0, 315, (640, 480), 105.0,
     'cb428403834c89bbc1c9de08760e29a1eab43376b772c2d17b741e6cb0cc6086',
     'A young man with curly hair and glasses sits in front of a laptop webcam against a '
     'bright backlit wall, neutral, looking at the screen with screen reflections on his '
     'glasses and small head shifts; 15.8 s.'),
    ('Khusan_hw1', 'khusan0302/computer_vision',
     '3543c5f881b1a47e4003624c7fd81e9ee023bc37',
     'hw1/video_output.mp4',
     ('a', 'e'), 20.0, 557, (640, 480), 135.4,
     '97c63ebf41e581043eae81ca9f5efa91277926165d7e59da7ff6cad14358737d',
     'A young man with dark hair, round glasses and earbuds sits under office ceiling lights, '
     'seen from below by a laptop webcam, neutral and looking down at the screen, shifting '
     'position across the frame twice at recorder pause cuts; 27.9 s.'),
    ('Rihat_test2', 'rihat99/CV701_Assignemnt_4',
     '2c3dd85aba0c24afd36fbb7b137e49be97efd8e4',
     'samples/test_2.mp4',
     ('c', 'd', 'e'), 29.997, 470, (640, 640), 221.1,
     '237d896ead4b06c6717cff10cec9f18118f0be0a56205fcf06c25bbd2cedeab0',
     'A young East Asian man with brown-framed glasses in a salmon T-shirt, filmed close and '
     'frontally by a phone in an office/lab, holds his head steady while posing expressions in '
     'turn: neutral, a broad smile, neutral, then a sad pout; 15.7 s.'),
    ('Subhadip_capture', '07subhadip/image-processing',
     'ce589f924c2f6fb5f9c54382863215f467128a92',
     'capture by laptop camera.avi',
     ('c', 'd', 'e'), 30.0, 185, (640, 480), 121.1,
     'd75533b2eed9079d27b166b0841e0b26af7b69f61cad69eb211a872035d22842',
     'A young man in a mint T-shirt faces a laptop webcam in a bright room, talking, tilting '
     'his head and waving a hand across his face once; 6.2 s.'),
    ('GGress_lipread', 'G-Gress/lip_reading',
     'f0f63f79e486cb74853f6b03624e3078d1714568',
     'data/fine_tune/videos/1749044652.mp4',
     ('c', 'e'), 25.0, 140, (640, 480), 96.0,
     'fe7445e3797ebf4571c2f6bc058ca636c2f3e6cdbab9f283d72f12ba6091c516',
     'A young East Asian man with short dark hair in a grey hoodie, filmed from below by a '
     'phone/webcam in a room with a ceiling lamp, moves back into place in the first ~1.5 s '
     '(blur) then says a short phrase with the head steady; 5.6 s.'),
    ('VinnyN_video', 'vinny-nguyen/IntroSpectacle',
     '6fb71ac8091f982ec7218b058136318c23d2bf23',
     'video.avi',
     ('c', 'e'), 30.0, 314, (640, 480), 94.8,
     '4fae8be9d7a6979e2d1761d9d95d68dc2e7201674c0e5386a60bad2bc2249f66',
     'A young blond man with glasses and a dark hoodie faces a laptop webcam in a bright '
     'glass-walled atrium, talking and smiling with his head mostly steady and small tilts; '
     '10.5 s.'),
    ('OaasBear_camera', 'OAAS-BEAR/arbitray',
     '30618233fe1f5c315ee7864fbd485168b1e63cb6',
     'camera.mp4',
     ('d', 'e'), 30.0, 321, (320, 568), 87.1,
     '736c4325a75d2bc0c19af73d59f585eb4a2a432f904a2ed059edd57603acf0f1',
     'A young East Asian man with black-framed glasses in a navy jacket over a beige T-shirt '
     'films himself with a hand-held phone under a ceiling light, neutral, the camera swinging '
     'and his head tilting, the face briefly leaving the frame near 9 s; 10.7 s.'),
)
