"""Inbound SMS end to end: signed webhook -> raw store -> ingest -> the contact's timeline, on both databases.

The provider is the loopback fake (tests/support/fake_sms_gateway.py); the
webhook is the hub's generic ``POST /hooks/sms/<channel id>``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from connectors.registry import default_registry
from hub.clock import utcnow
from hub.connector_admin import add_channel
from hub.db import unit_of_work
from hub.models import Attachment, Contact, InboxItem, ContactIdentity, Interaction, InteractionTag, RawMessage, RawSource
from tests.support.fake_sms_gateway import ACCOUNT_SID, AUTH_TOKEN, FakeSmsGateway
from tests.web.conftest import app, client, logged_in  # noqa: F401 -- fixtures

OUR_NUMBER = "+4930901820"
ANNA_PHONE = "+4915123456789"
#: What the provider was told; the test client posts to 127.0.0.1, as a hub behind a proxy would see it.
PUBLIC_URL = "https://hub.example.com/hooks/sms/in"
GATEWAY_SECRET = "gw-secret-1"


@pytest.fixture
def fake() -> Iterator[FakeSmsGateway]:
    server = FakeSmsGateway().start()
    yield server
    server.stop()


def _add_channel(app, name: str, submitted: dict[str, str]) -> int:  # type: ignore[no-untyped-def]
    from web.admin_connectors import secret_box

    with app.app_context():
        box = secret_box()
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        return add_channel(session, default_registry(), box, kind="sms", name=name, submitted=submitted, user_id=None)


@pytest.fixture
def twilio_channel(app, fake: FakeSmsGateway) -> int:  # type: ignore[no-untyped-def]
    return _add_channel(app, "SMS Service", {
        "mode": "twilio", "phone_number": OUR_NUMBER, "public_url": PUBLIC_URL, "account_sid": ACCOUNT_SID,
        "auth_token": AUTH_TOKEN, "api_url": fake.url, "default_region": "DE",
    })


@pytest.fixture
def anna(app) -> int:  # type: ignore[no-untyped-def]
    """An existing contact whose phone was saved in national format, then normalised (as the contact page does)."""
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        contact = Contact(display_name="Anna Weber", created_at=utcnow())
        contact.identities.append(ContactIdentity(kind="email", value="anna.weber@example.org"))
        contact.identities.append(ContactIdentity(kind="phone", value=ANNA_PHONE))
        session.add(contact)
        session.flush()
        return contact.id


def _post(client, channel_id: int, fake: FakeSmsGateway, params: dict[str, str], headers: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return client.post(f"/hooks/sms/{channel_id}", data=fake.encode(params), headers=headers if headers is not None else fake.sign(PUBLIC_URL, params))


def _counts(app) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        return (
            session.scalar(select(func.count()).select_from(RawMessage)) or 0,
            session.scalar(select(func.count()).select_from(RawSource)) or 0,
            session.scalar(select(func.count()).select_from(Interaction)) or 0,
        )


def test_signed_sms_lands_in_the_existing_contacts_timeline(app, client, logged_in, fake, twilio_channel, anna) -> None:  # type: ignore[no-untyped-def]
    # The customer's phone sends its number in national form via a provider that does not add +49.
    params = fake.inbound("0151 23456789", OUR_NUMBER, "Hallo, hier Anna Weber. Wann kommt meine Bestellung 4711?")
    response = _post(client, twilio_channel, fake, params)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.mimetype == "text/xml" and "<Response>" in response.get_data(as_text=True)
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        interaction = session.scalars(select(Interaction).where(Interaction.channel == "sms")).one()
        assert interaction.contact_id == anna
        assert interaction.channel_message_id == f"twilio:{params['MessageSid']}"
        assert "Bestellung 4711" in interaction.text
        raw = session.get(RawMessage, interaction.raw_message_id)
        assert raw is not None and raw.channel_kind == "sms"
    page = logged_in.get(f"/contacts/{anna}").get_data(as_text=True)
    assert "Bestellung 4711" in page


def test_mms_media_become_attachments(app, client, fake, twilio_channel, anna) -> None:  # type: ignore[no-untyped-def]
    photo = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
    params = fake.inbound(ANNA_PHONE, OUR_NUMBER, "Foto vom Schaden", media=[(fake.add_media("ME7", photo, "image/png"), "image/png")])
    assert _post(client, twilio_channel, fake, params).status_code == 200
    runtime_store = app.extensions["hub.settings"].resolved_raw_store_dir()
    from hub.rawstore import FileBlobStore

    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        interaction = session.scalars(select(Interaction).where(Interaction.channel == "sms")).one()
        [attachment] = session.scalars(select(Attachment).where(Attachment.interaction_id == interaction.id)).all()
        assert (attachment.filename, attachment.content_type, attachment.size) == ("mms-0.png", "image/png", len(photo))
        assert FileBlobStore(runtime_store).get(attachment.sha256) == photo


@pytest.mark.parametrize("headers", [{}, {"X-Twilio-Signature": "bm90IGEgc2lnbmF0dXJl"}, "wrong-token", "request-host"])
def test_wrong_or_missing_signature_is_403_and_stores_nothing(app, client, fake, twilio_channel, headers) -> None:  # type: ignore[no-untyped-def]
    params = fake.inbound(ANNA_PHONE, OUR_NUMBER, "Hallo")
    if headers == "wrong-token":
        headers = fake.sign(PUBLIC_URL, params, token="not-the-token")
    elif headers == "request-host":  # signed for the URL the hub sees, not the one configured: refused
        headers = fake.sign(f"http://localhost/hooks/sms/{twilio_channel}", params)
    response = _post(client, twilio_channel, fake, params, headers)
    assert response.status_code == 403
    assert _counts(app) == (0, 0, 0)


def test_malformed_payload_is_400_with_the_reason_and_stores_nothing(app, client, fake, twilio_channel) -> None:  # type: ignore[no-untyped-def]
    params = fake.inbound(ANNA_PHONE, OUR_NUMBER, "Hallo")
    del params["From"]
    response = _post(client, twilio_channel, fake, params)
    assert response.status_code == 400
    assert "From is missing" in response.get_data(as_text=True)
    assert _counts(app) == (0, 0, 0)


def test_duplicate_delivery_is_one_interaction(app, client, fake, twilio_channel, anna) -> None:  # type: ignore[no-untyped-def]
    photo = b"GIF89a" + b"\x00" * 50
    params = fake.inbound(ANNA_PHONE, OUR_NUMBER, "Doppelt?", media=[(fake.add_media("ME9", photo, "image/gif"), "image/gif")])
    for _ in range(3):
        assert _post(client, twilio_channel, fake, params).status_code == 200
    assert _counts(app) == (1, 1, 1)
    # The redeliveries were recognised before downloading the media again.
    assert len(fake.requests_to("/media/ME9")) == 1


def test_unknown_sender_becomes_a_new_contact_with_the_phone_identity(app, client, fake, twilio_channel) -> None:  # type: ignore[no-untyped-def]
    params = fake.inbound("+4917612345678", OUR_NUMBER, "Ich hätte gern einen Rückruf wegen meines Vertrags.")
    assert _post(client, twilio_channel, fake, params).status_code == 200
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        interaction = session.scalars(select(Interaction)).one()
        identities = session.execute(select(ContactIdentity.kind, ContactIdentity.value).where(ContactIdentity.contact_id == interaction.contact_id)).all()
        assert ("phone", "+4917612345678") in identities


def test_spam_sms_is_tagged_with_the_rules_reasons(app, client, fake, twilio_channel) -> None:  # type: ignore[no-untyped-def]
    text = "WINNER!! You have won a £900 prize. To claim txt CLAIM to 81010 now. 150p/msg. Reply STOP to end"
    assert _post(client, twilio_channel, fake, fake.inbound("+447700900123", OUR_NUMBER, text)).status_code == 200
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        tag = session.scalars(select(InteractionTag).where(InteractionTag.name == "spam")).one()
        assert "short code" in tag.reason and tag.tagger == "sms"
        item = session.get(InboxItem, tag.interaction_id)  # filed as spam: hidden from the inbox, closed
        assert item is not None and item.spam and item.status == "closed"
    ham = fake.inbound("+4917612345678", OUR_NUMBER, "Bitte rufen Sie mich wegen meiner Rechnung zurück.")
    assert _post(client, twilio_channel, fake, ham).status_code == 200
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        assert session.scalar(select(func.count()).select_from(InboxItem)) == 1  # the ordinary SMS keeps the default open state


def test_generic_gateway_hmac_sha256(app, client, fake, anna) -> None:  # type: ignore[no-untyped-def]
    channel_id = _add_channel(app, "SMS Gateway", {"mode": "gateway", "phone_number": OUR_NUMBER, "gateway_secret": GATEWAY_SECRET})
    message = {"id": "gw-77", "from": ANNA_PHONE, "to": OUR_NUMBER, "text": "Per Gateway: bitte um Rückruf", "sent_at": "2026-11-23T16:00:00Z"}
    body, headers = fake.gateway_request(GATEWAY_SECRET, message)
    _bad_body, wrong = fake.gateway_request("guessed", message)
    assert client.post(f"/hooks/sms/{channel_id}", data=body, headers=wrong).status_code == 403
    assert _counts(app) == (0, 0, 0)
    tampered = body.replace(b"bitte um R", b"bitte um KEINEN R")  # signed, then changed on the way
    assert client.post(f"/hooks/sms/{channel_id}", data=tampered, headers=headers).status_code == 403
    signed_bad = fake.gateway_request(GATEWAY_SECRET, {"id": "gw-78", "from": ANNA_PHONE})
    response = client.post(f"/hooks/sms/{channel_id}", data=signed_bad[0], headers=signed_bad[1])
    assert response.status_code == 400 and "to is missing" in response.get_data(as_text=True)
    assert _counts(app) == (0, 0, 0)
    for _ in range(2):
        response = client.post(f"/hooks/sms/{channel_id}", data=body, headers=headers)
        assert response.status_code == 200 and json.loads(response.get_data()) == {"ok": True}
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        interaction = session.scalars(select(Interaction)).one()
        assert interaction.contact_id == anna and interaction.channel_message_id == "gateway:gw-77"
    assert _counts(app) == (1, 1, 1)


def test_reply_reaches_the_provider_once_even_if_the_job_runs_twice(app, client, fake, twilio_channel, anna) -> None:  # type: ignore[no-untyped-def]
    from hub.channel_replies import queue_channel_reply
    from hub.models.channel_replies import ChannelReply
    from workers.jobs import send_channel_reply_job

    params = fake.inbound(ANNA_PHONE, OUR_NUMBER, "Ist die Reparatur fertig?")
    assert _post(client, twilio_channel, fake, params).status_code == 200
    factory = app.extensions["hub.session_factory"]
    with unit_of_work(factory) as session:
        inbound = session.scalars(select(Interaction)).one()
        reply_id = queue_channel_reply(session, default_registry(), inbound.id, "Ja, Sie können das Gerät abholen.", None)
    first, second = send_channel_reply_job(reply_id), send_channel_reply_job(reply_id)
    assert first["sent_now"] == "True" and second["sent_now"] == "False"
    assert fake.sent_messages() == [{"From": OUR_NUMBER, "To": ANNA_PHONE, "Body": "Ja, Sie können das Gerät abholen."}]
    with unit_of_work(factory) as session:
        reply = session.get(ChannelReply, reply_id)
        assert reply is not None and reply.status == "sent" and reply.sent_message_id.startswith("twilio:SM")
        # The sent copy is stored and ingested: an outgoing SMS to Anna in the same thread.
        sent = session.scalars(select(Interaction).where(Interaction.direction == "out")).one()
        assert sent.channel == "sms" and sent.contact_id == anna and sent.thread_id == inbound.thread_id
        assert sent.text == "Ja, Sie können das Gerät abholen."


def test_alphanumeric_sender_is_kept_under_its_own_identity(app, client, fake, twilio_channel) -> None:  # type: ignore[no-untyped-def]
    assert _post(client, twilio_channel, fake, fake.inbound("PAKETDIENST", OUR_NUMBER, "Ihr Paket wird heute zugestellt.")).status_code == 200
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        interaction = session.scalars(select(Interaction)).one()
        identities = session.execute(select(ContactIdentity.kind, ContactIdentity.value).where(ContactIdentity.contact_id == interaction.contact_id)).all()
    assert identities == [("sms_sender", "paketdienst")]
