"""SOFTNet (Liong et al., ICIP 2021) piece by piece: optical strain, head-motion removal, the
label rule, k from the training subjects, the spotting rule on a hand-made score curve, the
small-face warning, TV-L1's absence, and learning on a tiny synthetic set."""

from __future__ import annotations

import sys
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

import mespot_nb  # noqa: F401  (registers the kit's methods)
from mespot_nb.detections import smoothed_peaks, spot_intervals
from mespot_nb.errors import MespotError
from mespot_nb.features import FeatureParams, profile_feature_params
from mespot_nb.features.softnet import (SoftnetFlow, default_k, eye_hexagons, minmax_uint8,
                                        optical_strain, remove_head_motion, softnet_k,
                                        softnet_rois, tvl1_flow)
from mespot_nb.methods import get_method
from mespot_nb.methods.softnet import augment_positives, overlap_labels

from conftest import macro_demo


def _iv(rows):
    return pd.DataFrame(rows, columns=["subject", "video", "onset", "offset", "type"])


def test_optical_strain_of_hand_made_fields():
    y, x = np.mgrid[0:6, 0:7].astype(float)
    # u = 2x: u_x = f[x] − f[x+1] = −2 → ε = 2 everywhere (edges repeated)
    assert np.allclose(optical_strain(2 * x, 0 * x), 2.0)
    # u = 2x, v = −3y: ε = √(4 + 9)
    assert np.allclose(optical_strain(2 * x, -3 * y), np.sqrt(13.0))
    # pure shear u = y, v = 0: u_y = −1 → ε = √(½)
    assert np.allclose(optical_strain(y, 0 * y), np.sqrt(0.5))
    # a translation strains nothing
    assert np.allclose(optical_strain(0 * x + 4, 0 * x - 1), 0.0)


def test_head_motion_removed_at_the_nose_box():
    st = np.zeros((128, 128, 3), np.float32)
    st[..., 0], st[..., 1], st[..., 2] = 2.0, -3.0, 1.0          # the whole head moves
    st[10:20, 10:20, 0] += 5.0                                   # a brow moves on top of it
    out = remove_head_motion(st, (64, 80))
    assert np.allclose(out[40:, 40:, :2], 0.0) and np.allclose(out[..., 2], 0.0)
    assert np.allclose(out[10:20, 10:20, 0], 5.0)                # |u − head| kept
    # u and v as absolute values; ε keeps its sign (the code does not take |ε|)
    st2 = np.zeros((128, 128, 3), np.float32)
    st2[:64] = -1.0
    o2 = remove_head_motion(st2, (64, 100))                      # nose box where it is 0
    assert (o2[:64, :, :2] == 1.0).all() and (o2[:64, :, 2] == -1.0).all()
    # the 11 × 11 box only: a value just outside it does not move the mean
    st3 = np.zeros((128, 128, 3), np.float32)
    st3[80 - 6, :, 0] = 100.0
    assert np.allclose(remove_head_motion(st3, (64, 80))[80, 64, 0], 0.0)


def test_eyes_masked_and_rois_stacked():
    lm = np.zeros((68, 2), np.float32)
    lm[:, 0], lm[:, 1] = 64, 64
    lm[17:27, 0], lm[17:27, 1] = np.linspace(20, 108, 10), 30       # brows
    lm[36:42] = [(30, 45), (36, 41), (42, 41), (48, 45), (42, 49), (36, 49)]
    lm[42:48] = lm[36:42] + [50, 0]
    lm[48:68, 0], lm[48:68, 1] = np.linspace(44, 84, 20), 95        # mouth
    lm[50, 1], lm[57, 1], lm[60, 0], lm[64, 0] = 90, 102, 46, 82
    hexes = eye_hexagons(lm)
    assert tuple(hexes[0][0]) == (15, 45) and tuple(hexes[0][1]) == (36, 26)
    assert tuple(hexes[0][3]) == (63, 45) and tuple(hexes[0][4]) == (42, 64)
    st = np.ones((128, 128, 3), np.float32)
    r = softnet_rois(st, lm)
    assert r.shape == (42, 42, 3)
    assert (r[:21] == 0).any() and (r[21:] == 1).all()           # eyes zeroed in the brow box
    n = minmax_uint8(np.stack([r, r * 3]))
    assert n.dtype == np.uint8 and n.max() == 255 and n.min() == 0


