"""How the raw store makes bytes durable: fsync per blob for a webhook's few, one sync for a batch."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from hub import rawstore
from hub.rawstore import FileBlobStore


@pytest.fixture
def syncs(monkeypatch):  # type: ignore[no-untyped-def]
    """Record the sync calls instead of waiting for the disk."""
    calls: dict[str, int] = {"fsync": 0, "sync": 0}
    real_fsync = os.fsync

    def counting_fsync(fd: int) -> None:
        calls["fsync"] += 1
        real_fsync(fd)

    monkeypatch.setattr(rawstore.os, "fsync", counting_fsync)
    monkeypatch.setattr(rawstore.os, "sync", lambda: calls.__setitem__("sync", calls["sync"] + 1))
    return calls


def test_a_single_webhook_payload_is_fsynced_with_its_directories_not_the_whole_machine(tmp_path: Path, syncs) -> None:
    store = FileBlobStore(tmp_path / "raw")
    [key] = store.put_many([b"one SMS"])
    assert store.get(key) == b"one SMS"
    assert syncs["sync"] == 0
    # the file, its directory, and the two fan-out directories created for it (entries in their parents)
    assert syncs["fsync"] == 4
    syncs["fsync"] = 0
    [again] = store.put_many([b"one SMS"])  # already stored: nothing to write or sync
    assert again == key and syncs["fsync"] == 0


def test_a_batch_is_made_durable_with_one_sync(tmp_path: Path, syncs) -> None:
    store = FileBlobStore(tmp_path / "raw")
    blobs = [f"mail {number}".encode() for number in range(rawstore.FSYNC_EACH_UP_TO + 1)]
    keys = store.put_many(blobs)
    assert [store.get(key) for key in keys] == blobs
    assert syncs == {"fsync": 0, "sync": 1}


def test_without_fsync_nothing_is_synced(tmp_path: Path, syncs) -> None:
    store = FileBlobStore(tmp_path / "raw", fsync=False)
    store.put_many([b"a", b"b"])
    assert syncs == {"fsync": 0, "sync": 0}
