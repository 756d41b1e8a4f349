"""The one user-facing exception type of the kit.

Every problem a user can fix (a missing file, a malformed spreadsheet, a bad parameter) is raised
as :class:`MespotError` with a message that names the thing and says what to do. Anything else
that escapes is a bug in the kit.
"""

from __future__ import annotations


class MespotError(Exception):
    """A problem with the user's input, with a message that names the thing and the fix."""

