"""The composer in Chromium: a too large attachment is stopped before upload, a fitting one is sent with the reply."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sqlalchemy import func, select

from hub.db import unit_of_work
from hub.models import OutboundMessage
from tests.web.browser import chromium, log_in
from tests.web.conftest import PASSWORD
from tests.web.test_reply import SmtpSink, _customer_mail, settings, smtp_sink  # noqa: F401 -- fixtures

pytestmark = pytest.mark.browser


def test_attachment_limit_is_checked_in_the_browser_and_files_are_sent(runtime, live_server: str, smtp_sink: SmtpSink) -> None:
    runtime.settings.reply_attachments_max_bytes = 20_000
    original = _customer_mail(runtime)
    with chromium() as browser:
        page = browser.new_page()
        log_in(page, live_server, "agent@example.test", PASSWORD)
        posts: list[str] = []
        page.on("request", lambda request: posts.append(request.url) if request.method == "POST" else None)
        page.goto(f"{live_server}/interactions/{original.id}/reply")
        expect(page.locator("#to")).to_have_value("anna.weber@example.org")
        page.fill("#body", "Anbei das Foto.")
        page.set_input_files("#attachments", [{"name": "gross.jpg", "mimeType": "image/jpeg", "buffer": b"\xff" * 30_000}])
        expect(page.locator("#attachments-too-large")).to_be_visible()
        page.click("form.composer button[type=submit]")
        expect(page).to_have_url(f"{live_server}/interactions/{original.id}/reply")
        page.wait_for_timeout(300)
        assert posts == [], "the browser did not upload the too large file"
        with unit_of_work(runtime.factory) as session:
            assert session.scalar(select(func.count()).select_from(OutboundMessage)) == 0, "nothing was uploaded or queued"

        page.set_input_files("#attachments", [{"name": "klein.jpg", "mimeType": "image/jpeg", "buffer": b"\xff\xd8" + b"\x00" * 1000}])
        expect(page.locator("#attachments-too-large")).to_be_hidden()
        page.click("form.composer button[type=submit]")
        expect(page.locator(".flash").first).to_contain_text("Reply sent.")
        expect(page.locator(".outbound-files")).to_contain_text("klein.jpg")
    [sent] = smtp_sink.messages()
    [part] = list(sent.iter_attachments())
    assert part.get_filename() == "klein.jpg" and part.get_payload(decode=True) == b"\xff\xd8" + b"\x00" * 1000
