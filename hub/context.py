"""The customer beside a message: one read model for the message page's context panel.

An agent answering a message should not have to open three pages to learn
who wrote it, why the hub thinks so, what else this customer has said and
what is still open. :func:`message_context` gathers that in a fixed, small
number of queries (the history reuses :func:`hub.timeline.contact_timeline`)
and returns plain values, so the template does no database work.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from hub.complaints import SEVERITY_PREFIX, ComplaintRow, open_complaints
from hub.inbox_work import Note, notes_of
from hub.models import Company, Contact, ContactIdentity, ContactSuggestion, Interaction, InteractionTag, PipelineDecision
from hub.models.suggestions import SUGGESTION_OPEN
from hub.timeline import ContactTimeline, contact_timeline

HISTORY_PER_PAGE = 10


@dataclass(frozen=True)
class Decision:
    """A contact suggestion or an agent's decision about whom the message is from."""

    suggestion_id: int
    contact_id: int
    contact_name: str
    reason: str
    score: float
    status: str
    decided_by: str | None
    decided_at: datetime | None


@dataclass(frozen=True)
class CurrentTags:
    """The message's intent/complaint tags as the correction form pre-fills them."""

    intent: str | None
    complaint: bool
    severity: str | None
    tagger: str


@dataclass(frozen=True)
class MessageContext:
    """Everything the context panel shows for one message."""

    interaction_id: int
    contact_id: int | None
    contact_name: str
    company_name: str | None
    company_domain: str | None
    identities: tuple[tuple[str, str], ...]
    match_decision: str
    match_reason: str
    open_suggestions: tuple[Decision, ...]
    decisions: tuple[Decision, ...]
    history: ContactTimeline | None
    open_complaints: tuple[ComplaintRow, ...]
    notes: tuple[Note, ...]
    tags: CurrentTags


def message_context(session: Session, interaction_id: int, history_page: int = 1) -> MessageContext | None:
    """The context of one message; None when the message does not exist."""
    interaction = session.get(Interaction, interaction_id)
    if interaction is None:
        return None
    contact_id = interaction.contact_id
    contact_name, company_name, company_domain = "", None, None
    if contact_id is not None:
        row = session.execute(
            select(Contact.display_name, Company.name, Company.domain).outerjoin(Company, Company.id == Contact.company_id).where(Contact.id == contact_id)
        ).one_or_none()
        if row is not None:
            contact_name, company_name, company_domain = row
    match = session.execute(
        select(PipelineDecision.decision, PipelineDecision.reason)
        .where(PipelineDecision.interaction_id == interaction_id, PipelineDecision.stage == "match")
        .order_by(PipelineDecision.id.desc())
        .limit(1)
    ).one_or_none()
    suggestions = _decisions(session, interaction_id)
    history = contact_timeline(session, contact_id, page=max(1, history_page), per_page=HISTORY_PER_PAGE) if contact_id else None
    return MessageContext(
        interaction_id=interaction_id,
        contact_id=contact_id,
        contact_name=contact_name or interaction.from_name or interaction.from_address,
        company_name=company_name,
        company_domain=company_domain,
        identities=history.identities if history else (),
        match_decision=match[0] if match else "",
        match_reason=match[1] if match else "",
        open_suggestions=tuple(d for d in suggestions if d.status == SUGGESTION_OPEN),
        decisions=tuple(d for d in suggestions if d.status != SUGGESTION_OPEN),
        history=history,
        open_complaints=tuple(open_complaints(session, contact_id=contact_id)) if contact_id else (),
        notes=tuple(notes_of(session, interaction_id)),
        tags=_current_tags(session, interaction_id),
    )


def _decisions(session: Session, interaction_id: int) -> list[Decision]:
    """Open suggestions by score; decided ones newest first (the first is the one :func:`hub.reassign.undo` accepts)."""
    rows = session.execute(
        select(ContactSuggestion, Contact.display_name)
        .join(Contact, Contact.id == ContactSuggestion.contact_id)
        .where(ContactSuggestion.interaction_id == interaction_id)
        .order_by(ContactSuggestion.decided_at.desc(), ContactSuggestion.score.desc(), ContactSuggestion.id.desc())
    )
    return [
        Decision(s.id, s.contact_id, name, s.reason, s.score, s.status, s.decided_by, s.decided_at)
        for s, name in rows
    ]


def _current_tags(session: Session, interaction_id: int) -> CurrentTags:
    rows = session.execute(
        select(InteractionTag.name, InteractionTag.tagger).where(
            InteractionTag.interaction_id == interaction_id,
            or_(InteractionTag.name.like("intent:%"), InteractionTag.name == "complaint", InteractionTag.name.like(SEVERITY_PREFIX + "%")),
        )
    ).all()
    names = {name for name, _ in rows}
    intent = next((n.removeprefix("intent:") for n in sorted(names) if n.startswith("intent:")), None)
    severity = next((n.removeprefix(SEVERITY_PREFIX) for n in names if n.startswith(SEVERITY_PREFIX)), None)
    tagger = "agent" if any(t == "agent" for _, t in rows) else (rows[0][1] if rows else "")
    return CurrentTags(intent, "complaint" in names, severity, tagger)


def search_contacts(session: Session, query: str, limit: int = 10) -> list[tuple[int, str, str]]:
    """Contacts whose name or an identity contains ``query``, as (id, name, first matching address), for reassigning."""
    needle = query.strip().lower()
    if len(needle) < 2:
        return []
    pattern = f"%{needle.replace('%', '').replace('_', '')}%"
    rows = session.execute(
        select(Contact.id, Contact.display_name, ContactIdentity.value)
        .outerjoin(ContactIdentity, ContactIdentity.contact_id == Contact.id)
        .where(
            Contact.merged_into_id.is_(None),
            or_(Contact.display_name.ilike(pattern), ContactIdentity.value.ilike(pattern)),
        )
        .order_by(Contact.display_name, Contact.id, ContactIdentity.id)
        .limit(limit * 4)
    )
    found: dict[int, tuple[int, str, str]] = {}
    for contact_id, name, address in rows:
        found.setdefault(contact_id, (contact_id, name, address or ""))
    return list(found.values())[:limit]
