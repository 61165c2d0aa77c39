"""In Chromium: an agent types part of a company name, picks a match in place and saves the contact."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from hub import clock
from hub.db import unit_of_work
from hub.models import Company, Contact, ContactIdentity
from tests.helpers import import_mails
from tests.web.browser import chromium, log_in
from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.browser

MAIL = (
    b"From: Julia Wagner <julia.wagner@outlook.de>\r\nTo: service@shop.example\r\nSubject: Tarifwechsel\r\n"
    b"Message-ID: <cb1@example.org>\r\nDate: Mon, 02 Nov 2026 09:00:00 +0100\r\n\r\nHallo\r\n"
)


def test_agent_finds_a_company_as_they_type_and_saves_it(runtime, live_server: str) -> None:
    import_mails(runtime, [MAIL])
    with unit_of_work(runtime.factory) as session:
        session.add_all([Company(name=f"Filler {n:02d} AG", created_at=clock.utcnow()) for n in range(20)])
        target = Company(name="Alpen Rhein Logistik GmbH", domain="alpenrhein.example", created_at=clock.utcnow())
        session.add(target)
        session.flush()
        target_id = target.id
        contact_id = session.scalars(select(ContactIdentity.contact_id).where(ContactIdentity.value == "julia.wagner@outlook.de")).one()
    with chromium() as browser:
        page = browser.new_page()
        log_in(page, live_server, "agent@example.test", PASSWORD)
        page.goto(f"{live_server}/contacts/{contact_id}")
        page.click("details.contact-edit summary")
        options = page.locator("select.company-choice option")
        expect(options).to_have_count(1)  # "(no company)" only: no list of every company
        page.fill("input.company-query", "rhein")
        expect(options).to_have_count(2)
        expect(options.nth(1)).to_have_text("Alpen Rhein Logistik GmbH (alpenrhein.example)")
        assert page.url.endswith(f"/contacts/{contact_id}"), "the lookup ran in place, without a reload"
        page.select_option("select.company-choice", str(target_id))
        page.click("details.contact-edit form[method=post] > button[type=submit]")
        expect(page.locator(".flash")).to_contain_text("saved")
    with unit_of_work(runtime.factory) as session:
        assert session.get(Contact, contact_id).company_id == target_id
