"""Agents answer on the channel the customer used, from the same Reply action as mail, on both databases.

End to end through the loopback fakes (tests/support/fake_telegram.py,
tests/support/fake_sms_gateway.py): the agent opens the reply, the channel
composer (never the mail one) is shown, sending queues a row, the job sends
exactly one message, and the sent copy joins the customer's timeline as an
outgoing interaction on that channel. Failures are shown with the error and
can be retried.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from connectors.registry import default_registry
from hub import connector_admin
from hub.db import unit_of_work
from hub.models import Interaction, OutboundMessage
from hub.models.channel_replies import ChannelReply
from tests.connectors.conftest import add_telegram_channel, fake_telegram  # noqa: F401 -- fixtures
from tests.support.fake_sms_gateway import ACCOUNT_SID, AUTH_TOKEN, FakeSmsGateway
from tests.support.fake_telegram import BOT_ID, FakeTelegram
from tests.web.conftest import csrf_from
from tests.web.roles import login_as, token_of
from tests.web.test_reply import _customer_mail
from workers.channels import poll_channel, secret_box

ANSWER = "Ihr Paket kommt morgen zwischen 10 und 12 Uhr."


def _telegram_message(runtime, fake: FakeTelegram, add_channel, text: str = "Wann kommt mein Paket?") -> Interaction:  # type: ignore[no-untyped-def]
    """A customer's Telegram message, received by polling the fake Bot API."""
    channel_id = add_channel()
    fake.add_text(fake.user(55, "Hanna", username="hanna_k"), text)
    poll_channel(runtime, channel_id, secret_box(runtime))
    with unit_of_work(runtime.factory) as session:
        interaction = session.scalars(select(Interaction).where(Interaction.channel == "telegram", Interaction.direction == "in")).one()
        session.expunge(interaction)
    return interaction


def _rows(runtime) -> list[ChannelReply]:  # type: ignore[no-untyped-def]
    with unit_of_work(runtime.factory) as session:
        rows = list(session.scalars(select(ChannelReply).order_by(ChannelReply.id)))
        session.expunge_all()
        return rows


def _send(client, interaction_id: int, body: str):  # type: ignore[no-untyped-def]
    composer = client.get(f"/interactions/{interaction_id}/reply").get_data(as_text=True)
    return client.post(f"/interactions/{interaction_id}/channel-reply", data={"csrf_token": csrf_from(composer), "body": body}, follow_redirects=True)


def test_telegram_reply_action_opens_the_channel_composer_and_sends_exactly_once(runtime, logged_in, fake_telegram, add_telegram_channel) -> None:  # noqa: F811
    original = _telegram_message(runtime, fake_telegram, add_telegram_channel)

    message_page = logged_in.get(f"/interactions/{original.id}").get_data(as_text=True)
    assert f'href="/interactions/{original.id}/reply" id="reply-link"' in message_page
    assert "Reply all" not in message_page
    composer = logged_in.get(f"/interactions/{original.id}/reply")
    html = composer.get_data(as_text=True)
    assert composer.status_code == 200
    assert "Reply on Telegram bot" in html and "telegram:55" in html and "Wann kommt mein Paket?" in html
    assert 'name="subject"' not in html and 'name="to"' not in html, "the mail composer must not offer itself"
    assert "0 of at most 4096 characters" in html and 'maxlength="4096"' in html
    assert 'action="/interactions/%d/channel-reply"' % original.id in html

    page = _send(logged_in, original.id, ANSWER + "\r\nViele Grüße").get_data(as_text=True)

    assert "Reply sent." in page
    (call,) = fake_telegram.calls_to("sendMessage")
    assert int(call.params["chat_id"]) == 55 and call.params["text"] == ANSWER + "\nViele Grüße"
    assert call.params["reply_parameters"]["message_id"] == 1, "a Telegram reply to the customer's message"
    [row] = _rows(runtime)
    assert (row.status, row.attempts, row.recipient_kind, row.recipient_value) == ("sent", 1, "telegram", "55")
    with unit_of_work(runtime.factory) as session:
        sent = session.scalars(select(Interaction).where(Interaction.direction == "out")).one()
        assert (sent.channel, sent.contact_id, sent.thread_id) == ("telegram", original.contact_id, original.thread_id)
        assert sent.channel_message_id == row.sent_message_id == f"{BOT_ID}/55/900001"
    assert 'class="outbound-sent" id="channel-reply-%d"' % row.id in page
    assert f'href="/interactions/{sent.id}">sent message</a>' in page
    timeline = logged_in.get(f"/contacts/{original.contact_id}").get_data(as_text=True)
    assert ANSWER in timeline, "the reply is in the customer's timeline"

    # A second post of the same form is a second reply (the agent meant it); the job never sends one twice.
    from workers import jobs

    assert jobs.send_channel_reply_job(row.id) == {"status": "sent", "sent_now": "False"}
    assert len(fake_telegram.calls_to("sendMessage")) == 1


