"""The confirmation mail to someone who sent the web form, through the ordinary reply outbox.

Once the submission is an interaction, the confirmation is queued as an
``OutboundMessage`` answering it, from the mailbox the form names: the
outbox already sends exactly once (compare-and-set claim), retries, and
stores the sent copy, which joins the sender's timeline like any reply. Its
Message-ID is derived from the submission's raw hash, so queueing twice
(a retried job) finds the first row instead of adding a second mail.

The subject and text were written into the submission's envelope when it was
accepted (in the page's language), so the mail says what the page promised.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from connectors.webform import read_envelope
from hub.models import Channel, OutboundMessage, RawMessage
from hub.models.outbound import OUTBOUND_QUEUED
from hub.models.raw import RAW_INGESTED, RAW_PENDING
from hub.rawstore import BlobStore

log = logging.getLogger(__name__)


class NotYetIngested(RuntimeError):
    """The submission is still waiting for ingest: try again later (the job's retry)."""


def confirmation_message_id(raw_sha256: str, mailbox_address: str) -> str:
    """The confirmation's Message-ID: one per submission, on the mailbox's domain."""
    domain = mailbox_address.rpartition("@")[2] or "kontakt-hub.invalid"
    return f"webform-confirmation.{raw_sha256[:40]}@{domain}"


def queue_confirmation(session: Session, blob_store: BlobStore, raw_message_id: int, now: datetime) -> int | None:
    """The outbound id of this submission's confirmation, queued now or earlier; ``None`` when none is due.

    None is due for a submission that asked for none, that was quarantined
    (a honeypot) or found a duplicate, or whose mailbox no longer exists.
    Raises :class:`NotYetIngested` while the submission awaits ingest.
    """
    raw = session.get(RawMessage, raw_message_id)
    if raw is None:
        return None
    if raw.status == RAW_PENDING:
        raise NotYetIngested(f"raw message {raw_message_id} is not ingested yet")
    if raw.status != RAW_INGESTED or raw.interaction_id is None:
        return None
    envelope = read_envelope(blob_store.get(raw.sha256))
    confirmation = envelope.get("confirmation") or {}
    sender = str(confirmation.get("from") or "")
    if not sender:
        return None
    mailbox = session.scalars(
        select(Channel).where(func.lower(Channel.address) == sender.lower()).order_by(Channel.id).limit(1)
    ).first()
    if mailbox is None or mailbox.address is None:
        log.warning("event=webform_confirmation_no_mailbox raw_message_id=%d", raw_message_id)
        return None
    message_id = confirmation_message_id(raw.sha256, mailbox.address)
    existing = session.scalar(select(OutboundMessage.id).where(OutboundMessage.message_id == message_id))
    if existing is not None:
        return existing
    outbound = OutboundMessage(
        interaction_id=raw.interaction_id,
        channel_id=mailbox.id,
        from_address=mailbox.address,
        to_addresses=[str(envelope["fields"]["email"])],
        subject=str(confirmation.get("subject") or "")[:500],
        body_text=str(confirmation.get("body") or ""),
        message_id=message_id,
        # No In-Reply-To: the submission's id is no mail Message-ID, and mail threads only with mail.
        in_reply_to=None,
        references="",
        status=OUTBOUND_QUEUED,
        attempts=0,
        created_by=None,
        created_at=now,
    )
    session.add(outbound)
    session.flush()
    log.info("event=webform_confirmation_queued raw_message_id=%d outbound_id=%d", raw_message_id, outbound.id)
    return outbound.id
