"""A file of named arrays: safe, versioned, memory-mappable.

A saved matcher is a single file::

    magic (8 bytes) | header length (8, little-endian) | header (JSON, ASCII)
    | padding to 64 | array 0 | padding | array 1 | ...

The header names each array with its dtype, shape and offset, and carries the
format version, JSON metadata and a CRC-32 of the data. Loading reads the
header, checks it against the file and the data against the checksum, and
maps each array read-only: nothing is executed and nothing is unpickled, so a
file from anywhere is safe to open, and processes that map the same file
share its pages.
"""

from __future__ import annotations

import io
import json
import mmap
import os
import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO, Any

import numpy as np
import numpy.typing as npt

from entitymatch.errors import EntityMatchError

__all__ = ["FORMAT_VERSION", "MAGIC", "dump_arrays", "is_saved", "read_arrays", "write_arrays"]

MAGIC = b"EMATCHv1"
"""The first eight bytes of every saved matcher."""
FORMAT_VERSION = 2
"""Version of the container layout; a reader refuses versions it does not know."""
_ALIGN = 64
_DTYPES = frozenset({"uint8", "int32", "int64", "uint32", "uint64", "float32", "float64"})


def _padding(offset: int) -> int:
    return -offset % _ALIGN


def _data(
    arrays: Mapping[str, npt.NDArray[Any]], offsets: Mapping[str, int]
) -> Iterator[memoryview | bytes]:
    """The data section, piece by piece: each array after its padding."""
    position = 0
    for name, array in arrays.items():
        yield b"\0" * (offsets[name] - position)
        yield np.ascontiguousarray(array).data.cast("B")
        position = offsets[name] + array.nbytes


def _write(
    handle: IO[bytes], arrays: Mapping[str, npt.NDArray[Any]], meta: Mapping[str, Any]
) -> int:
    entries: dict[str, dict[str, Any]] = {}
    offsets: dict[str, int] = {}
    offset = 0
    for name, array in arrays.items():
        if array.dtype.name not in _DTYPES:
            raise TypeError(f"array {name!r}: dtype {array.dtype} is not stored")
        offset += _padding(offset)
        offsets[name] = offset
        entries[name] = {"dtype": array.dtype.name, "shape": list(array.shape), "offset": offset}
        offset += array.nbytes
    checksum = 0
    for piece in _data(arrays, offsets):
        checksum = zlib.crc32(piece, checksum)
    header = json.dumps(
        {
            "format": FORMAT_VERSION,
            "arrays": entries,
            "meta": dict(meta),
            "data_size": offset,
            "crc32": checksum,
        },
        ensure_ascii=True,
        separators=(",", ":"),
    ).encode("ascii")
    start = len(MAGIC) + 8 + len(header)
    handle.write(MAGIC)
    handle.write(len(header).to_bytes(8, "little"))
    handle.write(header)
    handle.write(b"\0" * _padding(start))
    for piece in _data(arrays, offsets):
        handle.write(piece)
    return start + _padding(start) + offset


def write_arrays(
    path: str | os.PathLike[str], arrays: Mapping[str, npt.NDArray[Any]], meta: Mapping[str, Any]
) -> int:
    """Write arrays and metadata to ``path`` atomically; return the file size.

    The file is written beside ``path`` and renamed over it at the end, so a
    crash never leaves a half-written file.
    """
    target = Path(path)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("wb") as handle:
            size = _write(handle, arrays, meta)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    return size


def dump_arrays(arrays: Mapping[str, npt.NDArray[Any]], meta: Mapping[str, Any]) -> bytes:
    """The bytes :func:`write_arrays` would write."""
    buffer = io.BytesIO()
    _write(buffer, arrays, meta)
    return buffer.getvalue()


def is_saved(path: str | os.PathLike[str]) -> bool:
    """Whether the file starts like a saved matcher (read it with ``Matcher.load``)."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def read_arrays(
    source: str | os.PathLike[str] | bytes,
) -> tuple[dict[str, npt.NDArray[Any]], dict[str, Any]]:
    """Map the arrays of a saved file (or read them from bytes), with its metadata.

    Raises:
        EntityMatchError: The file is not an entitymatch file, is of an unknown
            version, or is truncated or corrupt; the message names the file.
    """
    where = "<bytes>" if isinstance(source, bytes) else os.fspath(source)
    buffer: bytes | mmap.mmap
    if isinstance(source, bytes):
        buffer = source
    else:
        try:
            with open(source, "rb") as handle:
                if os.fstat(handle.fileno()).st_size < len(MAGIC) + 8:
                    raise EntityMatchError("not an entitymatch matcher: file too short", path=where)
                buffer = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        except OSError as error:
            raise EntityMatchError(f"cannot read matcher: {error}", path=where) from error
    if len(buffer) < len(MAGIC) + 8 or buffer[: len(MAGIC)] != MAGIC:
        raise EntityMatchError(f"not an entitymatch matcher (expected magic {MAGIC!r})", path=where)
    length = int.from_bytes(buffer[len(MAGIC) : len(MAGIC) + 8], "little")
    end = len(MAGIC) + 8 + length
    if length <= 0 or end > len(buffer):
        raise EntityMatchError("corrupt matcher: header runs past the end", path=where)
    try:
        header = json.loads(bytes(buffer[len(MAGIC) + 8 : end]).decode("ascii"))
        version = header["format"]
        if version != FORMAT_VERSION:  # before anything a version may lay out otherwise
            raise EntityMatchError(
                f"matcher format version {version!r}; this entitymatch reads {FORMAT_VERSION} "
                "(compile the matcher again)",
                path=where,
            )
        entries = header["arrays"]
        data_size = int(header["data_size"])
        checksum = int(header["crc32"])
        meta = header.get("meta", {})
        if not isinstance(entries, dict) or not isinstance(meta, dict):
            raise TypeError("arrays and meta must be objects")
    except (ValueError, KeyError, TypeError, UnicodeDecodeError) as error:
        raise EntityMatchError(f"corrupt matcher: bad header ({error})", path=where) from error
    start = end + _padding(end)
    if data_size < 0 or start + data_size > len(buffer):
        raise EntityMatchError(
            f"corrupt matcher: {len(buffer)} bytes, the header describes {start + data_size}",
            path=where,
        )
    if zlib.crc32(memoryview(buffer)[start : start + data_size]) != checksum:
        raise EntityMatchError(
            "corrupt matcher: the data does not match its checksum (damaged or altered)",
            path=where,
        )
    arrays: dict[str, npt.NDArray[Any]] = {}
    for name, entry in entries.items():
        try:
            if entry["dtype"] not in _DTYPES:
                raise ValueError(f"dtype {entry['dtype']!r}")
            dtype = np.dtype(entry["dtype"])
            shape = tuple(int(n) for n in entry["shape"])
            offset = int(entry["offset"])
            if any(n < 0 for n in shape) or offset < 0:
                raise ValueError("negative shape or offset")
        except (KeyError, TypeError, ValueError) as error:
            raise EntityMatchError(
                f"corrupt matcher: array {name!r} ({error})", path=where
            ) from error
        count = int(np.prod(shape, dtype=np.int64))
        if offset + count * dtype.itemsize > data_size:
            raise EntityMatchError(f"corrupt matcher: array {name!r} out of bounds", path=where)
        array = np.frombuffer(buffer, dtype=dtype, count=count, offset=start + offset)
        arrays[name] = array.reshape(shape)
    return arrays, meta
