"""Read mail files for history backfill: .eml files, folders, mbox, Maildir.

Yields the raw bytes exactly as stored on disk (mbox messages as mailbox.mbox
returns them, without the ``From `` separator line), with a reference to
where each came from. Nothing here parses a mail.
"""

from __future__ import annotations

import mailbox
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

#: Files in a directory import that are never mail (expected outputs of test corpora, notes).
SKIPPED_SUFFIXES = frozenset({".json", ".yml", ".yaml", ".md", ".tsv", ".py", ".html", ".htm", ".png", ".jpg", ".gif", ".pdf"})
MAX_MAIL_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class SourceMail:
    """One mail read from a file source."""

    data: bytes
    source_ref: str
    folder: str = ""


def iter_source(path: Path) -> Iterator[SourceMail]:
    """All mails below ``path``, whatever kind of source it is."""
    path = Path(path)
    if path.is_dir():
        if is_maildir(path):
            yield from _iter_maildir(path)
        else:
            yield from _iter_directory(path)
    elif is_mbox(path):
        yield from _iter_mbox(path)
    else:
        yield SourceMail(path.read_bytes(), str(path))


def count_source(path: Path) -> int | None:
    """How many files a source has (for a progress bar); None when unknown without reading."""
    path = Path(path)
    if path.is_dir():
        return sum(1 for _ in _mail_files(path)) if not is_maildir(path) else None
    return None if is_mbox(path) else 1


def is_maildir(path: Path) -> bool:
    """A Maildir has ``cur`` and ``new`` subfolders."""
    return (path / "cur").is_dir() and (path / "new").is_dir()


def is_mbox(path: Path) -> bool:
    """An mbox file starts with a ``From `` line and holds one or more mails."""
    if path.suffix.lower() in (".mbox", ".mbx"):
        return True
    with path.open("rb") as handle:
        head = handle.read(5)
    return head == b"From " and path.suffix.lower() not in (".eml", ".box", ".txt", ".msg")


def _iter_directory(root: Path) -> Iterator[SourceMail]:
    for file in _mail_files(root):
        yield SourceMail(file.read_bytes(), str(file))


def _mail_files(root: Path) -> Iterator[Path]:
    for file in sorted(root.rglob("*")):
        if not file.is_file() or any(part.startswith(".") for part in file.relative_to(root).parts):
            continue
        if file.suffix.lower() in SKIPPED_SUFFIXES or file.stat().st_size > MAX_MAIL_BYTES:
            continue
        yield file


def _iter_mbox(path: Path) -> Iterator[SourceMail]:
    box = mailbox.mbox(str(path), create=False)
    try:
        for key in box.iterkeys():
            yield SourceMail(box.get_bytes(key), f"{path}#{key}")
    finally:
        box.close()


def _iter_maildir(path: Path) -> Iterator[SourceMail]:
    for sub in ("new", "cur"):
        for file in sorted((path / sub).iterdir()):
            if file.is_file() and not file.name.startswith("."):
                yield SourceMail(file.read_bytes(), str(file))
