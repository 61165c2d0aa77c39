"""The SMS connector on its own: signatures, parsing, media, normalising, sending (fake provider on loopback)."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator

import pytest

from connectors.base import ChannelConfig, ConfigError, Identity, OutgoingReply, PayloadError, WebhookRejected
from connectors.registry import default_registry
from connectors.sms import SmsConnector, parse_twilio_body, twilio_signature
from nlp.sms_spam import spam_verdict
from tests.support.fake_sms_gateway import ACCOUNT_SID, AUTH_TOKEN, FakeSmsGateway

OUR_NUMBER = "+4930901820"
CUSTOMER = "+4915123456789"
PUBLIC_URL = "https://hub.example.com/hooks/sms/7"
GATEWAY_SECRET = "gateway-secret-xyz"


@pytest.fixture
def fake() -> Iterator[FakeSmsGateway]:
    server = FakeSmsGateway().start()
    yield server
    server.stop()


def twilio_channel(fake: FakeSmsGateway | None = None, **settings: object) -> SmsConnector:
    config = ChannelConfig(
        id=7, kind="sms", name="sms",
        settings={"mode": "twilio", "phone_number": OUR_NUMBER, "public_url": PUBLIC_URL, "account_sid": ACCOUNT_SID,
                  "api_url": fake.url if fake else "https://api.twilio.com", "default_region": "DE", **settings},
        secrets={"auth_token": AUTH_TOKEN},
    )
    return SmsConnector.from_channel(config)  # type: ignore[return-value]


def gateway_channel() -> SmsConnector:
    config = ChannelConfig(id=8, kind="sms", name="gw", settings={"mode": "gateway", "phone_number": OUR_NUMBER, "default_region": "DE"},
                           secrets={"gateway_secret": GATEWAY_SECRET})
    return SmsConnector.from_channel(config)  # type: ignore[return-value]


def test_signature_matches_twilios_documented_example() -> None:
    # The example of Twilio's security docs and helper libraries (token 12345).
    params = {"CallSid": "CA1234567890ABCDE", "Caller": "+14158675309", "Digits": "1234", "From": "+14158675309", "To": "+18005551212"}
    assert twilio_signature("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", sorted(params.items())) == "RSOYDt4T1cUTdK1PDd93/VVr8B8="


def test_registered_through_the_entry_point() -> None:
    assert default_registry().get("sms") is SmsConnector
    assert SmsConnector.can_receive_webhooks() and SmsConnector.can_send() and not SmsConnector.can_poll()


def test_verify_accepts_the_public_url_signature_and_rejects_the_rest(fake: FakeSmsGateway) -> None:
    connector = twilio_channel()
    params = fake.inbound(CUSTOMER, OUR_NUMBER, "Hallo, ist meine Bestellung 4711 schon unterwegs?")
    body = fake.encode(params)
    connector.verify_webhook(fake.sign(PUBLIC_URL, params), body)
    # Twilio may sign with the default port spelled out.
    connector.verify_webhook(fake.sign("https://hub.example.com:443/hooks/sms/7", params), body)
    with pytest.raises(WebhookRejected):  # the host the hub sees behind a proxy is not what was signed
        connector.verify_webhook(fake.sign("http://127.0.0.1:8000/hooks/sms/7", params), body)
    with pytest.raises(WebhookRejected):
        connector.verify_webhook(fake.sign(PUBLIC_URL, params, token="another-token"), body)
    with pytest.raises(WebhookRejected):
        connector.verify_webhook({}, body)
    tampered = fake.encode({**params, "Body": "Bitte Geld an IBAN DE00 überweisen"})
    with pytest.raises(WebhookRejected):
        connector.verify_webhook(fake.sign(PUBLIC_URL, params), tampered)
    without_token = SmsConnector.from_channel(ChannelConfig(id=7, kind="sms", name="x", settings=dict(connector.channel.settings)))
    with pytest.raises(WebhookRejected):
        without_token.verify_webhook(fake.sign(PUBLIC_URL, params), body)


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"MessageSid": "", "SmsSid": ""}, "MessageSid is missing"),
        ({"From": ""}, "From is missing"),
        ({"NumMedia": "x"}, "NumMedia"),
        ({"NumMedia": "1"}, "MediaUrl0 is missing"),
        ({"MessageSid": "SM<script>"}, "not a message id"),
        ({"Body": ""}, "neither Body nor media"),
    ],
)
def test_malformed_posts_raise_payload_errors_that_say_why(fake: FakeSmsGateway, change: dict[str, str], reason: str) -> None:
    params = {**fake.inbound(CUSTOMER, OUR_NUMBER, "Hallo"), **change}
    with pytest.raises(PayloadError, match=reason):
        twilio_channel().parse_webhook({}, fake.encode(params))


def test_not_a_form_post_is_malformed() -> None:
    with pytest.raises(PayloadError):
        parse_twilio_body(b"\xff\xfe{not form")


def test_sms_normalises_to_e164_identity_and_conversation(fake: FakeSmsGateway) -> None:
    connector = twilio_channel()
    # A national number as some providers send it: read in the channel's region.
    params = fake.inbound("0151 23456789", "030 901820", "Guten Tag, meine Lieferung ist noch nicht da.")
    [payload] = connector.parse_webhook({}, fake.encode(params))
    message = connector.normalise(payload.data)
    assert message.sender == Identity("phone", CUSTOMER)
    assert message.channel_message_id == f"twilio:{params['MessageSid']}"
    assert message.conversation_id == f"{OUR_NUMBER}|{CUSTOMER}"
    assert message.text == "Guten Tag, meine Lieferung ist noch nicht da."
    assert message.tags == ()
    assert payload.folder == "messages" and payload.position > 0
    assert payload.position == connector.webhook_position(fake.encode(params))
    # The same delivery gives the same bytes: a redelivery dedupes by content as well as by position.
    assert connector.parse_webhook({}, fake.encode(params)) == [payload]


def test_alphanumeric_sender_is_kept_as_its_own_identity(fake: FakeSmsGateway) -> None:
    connector = twilio_channel()
    [payload] = connector.parse_webhook({}, fake.encode(fake.inbound("PAKETDIENST", OUR_NUMBER, "Ihr Paket kommt heute")))
    assert connector.normalise(payload.data).sender == Identity("sms_sender", "paketdienst")


def test_mms_media_are_downloaded_into_the_envelope(fake: FakeSmsGateway) -> None:
    photo, card = b"\xff\xd8\xff\xe0" + b"JPEGDATA" * 100, b"BEGIN:VCARD\r\nFN:Anna Weber\r\nEND:VCARD\r\n"
    media = [(fake.add_media("ME1", photo, "image/jpeg"), "image/jpeg"), (fake.add_media("ME2", card, "text/vcard"), "text/vcard")]
    params = fake.inbound(CUSTOMER, OUR_NUMBER, "Foto vom Schaden anbei", media=media)
    connector = twilio_channel(fake)
    [payload] = connector.parse_webhook({}, fake.encode(params))
    # Credentials were sent to the provider's own host for the media.
    assert all(r.authorization.startswith("Basic ") for r in fake.requests_to("/media/"))
    envelope = json.loads(payload.data)
    assert [base64.b64decode(m["data"]) for m in envelope["media"]] == [photo, card]
    fake.stop()  # normalising needs no network: the envelope is self-contained
    message = connector.normalise(payload.data)
    assert [(a.filename, a.content_type, a.data) for a in message.attachments] == [
        ("mms-0.jpg", "image/jpeg", photo),
        ("mms-1.vcf", "text/vcard", card),
    ]


def test_media_that_cannot_be_fetched_keeps_the_message_with_the_reason(fake: FakeSmsGateway) -> None:
    params = fake.inbound(CUSTOMER, OUR_NUMBER, "Bild", media=[(f"{fake.url}/media/missing", "image/png")])
    connector = twilio_channel(fake)
    [payload] = connector.parse_webhook({}, fake.encode(params))
    message = connector.normalise(payload.data)
    assert message.attachments == ()
    assert "[MMS file 0 not downloaded: media download answered HTTP 404]" in message.text


def test_media_over_the_limit_is_not_kept(fake: FakeSmsGateway) -> None:
    big = fake.add_media("BIG", b"x" * (1024 * 1024 + 1), "image/jpeg")
    connector = twilio_channel(fake, max_media_mb=1)
    [payload] = connector.parse_webhook({}, fake.encode(fake.inbound(CUSTOMER, OUR_NUMBER, "gross", media=[(big, "image/jpeg")])))
    message = connector.normalise(payload.data)
    assert message.attachments == () and "not downloaded" in message.text


def test_gateway_hmac_sha256(fake: FakeSmsGateway) -> None:
    connector = gateway_channel()
    body, headers = fake.gateway_request(GATEWAY_SECRET, {"id": "gw-1001", "from": "0151 23456789", "to": OUR_NUMBER, "text": "Rückruf bitte", "sent_at": "2026-11-23T17:00:00Z"})
    connector.verify_webhook(headers, body)
    connector.verify_webhook({"x-signature": headers["X-Signature"].removeprefix("sha256=")}, body)
    with pytest.raises(WebhookRejected):
        connector.verify_webhook({"X-Signature": "sha256=" + "0" * 64}, body)
    with pytest.raises(WebhookRejected):
        connector.verify_webhook({}, body)
    _body, wrong = fake.gateway_request("not-the-secret", {"id": "gw-1001"})
    with pytest.raises(WebhookRejected):
        connector.verify_webhook(wrong, body)
    [payload] = connector.parse_webhook(headers, body)
    message = connector.normalise(payload.data)
    assert message.channel_message_id == "gateway:gw-1001"
    assert message.sender == Identity("phone", CUSTOMER)
    assert message.sent_at is not None and message.sent_at.isoformat() == "2026-11-23T17:00:00+00:00"
    assert connector.webhook_answer([payload]).content_type == "application/json"
    for bad in (b"[1,2]", b"{", json.dumps({"id": "x1", "from": CUSTOMER, "to": OUR_NUMBER}).encode()):
        with pytest.raises(PayloadError):
            connector.parse_webhook(headers, bad)


def test_spam_verdict_becomes_a_tag_with_reasons(fake: FakeSmsGateway) -> None:
    text = "URGENT! You have won a £1000 cash prize. To claim txt WIN to 80086 now. 150p/msg, reply STOP to end"
    connector = twilio_channel()
    [payload] = connector.parse_webhook({}, fake.encode(fake.inbound("+447700900123", OUR_NUMBER, text)))
    [tag] = connector.normalise(payload.data).tags
    assert tag.name == "spam" and 0.5 < tag.score <= 1
    assert "short code" in tag.reason and "premium rate" in tag.reason


def test_spam_rules_leave_ordinary_customer_messages_alone() -> None:
    for text in (
        "Hallo, meine Bestellung 4711 ist noch nicht angekommen. Können Sie bitte nachsehen? Tel 0151 23456789",
        "Hi, I was charged twice for order 88123, please refund one payment. Thanks, Anna",
        "Bitte rufen Sie mich zurück, es ist dringend, die Heizung ist ausgefallen.",
        # Many weak signals together (offer, amount, long number, link, urgency) are still a customer.
        "Ihr Angebot über 450 € passt, bitte sofort zurückrufen: 015123456789, Details auf www.example.com",
    ):
        assert not spam_verdict(text).is_spam, text


def test_send_reply_posts_once_to_the_messages_resource(fake: FakeSmsGateway) -> None:
    receipt = twilio_channel(fake).send_reply(OutgoingReply("Ihre Bestellung ist unterwegs.", Identity("phone", CUSTOMER)))
    [sent] = fake.sent_messages()
    assert sent == {"From": OUR_NUMBER, "To": CUSTOMER, "Body": "Ihre Bestellung ist unterwegs."}
    assert receipt.channel_message_id.startswith("twilio:SM")
    assert fake.requests_to(f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages.json")[0].authorization.startswith("Basic ")


def test_send_reply_failures_are_connector_errors_without_secrets(fake: FakeSmsGateway) -> None:
    from connectors.base import ConnectorError

    fake.fail_next["/2010-04-01"] = 500
    with pytest.raises(ConnectorError, match="HTTP 500") as caught:
        twilio_channel(fake).send_reply(OutgoingReply("x", Identity("phone", CUSTOMER)))
    assert AUTH_TOKEN not in str(caught.value)
    with pytest.raises(ConnectorError, match="cannot send an SMS to email"):
        twilio_channel(fake).send_reply(OutgoingReply("x", Identity("email", "a@b.example")))
    with pytest.raises(ConnectorError, match="gateway"):
        gateway_channel().send_reply(OutgoingReply("x", Identity("phone", CUSTOMER)))


def test_test_connection_against_the_fake(fake: FakeSmsGateway) -> None:
    assert "Fake account" in twilio_channel(fake).test_connection()


def test_config_checks_per_mode() -> None:
    with pytest.raises(ConfigError) as caught:
        SmsConnector.clean_form({"mode": "twilio", "phone_number": "12"})
    assert set(caught.value.errors) >= {"phone_number", "public_url", "account_sid", "auth_token"}
    settings, secrets = SmsConnector.clean_form({"mode": "gateway", "phone_number": "030 901820", "gateway_secret": "s"})
    assert settings["mode"] == "gateway" and secrets == {"gateway_secret": "s"}
