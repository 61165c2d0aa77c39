"""Read models for the timeline pages: contacts by activity, a contact's history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, defer

from hub.models import Attachment, Contact, ContactIdentity, Interaction, InteractionTag, PipelineDecision


@dataclass(frozen=True)
class ContactSummary:
    """One row of the contact list."""

    contact_id: int
    display_name: str
    interactions: int
    last_activity: datetime | None


@dataclass(frozen=True)
class TimelineEntry:
    """One interaction as the timeline shows it."""

    interaction_id: int
    channel: str
    direction: str
    subject: str
    snippet: str
    occurred_at: datetime
    thread_id: int | None
    tags: tuple[str, ...]


@dataclass(frozen=True)
class ContactTimeline:
    """A contact with identities and one page of history, newest first."""

    contact_id: int
    display_name: str
    identities: tuple[tuple[str, str], ...]
    entries: tuple[TimelineEntry, ...]
    total: int
    page: int
    per_page: int


def contacts_by_activity(session: Session, page: int = 1, per_page: int = 50) -> list[ContactSummary]:
    """Contacts with their interaction count, most recently active first."""
    last = func.max(Interaction.occurred_at)
    rows = session.execute(
        select(Contact.id, Contact.display_name, func.count(Interaction.id), last)
        .join(Interaction, Interaction.contact_id == Contact.id)
        .group_by(Contact.id, Contact.display_name)
        .order_by(last.desc(), Contact.id)
        .limit(per_page)
        .offset((page - 1) * per_page)
    )
    return [ContactSummary(cid, name, count, when) for cid, name, count, when in rows]


def contact_timeline(session: Session, contact_id: int, page: int = 1, per_page: int = 50) -> ContactTimeline | None:
    """The contact's interactions on every channel, newest first, one page."""
    contact = session.get(Contact, contact_id)
    if contact is None:
        return None
    total = session.scalar(select(func.count()).where(Interaction.contact_id == contact_id)) or 0
    interactions = list(
        session.scalars(
            select(Interaction)
            # The list shows a snippet, never the HTML: not loading it spares fetching it out of line.
            .options(defer(Interaction.html), defer(Interaction.participants))
            .where(Interaction.contact_id == contact_id)
            .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
            .limit(per_page)
            .offset((page - 1) * per_page)
        )
    )
    tags = _tags_of(session, [i.id for i in interactions])
    entries = tuple(
        TimelineEntry(
            i.id, i.channel, i.direction, i.subject or "(no subject)", _snippet(i.reply_text if i.reply_text is not None else i.text),
            i.occurred_at, i.thread_id, tags.get(i.id, ())
        )
        for i in interactions
    )
    identities = tuple(
        tuple(row)
        for row in session.execute(
            select(ContactIdentity.kind, ContactIdentity.value).where(ContactIdentity.contact_id == contact_id).order_by(ContactIdentity.id)
        )
    )
    return ContactTimeline(contact.id, contact.display_name, identities, entries, total, page, per_page)


@dataclass(frozen=True)
class InteractionDetail:
    """One interaction with the reasons behind every pipeline decision."""

    interaction: Interaction
    decisions: tuple[tuple[str, str, str], ...]
    tags: tuple[tuple[str, float, str], ...]
    attachments: tuple[tuple[int, str, str, int], ...]
    thread: tuple[tuple[int, str, str, datetime], ...]


def interaction_detail(session: Session, interaction_id: int) -> InteractionDetail | None:
    """Everything the message page shows."""
    interaction = session.get(Interaction, interaction_id)
    if interaction is None:
        return None
    decisions = tuple(
        tuple(row)
        for row in session.execute(
            select(PipelineDecision.stage, PipelineDecision.decision, PipelineDecision.reason)
            .where(PipelineDecision.interaction_id == interaction_id)
            .order_by(PipelineDecision.id)
        )
    )
    tags = tuple(
        tuple(row)
        for row in session.execute(
            select(InteractionTag.name, InteractionTag.score, InteractionTag.reason).where(InteractionTag.interaction_id == interaction_id).order_by(InteractionTag.name)
        )
    )
    attachments = tuple(
        tuple(row)
        for row in session.execute(
            select(Attachment.id, Attachment.filename, Attachment.content_type, Attachment.size).where(Attachment.interaction_id == interaction_id).order_by(Attachment.position)
        )
    )
    thread = ()
    if interaction.thread_id is not None:
        thread = tuple(
            tuple(row)
            for row in session.execute(
                select(Interaction.id, Interaction.direction, Interaction.subject, Interaction.occurred_at)
                .where(Interaction.thread_id == interaction.thread_id)
                .order_by(Interaction.occurred_at, Interaction.id)
            )
        )
    return InteractionDetail(interaction, decisions, tags, attachments, thread)


def _tags_of(session: Session, interaction_ids: list[int]) -> dict[int, tuple[str, ...]]:
    found: dict[int, list[str]] = {}
    if interaction_ids:
        rows = session.execute(select(InteractionTag.interaction_id, InteractionTag.name).where(InteractionTag.interaction_id.in_(interaction_ids)))
        for iid, name in rows:
            found.setdefault(iid, []).append(name)
    return {iid: tuple(sorted(names)) for iid, names in found.items()}


def _snippet(text: str, length: int = 180) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= length else flat[: length - 1] + "…"
