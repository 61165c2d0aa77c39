"""In Chromium: an admin merges the demo mailbox's two Julia Wagner contacts and undoes it."""

from __future__ import annotations


import pytest
from playwright.sync_api import expect
from sqlalchemy import func, select

from hub.db import unit_of_work
from hub.demo import build_demo_mailbox
from hub.models import ContactIdentity, Interaction
from tests.helpers import import_mails
from tests.web.browser import chromium, log_in
from tests.web.conftest import PASSWORD
from tests.web.roles import add_user

pytestmark = pytest.mark.browser




def _contact_of(session, address: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    contact_id = session.scalars(select(ContactIdentity.contact_id).where(ContactIdentity.value == address)).one()
    return contact_id, session.scalar(select(func.count()).where(Interaction.contact_id == contact_id)) or 0


def test_admin_merges_julia_wagner_and_undoes_it(runtime, app, live_server: str) -> None:
    mails = build_demo_mailbox()
    import_mails(runtime, [m.raw for m in mails if m.folder == "INBOX"])
    import_mails(runtime, [m.raw for m in mails if m.folder == "Sent"], folder="Sent")
    with unit_of_work(runtime.factory) as session:
        (outlook, outlook_count), (gmail, gmail_count) = _contact_of(session, "julia.wagner@outlook.de"), _contact_of(session, "juliawagner.privat@gmail.com")
    assert outlook != gmail and outlook_count and gmail_count
    add_user(app, "admin@example.test", "admin")
    with chromium() as browser:
        page = browser.new_page()
        log_in(page, live_server, "admin@example.test", PASSWORD)
        page.goto(f"{live_server}/contacts/{outlook}")
        entries = page.locator("ol.timeline > li")
        expect(entries).to_have_count(outlook_count)

        page.select_option("form.merge select[name=other_contact_id]", str(gmail))
        page.click("form.merge button[type=submit]")
        expect(page.locator(".flash")).to_contain_text("merged")
        expect(entries).to_have_count(outlook_count + gmail_count)
        expect(page.locator("ul.identities")).to_contain_text("juliawagner.privat@gmail.com")

        page.click("section.merges form.undo-merge button")
        expect(page.locator(".flash")).to_contain_text("undone")
        expect(entries).to_have_count(outlook_count)
        expect(page.locator("ul.identities")).not_to_contain_text("juliawagner.privat@gmail.com")
        page.goto(f"{live_server}/contacts/{gmail}")
        expect(entries).to_have_count(gmail_count)
