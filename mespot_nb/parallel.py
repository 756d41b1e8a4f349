"""Run per-video and per-fold jobs in parallel: joblib processes locally, or a ``dask.distributed``
cluster when the manifest names a ``scheduler:`` — the same job functions either way.

``scheduler`` is one of

* ``None`` — local joblib processes (``n_jobs`` of them);
* ``"local:N"`` — a :class:`distributed.LocalCluster` of N single-threaded worker processes on
  this machine, started for the call and closed after it;
* an address (``tcp://10.0.0.5:8786``) — a running cluster; it must answer within
  :data:`CONNECT_TIMEOUT_S`, or the call stops with a :class:`MespotError` before any job runs
  (so nothing is written to the cache);
* a :class:`distributed.Client` — used as is.

On a cluster every job is one task. A task whose worker dies is run again on another worker by
the scheduler (up to ``distributed.scheduler.allowed-failures`` = 3 deaths); finished tasks keep
their results, and jobs that write cache entries or fold checkpoints write them atomically, so a
rerun after a lost cluster resumes.

**Plug-ins travel with the jobs.** A worker process imports the kit afresh, so it knows the kit's
own methods, feature families, window kinds and label rules but not one registered later in the
calling process (from a notebook or a module of the user's). Every such registration is noted
here (:func:`note_registration`, called by the registries) and replayed in the worker before each
job runs, so a notebook's method trains and extracts with ``n_jobs`` > 1 and on a cluster.
Objects defined in a notebook reach the workers by value (joblib's loky and Dask pickle with
cloudpickle).

Progress: a tqdm bar per call. With ``weights`` (frames per job) it counts frames, so it shows
frames per second, the time left and the estimated finish time (wall clock), locally and on the
cluster.
"""

from __future__ import annotations

import re
import time
from contextlib import contextmanager
from typing import Any, Callable, Iterator, Sequence

from .errors import MespotError

#: Set when the package's own import has registered the kit's methods, families, window kinds
#: and label rules (end of ``mespot_nb/__init__.py``): a registration after it is a plug-in's.
KIT_LOADED = False
#: Plug-in registrations of this process, in the order made: ``(registry, name, object,
#: register function, its arguments)``; the latest call per (registry, name) is kept.
_PLUGINS: list[tuple[dict, str, Any, Callable[..., Any], tuple]] = []

#: Seconds a scheduler address has to answer before the run stops.
CONNECT_TIMEOUT_S = 5.0
_LOCAL = re.compile(r"local:(\d+)")


def note_registration(registry: dict, name: str, obj: Any, register: Callable[..., Any],
                      *args: Any) -> None:
    """Remember a plug-in's registration so that jobs replay it in their workers.

    Parameters
    ----------
    registry : the registry dict the entry went into (``METHODS``, ``FAMILIES``, …).
    name : its key there; obj : the registered object.
    register : a module-level register function taking ``*args`` and ``replace=True``.

    Registrations made while the kit imports itself (before :data:`KIT_LOADED`) are not noted:
    every worker makes them when it imports the kit.
    """
    if not KIT_LOADED:
        return
    _PLUGINS[:] = [e for e in _PLUGINS if not (e[0] is registry and e[1] == name)]
    _PLUGINS.append((registry, name, obj, register, args))


def plugin_calls() -> list[tuple[Callable[..., Any], tuple]]:
    """The registrations a job replays in its worker: each plug-in still registered (an entry
    removed or replaced since is not carried), as ``(register function, arguments)``."""
    return [(fn, args) for reg, name, obj, fn, args in _PLUGINS if reg.get(name) is obj]


def _replay(calls: Sequence[tuple[Callable[..., Any], tuple]]) -> None:
    for fn, args in calls:
        fn(*args, replace=True)


def describe_scheduler(scheduler: Any) -> str:
    """A short name of where jobs run, for messages."""
    if scheduler is None:
        return "local processes"
    return scheduler if isinstance(scheduler, str) else f"Dask client {scheduler!r}"


