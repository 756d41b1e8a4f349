"""Cached features are memory maps of their file, not copies: a dataset's features cost
address space, not memory, and read back equal."""

import mmap

import numpy as np

from mespot_nb.cache import MMAP_MIN_BYTES, load_npz
from mespot_nb.features.stream import VideoFeatures


def test_large_feature_arrays_are_mapped_and_equal(tmp_path):
    rng = np.random.default_rng(0)
    big = rng.integers(0, 255, (MMAP_MIN_BYTES // 64 + 1, 8, 8), dtype=np.uint8)
    small = rng.normal(size=(7, 3)).astype(np.float32)
    f = VideoFeatures(30.0, 100, {"families": ["x"]}, dyn=big, geo=small, dg_length=np.int64(11))
    f.save(tmp_path / "f.npz")
    g = VideoFeatures.load(tmp_path / "f.npz")
    assert isinstance(g.dyn.base, mmap.mmap)             # a view of the file's one map
    assert not isinstance(g.geo.base, mmap.mmap)         # small arrays are read
    np.testing.assert_array_equal(g.dyn, big)
    np.testing.assert_array_equal(g.geo, small)
    assert g.dg_length == 11 and g.meta == {"families": ["x"]}
    g.dyn[0] = 0                                  # copy-on-write: the cache file is untouched
    np.testing.assert_array_equal(load_npz(tmp_path / "f.npz")["dyn"], big)


def test_short_of_file_descriptors_the_arrays_are_read(tmp_path, monkeypatch):
    from mespot_nb import cache

    big = np.arange(MMAP_MIN_BYTES + 8, dtype=np.uint8)
    VideoFeatures(30.0, 10, {}, dyn=big).save(tmp_path / "f.npz")
    monkeypatch.setattr(cache, "_fds_left", lambda: 0)
    g = VideoFeatures.load(tmp_path / "f.npz")
    assert not isinstance(g.dyn.base, mmap.mmap)
    np.testing.assert_array_equal(g.dyn, big)
