"""Answering a non-mail message by e-mail: which addresses count, which mailbox writes."""

from __future__ import annotations

import pytest

from hub.mail_answer import NoMailboxForChannel, mail_address_of, mail_addresses, mailbox_for_channel_message
from hub.models import Channel, Interaction


class _Session:
    def __init__(self, channel: Channel | None) -> None:
        self.channel = channel

    def get(self, _model: object, _channel_id: int) -> Channel | None:
        return self.channel


def _form_channel(**settings: str) -> Channel:
    return Channel(id=9, kind="webform", name="Form", config={"settings": settings, "secrets": {}, "enabled": True})


FORM_MESSAGE = Interaction(channel="webform", channel_id=9, from_address="email:anna@example.org", participants="email:anna@example.org phone:+4915123456789")


@pytest.mark.parametrize(
    ("token", "address"),
    [("email:anna@example.org", "anna@example.org"), ("anna@example.org", "anna@example.org"), ("phone:+4915123456789", ""),
     ("telegram:55", ""), ("messenger_id:telegram:anna", ""), ("", "")],
)
def test_only_email_tokens_are_mail_addresses(token: str, address: str) -> None:
    assert mail_address_of(token) == address


def test_form_message_addresses() -> None:
    assert mail_addresses(FORM_MESSAGE) == ("anna@example.org", ("anna@example.org",))


def test_the_mailbox_the_channel_names_wins_else_the_only_one_else_refused() -> None:
    boxes = [(1, "service@shop.example"), (2, "sales@shop.example")]
    named = _Session(_form_channel(confirmation_mailbox="Sales@Shop.example"))
    assert mailbox_for_channel_message(named, FORM_MESSAGE, boxes) == (2, "sales@shop.example")  # type: ignore[arg-type]
    assert mailbox_for_channel_message(_Session(_form_channel()), FORM_MESSAGE, boxes[:1]) == (1, "service@shop.example")  # type: ignore[arg-type]
    assert mailbox_for_channel_message(_Session(_form_channel()), FORM_MESSAGE, [(5, "+4930901820"), *boxes[:1]]) == (1, "service@shop.example")  # type: ignore[arg-type]
    with pytest.raises(NoMailboxForChannel, match="several mailboxes"):
        mailbox_for_channel_message(_Session(_form_channel()), FORM_MESSAGE, boxes)  # type: ignore[arg-type]
    with pytest.raises(NoMailboxForChannel, match="no mailbox"):
        mailbox_for_channel_message(_Session(None), FORM_MESSAGE, [])  # type: ignore[arg-type]
