"""Stream the objects of a large JSON array without loading the document.

The standard library parses a JSON document whole. A list download such as
trade.gov's ``{"sources_used": [...], "results": [ ...thousands of objects... ]}``
only needs its ``results`` one object at a time: :func:`iter_array_items`
walks the document with :meth:`json.JSONDecoder.raw_decode`, holding one item
(plus a read-ahead chunk) in memory, and reports syntax errors with the line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import IO

from entitymatch.lists._common import ReadContext

__all__ = ["iter_array_items"]

_CHUNK = 1 << 16  # characters read ahead: one typical list record is 1-4 KiB
_WHITESPACE = re.compile(r"[ \t\n\r]*")


class _Reader:
    """A growing window on the text, with line numbers for positions in it."""

    def __init__(self, file: IO[str], context: ReadContext) -> None:
        self.file = file
        self.context = context
        self.buffer = ""
        self.pos = 0
        self.eof = False
        self.line = 1  # line number of self.buffer[self.counted]
        self.counted = 0
        self.decoder = json.JSONDecoder()

    def fill(self) -> bool:
        """Read one more chunk; False at the end of the file."""
        if self.eof:
            return False
        chunk = self.file.read(_CHUNK)
        if not chunk:
            self.eof = True
            return False
        if self.pos > _CHUNK:  # drop what was consumed, keeping line numbers right
            self.line_at(self.pos)
            self.buffer = self.buffer[self.pos :]
            self.counted -= self.pos
            self.pos = 0
        self.buffer += chunk
        return True

    def line_at(self, pos: int) -> int:
        """1-based line number of ``self.buffer[pos]`` (positions only move forward)."""
        if pos > self.counted:
            self.line += self.buffer.count("\n", self.counted, pos)
            self.counted = pos
        return self.line

    def peek(self) -> str:
        """The next non-blank character ('' at the end of the file), not consumed."""
        while True:
            match = _WHITESPACE.match(self.buffer, self.pos)
            self.pos = match.end() if match else self.pos
            if self.pos < len(self.buffer) or not self.fill():
                return self.buffer[self.pos : self.pos + 1]

    def expect(self, chars: str, what: str) -> str:
        char = self.peek()
        if not char or char not in chars:
            found = repr(char) if char else "end of file"
            raise self.context.error(
                f"bad JSON: expected {what}, found {found}", self.line_at(self.pos)
            )
        self.pos += 1
        return char

    def value(self) -> object:
        """Decode the next JSON value, reading more text until it is complete."""
        self.peek()
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buffer, self.pos)
            except json.JSONDecodeError as exc:
                if self.fill():
                    continue
                raise self.context.error(f"bad JSON: {exc.msg}", self.line_at(exc.pos)) from None
            if end == len(self.buffer) and self.fill():
                continue  # a number at the end of the window may go on in the next chunk
            self.pos = end
            return value


def iter_array_items(file: IO[str], context: ReadContext, key: str) -> Iterator[tuple[int, object]]:
    """Yield ``(line, item)`` for each item of a top-level array, or of ``document[key]``.

    Args:
        file: The text to read.
        context: Where errors name the file and line.
        key: The member of a top-level object that holds the array (other
            members are decoded and discarded).

    Raises:
        EntityMatchError: On a syntax error (with its line), or when the
            document is an object without ``key``.
    """
    reader = _Reader(file, context)
    first = reader.peek()
    if first == "[":
        yield from _items(reader)
    elif first == "{":
        reader.pos += 1
        keys: list[str] = []
        if reader.peek() == "}":
            reader.pos += 1
        else:
            while True:
                name = reader.value()
                if not isinstance(name, str):
                    raise context.error(
                        "bad JSON: object key is not a string", reader.line_at(reader.pos)
                    )
                reader.expect(":", "':'")
                if name == key and reader.peek() == "[":
                    yield from _items(reader)
                    return
                keys.append(name)
                reader.value()
                if reader.expect(",}", "',' or '}'") == "}":
                    break
        raise context.error(f"no {key!r} array in the JSON object; keys found: {keys}", 1)
    else:
        found = repr(first) if first else "an empty file"
        raise context.error(
            f"bad JSON: expected '[' or '{{' to start the document, found {found}", 1
        )


def _items(reader: _Reader) -> Iterator[tuple[int, object]]:
    reader.expect("[", "'['")
    if reader.peek() == "]":
        reader.pos += 1
        return
    while True:
        reader.peek()
        line = reader.line_at(reader.pos)
        yield line, reader.value()
        if reader.expect(",]", "',' or ']'") == "]":
            return
