"""Hand-logged contacts: a call, fax, letter or visit an agent records on a contact's page.

The form's values are checked here (:func:`parse_log_form`, pure), then
:func:`log_contact` keeps them as a raw envelope through ``hub.intake`` (so
the timeline entry is made by ingest like every other channel's), records
the follow-up promise and the audit entry, all in the caller's transaction.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from connectors.manual import CONTACT_KIND, ENVELOPE_FORMAT, LOGGED_KINDS, MAX_SUMMARY_CHARS, canonical_json, read_logged
from hub import audit
from hub.channels import ensure_channel
from hub.intake import IncomingRaw, committed_uids, store_raw_batch
from hub.models import Contact, ContactIdentity, FollowUp, Interaction, RawMessage, RawSource, User
from hub.rawstore import FileBlobStore
from hub.sql import insert_ignore

#: The channel rows hand-logged contacts are kept under, one per kind.
CHANNEL_NAMES = {kind: f"Logged: {label}" for kind, label in LOGGED_KINDS.items()}
LOG_FOLDER = "logged"
#: A contact logged further ahead than this is a typo, not a plan (plans are follow-ups).
FUTURE_TOLERANCE = timedelta(hours=1)
MAX_DURATION_SECONDS = 24 * 3600
_DURATION = re.compile(r"^(?:(\d{1,3}):)?(\d{1,3})(?::(\d{2}))?$")


class LogRefused(ValueError):
    """The form has errors; ``errors`` maps field names to messages (shown next to the fields)."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(f"{field}: {message}" for field, message in self.errors.items()))


@dataclass(frozen=True)
class LogEntry:
    """A checked hand-logged contact."""

    log_id: str
    kind: str
    direction: str
    occurred_at: datetime
    duration_seconds: int | None
    summary: str
    follow_up_on: date | None


@dataclass(frozen=True)
class LogResult:
    """What logging stored: the raw to ingest (none when the same form was sent twice)."""

    raw_message_id: int
    duplicate: bool
    pending_raw_ids: tuple[int, ...]


@dataclass(frozen=True)
class FollowUpRow:
    """One open follow-up as the lists show it."""

    follow_up_id: int
    contact_id: int
    contact_name: str
    due_on: date
    overdue: bool
    interaction_id: int | None
    subject: str


def new_log_id() -> str:
    """The id a form carries from the moment it is shown, so sending it twice logs once."""
    return secrets.token_urlsafe(12)


def parse_duration(text: str) -> int | None:
    """Minutes (``12``), ``mm:ss`` (``12:30``) or ``h:mm:ss`` (``1:05:00``) -> seconds; empty -> None."""
    text = text.strip()
    if not text:
        return None
    match = _DURATION.match(text)
    if not match:
        raise ValueError("write minutes (12), mm:ss (12:30) or h:mm:ss (1:05:00)")
    first, middle, last = match.groups()
    if first is not None and last is not None:  # h:mm:ss
        seconds = int(first) * 3600 + int(middle) * 60 + int(last)
    elif first is not None:  # two parts are mm:ss (a call of hours is written h:mm:ss)
        seconds = int(first) * 60 + int(middle)
    else:  # plain minutes
        seconds = int(middle) * 60
    if seconds > MAX_DURATION_SECONDS:
        raise ValueError("longer than a day")
    return seconds


def parse_log_form(form: Mapping[str, str], *, timezone: str, now: datetime) -> LogEntry:
    """The form's values checked and converted; :class:`LogRefused` lists every bad field at once."""
    errors: dict[str, str] = {}
    kind = form.get("kind", "")
    if kind not in LOGGED_KINDS:
        errors["kind"] = f"choose one of {', '.join(LOGGED_KINDS)}"
    direction = form.get("direction", "")
    if direction not in ("in", "out"):
        errors["direction"] = "choose incoming or outgoing"
    occurred_at = now
    when = form.get("occurred_at", "").strip()
    if when:
        try:
            local = datetime.fromisoformat(when)
            occurred_at = (local if local.tzinfo else local.replace(tzinfo=ZoneInfo(timezone))).astimezone(now.tzinfo)
            if occurred_at > now + FUTURE_TOLERANCE:
                errors["occurred_at"] = "lies in the future (log it when it happened; plan it as a follow-up)"
        except ValueError:
            errors["occurred_at"] = "not a date and time"
    duration = None
    try:
        duration = parse_duration(form.get("duration", ""))
    except ValueError as error:
        errors["duration"] = str(error)
    if duration is not None and kind not in ("phone", "visit"):
        errors["duration"] = "only calls and visits have a duration"
    summary = form.get("summary", "").strip()
    if not summary:
        errors["summary"] = "say what it was about"
    elif len(summary) > MAX_SUMMARY_CHARS:
        errors["summary"] = f"at most {MAX_SUMMARY_CHARS} characters"
    follow_up_on = None
    if form.get("follow_up_on", "").strip():
        try:
            follow_up_on = date.fromisoformat(form["follow_up_on"].strip())
            if follow_up_on < occurred_at.astimezone(ZoneInfo(timezone)).date():
                errors["follow_up_on"] = "lies before the contact itself"
        except ValueError:
            errors["follow_up_on"] = "not a date"
    log_id = form.get("log_id", "")
    if not re.fullmatch(r"[A-Za-z0-9_-]{8,64}", log_id):
        errors["log_id"] = "the form is incomplete: reload the page"
    if errors:
        raise LogRefused(errors)
    return LogEntry(log_id, kind, direction, occurred_at, duration, summary, follow_up_on)


