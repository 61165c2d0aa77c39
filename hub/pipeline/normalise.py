"""Stage ``normalise``: raw bytes -> parsed mail, message id, direction, time."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from hub.parsing import MailParseError, parse_mail_with_repair
from nlp.cleaning import clean_body
from hub.pipeline.context import IngestBatch, MessageContext, TagValue

#: The raw channel kind of mail: it keeps the fast path below, without the connector registry.
MAIL_KIND = "email"

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
        connectors: dict[tuple[str, int | None], object] = {}
        for message in batch.active():
            if message.channel_kind == MAIL_KIND:
                self.normalise(message, batch.services.own_addresses)
            else:
                self.normalise_channel(batch.session, message, connectors)

    def normalise_channel(self, session: Session, message: MessageContext, connectors: dict) -> None:  # type: ignore[type-arg]
        """A non-mail raw: the channel's connector reads it (:mod:`hub.channel_messages` gives it mail's shape)."""
        from connectors.base import PayloadError
        from connectors.registry import UnknownConnector
        from hub.channel_messages import as_parsed_mail

        key = (message.channel_kind, message.channel_id)
        try:
            if key not in connectors:
                connectors[key] = _connector(session, message.channel_kind, message.channel_id)
            connector = connectors[key]
            inbound = connector.normalise(message.raw)  # type: ignore[attr-defined]
        except (PayloadError, UnknownConnector) as error:
            message.fail(self.name, str(error))
            return
        kind = connector.kind  # type: ignore[attr-defined]
        message.channel_kind = kind
        message.inbound = inbound
        message.parsed = as_parsed_mail(inbound, kind)
        message.decide(self.name, "parsed", f"read by the {kind} connector")
        if inbound.channel_message_id:
            message.channel_message_id = inbound.channel_message_id
        else:
            message.channel_message_id = synthetic_message_id(message.raw_sha256)
            message.decide(self.name, "synthetic message id", f"the {kind} payload has no message id: id derived from the SHA-256 of the raw bytes")
        message.direction = inbound.direction
        message.decide(self.name, f"direction {message.direction}", "sent by us on this channel" if inbound.direction == "out" else "received from outside")
        message.occurred_at, why = _occurred_at(inbound.sent_at, message.received_at)
        message.decide(self.name, "time", why.replace("Date header", f"{kind} timestamp"))
        # Chat messages carry no quotes or mail signatures to split off.
        message.annotations["reply_text"] = inbound.text
        message.annotations["signature"] = ""
        if inbound.edit_of:
            message.decide(self.name, "edit", f"edits {kind} message {inbound.edit_of}")
        for tag in inbound.tags:
            # Tags the connector knew already (an SMS spam verdict, a form's consent): stored like a tagger's.
            message.tags.append(TagValue(tag.name, float(tag.score), tag.reason, tagger=kind))
            message.decide(self.name, f"tag {tag.name}", f"set by the {kind} connector: {tag.reason}"[:2000])

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


def _connector(session: Session, kind: str, channel_id: int | None):  # type: ignore[no-untyped-def]
    """The connector for a raw's channel; a raw whose channel row is gone still reads by its kind."""
    from connectors.base import ChannelConfig
    from connectors.registry import default_registry
    from hub.channel_config import to_channel_config
    from hub.models import Channel

    registry = default_registry()
    channel = session.get(Channel, channel_id) if channel_id is not None else None
    config = to_channel_config(channel) if channel is not None else ChannelConfig(id=None, kind=kind, name="")
    return registry.get(kind).from_channel(config)


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
