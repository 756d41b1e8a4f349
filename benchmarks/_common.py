"""Shared set-up of the benchmark scripts: a demo video in a temporary cache."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import numpy as np


def demo_root(seconds: float = 40, fps: float = 30, seed: int = 0, subjects: int = 1) -> Path:
    """A one-video demo dataset (generated once into $MESPOT_BENCH_DIR or a temp dir)."""
    from mespot_nb.demo import DemoSpec, generate_demo

    base = Path(os.environ.get("MESPOT_BENCH_DIR", Path(tempfile.gettempdir()) / "mespot-bench"))
    out = base / f"demo-{subjects}x{seconds:g}s-{fps:g}fps-seed{seed}"
    return generate_demo(out, DemoSpec(subjects=subjects, videos_per_subject=1, seconds=seconds,
                                       fps=fps, seed=seed), progress=False)


def padded_mp4(frames_dir: Path, out: Path, fps: float, size=(640, 360)) -> Path:
    """The demo frames centred on a wider canvas (blurred copy behind), written as mp4 —
    a 640×360 video like those the issue's timings refer to."""
    import cv2

    from mespot_nb.video import open_video

    if out.exists():
        return out
    src = open_video(frames_dir, fps=fps)
    w, h = size
    vw = cv2.VideoWriter(str(out) + ".tmp.mp4", cv2.VideoWriter_fourcc(*"mp4v"), fps, (w, h))
    for _, img in src.frames():
        fh, fw = img.shape[:2]
        if fh != h or fw > w:
            raise ValueError(f"expected frames {h} px high and at most {w} wide, got {fw}x{fh}")
        canvas = cv2.resize(cv2.GaussianBlur(img, (0, 0), 9), (w, h))
        x0 = (w - fw) // 2
        canvas[:, x0:x0 + fw] = img
        vw.write(canvas)
    vw.release()
    os.replace(str(out) + ".tmp.mp4", out)
    return out


def median_deviation(a, b) -> float:
    """Median landmark distance (px) between two tracks on frames where both found the face."""
    both = a.valid & b.valid
    return float(np.median(np.linalg.norm(a.landmarks[both] - b.landmarks[both], axis=2)))


def rescaled_frames(frames_dir: Path, out: Path, fps: float, size: tuple[int, int],
                    face_scale: float) -> Path:
    """The demo frames scaled by ``face_scale`` and centred on a ``size`` canvas (blurred copy
    behind), written as JPEG frames — to time the pipeline at the real datasets' resolutions
    (CAS(ME)² 640×480, SAMM-LV 2040×1088)."""
    import cv2

    from mespot_nb.video import open_video

    if out.exists():
        return out
    tmp = out.with_name(out.name + ".tmp")
    tmp.mkdir(parents=True, exist_ok=True)
    w, h = size
    for k, img in open_video(frames_dir, fps=fps).frames():
        face = cv2.resize(img, None, fx=face_scale, fy=face_scale, interpolation=cv2.INTER_CUBIC)
        canvas = cv2.resize(cv2.GaussianBlur(img, (0, 0), 9), (w, h))
        fh, fw = face.shape[:2]
        y0, x0 = max(0, (h - fh) // 2), max(0, (w - fw) // 2)
        sy, sx = max(0, (fh - h) // 2), max(0, (fw - w) // 2)
        canvas[y0:y0 + min(fh, h), x0:x0 + min(fw, w)] = face[sy:sy + min(fh, h), sx:sx + min(fw, w)]
        cv2.imwrite(str(tmp / f"frame_{k:05d}.jpg"), canvas, [cv2.IMWRITE_JPEG_QUALITY, 90])
    os.replace(tmp, out)
    return out


# ----------------------------------------------------------------------------------------------
# figures, child processes, provenance (shared by every bench_*.py and run_all.py)


def bench_base() -> Path:
    """Where benchmark data is generated: $MESPOT_BENCH_DIR or <tmp>/mespot-bench."""
    return Path(os.environ.get("MESPOT_BENCH_DIR", Path(tempfile.gettempdir()) / "mespot-bench"))


def add_json_arg(ap) -> None:
    """The ``--json PATH`` option every benchmark takes."""
    ap.add_argument("--json", default=None, metavar="PATH",
                    help="also write the figures as one flat JSON object to PATH")


def write_figures(path: str | None, figures: dict) -> None:
    """Write a flat dict of figures (str → number, str or bool) to ``path`` atomically."""
    if not path:
        return
    from mespot_nb._io import write_json

    bad = [k for k, v in figures.items() if isinstance(v, (dict, list, tuple))]
    if bad:
        raise ValueError(f"figures must be flat; nested values under {bad}")
    write_json(path, figures)


def run_child(cmd: list[str], env: dict | None = None) -> tuple[dict, float]:
    """Run a child process whose last stdout line is one JSON object; return that object and
    the child's own peak resident memory (MB, from ``os.wait4``'s rusage). Its stderr passes
    through. A failing child raises RuntimeError with its exit status."""
    import json
    import subprocess

    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True,
                         env=None if env is None else {**os.environ, **env})
    out = p.stdout.read()
    p.stdout.close()
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd[:4]))} … exited {p.returncode}")
    lines = [ln for ln in out.splitlines() if ln.strip()]
    return json.loads(lines[-1]), ru.ru_maxrss / 1024


def peak_rss_mb() -> float:
    """This process's peak resident memory so far (MB)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def repeated_frames(frames_dir: Path, out: Path, times: int) -> Path:
    """A frames folder that plays ``frames_dir`` ``times`` times over (symbolic links, no copy):
    a longer video at no disk cost, for checking that memory stays flat with length."""
    if out.exists():
        return out
    src = sorted(p for p in frames_dir.iterdir() if p.suffix.lower() in (".jpg", ".png"))
    tmp = out.with_name(out.name + ".tmp")
    tmp.mkdir(parents=True, exist_ok=True)
    for i in range(times):
        for j, p in enumerate(src):
            (tmp / f"frame_{i * len(src) + j + 1:06d}{p.suffix}").symlink_to(p.resolve())
    os.replace(tmp, out)
    return out


def machine() -> dict:
    """CPU model, cores, memory, OS and Python of this machine (for results' provenance)."""
    import platform

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = round(int(line.split()[1]) / 1024 ** 2, 1)
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": mem,
            "os": f"{platform.system()} {platform.release()}",
            "python": platform.python_version(), "load_1min": load}


def real_clip(loops: int = 2) -> Path:
    """The real video forward then backward, ``loops`` times, as an mp4 (written once)."""
    import cv2

    from mespot_nb.media import real_video

    base = Path(os.environ.get("MESPOT_BENCH_DIR", Path(tempfile.gettempdir()) / "mespot-bench"))
    out = base / f"real-fwd-bwd-x{loops}.mp4"
    if out.exists():
        return out
    base.mkdir(parents=True, exist_ok=True)
    cap = cv2.VideoCapture(str(real_video()))
    fps = cap.get(cv2.CAP_PROP_FPS)
    frames = []
    while True:
        ok, img = cap.read()
        if not ok:
            break
        frames.append(img)
    cap.release()
    h, w = frames[0].shape[:2]
    tmp = out.with_name(out.stem + ".tmp.mp4")
    vw = cv2.VideoWriter(str(tmp), cv2.VideoWriter_fourcc(*"mp4v"), fps, (w, h))
    for img in (frames + frames[::-1]) * loops:
        vw.write(img)
    vw.release()
    os.replace(tmp, out)
    return out
