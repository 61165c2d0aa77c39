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
from typing import Any

from sqlalchemy import ColumnElement, Row, exists, false, func, or_, select, tuple_
from sqlalchemy.orm import Session, defer

from hub.clock import utcnow
from hub.models import Channel, Contact, InboxItem, Interaction, InteractionTag, User
from hub.page_queries import index_walk, page_query
from hub.search import matching_interactions, search_terms

VIEWS = ("all", "unassigned", "mine", "complaints")
SNIPPET_CHARS = 160
#: Characters of the body read for a snippet: room for the whitespace the snippet collapses.
SNIPPET_SOURCE_CHARS = 2000
#: A search walks this many of the newest messages (below the cursor) before it asks the full-text
#: index for older matches: a few milliseconds, and a page for any common word. See :func:`_search_page`.
SEARCH_WALK_ROWS = 2000


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
    conditions = [Interaction.direction == "in", *_conditions(session, filters, now)]
    position = decode_cursor(after) if after else None
    if position is not None:
        # A row comparison, not "a < t OR (a = t AND id < i)": both databases turn it into a range
        # on (direction, occurred_at, id) and start the walk at the cursor instead of at the top.
        conditions.append(tuple_(Interaction.occurred_at, Interaction.id) < position)
    with page_query(session):
        if search_terms(filters.query):
            found = _search_page(session, conditions, limit + 1, position)
        else:
            found = _page(session, conditions, limit + 1)
    tags = _tags_of(session, [interaction.id for interaction, *_ in found[:limit]])
    rows = tuple(_row(*columns, tags.get(columns[0].id, ())) for columns in found[:limit])
    last = rows[-1] if rows and len(found) > limit else None
    return InboxPage(rows, encode_cursor(last.occurred_at, last.interaction_id) if last else None)


def _page(session: Session, conditions: list[ColumnElement[bool]], count: int) -> list[Row[Any]]:
    """The first ``count`` rows in inbox order, in two steps of one statement.

    The inner query finds the ids from narrow rows only (the (direction, occurred_at, id) index, the
    work state, tag probes), so PostgreSQL walks the inbox newest first and stops after a page; the
    outer query then reads the full rows of just those.
    """
    page = (
        select(Interaction.id)
        .outerjoin(InboxItem, InboxItem.interaction_id == Interaction.id)
        .where(*conditions)
        .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
        .limit(count)
        .subquery("page")
    )
    statement = (
        select(Interaction, Contact.display_name, Channel.name, InboxItem, User.display_name, _snippet_source())
        .options(defer(Interaction.text), defer(Interaction.reply_text), defer(Interaction.html), defer(Interaction.participants))
        .select_from(page)
        .join(Interaction, Interaction.id == page.c.id)
        .outerjoin(Contact, Contact.id == Interaction.contact_id)
        .outerjoin(Channel, Channel.id == Interaction.channel_id)
        .outerjoin(InboxItem, InboxItem.interaction_id == Interaction.id)
        .outerjoin(User, User.id == InboxItem.assignee_id)
        .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
    )
    return list(session.execute(statement).all())


def _search_page(
    session: Session, conditions: list[ColumnElement[bool]], count: int, position: tuple[datetime, int] | None
) -> list[Row[Any]]:
    """Search results: walk the newest messages first, ask the full-text index only for the rest.

    Neither plan of a single query fits every search: walking the inbox newest first is fast for a
    common word and hopeless for a rare one; collecting every match from the full-text index is fast
    for a rare word and reads tens of thousands of rows for a common one, and the planner, which
    underestimates pairs of words that occur together, often picked it wrongly (benchmarks/web.py).
    So the newest ``SEARCH_WALK_ROWS`` messages below the cursor are walked in index order (a fixed,
    small cost that fills the page when the words are common), and only the older rest goes to the
    planner's choice. The two parts are consecutive in inbox order, so the rows found are exactly
    the first ``count`` of the whole list.
    """
    window = select(Interaction.occurred_at, Interaction.id).where(Interaction.direction == "in")
    if position is not None:
        window = window.where(tuple_(Interaction.occurred_at, Interaction.id) < position)
    boundary = session.execute(
        window.order_by(Interaction.occurred_at.desc(), Interaction.id.desc()).offset(SEARCH_WALK_ROWS - 1).limit(1)
    ).first()
    if boundary is None:  # fewer messages than the window: the walk covers them all
        with index_walk(session):
            return _page(session, conditions, count)
    key, edge = tuple_(Interaction.occurred_at, Interaction.id), tuple(boundary)
    with index_walk(session):
        found = _page(session, [*conditions, key >= edge], count)
    if len(found) < count:
        found += _page(session, [*conditions, key < edge], count - len(found))
    return found


def _conditions(session: Session, filters: InboxFilter, now: datetime) -> list[ColumnElement[bool]]:
    # A message without a work-state row is open, unassigned, not spam and not snoozed. Spelt
    # "column = value OR no row" rather than coalesce(column, default): the planner estimates the
    # former from the column's statistics, the latter as a blind guess that made it avoid the walk.
    no_row = InboxItem.interaction_id.is_(None)
    conditions: list[ColumnElement[bool]] = [or_(InboxItem.snoozed_until.is_(None), InboxItem.snoozed_until <= now)]
    if not filters.include_spam:
        conditions.append(or_(no_row, InboxItem.spam == false()))
    if filters.status:
        conditions.append(or_(no_row, InboxItem.status == filters.status) if filters.status == "open" else InboxItem.status == filters.status)
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


def _snippet_source() -> ColumnElement[str]:
    # Only the start of what the sender wrote: the list never loads whole bodies or HTML, which
    # PostgreSQL keeps out of line (TOAST) and had to fetch and send for every row of a page.
    body = func.coalesce(func.nullif(Interaction.reply_text, ""), Interaction.text, "")
    return func.substr(body, 1, SNIPPET_SOURCE_CHARS)


def _row(  # type: ignore[no-untyped-def]
    interaction: Interaction, contact_name, mailbox, item: InboxItem | None, assignee_name, snippet_source, tags: tuple[str, ...]
) -> InboxRow:
    snippet = " ".join((snippet_source or "").split())[:SNIPPET_CHARS]
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
