"""The inbox: incoming messages of every channel, filtered, newest first, in keyset pages.

Keyset paging (``occurred_at, id`` below the last row seen) instead of
OFFSET, so a page is as fast at message 10,000 as at message 1 and a mail
arriving while an agent pages does not shift the next page. Work state
changes live in :mod:`hub.inbox_work`.
"""

from __future__ import annotations

import time

import base64
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import ColumnElement, and_, exists, false, func, or_, select
from sqlalchemy.orm import Session

from hub.clock import utcnow
from hub.models import Channel, Contact, InboxItem, Interaction, InteractionTag, User
from hub.search import matching_interactions

VIEWS = ("all", "unassigned", "mine", "complaints")
SNIPPET_CHARS = 160


@dataclass(frozen=True)
class InboxFilter:
    """What the agent asked to see; every field narrows the list."""

    view: str = "all"
    user_id: int | None = None
    status: str | None = "open"
    channel: str | None = None
    mailbox_id: int | None = None
    intent: str | None = None
    language: str | None = None
    query: str = ""
    include_spam: bool = False


@dataclass(frozen=True)
class InboxRow:
    """One message as the inbox list shows it."""

    interaction_id: int
    thread_id: int | None
    contact_id: int | None
    contact_name: str
    from_address: str
    subject: str
    snippet: str
    occurred_at: datetime
    channel: str
    mailbox: str
    status: str
    priority: str
    assignee_id: int | None
    assignee_name: str
    spam: bool
    tags: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class InboxPage:
    """One page and the cursor of the next (None on the last page)."""

    rows: tuple[InboxRow, ...]
    next_cursor: str | None


def encode_cursor(occurred_at: datetime, interaction_id: int) -> str:
    """An opaque, URL-safe position after the given row."""
    return base64.urlsafe_b64encode(f"{occurred_at.isoformat()}|{interaction_id}".encode()).decode()


def decode_cursor(cursor: str) -> tuple[datetime, int] | None:
    """The position a cursor names, or None when it is not one of ours."""
    try:
        when, _, ident = base64.urlsafe_b64decode(cursor.encode()).decode().partition("|")
        return datetime.fromisoformat(when), int(ident)
    except (ValueError, UnicodeDecodeError):
        return None


def list_inbox(
    session: Session, filters: InboxFilter, *, after: str | None = None, limit: int = 50, now: datetime | None = None
) -> InboxPage:
    """Incoming messages matching ``filters``, newest first; snoozed ones stay hidden until due."""
    now = now or utcnow()
    status = func.coalesce(InboxItem.status, "open")
    statement = (
        select(Interaction, Contact.display_name, Channel.name, InboxItem, User.display_name)
        .outerjoin(Contact, Contact.id == Interaction.contact_id)
        .outerjoin(Channel, Channel.id == Interaction.channel_id)
        .outerjoin(InboxItem, InboxItem.interaction_id == Interaction.id)
        .outerjoin(User, User.id == InboxItem.assignee_id)
        .where(Interaction.direction == "in", *_conditions(session, filters, status, now))
        .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
        .limit(limit + 1)
    )
    position = decode_cursor(after) if after else None
    if position is not None:
        at, ident = position
        statement = statement.where(
            or_(Interaction.occurred_at < at, and_(Interaction.occurred_at == at, Interaction.id < ident))
        )
    found = session.execute(statement).all()
    tags = _tags_of(session, [interaction.id for interaction, *_ in found[:limit]])
    rows = tuple(_row(*columns, tags.get(columns[0].id, ())) for columns in found[:limit])
    last = rows[-1] if rows and len(found) > limit else None
    return InboxPage(rows, encode_cursor(last.occurred_at, last.interaction_id) if last else None)


