"""The fresh held-out sets of strangers' clips (docs/aumatch-history.md): real people in
public repositories' example videos, none shipped (no repository states its videos' terms), found by
helper sessions that ran no spotter on them. The second to fourth were each scored once for one of
aumatch's rounds by a rule written down before; the fifth, once, to measure the kit with nothing
chosen on it (it then became a tuning set of the sixth round); the sixth to ninth, once each, to
measure the defaults untouched and choose between two frozen candidates by a rule written down
before; the tenth, once, to measure the ninth round's defaults with nothing chosen on it; the
eleventh, once, as the sixth to ninth were, for aumatch's tenth round; the twelfth and the
thirteenth, once each, to measure the tenth round's defaults with nothing chosen on them; the
fourteenth, once, as the eleventh was, for aumatch's eleventh round; the fifteenth, once, for
aumatch's twelfth round; the sixteenth, once, for aumatch's thirteenth round; the seventeenth,
once, for aumatch's fourteenth round; the eighteenth, once, to measure the thirteenth round's
defaults with nothing chosen on it (aumatch's fifteenth round, which froze no candidate).

Data only, one file per group of sets (``sets_2_to_5``, ``sets_6_to_8``, ``sets_9_to_12``,
``sets_13``, ``sets_14``, ``sets_15``, ``sets_16``, ``sets_17``, ``sets_18``) and the repositories'
terms (``terms``):
:mod:`mespot_nb.media` builds each record into a :class:`~mespot_nb.media.Footage` of
:data:`mespot_nb.media.HELD_OUT` (``_fresh``). A record is ``(name, repository, commit, path in
it, condition tags, fps, frames, (width, height), median inter-ocular distance in px from dlib's
landmarks — the track's for the second to fifth sets, 24 sampled frames' for the sixth to
eighteenth — sha256, description)``.
"""

from .sets_2_to_5 import FIFTH_SET, FOURTH_SET, SECOND_SET, THIRD_SET
from .sets_6_to_8 import EIGHTH_SET, SEVENTH_SET, SIXTH_SET
from .sets_9_to_12 import ELEVENTH_SET, NINTH_SET, TENTH_SET, TWELFTH_SET
from .sets_13 import THIRTEENTH_SET
from .sets_14 import FOURTEENTH_SET
from .sets_15 import FIFTEENTH_SET
from .sets_16 import SIXTEENTH_SET
from .sets_17 import SEVENTEENTH_SET
from .sets_18 import EIGHTEENTH_SET
from .terms import TERMS

__all__ = ["EIGHTEENTH_SET", "EIGHTH_SET", "ELEVENTH_SET", "FIFTEENTH_SET", "FIFTH_SET",
           "FOURTEENTH_SET", "FOURTH_SET", "NINTH_SET", "SECOND_SET", "SEVENTEENTH_SET",
           "SEVENTH_SET", "SIXTEENTH_SET", "SIXTH_SET", "TENTH_SET", "TERMS", "THIRD_SET",
           "THIRTEENTH_SET", "TWELFTH_SET"]
