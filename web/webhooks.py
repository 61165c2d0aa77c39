"""Webhooks: ``POST /hooks/<kind>/<channel id>`` for every connector that receives pushes.

Public but verified. There is no login: the caller is the messaging service,
and it proves itself with what the connector checks in ``verify_webhook``
(Telegram: the ``X-Telegram-Bot-Api-Secret-Token`` header, compared in
constant time). That is also why the route is exempt from CSRF: CSRF abuses
ambient credentials (the session cookie) a browser adds on its own; this
view reads no cookie and trusts nothing but the secret a forged cross-site
request cannot know.

Answers: 403 when verification fails and 400 for a malformed payload, both
before anything is stored; 404 for an unknown, deleted or switched-off
channel; 200 once the raw payload is committed (a re-delivery of the same
update is answered 200 and adds nothing); 503 when the channel's secrets
cannot be opened, so the service retries later.

On RQ the ingest of the committed raws is requested for a short burst of
requests at once (:mod:`web.ingest_batching`), not one job per request.
"""

from __future__ import annotations

import logging
import threading
import time

from flask import Blueprint, Flask, Response, abort, current_app

from sqlalchemy.orm import Session

from connectors.base import ConnectorBase, ConnectorError, PayloadError, WebhookRejected
from connectors.registry import UnknownConnector
from hub import channel_health
from hub.channel_config import is_enabled
from hub.channel_intake import check_webhook, keep_webhook
from hub.connector_admin import connector_config
from hub.db import unit_of_work
from hub.models import Channel
from hub.secrets import SecretsUnavailable
from web.admin_connectors import registry, secret_box
from web.chat_support import blob_store, enqueue_ingest, session_factory, settings
from web.ingest_batching import IngestCoalescer
from web.security import csrf_exempt

log = logging.getLogger(__name__)

#: A delivery that worked is written to the channel's health row at most this often per process:
#: the row is one per channel, and an UPDATE + commit per request would queue every request on its lock.
SUCCESS_RECORD_SECONDS = 1.0
_COALESCER_LOCK = threading.Lock()

blueprint = Blueprint("webhooks", __name__, url_prefix="/hooks")


@blueprint.route("/<kind>/<int:channel_id>", methods=["POST"])
@csrf_exempt
def receive(kind: str, channel_id: int) -> Response:
    """Verify, keep and enqueue one pushed payload (see the module docstring for the answers)."""
    from flask import request

    factory = session_factory()
    body = request.get_data(cache=False)
    connector: ConnectorBase | None = None
    try:
        # Looked up, verified and checked for a re-delivery in one transaction: a pool checkout,
        # its ping and a commit less per request than a transaction for each.
        with unit_of_work(factory) as session:
            connector = _connector(session, kind, channel_id)
            redelivered = check_webhook(session, connector, request.headers, body)
        if redelivered:
            answer = connector.webhook_answer([])
        else:
            answer = keep_webhook(factory, blob_store(), connector, request.headers, body, _enqueue_ingest)
    except SecretsUnavailable as error:
        log.warning("event=webhook_secrets_unavailable channel_id=%d", channel_id)
        return _text(f"channel secrets unavailable: {error}", 503)
    except WebhookRejected:
        log.warning("event=webhook_rejected channel_id=%d kind=%s", channel_id, kind)
        return _text("forbidden", 403)
    except PayloadError as error:
        log.warning("event=webhook_malformed channel_id=%d kind=%s", channel_id, kind)
        _record(channel_id, False, f"malformed webhook payload: {error}", _secrets(connector))
        return _text(f"malformed payload: {error}", 400)
    except ConnectorError as error:
        # Fetching a file failed: nothing was stored, and a non-2xx answer makes the service deliver again.
        _record(channel_id, False, str(error), _secrets(connector))
        return _text("could not fetch the payload's files; try again", 502)
    finally:
        if connector is not None:
            connector.close()
    _record(channel_id, True, "", ())
    return Response(answer.body, status=answer.status, content_type=answer.content_type)


def _connector(session: Session, kind: str, channel_id: int) -> ConnectorBase:
    """The channel's connector with its secrets opened; 404 unless it is an enabled channel of ``kind`` taking webhooks."""
    channel = session.get(Channel, channel_id)
    if channel is None or not is_enabled(channel):
        abort(404)
    try:
        connector_class = registry().get(channel.kind)
    except UnknownConnector:
        abort(404)
    if connector_class.kind != kind or not connector_class.can_receive_webhooks():
        abort(404)
    return connector_class.from_channel(connector_config(channel, secret_box()))


def _secrets(connector: ConnectorBase | None) -> list[str]:
    return list(connector.channel.secrets.values()) if connector is not None else []


def _text(message: str, status: int) -> Response:
    return Response(message + "\n", status=status, content_type="text/plain; charset=utf-8")


def _enqueue_ingest(raw_ids: list[int]) -> None:
    """In-process: ingest now (the answer waits for the timeline); on RQ: one job per burst of requests."""
    if settings().jobs_in_process:
        enqueue_ingest(raw_ids)
        return
    coalescer = current_app.extensions.get("hub.webhook_ingest")
    if coalescer is None:
        with _COALESCER_LOCK:
            coalescer = current_app.extensions.get("hub.webhook_ingest")
            if coalescer is None:
                app = current_app._get_current_object()  # type: ignore[attr-defined]
                coalescer = current_app.extensions["hub.webhook_ingest"] = IngestCoalescer(
                    lambda batch: _enqueue_in(app, batch), max_ids=settings().ingest_batch_size
                )
    coalescer.add(raw_ids)


def _enqueue_in(app: Flask, raw_ids: list[int]) -> None:
    with app.app_context():
        enqueue_ingest(raw_ids)


def _record(channel_id: int, ok: bool, error: str, secrets) -> None:  # type: ignore[no-untyped-def]
    """Channel health for the admin page; a failure to record must not change the answer.

    Successes are written at most every :data:`SUCCESS_RECORD_SECONDS` per
    channel and process (a failure is written each time, and lets the next
    success through at once).
    """
    recorded: dict[int, float] = current_app.extensions.setdefault("hub.webhook_success_recorded", {})
    now = time.monotonic()
    if ok:
        last = recorded.get(channel_id)
        if last is not None and now - last < SUCCESS_RECORD_SECONDS:
            return
        recorded[channel_id] = now
    else:
        recorded.pop(channel_id, None)
    try:
        with unit_of_work(session_factory()) as session:
            if ok:
                channel_health.record_success(session, channel_id)
            else:
                channel_health.record_failure(session, channel_id, error, secrets=secrets)
    except Exception:  # noqa: BLE001
        log.exception("event=webhook_health_failed channel_id=%d", channel_id)
