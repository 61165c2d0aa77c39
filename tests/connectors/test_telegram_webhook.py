"""Telegram webhook: secret checked in constant time, bad input refused before anything is stored, re-deliveries deduped."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from connectors.telegram import SECRET_HEADER
from hub.db import unit_of_work
from hub.models import Attachment, Interaction, RawMessage, RawSource
from tests.connectors.conftest import WEBHOOK_SECRET
from web import create_app
from web.webhooks import receive


@pytest.fixture
def app(runtime):  # type: ignore[no-untyped-def]
    application = create_app(runtime.settings)
    application.config["TESTING"] = True
    return application


def _counts(runtime) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    with unit_of_work(runtime.factory) as session:
        return tuple(session.scalar(select(func.count()).select_from(model)) or 0 for model in (RawMessage, RawSource, Interaction))  # type: ignore[return-value]


def _post(client, channel_id: int, body: bytes, secret: str | None = WEBHOOK_SECRET, kind: str = "telegram"):  # type: ignore[no-untyped-def]
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers[SECRET_HEADER] = secret
    return client.post(f"/hooks/{kind}/{channel_id}", data=body, headers=headers)


def _update(fake, text: str = "Hallo über den Webhook") -> dict:  # type: ignore[no-untyped-def,type-arg]
    return fake.new_update("message", fake.text_message(fake.user(31, "Frida", username="frida"), text))


@pytest.mark.parametrize("secret", [None, "", "wrong-secret", WEBHOOK_SECRET + "x", WEBHOOK_SECRET[:-1]])
def test_wrong_or_missing_secret_is_403_and_stores_nothing(runtime, app, fake_telegram, add_telegram_channel, secret) -> None:
    channel_id = add_telegram_channel(mode="webhook")
    response = _post(app.test_client(), channel_id, json.dumps(_update(fake_telegram)).encode(), secret=secret)
    assert response.status_code == 403
    assert _counts(runtime) == (0, 0, 0)
    assert fake_telegram.calls == [], "a rejected request must not make the hub call Telegram"


def test_a_channel_without_webhook_secret_rejects_every_request(runtime, app, fake_telegram, add_telegram_channel) -> None:
    channel_id = add_telegram_channel(mode="polling")
    response = _post(app.test_client(), channel_id, json.dumps(_update(fake_telegram)).encode(), secret="")
    assert response.status_code == 403 and _counts(runtime) == (0, 0, 0)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"{not json", "malformed payload: body is not JSON"),
        (b"[1, 2]", "malformed payload: an update is a JSON object, got list"),
        (b'{"message": {"text": "hi"}}', "malformed payload: update has no integer update_id"),
        (b'{"update_id": 5, "message": {"message_id": 1, "date": 1700000000}}', "malformed payload: update 5: message has no chat id"),
    ],
)
def test_malformed_payload_is_400_with_a_clear_message_and_stores_nothing(runtime, app, add_telegram_channel, body, message) -> None:
    channel_id = add_telegram_channel(mode="webhook")
    response = _post(app.test_client(), channel_id, body)
    assert response.status_code == 400
    assert response.get_data(as_text=True).startswith(message)
    assert _counts(runtime) == (0, 0, 0)


def test_update_is_stored_raw_and_ingested(runtime, app, fake_telegram, add_telegram_channel) -> None:
    channel_id = add_telegram_channel(mode="webhook")
    update = _update(fake_telegram)
    response = _post(app.test_client(), channel_id, json.dumps(update).encode())
    assert response.status_code == 200
    with unit_of_work(runtime.factory) as session:
        (interaction,) = session.scalars(select(Interaction)).all()
        (source,) = session.scalars(select(RawSource)).all()
        raw = session.get(RawMessage, source.raw_message_id)
        assert raw is not None
        envelope = json.loads(runtime.blob_store.get(raw.sha256))
    assert interaction.channel == "telegram" and interaction.channel_id == channel_id and interaction.text == "Hallo über den Webhook"
    assert (source.folder, source.uid) == ("updates", update["update_id"])
    assert envelope["update"] == update, "the update is kept as Telegram sent it"


def test_duplicate_delivery_is_one_interaction_and_fetches_files_once(runtime, app, fake_telegram, add_telegram_channel) -> None:
    channel_id = add_telegram_channel(mode="webhook")
    document = {**fake_telegram.add_file(b"%PDF-1.7 Vertrag", "documents/vertrag.pdf"), "file_name": "vertrag.pdf", "mime_type": "application/pdf"}
    message = fake_telegram.text_message(fake_telegram.user(32, "Gustav"), "")
    del message["text"]
    message["document"] = document
    body = json.dumps(fake_telegram.new_update("message", message)).encode()
    client = app.test_client()
    assert _post(client, channel_id, body).status_code == 200
    assert _post(client, channel_id, body).status_code == 200
    # Telegram may re-send with different JSON spacing: still the same update.
    assert _post(client, channel_id, json.dumps(json.loads(body), indent=2).encode()).status_code == 200
    assert _counts(runtime) == (1, 1, 1)
    assert len(fake_telegram.calls_to("getFile")) == 1
    with unit_of_work(runtime.factory) as session:
        (attachment,) = session.scalars(select(Attachment)).all()
    assert (attachment.filename, attachment.size) == ("vertrag.pdf", 16)


def test_unknown_wrong_kind_or_switched_off_channel_is_404(runtime, app, fake_telegram, add_telegram_channel) -> None:
    from hub import connector_admin

    channel_id = add_telegram_channel(mode="webhook")
    body = json.dumps(_update(fake_telegram)).encode()
    client = app.test_client()
    assert _post(client, channel_id + 1000, body).status_code == 404
    assert _post(client, channel_id, body, kind="sms").status_code == 404
    with unit_of_work(runtime.factory) as session:
        connector_admin.set_enabled(session, channel_id, False, user_id=None)
    assert _post(client, channel_id, body).status_code == 404
    assert _counts(runtime) == (0, 0, 0)


def test_webhook_needs_no_session_and_no_csrf_token_because_the_secret_authenticates(runtime, app, fake_telegram, add_telegram_channel) -> None:
    # The app checks CSRF on every other POST; this view is exempt on purpose (see web/webhooks.py).
    assert getattr(receive, "csrf_exempt", False) is True
    channel_id = add_telegram_channel(mode="webhook")
    response = _post(app.test_client(use_cookies=False), channel_id, json.dumps(_update(fake_telegram)).encode())
    assert response.status_code == 200
    assert "Set-Cookie" not in response.headers
