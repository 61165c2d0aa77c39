"""The inbox in a real Chromium: keyboard navigation and a mail arriving without reload."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.helpers import import_mails
from tests.web.browser import chromium, log_in
from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.browser



def _mail(number: int, subject: str) -> bytes:
    return (
        f"From: Kunde {number} <kunde{number}@example.org>\r\nTo: service@shop.example\r\nSubject: {subject}\r\n"
        f"Message-ID: <b{number}@example.org>\r\nDate: Mon, 02 Nov 2026 09:{number:02d}:00 +0100\r\n\r\nText {number}\r\n"
    ).encode()




def test_keyboard_and_live_arrival(runtime, live_server: str, tmp_path: Path) -> None:
    import_mails(runtime, [_mail(1, "Erste Anfrage"), _mail(2, "Zweite Anfrage")])
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 375, "height": 800})
        log_in(page, live_server, "agent@example.test", PASSWORD)
        page.goto(f"{live_server}/inbox")
        rows = page.locator("li.inbox-row")
        expect(rows).to_have_count(2)
        expect(page.locator("li.inbox-row.selected")).to_contain_text("Zweite Anfrage")
        page.keyboard.press("j")
        expect(page.locator("li.inbox-row.selected")).to_contain_text("Erste Anfrage")
        page.keyboard.press("k")
        expect(page.locator("li.inbox-row.selected")).to_contain_text("Zweite Anfrage")

        page.wait_for_timeout(500)  # the EventSource is connected
        import_mails(runtime, [_mail(3, "Dritte Anfrage live")])
        expect(rows).to_have_count(3, timeout=15_000)
        expect(rows.nth(0)).to_contain_text("Dritte Anfrage live")
        page.screenshot(path=str(tmp_path / "inbox-375.png"), full_page=True)
        assert (tmp_path / "inbox-375.png").stat().st_size > 0

        page.keyboard.press("o")
        page.wait_for_url("**/interactions/*")
        assert "Zweite Anfrage" in page.content()
