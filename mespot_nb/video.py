"""Lazy frame sources: a video file or a frames folder, read one frame at a time.

A long video is never held in memory: :meth:`FrameSource.frames` yields frames in order over a
range and at a stride. Frame numbers are 1-based, as in the annotations. In a frames folder,
frame 1 is the lowest-numbered file and frame k the file numbered ``first + k - 1`` — the k-th
image when the numbering has no gap, whether the files start at ``img0.jpg`` or ``img1.jpg``
(:func:`mespot_nb.frames.frame_index`, which the readers' ``n_frames`` share). A frame that
cannot be decoded (a corrupt or truncated JPEG in a folder, a gap in the numbering) is yielded as
``None`` and listed in :attr:`FrameSource.missing`; the rest is processed. A folder where frame k
would be ambiguous (two files with one number, an unnumbered image among numbered ones) is
refused with a :class:`MespotError` naming the folder and the files.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Iterator

import numpy as np

from .errors import MespotError
from .peaks import check_fps
from .frames import VIDEO_SUFFIXES, count_by_reading, frame_index, stated_frame_count


#: Frames counted by reading a video file through (:func:`~mespot_nb.frames.count_by_reading`)
#: where its container states no usable count, by (path, size, mtime): each chunk of a tracking
#: pass opens the file again, and the count is taken once a process.
_COUNTED: dict[tuple[str, int, int], int] = {}


def _decode_image(path: Path, gray: bool) -> np.ndarray | None:
    """Decode an image file; None when unreadable or a truncated JPEG (no end-of-image marker)."""
    import cv2

    try:
        data = path.read_bytes()
    except OSError:
        return None
    if path.suffix.lower() in (".jpg", ".jpeg"):
        tail = data[-64:].rstrip(b"\x00\r\n ")
        if not tail.endswith(b"\xff\xd9"):
            return None
    arr = np.frombuffer(data, np.uint8)
    img = cv2.imdecode(arr, cv2.IMREAD_GRAYSCALE if gray else cv2.IMREAD_COLOR)
    return img


class FrameSource:
    """Frames of a video file (mp4/avi/mov … through OpenCV) or a frames folder (natural sort).

    Parameters
    ----------
    source : a video file or a folder of images.
    fps : frame rate; required for a folder, read from the file otherwise (overrides it if given).
    gray : yield (H, W) uint8 grayscale instead of (H, W, 3) uint8 BGR.
    decode_threads : threads FFmpeg decodes a video file with (None: OpenCV's default, one per
        core); the frames are the same either way. A process that shares the cores with others
        (a chunk of :func:`~mespot_nb.face.track_video`) decodes on 1.

    Attributes
    ----------
    n_frames : number of frames (for a folder: last file number − first file number + 1).
    first_number : for a folder, the number in the name of the file that is frame 1 (None for a
        video file or a folder of unnumbered images).
    fps : frames per second.
    frame_size : (width, height) in pixels.
    missing : frame numbers that could not be decoded so far.
    """

    def __init__(self, source: str | Path, fps: float | None = None, gray: bool = False,
                 decode_threads: int | None = None):
        import cv2

        self.path = Path(source)
        self.gray = gray
        self.decode_threads = decode_threads
        self.missing: list[int] = []
        self.first_number: int | None = None
        if not self.path.exists():
            raise MespotError(f"video source not found: {self.path}")
        if fps is not None:
            check_fps(fps, str(self.path))
        if self.path.is_dir():
            self._files, self.first_number = frame_index(self.path)
            if not self._files:
                raise MespotError(f"{self.path} holds no image frames")
            self.n_frames = max(self._files)
            if fps is None:
                raise MespotError(f"{self.path} is a frames folder: its frame rate is needed "
                                  "(fps in the manifest entry, or --fps)")
            self.fps = float(fps)
            first = None
            for k in sorted(self._files)[:10]:
                first = _decode_image(self._files[k], True)
                if first is not None:
                    break
            if first is None:
                raise MespotError(f"cannot decode the first frames of {self.path}")
            self.frame_size = (first.shape[1], first.shape[0])
            self.is_file = False
        else:
            if self.path.suffix.lower() not in VIDEO_SUFFIXES:
                raise MespotError(f"{self.path}: not a video file ({', '.join(VIDEO_SUFFIXES)}) "
                                  "or a frames folder")
            cap = cv2.VideoCapture(str(self.path))
            ok = cap.isOpened()
            ok_read = ok and cap.read()[0]
            if not ok_read:
                cap.release()
                raise MespotError(f"cannot read video file {self.path}: OpenCV could not decode "
                                  "it (corrupt, or a codec this OpenCV lacks); re-encode it as "
                                  "H.264 mp4 or extract the frames into a folder")
            file_fps = cap.get(cv2.CAP_PROP_FPS)
            self.fps = float(fps) if fps else (float(file_fps) if file_fps and file_fps > 0 else 0)
            if not self.fps:
                raise MespotError(f"{self.path} states no frame rate; pass --fps")
            stated = stated_frame_count(cap)
            if stated is None:     # no usable count in the container: read the file through
                st = self.path.stat()
                key = (str(self.path.resolve()), st.st_size, st.st_mtime_ns)
                if key not in _COUNTED:   # once a process (a forked worker inherits it)
                    _COUNTED[key] = count_by_reading(self.path)
                    warnings.warn(f"{self.path}: its container states no usable frame count "
                                  f"({cap.get(cv2.CAP_PROP_FRAME_COUNT):.3g}); "
                                  f"{_COUNTED[key]} frames counted by reading it through",
                                  stacklevel=2)
                stated = _COUNTED[key]
            self.n_frames = stated
            self.frame_size = (int(cap.get(cv2.CAP_PROP_FRAME_WIDTH)),
                               int(cap.get(cv2.CAP_PROP_FRAME_HEIGHT)))
            cap.release()
            self.is_file = True

    def __len__(self) -> int:
        return self.n_frames

    def identity(self) -> dict:
        """Source identity for cache keys: path, size and mtime (of the folder's files)."""
        if self.is_file:
            st = self.path.stat()
            return dict(path=str(self.path.resolve()), size=st.st_size, mtime=st.st_mtime_ns)
        sizes = 0
        mt = 0
        for p in self._files.values():
            st = p.stat()
            sizes += st.st_size
            mt = max(mt, st.st_mtime_ns)
        return dict(path=str(self.path.resolve()), size=sizes, mtime=mt, n=len(self._files))

    def _capture(self):
        """An OpenCV capture of the video file (on ``decode_threads`` threads if set)."""
        import cv2

        n = self.decode_threads
        if n is not None and hasattr(cv2, "CAP_PROP_N_THREADS"):
            cap = cv2.VideoCapture(str(self.path), cv2.CAP_ANY, [cv2.CAP_PROP_N_THREADS, int(n)])
            if cap.isOpened():
                return cap
            cap.release()
        return cv2.VideoCapture(str(self.path))

    def read(self, frame: int) -> np.ndarray | None:
        """One frame by 1-based number (None if it cannot be decoded)."""
        for _, img in self.frames(frame, frame):
            return img
        return None

    def frames(self, start: int = 1, stop: int | None = None, step: int = 1
               ) -> Iterator[tuple[int, np.ndarray | None]]:
        """Yield ``(frame_number, image)`` for frames start..stop (1-based, inclusive) at ``step``.

        ``image`` is None for a frame that cannot be decoded (and the number is recorded in
        :attr:`missing`).
        """
        import cv2

        stop = self.n_frames if stop is None else min(stop, self.n_frames)
        start = max(1, start)
        if step < 1:
            raise MespotError(f"frame stride must be ≥ 1, got {step}")
        if not self.is_file:
            for k in range(start, stop + 1, step):
                p = self._files.get(k)
                img = _decode_image(p, self.gray) if p is not None else None
                if img is None:
                    self.missing.append(k)
                yield k, img
            return
        cap = self._capture()
        try:
            if start > 1:
                cap.set(cv2.CAP_PROP_POS_FRAMES, start - 1)
            k = start
            while k <= stop:
                ok, img = cap.read()
                if not ok:
                    # past the container's stated count or a broken packet: report and stop
                    for j in range(k, stop + 1, step):
                        self.missing.append(j)
                        yield j, None
                    return
                if (k - start) % step == 0:
                    if self.gray:
                        img = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
                    yield k, img
                k += 1
        finally:
            cap.release()


def open_video(source: str | Path, fps: float | None = None, gray: bool = False) -> FrameSource:
    """A :class:`FrameSource` for a file or folder (shorthand used by notebooks)."""
    return FrameSource(source, fps=fps, gray=gray)


# ----------------------------------------------------------------------------------------------
# reduced-size decoding (the feature pass at large frame sizes)

#: Decode factors libjpeg can apply while decoding (DCT scaling), and OpenCV's flags for them.
REDUCE_FACTORS = (1, 2, 4, 8)


def _decode_reduced(path: Path, factor: int) -> np.ndarray | None:
    """A grayscale image file decoded at 1/``factor`` size (JPEG: libjpeg's DCT scaling, which
    skips most of the inverse DCT; other formats: decoded, then resized); None when unreadable
    or a truncated JPEG, as in :func:`_decode_image`."""
    import cv2

    if factor == 1:
        return _decode_image(path, True)
    flag = {2: cv2.IMREAD_REDUCED_GRAYSCALE_2, 4: cv2.IMREAD_REDUCED_GRAYSCALE_4,
            8: cv2.IMREAD_REDUCED_GRAYSCALE_8}[factor]
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if path.suffix.lower() in (".jpg", ".jpeg"):
        if not data[-64:].rstrip(b"\x00\r\n ").endswith(b"\xff\xd9"):
            return None
    return cv2.imdecode(np.frombuffer(data, np.uint8), flag)


def reduced_frames(src: FrameSource, factor: int = 1, start: int = 1, stop: int | None = None
                   ) -> Iterator[tuple[int, np.ndarray | None]]:
    """Like ``src.frames(start, stop)`` in grayscale, each frame at 1/``factor`` of its size
    (``factor`` in :data:`REDUCE_FACTORS`; (⌈H/f⌉, ⌈W/f⌉) uint8 for JPEG frames).

    A frames folder of JPEGs is decoded straight at the reduced size (about 1.5× faster than a
    full decode); a video file is decoded in full and shrunk (INTER_AREA). Pixel (i, j) of the
    reduced frame covers full-size pixels f·i … f·i + f − 1, so a point x there is
    f·x + (f − 1)/2 in the full frame. Undecodable frames are None and listed in ``src.missing``.
    """
    import cv2

    if factor not in REDUCE_FACTORS:
        raise MespotError(f"decode factor {factor}: use one of {REDUCE_FACTORS}")
    if factor == 1 or src.is_file:
        for k, img in src.frames(start, stop):
            if img is not None and img.ndim == 3:
                img = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
            if img is not None and factor > 1:
                h, w = img.shape[:2]
                img = cv2.resize(img, (-(-w // factor), -(-h // factor)),
                                 interpolation=cv2.INTER_AREA)
            yield k, img
        return
    stop = src.n_frames if stop is None else min(stop, src.n_frames)
    for k in range(max(1, start), stop + 1):
        p = src._files.get(k)
        img = _decode_reduced(p, factor) if p is not None else None
        if img is None:
            src.missing.append(k)
        yield k, img


def prefetched(frames: Iterator[tuple[int, np.ndarray | None]], depth: int = 8
               ) -> Iterator[tuple[int, np.ndarray | None]]:
    """The items of ``frames`` (e.g. :func:`reduced_frames`), decoded ahead in a background
    thread: decoding (which releases the GIL) overlaps the caller's work on earlier frames.

    At most ``depth`` frames wait in the queue, so memory stays flat; an exception in the
    decoder is raised in the caller; closing the generator stops the thread.
    """
    import queue
    import threading

    q: queue.Queue = queue.Queue(maxsize=max(1, depth))
    stop = threading.Event()
    done = object()

    def run() -> None:
        try:
            for item in frames:
                while not stop.is_set():
                    try:
                        q.put(item, timeout=0.1)
                        break
                    except queue.Full:
                        continue
                if stop.is_set():
                    return
            q.put(done)
        except BaseException as e:  # handed to the caller
            q.put(e)

    t = threading.Thread(target=run, name="mespot-decode", daemon=True)
    t.start()
    try:
        while True:
            item = q.get()
            if item is done:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        while t.is_alive():
            try:
                q.get(timeout=0.05)
            except queue.Empty:
                pass
        t.join()