def test_label_rule_is_any_overlap_with_the_window():
    iv = _iv([("s", "v", 10, 12, "micro"), ("s", "v", 30, 60, "macro")])
    starts = np.arange(1, 21)
    lab = overlap_labels(starts, 3, iv)              # window i = frames i … i + 2
    assert np.flatnonzero(lab).tolist() == [7, 8, 9, 10, 11]   # starts 8 … 12
    assert not overlap_labels(starts, 3, iv, type="macro")[:20].any()
    assert overlap_labels(np.array([28, 61]), 3, iv, type="macro").tolist() == [True, False]


def test_k_from_the_training_subjects_only():
    iv = _iv([("a", "a1", 1, 11, "micro"), ("a", "a1", 50, 62, "micro"),
              ("b", "b1", 1, 31, "micro"), ("a", "a1", 100, 200, "macro")])
    # CAS(ME)²-like: mean(offset − onset) = (10 + 12)/2 = 11 → ⌊(11 + 1)/2⌋ = 6
    assert softnet_k(iv[iv["subject"] == "a"], "micro") == 6
    assert softnet_k(iv, "micro") == int((np.mean([10, 12, 30]) + 1) / 2) == 9
    assert softnet_k(iv, "macro") == 50 and softnet_k(iv[iv["subject"] == "b"], "macro") is None
    assert default_k(30) == 6 and default_k(200) == 40
    # the method sets it from the dataset it is given
    m = get_method("softnet")

    class DS:
        intervals = iv[iv["subject"] == "a"]

    fp = m.feature_params(profile_feature_params("quick"), DS)
    assert fp.families == ("softnet",) and fp.softnet_k == 6


def test_spotting_rule_on_a_hand_made_curve():
    # k = 2; windows at frames 1 … 20; s = 1 at windows 10 and 11 (0-based 9, 10)
    s = np.zeros(20)
    s[9:11] = 1.0
    # a_j = mean(s[j−2 … j+1]) for 2 ≤ j ≤ 17: 0.25 at j = 8, 12; 0.5 at j = 9 … 11
    # mean(a) = 2/16, T = 0.125 + 0.55·(0.5 − 0.125) = 0.331 → one plateau peak, j = 10
    iv = smoothed_peaks(np.arange(1, 21), 2, s, 0.55)
    assert iv[["onset", "offset"]].values.tolist() == [[9, 13]] and iv["score"][0] == 0.5
    # two bumps far apart, plateaus 0.5 and 0.3: mean(a) = 3.2/36, so T = 0.212 at p = 0.3
    # (both peaks) and 0.315 at p = 0.55 (only the higher)
    s2 = np.zeros(40)
    s2[9:11], s2[29:31] = 1.0, 0.6
    two = smoothed_peaks(np.arange(1, 41), 2, s2, 0.3)
    assert two[["onset", "offset"]].values.tolist() == [[9, 13], [29, 33]]
    assert len(smoothed_peaks(np.arange(1, 41), 2, s2, 0.55)) == 1
    # peaks closer than k merge into the higher one
    s3 = np.zeros(40)
    s3[[10, 12]] = [1.0, 0.9]
    assert len(smoothed_peaks(np.arange(1, 41), 4, s3, 0.1)) == 1
    # through spot_intervals (clipped to the video; missing windows are NaN, not zero)
    out = spot_intervals(np.arange(1, 21), 2, s, 0.55, merge="smoothed-peaks", n_frames=20)
    assert out[["onset", "offset"]].values.tolist() == [[9, 13]]
    assert smoothed_peaks(np.arange(1, 5), 2, np.ones(4), 0.55).empty   # too short to smooth


