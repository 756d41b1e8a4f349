"""The fifteenth fresh held-out set's records (data only; see :mod:`mespot_nb.strangers`)."""

from __future__ import annotations


#: A fifteenth fresh held-out set (docs/aumatch-history.md, the fifteenth set): 15 clips of 15
#: people from 15 more repositories, found by two sessions that ran no spotter on them, taking
#: nothing from the 203 repositories and 1317 files of the sets and candidates before (asked for
#: still faces first); scored once, for aumatch's twelfth round: the defaults untouched, then a
#: frozen candidate by a rule written down before (``docs/prereg/aumatch-round12.md``).
FIFTEENTH_SET = (
    ('PhysRec_v01', 'KegangWangCCNU/PhysRecorder',
     '6980e6fe945a88eea15fca4414a0c3ea22f1c4b7',
     'Example/v01/video_ZIP_H264.avi',
     ('a', 'b'), 30.0, 602, (640, 480), 85.1,
     'b4e571299e8f6395df40b5732f2efec178411f0b72d6927c212633f02a4c32bc',
     'a young man with glasses and a pink T-shirt, wearing an earphone cable, sits still '
     'facing a webcam in an open-plan office, neutral face, blinking now and then; 20.1 s'),
    ('Samadhi_test3', 'samadhigunawardhana/dryeye-risk-Research',
     'fff2715639b5e396d8c6047dffe4cabec9e708cd',
     'recordings/test3.mp4',
     ('a', 'b'), 20.0, 318, (640, 480), 173.0,
     '3867460a593d0c83d0d5a7b0603a633e02a0d39e0b2392994c62f9a8b09a72ee',
     'a young woman with dark hair tied back sits still close to a laptop webcam in a bedroom '
     'with an orange wardrobe, neutral face, eyes lowered, blinking; 15.9 s'),
    ('Fiap_recorded', 'lpoggetto/fiap_liveness',
     '035de2b8eab3c860fd048081daa34add366c2cf6',
     'arquivos/recorded-video.webm',
     ('a', 'b', 'd'), 15.917, 156, (640, 480), 108.1,
     '8e0dd017641f120f7b427684b043233970f118d47704fba6309051183a81509f',
     'a young man with a light moustache, wearing headphones, sits in a gaming chair facing a '
     'laptop webcam in a bedroom, neutral face, closes his eyes for a blink test and '
     'shifts/turns his head side to side; 9.8 s'),
    ('Dania_myself', 'hadijadania/DaniaWebsite',
     '3f3de25f4fe386db7b771e3e4b2e56fb7f3e9f7f',
     'video/myself.mp4',
     ('a', 'c', 'e'), 20.0, 120, (720, 1280), 255.7,
     'e6ed39224f67e430a0d6d909334d1801d1cf6faf21e6b8138bfc40b39d097581',
     'a young woman in a dark navy hijab sits still in a car seat facing the phone camera '
     'frontally, neutral with a brief slight smile, a thin pink face-tracking box from the '
     'camera app drawn around her face; 6.0 s'),
    ('Miaa_myself', 'miaa34/individual-iml254',
     'f3d12b1e0fc113fd6fd94f7da90100ea23b9def4',
     'video/myself.mp4',
     ('a', 'd', 'e'), 30.0, 305, (368, 656), 93.0,
     '60964c4a196770e079409710876c8be6dc455ce2fd4162b86e1e3877c920dcf0',
     'a young woman in a mauve hijab sits still in a room with a wall fan, head turned about '
     '30 degrees to her right, neutral and looking sideways, with animated heart and bunny '
     'stickers in the upper right background; 10.2 s'),
    ('Itachy_me', 'ItachyBird/CLI_portfolio',
     '6195867b108c31081fb5e88b8971aab9f4460f2e',
     'public/me.mp4',
     ('a', 'e'), 34.0, 308, (1080, 1350), 278.9,
     '77f4dbb59791df300732138043b0a8c99d8124c238192f43b6068fe8c3733746',
     'a young man with dark wavy hair sits still facing the camera in dim warm light, neutral '
     'expression, inside an animated cyan sci-fi HUD frame overlay (face area clear); 9.1 s'),
    ('Jose_me', 'josedelavalle/me',
     '363c789555b90a038f19985c3c3692d68c1fdf01',
     'images/me.mp4',
     ('b', 'd', 'e'), 23.917, 126, (720, 480), 113.6,
     'd62c3cc013ba59c641ec4f2efc6ee7034d12d80d5af2e89c6772303a7d85fa9d',
     'a bearded man with short dark hair in a grey hoodie faces a camera against a pale wall, '
     'rolling his eyes upward, tilting his head and squinting/closing his eyes in posed '
     'grimaces; 5.3 s'),
    ('Kao_nikoniko', 'novogrammer/kao-in-video',
     'd0dc03cea17fbaf03b5cf75581020710cc529e48',
     'src/assets/movie/makudo_nikoniko.mp4',
     ('c',), 30.0, 191, (1280, 720), 149.2,
     '056277350830ac35bfd8467cef312cc0ae22f8430724efe01f1d8b36f9abd82e',
     'a man in his thirties with glasses and a grey hoodie sits facing a MacBook camera in '
     'front of a colourful mural, smiling gently with the head almost steady, small nods; 6.4 '
     's'),
    ('Sdufac_recorded', 'sdufac/L3ProjetCAI',
     '781f7a2a6d2e660bfae10301b279d2c7fa381f82',
     'recorded-video.webm',
     ('c',), 30.0, 229, (640, 480), 139.1,
     'bdc90b39bf360e9166648f9e16b098f2106367655f2b233bfac823ac41fcd057',
     'a young man in a dark T-shirt speaks to a laptop webcam in a small room with a shelf '
     'behind, head mostly steady after leaning in at the start, talking with small mouth and '
     'brow movements; 7.6 s'),
    ('Nurin_me', 'nurinirdina09/NURINIRDINABINTIZULKARNAIN2022872396',
     'f47a9ad14ea3b4a934d270d3d23e8c6578c5a87b',
     'me.mp4',
     ('c', 'd', 'e'), 30.0, 239, (640, 480), 181.1,
     '5a4042728f03fe0d57f81622339e6b7fbb3d41a08b6c61046e917bb7839f2fad',
     'a young woman in a pink hijab and clear glasses holds a phone close in selfie mode in a '
     'lounge, talking and pouting with hand gestures, camera rotating upright in the first '
     'second then fairly steady; 8.0 s'),
    ('Dayana_friend7', 'dayanarabiee/dayana_batrisyia_KCDIM1444E_2022896288',
     '7b63b16f25a07886d67996f6bd5d06b449e7bb5d',
     'video/friend_7.mp4',
     ('c', 'd', 'e'), 30.0, 448, (464, 848), 146.6,
     '6b5ed6b6d8c50cbdc773dc2e488a40a871a64c704cdb9cbd42ea5915fe9e06ed',
     'a young woman in an orange hijab films herself with a phone held low in a car back seat, '
     "smiling softly with her head tilted, another passenger's hand waving behind her near the "
     'end; 14.9 s'),
    ('Afif_intro', 'AfifIrfanZaidi/IML-254-AFIF-IRFAN-2022697478',
     'a4f8a8c5c4e023906328e3818e99a9c98de681e9',
     'video/intro.mp4',
     ('c', 'e'), 30.0, 262, (464, 848), 135.4,
     '94ed111f9413c684bd374cbe982d5197f97db2010e3e91da7f87181131a22792',
     'a young man with a dark cap and round glasses talks to a handheld phone camera '
     '(portrait) in a room with colourful posters, head fairly steady, hand briefly in view; '
     '8.7 s'),
    ('Csiro_example', 'csiro/orientation-uv-rppg',
     'f672e6245cea2a014ebb2ecf55e411e9ac403e83',
     'examples/34d3d5ef-b98f-46e1-b481-2249752423c4.mp4',
     ('d',), 29.406, 228, (576, 1024), 128.0,
     '8c32b5bf679ea6dd6b5688638d73a09c0a8eb87f10361448fb0e4955b138626f',
     'a young man with short hair in a grey fleece stands in front of a window with high-rise '
     'buildings, filmed in portrait by a phone front camera, neutral face, turning his head '
     'left and right and back to frontal; 7.8 s'),
    ('Lakshya_whatsapp', 'lakshya0754N/Virtual-Glasses-Try-On',
     '3dc98625fb2ace23c40f762ab4b59a46f10266bd',
     'static/images/WhatsApp Video 2024-04-25 at 12.53.10 PM.mp4',
     ('d',), 30.055, 208, (848, 478), 154.0,
     '216108a219f1006888e56d8985ba18a25ff3b128f4bcdb0ada565162cabaf603',
     'a young man with dark hair in a blue shirt faces a phone camera against a plain white '
     'wall, neutral face, turning and tilting his head left and right; 6.9 s'),
    ('Mmphego_demo', 'mmphego/computer-pointer-controller',
     '9789ad72123ed12551bb3241b30c5e1227e6626f',
     'resources/demo.mp4',
     ('d', 'e'), 24.175, 249, (1280, 720), 172.4,
     'ca5ee45e0b31807db7857ddaa9ab881dc8784151b26882558569459dd53398a9',
     'a bearded man with glasses and headphones around his neck sits in front of a webcam in a '
     'grey room with a lamp, turning and tilting his head to look around the screen, neutral; '
     '10.3 s'),
)
