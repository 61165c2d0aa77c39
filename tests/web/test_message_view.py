"""The message view: sanitised HTML in a sandboxed frame, remote images, attachment downloads."""

from __future__ import annotations

import base64
import json
import re
from email.message import EmailMessage
from html.parser import HTMLParser
from pathlib import Path

import pytest
from sqlalchemy import select

from hub.db import unit_of_work
from hub.html_safety import (
    ATTRIBUTES,
    TAGS,
    content_disposition,
    download_filename,
    inline_image_url,
    sanitise_mail_html,
    served_content_type,
)
from hub.models import Attachment, Interaction, RemoteContentAllowance
from tests.helpers import import_mails
from tests.web.conftest import csrf_from

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d4944415478da63f8cfc0f01f0005000201a2dd3f3a0000000049454e44ae426082"
)
OWN = {"<logo@shop.example>": "/attachments/7"}


def _html_mail(message_id: str, html: str, *, sender: str = "Anna Weber <anna.weber@example.org>", subject: str = "Newsletter",
               attachments: list[tuple[bytes, str, str, str | None]] = ()) -> bytes:  # fmt: skip
    """A multipart mail with text, HTML and attachments ``(data, type, filename, content_id)``."""
    mail = EmailMessage()
    mail["From"] = sender
    mail["To"] = "service@shop.example"
    mail["Subject"] = subject
    mail["Message-ID"] = f"<{message_id}>"
    mail["Date"] = "Mon, 02 Nov 2026 09:00:00 +0100"
    mail.set_content("Plain text version of the mail.\n")
    mail.add_alternative(html, subtype="html")
    for data, content_type, filename, content_id in attachments:
        maintype, subtype = content_type.split("/")
        mail.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
        if content_id:
            mail.get_payload()[-1]["Content-ID"] = content_id
    return bytes(mail)


def _interaction(runtime, message_id: str) -> Interaction:
    with unit_of_work(runtime.factory) as session:
        return session.scalars(select(Interaction).where(Interaction.channel_message_id == message_id)).one()


def _attachments(runtime, interaction_id: int) -> list[Attachment]:
    with unit_of_work(runtime.factory) as session:
        return list(session.scalars(select(Attachment).where(Attachment.interaction_id == interaction_id).order_by(Attachment.position)))


# --- the sanitiser alone --------------------------------------------------------