def _small_face_video(real, path, scale=0.3, n=10):
    import cv2

    from mespot_nb.video import open_video

    src = open_video(str(real), gray=True)
    frames = [cv2.resize(img, None, fx=scale, fy=scale) for _, (_, img) in
              zip(range(n), src.frames(1, n))]
    h, w = frames[0].shape
    vw = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 25, (w, h), False)
    for f in frames:
        vw.write(f)
    vw.release()
    return path


def test_small_face_upsampled_with_a_warning_naming_the_video(real, tmp_path):
    from mespot_nb.features import extract_video

    path = _small_face_video(real, tmp_path / "small_face.avi")
    params = FeatureParams(families=("softnet",), softnet_k=2)
    with pytest.warns(UserWarning, match=r"small_face\.avi.*upsampled"):
        f, track = extract_video(path, params=params)
    assert track.valid.any() and f.sn_upsampled == 1
    assert f.sn_roi.shape == (f.n_frames - 2, 42, 42, 3) and f.sn_valid.any()
    assert f.meta["params"]["softnet_flow"] == "farneback" and f.sn_length == 2


def test_tvl1_missing_is_refused_naming_the_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "skimage.registration", None)
    with pytest.raises(MespotError, match=r"pip install 'scikit-image"):
        tvl1_flow(np.zeros((8, 8), np.uint8), np.zeros((8, 8), np.uint8))
    with pytest.raises(MespotError, match="softnet_flow"):
        SoftnetFlow(50, 30.0, FeatureParams(softnet_flow="tvl1"), None)
    with pytest.raises(MespotError, match="farneback"):
        SoftnetFlow(50, 30.0, FeatureParams(softnet_flow="lk"), None)
    assert profile_feature_params("paper").softnet_flow == "tvl1"


def test_augmentation_gives_three_normalised_copies():
    rng = np.random.default_rng(0)
    x = rng.integers(0, 256, (4, 42, 42, 3)).astype(np.uint8)
    out = augment_positives({"sn_roi": x}, rng)["sn_roi"]
    assert out.shape == (12, 42, 42, 3) and out.dtype == np.uint8
    assert np.array_equal(out[0], minmax_uint8(x[0][:, ::-1].astype(np.float32)))
    assert (out.reshape(12, -1, 3).max(1) == 255).all()


def test_softnet_learns_a_tiny_synthetic_set():
    """Positives carry a brow movement (a bright band in u's brow half), negatives only noise:
    after SOFTNet's own schedule (the paper profile: 10 epochs, SGD 5e-4, batch 12, half the negatives, the
    augmented positives) the held-out windows are ranked almost perfectly."""
    import torch
    from sklearn.metrics import roc_auc_score

    from mespot_nb.inference import WindowData, predict_scores
    from mespot_nb.models import ModelConfig
    from mespot_nb.training import fit

    torch.set_num_threads(1)
    rng = np.random.default_rng(0)

    def make(n_pos, n_neg):
        x = rng.normal(0.3, 0.1, (n_pos + n_neg, 42, 42, 3))
        x[:n_pos, 5:14, 8:34, 0] += 0.6
        y = np.r_[np.ones(n_pos, bool), np.zeros(n_neg, bool)]
        tab = pd.DataFrame({"subject": ["s"] * len(y), "video": "v"})
        return WindowData(tab, {"sn_roi": minmax_uint8(x)}, y)

    m = get_method("softnet")
    train, test = make(24, 240), make(30, 120)
    model, hist, best = fit(m, ModelConfig.profile("paper"), train, None, seed=0, device="cpu")
    assert best == 10 and len(hist) == 10                     # the last of the code's 10 epochs
    assert m.settings(ModelConfig.profile("quick"))["epochs"] == 4
    auc = roc_auc_score(test.labels, predict_scores(model, test, m, device="cpu"))
    assert auc > 0.95, auc
    untrained = replace(m, train={**m.train, "epochs": 1, "lr": 1e-9})
    model0, _, _ = fit(untrained, ModelConfig.profile("quick"), train, None, seed=0,
                       device="cpu")
    assert roc_auc_score(test.labels, predict_scores(model0, test, m, device="cpu")) < auc


