"""The context panel in a real Chromium: beside the message on a desktop, below it on a phone, tags corrected from it."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from hub.db import unit_of_work
from hub.demo.mailbox import build_demo_mailbox
from hub.models import Interaction
from tests.helpers import import_mails
from tests.web.browser import chromium, log_in
from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.browser

SUBJECT = "Gäste-WLAN für die Saison erweitern"




def test_context_panel_and_tag_correction(runtime, live_server: str, tmp_path: Path) -> None:
    import_mails(runtime, [mail.raw for mail in build_demo_mailbox()])
    with unit_of_work(runtime.factory) as session:
        message_id = session.scalar(select(Interaction.id).where(Interaction.subject == SUBJECT))
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        log_in(page, live_server, "agent@example.test", PASSWORD)
        page.goto(f"{live_server}/inbox?q=WLAN")
        page.click(f"a[href='/interactions/{message_id}']")
        page.wait_for_url(f"**/interactions/{message_id}")

        panel = page.locator("aside.context-panel")
        expect(panel.locator(".ctx-name")).to_have_text("Ines Rademacher")
        expect(panel.locator(".ctx-reason")).to_contain_text("no known identity")
        expect(panel.locator(".ctx-timeline li.current")).to_contain_text(SUBJECT)
        expect(panel.locator(".ctx-timeline li")).to_have_count(3)
        article, aside = page.locator("article.message").bounding_box(), panel.bounding_box()
        assert article and aside and aside["x"] >= article["x"] + article["width"], "beside the message on a desktop"

        panel.locator(".ctx-correct summary").click()
        panel.locator("select[name=intent]").select_option("technical_problem")
        panel.locator("select[name=severity]").select_option("medium")
        panel.get_by_role("button", name="Save correction").click()
        expect(page.locator(".flash")).to_contain_text("Tags corrected")
        expect(panel.locator(".ctx-tags")).to_contain_text("technical_problem")
        expect(panel.locator(".ctx-tags")).to_contain_text("corrected by an agent")
        assert runtime.settings.nlp_feedback_file().read_text().count("technical_problem") == 1

        page.set_viewport_size({"width": 375, "height": 800})
        page.reload()
        article, aside = page.locator("article.message").bounding_box(), panel.bounding_box()
        assert article and aside and aside["y"] >= article["y"] + article["height"], "below the message on a phone"
        # The panel itself must fit the phone (the shared page header is style.css's concern).
        assert aside["x"] >= 0 and aside["x"] + aside["width"] <= 375, "the panel fits a phone"
        assert panel.evaluate("element => element.scrollWidth <= element.clientWidth"), "nothing in the panel sticks out"
        shot = tmp_path / "context-375.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 0
