"""The homepage chat widget as a channel: visitor and agent messages in, nothing to fetch.

Unlike Telegram there is no remote service: the widget talks to the hub's own
public endpoints (``web/chat.py``), which build one *envelope* per message,
store it raw through ``hub.intake`` and hand it to ingest. This module only
defines that envelope and reads it back (:meth:`ChatConnector.normalise`), so
the pipeline treats a chat line like any other channel's message.

Ids: a conversation is ``"<channel id>/<conversation id>"`` (the random part
of the visitor's signed token) and a message ``"<conversation>/<message id>"``,
where the message id is chosen by the widget (or the hub, for an agent's
reply) before the first attempt: a retried POST carries the same id, which is
how a double delivery stays one interaction.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from connectors.base import ConfigField, ConnectorBase, Identity, InboundMessage, PayloadError, load_envelope

ENVELOPE_FORMAT = "kontakt-hub/chat-message/1"
#: Identity kind of a visitor who gave no e-mail: one per conversation.
VISITOR_KIND = "chat_visitor"
#: Identity kind of the hub's side of a chat channel (the sender of agents' replies).
CHANNEL_KIND = "chat_channel"
#: Widget-chosen ids: enough randomness to be unique, short enough to index.
MESSAGE_ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
CONVERSATION_ID_PATTERN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
EMAIL_PATTERN = re.compile(r"^[^@\s<>\"']{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,63}$")
DEFAULT_MAX_CHARS = 4000


class ChatConnector(ConnectorBase):
    """A website's chat box: visitors write from the widget, agents answer from the hub."""

    kind = "chat"
    label = "Website chat widget"
    config_schema = (
        ConfigField(
            "allowed_origins", "Websites allowed to embed the chat", type="textarea", required=True,
            help="One origin per line, e.g. https://www.example.com (scheme, host and port; no path).",
        ),
        ConfigField("greeting", "Greeting shown to visitors", default="Hello! How can we help you?"),
        ConfigField("max_message_chars", "Longest visitor message (characters)", type="integer", default=DEFAULT_MAX_CHARS),
        ConfigField("messages_per_minute", "Messages one visitor may send per minute", type="integer", default=20),
    )

    @classmethod
    def check_config(cls, settings: Mapping[str, Any], secrets: Mapping[str, str]) -> dict[str, str]:
        """Every allowed origin is a bare ``scheme://host[:port]``; the limits are positive."""
        errors: dict[str, str] = {}
        try:
            parse_origins(str(settings.get("allowed_origins") or ""))
        except ValueError as error:
            errors["allowed_origins"] = str(error)
        for name in ("max_message_chars", "messages_per_minute"):
            value = settings.get(name)
            if value is not None and int(value) < 1:
                errors[name] = "must be at least 1"
        return errors

    @property
    def allowed_origins(self) -> frozenset[str]:
        """Origins whose pages may post to this channel (an unparsable setting allows none)."""
        try:
            return frozenset(parse_origins(str(self.channel.settings.get("allowed_origins") or "")))
        except ValueError:
            return frozenset()

    def test_connection(self) -> str:
        """Nothing remote to reach: say what the configuration allows and how to embed the widget."""
        origins = sorted(self.allowed_origins)
        embed = f'<script src="https://YOUR-HUB/static/chat-widget.js" data-kontakt-chat="{self.channel.id}" async></script>'
        if not origins:
            return f"no website is allowed to embed this chat yet; embed with {embed}"
        return f"chat widget accepted from {', '.join(origins)}; embed with {embed}"

    def normalise(self, raw: bytes) -> InboundMessage:
        """An envelope -> message; see :func:`normalise_envelope`."""
        return normalise_envelope(raw)


def parse_origins(text: str) -> list[str]:
    """Origins from a textarea (one per line or comma-separated), normalised to ``scheme://host[:port]``."""
    origins: list[str] = []
    for item in re.split(r"[\s,]+", text.strip()):
        if not item:
            continue
        parts = urlsplit(item)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"{item!r} is not an origin like https://www.example.com")
        if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
            raise ValueError(f"{item!r}: an origin has no path, query or user")
        origins.append(origin_of(item))
    if not origins:
        raise ValueError("name at least one website origin")
    return origins


def origin_of(url: str) -> str:
    """``scheme://host[:port]`` of a URL, lower-case, default ports dropped (how browsers send ``Origin``)."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    port = parts.port
    default = {"http": 80, "https": 443}.get(parts.scheme.lower())
    return f"{parts.scheme.lower()}://{host}" + (f":{port}" if port and port != default else "")


def canonical_json(value: Any) -> bytes:
    """One byte string per value: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def conversation_key(channel_id: int | str, conversation_id: str) -> str:
    """The hub's id of one chat conversation."""
    return f"{channel_id}/{conversation_id}"