def _conditions(session: Session, filters: InboxFilter, status, now: datetime) -> list[ColumnElement[bool]]:  # type: ignore[no-untyped-def]
    conditions: list[ColumnElement[bool]] = [or_(InboxItem.snoozed_until.is_(None), InboxItem.snoozed_until <= now)]
    if not filters.include_spam:
        conditions.append(func.coalesce(InboxItem.spam, false()).is_(false()))
    if filters.status:
        conditions.append(status == filters.status)
    if filters.view == "unassigned":
        conditions.append(InboxItem.assignee_id.is_(None))
    elif filters.view == "mine":
        conditions.append(InboxItem.assignee_id == filters.user_id)
    elif filters.view == "complaints":
        conditions.append(_has_tag("complaint"))
    if filters.channel:
        conditions.append(Interaction.channel == filters.channel)
    if filters.mailbox_id:
        conditions.append(Interaction.channel_id == filters.mailbox_id)
    if filters.intent:
        conditions.append(_has_tag(f"intent:{filters.intent}"))
    if filters.language:
        conditions.append(or_(Interaction.lang == filters.language, _has_tag(f"lang:{filters.language}")))
    searched = matching_interactions(session, filters.query)
    if searched is not None:
        conditions.append(searched)
    return conditions


def _has_tag(name: str) -> ColumnElement[bool]:
    return exists().where(InteractionTag.interaction_id == Interaction.id, InteractionTag.name == name)


def _tags_of(session: Session, interaction_ids: list[int]) -> dict[int, tuple[str, ...]]:
    tags: dict[int, list[str]] = {}
    if interaction_ids:
        query = select(InteractionTag.interaction_id, InteractionTag.name).where(
            InteractionTag.interaction_id.in_(interaction_ids)
        )
        for interaction_id, name in session.execute(query.order_by(InteractionTag.name)):
            tags.setdefault(interaction_id, []).append(name)
    return {key: tuple(value) for key, value in tags.items()}


def _row(  # type: ignore[no-untyped-def]
    interaction: Interaction, contact_name, mailbox, item: InboxItem | None, assignee_name, tags: tuple[str, ...]
) -> InboxRow:
    snippet = " ".join((interaction.reply_text or interaction.text or "").split())[:SNIPPET_CHARS]
    return InboxRow(
        interaction_id=interaction.id,
        thread_id=interaction.thread_id,
        contact_id=interaction.contact_id,
        contact_name=contact_name or interaction.from_name or interaction.from_address,
        from_address=interaction.from_address,
        subject=interaction.subject,
        snippet=snippet,
        occurred_at=interaction.occurred_at,
        channel=interaction.channel,
        mailbox=mailbox or "",
        status=item.status if item else "open",
        priority=item.priority if item else "normal",
        assignee_id=item.assignee_id if item else None,
        assignee_name=assignee_name or "",
        spam=bool(item and item.spam),
        tags=tags,
    )


#: The languages the language tagger assigns.
LANGUAGES = ("de", "en", "other")
#: How long the channel list of the filter may be stale: a new channel is rare, a DISTINCT over
#: a million interactions on every inbox page is not (benchmarks/web.py measured ~450 ms).
FACET_CACHE_SECONDS = 60.0
_channel_cache: dict[str, tuple[float, list[str]]] = {}


def inbox_facets(session: Session) -> dict[str, list[str]]:
    """Values the filter controls offer: channels seen so far, the tagger's intents and languages."""
    from nlp.training import INTENTS

    key = session.get_bind().engine.url.render_as_string(hide_password=True)
    cached = _channel_cache.get(key)
    if cached is None or time.monotonic() - cached[0] > FACET_CACHE_SECONDS:
        channels = list(session.scalars(select(Interaction.channel).distinct().order_by(Interaction.channel)))
        cached = _channel_cache[key] = (time.monotonic(), channels)
    return {"intents": sorted(INTENTS), "languages": list(LANGUAGES), "channels": list(cached[1])}


def mailboxes(session: Session) -> list[tuple[int, str]]:
    """Configured mailboxes as (id, name), for the mailbox filter."""
    return [(cid, name) for cid, name in session.execute(select(Channel.id, Channel.name).order_by(Channel.name))]


def assignable_users(session: Session) -> list[tuple[int, str]]:
    """Active users as (id, name), for "assign to someone"."""
    rows = session.execute(select(User.id, User.display_name, User.email).where(User.active.is_(True)).order_by(User.display_name))
    return [(uid, name or email) for uid, name, email in rows]
