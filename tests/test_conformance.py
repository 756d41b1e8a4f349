"""Every registered method passes the same checks, in the way scikit-learn's `check_estimator`
does: it builds, trains a step, predicts, spots a short video, round-trips its model file, and
refuses a malformed input with the kit's error. A method added to the registry (the kit's own or
a plug-in) is checked by being registered: the parametrisation reads the registry."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import torch

import mespot_nb  # noqa: F401  (registers the kit's methods)
from mespot_nb.detections import PRED_COLUMNS
from mespot_nb.errors import MespotError
from mespot_nb.features import FAMILIES, VideoFeatures
from mespot_nb.inference import (WindowData, build_model, free_predictions, gather,
                                 load_trained, predict_scores, save_trained)
from mespot_nb.methods import get_method, method_names
from mespot_nb.models import ModelConfig, numpy_batch, resolve_device
from mespot_nb.spotting import spot_video
from mespot_nb.training import _resolve_extent
from mespot_nb.face import TrackParams

QUICK = ModelConfig.profile("quick")


def _trained(m, ds, data: WindowData, model, threshold: float) -> dict:
    kw = dict(m.spot_settings())
    kw.pop("select_protocol", None)
    kw.pop("select_type", None)
    kw = _resolve_extent(kw, ds.intervals, {}, float(ds.fps))
    return dict(model=model, subjects=sorted(data.subjects()) if data else sorted(ds.subjects),
                threshold=threshold, threshold_f1=0.0, spot_kw=kw, best_epoch=1, history=[],
                shapes={k: list(v) for k, v in data.shapes().items()} if data else {})


@pytest.mark.parametrize("name", method_names(trainable=True))
def test_learned_method_conforms(name, short_features, tmp_path):
    check_learned(get_method(name), *short_features, tmp_path)


def check_learned(m, ds, feats, params, cache, tmp_path) -> None:
    """The checks every learned method passes (``feats`` hold its families' arrays)."""
    name = m.name
    torch.manual_seed(0)
    # builds, on the inputs it declares
    data = gather(ds, feats, m)
    assert set(data.arrays) == set(m.inputs) and len(data.labels) > 10
    model = build_model(m, QUICK, data.shapes())
    if callable(getattr(model, "fit_inputs", None)):
        model.fit_inputs(data.arrays)
    # trains a step: the loss is finite and the weights move
    dev = resolve_device("cpu")
    before = [p.detach().clone() for p in model.parameters()]
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    idx = np.arange(min(16, len(data.labels)))
    model.train()
    loss = m.loss_fn(model(numpy_batch(data.arrays, idx, dev)),
                     torch.from_numpy(data.labels[idx]))
    assert torch.isfinite(loss)
    opt.zero_grad()
    loss.backward()
    opt.step()
    assert any(not torch.equal(a, b) for a, b in zip(before, model.parameters())), name
    # predicts: one probability per window
    scores = predict_scores(model, data, m, device="cpu")
    assert scores.shape == data.labels.shape and np.all((scores >= 0) & (scores <= 1))
    # round-trips its model file: same tensors, same scores, metadata intact
    thr = float(np.quantile(scores, 0.9))
    path = tmp_path / f"{name}.pt"
    save_trained(path, _trained(m, ds, data, model, thr), m, QUICK, params, TrackParams(),
                 "short", seed=0)
    back, meta = load_trained(path)
    assert meta["method"] == name and meta["threshold"] == thr
    for k, v in model.state_dict().items():
        assert torch.equal(v, back.state_dict()[k]), (name, k)
    assert np.allclose(predict_scores(back, data, m, device="cpu"), scores)
    # spots a short video from the model file: MEGC rows inside the video
    row = ds.videos.iloc[0]
    out = spot_video(row.source, path, cache_dir=cache, fps=float(row.fps), progress=False)
    assert list(out["intervals"].columns) == PRED_COLUMNS
    iv = out["intervals"]
    assert ((iv["onset"] >= 1) & (iv["offset"] <= out["n_frames"])
            & (iv["onset"] <= iv["offset"])).all()
    # refuses malformed input with the kit's error
    f0 = next(iter(feats.values()))
    lacking = VideoFeatures(f0.fps, f0.n_frames, f0.meta,
                            **{k: v for k, v in f0.arrays.items() if k != m.inputs[0]})
    with pytest.raises(MespotError, match=m.inputs[0]):
        gather(ds, {next(iter(feats)): lacking}, m)
    k = m.inputs[0]
    bad = WindowData(data.table, {**data.arrays, k: data.arrays[k][:, :-1]}, data.labels)
    with pytest.raises(MespotError, match="shape"):
        predict_scores(model, bad, m, device="cpu")


@pytest.mark.parametrize("name", method_names(trainable=False))
def test_training_free_method_conforms(name, short_features, tmp_path):
    m = get_method(name)
    ds, feats, params, cache = short_features
    # "builds": its frame scores cover the video
    f0 = next(iter(feats.values()))
    fs = m.free.frame_scores(f0)
    assert {"start", "stop", "score"} <= set(fs.columns) and len(fs)
    # "trains": p from its grid; predicts at the default p
    pred = free_predictions(m, feats, m.free.default, m.spot_settings())
    assert isinstance(pred, pd.DataFrame)
    # round-trips its model file (no tensors, its p)
    path = tmp_path / f"{name}.pt"
    save_trained(path, _trained(m, ds, None, None, float(m.free.grid[0])), m, QUICK,
                 params, TrackParams(), "short", seed=0)
    model, meta = load_trained(path)
    assert model is None and meta["method"] == name and meta["threshold"] == m.free.grid[0]
    # spots a short video, by name and from its file
    row = ds.videos.iloc[0]
    for kw in (dict(method=name), dict(model_path=path)):
        out = spot_video(row.source, cache_dir=cache, fps=float(row.fps), progress=False, **kw)
        iv = out["intervals"]
        assert list(iv.columns) == PRED_COLUMNS
        assert ((iv["onset"] >= 1) & (iv["offset"] <= out["n_frames"])).all()
    # refuses malformed input: p outside (0, 1), features without its family
    with pytest.raises(MespotError, match="--p"):
        spot_video(row.source, cache_dir=cache, fps=float(row.fps), progress=False,
                   method=name, p=1.5)
    fam = FAMILIES[m.families[0]]
    lacking = VideoFeatures(f0.fps, f0.n_frames, f0.meta,
                            **{k: v for k, v in f0.arrays.items() if k not in fam.produces})
    with pytest.raises(MespotError, match=m.families[0]):
        free_predictions(m, {next(iter(feats)): lacking}, m.free.default, m.spot_settings())



# ----------------------------------------------------------------------------------------------
# registration: a malformed record is refused naming what it names; the README's example


def test_registration_refuses_unregistered_window_kind_or_family():
    from mespot_nb.methods import Method, register

    base = dict(title="X", source="-", label="iou_pos", inputs=("geo",),
                build=lambda cfg, shapes: None)
    with pytest.raises(MespotError, match=r"method 'x'.*window kind 'nope'"):
        register(Method(name="x", window="nope", families=("geometry",), **base))
    with pytest.raises(MespotError, match=r"method 'x'.*famil.*'nofam'"):
        register(Method(name="x", window="dyngeonet", families=("dynamic", "nofam"), **base))
    with pytest.raises(MespotError, match=r"method 'x'.*hoof_seq"):
        register(Method(name="x", window="dyngeonet", families=("dynamic", "geometry"),
                        **{**base, "inputs": ("hoof_seq",)}))
    with pytest.raises(MespotError, match=r"label rule 'any'"):
        register(Method(name="x", window="dyngeonet", families=("dynamic", "geometry"),
                        **{**base, "label": "any"}))
    assert "x" not in method_names()


def _readme_example() -> str:
    from conftest import ROOT

    text = (ROOT / "README.md").read_text()
    block = text.split("<!-- add-a-method example", 1)[1].split("```python", 1)[1]
    return block.split("```", 1)[0]


def test_the_readme_add_a_method_example_runs(short_features, tmp_path):
    """The README's example, run as written: a method with its own feature family and window
    kind, registered from outside the package, passes the conformance checks, goes through
    extraction and LOSO in worker processes (its registrations travel with the jobs) and joins
    the notebooks' `learned` list, with no edit anywhere else."""
    from dataclasses import replace

    from mespot_nb.evaluation import evaluate
    from mespot_nb.features import extract_features
    from mespot_nb.methods import METHODS
    from mespot_nb.notebook import methods_list
    from mespot_nb.training import run_loso
    from mespot_nb.windows import WINDOW_KINDS

    ds, _, params, cache = short_features
    exec(compile(_readme_example(), "README.md", "exec"), {})
    try:
        m = get_method("lip-mlp")
        assert "lip-mlp" in methods_list("learned") and "lip-mlp" in methods_list("window:lip")
        # two worker processes: the notebook's registrations travel with the jobs
        feats = extract_features(ds, cache, replace(params, families=m.families), n_jobs=2,
                                 progress=False)
        check_learned(m, ds, feats, m.feature_params(params), cache, tmp_path)
        cfg = replace(QUICK, epochs=2)
        res = run_loso(ds, feats, "lip-mlp", cfg, seed=0, n_jobs=2, progress=False)
        assert res.method == "lip-mlp" and len(res.folds) == len(ds.subjects)
        assert set(res.scores["subject"]) == set(ds.subjects)
        evaluate(ds.intervals, res.predictions, "megc2020", "micro")
    finally:
        METHODS.pop("lip-mlp", None)
        FAMILIES.pop("lipgap", None)
        WINDOW_KINDS.pop("lip", None)