def test_mail_keeps_the_mail_composer_and_mail_posts_for_telegram_are_refused(runtime, logged_in, fake_telegram, add_telegram_channel) -> None:  # noqa: F811
    mail = _customer_mail(runtime)
    html = logged_in.get(f"/interactions/{mail.id}/reply").get_data(as_text=True)
    assert 'name="subject"' in html and "Re: Bestellung 4711" in html and "channel-composer" not in html

    original = _telegram_message(runtime, fake_telegram, add_telegram_channel)
    token = token_of(logged_in)
    refused = logged_in.post(f"/interactions/{original.id}/reply", data={"csrf_token": token, "to": "telegram:55", "subject": "x", "body": ANSWER})
    assert refused.status_code == 409
    assert "it is answered there, not by e-mail" in refused.get_data(as_text=True)
    with unit_of_work(runtime.factory) as session:
        assert session.scalar(select(func.count()).select_from(OutboundMessage)) == 0
    assert _rows(runtime) == [] and fake_telegram.calls_to("sendMessage") == []


@pytest.mark.parametrize(
    ("body", "status", "reason"),
    [("   ", 422, "the reply is empty"), ("x" * 4097, 422, "at most 4096 characters (this one has 4097)")],
)
def test_refused_replies_keep_the_text_and_say_why(runtime, logged_in, fake_telegram, add_telegram_channel, body: str, status: int, reason: str) -> None:  # noqa: F811
    original = _telegram_message(runtime, fake_telegram, add_telegram_channel)
    response = logged_in.post(f"/interactions/{original.id}/channel-reply", data={"csrf_token": token_of(logged_in), "body": body})
    html = response.get_data(as_text=True)
    assert response.status_code == status
    assert reason in html and f">{body}</textarea>" in html
    assert _rows(runtime) == [] and fake_telegram.calls_to("sendMessage") == []


def test_failed_send_shows_the_error_and_retry_sends_once(runtime, logged_in, fake_telegram, add_telegram_channel) -> None:  # noqa: F811
    original = _telegram_message(runtime, fake_telegram, add_telegram_channel)
    fake_telegram.fail_next["sendMessage"] = 500

    page = _send(logged_in, original.id, ANSWER).get_data(as_text=True)

    assert "Reply could not be sent" in page
    [row] = _rows(runtime)
    assert row.status == "failed" and "Injected failure of sendMessage" in page
    assert f'action="/channel-replies/{row.id}/retry"' in page
    token = csrf_from(page)
    retried = logged_in.post(f"/channel-replies/{row.id}/retry", data={"csrf_token": token}, follow_redirects=True).get_data(as_text=True)
    assert "Reply sent." in retried
    again = logged_in.post(f"/channel-replies/{row.id}/retry", data={"csrf_token": token}, follow_redirects=True).get_data(as_text=True)
    assert "Only a failed reply can be retried." in again
    assert [r.status for r in _rows(runtime)] == ["sent"]
    assert len(fake_telegram.calls_to("sendMessage")) == 2, "the injected failure and the retry; nothing after it was sent"
    assert logged_in.post("/channel-replies/999/retry", data={"csrf_token": token}).status_code == 404


def test_new_routes_need_login_permission_and_csrf(app, runtime, client, fake_telegram, add_telegram_channel) -> None:  # noqa: F811
    original = _telegram_message(runtime, fake_telegram, add_telegram_channel)
    posts = [f"/interactions/{original.id}/channel-reply", "/channel-replies/1/retry"]
    token = token_of(client)
    for path in posts:
        response = client.post(path, data={"csrf_token": token, "body": ANSWER})
        assert response.status_code == 302 and "/login" in response.headers["Location"], path
    sales = login_as(app, "sales@example.test", "sales")
    for path in posts:
        assert sales.post(path, data={"csrf_token": token_of(sales), "body": ANSWER}).status_code == 403, path
    assert sales.get(f"/interactions/{original.id}/reply").status_code == 403
    agent = login_as(app, "agent2@example.test", "agent")
    for path in posts:
        assert agent.post(path, data={"body": ANSWER}).status_code == 400, path  # no CSRF token
    assert _rows(runtime) == [] and fake_telegram.calls_to("sendMessage") == []


def test_a_channel_without_replies_and_without_an_address_says_why(runtime, logged_in, fake_telegram, add_telegram_channel) -> None:  # noqa: F811
    """A logged phone call cannot be answered from the hub; the page says so instead of a composer."""
    original = _telegram_message(runtime, fake_telegram, add_telegram_channel)
    with unit_of_work(runtime.factory) as session:
        session.get(Interaction, original.id).channel = "phone"  # type: ignore[union-attr]
    response = logged_in.get(f"/interactions/{original.id}/reply")
    html = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "A reply from the hub is not possible: the Phone calls channel cannot carry replies." in html
    assert "<textarea" not in html and 'name="subject"' not in html
    posted = logged_in.post(f"/interactions/{original.id}/channel-reply", data={"csrf_token": token_of(logged_in), "body": ANSWER})
    assert posted.status_code == 409 and _rows(runtime) == [] and fake_telegram.calls_to("sendMessage") == []


