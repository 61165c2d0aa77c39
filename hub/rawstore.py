"""Content-addressed storage of raw message and attachment bytes.

Bytes are written to a temporary file, fsynced and renamed into place under
their SHA-256, so a crash leaves either the whole file or nothing, and
writing the same content twice is a no-op.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Protocol


#: Up to this many blobs per call are fsynced one by one; more get one machine-wide ``sync``.
FSYNC_EACH_UP_TO = 4


def _fsync_directory(path: Path) -> None:
    """Make the directory's entries (a rename, a new subdirectory) durable."""
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sha256_hex(data: bytes) -> str:
    """The store key of ``data``."""
    return hashlib.sha256(data).hexdigest()


class BlobStore(Protocol):
    """The small interface the hub needs from a byte store."""

    def put(self, data: bytes) -> str:
        """Store ``data`` durably and return its SHA-256 hex key."""

    def get(self, key: str) -> bytes:
        """Return the bytes stored under ``key`` (``KeyError`` if absent)."""

    def exists(self, key: str) -> bool:
        """Whether ``key`` is stored."""

    def delete(self, key: str) -> None:
        """Remove ``key`` if present (used by erasure, never by ingest)."""


class FileBlobStore:
    """A :class:`BlobStore` on the local file system, fanned out by key prefix."""

    def __init__(self, root: Path, *, fsync: bool = True) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self._fsync = fsync

    def path_for(self, key: str) -> Path:
        """Where the bytes of ``key`` live: ``ab/cd/abcdef…``."""
        if len(key) != 64 or not all(c in "0123456789abcdef" for c in key):
            raise ValueError(f"not a sha256 hex key: {key!r}")
        return self.root / key[:2] / key[2:4] / key

    def put(self, data: bytes) -> str:
        return self._write(data, durable=self._fsync)

    def _write(self, data: bytes, *, durable: bool) -> str:
        key = sha256_hex(data)
        target = self.path_for(key)
        if target.exists():
            return key
        new_dirs = [d for d in (target.parent.parent, target.parent) if not d.exists()]
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                if durable:
                    handle.flush()
                    os.fsync(handle.fileno())
            os.replace(tmp_name, target)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
        if durable:
            # The rename and any new fan-out directory are entries of their
            # parent directories: those must reach the disk too.
            for directory in [target.parent, *(d.parent for d in new_dirs)]:
                _fsync_directory(directory)
        return key

    def put_many(self, blobs: list[bytes]) -> list[str]:
        """Store several blobs durably, choosing the cheaper way to sync them.

        An fsync per mail would dominate a batch import; one ``sync`` per batch
        gives the same guarantee before the caller commits the rows that name
        them. A webhook stores one or two blobs per request, though, and a
        machine-wide ``sync`` would also flush everything else's dirty pages
        (the database's among them): a few blobs are fsynced one by one.
        """
        if self._fsync and len(blobs) <= FSYNC_EACH_UP_TO:
            return [self._write(blob, durable=True) for blob in blobs]
        keys = [self._write(blob, durable=False) for blob in blobs]
        if self._fsync and keys:
            os.sync()
        return keys

    def get(self, key: str) -> bytes:
        try:
            return self.path_for(key).read_bytes()
        except FileNotFoundError:
            raise KeyError(key) from None

    def exists(self, key: str) -> bool:
        return self.path_for(key).exists()

    def delete(self, key: str) -> None:
        self.path_for(key).unlink(missing_ok=True)
