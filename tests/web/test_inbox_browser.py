"""The inbox in a real Chromium: keyboard navigation and a mail arriving without reload."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from tests.helpers import import_mails
from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.browser

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _mail(number: int, subject: str) -> bytes:
    return (
        f"From: Kunde {number} <kunde{number}@example.org>\r\nTo: service@shop.example\r\nSubject: {subject}\r\n"
        f"Message-ID: <b{number}@example.org>\r\nDate: Mon, 02 Nov 2026 09:{number:02d}:00 +0100\r\n\r\nText {number}\r\n"
    ).encode()


@pytest.fixture
def backend() -> str:
    """SQLite only: the browser test needs one database, not both."""
    return "sqlite"


@pytest.fixture
def live_server(app) -> Iterator[str]:  # type: ignore[no-untyped-def]
    app.config.update(INBOX_SSE_MAX_SECONDS=20, INBOX_SSE_HEARTBEAT_SECONDS=1)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)


def test_keyboard_and_live_arrival(runtime, live_server: str, tmp_path: Path) -> None:
    playwright_api = pytest.importorskip("playwright.sync_api")
    import_mails(runtime, [_mail(1, "Erste Anfrage"), _mail(2, "Zweite Anfrage")])
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 375, "height": 800})
            page.goto(f"{live_server}/login")
            page.fill("input[name=email]", "agent@example.test")
            page.fill("input[name=password]", PASSWORD)
            page.click("button[type=submit]")
            page.goto(f"{live_server}/inbox")
            rows = page.locator("li.inbox-row")
            playwright_api.expect(rows).to_have_count(2)
            playwright_api.expect(page.locator("li.inbox-row.selected")).to_contain_text("Zweite Anfrage")
            page.keyboard.press("j")
            playwright_api.expect(page.locator("li.inbox-row.selected")).to_contain_text("Erste Anfrage")
            page.keyboard.press("k")
            playwright_api.expect(page.locator("li.inbox-row.selected")).to_contain_text("Zweite Anfrage")

            page.wait_for_timeout(500)  # the EventSource is connected
            import_mails(runtime, [_mail(3, "Dritte Anfrage live")])
            playwright_api.expect(rows).to_have_count(3, timeout=15_000)
            playwright_api.expect(rows.nth(0)).to_contain_text("Dritte Anfrage live")
            page.screenshot(path=str(tmp_path / "inbox-375.png"), full_page=True)
            assert (tmp_path / "inbox-375.png").stat().st_size > 0

            page.keyboard.press("o")
            page.wait_for_url("**/interactions/*")
            assert "Zweite Anfrage" in page.content()
        finally:
            browser.close()