# --- SMS through the fake Twilio-compatible gateway --------------------------------------------------

OUR_NUMBER = "+4930901820"
CUSTOMER = "+4915123456789"
PUBLIC_URL = "https://hub.example.com/hooks/sms/in"


@pytest.fixture
def fake_sms() -> Iterator[FakeSmsGateway]:
    server = FakeSmsGateway().start()
    yield server
    server.stop()


def _sms_message(app, client, fake: FakeSmsGateway) -> Interaction:  # type: ignore[no-untyped-def]
    from web.admin_connectors import secret_box as web_secret_box

    with app.app_context():
        box = web_secret_box()
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        channel_id = connector_admin.add_channel(session, default_registry(), box, kind="sms", name="SMS Service", user_id=None, submitted={
            "mode": "twilio", "phone_number": OUR_NUMBER, "public_url": PUBLIC_URL, "account_sid": ACCOUNT_SID,
            "auth_token": AUTH_TOKEN, "api_url": fake.url, "default_region": "DE",
        })
    params = fake.inbound(CUSTOMER, OUR_NUMBER, "Hallo, kommt meine Bestellung 4711 heute?")
    assert client.post(f"/hooks/sms/{channel_id}", data=fake.encode(params), headers=fake.sign(PUBLIC_URL, params)).status_code == 200
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        interaction = session.scalars(select(Interaction).where(Interaction.channel == "sms")).one()
        session.expunge(interaction)
    return interaction


def test_sms_reply_counts_segments_and_is_sent_once(app, runtime, client, logged_in, fake_sms: FakeSmsGateway) -> None:
    original = _sms_message(app, app.test_client(), fake_sms)
    html = logged_in.get(f"/interactions/{original.id}/reply").get_data(as_text=True)
    assert "Reply on SMS" in html and f"phone:{CUSTOMER}" in html
    assert "0 characters · 0 SMS (GSM-7, 160 per SMS)" in html and 'data-sms="1"' in html

    long_answer = "Ja, heute. " * 16  # 176 GSM characters: two SMS
    refused = logged_in.post(f"/interactions/{original.id}/channel-reply", data={"csrf_token": token_of(logged_in), "body": "x" * 1601})
    assert refused.status_code == 422 and "1601 characters · 11 SMS (GSM-7, 153 per SMS)" in refused.get_data(as_text=True)
    page = _send(logged_in, original.id, long_answer).get_data(as_text=True)

    assert "Reply sent." in page
    [sent] = fake_sms.sent_messages()
    assert sent == {"From": OUR_NUMBER, "To": CUSTOMER, "Body": long_answer.strip()}
    with unit_of_work(runtime.factory) as session:
        copy = session.scalars(select(Interaction).where(Interaction.direction == "out")).one()
        assert (copy.channel, copy.contact_id, copy.thread_id) == ("sms", original.contact_id, original.thread_id)
    assert re.search(r'class="outbound-sent" id="channel-reply-\d+"', page)


# --- on RQ: the web view only queues; a worker sends ----------------------------------------------------


@pytest.mark.redis
def test_on_rq_the_view_queues_one_job_and_the_worker_sends_once(rq_runtime, fake_telegram) -> None:  # noqa: F811
    from redis import Redis
    from rq import Queue, SimpleWorker

    from tests.support.fake_telegram import TOKEN
    from web import create_app

    app = create_app(rq_runtime.settings)
    app.config["TESTING"] = True
    redis = Redis.from_url(rq_runtime.settings.redis_url)
    rq_queue = Queue(rq_runtime.settings.queue_name, connection=redis)
    with unit_of_work(rq_runtime.factory) as session:
        channel_id = connector_admin.add_channel(
            session, default_registry(), secret_box(rq_runtime), kind="telegram", name="Telegram RQ", user_id=None,
            submitted={"bot_token": TOKEN, "mode": "polling", "api_url": fake_telegram.url, "poll_timeout": "0"},
        )
    fake_telegram.add_text(fake_telegram.user(56, "Ida"), "Ist mein Paket unterwegs?")
    poll_channel(rq_runtime, channel_id, secret_box(rq_runtime))
    SimpleWorker([rq_queue], connection=redis).work(burst=True)  # the ingest job
    with unit_of_work(rq_runtime.factory) as session:
        original_id = session.scalars(select(Interaction.id)).one()
    agent = login_as(app, "agent@example.test", "agent")

    page = _send(agent, original_id, ANSWER).get_data(as_text=True)

    assert "Reply queued for sending." in page
    [row] = _rows(rq_runtime)
    assert row.status == "queued" and fake_telegram.calls_to("sendMessage") == []
    assert [job.id for job in rq_queue.jobs] == [f"send-channel-reply-{row.id}"]
    assert f'id="channel-reply-{row.id}"' in page and ">queued" in page
    SimpleWorker([rq_queue], connection=redis).work(burst=True)
    assert len(fake_telegram.calls_to("sendMessage")) == 1 and _rows(rq_runtime)[0].status == "sent"
    assert ">sent" in agent.get(f"/interactions/{original_id}").get_data(as_text=True)
