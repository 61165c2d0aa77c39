"""A Telegram message answered from the inbox in Chromium: r opens the channel composer, the reply is sent and shown."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from hub.db import unit_of_work
from hub.models import Interaction
from tests.connectors.conftest import add_telegram_channel, fake_telegram  # noqa: F401 -- fixtures
from tests.support.fake_telegram import FakeTelegram
from tests.web.browser import chromium, log_in
from tests.web.conftest import PASSWORD
from workers.channels import poll_channel, secret_box

pytestmark = pytest.mark.browser

ANSWER = "Ihr Paket kommt morgen zwischen 10 und 12 Uhr."


def test_r_on_a_telegram_message_sends_on_telegram_and_shows_it(runtime, live_server: str, fake_telegram: FakeTelegram, add_telegram_channel) -> None:  # noqa: F811
    channel_id = add_telegram_channel()
    fake_telegram.add_text(fake_telegram.user(55, "Hanna"), "Wann kommt mein Paket?")
    poll_channel(runtime, channel_id, secret_box(runtime))
    with unit_of_work(runtime.factory) as session:
        original = session.scalars(select(Interaction)).one()
    with chromium() as browser:
        page = browser.new_page()
        problems: list[str] = []
        page.on("pageerror", lambda error: problems.append(str(error)))  # script errors
        page.on("console", lambda message: problems.append(message.text) if "Content Security Policy" in message.text else None)
        log_in(page, live_server, "agent@example.test", PASSWORD)
        page.goto(f"{live_server}/inbox")
        expect(page.locator("li.inbox-row.selected")).to_contain_text("Wann kommt mein Paket?")

        page.keyboard.press("r")
        page.wait_for_url(f"{live_server}/interactions/{original.id}/reply")
        expect(page.locator("h1")).to_have_text("Reply on Telegram bot")
        expect(page.locator("#subject")).to_have_count(0)  # not the mail composer
        page.fill("#body", ANSWER)
        expect(page.locator("#channel-count")).to_have_text(f"{len(ANSWER)} of at most 4096 characters")  # counted while typing
        page.click("form.channel-composer button[type=submit]")

        page.wait_for_url(f"{live_server}/interactions/{original.id}")
        expect(page.locator(".flash").first).to_contain_text("Reply sent.")
        expect(page.locator("table.channel-replies .channel-reply-status")).to_contain_text("sent")
        page.click("table.channel-replies >> text=sent message")
        expect(page.locator("pre.body")).to_have_text(ANSWER)
        expect(page.locator("article.message")).to_contain_text("outgoing (telegram)")
        page.goto(f"{live_server}/contacts/{original.contact_id}")
        expect(page.locator("body")).to_contain_text(ANSWER)
        assert problems == [], problems
    (call,) = fake_telegram.calls_to("sendMessage")
    assert call.params["text"] == ANSWER and call.params["reply_parameters"]["message_id"] == 1


def test_sms_composer_counts_segments_as_the_server_does(app, live_server: str) -> None:
    """The script's count (while typing) matches hub.sms_segments, which the server uses, for each encoding edge."""
    from hub.sms_segments import count_sms
    from tests.support.fake_sms_gateway import FakeSmsGateway
    from tests.web.test_channel_reply import _sms_message

    fake = FakeSmsGateway().start()
    try:
        original = _sms_message(app, app.test_client(), fake)
        texts = ["a" * 160, "a" * 161, "€" * 81, "a" * 152 + "€" + "a" * 152, "Grüße", "ç" * 71, "a" * 66 + "🙂" + "a" * 66]
        with chromium() as browser:
            page = browser.new_page()
            log_in(page, live_server, "agent@example.test", PASSWORD)
            page.goto(f"{live_server}/interactions/{original.id}/reply")
            for text in texts:
                page.fill("#body", text)
                counted = count_sms(text)
                expected = f"{len(text)} characters · {counted.segments} SMS ({counted.encoding}, {counted.per_segment} per SMS)"
                expect(page.locator("#channel-count")).to_have_text(expected)
    finally:
        fake.stop()
