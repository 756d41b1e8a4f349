"""Benchmark: training throughput (windows/s) per method on this CPU, quick and paper profiles.

Random inputs of the right shapes; one torch thread per process as in LOSO (folds run in
parallel), and the machine's threads for the paper profile. Prints windows/s of forward +
backward + Adam step.

    .venv/bin/python benchmarks/bench_training.py [--seconds 5]
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import torch

from mespot_nb.models import ModelConfig, build_model, numpy_batch


def throughput(method: str, cfg: ModelConfig, seconds: float, threads: int) -> float:
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    net = build_model(method, cfg)
    opt = torch.optim.Adam(net.parameters(), 1e-4)
    bs, S = cfg.batch, cfg.image_size
    rng = np.random.default_rng(0)
    arr = {"dyn": rng.integers(0, 255, (bs, S, S), dtype=np.uint8),
           "apex": rng.integers(0, 255, (bs, S, S), dtype=np.uint8),
           "geo": rng.random((bs, 67), dtype=np.float32),
           "hoof": rng.random((bs, 15, 32), dtype=np.float32)}
    b = numpy_batch(arr, np.arange(bs), torch.device("cpu"))
    y = torch.randint(0, 2, (bs,))
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < seconds or n == 0:
        opt.zero_grad()
        out = net(b)
        loss = (torch.nn.functional.cross_entropy(out, y) if method == "hoof-lstm" else
                torch.nn.functional.binary_cross_entropy_with_logits(out, y.float()))
        loss.backward()
        opt.step()
        n += bs
    return n / (time.perf_counter() - t0)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=5)
    a = ap.parse_args()
    print(f"{'method':10s} {'quick, 1 thread':>16s} {'paper, 2 threads':>17s}")
    for m in ("dyngeonet", "dynnet", "geonet", "vgg16", "hoof-lstm"):
        q = throughput(m, ModelConfig.profile("quick"), a.seconds, 1)
        p = throughput(m, ModelConfig.profile("paper"), a.seconds, 2)
        print(f"{m:10s} {q:16.1f} {p:17.2f}")


if __name__ == "__main__":
    main()
