"""Stage ``normalise``: raw bytes -> parsed mail, message id, direction, time."""

from __future__ import annotations

from datetime import datetime, timedelta

from hub.parsing import MailParseError, parse_mail_with_repair
from nlp.cleaning import clean_body
from hub.pipeline.context import IngestBatch, MessageContext

#: Folder names (any case) whose mail we sent: Dovecot/Thunderbird, Outlook, German clients.
SENT_FOLDERS = frozenset({"sent", "sent items", "sent messages", "gesendet", "gesendete elemente", "gesendete objekte"})
#: A Date header further than this in the future is a wrong clock, not a fact.
FUTURE_TOLERANCE = timedelta(days=1)
EARLIEST_PLAUSIBLE = datetime(1980, 1, 1).astimezone()


def synthetic_message_id(raw_sha256: str) -> str:
    """The id of a mail without Message-ID: stable, so re-imports dedupe."""
    return f"{raw_sha256}@sha256.kontakt-hub.invalid"


def is_sent_folder(folder: str) -> bool:
    """Whether mail in ``folder`` is outgoing history (last path segment counts)."""
    leaf = folder.replace("\\", "/").replace(".", "/").rsplit("/", 1)[-1]
    return leaf.strip().lower() in SENT_FOLDERS


class NormaliseStage:
    """Parse each raw mail once; every later stage reads ``MessageContext.parsed``."""

    name = "normalise"

    def process(self, batch: IngestBatch) -> None:
        for message in batch.active():
            self.normalise(message, batch.services.own_addresses)

    def normalise(self, message: MessageContext, own_addresses: frozenset[str]) -> None:
        """Fill the parsed fields of one message, or fail it with the parser's reason."""
        try:
            parsed = parse_mail_with_repair(message.raw)
        except MailParseError as error:
            message.fail(self.name, str(error))
            return
        message.parsed = parsed
        note = f"parsed by {parsed.parser}"
        if parsed.warnings:
            note += f"; repairs: {'; '.join(parsed.warnings[:5])}"
        message.decide(self.name, "parsed", note)
        if parsed.message_id:
            message.channel_message_id = parsed.message_id
        else:
            message.channel_message_id = synthetic_message_id(message.raw_sha256)
            message.decide(self.name, "synthetic message id", "no Message-ID header: id derived from the SHA-256 of the raw bytes")
        message.direction, why = _direction(message.folder, parsed.sender.address if parsed.sender else "", own_addresses)
        message.decide(self.name, f"direction {message.direction}", why)
        message.occurred_at, why = _occurred_at(parsed.date, message.received_at)
        message.decide(self.name, "time", why)
        cleaned = clean_body(parsed.text, parsed.html)
        message.annotations["reply_text"] = cleaned.reply
        message.annotations["signature"] = cleaned.signature
        if cleaned.reasons:
            message.decide(self.name, "reply text", "; ".join(cleaned.reasons)[:2000])


def _direction(folder: str, sender: str, own_addresses: frozenset[str]) -> tuple[str, str]:
    if is_sent_folder(folder):
        return "out", f"found in sent folder {folder!r}"
    if sender and sender in own_addresses:
        return "out", f"sender {sender} is one of our mailbox addresses"
    return "in", "received from outside"


def _occurred_at(sent: datetime | None, received: datetime) -> tuple[datetime, str]:
    if sent is None:
        return received, "no usable Date header: using the time it was received"
    if sent > received + FUTURE_TOLERANCE:
        return received, f"Date header {sent.isoformat()} lies in the future: using the time it was received"
    if sent < EARLIEST_PLAUSIBLE:
        return received, f"Date header {sent.isoformat()} is implausibly old: using the time it was received"
    return sent, "Date header"
