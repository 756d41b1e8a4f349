"""Benchmark: training throughput (windows/s) per method on this CPU, quick and paper profiles,
each beside the machine's float32 matrix-multiply speed with the same threads (the in-run
reference that makes figures comparable across machines).

Random inputs of the right shapes; one torch thread per process as in LOSO (folds run in
parallel) for the quick profile, the machine's two threads for the paper profile (224² VGG-16
on a CPU: a small batch keeps the run short; windows/s hardly depends on it). Prints windows/s
of forward + backward + Adam step.

    .venv/bin/python benchmarks/bench_training.py [--seconds 3] [--paper-batch 4] [--json PATH]
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import add_json_arg, write_figures  # noqa: E402

from mespot_nb.methods import get_method, method_names  # noqa: E402
from mespot_nb.models import ModelConfig, numpy_batch  # noqa: E402
from mespot_nb.inference import build_model  # noqa: E402


def throughput(method: str, cfg: ModelConfig, seconds: float, threads: int,
               warm: bool = True) -> float:
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    m = get_method(method)
    bs, S = m.settings(cfg)["batch"], cfg.image_size   # the method's own batch (SOFTNet: 12)
    rng = np.random.default_rng(0)
    arr = {"dyn": rng.integers(0, 255, (bs, S, S), dtype=np.uint8),
           "apex": rng.integers(0, 255, (bs, S, S), dtype=np.uint8),
           "geo": rng.random((bs, 67), dtype=np.float32),
           "hoof": rng.random((bs, 15, 32), dtype=np.float32),
           "sn_roi": rng.integers(0, 255, (bs, 42, 42, 3), dtype=np.uint8)}
    net = build_model(m, cfg, {k: v.shape[1:] for k, v in arr.items()})
    opt = torch.optim.Adam(net.parameters(), 1e-4)
    b = numpy_batch(arr, np.arange(bs), torch.device("cpu"))
    y = torch.randint(0, 2, (bs,))

    def step():
        opt.zero_grad()
        loss = m.loss_fn(net(b), y)
        loss.backward()
        opt.step()

    if warm:   # first-call overheads (skipped for the paper profile: its steps take seconds)
        step()
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds or n == 0:
        step()
        n += bs
    return n / (time.perf_counter() - t0)


def matmul_gflops(threads: int, seconds: float = 1.0, n: int = 512) -> float:
    """float32 n×n matrix multiplies per second × 2n³ (GFLOP/s) with ``threads`` threads."""
    torch.set_num_threads(threads)
    a, b = torch.rand(n, n), torch.rand(n, n)
    a @ b
    k, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        a @ b
        k += 1
    return 2 * n ** 3 * k / (time.perf_counter() - t0) / 1e9


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=3, help="timed seconds per method/profile")
    ap.add_argument("--paper-batch", type=int, default=4)
    ap.add_argument("--profiles", default="quick,paper")
    add_json_arg(ap)
    a = ap.parse_args()
    profiles = [p.strip() for p in a.profiles.split(",") if p.strip()]
    fig: dict = {"matmul_gflops_1thread": round(matmul_gflops(1), 2),
                 "matmul_gflops_2threads": round(matmul_gflops(2), 2),
                 "paper_batch": a.paper_batch}
    print(f"reference: float32 512² matmul {fig['matmul_gflops_1thread']:.1f} GFLOP/s (1 thread), "
          f"{fig['matmul_gflops_2threads']:.1f} (2 threads)")
    print(f"{'method':10s} {'quick, 1 thread':>16s} {'paper, 2 threads':>17s}  (windows/s)")
    for m in method_names(trainable=True):
        row = []
        for prof in profiles:
            cfg = ModelConfig.profile(prof)
            if prof == "paper":
                cfg = replace(cfg, batch=a.paper_batch)
            w = throughput(m, cfg, a.seconds, 1 if prof == "quick" else 2, warm=prof == "quick")
            fig[f"{m.replace('-', '_')}_{prof}_windows_per_s"] = round(w, 2)
            row.append(w)
        print(f"{m:10s} " + " ".join(f"{w:16.2f}" for w in row))
    write_figures(a.json, fig)


if __name__ == "__main__":
    main()
