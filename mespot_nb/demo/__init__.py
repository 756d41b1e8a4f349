"""The embedded demo dataset: synthetic long videos with exactly known micro-expressions.

Built from a real photograph that ships inside a package from the index (scikit-image's
``astronaut.png``, NASA, public domain) or from the user's own photos (``faces=DIR``). Each
subject is an identity morph of a photo (face-shape offsets of the 68 landmarks, skin tone, scale,
background, lighting). Motion is made by warping the subject's neutral image along displaced
landmarks: a Gaussian radial-basis displacement field through the 68 points (exact at the points)
evaluated on a coarse grid, upsampled and applied with ``cv2.remap``, composed with a head pose
(similarity transform) per frame.

Events follow FACS-like action units with an onset → apex → offset profile (raised cosine up,
raised cosine down): micro-expressions 0.2–0.5 s with small amplitude (AU1+2, AU4, AU12, AU14,
AU15, AU10), macro-expressions 0.5–4 s with larger amplitude; distractors are blinks,
talking-like mouth motion, slow head drift, quick small head turns, lighting drift, sensor noise and
JPEG compression. ``difficulty`` scales distractors and amplitudes.

The dataset is written in the real on-disk layout of SAMM Long Videos (frames + a workbook with
the 9 preamble rows and the header on row 10) or CAS(ME)² (``rawpic`` folders + a 3-sheet
workbook), so it is read through the same readers as real data. Same parameters and seed → a
byte-identical workbook and identical frames. A ``mespot_demo.json`` stamp records the generator
version and parameters; ``mespot_demo/`` holds the generator's truth (every frame's true
landmarks, the distractor events), which the readers ignore.

It is synthetic: for teaching, CI and regression, never a stand-in for real-data numbers.

Modules, each importing only those before it: ``faces`` (frame size, difficulty settings, the
photos, displacement fields, a subject's identity morph), ``render`` (:class:`DemoSpec`, the
schedule of events, one video's frames and truth), ``dataset`` (the on-disk layouts,
:func:`generate_demo`, :func:`ensure_demo`, the truth read back). Everything public — and the
subject and video makers the rehearsal datasets reuse — is importable from ``mespot_nb.demo``.
"""

from __future__ import annotations

from .faces import (DEMO_VERSION, STAMP, SERIAL_FRAMES, TRUTH_DIR, FRAME_W, FRAME_H, EYE_Y,
                    DIFFICULTY, load_faces, subject_face, _make_subject)
from .render import (DemoSpec, _render_video, _schedule)
from .dataset import (generate_demo, finish_dataset, spec_from_entry, ensure_demo, demo_events,
                      subject_images, identity_distances, demo_faces, demo_truth_landmarks,
                      events_per_minute, stamped_build, building_folder)

__all__ = ["stamped_build", "building_folder", "DEMO_VERSION", "STAMP", "SERIAL_FRAMES", "TRUTH_DIR", "FRAME_W", "FRAME_H", "EYE_Y", "DIFFICULTY",
           "load_faces", "subject_face", "_make_subject", "DemoSpec", "_render_video", "_schedule",
           "generate_demo", "finish_dataset", "spec_from_entry", "ensure_demo", "demo_events",
           "subject_images", "identity_distances", "demo_faces", "demo_truth_landmarks",
           "events_per_minute"]
