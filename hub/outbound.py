"""Replying from the inbox: compose a reply, queue it, send it exactly once.

Composition (:func:`compose_reply`, :func:`render_mime`) is pure: plain
values in, plain values out. The services around it follow the outbox
pattern: :func:`queue_reply` commits an ``OutboundMessage`` row (the durable
request), a job calls :func:`send_outbound`, which claims the row with a
compare-and-set UPDATE (queued/failed -> sending), talks SMTP outside any
transaction, then records ``sent`` together with the sent copy's raw bytes
in the mailbox's "Sent" folder, and ingests that copy so the reply joins the
customer's timeline and thread like any other outgoing mail.

Delivery is at-least-once at one edge: if the worker dies after the SMTP
server accepted the mail but before ``sent`` is committed, the row stays
``sending``; once its claim is older than :data:`CLAIM_LEASE` a retry sends
again. Both copies carry the same Message-ID (generated when the reply was
queued), so receiving clients and our own ingest (unique Message-ID) see one
message. A ``sent`` row is never claimed again, so retries of a finished job,
or two workers racing, send nothing.

Attachments are written to the content-addressed blob store before the row
naming them is committed; Bcc recipients are envelope recipients only, so
no header of the sent mail (or of the sent copy in the timeline) names them.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, make_msgid
from typing import Protocol

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from hub.clock import utcnow
from hub.db import unit_of_work
from hub.intake import IncomingRaw, store_raw_batch
from hub.mail_answer import NoMailboxForChannel, is_mail, mail_addresses, mailbox_for_channel_message
from hub.models import Channel, Interaction, MessageReference, OutboundMessage
from hub.models.outbound import OUTBOUND_FAILED, OUTBOUND_QUEUED, OUTBOUND_SENDING, OUTBOUND_SENT, OutboundAttachment
from hub.rawstore import BlobStore, FileBlobStore, sha256_hex
from hub.reply_input import CleanAttachment, ReplyInputError, clean_subject
from hub.thread_rules import subject_key
from hub.outbox import stuck_row_ids

log = logging.getLogger(__name__)

#: A ``sending`` claim older than this belongs to a dead worker and may be taken over.
CLAIM_LEASE = timedelta(minutes=15)
#: Longest References header we write: the first id plus the newest ones (RFC 5322 3.6.4 allows trimming).
MAX_REFERENCES = 20
#: Message-IDs the hub made up for mail without one: the customer never saw them.
_SYNTHETIC_ID_SUFFIX = ".kontakt-hub.invalid"
_LEADING_PREFIX = re.compile(r"^\s*[^\s:\[\]]{1,12}\s*(?:\[\d+\])?\s*:\s*")
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class ReplyNotPossible(ValueError):
    """Why no reply can be written to this message; shown to the agent as is."""


@dataclass(frozen=True)
class AttachmentPart:
    """One file of a reply as it goes on the wire."""

    filename: str
    content_type: str
    data: bytes


class SmtpSender(Protocol):
    """Hands finished mail to an SMTP server (``connectors.smtp`` implements it)."""

    def send(self, from_addr: str, to_addrs: Sequence[str], raw_bytes: bytes) -> Mapping[str, str]:
        """Send once; return refused recipients (address -> server answer), raise when nothing was accepted."""


@dataclass(frozen=True)
class OriginalMessage:
    """What a reply needs to know about the message it answers."""

    message_id: str
    subject: str
    from_address: str
    from_name: str
    direction: str
    participants: tuple[str, ...]
    text: str
    occurred_at: datetime
    lang: str | None
    references: tuple[str, ...]


@dataclass(frozen=True)
class ReplyDraft:
    """A reply before the agent's text is added: headers and the quote to prefill."""

    from_address: str
    to_addresses: tuple[str, ...]
    subject: str
    in_reply_to: str | None
    references: tuple[str, ...]
    quote: str
    #: The other people on the original, for "reply all": its recipients minus ours and the To.
    reply_all_cc: tuple[str, ...] = ()


@dataclass(frozen=True)
class SendOutcome:
    """What one :func:`send_outbound` call did."""

    outbound_id: int
    status: str
    sent_now: bool
    sent_interaction_id: int | None = None


# --- pure composition -------------------------------------------------------


def reply_subject(subject: str) -> str:
    """``Re: `` plus the subject without its reply/forward prefixes (no "Re: AW: Re:")."""
    key, value = subject_key(subject), (subject or "").strip()
    while (stripped := _LEADING_PREFIX.sub("", value, count=1)) != value and subject_key(stripped) == key:
        value = stripped  # only what subject_key itself treats as a prefix is dropped
    return f"Re: {value}".strip()