class _Elements(HTMLParser):
    """Every start tag of sanitised output with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs)))


def _elements(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser.found


def assert_safe(html: str, own_urls: frozenset[str] = frozenset(OWN.values()), *, remote_ok: bool = False) -> None:
    """Only allowed tags and attributes; no handler, no script URL, no CSS that fetches, no remote image."""
    for tag, attrs in _elements(html):
        assert tag in TAGS, tag
        for name, value in attrs.items():
            value = value or ""
            allowed = ATTRIBUTES.get(tag, set()) | ATTRIBUTES["*"] | ({"target", "rel"} if tag == "a" else set())
            assert name in allowed and not name.startswith("on"), (tag, name)
            if name == "href":
                assert re.match(r"(https?|mailto):", value, re.IGNORECASE) or value in own_urls, value
            if name == "src":
                assert value in own_urls or (remote_ok and re.match(r"https?://", value, re.IGNORECASE)), value
            if name == "style":
                assert not re.search(r"url\(|expression|\\|@import|image-set", value, re.IGNORECASE), value
            if name == "target":
                assert value == "_blank"
            if name == "rel":
                assert value == "noopener noreferrer"


DANGEROUS = [
    ("<script>alert(1)</script>ok", "alert"),
    ('<img src=x onerror="alert(1)">', "onerror"),
    ('<p onclick="alert(1)" onmouseover=alert(2)>x</p>', "on"),
    ('<a href="javascript:alert(1)">x</a>', "javascript"),
    ('<a href="jav&#x09;ascript:alert(1)">x</a>', "ascript"),
    ('<a href=" JaVaScRiPt:alert(1)">x</a>', "alert"),
    ('<a href="data:text/html,<script>alert(1)</script>">x</a>', "data:"),
    ('<svg onload=alert(1)><script>alert(2)</script><use href="#x"/></svg>', "svg"),
    ('<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>', "javascript"),
    ('<form action="https://evil.example/"><input name=p><button formaction="javascript:alert(1)">go</button></form>', "form"),
    ('<base href="https://evil.example/"><a href="x">x</a>', "base"),
    ('<meta http-equiv="refresh" content="0;url=https://evil.example/">', "refresh"),
    ('<link rel="stylesheet" href="https://evil.example/x.css">', "link"),
    ('<style>@import "https://evil.example/x.css"; body{background:url(https://evil.example/)}</style>', "evil"),
    ('<p style="background:url(https://evil.example/bg.png);color:red">x</p>', "url("),
    ('<p style="background-image: u\\72l(https://evil.example/)">x</p>', "evil"),
    ('<p style="width: expression(alert(1))">x</p>', "expression"),
    ('<p style="color:red; behavior:url(x.htc)">x</p>', "behavior"),
    ('<img srcset="https://evil.example/1x.png 1x, https://evil.example/2x.png 2x">', "srcset"),
    ('<table background="https://evil.example/bg.png"><tr><td>x</td></tr></table>', "background"),
    ('<iframe src="https://evil.example/"></iframe><object data="https://evil.example/x"></object><embed src="https://evil.example/x">', "evil"),
    ('<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">', "data:"),
    ('<img src="/logout"><a href="/admin">x</a>', "/logout"),
    ("<!--[if gte mso 9]><img src=https://evil.example/x.png><![endif]-->", "evil"),
]


@pytest.mark.parametrize(("payload", "absent"), DANGEROUS, ids=[p[:40] for p, _ in DANGEROUS])
def test_sanitiser_removes_active_content(payload: str, absent: str) -> None:
    cleaned = sanitise_mail_html(payload, allow_remote_images=False, cid_urls=OWN).html
    assert absent.lower() not in cleaned.lower(), cleaned
    assert_safe(cleaned)


def test_sanitiser_keeps_mail_layout_and_safe_styles() -> None:
    html = (
        '<table width="600" cellpadding="4" bgcolor="#ffffff"><tr><td align="center" style="color:#333;font-size:14px;'
        'position:fixed;padding:4px">Hello <b>Anna</b> <a href="https://shop.example/o/4711">order</a> '
        '<a href="mailto:service@shop.example">mail us</a></td></tr></table>'
    )
    cleaned = sanitise_mail_html(html, allow_remote_images=False).html
    assert '<table width="600" cellpadding="4" bgcolor="#ffffff">' in cleaned
    assert "color:#333" in cleaned and "padding:4px" in cleaned and "position" not in cleaned
    assert '<a href="https://shop.example/o/4711" target="_blank" rel="noopener noreferrer">order</a>' in cleaned
    assert 'href="mailto:service@shop.example"' in cleaned
    assert_safe(cleaned)


def test_cid_images_point_to_this_messages_attachments_only() -> None:
    html = '<img src="cid:logo@shop.example" alt="logo"><img src="CID:%3Clogo@shop.example%3E"><img src="cid:other@x"><img src="/attachments/8">'
    cleaned = sanitise_mail_html(html, allow_remote_images=False, cid_urls=OWN).html
    assert cleaned.count('src="/attachments/7"') == 2
    assert "/attachments/8" not in cleaned and "cid:" not in cleaned


def test_data_urls_only_when_built_from_an_attachment() -> None:
    own = inline_image_url(PNG)
    assert own is not None and own.startswith("data:image/png;base64,")
    assert inline_image_url(b"<svg onload=alert(1)>") is None
    html = f'<img src="cid:logo@x"><img src="{own}"><a href="{own}">x</a><img src="data:image/png;base64,Zm9yZWlnbg==">'
    cleaned = sanitise_mail_html(html, allow_remote_images=False, cid_urls={"logo@x": own}).html
    assert cleaned.count(own) == 3 and "Zm9yZWlnbg" not in cleaned
    assert_safe(cleaned, frozenset({own}))


def test_remote_images_blocked_until_allowed() -> None:
    html = (
        '<img src="https://track.example/p.gif?u=1"><img src="http://track.example/a.png"><img src="//track.example/b.png">'
        '<img src=" ht&#x09;tps://track.example/c.png"><img src="cid:logo@shop.example">'
    )
    blocked = sanitise_mail_html(html, allow_remote_images=False, cid_urls=OWN)
    assert blocked.blocked_remote == 4 and "track.example" not in blocked.html
    assert 'src="/attachments/7"' in blocked.html
    allowed = sanitise_mail_html(html, allow_remote_images=True, cid_urls=OWN)
    assert allowed.blocked_remote == 1, "a scheme-relative URL is never loaded"
    assert 'src="https://track.example/p.gif?u=1"' in allowed.html and 'src="http://track.example/a.png"' in allowed.html
    assert_safe(allowed.html, remote_ok=True)


def _xss_rows(shared_data: Path) -> list[dict]:
    rows = []
    for path in sorted((shared_data / "security" / "xss").glob("*.jsonl")):
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
    return rows


def test_every_corpus_payload_sanitises_to_inert_html(shared_data: Path) -> None:
    rows = _xss_rows(shared_data)
    assert len(rows) > 4000
    for row in rows:
        cleaned = sanitise_mail_html(row["payload"], allow_remote_images=False, cid_urls=OWN)
        assert_safe(cleaned.html)
        if row["vector"] == "remote-resource":
            srcs = [value for _, attrs in _elements(cleaned.html) for name, value in attrs.items() if name != "href"]
            assert not any("leaking.via" in (value or "") for value in srcs), row["title"]
        # stable: cleaning the output again changes no element (no mutation left to exploit)
        again = sanitise_mail_html(cleaned.html, allow_remote_images=False, cid_urls=OWN).html
        assert _elements(again) == _elements(cleaned.html), row["payload"][:80]


def _filename_rows(shared_data: Path) -> list[str]:
    path = shared_data / "security" / "attachments" / "filenames.jsonl"
    return [json.loads(line)["payload"] for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def test_download_names_are_safe_for_every_hostile_name(shared_data: Path) -> None:
    names = _filename_rows(shared_data) + ["evil\u202egnp.exe", "a\r\nContent-Type: text/html", 'x"; filename="y.exe', "..\\..\\boot.ini", "CON", "a" * 400 + ".pdf"]
    for name in names:
        safe = download_filename(name)
        assert safe and len(safe) <= 120
        assert not re.search(r'[\x00-\x1f\x7f/\\<>:"|?*\u202a-\u202e\u2066-\u2069\u200e\u200f]', safe), (name, safe)
        assert not safe.startswith(".") and not safe.endswith((".", " "))
        assert safe.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL", "COM1", "LPT1", "CLOCK$"}
        header = content_disposition(name)
        assert re.fullmatch(r"attachment; filename=\"[A-Za-z0-9._()+ -]+\"; filename\*=UTF-8''[A-Za-z0-9%._~-]+", header), header
    assert download_filename("evil\u202egnp.exe") == "evilgnp.exe"
    assert download_filename("../../etc/passwd") == "passwd"


def test_served_type_comes_from_the_bytes_not_the_sender(shared_data: Path) -> None:
    assert served_content_type(PNG) == "image/png"
    assert served_content_type(b"GIF89a....") == "image/gif"
    assert served_content_type(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "image/webp"
    svg = (shared_data / "security" / "attachments" / "files" / "SVG_XSS2.svg").read_bytes()
    assert served_content_type(svg) == "application/octet-stream"
    assert served_content_type(b"<html><script>alert(1)</script>") == "application/octet-stream"


# --- routes -----------------------------------------------------------------------

NEW_GET_ROUTES = ["/interactions/1/html", "/attachments/1"]


@pytest.mark.parametrize("path", NEW_GET_ROUTES)
def test_new_pages_need_login(client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_allowing_remote_images_needs_login_and_csrf(runtime, client) -> None:
    import_mails(runtime, [_html_mail("m1@example.org", '<img src="https://track.example/p.gif">')])
    interaction = _interaction(runtime, "m1@example.org")
    path = f"/interactions/{interaction.id}/remote-images"
    assert client.post(path, data={"scope": "message"}).status_code == 400, "no token: refused before anything else"
    token = csrf_from(client.get("/login").get_data(as_text=True))
    anonymous = client.post(path, data={"scope": "message", "csrf_token": token})
    assert anonymous.status_code == 302 and "/login" in anonymous.headers["Location"]
    _log_in(client)
    assert client.post(path, data={"scope": "message"}).status_code == 400
    assert client.post(path, data={"scope": "message", "csrf_token": "wrong"}).status_code == 400
    assert client.post(path, data={"scope": "message"}, headers={"X-CSRF-Token": "wrong"}).status_code == 400
    with unit_of_work(runtime.factory) as session:
        assert session.scalars(select(RemoteContentAllowance)).all() == []


def _log_in(client) -> None:  # type: ignore[no-untyped-def]
    from tests.web.conftest import PASSWORD

    token = csrf_from(client.get("/login").get_data(as_text=True))
    assert client.post("/login", data={"email": "agent@example.test", "password": PASSWORD, "csrf_token": token}).status_code == 302


NEWSLETTER = (
    '<h1 onclick="alert(1)">Hallo Anna</h1><script>alert(document.cookie)</script>'
    '<p style="color:#c00">Ihre Bestellung <a href="https://shop.example/o/4711">4711</a></p>'
    '<img src="cid:logo@shop.example" alt="logo"><img src="https://track.example/p.gif?u=anna" alt="pixel">'
)


def test_html_mail_is_shown_in_a_sandboxed_frame(runtime, logged_in) -> None:
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>'
    import_mails(runtime, [_html_mail("m1@example.org", NEWSLETTER, attachments=[(PNG, "image/png", "logo.png", "<logo@shop.example>"), (svg, "image/png", "chart.png", None)])])
    interaction = _interaction(runtime, "m1@example.org")
    logo, chart = _attachments(runtime, interaction.id)

    page = logged_in.get(f"/interactions/{interaction.id}").get_data(as_text=True)
    assert f'<iframe class="mail-html" sandbox="allow-popups allow-popups-to-escape-sandbox" src="/interactions/{interaction.id}/html" referrerpolicy="no-referrer"' in page
    assert "1 remote image blocked" in page and 'name="scope" value="sender"' in page
    assert f'href="/attachments/{logo.id}"' in page and f'href="/attachments/{chart.id}"' in page
    assert "alert(document.cookie)" not in page, "the HTML itself never reaches the app page"

    frame = logged_in.get(f"/interactions/{interaction.id}/html")
    body = frame.get_data(as_text=True)
    csp = frame.headers["Content-Security-Policy"]
    assert csp.startswith("default-src 'none'; img-src 'self' data:;") and "sandbox allow-popups allow-popups-to-escape-sandbox" in csp and "allow-scripts" not in csp and "frame-ancestors 'self'" in csp
    assert "script-src" not in csp and "https:" not in csp
    assert frame.headers["X-Frame-Options"] == "SAMEORIGIN" and frame.headers["X-Content-Type-Options"] == "nosniff"
    assert frame.headers["Referrer-Policy"] == "no-referrer"
    assert "<script" not in body and "onclick" not in body and "track.example" not in body
    assert f'<img src="data:image/png;base64,{base64.b64encode(PNG).decode()}" alt="logo">' in body, "cid picture inlined"
    assert "Hallo Anna" in body and 'rel="noopener noreferrer"' in body
    assert logged_in.get(f"/interactions/{interaction.id}").headers["X-Frame-Options"] == "DENY", "the app page keeps DENY"


def test_text_only_mail_has_no_frame(runtime, logged_in) -> None:
    import_mails(runtime, [b"From: a@example.org\r\nSubject: t\r\nMessage-ID: <t1@example.org>\r\n\r\n<b>just text</b>\r\n"])
    interaction = _interaction(runtime, "t1@example.org")
    page = logged_in.get(f"/interactions/{interaction.id}").get_data(as_text=True)
    assert "<iframe" not in page and "&lt;b&gt;just text&lt;/b&gt;" in page
    assert logged_in.get(f"/interactions/{interaction.id}/html").status_code == 404
    assert logged_in.get("/interactions/999999/html").status_code == 404


def test_remote_images_allowed_per_message_and_per_sender(runtime, logged_in) -> None:
    pixel = '<img src="https://track.example/p.gif">'
    import_mails(runtime, [
        _html_mail("m1@example.org", pixel), _html_mail("m2@example.org", pixel),
        _html_mail("m3@example.org", pixel, sender="Other <other@example.net>"),
    ])  # fmt: skip
    first, second, other = (_interaction(runtime, f"m{n}@example.org") for n in (1, 2, 3))
    token = csrf_from(logged_in.get(f"/interactions/{first.id}").get_data(as_text=True))

    assert logged_in.post(f"/interactions/{first.id}/remote-images", data={"scope": "everything", "csrf_token": token}).status_code == 400
    assert logged_in.post("/interactions/999999/remote-images", data={"scope": "message", "csrf_token": token}).status_code == 404
    response = logged_in.post(f"/interactions/{first.id}/remote-images", data={"scope": "message", "csrf_token": token})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/interactions/{first.id}")
    frame = logged_in.get(f"/interactions/{first.id}/html")
    assert 'src="https://track.example/p.gif"' in frame.get_data(as_text=True)
    assert "img-src 'self' data: https: http:;" in frame.headers["Content-Security-Policy"]
    assert "remote image" not in logged_in.get(f"/interactions/{first.id}").get_data(as_text=True)
    assert "track.example" not in logged_in.get(f"/interactions/{second.id}/html").get_data(as_text=True), "one message only"

    logged_in.post(f"/interactions/{second.id}/remote-images", data={"scope": "sender", "csrf_token": token})
    logged_in.post(f"/interactions/{second.id}/remote-images", data={"scope": "sender", "csrf_token": token})
    assert "track.example" in logged_in.get(f"/interactions/{second.id}/html").get_data(as_text=True)
    assert "track.example" not in logged_in.get(f"/interactions/{other.id}/html").get_data(as_text=True), "another sender stays blocked"
    with unit_of_work(runtime.factory) as session:
        rows = session.scalars(select(RemoteContentAllowance).order_by(RemoteContentAllowance.id)).all()
        assert [(r.scope, r.interaction_id, r.sender_address) for r in rows] == [
            ("message", first.id, None), ("sender", None, "anna.weber@example.org"),
        ], "allowing twice records once"  # fmt: skip


def test_attachments_download_with_safe_headers(runtime, logged_in, shared_data: Path) -> None:
    # NUL is left out here: on PostgreSQL the store stage cannot save such a name yet (reported); the
    # header it would get is covered by test_download_names_are_safe_for_every_hostile_name.
    hostile = [name for name in _filename_rows(shared_data)[::8] if "\x00" not in name]
    hostile += ["evil\u202egnp.exe", "..\\..\\windows\\win.ini", "CON", "r\u00e9sum\u00e9 \u6587\u4ef6.pdf"]
    files = shared_data / "security" / "attachments" / "files"
    attachments = [(PNG, "image/png", "logo.png", None), ((files / "SVG_XSS2.svg").read_bytes(), "image/svg+xml", "x.svg", None),
                   ((files / "xss.html.sample").read_bytes(), "text/html", "xss.html", None)]  # fmt: skip
    attachments += [(f"file {n}".encode(), "text/plain", name, None) for n, name in enumerate(hostile)]
    import_mails(runtime, [_html_mail("a1@example.org", "<p>files</p>", attachments=attachments)])
    rows = _attachments(runtime, _interaction(runtime, "a1@example.org").id)
    assert len(rows) == len(attachments)

    png = logged_in.get(f"/attachments/{rows[0].id}")
    assert png.status_code == 200 and png.data == PNG and png.headers["Content-Type"] == "image/png"
    for row in rows:
        response = logged_in.get(f"/attachments/{row.id}")
        assert response.status_code == 200
        disposition = response.headers["Content-Disposition"]
        assert disposition.startswith("attachment; filename=\"") and "filename*=UTF-8''" in disposition
        assert not re.search(r"[\r\n\x00/\\]", disposition.split("filename*=")[0]), disposition
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Content-Security-Policy"] == "default-src 'none'; sandbox"
        assert response.headers["Content-Type"] in ("application/octet-stream", "image/png"), response.headers["Content-Type"]
    assert logged_in.get(f"/attachments/{rows[1].id}").headers["Content-Type"] == "application/octet-stream", "svg never renders"
    assert logged_in.get(f"/attachments/{rows[2].id}").headers["Content-Type"] == "application/octet-stream", "html never renders"
    assert logged_in.get("/attachments/999999").status_code == 404
