"""Writing a zip while it downloads, from rows read a chunk at a time.

Nothing here holds a whole export in memory: querysets are read with .iterator(), each
file in the zip is written as its rows arrive, and what zipfile has written so far is
handed to the response and forgotten. zipfile can write to a stream it cannot seek (it
then puts each file's sizes after the file), which is what a response is.
"""

import io
import zipfile
from collections.abc import Callable, Iterable, Iterator
from typing import Any

CHUNK_ROWS = 500  # rows fetched from the database at a time
FLUSH_BYTES = 64 * 1024  # hand the response a piece once this much is waiting


class _Pipe(io.RawIOBase):
    """What zipfile writes into; the response takes out what is there so far. It cannot
    seek or tell, so zipfile writes the way it does for any stream."""

    def __init__(self) -> None:
        self._pieces: list[bytes] = []
        self.waiting = 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        self._pieces.append(bytes(data))
        self.waiting += len(data)
        return len(data)

    def take(self) -> bytes:
        data = b"".join(self._pieces)
        self._pieces.clear()
        self.waiting = 0
        return data


def stream_zip(files: Iterable[tuple[str, Iterable[str]]]) -> Iterator[bytes]:
    """A zip of (name, pieces of text) pairs, as bytes to send while it is being made."""
    pipe = _Pipe()
    with zipfile.ZipFile(pipe, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, pieces in files:
            with archive.open(name, "w") as member:
                for piece in pieces:
                    member.write(piece.encode())
                    if pipe.waiting >= FLUSH_BYTES:
                        yield pipe.take()
            if pipe.waiting >= FLUSH_BYTES:
                yield pipe.take()
    yield pipe.take()


class Grouped:
    """Child rows read in the same order as their parents, handed out one parent at a time.

    Rounds ordered by application, read beside applications in the same order, give each
    application its rounds with one query for all of them, not one per application.
    """

    _END = object()

    def __init__(self, rows: Iterator[Any], key: Callable[[Any], Any]) -> None:
        self._rows = rows
        self._key = key
        self._head = next(rows, self._END)

    def take(self, parent_key) -> list:
        taken = []
        while self._head is not self._END and self._key(self._head) == parent_key:
            taken.append(self._head)
            self._head = next(self._rows, self._END)
        return taken
