"""One error type for caller mistakes and malformed files.

Odd names are data, not errors: matching never raises on a name. What raises is
a mistake the caller can fix: an unknown list format, a malformed list file, a
corrupt saved matcher, an invalid argument.
"""

from __future__ import annotations

import os

__all__ = ["EntityMatchError"]


class EntityMatchError(Exception):
    """Raised for caller mistakes, malformed files and corrupt saved matchers.

    Errors about a file carry the file and, when known, the 1-based line, and
    render as ``path:line: reason`` like a compiler diagnostic.

    >>> str(EntityMatchError("unknown column 'nme'", path="list.csv", line=1))
    "list.csv:1: unknown column 'nme'"
    """

    def __init__(
        self,
        reason: str,
        *,
        path: str | os.PathLike[str] | None = None,
        line: int | None = None,
    ) -> None:
        self.reason = reason
        self.path = None if path is None else os.fspath(path)
        self.line = line
        super().__init__(self._render())

    def _render(self) -> str:
        if self.path is None:
            return self.reason
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.reason}"