def quote_header(original: OriginalMessage, tz: tzinfo = UTC) -> str:
    """The attribution line above the quote, in the language the customer wrote."""
    when = original.occurred_at.astimezone(tz)
    who = f"{original.from_name} <{original.from_address}>" if original.from_name else f"<{original.from_address}>"
    if (original.lang or "").startswith("de"):
        return f"Am {when:%d.%m.%Y} um {when:%H:%M} schrieb {who}:"
    return f"On {when.day} {_MONTHS_EN[when.month - 1]} {when.year} at {when:%H:%M}, {who} wrote:"


def quote_text(original: OriginalMessage, tz: tzinfo = UTC) -> str:
    """The prefill of the composer: room to write, then the attribution and the quoted text."""
    lines = (original.text or "").strip("\n").splitlines() or [""]
    quoted = "\n".join(f"> {line}" if line else ">" for line in lines)
    return f"\n\n{quote_header(original, tz)}\n{quoted}\n"


def reference_chain(original: OriginalMessage) -> tuple[str, ...]:
    """References of a reply: the original's chain plus its Message-ID, trimmed from the middle."""
    chain = [ref for ref in dict.fromkeys((*original.references, original.message_id)) if _is_real_id(ref)]
    if len(chain) > MAX_REFERENCES:
        chain = chain[:1] + chain[-(MAX_REFERENCES - 1) :]
    return tuple(chain)


def compose_reply(original: OriginalMessage, mailbox_address: str, own_addresses: frozenset[str], tz: tzinfo = UTC) -> ReplyDraft:
    """Headers and quote of a reply from ``mailbox_address`` to whoever we talk to in ``original``."""
    own = own_addresses | {mailbox_address.lower()}
    if original.direction == "out":  # a follow-up to our own mail goes to its recipients again
        recipients = tuple(p for p in original.participants if p not in own)
    else:
        recipients = (original.from_address,) if original.from_address and original.from_address.lower() not in own else ()
    if not recipients:
        raise ReplyNotPossible("the message has no customer address to reply to")
    taken = own | {r.lower() for r in recipients}
    others = tuple(p for p in dict.fromkeys(original.participants) if p and p.lower() not in taken)
    return ReplyDraft(
        from_address=mailbox_address,
        to_addresses=recipients,
        subject=reply_subject(original.subject),
        in_reply_to=original.message_id if _is_real_id(original.message_id) else None,
        references=reference_chain(original),
        quote=quote_text(original, tz),
        reply_all_cc=others,
    )


def render_mime(outbound: OutboundMessage, now: datetime, attachments: Sequence[AttachmentPart] = ()) -> bytes:
    """The wire form of a queued reply: UTF-8 text, CRLF line ends, RFC 2047 headers.

    With attachments it is multipart/mixed: the text first, then each file
    base64-encoded under its sanitised name (RFC 2231 for non-ASCII names).
    Bcc never appears: those recipients are only in the SMTP envelope.
    """
    message = EmailMessage(policy=SMTP)
    message["From"] = outbound.from_address
    message["To"] = ", ".join(outbound.to_addresses)
    if outbound.cc_addresses:
        message["Cc"] = ", ".join(outbound.cc_addresses)
    message["Subject"] = outbound.subject
    message["Date"] = format_datetime(now.astimezone(UTC))
    message["Message-ID"] = f"<{outbound.message_id}>"
    if outbound.in_reply_to:
        message["In-Reply-To"] = f"<{outbound.in_reply_to}>"
    if outbound.references:
        message["References"] = " ".join(f"<{ref}>" for ref in outbound.references.split())
    # Quoted-printable keeps every line 7-bit: no reliance on the server's 8BITMIME.
    message.set_content(outbound.body_text, charset="utf-8", cte="quoted-printable")
    for part in attachments:
        maintype, _slash, subtype = part.content_type.partition("/")
        message.add_attachment(part.data, maintype=maintype, subtype=subtype or "octet-stream", filename=part.filename)
    return message.as_bytes()


def envelope_recipients(outbound: OutboundMessage) -> list[str]:
    """Everyone the server must deliver to: To, Cc and Bcc, each once."""
    seen: dict[str, str] = {}
    for address in (*outbound.to_addresses, *(outbound.cc_addresses or ()), *(outbound.bcc_addresses or ())):
        seen.setdefault(address.lower(), address)
    return list(seen.values())


def new_message_id(mailbox_address: str) -> str:
    """A fresh Message-ID on the mailbox's domain, without angle brackets."""
    domain = mailbox_address.rpartition("@")[2] or "kontakt-hub.invalid"
    return make_msgid(domain=domain).strip("<>")


