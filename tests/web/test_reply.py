"""Replying from the inbox through a real SMTP server (aiosmtpd), on both databases.

The agent's reply is sent once, with From = the mailbox, threaded by
In-Reply-To/References, and comes back as an outgoing interaction in the
customer's timeline and thread; a failed send is visible and retryable.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import Envelope
from sqlalchemy import select

from hub.channels import ensure_channel
from hub.db import unit_of_work
from hub.models import Interaction, OutboundMessage
from hub.outbound import queue_reply
from tests.helpers import import_mails
from tests.web.conftest import csrf_from
from workers import jobs

MAILBOX = "service@shop.example"
CUSTOMER_MAIL = (
    b"From: Anna Weber <anna.weber@example.org>\r\nTo: Service <service@shop.example>\r\nSubject: AW: Bestellung 4711\r\n"
    b"Message-ID: <m1@example.org>\r\nIn-Reply-To: <m0@shop.example>\r\nReferences: <m0@shop.example>\r\n"
    b"Date: Mon, 02 Nov 2026 09:00:00 +0100\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
    b"Hallo, wo bleibt meine Bestellung? Ich warte schon seit einer Woche auf die Lieferung.\r\n"
)
REPLY_BODY = "Guten Tag Frau Weber,\n\nIhre Bestellung ist unterwegs.\n\nViele Grüße"


class SmtpSink:
    """A real SMTP server on 127.0.0.1 that keeps every message it accepts."""

    def __init__(self) -> None:
        self.envelopes: list[Envelope] = []
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.controller: Controller | None = None

    async def handle_DATA(self, server, session, envelope: Envelope) -> str:  # type: ignore[no-untyped-def]
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"

    def start(self) -> None:
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def messages(self) -> list[EmailMessage]:
        return [message_from_bytes(e.original_content, policy=default) for e in self.envelopes]  # type: ignore[misc]


@pytest.fixture
def smtp_sink() -> Iterator[SmtpSink]:
    sink = SmtpSink()
    sink.start()
    yield sink
    sink.stop()


def _smtp(settings, sink: SmtpSink):  # type: ignore[no-untyped-def]
    return settings.model_copy(
        update={"smtp_host": "127.0.0.1", "smtp_port": sink.port, "smtp_starttls": False, "smtp_timeout": 5.0}
    )


@pytest.fixture
def settings(settings, smtp_sink):  # type: ignore[no-untyped-def]
    """The shared settings fixture (both databases), sending to the sink."""
    return _smtp(settings, smtp_sink)


@pytest.fixture
def pg_settings(pg_settings, smtp_sink):  # type: ignore[no-untyped-def]
    """PostgreSQL settings for the RQ test, sending to the sink."""
    return _smtp(pg_settings, smtp_sink)


def _customer_mail(runtime) -> Interaction:  # type: ignore[no-untyped-def]
    with unit_of_work(runtime.factory) as session:
        ensure_channel(session, kind="imap", name="service", address=MAILBOX)
    import_mails(runtime, [CUSTOMER_MAIL])
    with unit_of_work(runtime.factory) as session:
        return session.scalars(select(Interaction).where(Interaction.channel_message_id == "m1@example.org")).one()


def _outbound(runtime) -> list[OutboundMessage]:  # type: ignore[no-untyped-def]
    with unit_of_work(runtime.factory) as session:
        return list(session.scalars(select(OutboundMessage).order_by(OutboundMessage.id)))


def composer_fields(html: str) -> dict[str, str]:
    """The values the composer prefilled, as a browser would submit them unchanged."""
    import html as html_lib
    import re

    fields = {
        name: html_lib.unescape(value)
        for name, value in re.findall(r'<input id="\w+" name="(to|cc|bcc|subject)"[^>]*? value="([^"]*)"', html)
    }
    fields["reply_all"] = re.search(r'name="reply_all" value="(\d)"', html).group(1)  # type: ignore[union-attr]
    fields["body"] = html_lib.unescape(re.search(r"<textarea[^>]*>(.*?)</textarea>", html, re.S).group(1))  # type: ignore[union-attr]
    fields["csrf_token"] = csrf_from(html)
    return fields


def _post_reply(client, interaction_id: int) -> str:  # type: ignore[no-untyped-def]
    composer = client.get(f"/interactions/{interaction_id}/reply")
    assert composer.status_code == 200
    data = composer_fields(composer.get_data(as_text=True)) | {"body": REPLY_BODY}
    response = client.post(f"/interactions/{interaction_id}/reply", data=data, follow_redirects=True)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_reply_is_sent_once_and_joins_the_thread(runtime, logged_in, smtp_sink: SmtpSink) -> None:
    original = _customer_mail(runtime)
    composer = logged_in.get(f"/interactions/{original.id}/reply").get_data(as_text=True)
    assert "Re: Bestellung 4711" in composer and "AW:" not in composer
    assert "schrieb Anna Weber &lt;anna.weber@example.org&gt;:" in composer
    assert "&gt; Hallo, wo bleibt meine Bestellung?" in composer

    page = _post_reply(logged_in, original.id)

    assert "Reply sent." in page
    assert len(smtp_sink.envelopes) == 1
    envelope, sent = smtp_sink.envelopes[0], smtp_sink.messages()[0]
    assert envelope.mail_from == MAILBOX and envelope.rcpt_tos == ["anna.weber@example.org"]
    assert sent["From"] == MAILBOX and sent["To"] == "anna.weber@example.org"
    assert sent["Subject"] == "Re: Bestellung 4711"
    assert sent["In-Reply-To"] == "<m1@example.org>"
    assert sent["References"] == "<m0@shop.example> <m1@example.org>"
    assert sent["Message-ID"].endswith("@shop.example>")
    assert "Ihre Bestellung ist unterwegs." in sent.get_content()
    [outbound] = _outbound(runtime)
    assert outbound.status == "sent" and outbound.attempts == 1 and outbound.last_error is None
    assert f"<{outbound.message_id}>" == sent["Message-ID"]
    with unit_of_work(runtime.factory) as session:
        reply = session.scalars(select(Interaction).where(Interaction.channel_message_id == outbound.message_id)).one()
        assert reply.direction == "out" and reply.id == outbound.sent_interaction_id
        assert reply.thread_id == original.thread_id and reply.contact_id == original.contact_id
        assert reply.in_reply_to == "m1@example.org"
    timeline = logged_in.get(f"/contacts/{original.contact_id}").get_data(as_text=True)
    assert '<li class="entry out">' in timeline and "Re: Bestellung 4711" in timeline
    thread = logged_in.get(f"/interactions/{original.id}").get_data(as_text=True)
    assert f'href="/interactions/{reply.id}"' in thread


def test_failed_send_is_shown_and_retried(runtime, logged_in, smtp_sink: SmtpSink) -> None:
    original = _customer_mail(runtime)
    smtp_sink.stop()

    page = _post_reply(logged_in, original.id)

    [outbound] = _outbound(runtime)
    assert outbound.status == "failed" and outbound.attempts == 1
    assert "ConnectionRefusedError" in (outbound.last_error or "")
    assert "Reply could not be sent" in page and "ConnectionRefusedError" in page and f'action="/outbound/{outbound.id}/retry"' in page
    smtp_sink.start()

    retried = logged_in.post(f"/outbound/{outbound.id}/retry", data={"csrf_token": csrf_from(page)}, follow_redirects=True)

    assert retried.status_code == 200 and "Reply sent." in retried.get_data(as_text=True)
    [outbound] = _outbound(runtime)
    assert outbound.status == "sent" and outbound.attempts == 2 and outbound.last_error is None
    assert len(smtp_sink.envelopes) == 1
    again = logged_in.post(f"/outbound/{outbound.id}/retry", data={"csrf_token": csrf_from(page)}, follow_redirects=True)
    assert "Only a failed reply can be retried." in again.get_data(as_text=True)
    assert len(smtp_sink.envelopes) == 1, "a sent reply is never sent again"


def test_send_job_twice_sends_once(runtime, smtp_sink: SmtpSink) -> None:
    original = _customer_mail(runtime)
    with unit_of_work(runtime.factory) as session:
        outbound_id = queue_reply(session, original.id, REPLY_BODY, None)

    first = jobs.send_reply_job(outbound_id)
    second = jobs.send_reply_job(outbound_id)

    assert first == {"status": "sent", "sent_now": "True"}
    assert second == {"status": "sent", "sent_now": "False"}
    assert len(smtp_sink.envelopes) == 1
    with unit_of_work(runtime.factory) as session:
        copies = session.scalars(select(Interaction).where(Interaction.direction == "out")).all()
    assert len(copies) == 1


def test_sending_disabled_is_a_visible_failure(runtime, logged_in) -> None:
    runtime.settings.smtp_host = ""
    original = _customer_mail(runtime)
    page = _post_reply(logged_in, original.id)
    assert "no SMTP server is configured" in page
    assert _outbound(runtime)[0].status == "failed"


def test_reply_needs_a_mailbox_address(runtime, logged_in) -> None:
    import_mails(runtime, [CUSTOMER_MAIL])
    with unit_of_work(runtime.factory) as session:
        original = session.scalars(select(Interaction)).one()
    response = logged_in.get(f"/interactions/{original.id}/reply")
    assert response.status_code == 409 and "no mailbox with an address" in response.get_data(as_text=True)
    assert logged_in.get("/interactions/999999/reply").status_code == 404


@pytest.mark.parametrize(
    ("method", "path"), [("get", "/interactions/1/reply"), ("post", "/interactions/1/reply"), ("post", "/outbound/1/retry")]
)
def test_reply_routes_need_login(client, method: str, path: str) -> None:
    token = csrf_from(client.get("/login").get_data(as_text=True))
    response = getattr(client, method)(path, data={"csrf_token": token} if method == "post" else None)
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_reply_posts_need_csrf(runtime, logged_in, smtp_sink: SmtpSink) -> None:
    original = _customer_mail(runtime)
    assert logged_in.post(f"/interactions/{original.id}/reply", data={"body": REPLY_BODY}).status_code == 400
    assert logged_in.post("/outbound/1/retry").status_code == 400
    assert _outbound(runtime) == [] and smtp_sink.envelopes == []


def test_rq_job_sends_and_declares_retries(rq_runtime, smtp_sink: SmtpSink) -> None:
    from redis import Redis
    from rq import Queue, SimpleWorker

    from workers.queue import RQQueue, make_queue

    original = _customer_mail(rq_runtime)
    with unit_of_work(rq_runtime.factory) as session:
        first_id = queue_reply(session, original.id, REPLY_BODY, None)
        second_id = queue_reply(session, original.id, "Noch eine Frage?", None)
    queue = make_queue(rq_runtime)
    assert isinstance(queue, RQQueue)
    redis = Redis.from_url(rq_runtime.settings.redis_url)
    rq_queue = Queue(rq_runtime.settings.queue_name, connection=redis)

    queue.enqueue_send(first_id)
    SimpleWorker([rq_queue], connection=redis).work(burst=True)
    smtp_sink.stop()
    queue.enqueue_send(second_id)
    [job] = rq_queue.jobs
    SimpleWorker([rq_queue], connection=redis).work(burst=True)

    assert len(smtp_sink.envelopes) == 1
    statuses = {o.id: o.status for o in _outbound(rq_runtime)}
    assert statuses == {first_id: "sent", second_id: "failed"}
    job.refresh()
    assert job.retries_left == 4 and job.retry_intervals == [10, 30, 120, 600, 1800], "RQ will try again later"


def test_racing_workers_send_once(runtime, smtp_sink: SmtpSink) -> None:
    import threading
    import time

    from connectors.smtp import SmtplibSender
    from hub.outbound import send_outbound

    original = _customer_mail(runtime)
    with unit_of_work(runtime.factory) as session:
        outbound_id = queue_reply(session, original.id, REPLY_BODY, None)
    real = SmtplibSender.from_settings(runtime.settings)

    class SlowSender:
        def send(self, from_addr, to_addrs, raw_bytes):  # type: ignore[no-untyped-def]
            time.sleep(0.3)  # the other worker tries to claim while this one is in the SMTP call
            return real.send(from_addr, to_addrs, raw_bytes)

    outcomes = []
    workers = [
        threading.Thread(target=lambda: outcomes.append(send_outbound(runtime.factory, runtime.blob_store, SlowSender(), outbound_id)))
        for _ in range(2)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()

    assert sorted(o.sent_now for o in outcomes) == [False, True]
    assert len(smtp_sink.envelopes) == 1
