"""A real Dask cluster: dataset extraction and LOSO folds on `dask.distributed` equal the local
run; a scheduler that does not answer stops at once with nothing written; a lost worker's job is
run again (mespot_nb/parallel.py)."""

from __future__ import annotations

import os
import socket
import time
from dataclasses import replace

import numpy as np
import pandas as pd
import pytest

from mespot_nb.errors import MespotError
from mespot_nb.parallel import run_jobs

pytestmark = pytest.mark.slow


def setup_module(module):
    import cloudpickle

    cloudpickle.register_pickle_by_value(module)   # the workers lack tests/ on sys.path


@pytest.fixture(scope="module")
def cluster():
    """A LocalCluster on localhost: one single-threaded worker process (one torch import: the
    test stays short on a 2-core machine; `local:N` gives N)."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=":0") as lc, Client(lc) as client:
        yield client


def test_extraction_and_loso_on_a_local_cluster_equal_the_local_run(short_features, cluster,
                                                                    tmp_path):
    from mespot_nb.features import extract_features
    from mespot_nb.models import ModelConfig
    from mespot_nb.training import run_loso

    ds, feats, params, _ = short_features   # every family, extracted locally
    # GeoNet's two families only (each family is its own consumer of the pass: the same arrays)
    on_cluster = extract_features(ds, tmp_path / "cache",
                                  replace(params, families=("dynamic", "geometry")),
                                  scheduler=cluster, progress=False)
    assert on_cluster.keys() == feats.keys()
    for k, f in feats.items():
        g = on_cluster[k]
        assert "geo" in g.arrays and g.arrays.keys() <= f.arrays.keys()
        for name, a in g.arrays.items():
            np.testing.assert_array_equal(f.arrays[name], a, err_msg=f"{k} {name}")
    cfg = ModelConfig(**{**vars(ModelConfig.profile("quick")), "epochs": 1})
    here = run_loso(ds, feats, "geonet", cfg, seed=3, n_jobs=1, progress=False)
    there = run_loso(ds, on_cluster, "geonet", cfg, seed=3, scheduler=cluster,
                     checkpoint_dir=tmp_path / "folds", progress=False)
    assert [f.test for f in there.folds] == [f.test for f in here.folds]
    pd.testing.assert_frame_equal(here.scores, there.scores)
    pd.testing.assert_frame_equal(here.predictions, there.predictions)
    assert len(list((tmp_path / "folds").glob("fold_*.pt"))) == len(here.folds)


def test_a_scheduler_that_does_not_answer_stops_within_10_s_writing_nothing(short_features,
                                                                            tmp_path):
    from mespot_nb.features import extract_features

    ds, _, params, _ = short_features
    with socket.socket() as s:          # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cache = tmp_path / "cache"
    t0 = time.monotonic()
    with pytest.raises(MespotError, match=f"tcp://127.0.0.1:{port}.*did not answer"):
        extract_features(ds, cache, replace(params), scheduler=f"tcp://127.0.0.1:{port}",
                         progress=False)
    assert time.monotonic() - t0 < 10
    assert not cache.exists() or not [p for p in cache.rglob("*") if p.is_file()]
    with pytest.raises(MespotError, match="local:N"):
        run_jobs(pow, [(2, 3)], scheduler="not an address")


def _die_once(marker_dir: str, i: int) -> int:
    """Job ``i``; job 0 kills its worker process the first time it runs."""
    from pathlib import Path

    d = Path(marker_dir)
    (d / f"ran_{i}_{os.getpid()}_{time.monotonic_ns()}").touch()
    if i == 0 and not (d / "died").exists():
        (d / "died").touch()
        time.sleep(0.5)
        os._exit(1)
    return i * i


def test_a_lost_worker_s_job_is_run_again(tmp_path):
    """`scheduler: local:2` (a LocalCluster of 2 worker processes for the call): job 0's worker
    dies, the scheduler runs job 0 again, the finished jobs keep their results."""
    out = run_jobs(_die_once, [(str(tmp_path), i) for i in range(4)], scheduler="local:2",
                   ordered=True, progress=False)
    assert out == [0, 1, 4, 9]
    runs = [p.name.split("_")[1] for p in tmp_path.glob("ran_*")]
    assert runs.count("0") == 2 and {"1", "2", "3"} <= set(runs)
