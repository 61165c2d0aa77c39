"""Every XSS and HTTP-leak payload of the shared corpus, rendered by a real Chromium through the message view.

The sanitiser tests prove the HTML is clean by our reading; this proves it by
the browser's: no dialog, no script execution, no request to any host but
the app. Payloads cannot know the marker the instrumentation writes, so a
marker seen anywhere means something ran.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from hub.db import unit_of_work
from hub.models import Interaction
from tests.helpers import import_mails
from tests.web.browser import chromium, log_in
from tests.web.conftest import PASSWORD

pytestmark = pytest.mark.browser

PAYLOADS_PER_MAIL = 200
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d4944415478da63f8cfc0f01f0005000201a2dd3f3a0000000049454e44ae426082"
)
MARKER = "xss-" + secrets.token_hex(8)
#: Runs before any page script: every way to open a dialog leaves the marker behind.
INSTRUMENT = """
(() => {
  const marker = "MARKER";
  const hit = (how) => { try { window.__xss = marker; console.log(marker + " " + how); } catch (e) {} };
  for (const name of ["alert", "confirm", "prompt", "print"]) {
    const original = window[name];
    window[name] = function () { hit(name); return original.apply(this, arguments); };
  }
})();
""".replace("MARKER", MARKER)


def _rows(shared_data: Path) -> list[dict]:
    rows = []
    for path in sorted((shared_data / "security" / "xss").glob("*.jsonl")):
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
    return rows


def _one_line(text: str, limit: int = 150) -> str:
    return " ".join(text.replace("\x00", "").split())[:limit]


def _mail(number: int, payloads: list[str], sample: str, hostile_name: str) -> bytes:
    """One HTML mail carrying a batch of payloads; a sample also in subject, display name and file name."""
    mail = EmailMessage()
    mail["From"] = f"{_one_line(sample, 60)} <sender{number % 3}@example.org>"
    mail["To"] = "service@shop.example"
    mail["Subject"] = f"batch {number} {_one_line(sample)}"
    mail["Message-ID"] = f"<xss-batch-{number}@example.org>"
    mail["Date"] = "Mon, 02 Nov 2026 09:00:00 +0100"
    mail.set_content(f"batch {number}\n")
    body = "".join(f'<div class="payload">{payload}</div>\n' for payload in payloads)
    mail.add_alternative(f'<p>batch {number}</p><img src="cid:logo-{number}@example.org" alt="logo">\n{body}', subtype="html")
    mail.add_attachment(PNG, maintype="image", subtype="png", filename="logo.png")
    mail.get_payload()[-1]["Content-ID"] = f"<logo-{number}@example.org>"
    mail.add_attachment(b"x", maintype="text", subtype="html", filename=_one_line(hostile_name, 100) or "x.html")
    return bytes(mail)



@pytest.fixture
def browser() -> Iterator[object]:
    with chromium() as chromium_browser:
        yield chromium_browser


class Observer:
    """Dialogs, marked console messages and every request a browser context makes."""

    def __init__(self, app_origin: str) -> None:
        self.app_netloc = urlsplit(app_origin).netloc
        self.dialogs: list[str] = []
        self.marked: list[str] = []
        self.foreign: list[tuple[str, str]] = []
        self.requests = 0

    def attach(self, context) -> None:  # type: ignore[no-untyped-def]
        context.add_init_script(INSTRUMENT)
        context.route("**/*", self._route)
        context.on("page", self._watch_page)

    def _watch_page(self, page) -> None:  # type: ignore[no-untyped-def]
        page.on("dialog", self._dialog)
        page.on("console", lambda message: MARKER in message.text and self.marked.append(message.text))

    def _dialog(self, dialog) -> None:  # type: ignore[no-untyped-def]
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def _route(self, route) -> None:  # type: ignore[no-untyped-def]
        request = route.request
        self.requests += 1
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc == self.app_netloc:
            route.continue_()
            return
        self.foreign.append((request.resource_type, request.url))
        route.abort()


def _log_in(page, base: str) -> None:  # type: ignore[no-untyped-def]
    # The machines are shared: allow slow steps rather than fail on load, the checks stay exact.
    page.set_default_timeout(90_000)
    log_in(page, base, "agent@example.test", PASSWORD)


def _frame_xss(page) -> list[object]:  # type: ignore[no-untyped-def]
    """``window.__xss`` in every frame that lets us look (a script-less sandbox may not)."""
    found = []
    for frame in page.frames:
        try:
            found.append(frame.evaluate("typeof window.__xss === 'undefined' ? null : window.__xss"))
        except Exception:  # noqa: BLE001, S112 - a frame gone mid-navigation cannot be read; the others still are
            continue
    return [value for value in found if value is not None]


def test_instrumentation_sees_a_dialog(browser) -> None:  # type: ignore[no-untyped-def]
    """Control: the same instrumentation catches a script that does run."""
    observer = Observer("http://127.0.0.1:1")
    context = browser.new_context()
    observer.attach(context)
    page = context.new_page()
    page.set_content("<script>alert(1)</script>")
    assert observer.dialogs == ["alert: 1"] and observer.marked and page.evaluate("window.__xss") == MARKER
    context.close()


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_corpus_renders_inert_in_chromium(runtime, live_server: str, browser, shared_data: Path) -> None:  # type: ignore[no-untyped-def]
    rows = _rows(shared_data)
    payloads = [row["payload"] for row in rows]
    names = [json.loads(line)["payload"] for line in (shared_data / "security" / "attachments" / "filenames.jsonl").read_text(encoding="utf-8").split("\n") if line.strip()]
    batches = [payloads[start : start + PAYLOADS_PER_MAIL] for start in range(0, len(payloads), PAYLOADS_PER_MAIL)]
    leaks = [row["payload"] for row in rows if row["vector"] == "remote-resource"]
    mails = [_mail(n, batch, batch[0], f"{names[n % len(names)]}<img src=x onerror=alert(1)>.html") for n, batch in enumerate(batches)]
    allowed_later = ['<img src="https://leaking.via/allowed-image">', '<img src="http://leaking.via/allowed-image-2">']
    mails.append(_mail(len(batches), leaks + allowed_later, leaks[0], "leaks.html"))
    report = import_mails(runtime, mails)
    with unit_of_work(runtime.factory) as session:
        ids = {i.channel_message_id: i.id for i in session.scalars(select(Interaction))}
    assert len(ids) == len(mails), report

    observer = Observer(live_server)
    context = browser.new_context()
    observer.attach(context)
    page = context.new_page()
    _log_in(page, live_server)
    framed = 0
    for number in range(len(mails)):
        interaction_id = ids[f"xss-batch-{number}@example.org"]
        with page.expect_response(lambda r, i=interaction_id: r.url.endswith(f"/interactions/{i}/html")) as frame_response:
            page.goto(f"{live_server}/interactions/{interaction_id}", wait_until="load")
        assert frame_response.value.status == 200
        framed += 1
        page.wait_for_timeout(150)  # delayed handlers (autofocus, animations, timers) get their chance
        assert _frame_xss(page) == []
    assert framed == len(mails)
    assert observer.dialogs == [] and observer.marked == []
    assert observer.foreign == [], observer.foreign[:10]

    # The agent allows remote images for the leak mail: now only images may load, nothing else leaks.
    leak_id = ids[f"xss-batch-{len(batches)}@example.org"]
    page.goto(f"{live_server}/interactions/{leak_id}")
    page.click("form.remote-images button[value=message]")
    page.wait_for_url(f"{live_server}/interactions/{leak_id}")
    page.wait_for_timeout(300)
    assert observer.foreign, "allowed remote images are requested (and aborted by the test)"
    assert sorted(url for _, url in observer.foreign) == ["http://leaking.via/allowed-image-2", "https://leaking.via/allowed-image"], observer.foreign
    assert {kind for kind, _ in observer.foreign} == {"image"}
    assert observer.dialogs == [] and observer.marked == []
    context.close()
    print(
        f"\nxss-browser: payloads={len(payloads)} mails={len(mails)} requests={observer.requests} dialogs={len(observer.dialogs)} "
        f"script_markers={len(observer.marked)} remote_after_allow={len(observer.foreign)}"
    )