def test_training_keeps_every_subject_and_the_fixed_p():
    """train_with_threshold on SOFTNet: no validation split (every training subject fits), the
    last epoch (4 under the quick profile), p = 0.55 as the threshold (not chosen)."""
    import torch

    from mespot_nb.inference import WindowData
    from mespot_nb.models import ModelConfig
    from mespot_nb.training import train_with_threshold

    torch.set_num_threads(1)
    rng = np.random.default_rng(1)
    rows, xs, ys = [], [], []
    for subj in ("a", "b", "c"):
        n = 60
        x = rng.normal(0.3, 0.1, (n, 42, 42, 3))
        y = np.zeros(n, bool)
        y[20:26] = True
        x[y, 5:14, 8:34, 0] += 0.6
        rows.append(pd.DataFrame({"subject": subj, "video": subj + "1",
                                  "start": np.arange(1, n + 1), "stop": np.arange(1, n + 1) + 2,
                                  "fps": 30.0, "n_frames": n + 3, "stride": 1}))
        xs.append(minmax_uint8(x))
        ys.append(y)
    data = WindowData(pd.concat(rows, ignore_index=True), {"sn_roi": np.concatenate(xs)},
                      np.concatenate(ys))
    iv = _iv([(s, s + "1", 21, 28, "micro") for s in ("a", "b", "c")])
    t = train_with_threshold("softnet", ModelConfig.profile("quick"), data, iv, seed=0,
                             device="cpu")
    assert t["fit_subjects"] == ["a", "b", "c"] and t["best_epoch"] == 4
    assert t["threshold"] == 0.55 and len(t["threshold_curve"]) == 1
    assert t["spot_kw"]["merge"] == "smoothed-peaks"
    assert t["n_train"] == {"windows": len(data.labels), "positives": int(data.labels.sum())}


def _one_epoch_batches(monkeypatch, method) -> list[tuple[int, int]]:
    """One epoch of ``method``'s fit on 70 windows, 10 of them positive: (batch size, windows
    the batch was drawn from) of every batch."""
    import mespot_nb.training as T
    from mespot_nb.inference import WindowData
    from mespot_nb.models import ModelConfig

    rng = np.random.default_rng(2)
    x = minmax_uint8(rng.normal(0.3, 0.1, (70, 42, 42, 3)))
    y = np.zeros(70, bool)
    y[:10] = True
    data = WindowData(pd.DataFrame({"subject": ["s"] * 70, "video": "v"}), {"sn_roi": x}, y)
    seen = []
    real = T.numpy_batch
    monkeypatch.setattr(T, "numpy_batch", lambda arr, idx, dev: (
        seen.append((len(idx), len(arr["sn_roi"]))), real(arr, idx, dev))[1])
    T.fit(method, ModelConfig.profile("quick"), data, None, seed=0, device="cpu")
    return seen


def test_an_epoch_sees_half_the_negatives_and_each_positive_four_times(monkeypatch):
    m = replace(get_method("softnet"), train={**get_method("softnet").train, "epochs": 1})
    seen = _one_epoch_batches(monkeypatch, m)
    assert sum(n for n, _ in seen) == 4 * 10 + 60 // 2      # 10 positives × 4, 30 negatives
    assert {a for _, a in seen} == {70 + 30}                 # the 30 augmented copies appended
    assert max(n for n, _ in seen) == 12                     # batch 12


# ----------------------------------------------------------------------------------------------
# the macro-expression model: one model per type


