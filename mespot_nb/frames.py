"""Frame numbering: which image file of a frames folder is the kit's frame *k*.

The lowest stage: the frame source (:mod:`mespot_nb.video`), the readers' ``n_frames`` and the
manifest's ``first_frame`` setting all number frames with these functions, so a folder whose
files start at ``img0.jpg``, ``img1.jpg`` or ``006_1_0001.jpg`` gives the same frame *k*
everywhere (1-based, inclusive, as in every table and CSV of the kit).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .errors import MespotError

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".bmp", ".tif", ".tiff")
VIDEO_SUFFIXES = (".mp4", ".avi", ".mov", ".mkv", ".m4v", ".mpg", ".mpeg", ".wmv", ".webm",
                  ".3gp", ".flv", ".ogv", ".mts", ".m2ts")




def frame_number(name: str) -> int | None:
    """The frame number of an image file name: the last run of digits in its stem.

    ``006_1_0001.jpg`` → 1, ``img12.jpg`` → 12, ``img00012.jpg`` → 12; None if it has no digits.
    """
    m = re.search(r"(\d+)(?!.*\d)", Path(name).stem)
    return int(m.group(1)) if m else None


def natural_key(text: str) -> list[Any]:
    """Sort key that orders ``img2`` before ``img10``."""
    return [int(t) if t.isdigit() else t.lower() for t in re.split(r"(\d+)", text)]


def frame_files(folder: str | Path) -> list[Path]:
    """Image files of a frames folder, in frame order (by frame number, then natural order)."""
    folder = Path(folder)
    files = [p for p in folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file()]
    return sorted(files, key=lambda p: (frame_number(p.name) is None, frame_number(p.name) or 0,
                                        natural_key(p.name)))


def frame_index(folder: str | Path) -> tuple[dict[int, Path], int | None]:
    """The kit's frame numbers (1-based) → image files of a frames folder, and the first file number.

    **The rule** (the same for the readers' ``n_frames`` and :class:`~mespot_nb.video.FrameSource`):
    frame 1 is the lowest-numbered file, frame k the file numbered ``first + k - 1`` — so in a
    gap-free folder frame k is the k-th image in numeric order, whether the files start at
    ``img0.jpg``, ``img1.jpg`` or ``006_1_0001.jpg``. A gap in the numbering is a missing frame
    (absent from the index; read as None), so the frames after it keep their numbers. A folder
    whose images carry no digits at all is numbered by natural order.

    Raises :class:`MespotError` naming the folder when frame k would be ambiguous: two files with
    the same number (``img1.jpg`` and ``img01.jpg``, or ``img1.jpg`` and ``img1.png``), or a file
    without a number among numbered ones.
    """
    folder = Path(folder)
    files = frame_files(folder)
    if not files:
        return {}, None
    nums = [frame_number(p.name) for p in files]
    unnumbered = [p for p, n in zip(files, nums) if n is None]
    if len(unnumbered) == len(files):
        return dict(enumerate(files, 1)), None
    if unnumbered:
        raise MespotError(
            f"frames folder {folder}: {unnumbered[0].name} has no frame number in its name while "
            f"{len(files) - len(unnumbered)} other images do, so the frame it stands for is "
            "ambiguous; move it (and any other image that is not a frame) out of the folder")
    first = nums[0]
    index: dict[int, Path] = {}
    for p, n in zip(files, nums):
        k = n - first + 1
        if k in index:
            a, b = sorted((index[k].name, p.name))
            raise MespotError(
                f"frames folder {folder}: {a} and {b} both carry frame number {n}, so frame {k} "
                "is ambiguous; keep one of them (the kit numbers frames by the last run of digits "
                "in each file name)")
        index[k] = p
    return index, first


@dataclass
class _FolderInfo:
    n_frames: int | None = None
    first: int | None = None          # the number of the first file (None: no numbers)
    first_name: str = ""
    gaps: list[int] = field(default_factory=list)  # file numbers missing between first and last


def _folder_info(folder: Path | None) -> _FolderInfo:
    if folder is None or not folder.is_dir():
        return _FolderInfo()
    index, first = frame_index(folder)
    if not index:
        return _FolderInfo()
    n = max(index)
    gaps = [] if first is None else [k + first - 1 for k in range(1, n + 1) if k not in index]
    return _FolderInfo(n, first, index[1].name, gaps)


def _count_frames(folder: Path | None) -> int | None:
    """Frames of a folder under the rule of :func:`frame_index` (None: no folder / no images)."""
    return _folder_info(folder).n_frames


#: A stated frame count above this is a container's placeholder, not a count (a day at 1000 fps).
MAX_STATED_FRAMES = 86_400_000


def stated_frame_count(cap) -> int | None:
    """The frame count a video's container states (an OpenCV capture's ``CAP_PROP_FRAME_COUNT``),
    or None where it states none that can be true: 0, a negative number (some webcam and phone
    recordings' containers give −1.5·10¹⁷) or more than :data:`MAX_STATED_FRAMES`."""
    import cv2

    n = cap.get(cv2.CAP_PROP_FRAME_COUNT)
    return int(n) if 0 < n <= MAX_STATED_FRAMES else None


def count_by_reading(path: str | Path) -> int:
    """The frames of a video file counted by reading it through (``grab``: decoded, not
    converted) — for a container that states no usable count (:func:`stated_frame_count`)."""
    import cv2

    cap = cv2.VideoCapture(str(path))
    n = 0
    try:
        while cap.grab():
            n += 1
    finally:
        cap.release()
    return n


FIRST_FRAME_CHOICES = "0, 1 or auto"


def check_first_frame(value: Any, where: str) -> int | str:
    """Validate a ``first_frame`` setting: a whole number ≥ 0 or ``auto``."""
    if isinstance(value, str):
        v = value.strip().lower()
        if v == "auto":
            return "auto"
        if v.isdigit():
            return int(v)
    elif isinstance(value, (int, np.integer)) and not isinstance(value, bool) and value >= 0:
        return int(value)
    raise MespotError(f"{where} has first_frame {value!r}; use {FIRST_FRAME_CHOICES} (the number "
                      "the annotations give the first frame of a video; auto: the number of the "
                      "first file in its frames folder)")
