"""Read side of the REST API: interactions and contacts as plain dicts, keyset-paginated.

Pages are cut by ``(occurred_at, id)`` newest first, so a page is one index
range scan however deep the client pages, and new messages arriving while it
pages neither repeat nor skip entries. The cursor is ``<microseconds since
epoch>-<id>`` of the last entry served: opaque to clients, but any string of
that shape is a valid position, so a hand-made cursor cannot cause an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from hub.models import Company, Contact, ContactIdentity, Interaction, InteractionTag

CURSOR_PATTERN = r"^[0-9]{1,20}-[0-9]{1,19}$"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_LATEST = datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)
#: Interaction ids are 32-bit INTEGER columns: a larger id in a cursor means "after everything", and is
#: clamped so PostgreSQL never sees an out-of-range parameter.
_MAX_ID = 2**31 - 1


class BadCursor(ValueError):
    """A cursor not of the documented shape."""


def encode_cursor(occurred_at: datetime, interaction_id: int) -> str:
    """The cursor after an entry."""
    micros = (occurred_at - _EPOCH) // timedelta(microseconds=1)
    return f"{max(0, micros)}-{interaction_id}"


def decode_cursor(cursor: str) -> tuple[datetime, int]:
    """``(occurred_at, id)`` of a cursor; out-of-range numbers are clamped, not refused."""
    if not re.fullmatch(CURSOR_PATTERN.strip("^$"), cursor):
        raise BadCursor("cursor must be the next_cursor of an earlier page")
    micros_text, id_text = cursor.split("-")
    try:
        occurred_at = _EPOCH + timedelta(microseconds=int(micros_text))
    except OverflowError:
        occurred_at = _LATEST
    return min(occurred_at, _LATEST), min(int(id_text), _MAX_ID)


@dataclass(frozen=True)
class InteractionFilter:
    """What ``GET /api/v1/interactions`` may filter by (all optional)."""

    contact_id: int | None = None
    channel: str | None = None
    direction: str | None = None
    since: datetime | None = None
    until: datetime | None = None


def interaction_page(session: Session, where: InteractionFilter, *, limit: int, cursor: str | None) -> tuple[list[dict[str, Any]], str | None]:
    """One page of interactions newest first, and the cursor of the next page (None at the end)."""
    query = select(Interaction)
    if where.contact_id is not None:
        query = query.where(Interaction.contact_id == where.contact_id)
    if where.channel:
        query = query.where(Interaction.channel == where.channel)
    if where.direction:
        query = query.where(Interaction.direction == where.direction)
    if where.since is not None:
        query = query.where(Interaction.occurred_at >= where.since)
    if where.until is not None:
        query = query.where(Interaction.occurred_at < where.until)
    if cursor:
        after_time, after_id = decode_cursor(cursor)
        query = query.where(
            or_(Interaction.occurred_at < after_time, and_(Interaction.occurred_at == after_time, Interaction.id < after_id))
        )
    rows = list(session.scalars(query.order_by(Interaction.occurred_at.desc(), Interaction.id.desc()).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    tags = _tags(session, [row.id for row in rows])
    items = [interaction_dict(row, tags.get(row.id, [])) for row in rows]
    next_cursor = encode_cursor(rows[-1].occurred_at, rows[-1].id) if more and rows else None
    return items, next_cursor


def interaction_by_id(session: Session, interaction_id: int) -> dict[str, Any] | None:
    """One interaction as the API shows it."""
    row = session.get(Interaction, interaction_id)
    if row is None:
        return None
    return interaction_dict(row, _tags(session, [row.id]).get(row.id, []))


def interaction_dict(row: Interaction, tags: list[str]) -> dict[str, Any]:
    """The API's shape of an interaction (see the ``Interaction`` schema in web/api/openapi.py)."""
    return {
        "id": row.id,
        "channel": row.channel,
        "channel_message_id": row.channel_message_id,
        "direction": row.direction,
        "contact_id": row.contact_id,
        "thread_id": row.thread_id,
        "subject": row.subject or "",
        "from_address": row.from_address or "",
        "from_name": row.from_name or "",
        "text": row.reply_text if row.reply_text is not None else (row.text or ""),
        "occurred_at": _iso(row.occurred_at),
        "received_at": _iso(row.received_at),
        "raw_message_id": row.raw_message_id,
        "tags": tags,
    }


def contact_dict(session: Session, contact_id: int, *, limit: int, cursor: str | None) -> dict[str, Any] | None:
    """A contact with identities, company and one page of its timeline."""
    contact = session.get(Contact, contact_id)
    if contact is None:
        return None
    identities = session.execute(
        select(ContactIdentity.kind, ContactIdentity.value).where(ContactIdentity.contact_id == contact_id).order_by(ContactIdentity.id)
    )
    company = session.get(Company, contact.company_id) if contact.company_id else None
    items, next_cursor = interaction_page(session, InteractionFilter(contact_id=contact_id), limit=limit, cursor=cursor)
    return {
        "id": contact.id,
        "display_name": contact.display_name,
        "created_at": _iso(contact.created_at),
        "merged_into_id": contact.merged_into_id,
        "company": {"id": company.id, "name": company.name} if company else None,
        "identities": [{"kind": kind, "value": value} for kind, value in identities],
        "timeline": {"items": items, "next_cursor": next_cursor},
    }


def _tags(session: Session, interaction_ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    if not interaction_ids:
        return found
    rows = session.execute(
        select(InteractionTag.interaction_id, InteractionTag.name).where(InteractionTag.interaction_id.in_(interaction_ids)).order_by(InteractionTag.name)
    )
    for interaction_id, name in rows:
        found.setdefault(interaction_id, []).append(name)
    return found


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


__all__ = ["BadCursor", "InteractionFilter", "contact_dict", "decode_cursor", "encode_cursor", "interaction_by_id", "interaction_dict", "interaction_page"]
