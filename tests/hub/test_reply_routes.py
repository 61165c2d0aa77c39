"""Which composer a reply gets, from the channel of the message answered (no database needed)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from connectors.registry import default_registry
from hub.models import Interaction
from hub.reply_routes import CHANNEL, ELSEWHERE, MAIL, NONE, reply_route


class _Channels:
    """Stands in for the session: the message's channel row exists (or not)."""

    def __init__(self, exists: bool = True) -> None:
        self.exists = exists

    def get(self, _model: object, channel_id: int) -> object | None:
        return SimpleNamespace(id=channel_id, name="Support") if self.exists else None


def _message(channel: str, sender: str, participants: str = "", direction: str = "in") -> Interaction:
    return Interaction(channel=channel, channel_id=3, from_address=sender, participants=participants or sender, direction=direction)


def test_mail_gets_the_mail_composer() -> None:
    assert reply_route(_Channels(), default_registry(), _message("email", "anna@example.org")).composer == MAIL


@pytest.mark.parametrize(
    ("channel", "sender", "recipient", "limit", "sms"),
    [("telegram", "telegram:55", "telegram:55", 4096, False), ("sms", "phone:+4915123456789", "phone:+4915123456789", 1600, True)],
)
def test_channels_that_can_send_get_the_channel_composer(channel: str, sender: str, recipient: str, limit: int, sms: bool) -> None:
    route = reply_route(_Channels(), default_registry(), _message(channel, sender))
    assert (route.composer, route.recipient, route.max_chars, route.counts_sms, route.channel_name) == (CHANNEL, recipient, limit, sms, "Support")


def test_answering_our_own_telegram_message_goes_to_the_customer_in_it() -> None:
    route = reply_route(_Channels(), default_registry(), _message("telegram", "telegram:7000001", "telegram:7000001 telegram:55", "out"))
    assert route.recipient == "telegram:55"


def test_web_form_is_answered_by_mail_to_the_address_given_else_not_at_all() -> None:
    route = reply_route(_Channels(), default_registry(), _message("webform", "email:anna@example.org", "email:anna@example.org phone:+4915123456789"))
    assert (route.composer, route.email_address) == (MAIL, "anna@example.org")
    assert route.problem == "the Web contact form channel cannot carry replies"
    no_address = reply_route(_Channels(), default_registry(), _message("phone", "phone:+4915123456789"))
    assert (no_address.composer, no_address.email_address, no_address.problem) == (NONE, None, "the Phone calls channel cannot carry replies")


def test_chat_is_answered_on_its_conversation_page() -> None:
    assert reply_route(_Channels(), default_registry(), _message("chat", "chat_visitor:1:abc")).composer == ELSEWHERE


def test_unknown_connector_or_vanished_channel_says_why() -> None:
    assert reply_route(_Channels(), default_registry(), _message("pigeon", "pigeon:1")).problem == "no connector is installed for pigeon channel"
    gone = reply_route(_Channels(exists=False), default_registry(), _message("telegram", "telegram:55"))
    assert (gone.composer, gone.problem) == (NONE, "the channel this message came through no longer exists")
