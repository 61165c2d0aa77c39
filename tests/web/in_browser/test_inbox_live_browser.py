"""Two agents in two browser contexts: B's open inbox shows A's assignment without a reload."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from hub.db import unit_of_work
from hub.users import create_or_update_user
from tests.helpers import import_mails
from tests.web.browser import chromium, log_in
from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.browser


def _mail(number: int, subject: str) -> bytes:
    return (
        f"From: Kunde {number} <kunde{number}@example.org>\r\nTo: service@shop.example\r\nSubject: {subject}\r\n"
        f"Message-ID: <live{number}@example.org>\r\nDate: Mon, 02 Nov 2026 09:{number:02d}:00 +0100\r\n\r\nText {number}\r\n"
    ).encode()


def test_assignment_by_agent_a_appears_in_agent_bs_open_inbox(runtime, live_server: str) -> None:
    import_mails(runtime, [_mail(1, "Erste Anfrage"), _mail(2, "Zweite Anfrage")])
    with unit_of_work(runtime.factory) as session:
        create_or_update_user(session, "agent-b@example.test", PASSWORD, role="agent", display_name="Agent B")
    with chromium() as browser:
        agent_a = browser.new_context().new_page()
        agent_b = browser.new_context().new_page()
        log_in(agent_a, live_server, "agent@example.test", PASSWORD)
        log_in(agent_b, live_server, "agent-b@example.test", PASSWORD)
        agent_a.goto(f"{live_server}/inbox")
        agent_b.goto(f"{live_server}/inbox")
        row_b = agent_b.locator("li.inbox-row", has_text="Erste Anfrage")
        expect(row_b.locator(".inbox-meta")).to_contain_text("unassigned")
        agent_b.evaluate("window.__notReloaded = true")
        agent_b.wait_for_timeout(500)  # B's EventSource is connected

        agent_a.locator("li.inbox-row", has_text="Erste Anfrage").get_by_role("button", name="Assign to me").click()
        agent_a.wait_for_load_state()

        expect(row_b.locator(".inbox-meta")).to_contain_text("Agent A", timeout=15_000)
        expect(row_b).to_have_class("inbox-row status-open inbox-updated")
        expect(agent_b.locator("li.inbox-row", has_text="Zweite Anfrage").locator(".inbox-meta")).to_contain_text("unassigned")
        assert agent_b.evaluate("window.__notReloaded === true"), "the row changed in place, the page was not reloaded"


def test_a_row_being_worked_on_keeps_its_typed_note_and_a_closed_message_leaves_the_open_list(runtime, live_server: str) -> None:
    import_mails(runtime, [_mail(1, "Erste Anfrage"), _mail(2, "Zweite Anfrage")])
    with unit_of_work(runtime.factory) as session:
        create_or_update_user(session, "agent-b@example.test", PASSWORD, role="agent", display_name="Agent B")
    with chromium() as browser:
        agent_a = browser.new_context().new_page()
        agent_b = browser.new_context().new_page()
        log_in(agent_a, live_server, "agent@example.test", PASSWORD)
        log_in(agent_b, live_server, "agent-b@example.test", PASSWORD)
        agent_a.goto(f"{live_server}/inbox")
        agent_b.goto(f"{live_server}/inbox")
        second_b = agent_b.locator("li.inbox-row", has_text="Zweite Anfrage")
        second_b.locator("summary").click()
        second_b.locator("textarea[name=body]").fill("Kunde hat angerufen, bitte")
        agent_b.wait_for_timeout(500)  # B's EventSource is connected

        agent_a.locator("li.inbox-row", has_text="Zweite Anfrage").get_by_role("button", name="Assign to me").click()
        agent_a.wait_for_load_state()
        expect(second_b.locator(".inbox-meta")).to_contain_text("Agent A", timeout=15_000)
        expect(second_b.locator("textarea[name=body]")).to_have_value("Kunde hat angerufen, bitte")

        agent_a.locator("li.inbox-row", has_text="Erste Anfrage").get_by_role("button", name="Close").click()
        agent_a.wait_for_load_state()
        expect(agent_b.locator("li.inbox-row", has_text="Erste Anfrage")).to_have_count(0, timeout=15_000)
        expect(agent_b.locator("li.inbox-row")).to_have_count(1)