def message_key(channel_id: int | str, conversation_id: str, message_id: str) -> str:
    """The hub's id of one chat message."""
    return f"{conversation_key(channel_id, conversation_id)}/{message_id}"


def build_envelope(
    *,
    channel_id: int,
    conversation_id: str,
    message_id: str,
    direction: str,
    text: str,
    received_at: datetime,
    visitor_name: str = "",
    visitor_email: str = "",
    agent_id: int | None = None,
    agent_name: str = "",
    page_url: str = "",
) -> bytes:
    """The raw bytes of one chat message, exactly as the hub keeps them."""
    envelope: dict[str, Any] = {
        "format": ENVELOPE_FORMAT,
        "channel_id": channel_id,
        "conversation_id": conversation_id,
        "message_id": message_id,
        "direction": direction,
        "text": text,
        "received_at": received_at.isoformat(),
        "visitor": {"name": visitor_name, "email": visitor_email},
    }
    if direction == "out":
        envelope["agent"] = {"id": agent_id, "name": agent_name}
    if page_url:
        envelope["page_url"] = page_url
    check_envelope(envelope)
    return canonical_json(envelope)


def read_envelope(raw: bytes) -> dict[str, Any]:
    """The envelope as a dict, checked; raises :class:`PayloadError` saying what is wrong."""
    envelope = load_envelope(raw, ENVELOPE_FORMAT, "chat")
    check_envelope(envelope)
    return envelope


def check_envelope(envelope: Any) -> None:
    """What an envelope must hold for the hub to keep and read it."""
    if not isinstance(envelope, dict) or envelope.get("format") != ENVELOPE_FORMAT:
        found = envelope.get("format") if isinstance(envelope, dict) else type(envelope).__name__
        raise PayloadError(f"not a chat envelope (format {found!r})")
    if not isinstance(envelope.get("channel_id"), int):
        raise PayloadError("chat envelope has no integer channel_id")
    if not CONVERSATION_ID_PATTERN.match(str(envelope.get("conversation_id", ""))):
        raise PayloadError("chat envelope has no valid conversation_id")
    if not MESSAGE_ID_PATTERN.match(str(envelope.get("message_id", ""))):
        raise PayloadError("chat envelope has no valid message_id")
    if envelope.get("direction") not in ("in", "out"):
        raise PayloadError("chat envelope direction is neither 'in' nor 'out'")
    if not isinstance(envelope.get("text"), str) or not envelope["text"].strip():
        raise PayloadError("chat envelope has no text")
    if not isinstance(envelope.get("visitor"), dict):
        raise PayloadError("chat envelope has no visitor object")
    try:
        datetime.fromisoformat(str(envelope.get("received_at")))
    except ValueError:
        raise PayloadError("chat envelope has no ISO received_at") from None


def visitor_identity(channel_id: int | str, conversation_id: str, email: str) -> Identity:
    """Who the visitor is to the matcher: the e-mail they gave, else this conversation."""
    if email:
        return Identity("email", email.lower())
    return Identity(VISITOR_KIND, conversation_key(channel_id, conversation_id))


def normalise_envelope(raw: bytes) -> InboundMessage:
    """An envelope's message as an :class:`InboundMessage` (visitor lines in, agent replies out)."""
    envelope = read_envelope(raw)
    channel_id, conversation = envelope["channel_id"], envelope["conversation_id"]
    visitor = envelope["visitor"]
    email = str(visitor.get("email") or "").strip().lower()
    name = str(visitor.get("name") or "").strip()
    customer = visitor_identity(channel_id, conversation, email)
    # An e-mail the visitor typed is also remembered with the conversation, so a
    # later line without it (a new tab) still finds the same contact.
    extra = (Identity(VISITOR_KIND, conversation_key(channel_id, conversation)),) if email else ()
    common = {
        "channel_message_id": message_key(channel_id, conversation, envelope["message_id"]),
        "subject": "Website chat",
        "text": envelope["text"],
        "sent_at": datetime.fromisoformat(envelope["received_at"]),
        "conversation_id": conversation_key(channel_id, conversation),
    }
    if envelope["direction"] == "out":
        agent = envelope.get("agent") or {}
        return InboundMessage(
            sender=Identity(CHANNEL_KIND, str(channel_id)),
            sender_name=str(agent.get("name") or "Agent"),
            direction="out",
            recipients=(customer,),
            **common,
        )
    return InboundMessage(
        sender=customer,
        sender_name=name or (email or "Website visitor"),
        extra_identities=extra,
        direction="in",
        **common,
    )


__all__: Sequence[str] = [
    "ChatConnector",
    "build_envelope",
    "normalise_envelope",
    "origin_of",
    "parse_origins",
    "read_envelope",
]