def test_one_model_per_type_records():
    """SOFTNet trains a micro and a macro model: the macro record labels, thresholds and spots
    macro-expressions and is not augmented; a micro-only method's record is itself."""
    from mespot_nb.training import fold_file

    m = get_method("softnet")
    assert m.model_types == ("micro", "macro") and m.types == ("micro", "macro")
    micro, macro = m.for_type("micro"), m.for_type("macro")
    assert micro.label_type == "micro" and micro.augment is augment_positives
    assert "type" not in micro.spot and micro.train == m.train
    assert macro.label_type == "macro" and macro.augment is None
    assert macro.spot["type"] == "macro" and macro.spot["merge"] == "smoothed-peaks"
    assert macro.train == m.train and macro.build is m.build          # same network, schedule
    assert fold_file(micro, "s1") == "fold_s1.pt" and fold_file(macro, "s1") == "fold_s1_macro.pt"
    # the micro model's fold key is the one-model SOFTNet's (its checkpoints stay valid); the
    # macro model's holds its type
    from mespot_nb.models import ModelConfig
    from mespot_nb.training import fold_key_parts

    class DS:
        intervals = _iv([("a", "a1", 1, 11, "micro"), ("b", "b1", 5, 40, "macro")])

    cfg = ModelConfig.profile("quick")
    keys = {t: fold_key_parts(r, cfg, 0, "a", ["b"], DS, {}, {}, None)
            for t, r in (("old", m), ("micro", micro), ("macro", macro))}
    assert keys["micro"] == keys["old"] and "type" not in keys["micro"]
    assert keys["macro"]["type"] == "macro" and keys["macro"]["method"] != keys["micro"]["method"]
    dg = get_method("dyngeonet")
    assert dg.model_types == ("micro",) and dg.for_type("micro") is dg
    with pytest.raises(MespotError, match="not 'macro'"):
        dg.for_type("macro")
    assert get_method("mdmd").model_types == ()


def test_macro_k_from_the_macro_expressions():
    iv = _iv([("a", "a1", 1, 11, "micro"), ("a", "a1", 50, 62, "micro"),
              ("a", "a1", 100, 160, "macro"), ("a", "a1", 300, 340, "macro")])

    class DS:
        intervals = iv

    m = get_method("softnet")
    base = profile_feature_params("quick")
    assert m.for_type("micro").feature_params(base, DS).softnet_k == 6      # (10 + 12)/2 → 6
    # mean(60, 40) = 50 → ⌊51/2⌋ = 25: a different flow distance, so another cache key
    assert m.for_type("macro").feature_params(base, DS).softnet_k == 25
    assert m.feature_params(base, DS).softnet_k == 6                       # the record: micro


def test_macro_labels_are_macro_overlaps():
    from mespot_nb.inference import window_rows
    from mespot_nb.readers import Dataset

    iv = _iv([("s", "v", 10, 12, "micro"), ("s", "v", 30, 40, "macro")])
    ds = Dataset(name="d", format="csv", fps=30.0, intervals=iv,
                 videos=pd.DataFrame({"subject": ["s"], "video": ["v"]}),
                 findings=pd.DataFrame())
    starts = np.arange(1, 51)
    tab = pd.DataFrame({"subject": "s", "video": "v", "start": starts, "stop": starts + 2,
                        "overlap_pos": overlap_labels(starts, 3, iv)})

    class F:
        fps = 30.0

    m = get_method("softnet")
    _, micro = window_rows(ds, {("s", "v"): F}, m.for_type("micro"), [tab], np.ones(50, bool))
    _, macro = window_rows(ds, {("s", "v"): F}, m.for_type("macro"), [tab], np.ones(50, bool))
    assert np.flatnonzero(micro).tolist() == list(range(7, 12))      # starts 8 … 12
    assert np.flatnonzero(macro).tolist() == list(range(27, 40))     # starts 28 … 40
    assert not (micro & macro).any()


def test_the_macro_model_is_not_augmented(monkeypatch):
    """Same fit as the micro test above, on the macro record: each positive once (no flipped,
    blurred or noisy copies), half the negatives."""
    sn = get_method("softnet")
    seen = _one_epoch_batches(monkeypatch, replace(sn, train={**sn.train, "epochs": 1})
                              .for_type("macro"))
    assert sum(n for n, _ in seen) == 10 + 60 // 2
    assert {a for _, a in seen} == {70}                      # nothing appended


