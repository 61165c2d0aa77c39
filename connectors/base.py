"""The contract every channel connector follows: one base class, plain values.

A connector turns one channel (a mailbox, a Telegram bot, an SMS number, a
web form) into raw payloads the hub stores, and back into replies. The core
never imports a connector module by name: it asks :mod:`connectors.registry`
for the class registered under the channel's ``kind``. A third-party package
adds a channel by subclassing :class:`ConnectorBase` and declaring an entry
point in the group ``kontakt_hub.connectors``; the built-in connectors are
registered the same way (see docs/connectors.md).

What a connector does, and what the core does around it:

* **receive**: ``poll(cursor)`` (pull, e.g. Telegram ``getUpdates``) and/or
  ``verify_webhook`` + ``parse_webhook`` (push). Both return
  :class:`RawPayload` values: the exact bytes to keep plus their position in
  the source. The core stores them through ``hub.intake`` (content-addressed,
  unique per channel + folder + position), commits, and only then advances
  the cursor or answers the webhook. A payload must be self-contained
  (download attachments at receive time and put them in it), so it can be
  normalised again years later without the remote service.
* **normalise**: ``normalise(raw)`` is a pure function from those bytes to an
  :class:`InboundMessage`: the channel-neutral message the ingest pipeline
  matches, threads and stores. Bad bytes raise :class:`PayloadError` with a
  readable reason; the pipeline quarantines the raw with it.
* **send**: ``send_reply(reply)`` delivers an :class:`OutgoingReply` once and
  returns the channel's id of the sent message. The job around it records the
  attempt first, so a retry never sends twice.
* **configure**: ``config_schema`` lists :class:`ConfigField` values; the
  admin form is rendered from it and :func:`clean_config` validates what was
  submitted. ``test_connection()`` proves a configuration works.

Connectors do no database work and never read the environment: they get a
:class:`ChannelConfig` (public settings + secrets) and return values.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar

# -- errors -------------------------------------------------------------------------------------------


class ConnectorError(RuntimeError):
    """A connector could not talk to its service; the message says why (no secrets in it)."""


class NotSupported(ConnectorError):
    """The connector has no such capability (e.g. a web form cannot send replies)."""


class PayloadError(ValueError):
    """Inbound bytes are not a payload this connector understands.

    Raised by ``parse_webhook`` (the webhook answers 400 with the message and
    stores nothing) and by ``normalise`` (ingest quarantines the raw with it).
    """


class WebhookRejected(PermissionError):
    """A webhook request failed verification (wrong or missing secret): answer 403, store nothing."""


class ConfigError(ValueError):
    """A submitted configuration is invalid; ``errors`` maps field names to messages for the form."""

    def __init__(self, errors: Mapping[str, str]) -> None:
        self.errors = dict(errors)
        super().__init__("; ".join(f"{name}: {message}" for name, message in self.errors.items()))


def load_envelope(raw: bytes, expected_format: str, what: str) -> dict[str, Any]:
    """A raw JSON envelope as a dict, checked to be of ``expected_format``.

    The built-in connectors keep each payload as a JSON object tagged with a
    format name (the bytes received plus what was downloaded with them), so
    reading one back fails in the same readable way for all of them: the
    pipeline quarantines the raw with this reason.
    """
    try:
        envelope = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as error:
        raise PayloadError(f"{what} envelope is not JSON: {error}") from None
    if not isinstance(envelope, dict) or envelope.get("format") != expected_format:
        found = envelope.get("format") if isinstance(envelope, dict) else type(envelope).__name__
        raise PayloadError(f"not a {what} envelope (format {found!r})")
    return envelope


# -- configuration schema ---------------------------------------------------------------------------

#: Field types an admin form knows how to render.
FIELD_TYPES = ("text", "password", "integer", "boolean", "url", "choice", "textarea")


@dataclass(frozen=True)
class ConfigField:
    """One setting of a connector, as the admin form shows it.

    ``secret`` values (tokens, passwords) are kept apart from the public
    settings: never shown back in a form, never logged, never put in
    ``channels.config``'s public part.
    """

    name: str
    label: str
    type: str = "text"
    required: bool = False
    secret: bool = False
    default: Any = None
    help: str = ""
    #: Allowed values of a ``choice`` field.
    choices: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.type not in FIELD_TYPES:
            raise ValueError(f"config field {self.name!r}: unknown type {self.type!r} (one of {', '.join(FIELD_TYPES)})")
        if self.type == "choice" and not self.choices:
            raise ValueError(f"config field {self.name!r}: a choice field needs choices")


def clean_config(
    schema: Sequence[ConfigField],
    submitted: Mapping[str, Any],
    *,
    current_secrets: Mapping[str, str] | None = None,
) -> tuple[dict[str, Any], dict[str, str]]:
    """Validate and coerce submitted form values; return ``(public settings, secrets)``.

    Form values arrive as strings; integers and booleans are converted. An
    empty secret field keeps the current secret (forms never show secrets,
    so "left blank" means "unchanged"). Raises :class:`ConfigError` listing
    every bad field at once, so the form can mark them all.
    """
    current_secrets = current_secrets or {}
    public: dict[str, Any] = {}
    secrets: dict[str, str] = {}
    errors: dict[str, str] = {}
    for spec in schema:
        value = submitted.get(spec.name)
        if isinstance(value, str):
            value = value.strip()
        if spec.secret:
            text = str(value) if value not in (None, "") else current_secrets.get(spec.name, "")
            if spec.required and not text:
                errors[spec.name] = "required"
            elif text:
                secrets[spec.name] = text
            continue
        try:
            coerced = _coerce(spec, value)
        except ValueError as error:
            errors[spec.name] = str(error)
            continue
        if coerced is None:
            if spec.required:
                errors[spec.name] = "required"
                continue
            coerced = spec.default
        public[spec.name] = coerced
    if errors:
        raise ConfigError(errors)
    return public, secrets


def _coerce(spec: ConfigField, value: Any) -> Any:
    if spec.type == "boolean":
        # An unchecked HTML checkbox sends nothing: that is "off", not "missing".
        if value in (None, ""):
            return bool(spec.default) if spec.default is not None else False
        if isinstance(value, bool):
            return value
        if str(value).lower() in ("1", "true", "on", "yes"):
            return True
        if str(value).lower() in ("0", "false", "off", "no"):
            return False
        raise ValueError(f"not a yes/no value: {value!r}")
    if value in (None, ""):
        return None
    if spec.type == "integer":
        try:
            return int(value)
        except (TypeError, ValueError):
            raise ValueError(f"not a whole number: {value!r}") from None
    if spec.type == "url":
        text = str(value)
        if not text.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return text
    if spec.type == "choice":
        if str(value) not in spec.choices:
            raise ValueError(f"must be one of {', '.join(spec.choices)}")
        return str(value)
    return str(value)


# -- values passed in and out -----------------------------------------------------------------------


@dataclass(frozen=True)
class ChannelConfig:
    """What a connector instance is built from: one ``channels`` row plus its secrets."""

    id: int | None
    kind: str
    name: str
    settings: Mapping[str, Any] = field(default_factory=dict)
    secrets: Mapping[str, str] = field(default_factory=dict, repr=False)
    #: Our own address on this channel (mailbox address, bot username, phone number).
    address: str | None = None


@dataclass(frozen=True)
class RawPayload:
    """Bytes to keep exactly as received, and where in the source they were.

    ``position`` is unique and increasing within ``folder`` of one channel
    (an IMAP UID, a Telegram ``update_id``): it is the raw source's ``uid``,
    so a second delivery of the same position adds nothing. ``0`` means "no
    position": intake derives one from the content hash.
    """

    data: bytes
    position: int = 0
    folder: str = ""
    source_ref: str = ""


@dataclass(frozen=True)
class PollResult:
    """What one ``poll`` returned: payloads to store and the cursor to save once they are committed."""

    payloads: tuple[RawPayload, ...]
    next_cursor: int


@dataclass(frozen=True)
class Identity:
    """An address of a person on some channel, as stored in ``contact_identities``.

    ``kind`` is e.g. ``"email"``, ``"phone"`` (E.164), ``"telegram"`` (user
    id), ``"messenger_id"`` (``"telegram:<handle>"``, as ``nlp.signals``
    finds handles in signatures); ``value`` is already normalised.
    """

    kind: str
    value: str


@dataclass(frozen=True)
class InboundAttachment:
    """A file that came with a message; its bytes are part of the raw payload."""

    filename: str
    content_type: str
    data: bytes = field(repr=False)


@dataclass(frozen=True)
class InboundTag:
    """A tag the connector already knows at normalise time (a spam verdict, a consent record), with why.

    The pipeline stores it like a tagger's tag (tagger = the channel kind);
    ``reason`` is shown to agents, so it says what was seen, in words.
    """

    name: str
    score: float = 1.0
    reason: str = ""


@dataclass(frozen=True)
class InboundMessage:
    """One message on any channel, in the shape the ingest pipeline needs.

    Ids are the channel's own, as strings: ``channel_message_id`` must be
    unique within the channel *kind* and stable across re-deliveries (e.g.
    ``"<chat id>:<message id>"``), because the interaction is keyed by it.
    """

    channel_message_id: str
    sender: Identity
    sender_name: str = ""
    #: Further identities of the sender (username, shared phone number): learned on the contact.
    extra_identities: tuple[Identity, ...] = ()
    #: ``"in"`` from a customer, ``"out"`` sent by us (a reply's sent copy, a message written on another device).
    direction: str = "in"
    #: Who an outgoing message went to: the contact it belongs to.
    recipients: tuple[Identity, ...] = ()
    subject: str = ""
    text: str = ""
    html: str | None = None
    sent_at: datetime | None = None
    #: The channel's conversation (a Telegram chat, an SMS number pair): messages of one conversation share a thread.
    conversation_id: str = ""
    #: ``channel_message_id`` of the message this one answers, when the channel says so.
    in_reply_to: str | None = None
    attachments: tuple[InboundAttachment, ...] = ()
    #: ``channel_message_id`` of the message this one edits: the pipeline updates that interaction instead of adding one.
    edit_of: str | None = None
    #: Tags decided by the connector itself (e.g. ``spam`` from an SMS rule, ``consent`` from a web form).
    tags: tuple[InboundTag, ...] = ()


@dataclass(frozen=True)
class OutgoingReply:
    """A reply an agent wrote, addressed in the channel's own terms."""

    text: str
    #: The customer's identity on this channel (e.g. ``Identity("telegram", "123")``).
    recipient: Identity
    conversation_id: str = ""
    #: ``channel_message_id`` of the message answered, for channels that thread replies.
    in_reply_to: str | None = None
    subject: str = ""