def _is_real_id(message_id: str | None) -> bool:
    return bool(message_id) and not message_id.endswith(_SYNTHETIC_ID_SUFFIX)  # type: ignore[union-attr]


# --- services ---------------------------------------------------------------


def prepare_reply(session: Session, interaction_id: int) -> tuple[int, ReplyDraft]:
    """The mailbox channel to send from and the draft of a reply to this interaction."""
    interaction = session.get(Interaction, interaction_id)
    if interaction is None:
        raise ReplyNotPossible(f"interaction {interaction_id} does not exist")
    mailboxes = list(session.execute(select(Channel.id, Channel.address).where(Channel.address.is_not(None))))
    if is_mail(interaction):
        channel_id, address = _mailbox_for(interaction, mailboxes)
    else:  # e.g. a web form that brought an e-mail address (hub.mail_answer)
        try:
            channel_id, address = mailbox_for_channel_message(session, interaction, mailboxes)  # type: ignore[arg-type]
        except NoMailboxForChannel as refused:
            raise ReplyNotPossible(str(refused)) from None
    own = frozenset(a.lower() for _, a in mailboxes if a)
    return channel_id, compose_reply(_original(session, interaction), address, own)


def queue_reply(
    session: Session,
    interaction_id: int,
    body_text: str,
    user_id: int | None,
    *,
    to: Sequence[str] | None = None,
    cc: Sequence[str] = (),
    bcc: Sequence[str] = (),
    subject: str | None = None,
    attachments: Sequence[CleanAttachment] = (),
    blob_store: BlobStore | None = None,
) -> int:
    """Record a reply to send; the caller commits, then enqueues ``send_reply_job``.

    Recipients and subject default to the draft's; addresses are expected
    already checked (``hub.reply_input``). Attachment bytes are stored
    durably here, before the caller's commit makes the row visible.
    """
    if not body_text.strip():
        raise ReplyNotPossible("the reply is empty")
    channel_id, draft = prepare_reply(session, interaction_id)
    recipients = list(to) if to is not None else list(draft.to_addresses)
    if not recipients:
        raise ReplyNotPossible("the reply has no recipient")
    try:
        final_subject = draft.subject if subject is None else clean_subject(subject)
    except ReplyInputError as refused:
        raise ReplyNotPossible(str(refused)) from refused
    if attachments and blob_store is None:
        raise ValueError("attachments need a blob store")
    keys = [blob_store.put(a.data) for a in attachments] if blob_store is not None else []
    outbound = OutboundMessage(
        interaction_id=interaction_id,
        channel_id=channel_id,
        from_address=draft.from_address,
        to_addresses=recipients,
        cc_addresses=list(cc),
        bcc_addresses=list(bcc),
        subject=final_subject,
        body_text=body_text.replace("\r\n", "\n"),
        message_id=new_message_id(draft.from_address),
        in_reply_to=draft.in_reply_to,
        references=" ".join(draft.references),
        status=OUTBOUND_QUEUED,
        attempts=0,
        created_by=user_id,
        created_at=utcnow(),
    )
    session.add(outbound)
    session.flush()
    session.add_all(
        OutboundAttachment(
            outbound_id=outbound.id, position=position, sha256=key,
            filename=attachment.filename, content_type=attachment.content_type, size=len(attachment.data),
        )
        for position, (attachment, key) in enumerate(zip(attachments, keys, strict=True))
    )
    session.flush()
    log.info(
        "event=outbound_queued outbound_id=%d interaction_id=%d user_id=%s recipients=%d attachments=%d",
        outbound.id, interaction_id, user_id, len(recipients) + len(cc) + len(bcc), len(keys),
    )
    return outbound.id


def attachments_of(session: Session, outbound_ids: Sequence[int]) -> dict[int, list[OutboundAttachment]]:
    """The files of these replies, in composer order (for the message page)."""
    found: dict[int, list[OutboundAttachment]] = {outbound_id: [] for outbound_id in outbound_ids}
    if outbound_ids:
        rows = session.scalars(
            select(OutboundAttachment)
            .where(OutboundAttachment.outbound_id.in_(list(outbound_ids)))
            .order_by(OutboundAttachment.outbound_id, OutboundAttachment.position)
        )
        for row in rows:
            found[row.outbound_id].append(row)
    return found