def test_loso_train_and_spot_give_both_types(short_features, tmp_path):
    """A tiny LOSO and a final model on the short demo: both models train (the macro one with
    the macro k, on its own cached pass), the predictions carry both types, fold checkpoints are
    kept per type and reused, and the model file round-trips both models and spots both."""
    import torch

    from mespot_nb.evaluation import evaluate
    from mespot_nb.face import TrackParams
    from mespot_nb.inference import (TypedFeatures, load_models, method_features,
                                     predict_scores, save_trained)
    from mespot_nb.models import ModelConfig
    from mespot_nb.spotting import spot_video
    from mespot_nb.training import run_loso, train_final

    torch.set_num_threads(1)
    _, _, params, cache = short_features
    ds = macro_demo(short_features)
    assert set(ds.intervals["type"]) == {"micro", "macro"}
    m = get_method("softnet")
    feats = method_features(m, ds, cache, profile_feature_params("quick"), n_jobs=1,
                            progress=False)
    assert isinstance(feats, TypedFeatures) and set(feats.by_type) == {"micro", "macro"}
    k_micro = softnet_k(ds.intervals, "micro")
    k_macro = softnet_k(ds.intervals, "macro")
    assert k_macro > k_micro
    assert feats.params["macro"].softnet_k == k_macro
    assert {int(f.sn_length) for f in feats.by_type["macro"].values()} == {k_macro}
    assert {int(f.sn_length) for f in feats.values()} == {k_micro}       # reads as the micro pass
    cfg = replace(ModelConfig.profile("quick"), softnet_epochs=1)
    # two processes: each type's record and window store go to the fold workers
    res = run_loso(ds, feats, m, cfg, seed=0, n_jobs=2, checkpoint_dir=tmp_path / "ck",
                   progress=False)
    assert set(res.by_type) == {"micro", "macro"} and res.type == "micro"
    assert res.by_type["macro"].length == k_macro and res.length == k_micro
    assert set(res.predictions["type"]) <= {"micro", "macro"}
    assert set(res.by_type["macro"].predictions["type"]) <= {"macro"}
    assert set(res.type_thresholds()) == {"micro", "macro"}
    # macro labels in the macro model's scores: windows overlapping a macro-expression
    lab = res.by_type["macro"].scores
    assert lab["label"].any() and not lab["label"].equals(res.scores["label"])
    files = sorted(p.name for p in (tmp_path / "ck").glob("fold_*.pt"))
    assert len(files) == 2 * len(ds.subjects) and sum("_macro" in f for f in files) == 3
    score = evaluate(ds.intervals, res.predictions, "megc2020", "all")
    assert set(score) == {"micro", "macro", "overall"}
    assert score["overall"].tp == score["micro"].tp + score["macro"].tp
    from mespot_nb.evaluation import results_table    # notebook 10's table: three rows

    tab = results_table(ds.intervals, {"softnet": res.predictions}, {"softnet": m.types},
                        protocols=("megc2020",), n_boot=20)
    assert tab["type"].tolist() == ["micro", "macro", "overall"]
    assert tab.set_index("type").loc["overall", "tp"] == score["overall"].tp
    again = run_loso(ds, feats, m, cfg, seed=0, n_jobs=1, checkpoint_dir=tmp_path / "ck",
                     progress=False)                        # from the checkpoints
    pd.testing.assert_frame_equal(again.predictions, res.predictions)

    trained = train_final(ds, feats, m, cfg, seed=0, device="cpu", progress=False)
    assert set(trained["by_type"]) == {"micro", "macro"} and trained["skipped"] == {}
    path = tmp_path / "softnet.pt"
    save_trained(path, trained, m, cfg, feats.params, TrackParams(), ds.name, 0)
    meth, models = load_models(path)
    assert meth is m and [t for t, _, _ in models] == ["micro", "macro"]
    for t, net, meta in models:
        assert meta["feature_params"]["softnet_k"] == feats.params[t].softnet_k
        assert meta["threshold"] == 0.55 and meta["type"] == t
        assert meta["shapes"] == {"sn_roi": [42, 42, 3]}
        for k, v in trained["by_type"][t]["model"].state_dict().items():
            assert torch.equal(v, net.state_dict()[k]), (t, k)
    from mespot_nb.inference import gather

    data = gather(ds, feats.by_type["macro"], m.for_type("macro"))
    assert np.allclose(predict_scores(models[1][1], data, m, device="cpu"),
                       predict_scores(trained["by_type"]["macro"]["model"], data, m,
                                      device="cpu"))
    row = ds.videos.iloc[0]
    out = spot_video(row.source, path, cache_dir=cache, fps=float(row.fps), progress=False,
                     threshold=0.05)
    assert set(out["thresholds"]) == {"micro", "macro"}
    assert out["feature_params_by_type"]["macro"]["softnet_k"] == k_macro
    assert set(out["intervals"]["type"]) == {"micro", "macro"}
    only = spot_video(row.source, path, cache_dir=cache, fps=float(row.fps), progress=False,
                      threshold=0.05, type="macro")
    assert set(only["scores_by_type"]) == {"macro"} and set(only["intervals"]["type"]) == {"macro"}


