"""Agents add Telegram and messenger identities to a contact by hand, checked and stored the way channels write them.

A Telegram user id typed on the contact page must meet the one a Telegram
message carries: the next message from that user lands on the contact.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from hub.contact_editing import ContactEditRefused, normalise_identity
from hub.db import unit_of_work
from hub.models import ContactIdentity, Interaction
from tests.connectors.conftest import add_telegram_channel, fake_telegram  # noqa: F401 -- fixtures
from tests.web.roles import token_of
from tests.web.test_contacts import hub_data  # noqa: F401 -- fixture
from workers.channels import poll_channel, secret_box


@pytest.mark.parametrize(
    ("kind", "typed", "stored"),
    [
        ("telegram", " 123456789 ", "123456789"),
        ("messenger_id", "@Anna_W", "telegram:anna_w"),
        ("messenger_id", "https://t.me/Anna_W", "telegram:anna_w"),
        ("messenger_id", "Telegram:@anna_w", "telegram:anna_w"),
        ("messenger_id", "whatsapp:0151 23456789", "whatsapp:+4915123456789"),
    ],
)
def test_messenger_identities_are_normalised_like_the_connectors_write_them(kind: str, typed: str, stored: str) -> None:
    assert normalise_identity(kind, typed, "DE") == stored


@pytest.mark.parametrize(
    ("kind", "typed", "reason"),
    [
        ("telegram", "@anna_w", "a Telegram user id is a number"),
        ("telegram", "0123", "not a valid Telegram user id"),
        ("telegram", "12345678901234567", "not a valid Telegram user id"),
        ("messenger_id", "signal:anna", "a messenger id names its network"),
        ("messenger_id", "anna_w", "a messenger id names its network"),
        ("messenger_id", "telegram:ab", "not a valid Telegram username"),
        ("messenger_id", "whatsapp:12", "not a valid WhatsApp number"),
        ("chat_visitor", "x", "unknown identity kind"),
    ],
)
def test_bad_messenger_identities_are_refused_with_the_reason(kind: str, typed: str, reason: str) -> None:
    with pytest.raises(ContactEditRefused, match=reason):
        normalise_identity(kind, typed, "DE")


def test_contact_page_adds_a_telegram_id_and_the_next_telegram_message_lands_on_the_contact(
    runtime, logged_in, hub_data, fake_telegram, add_telegram_channel  # noqa: F811
) -> None:
    outlook, _, _ = hub_data
    page = logged_in.get(f"/contacts/{outlook}").get_data(as_text=True)
    assert '<option value="telegram">' in page and '<option value="messenger_id">' in page
    form = {"csrf_token": token_of(logged_in), "display_name": "Julia Wagner", "company_id": ""}
    assert logged_in.post(f"/contacts/{outlook}", data={**form, "add_kind": "telegram", "add_value": "777001"}).status_code == 303
    assert logged_in.post(f"/contacts/{outlook}", data={**form, "add_kind": "messenger_id", "add_value": "@Julia_Wagner"}).status_code == 303
    refused = logged_in.post(f"/contacts/{outlook}", data={**form, "add_kind": "telegram", "add_value": "@julia"}, follow_redirects=True)
    assert "a Telegram user id is a number" in refused.get_data(as_text=True)
    with unit_of_work(runtime.factory) as session:
        stored = set(session.execute(select(ContactIdentity.kind, ContactIdentity.value).where(ContactIdentity.contact_id == outlook)).all())
    assert {("telegram", "777001"), ("messenger_id", "telegram:julia_wagner")} <= stored
    assert not any(value == "@julia" for _, value in stored)

    channel_id = add_telegram_channel()
    fake_telegram.add_text(fake_telegram.user(777001, "J."), "Hallo, hier Julia.")
    poll_channel(runtime, channel_id, secret_box(runtime))
    with unit_of_work(runtime.factory) as session:
        message = session.scalars(select(Interaction).where(Interaction.channel == "telegram")).one()
        assert message.contact_id == outlook
