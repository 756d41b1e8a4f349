"""A fold checkpoint is returned only when nothing that changes the fold's result has changed:
the kit's and the features' versions, the track parameters, the source frames' identity, the
method's record. Otherwise the fold is recomputed, with one line saying why."""

from __future__ import annotations

import logging
from dataclasses import replace

import mespot_nb.training as T
from mespot_nb.features import VideoFeatures
from mespot_nb.methods import get_method
from mespot_nb.models import ModelConfig

CFG = replace(ModelConfig.profile("quick"), epochs=1)
RUN_FOLD = T.run_fold


def _with_meta(feats: dict, **changes) -> dict:
    """The same features, as if computed from other frames or with other settings."""
    return {k: VideoFeatures(f.fps, f.n_frames, {**f.meta, **changes}, **f.arrays)
            for k, f in feats.items()}


def _run(ds, feats, ckpt, monkeypatch, calls):
    def counting(*a, **kw):
        calls.append(1)
        return RUN_FOLD(*a, **kw)

    monkeypatch.setattr(T, "run_fold", counting)
    subjects = sorted(ds.subjects)
    return T._fold_job(get_method("geonet"), CFG, ds, feats, subjects[0], subjects[1:], 0, ckpt,
                       "cpu", None, get_method("geonet").spot_settings(), 1)


def test_fold_key_holds_feature_version_track_params_and_source_identity(short_features):
    ds, feats, _, _ = short_features
    m = get_method("geonet")
    s = sorted(ds.subjects)

    def key(f=feats):
        return T.fold_key(m, CFG, 0, s[0], s[1:], ds, f, m.spot_settings(), None)

    base = key()
    f0 = next(iter(feats.values())).meta
    assert f0["identity"]["path"] and f0["track_params"] and f0["face_version"]
    # the frames replaced under the same annotations: another size and mtime
    moved = dict(f0["identity"], size=f0["identity"]["size"] + 1)
    assert key(_with_meta(feats, identity=moved)) != base
    # other tracking settings
    assert key(_with_meta(feats, track_params={**f0["track_params"], "detect_every": 7})) != base
    # a feature version change
    assert key(_with_meta(feats, version=f0["version"] - 1)) != base
    # the same inputs give the same key (the key is not simply random)
    assert key(_with_meta(feats)) == base


def test_stale_fold_checkpoint_is_recomputed_saying_why(short_features, tmp_path, monkeypatch,
                                                       caplog):
    ds, feats, _, _ = short_features
    calls: list = []
    first = _run(ds, feats, tmp_path, monkeypatch, calls)
    again = _run(ds, feats, tmp_path, monkeypatch, calls)
    assert len(calls) == 1 and again.threshold == first.threshold      # resumed from the file
    caplog.set_level(logging.WARNING, logger="mespot_nb.training")
    # a new feature version: the checkpoint is stale, and the line says so
    monkeypatch.setattr(T, "FEATURES_VERSION", T.FEATURES_VERSION + 1)
    _run(ds, feats, tmp_path, monkeypatch, calls)
    assert len(calls) == 2
    assert any("features version" in r.getMessage() for r in caplog.records), caplog.text
    # frames replaced under the same annotations (same settings, other source identity)
    caplog.clear()
    f0 = next(iter(feats.values())).meta
    moved = _with_meta(feats, identity=dict(f0["identity"], mtime=f0["identity"]["mtime"] + 1))
    _run(ds, moved, tmp_path, monkeypatch, calls)
    assert len(calls) == 3
    assert any("source frames" in r.getMessage() for r in caplog.records), caplog.text
    # a checkpoint from an older kit
    caplog.clear()
    monkeypatch.setattr(T, "__version__", "0.1.0")
    _run(ds, moved, tmp_path, monkeypatch, calls)
    monkeypatch.setattr(T, "__version__", "0.2.0-test")
    _run(ds, moved, tmp_path, monkeypatch, calls)
    assert len(calls) == 5
    assert any("made by mespot-nb 0.1.0" in r.getMessage() for r in caplog.records), caplog.text