@contextmanager
def dask_client(scheduler: Any, timeout: float = CONNECT_TIMEOUT_S) -> Iterator[Any]:
    """A :class:`distributed.Client` for ``scheduler`` (see module doc); clusters and clients this
    opens are closed on exit, a client given is left open."""
    from distributed import Client, LocalCluster

    if not isinstance(scheduler, str):
        yield scheduler
        return
    name = scheduler.strip()
    m = _LOCAL.fullmatch(name)
    if m:
        n = int(m.group(1))
        if n < 1:
            raise MespotError(f"scheduler {name!r}: local:N needs N ≥ 1 worker processes")
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                               host="127.0.0.1", dashboard_address=":0")
        client = Client(cluster)
        try:
            yield client
        finally:
            client.close()
            cluster.close()
        return
    if "://" not in name and not re.fullmatch(r"[\w.\-]+:\d+", name):
        raise MespotError(f"scheduler {name!r}: give a Dask scheduler address (tcp://host:8786), "
                          "local:N for N worker processes on this machine, or null")
    t0 = time.monotonic()
    try:
        client = Client(name, timeout=timeout)
    except (OSError, TimeoutError) as e:
        raise MespotError(
            f"scheduler {name!r} did not answer within {time.monotonic() - t0:.0f} s "
            f"({type(e).__name__}); start it (`dask scheduler`, then `dask worker {name}` on "
            "each machine), or set the manifest's `scheduler:` to local:N or null. Nothing was "
            "computed and nothing was written to the cache") from None
    try:
        yield client
    finally:
        client.close()


def _bar(total: int, desc: str, unit: str, progress: bool):
    if not progress:
        return None
    from tqdm.auto import tqdm

    return tqdm(total=total, desc=desc, unit=unit, unit_scale=unit == "frame", smoothing=0.1)


def _tick(bar, n: int) -> None:
    """Advance the bar by ``n`` and show the estimated finish time (local wall clock)."""
    if bar is None:
        return
    bar.update(n)
    rate = bar.format_dict.get("rate") or (bar.n / max(bar.format_dict["elapsed"], 1e-9))
    if rate and bar.total and bar.n < bar.total:
        eta = time.localtime(time.time() + (bar.total - bar.n) / rate)
        bar.set_postfix_str(f"finish ≈ {time.strftime('%H:%M:%S', eta)}", refresh=False)


def run_jobs(func: Callable[..., Any], jobs: Sequence[tuple], n_jobs: int = 2,
             scheduler: Any = None, progress: bool = True, desc: str = "",
             ordered: bool = False, common: tuple = (), weights: Sequence[int] | None = None,
             unit: str = "video", resources: dict[str, float] | None = None) -> list[Any]:
    """Call ``func(*common, *job)`` for every job.

    Parameters
    ----------
    func : a module-level function (it is pickled to the workers).
    jobs : one argument tuple per job.
    n_jobs : local worker processes (ignored with a scheduler).
    scheduler : None, ``"local:N"``, a scheduler address or a ``distributed.Client``.
    ordered : results in job order (default: completion order).
    common : leading arguments shared by every job; on a cluster they are sent to the workers
        once (``Client.scatter``), not once per job.
    weights : work per job for the bar (frames per video; the bar then counts ``frame``).
    resources : Dask worker resources each task holds (``{"GPU": 1}``: one task per GPU worker).

    Returns
    -------
    list of ``func``'s results (a job's exception is raised here).
    """
    if not jobs:
        return []
    plugins = plugin_calls()
    w = [1] * len(jobs) if weights is None else [int(x) for x in weights]
    unit = unit if weights is None else "frame"
    bar = _bar(sum(w), desc, unit, progress)
    try:
        if not scheduler:
            import joblib

            it = joblib.Parallel(n_jobs=n_jobs,
                                 return_as="generator" if ordered else "generator_unordered")(
                joblib.delayed(_indexed)(func, i, common, j, plugins)
                for i, j in enumerate(jobs))
            out = []
            for i, r in it:
                out.append((i, r))
                _tick(bar, w[i])
        else:
            from distributed import as_completed

            with dask_client(scheduler) as client:
                if resources:   # only what some worker declares (else the tasks never start)
                    have = {k for wk in client.scheduler_info(n_workers=-1)["workers"].values()
                            for k in (wk.get("resources") or {})}
                    resources = {k: v for k, v in resources.items() if k in have} or None
                shared = client.scatter(list(common)) if common else []
                futs = [client.submit(_indexed, func, i, shared, j, plugins, pure=False,
                                      resources=resources) for i, j in enumerate(jobs)]
                out = []
                try:
                    for f in as_completed(futs):
                        i, r = f.result()
                        out.append((i, r))
                        _tick(bar, w[i])
                finally:
                    client.cancel(futs)
    finally:
        if bar is not None:
            bar.close()
    if ordered:
        out.sort(key=lambda x: x[0])
    return [r for _, r in out]


def _indexed(func: Callable[..., Any], i: int, common: Sequence, job: tuple,
             plugins: Sequence = ()) -> tuple[int, Any]:
    if plugins:       # a worker process: register the caller's plug-ins first
        _replay(plugins)
    return i, func(*common, *job)