def retry_outbound(session: Session, outbound_id: int) -> bool:
    """Put a failed reply back in the queue; False when it is not failed (sent, queued, sending)."""
    table = OutboundMessage.__table__
    result = session.execute(
        update(table).where(table.c.id == outbound_id, table.c.status == OUTBOUND_FAILED).values(status=OUTBOUND_QUEUED)
    )
    return result.rowcount == 1  # type: ignore[attr-defined]


def lost_reply_ids(session: Session, now: datetime, grace: timedelta, limit: int = 500) -> list[int]:
    """Replies that should be on their way but may have no job: ``queued`` for longer than
    ``grace``, or ``sending`` under a claim older than :data:`CLAIM_LEASE` (a dead worker's).

    Re-enqueueing one is always safe: :func:`send_outbound` claims with a
    compare-and-set, so at most one job sends it and a sent reply is skipped.
    """
    return stuck_row_ids(
        session, OutboundMessage.__table__, queued=OUTBOUND_QUEUED, sending=OUTBOUND_SENDING, now=now, grace=grace, lease=CLAIM_LEASE, limit=limit
    )


def send_outbound(
    session_factory: sessionmaker[Session],
    blob_store: FileBlobStore,
    smtp_sender: SmtpSender,
    outbound_id: int,
    *,
    ingest_raw: Callable[[Sequence[int]], object] | None = None,
) -> SendOutcome:
    """Send one queued reply once; store and ingest the sent copy.

    Raises when SMTP fails (after recording the attempt) so the queue retries.
    ``ingest_raw`` turns the stored copy into the outgoing interaction; when
    it is missing or fails, the copy stays pending for the ingest sweeper.
    """
    claimed = _claim(session_factory, outbound_id)
    if claimed is None:
        with unit_of_work(session_factory) as session:
            row = session.get(OutboundMessage, outbound_id)
            status = row.status if row is not None else "missing"
        log.info("event=outbound_skipped outbound_id=%d status=%s", outbound_id, status)
        return SendOutcome(outbound_id, status, sent_now=False)
    try:
        raw = render_mime(claimed, utcnow(), _attachment_parts(session_factory, blob_store, outbound_id))
        refused = smtp_sender.send(claimed.from_address, envelope_recipients(claimed), raw)
    except Exception as error:
        _record_failure(session_factory, claimed, error)
        raise
    with unit_of_work(session_factory) as session:
        pending = _record_sent(session, blob_store, claimed, raw, refused)
    log.info("event=outbound_sent outbound_id=%d attempts=%d refused=%d", outbound_id, claimed.attempts, len(refused))
    sent_interaction_id = _ingest_copy(session_factory, claimed, pending, ingest_raw)
    return SendOutcome(outbound_id, OUTBOUND_SENT, sent_now=True, sent_interaction_id=sent_interaction_id)


def _attachment_parts(session_factory: sessionmaker[Session], blob_store: BlobStore, outbound_id: int) -> list[AttachmentPart]:
    """The files to send, read back from the blob store (a missing blob fails the attempt, visibly)."""
    with unit_of_work(session_factory) as session:
        rows = attachments_of(session, [outbound_id])[outbound_id]
    parts = []
    for row in rows:
        try:
            data = blob_store.get(row.sha256)
        except KeyError as missing:
            raise LookupError(f"attachment {row.filename!r} is missing from the blob store ({row.sha256})") from missing
        if sha256_hex(data) != row.sha256:  # a damaged file must not go out under the name of the right one
            raise LookupError(f"attachment {row.filename!r} is damaged in the blob store ({row.sha256})")
        parts.append(AttachmentPart(row.filename, row.content_type, data))
    return parts


def _claim(session_factory: sessionmaker[Session], outbound_id: int) -> OutboundMessage | None:
    """Compare-and-set to ``sending``: of two racing workers exactly one gets the row."""
    now, table = utcnow(), OutboundMessage.__table__
    claimable = or_(
        table.c.status.in_([OUTBOUND_QUEUED, OUTBOUND_FAILED]),
        (table.c.status == OUTBOUND_SENDING) & (table.c.claimed_at < now - CLAIM_LEASE),
    )
    with unit_of_work(session_factory) as session:
        result = session.execute(
            update(table)
            .where(table.c.id == outbound_id, claimable)
            .values(status=OUTBOUND_SENDING, attempts=table.c.attempts + 1, claimed_at=now)
        )
        if result.rowcount != 1:  # type: ignore[attr-defined]
            return None
        return session.get(OutboundMessage, outbound_id)


