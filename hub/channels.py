"""Channels and folder cursors: where messages come from and how far we got."""

from __future__ import annotations

from sqlalchemy import case, select, update
from sqlalchemy.orm import Session

from hub.clock import utcnow
from hub.models import Channel, FolderCursor
from hub.sql import insert_ignore


def ensure_channel(session: Session, *, kind: str, name: str, address: str | None = None, config: dict | None = None) -> int:
    """The id of the channel called ``name``, creating it on first use."""
    insert_ignore(
        session,
        Channel.__table__,
        [{"kind": kind, "name": name, "address": address, "config": config or {}, "created_at": utcnow()}],
        ["name"],
    )
    channel = session.scalars(select(Channel).where(Channel.name == name)).one()
    if address is not None and channel.address != address:
        channel.address = address
    if config is not None and channel.config != config:
        channel.config = config
    return channel.id


def own_addresses(session: Session) -> frozenset[str]:
    """Addresses of all our mailboxes: mail from them is outgoing history."""
    rows = session.scalars(select(Channel.address).where(Channel.address.is_not(None)))
    return frozenset(address.lower() for address in rows if address)


def get_cursor(session: Session, channel_id: int, folder: str) -> FolderCursor:
    """The folder's cursor row, created at UID 0 when the folder is new to us."""
    insert_ignore(
        session,
        FolderCursor.__table__,
        [{"channel_id": channel_id, "folder": folder, "uidvalidity": None, "last_uid": 0, "updated_at": utcnow()}],
        ["channel_id", "folder"],
    )
    return session.scalars(
        select(FolderCursor).where(FolderCursor.channel_id == channel_id, FolderCursor.folder == folder)
    ).one()


def advance_cursor(session: Session, cursor_id: int, uidvalidity: int, last_uid: int) -> None:
    """Move a cursor forward, never back: two syncers on one folder cannot rewind it.

    A different UIDVALIDITY replaces the old one outright (the folder was
    rebuilt, so its old UIDs mean nothing).
    """
    table = FolderCursor.__table__
    session.execute(
        update(table)
        .where(table.c.id == cursor_id)
        .values(
            last_uid=case(
                (table.c.uidvalidity.is_distinct_from(uidvalidity), last_uid),
                (table.c.last_uid < last_uid, last_uid),
                else_=table.c.last_uid,
            ),
            uidvalidity=uidvalidity,
            updated_at=utcnow(),
        )
    )
