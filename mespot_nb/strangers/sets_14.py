"""The fourteenth fresh held-out set's records (data only; see :mod:`mespot_nb.strangers`)."""

from __future__ import annotations


#: A fourteenth fresh held-out set (docs/aumatch-history.md, the fourteenth set): 22 clips of 22
#: people from 22 more repositories, found by two sessions that ran no spotter on them, taking
#: nothing from the 181 repositories and 908 files of the sets and candidates before (asked for
#: still faces first); scored once, for aumatch's eleventh round: the defaults untouched, then a
#: frozen candidate by a rule written down before (``docs/prereg/aumatch-round11.md``).
FOURTEENTH_SET = (
    ('Vikas_record', 'vikasK1640A02/opencv',
     'ba6f9c50c66d21ed0863b013e85f463b24cdbd86',
     'record.mp4',
     ('a',), 20.0, 103, (640, 480), 130.0,
     'eab6bc749530f90638be54b94854432e036dbf98eda885b0db1b3ce7f14f6446',
     'a young man with a beard and earphones sits still facing a laptop webcam against a plain '
     'blue-grey wall, neutral face, head steady with slight small nods; 5.2 s'),
    ('Aakash_hr', 'aakash563/Heart-Rate-Detection-using-a-facial-video',
     '9bdc107faacecfec511b4732a3037a73755c6582',
     'aakash.mp4',
     ('a',), 16.601, 259, (640, 480), 150.8,
     '4d4cf704950c10abd48075fbf56fabe8e3b3d845c1172b7049e6fdbfd7de9974',
     'a young man with a beard and short dark hair in an orange T-shirt sits still close to a '
     'laptop webcam in a room with a white window grille behind, neutral face, head steady '
     '(top of head cropped by the frame); 15.6 s'),
    ('Wlkzyl_video1', 'wlkzyl/2023CV',
     'f2cd9d74d42c5a8baca42c47b4dd168b37e15303',
     '2_疲劳度检测/code/Blink_detection/video1.mp4',
     ('a', 'b'), 24.0, 725, (640, 368), 117.0,
     'e4585c611b034dfc142d083e9412d786be51e549a538cfbfda3cad48f7f5974c',
     'a young man with short dark hair sits still facing the camera against a plain light-grey '
     'wall, neutral face, blinking and slowly closing his eyes now and then (drowsiness demo), '
     'head steady; 30.2 s'),
    ('Sagi_output5', 'sagi-schein/hackaton-heart-17',
     'b085b647b8588c22ad9133d767de1678551fb8f7',
     'output5.avi',
     ('a', 'b'), 20.0, 400, (640, 480), 148.0,
     'b1781e6b2da94ecc15e04602c11dedd76c7ef67be28db47a30fb9ac5f71766da',
     'a bald middle-aged man in a dark collared top sits still facing a webcam in front of a '
     'plain pale wall, neutral with lips slightly parted and a faint frown, blinking '
     'occasionally, head almost motionless; 20.0 s'),
    ('Abhinn_rec', 'abhinn05/Parkinson-Early-Detection-Model',
     '36cc13485ef9e044d7806a3a17e2ab74b1b3903b',
     'recorded_video.avi',
     ('a', 'b', 'c'), 20.0, 296, (640, 480), 84.0,
     '9305b0ab5980aa90196115216760aa334e992fd25fb96953f3fd7e8892d7452a',
     'a young bearded man in a white shirt sits still below a bright ceiling lamp (backlit, '
     'face somewhat dark) facing a low-angle laptop webcam, says a few words in the first '
     'second, then stays neutral and blinks; 14.8 s'),
    ('TsGroup5_rec', 'TS-Group5/Capstone_Project',
     'f1daaa4b85ea92cdf04ef7f567d6f658d7504749',
     'recorded_video.mp4',
     ('a', 'b', 'd'), 20.0, 200, (640, 480), 111.8,
     '49badc6aa3f6d73d02b7f291d7d2f190cb38f18c210bce1f8782f6ba394bef19',
     'a middle-aged balding man in a striped polo shirt sits in front of a green patterned '
     'curtain facing a laptop webcam, moving and looking down for the first few seconds, then '
     'sitting still with a neutral face, blinking; 10.0 s'),
    ('Sudiksha_up', 'Sudiksha18/Head-Rotation-Detection-using-YOLO-and-Flask',
     'c4b3428f2d59d099dafb37e911bd882e2bfb98b8',
     'uploaded_video.mp4',
     ('a', 'b', 'd'), 15.099, 151, (640, 480), 84.5,
     '5057725b83c2b0a0dea501547df678fee8f95d5fc91959d72326cfde556ad166',
     'a young woman with dark hair tied back in a grey hoodie sits facing a laptop webcam in '
     'front of a barred window and pink wall, neutral face, slowly turning and tilting the '
     'head left, right and down and back; 10.0 s'),
    ('Mctosima_rec', 'mctosima/Flask-Heart-Rate-Counting',
     'a33a983fd9b6d6b4cfc0abf25f3ff13ed54e9219',
     'static/recorded_video.mp4',
     ('a', 'b', 'd', 'e'), 30.0, 1793, (640, 480), 145.7,
     'c8fe63149a9ec13ff21e15a89eb371abfa14692ea3316b800b83442415d78741',
     'a young man with glasses (screen reflections on the lenses) and earphones sits facing a '
     'laptop webcam against a plain pale wall for a heart-rate measurement, mostly still and '
     'neutral with small head shifts and leans, blinking; the first second is dark/green while '
     'the camera adjusts exposure; washed-out image; 59.8 s'),
    ('Dhruval_cam', 'DhruvalkumarShah/MCQExam',
     '13fa3069b5f9014be3d26e28fd3641d603f5cb09',
     'cam_video.mp4',
     ('a', 'b', 'e'), 20.0, 346, (640, 480), 100.6,
     '62dbb30410db9ef4b81a6a3ea5e5c740ab25f4f0a772e8143dce1c83ff08d93b',
     'a young man with glasses and a moustache in a checked shirt sits still facing a '
     'low-angle webcam against a plain wall, neutral, glancing down now and then and blinking; '
     '17.3 s'),
    ('Fhfuih_sample', 'fhfuih/HKSI-Monitoring-Server',
     'b894d19bfe340fb43a8067d2607f1abe1a0934d1',
     'sample-video.mp4',
     ('a', 'b', 'e'), 24.951, 341, (504, 378), 113.0,
     'de23fdfe9c8dde66455c0689cb27250457cdfe3dae73e5806c440f1afe4832f4',
     'a young man with glasses and a wireless earbud in a green shirt sits still facing the '
     'camera in an office with cabinets behind him, neutral face, blinking; 13.7 s'),
    ('AdrianVM_demo', 'AdrianVazquezMejia/Mouse_controller',
     'c5e7e0634f1ec82179c118c31e57a4cdb7037764',
     'bin/demo.mp4',
     ('a', 'd'), 30.0, 851, (640, 480), 119.5,
     'a8b9406ca02044afebd727b12bc4e98ffe607b6b517a1806b4df9f4054fe7199',
     'a young man with short dark hair in a blue polo shirt sits facing a webcam in front of a '
     'wood-panelled wall, neutral face, head mostly steady with small turns and tilts and '
     'shifting gaze; 28.4 s'),
    ('Dhara_captured', 'dharasubhamay/OpenCV-Project',
     '89614ef44ce5f1f1701173a18b55b6ff58808ee8',
     'captured_video.avi',
     ('a', 'd', 'e'), 20.0, 218, (640, 480), 81.0,
     '7365f3170313b4704c39e45d29e51474fb15dc2468bedc3d401552a03512d09b',
     'a young man with curly black hair in a blue checked shirt sits facing a webcam in a dim '
     'room with shelves, mostly still and neutral with small head turns, eyes sometimes cast '
     'down and a brief hand wave at the side; the first ~0.5 s is nearly black while the '
     'camera exposure settles; 10.9 s'),
    ('Anancha_output1', 'Anancha/opencv',
     '0975ec4957d6285b070444d1119a3e391c33e18a',
     'output1.mp4',
     ('a', 'e'), 20.0, 413, (640, 480), 117.3,
     '1a97cd5fe84e2946cca6abdbb5d1b9791578e404af8976a4e5a5d75efbf31776',
     'a middle-aged man with black glasses and a surgical mask pulled down to his chin sits '
     'facing a laptop webcam in a bright office with windows; for the first ~8 s he holds up '
     'counting fingers beside his face and briefly waves a hand across it, then sits still '
     'with a neutral face; 20.7 s'),
    ('Asadi_output', 'AsadiAhmad/Custom-Camera',
     'adc4e282a80640604d98dc37f3399d703d7c0710',
     'output.avi',
     ('a', 'e'), 20.0, 214, (640, 480), 124.5,
     '33d96a3a6415fafe7f80a5cb8eb2899d4c38e46e41545e1e98a0e112f2d82441',
     'a young man with short dark hair and light stubble in a dark hoodie sits still facing a '
     'laptop webcam in a large hall with rows of ceiling lights, neutral and blinking now and '
     'then, with a hand waved across his face around 3 s; 10.7 s'),
    ('Mahen_output', 'Mahendra0125/Images-Videos',
     '6b2df74de003c9902e8a45b6ce9020cffb1b66e9',
     'Output.avi',
     ('a', 'e'), 20.0, 217, (640, 480), 141.5,
     '303bb688ad03e74c7db6c39baede2dc9156514f2d91550b80f0b0170a0330819',
     'a young man with a full beard, wavy hair, clear-framed glasses and an over-ear headset, '
     'in a green top, sits very still facing a laptop webcam under fluorescent ceiling lights, '
     'neutral, eyes steady with occasional blinks; 10.9 s'),
    ('Stavya_nomask', 'stavyadatta/codeBrew',
     'dd5fa060a75681a7f1f6f89320db9294a7440ad5',
     'input_videos/without_mask.mp4',
     ('a', 'e'), 15.0, 86, (960, 540), 101.5,
     '7e83753938d26c71d8f031ab223efb49785f295f4ec3e075078e44f4de0e945e',
     'a young man with glasses and a short beard sits still facing a laptop webcam in a room '
     'with a ceiling light and a TV behind him, neutral face, while raising V-sign hands '
     'beside (not over) his face; 5.7 s'),
    ('N137_output', '13703397034/opencv',
     '099ea69077e163df329c1294dd822a1a778ef41b',
     'output.avi',
     ('b', 'c'), 20.0, 186, (640, 480), 80.0,
     '10f9c3ad3ecaa14ca516d21af7b882510c6b8cd5b023271e1cb7472623fd7c48',
     'a young man with swept-up black hair in a light-blue T-shirt sits facing a webcam in a '
     'bedroom with an open door, head steady, smiling, grinning and moving his mouth, eyes '
     'squeezing shut now and then; frame is letterboxed with black bars top and bottom; 9.3 s'),
    ('Thinh_hongq1', 'thinhngosy2060811/web-interview-recorder',
     '78c3a48663d8250e45a00fde732705d8a93a6565',
     'uploads/10_12_2025_11_25_hong/Q1.mp4',
     ('b', 'c', 'e'), 28.512, 505, (640, 480), 112.3,
     '1d0e60600a3e72af4a6cfe6099866958a115e3796a9e201b343de5d6df29b869',
     'a young man with glasses and over-ear headphones sits facing a laptop webcam against a '
     'white wall, answering an interview question, talking with the head steady and blinking '
     'now and then; 17.7 s'),
    ('DevPopat_temp', 'DevPopat/KeyInterviewer',
     '0ea2b75787c5067e5fbb7956ad890ee8ca78e4a6',
     'temp_video.mp4',
     ('c', 'd'), 15.0, 79, (640, 480), 86.1,
     'c244866f19e8b3f5ebb68883370853f01142b478aadbc045936e73fb3dcd1188',
     'a young man with dark hair in a grey hoodie sits facing a laptop webcam in a pale room, '
     'talking with the head mostly steady, then laughing and moving the head in the last half '
     'second (motion blur); 5.3 s'),
    ('Elif_record', 'elifbeyzatok00/Image-Processing-Course',
     'ff669a4bfa4c50dd9f08ecc59f224880f8f1e386',
     'record.mp4',
     ('c', 'e'), 24.0, 196, (640, 480), 115.0,
     '6c3d7484eac565466aca087c8c5e3592e04d5b6612c6ee49e886ce7e8654c23b',
     'a young woman with long dark hair sits facing a laptop webcam in a dim room with a white '
     'wall, talking and smiling with the head fairly steady, briefly waving a hand in front of '
     'the camera; 8.2 s'),
    ('Kkas_0808', 'Kkas457/streamlit-Interview',
     '2b7ed5408b88958be113aedcdc164ffcd45ae600',
     'recordings/20250808_181350.mp4',
     ('c', 'e'), 23.111, 1315, (640, 480), 104.0,
     'ea8d987c74a4d58fc66c629f48a9ccdc3e3a5b3c4b2bca72a24a688aa5651c0f',
     'a young man with short dark hair in a white polo shirt sits facing a laptop webcam in a '
     'bright open-plan office, answering interview questions while glancing down at the '
     'screen, mostly neutral with a smile at the end; a colleague walks past in the background '
     'once; 56.9 s'),
    ('Eswar_interview', 'EswarGorantla/Educonnect',
     '6136737849336dbad78ce215c42a2e1562480912',
     'interview.mp4',
     ('c', 'e'), 20.0, 110, (640, 480), 101.6,
     '67ca92c9e20a88a2db1dcbc37038d7b05407544b96423cc3bbac457e20194089',
     'a young woman with large dark-rimmed glasses and hair tied back sits facing a laptop '
     'webcam against a plain grey wall, neutral at first, then smiling and talking slightly '
     'with the head steady; 5.5 s'),
)