def test_no_macro_expressions_skips_the_macro_model(short_features, tmp_path):
    """A training set without macro-expressions: the macro model is skipped with a warning
    naming the dataset, the micro model trains, the file holds it alone; an old one-model
    SOFTNet file loads (micro only) with a warning naming it, and --type macro on it is
    refused naming the file."""
    import torch

    from mespot_nb.face import TrackParams
    from mespot_nb.inference import load_models, method_features, save_trained
    from mespot_nb.models import ModelConfig
    from mespot_nb.spotting import spot_video
    from mespot_nb.training import train_final

    torch.set_num_threads(1)
    ds0, _, _, cache = short_features
    ds = replace(ds0, intervals=ds0.intervals[ds0.intervals["type"] == "micro"])
    m = get_method("softnet")
    feats = method_features(m, ds, cache, profile_feature_params("quick"), n_jobs=1,
                            progress=False)
    assert set(feats.by_type) == {"micro"}            # no pass for a type without annotations
    cfg = replace(ModelConfig.profile("quick"), softnet_epochs=1)
    with pytest.warns(UserWarning, match=r"dataset 'short' has no macro-expressions"):
        trained = train_final(ds, feats, m, cfg, seed=0, device="cpu", progress=False)
    assert set(trained["by_type"]) == {"micro"} and set(trained["skipped"]) == {"macro"}
    path = tmp_path / "micro.pt"
    save_trained(path, trained, m, cfg, feats.params, TrackParams(), ds.name, 0)
    assert [t for t, _, _ in load_models(path)[1]] == ["micro"]
    # a file as written before one model per type: the micro model's fields at the top only
    old = tmp_path / "old.pt"
    save_trained(old, trained["by_type"]["micro"], m, cfg, feats.params["micro"], TrackParams(),
                 ds.name, 0)
    with pytest.warns(UserWarning, match=r"old\.pt holds one SOFTNet model.*micro.*retrain"):
        _, models = load_models(old)
    assert [t for t, _, _ in models] == ["micro"]
    row = ds.videos.iloc[0]
    with pytest.raises(MespotError, match=r"old\.pt holds SOFTNet's micro model only"):
        spot_video(row.source, old, cache_dir=cache, fps=float(row.fps), progress=False,
                   type="macro")


