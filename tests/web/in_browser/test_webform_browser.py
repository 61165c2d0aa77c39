"""The contact form inside another site's iframe (another loopback origin), in Chromium, without JavaScript."""

from __future__ import annotations

import pytest
from flask import Flask, Response
from playwright.sync_api import expect
from sqlalchemy import select

from connectors.registry import default_registry
from hub.connector_admin import add_channel, update_channel
from hub.db import unit_of_work
from hub.models import Interaction
from tests.web.browser import chromium, serving

pytestmark = pytest.mark.browser

CONSENT = "I agree that my details are stored to answer my request."


def _site(form_url: str) -> Flask:
    """A customer's website that embeds the form with one iframe tag."""
    site = Flask("shop-site")

    @site.route("/")
    def index() -> Response:
        html = (
            '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head>'
            f'<body><h1>Our shop</h1><iframe title="Contact" src="{form_url}" width="600" height="900"></iframe></body></html>'
        )
        return Response(html, headers={"Content-Security-Policy": f"default-src 'self'; frame-src {form_url.split('/forms')[0]}"})

    @site.route("/favicon.ico")
    def favicon() -> tuple[str, int]:
        return "", 204

    return site


def _form(app, origins: str) -> int:  # type: ignore[no-untyped-def]
    from web.admin_connectors import secret_box

    with app.app_context():
        box = secret_box()
    submitted = {"title": "Contact", "consent_text": CONSENT, "allowed_origins": origins}
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        return add_channel(session, default_registry(), box, kind="webform", name="Contact form", submitted=submitted, user_id=None)


def test_form_works_embedded_in_an_allowed_site_and_is_refused_elsewhere(app, live_server: str) -> None:  # type: ignore[no-untyped-def]
    form_id = _form(app, "http://127.0.0.1:1")
    with serving(_site(f"{live_server}/forms/{form_id}?lang=en")) as shop_url:
        problems: list[str] = []
        with chromium() as browser:
            context = browser.new_context(java_script_enabled=False)
            page = context.new_page()
            page.on("pageerror", lambda error: problems.append(str(error)))
            # Not (yet) an allowed origin: the browser refuses to show the form in the frame.
            # (``goto`` waits for the load event, which includes the frame: the same check finds the form below.)
            page.goto(shop_url)
            assert page.frame_locator("iframe").locator("input[name=name]").count() == 0

            from web.admin_connectors import secret_box

            with app.app_context():
                box = secret_box()
            submitted = {"title": "Contact", "consent_text": CONSENT, "allowed_origins": shop_url}
            with unit_of_work(app.extensions["hub.session_factory"]) as session:
                update_channel(session, default_registry(), box, form_id, name="Contact form", submitted=submitted, user_id=None)
            page.goto(shop_url)
            frame = page.frame_locator("iframe")
            assert frame.locator("input[name=name]").count() == 1
            frame.get_by_label("Name").fill("Erika Muster")
            frame.get_by_label("E-mail").fill("erika@example.org")
            frame.get_by_label("Message").fill("Is item 4711 in stock?")
            frame.get_by_role("button", name="Send message").click()
            expect(frame.get_by_role("alert")).to_contain_text("Please check the marked fields.")  # consent not ticked
            expect(frame.get_by_label("Message")).to_have_value("Is item 4711 in stock?")
            frame.get_by_label(CONSENT).check()
            frame.get_by_role("button", name="Send message").click()
            expect(frame.get_by_role("status")).to_contain_text("Thank you!")
        assert problems == []
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        interaction = session.scalars(select(Interaction).where(Interaction.channel == "webform")).one()
        assert interaction.text == "Is item 4711 in stock?"