def _record_failure(session_factory: sessionmaker[Session], claimed: OutboundMessage, error: Exception) -> None:
    reason = f"{type(error).__name__}: {error}"[:2000]
    table = OutboundMessage.__table__
    with unit_of_work(session_factory) as session:
        session.execute(
            update(table)
            .where(table.c.id == claimed.id, table.c.status == OUTBOUND_SENDING)
            .values(status=OUTBOUND_FAILED, last_error=reason, claimed_at=None)
        )
    log.warning("event=outbound_failed outbound_id=%d attempts=%d error_class=%s", claimed.id, claimed.attempts, type(error).__name__)


def _record_sent(
    session: Session, blob_store: FileBlobStore, claimed: OutboundMessage, raw: bytes, refused: Mapping[str, str]
) -> tuple[int, ...]:
    """Mark sent and keep the sent bytes, in one transaction: the copy is never lost."""
    table = OutboundMessage.__table__
    note = "; ".join(f"refused {address}: {answer}" for address, answer in refused.items())[:2000] or None
    session.execute(
        update(table)
        .where(table.c.id == claimed.id)
        .values(status=OUTBOUND_SENT, sent_at=utcnow(), last_error=note, claimed_at=None)
    )
    intake = store_raw_batch(
        session, blob_store, claimed.channel_id, [IncomingRaw(raw, folder="Sent", source_ref=f"outbound:{claimed.id}")]
    )
    return intake.pending_raw_ids


def _ingest_copy(
    session_factory: sessionmaker[Session],
    claimed: OutboundMessage,
    pending: Sequence[int],
    ingest_raw: Callable[[Sequence[int]], object] | None,
) -> int | None:
    """Ingest the sent copy and link it; the mail is already out, so failures are only logged."""
    if ingest_raw is not None and pending:
        try:
            ingest_raw(list(pending))
        except Exception as error:  # noqa: BLE001 -- the raw copy stays pending: the sweeper re-ingests it
            log.warning("event=outbound_ingest_failed outbound_id=%d error_class=%s", claimed.id, type(error).__name__)
    with unit_of_work(session_factory) as session:
        return link_sent_interaction(session, claimed.id)


def link_sent_interaction(session: Session, outbound_id: int) -> int | None:
    """Point a sent reply at the outgoing interaction its copy became, once ingested."""
    outbound = session.get(OutboundMessage, outbound_id)
    if outbound is None:
        return None
    if outbound.sent_interaction_id is None:
        outbound.sent_interaction_id = session.scalar(
            select(Interaction.id).where(Interaction.channel_message_id == outbound.message_id).order_by(Interaction.id).limit(1)
        )
    return outbound.sent_interaction_id


def outbound_for_interaction(session: Session, interaction_id: int) -> list[OutboundMessage]:
    """Replies to this message, and the reply this message is the sent copy of, oldest first."""
    rows = session.scalars(
        select(OutboundMessage)
        .where(or_(OutboundMessage.interaction_id == interaction_id, OutboundMessage.sent_interaction_id == interaction_id))
        .order_by(OutboundMessage.id)
    )
    return list(rows)


def _original(session: Session, interaction: Interaction) -> OriginalMessage:
    refs = list(
        session.scalars(
            select(MessageReference.referenced_message_id)
            .where(MessageReference.interaction_id == interaction.id)
            .order_by(MessageReference.id)
        )
    )
    # Rows hold In-Reply-To first, then References (deduplicated); the parent belongs last.
    parent = interaction.in_reply_to
    chain = [ref for ref in refs if ref != parent] + ([parent] if parent else [])
    message_id, from_address, participants = interaction.channel_message_id, interaction.from_address or "", tuple((interaction.participants or "").split())
    if not is_mail(interaction):  # channel ids are no Message-IDs, identity tokens no mail addresses
        message_id, chain = "", []
        from_address, participants = mail_addresses(interaction)
    return OriginalMessage(
        message_id=message_id,
        subject=interaction.subject or "",
        from_address=from_address,
        from_name=interaction.from_name or "",
        direction=interaction.direction,
        participants=participants,
        text=interaction.reply_text if interaction.reply_text is not None else (interaction.text or ""),
        occurred_at=interaction.occurred_at,
        lang=interaction.lang,
        references=tuple(chain),
    )


def _mailbox_for(interaction: Interaction, mailboxes: list[tuple[int, str]]) -> tuple[int, str]:
    """The mailbox the message came through, else the one it was addressed to."""
    by_id = dict(mailboxes)
    if interaction.channel_id in by_id:
        return interaction.channel_id, by_id[interaction.channel_id]  # type: ignore[index, return-value]
    participants = set((interaction.participants or "").split())
    for channel_id, address in mailboxes:
        if address and address.lower() in participants:
            return channel_id, address
    raise ReplyNotPossible("no mailbox with an address took part in this message: add the mailbox first")