@dataclass(frozen=True)
class SentReceipt:
    """What the channel said after accepting a reply."""

    channel_message_id: str
    detail: str = ""
    #: The sent message as a raw payload (like mail's Sent folder copy): stored and ingested so the reply shows in the timeline.
    sent_copy: RawPayload | None = None


@dataclass(frozen=True)
class WebhookAnswer:
    """The HTTP body a webhook answers with once the payloads are committed."""

    body: str = ""
    content_type: str = "text/plain; charset=utf-8"
    status: int = 200


# -- the base class ---------------------------------------------------------------------------------


class ConnectorBase(ABC):
    """Base class of every connector; subclass it and register the subclass.

    Class attributes describe the connector (no instance needed, so the
    admin UI can list connectors and render their forms). An instance is
    bound to one channel through :meth:`from_channel`.
    """

    #: Channel kind, unique among connectors: ``channels.kind``, ``raw_messages.channel_kind``, ``interactions.channel``.
    kind: ClassVar[str]
    #: Human name for the admin UI.
    label: ClassVar[str]
    #: The admin form's fields.
    config_schema: ClassVar[tuple[ConfigField, ...]] = ()
    #: Older or alternative ``channels.kind`` values that mean this connector (``"imap"`` for e-mail).
    aliases: ClassVar[tuple[str, ...]] = ()
    #: Folder name raw sources of this connector use (one cursor per channel and folder).
    folder: ClassVar[str] = ""
    #: Longest reply the channel accepts (``None``: no limit the hub knows of).
    max_reply_chars: ClassVar[int | None] = None

    def __init__(self, channel: ChannelConfig) -> None:
        # No I/O here: ingest builds connectors just to call ``normalise``.
        self.channel = channel

    @classmethod
    def check_config(cls, settings: Mapping[str, Any], secrets: Mapping[str, str]) -> dict[str, str]:
        """Rules across fields that :func:`clean_config` cannot see; field name -> message (empty: fine).

        The admin form calls it after :func:`clean_config`, before saving.
        """
        return {}

    @classmethod
    def clean_form(cls, submitted: Mapping[str, Any], current_secrets: Mapping[str, str] | None = None) -> tuple[dict[str, Any], dict[str, str]]:
        """:func:`clean_config` over this connector's schema, then :meth:`check_config`; raises :class:`ConfigError`."""
        settings, secrets = clean_config(cls.config_schema, submitted, current_secrets=current_secrets)
        errors = cls.check_config(settings, secrets)
        if errors:
            raise ConfigError(errors)
        return settings, secrets

    @classmethod
    def from_channel(cls, channel: ChannelConfig) -> ConnectorBase:
        """An instance bound to one configured channel; override to check or convert settings."""
        return cls(channel)

    # capabilities: subclasses override what they support -----------------------------------------

    @classmethod
    def can_poll(cls) -> bool:
        """Whether the connector pulls (``hub run`` then polls enabled channels of this kind)."""
        return cls.poll is not ConnectorBase.poll

    def wants_polling(self) -> bool:
        """Whether ``hub run`` should poll *this* channel (a connector with both modes reads its settings)."""
        return self.can_poll()

    @classmethod
    def can_receive_webhooks(cls) -> bool:
        """Whether the connector accepts pushed requests at ``/hooks/<kind>/<channel id>``."""
        return cls.parse_webhook is not ConnectorBase.parse_webhook

    @classmethod
    def can_send(cls) -> bool:
        """Whether agents can reply on this channel."""
        return cls.send_reply is not ConnectorBase.send_reply

    # the contract --------------------------------------------------------------------------------

    @abstractmethod
    def test_connection(self) -> str:
        """Connect once and say what was found; raise :class:`ConnectorError` with a readable message on failure."""

    @abstractmethod
    def normalise(self, raw: bytes) -> InboundMessage:
        """Raw payload bytes -> message; pure (no network), raise :class:`PayloadError` on bad bytes."""

    def poll(self, cursor: int) -> PollResult:
        """Fetch what arrived after ``cursor`` (the ``next_cursor`` of the last committed poll; 0 at first)."""
        raise NotSupported(f"{self.kind} connector cannot poll")

    def verify_webhook(self, headers: Mapping[str, str], body: bytes) -> None:
        """Raise :class:`WebhookRejected` unless the request proves it comes from the service.

        The default rejects everything, so a connector that forgets to
        implement verification fails closed. Compare secrets with
        ``hmac.compare_digest``.
        """
        raise WebhookRejected(f"{self.kind} connector does not verify webhooks")

    def parse_webhook(self, headers: Mapping[str, str], body: bytes) -> list[RawPayload]:
        """Turn a verified request body into payloads to store; raise :class:`PayloadError` on malformed input.

        Called only after :meth:`verify_webhook` passed. May fetch attached
        files so the payload is self-contained. Must produce the same bytes
        for the same delivery, so a retried webhook dedupes.
        """
        raise NotSupported(f"{self.kind} connector does not receive webhooks")

    def webhook_position(self, body: bytes) -> int | None:
        """The source position a verified body will be stored under, when it can be read cheaply.

        Lets the webhook answer a re-delivery without calling the service
        again (no file downloads); ``None`` means "unknown, parse it".
        """
        return None

    def webhook_answer(self, payloads: Sequence[RawPayload]) -> WebhookAnswer:
        """What to answer once the payloads are committed (some services want a specific body)."""
        return WebhookAnswer()

    def send_reply(self, reply: OutgoingReply) -> SentReceipt:
        """Deliver one reply; raise :class:`ConnectorError` when it was not delivered (a retry is then safe)."""
        raise NotSupported(f"{self.kind} connector cannot send replies")

    def close(self) -> None:
        """Release connections; the default has none."""

    def __enter__(self) -> ConnectorBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
