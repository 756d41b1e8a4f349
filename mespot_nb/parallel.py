"""Run per-video jobs in parallel: joblib processes locally, or a Dask cluster through joblib's
dask backend when the manifest names a scheduler — the same code path either way."""

from __future__ import annotations

from typing import Any, Callable, Sequence


def run_jobs(func: Callable[..., Any], jobs: Sequence[tuple], n_jobs: int = 2,
             scheduler: Any = None, progress: bool = True, desc: str = "") -> list[Any]:
    """Call ``func(*job)`` for every job; results in completion order.

    Parameters
    ----------
    n_jobs : local worker processes (ignored with a scheduler).
    scheduler : a Dask scheduler address (``tcp://host:8786``) or a ``distributed.Client``.
    """
    import joblib

    if not jobs:
        return []

    def run(kw: dict) -> list[Any]:
        it = joblib.Parallel(return_as="generator_unordered", **kw)(
            joblib.delayed(func)(*j) for j in jobs)
        if progress:
            from tqdm.auto import tqdm

            it = tqdm(it, total=len(jobs), desc=desc, unit="video")
        return list(it)

    if not scheduler:
        return run(dict(n_jobs=n_jobs))
    from dask.distributed import Client

    client = Client(scheduler) if isinstance(scheduler, str) else scheduler
    try:
        with joblib.parallel_config(backend="dask"):
            return run({})
    finally:
        if isinstance(scheduler, str):
            client.close()
