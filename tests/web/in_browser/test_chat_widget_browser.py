"""The chat widget embedded in a page of another origin (another loopback port), under a strict CSP."""

from __future__ import annotations

import pytest
from flask import Flask, Response
from playwright.sync_api import expect
from sqlalchemy import select

from hub.channels import ensure_channel
from hub.db import unit_of_work
from hub.models import Interaction, RawSource
from tests.web.browser import chromium, serving
from tests.web.roles import login_as, token_of

pytestmark = pytest.mark.browser


def _shop(hub_url: str) -> Flask:
    """A customer's website that embeds the widget with one tag, and allows nothing inline."""
    site = Flask("shop-site")

    @site.route("/")
    def index() -> Response:
        html = (
            '<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Shop</title></head>'
            "<body><h1>Unser Shop</h1>"
            f'<script src="{hub_url}/static/chat-widget.js" data-kontakt-chat="{site.config["CHANNEL_ID"]}" async></script>'
            "</body></html>"
        )
        policy = f"default-src 'self'; script-src {hub_url}; connect-src {hub_url}; style-src 'self'; img-src 'self'"
        return Response(html, headers={"Content-Security-Policy": policy})

    @site.route("/favicon.ico")
    def favicon() -> tuple[str, int]:
        return "", 204  # the shop's own favicon is not what this test is about

    return site


def test_visitor_chats_with_an_agent_from_another_origin(app, live_server: str) -> None:
    app.config.update(CHAT_SSE_MAX_SECONDS=20, CHAT_SSE_HEARTBEAT_SECONDS=0.5)
    site = _shop(live_server)
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        channel_id = ensure_channel(session, kind="chat", name="Shop chat", config={"settings": {"allowed_origins": "http://127.0.0.1:1"}, "enabled": True})
    site.config["CHANNEL_ID"] = channel_id
    with serving(site) as shop_url:
        assert shop_url.rsplit(":", 1)[1] != live_server.rsplit(":", 1)[1]
        with unit_of_work(app.extensions["hub.session_factory"]) as session:
            ensure_channel(session, kind="chat", name="Shop chat", config={"settings": {"allowed_origins": shop_url, "greeting": "Hallo! Wie können wir helfen?"}, "enabled": True})
        problems: list[str] = []
        with chromium() as browser:
            page = browser.new_page()
            page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
            page.on("pageerror", lambda error: problems.append(str(error)))
            page.goto(shop_url)
            launcher = page.locator("[data-kontakt-chat=launcher]")
            expect(launcher).to_have_text("Chat")
            launcher.click()
            panel = page.locator("[data-kontakt-chat=panel]")
            expect(panel).to_be_visible()
            panel.get_by_placeholder("Ihr Name (optional)").fill("Erika Muster")
            panel.get_by_placeholder("Ihre E-Mail (optional)").fill("erika@example.org")
            panel.get_by_placeholder("Ihre Nachricht").fill("Ist Artikel 4711 lieferbar?")
            panel.get_by_role("button", name="Senden").click()
            expect(panel.locator("li[data-direction=in]")).to_have_text("Ist Artikel 4711 lieferbar?", timeout=15_000)
            expect(panel).to_contain_text("Hallo! Wie können wir helfen?")
            expect(panel.get_by_placeholder("Ihre Nachricht")).to_have_value("", timeout=30_000)  # the POST (and its ingest) finished

            with unit_of_work(app.extensions["hub.session_factory"]) as session:
                interaction = session.scalars(select(Interaction).where(Interaction.channel == "chat")).one()
                assert interaction.text == "Ist Artikel 4711 lieferbar?" and interaction.contact_id is not None
                folder = session.scalars(select(RawSource.folder).where(RawSource.channel_id == channel_id)).one()

            agent = login_as(app, "chat-browser@example.test", "agent")
            url = f"/chat/{channel_id}/{folder.removeprefix('conversation:')}/reply"
            assert agent.post(url, data={"csrf_token": token_of(agent), "text": "Ja, ab Lager."}).status_code == 303
            expect(panel.locator("li[data-direction=out]")).to_have_text("Ja, ab Lager.", timeout=15_000)

            # A reload keeps the conversation (token in localStorage) and shows it again.
            page.reload()
            page.locator("[data-kontakt-chat=launcher]").click()
            expect(page.locator("[data-kontakt-chat=panel] li[data-direction]")).to_have_count(2, timeout=15_000)
            page.close()
        assert problems == []


def test_agent_pages_update_live(app, live_server: str) -> None:
    from tests.web.browser import log_in
    from tests.web.conftest import PASSWORD

    app.config.update(CHAT_SSE_MAX_SECONDS=20, CHAT_SSE_HEARTBEAT_SECONDS=0.5)
    origin = "https://www.shop.example"
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        channel_id = ensure_channel(session, kind="chat", name="Shop chat", config={"settings": {"allowed_origins": origin}, "enabled": True})
    visitor = app.test_client()
    headers = {"Origin": origin}
    token = visitor.post(f"/chat/w/{channel_id}/conversations", json={}, headers=headers).get_json()["token"]
    headers["X-Chat-Token"] = token
    assert visitor.post(f"/chat/w/{channel_id}/messages", json={"id": "first-line-01", "text": "Erste Frage", "name": "Erika"}, headers=headers).status_code == 201
    problems: list[str] = []
    with chromium() as browser:
        page = browser.new_page()
        # The hub serves no favicon; that 404 is the browser's own request, not the chat's.
        page.on("console", lambda message: problems.append(message.text) if message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico") else None)
        page.on("pageerror", lambda error: problems.append(str(error)))
        log_in(page, live_server, "agent@example.test", PASSWORD)
        page.goto(f"{live_server}/chat")
        expect(page.locator("table.chat-conversations tbody tr")).to_have_count(1)
        page.get_by_role("link", name="Erika").click()
        lines = page.locator("#chat-lines li")
        expect(lines).to_have_count(1)
        page.wait_for_timeout(500)  # the EventSource is connected
        assert visitor.post(f"/chat/w/{channel_id}/messages", json={"id": "second-line-01", "text": "Zweite <b>Frage</b>"}, headers=headers).status_code == 201
        expect(lines).to_have_count(2, timeout=15_000)
        expect(lines.nth(1).locator(".text")).to_have_text("Zweite <b>Frage</b>")  # shown as text, never as markup
        page.fill("#chat-reply-text", "Antwort vom Team")
        page.click("form.chat-reply button[type=submit]")
        expect(lines).to_have_count(3, timeout=15_000)
        expect(lines.nth(2)).to_contain_text("Antwort vom Team")
    assert problems == []
