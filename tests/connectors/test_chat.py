"""The chat and hand-logged connectors as plugins: registry, configuration, envelopes read back."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from connectors.base import ChannelConfig, ConfigError, PayloadError
from connectors.chat import ChatConnector, build_envelope, normalise_envelope, origin_of, parse_origins
from connectors.manual import ENVELOPE_FORMAT, FaxConnector, PhoneConnector, format_duration, normalise_logged
from connectors.registry import default_registry

WHEN = datetime(2026, 11, 23, 17, 30, tzinfo=UTC)


def test_connectors_are_found_through_their_entry_points() -> None:
    registry = default_registry()
    assert registry.get("chat") is ChatConnector
    assert registry.get("phone") is PhoneConnector and registry.get("fax") is FaxConnector
    assert {"chat", "phone", "fax", "letter", "visit"} <= set(registry.kinds())
    assert not ChatConnector.can_poll() and not ChatConnector.can_send()


def test_chat_configuration_is_checked() -> None:
    settings, secrets = ChatConnector.clean_form({"allowed_origins": "https://www.shop.example\nhttp://localhost:8080/", "messages_per_minute": "10"})
    assert secrets == {} and settings["messages_per_minute"] == 10
    channel = ChatConnector(ChannelConfig(id=1, kind="chat", name="Shop", settings=settings))
    assert channel.allowed_origins == {"https://www.shop.example", "http://localhost:8080"}
    assert "https://www.shop.example" in channel.test_connection()
    with pytest.raises(ConfigError) as refused:
        ChatConnector.clean_form({"allowed_origins": "www.shop.example", "messages_per_minute": "0"})
    assert set(refused.value.errors) == {"allowed_origins", "messages_per_minute"}
    with pytest.raises(ValueError, match="no path"):
        parse_origins("https://shop.example/chat")
    assert origin_of("HTTPS://Shop.Example:443") == "https://shop.example"


def test_visitor_and_agent_lines_read_back() -> None:
    visitor = build_envelope(
        channel_id=3, conversation_id="c" * 24, message_id="line-000001", direction="in", text="Hallo",
        received_at=WHEN, visitor_name="Erika", visitor_email="Erika@Example.org",
    )
    message = normalise_envelope(visitor)
    assert (message.sender.kind, message.sender.value, message.direction) == ("email", "erika@example.org", "in")
    assert message.extra_identities[0].kind == "chat_visitor"
    assert message.channel_message_id == f"3/{'c' * 24}/line-000001" and message.conversation_id == f"3/{'c' * 24}"
    assert message.sent_at == WHEN
    anonymous = normalise_envelope(build_envelope(channel_id=3, conversation_id="c" * 24, message_id="line-000002", direction="in", text="?", received_at=WHEN))
    assert anonymous.sender.kind == "chat_visitor" and anonymous.sender_name == "Website visitor"
    agent = normalise_envelope(build_envelope(
        channel_id=3, conversation_id="c" * 24, message_id="line-000003", direction="out", text="Gern", received_at=WHEN, agent_id=7, agent_name="Anna",
    ))
    assert agent.direction == "out" and agent.recipients[0].kind == "chat_visitor" and agent.sender_name == "Anna"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"not json", "not JSON"),
        (b'{"format": "other"}', "not a chat envelope"),
        (json.dumps({"format": "kontakt-hub/chat-message/1", "channel_id": 1, "conversation_id": "short", "message_id": "line-000001"}).encode(), "conversation_id"),
    ],
)
def test_bad_chat_envelopes_are_refused_with_a_reason(raw: bytes, reason: str) -> None:
    with pytest.raises(PayloadError, match=reason):
        ChatConnector(ChannelConfig(id=1, kind="chat", name="x")).normalise(raw)


def _logged(**changes: object) -> bytes:
    envelope = {
        "format": ENVELOPE_FORMAT, "log_id": "log-00000001", "kind": "fax", "direction": "out", "contact_id": 5, "contact_name": "Max",
        "occurred_at": WHEN.isoformat(), "duration_seconds": None, "summary": "Angebot gefaxt", "follow_up_on": "2026-12-01",
        "logged_by": {"id": 2, "name": "Anna", "email": "anna@example.test"}, "logged_at": WHEN.isoformat(),
    }
    envelope.update(changes)
    return json.dumps(envelope).encode()


def test_logged_contacts_read_back_and_kinds_do_not_mix() -> None:
    message = normalise_logged(_logged())
    assert message.direction == "out" and message.recipients[0].kind == "hub_contact" and message.recipients[0].value == "5"
    assert message.subject == "Fax (outgoing) · follow-up 2026-12-01"
    assert FaxConnector(ChannelConfig(id=None, kind="fax", name="")).normalise(_logged()).channel_message_id == "logged/log-00000001"
    with pytest.raises(PayloadError, match="not a phone payload"):
        PhoneConnector(ChannelConfig(id=None, kind="phone", name="")).normalise(_logged())
    with pytest.raises(PayloadError, match="direction"):
        normalise_logged(_logged(direction="sideways"))
    assert (format_duration(45), format_duration(750), format_duration(3900)) == ("45 s", "12 min 30 s", "1 h 05 min")
