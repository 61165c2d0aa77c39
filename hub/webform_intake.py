"""Accepting one web form submission: dedupe, rate limit, keep it raw, hand it to ingest.

No Flask here: the view (``web/webform.py``) validates and builds the
envelope, this stores it the way every channel's payload is stored
(``hub.intake``, content-addressed, one raw source per position) and says
what happened. The caller commits, then enqueues ingest for ``pending_raw_ids``.

* **Duplicates**: the position is derived from the form token's nonce, so
  the same rendered form submitted twice is recognised before anything is
  stored (a race past that check is still one interaction: the message id is
  the nonce too).
* **Rate limit per client address**: the submissions a client made are the
  raw sources it left, so the limit needs no table of its own and holds
  across processes and restarts. The address is kept only as a keyed hash
  (:func:`client_key`) in ``raw_sources.source_ref``.
* **Honeypot**: the submission is stored (every inbound payload is kept)
  and quarantined at once with the reason, so it never becomes an
  interaction and an admin can still see what the bots send.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from connectors.webform import SUBMISSIONS_FOLDER
from hub.intake import IncomingRaw, committed_uids, store_raw_batch
from hub.models import QuarantineEntry, RawMessage, RawSource
from hub.models.raw import RAW_QUARANTINED
from hub.rawstore import FileBlobStore

#: The window of the per-address limit.
RATE_WINDOW = timedelta(hours=1)
HONEYPOT_STAGE = "webform"
HONEYPOT_REASON = "honeypot field filled in: kept as spam, never an interaction"

STORED, DUPLICATE, HONEYPOT, RATE_LIMITED = "stored", "duplicate", "honeypot", "rate_limited"


@dataclass(frozen=True)
class SubmissionOutcome:
    """What one submission did; ``pending_raw_ids`` are to be ingested after the commit."""

    status: str
    raw_message_id: int | None = None
    pending_raw_ids: tuple[int, ...] = ()


def client_key(secret: str, ip: str) -> str:
    """A keyed hash of the client address: countable, but not the address itself."""
    return hmac.new(secret.encode("utf-8"), f"webform-client:{ip}".encode(), hashlib.sha256).hexdigest()[:32]


def nonce_position(nonce: str) -> int:
    """The raw source position of a form nonce (a positive 60-bit number)."""
    return int(hashlib.sha256(f"webform:{nonce}".encode()).hexdigest()[:15], 16) or 1


def recent_submissions(session: Session, channel_id: int, client: str, now: datetime) -> int:
    """How many submissions this client left on the channel within :data:`RATE_WINDOW`."""
    return session.scalar(
        select(func.count())
        .select_from(RawSource)
        .where(
            RawSource.channel_id == channel_id,
            RawSource.folder == SUBMISSIONS_FOLDER,
            RawSource.source_ref == _source_ref(client),
            RawSource.seen_at > now - RATE_WINDOW,
        )
    ) or 0


def accept_submission(
    session: Session,
    store: FileBlobStore,
    channel_id: int,
    *,
    envelope: bytes,
    nonce: str,
    client: str,
    honeypot: bool,
    limit_per_hour: int,
    now: datetime,
) -> SubmissionOutcome:
    """Store one submission (no commit), or say why not; see the module docstring for the order."""
    position = nonce_position(nonce)
    if committed_uids(session, channel_id, SUBMISSIONS_FOLDER, 0, [position]):
        return SubmissionOutcome(DUPLICATE)
    if recent_submissions(session, channel_id, client, now) >= limit_per_hour:
        return SubmissionOutcome(RATE_LIMITED)
    intake = store_raw_batch(
        session,
        store,
        channel_id,
        [IncomingRaw(envelope, folder=SUBMISSIONS_FOLDER, uid=position, source_ref=_source_ref(client))],
        channel_kind="webform",
    )
    raw_id = session.scalar(select(RawSource.raw_message_id).where(
        RawSource.channel_id == channel_id, RawSource.folder == SUBMISSIONS_FOLDER, RawSource.uid == position
    ))
    if honeypot:
        _quarantine(session, raw_id, now)
        return SubmissionOutcome(HONEYPOT, raw_id)
    return SubmissionOutcome(STORED, raw_id, intake.pending_raw_ids)


def _quarantine(session: Session, raw_id: int | None, now: datetime) -> None:
    raw = session.get(RawMessage, raw_id) if raw_id is not None else None
    if raw is None:
        return
    raw.status = RAW_QUARANTINED
    raw.processed_at = now
    if session.scalar(select(QuarantineEntry.id).where(QuarantineEntry.raw_message_id == raw.id)) is None:
        session.add(QuarantineEntry(raw_message_id=raw.id, stage=HONEYPOT_STAGE, reason=HONEYPOT_REASON, attempts=1, created_at=now, last_attempt_at=now))
    session.flush()


def _source_ref(client: str) -> str:
    return f"webform client {client}"
