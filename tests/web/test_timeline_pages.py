"""Timeline pages: login required, readable history, reasons shown, escaping."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from hub.db import unit_of_work
from hub.models import Contact, Interaction
from tests.helpers import import_mails
from tests.web.conftest import csrf_from

THREAD = [
    b"From: Anna Weber <anna.weber@example.org>\r\nTo: service@shop.example\r\nSubject: Bestellung 4711 <b>fehlt</b>\r\n"
    b"Message-ID: <m1@example.org>\r\nDate: Mon, 02 Nov 2026 09:00:00 +0100\r\n\r\nHallo, wo bleibt meine Bestellung?\r\n<script>alert(1)</script>\r\n",
    b"From: Service <service@shop.example>\r\nTo: Anna Weber <anna.weber@example.org>\r\nSubject: Re: Bestellung 4711\r\n"
    b"Message-ID: <m2@shop.example>\r\nIn-Reply-To: <m1@example.org>\r\nReferences: <m1@example.org>\r\nDate: Mon, 02 Nov 2026 10:00:00 +0100\r\n\r\nSie ist unterwegs.\r\n\r\n"
    b"Am 02.11.2026 um 09:00 schrieb Anna Weber <anna.weber@example.org>:\r\n> Hallo, wo bleibt meine Bestellung?\r\n",
]

PAGES = ["/", "/contacts/1", "/interactions/1"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_need_login(client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 302
    assert "/login" in response.headers["Location"]


def test_health_is_public(client) -> None:
    assert client.get("/health").json == {"status": "ok"}


def test_contact_timeline_is_readable(runtime, logged_in) -> None:
    import_mails(runtime, THREAD[:1])
    import_mails(runtime, THREAD[1:], folder="Sent")
    with unit_of_work(runtime.factory) as session:
        contact = session.scalars(select(Contact)).one()
        first = session.scalars(select(Interaction).where(Interaction.channel_message_id == "m1@example.org")).one()
    listing = logged_in.get("/").get_data(as_text=True)
    assert "Anna Weber" in listing
    page = logged_in.get(f"/contacts/{contact.id}").get_data(as_text=True)
    assert page.index("Re: Bestellung 4711") < page.index("Bestellung 4711 &lt;b&gt;fehlt&lt;/b&gt;"), "newest first"
    assert "anna.weber@example.org" in page
    detail = logged_in.get(f"/interactions/{first.id}")
    html = detail.get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert" not in html
    assert "Why the hub decided" in html and "new contact" in html
    assert "Content-Security-Policy" in detail.headers and "script-src 'self'" in detail.headers["Content-Security-Policy"]
    assert logged_in.get("/contacts/999999").status_code == 404
    with unit_of_work(runtime.factory) as session:
        reply = session.scalars(select(Interaction).where(Interaction.channel_message_id == "m2@shop.example")).one()
    reply_page = logged_in.get(f"/interactions/{reply.id}").get_data(as_text=True)
    assert reply_page.index("Sie ist unterwegs.") < reply_page.index("<details"), "the new text first, the history folded"
    assert "wo bleibt meine Bestellung" not in page.split("Re: Bestellung 4711")[1].split("</li>")[0], "snippets show the reply only"


def test_wrong_password_is_refused(client) -> None:
    token = csrf_from(client.get("/login").get_data(as_text=True))
    response = client.post("/login", data={"email": "agent@example.test", "password": "wrong password!", "csrf_token": token})
    assert response.status_code == 401
    assert client.get("/").status_code == 302


def test_login_and_logout_need_csrf(client, logged_in) -> None:
    assert client.post("/login", data={"email": "agent@example.test", "password": "x"}).status_code == 400
    assert logged_in.post("/logout").status_code == 400
    token = csrf_from(logged_in.get("/").get_data(as_text=True))
    assert logged_in.post("/logout", data={"csrf_token": token}).status_code == 302
    assert logged_in.get("/").status_code == 302


def test_login_never_redirects_off_site(client) -> None:
    token = csrf_from(client.get("/login").get_data(as_text=True))
    response = client.post(
        "/login?next=//evil.example/x",
        data={"email": "agent@example.test", "password": "correct horse battery", "csrf_token": token},
    )
    assert response.headers["Location"] == "/"