def log_contact(
    session: Session, store: FileBlobStore, contact_id: int, entry: LogEntry, user: User, *, now: datetime, ip: str = ""
) -> LogResult:
    """Keep the entry raw, promise its follow-up, audit it; the caller commits, then enqueues ingest."""
    contact = session.get(Contact, contact_id)
    if contact is None or contact.merged_into_id is not None:
        raise LogRefused({"contact": "no such contact (merged into another?)"})
    channel_id = ensure_channel(session, kind=entry.kind, name=CHANNEL_NAMES[entry.kind])
    uid = _position(entry.log_id)
    if committed_uids(session, channel_id, LOG_FOLDER, 0, [uid]):
        raw_id = _raw_of(session, channel_id, uid)
        return LogResult(raw_id, True, ())
    # The envelope names the contact by id; the identity makes the pipeline's match find exactly this contact.
    insert_ignore(session, ContactIdentity.__table__, [{"contact_id": contact_id, "kind": CONTACT_KIND, "value": str(contact_id)}], ["kind", "value", "contact_id"])
    envelope = {
        "format": ENVELOPE_FORMAT,
        "log_id": entry.log_id,
        "kind": entry.kind,
        "direction": entry.direction,
        "contact_id": contact_id,
        "contact_name": contact.display_name,
        "occurred_at": entry.occurred_at.isoformat(),
        "duration_seconds": entry.duration_seconds,
        "summary": entry.summary,
        "follow_up_on": entry.follow_up_on.isoformat() if entry.follow_up_on else None,
        "logged_by": {"id": user.id, "name": user.display_name, "email": user.email},
        "logged_at": now.isoformat(),
    }
    data = canonical_json(envelope)
    read_logged(data)
    result = store_raw_batch(
        session, store, channel_id, [IncomingRaw(data=data, folder=LOG_FOLDER, uid=uid, source_ref=f"logged by user #{user.id}")],
        channel_kind=entry.kind,
    )
    raw_id = _raw_of(session, channel_id, uid)
    if entry.follow_up_on is not None:
        insert_ignore(
            session, FollowUp.__table__,
            [{"raw_message_id": raw_id, "contact_id": contact_id, "due_on": entry.follow_up_on, "created_by": user.id, "created_at": now}],
            ["raw_message_id"],
        )
    audit.record(
        session, user.id, "contact.logged", "contact", contact_id, ip=ip, at=now,
        kind=entry.kind, direction=entry.direction, raw_message_id=raw_id,
        follow_up_on=entry.follow_up_on.isoformat() if entry.follow_up_on else None,
    )
    return LogResult(raw_id, False, result.pending_raw_ids)


def _position(log_id: str) -> int:
    return int(hashlib.sha256(log_id.encode()).hexdigest()[:15], 16)


def _raw_of(session: Session, channel_id: int, uid: int) -> int:
    return session.scalars(
        select(RawSource.raw_message_id).where(RawSource.channel_id == channel_id, RawSource.folder == LOG_FOLDER, RawSource.uid == uid)
    ).one()


def open_follow_ups(session: Session, *, today: date, contact_id: int | None = None, limit: int = 200) -> list[FollowUpRow]:
    """Follow-ups not done yet, earliest first; all of one contact, or (list page) everyone's."""
    statement = (
        select(FollowUp.id, FollowUp.contact_id, Contact.display_name, FollowUp.due_on, RawMessage.interaction_id, Interaction.subject)
        .join(Contact, Contact.id == FollowUp.contact_id)
        .join(RawMessage, RawMessage.id == FollowUp.raw_message_id)
        .outerjoin(Interaction, Interaction.id == RawMessage.interaction_id)
        .where(FollowUp.done_at.is_(None))
        .order_by(FollowUp.due_on, FollowUp.id)
        .limit(limit)
    )
    if contact_id is not None:
        statement = statement.where(FollowUp.contact_id == contact_id)
    return [
        FollowUpRow(fid, cid, name, due, due <= today, iid, subject or "")
        for fid, cid, name, due, iid, subject in session.execute(statement)
    ]


def complete_follow_up(session: Session, follow_up_id: int, user_id: int, *, now: datetime, ip: str = "") -> int:
    """Mark a follow-up done (audited); returns its contact id. Done twice is still done once."""
    follow_up = session.get(FollowUp, follow_up_id)
    if follow_up is None:
        raise LookupError(f"no follow-up #{follow_up_id}")
    if follow_up.done_at is None:
        follow_up.done_at, follow_up.done_by = now, user_id
        audit.record(session, user_id, "follow_up.done", "contact", follow_up.contact_id, ip=ip, at=now, follow_up_id=follow_up_id)
    return follow_up.contact_id


def is_contact(session: Session, contact_id: int) -> bool:
    """Whether the contact exists and is not merged away."""
    contact = session.get(Contact, contact_id)
    return contact is not None and contact.merged_into_id is None