def test_cli_train_spot_and_loso_report_both_types(short_features, tmp_path, monkeypatch,
                                                   capsys):
    """`mespot train --method softnet` writes both models (each with its k), `mespot spot
    --model` returns intervals of both types, `mespot loso` reports SOFTNet's micro, macro and
    overall rows and each model's thresholds (in-process, one epoch: seconds, not minutes)."""
    import json

    import torch
    import yaml

    from mespot_nb.cli import main
    from mespot_nb.datasets import load_dataset
    from mespot_nb.models import ModelConfig

    torch.set_num_threads(1)
    quick = ModelConfig.profile("quick")
    monkeypatch.setattr(ModelConfig, "profile", classmethod(
        lambda cls, name: replace(quick, softnet_epochs=1)))
    ds = macro_demo(short_features)
    ann = tmp_path / "ann.csv"
    ds.intervals[["subject", "video", "onset", "offset", "type"]].to_csv(ann, index=False)
    frames = str(next(iter(ds.videos["source"]))).rsplit("/", 1)[0] + "/{video}"
    man = tmp_path / "m.yaml"
    man.write_text(yaml.safe_dump({"cache_dir": str(short_features[3]), "datasets": {"mac": {
        "format": "csv", "annotations": str(ann), "frames": frames, "fps": 30}}}))

    def mespot(*args):
        capsys.readouterr()
        assert main(list(args)) == 0
        return capsys.readouterr().out

    model = tmp_path / "sn.pt"
    out = mespot("train", "--manifest", str(man), "--dataset", "mac", "--method", "softnet",
                 "--out", str(model), "--n-jobs", "1", "--device", "cpu")
    read = load_dataset("mac", man).intervals      # as the CLI reads them (clipped to the video)
    k_micro, k_macro = softnet_k(read, "micro"), softnet_k(read, "macro")
    for t, k in (("micro", k_micro), ("macro", k_macro)):
        assert f"SOFTNet {t} model (quick) trained on 3 subjects of mac (softnet_k = {k})" in out
    src = str(ds.videos["source"].iloc[0])
    csv = tmp_path / "iv.csv"
    out = mespot("spot", src, "--model", str(model), "--fps", "30", "--out", str(csv),
                 "--threshold", "0.05", "--manifest", str(man), "--n-jobs", "1")
    assert set(pd.read_csv(csv)["type"]) == {"micro", "macro"}
    assert "at threshold micro 0.05, macro 0.05" in out
    out = mespot("loso", "--manifest", str(man), "--dataset", "mac", "--method", "softnet",
                 "--out", str(tmp_path / "lo"), "--n-jobs", "1", "--device", "cpu")
    for t in ("micro", "macro", "overall"):
        assert f"SOFTNet {t}" in out
    js = json.loads((tmp_path / "lo" / "scores_softnet.json").read_text())
    assert set(js["scores"]["megc2020"]) == {"micro", "macro", "overall"}
    assert set(js["thresholds_by_type"]) == {"micro", "macro"}
    assert js["thresholds_by_type"]["macro"] == {s: 0.55 for s in ("101", "102", "103")}


def test_cross_database_trains_both_models(short_features):
    """A cross-database run of SOFTNet (two subjects as one dataset, the third as another):
    both models train on the training dataset, the test one never reaches training, and the
    predictions carry both types with each model's threshold."""
    import torch

    from mespot_nb.crossdb import run_cross_database
    from mespot_nb.inference import TypedFeatures, method_features
    from mespot_nb.models import ModelConfig

    torch.set_num_threads(1)
    cache = short_features[3]
    ds = macro_demo(short_features)

    def part(name, subjects):
        iv, v = ds.intervals, ds.videos
        return replace(ds, name=name, intervals=iv[iv["subject"].isin(subjects)],
                       videos=v[v["subject"].isin(subjects)].reset_index(drop=True))

    dsets = {"A": part("A", ["101", "102"]), "B": part("B", ["103"])}
    feats = {n: method_features("softnet", d, cache, profile_feature_params("quick"), n_jobs=1,
                                progress=False) for n, d in dsets.items()}
    assert all(isinstance(f, TypedFeatures) for f in feats.values())
    cfg = replace(ModelConfig.profile("quick"), softnet_epochs=1)
    res = run_cross_database({"name": "AB", "train": ["A"], "test": "B"}, dsets, feats,
                             "softnet", cfg, seed=0, device="cpu")
    assert set(res.thresholds) == {"micro", "macro"} and res.threshold == 0.55
    assert set(res.predictions["type"]) <= {"micro", "macro"} and len(res.predictions)
    assert set(res.predictions["subject"]) <= {"103"} and set(res.scores["subject"]) == {"103"}
