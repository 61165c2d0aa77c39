"""``/metrics``: Prometheus text format, per channel and for the ingest path.

Who may read it: a scraper sending ``Authorization: Bearer <HUB_METRICS_TOKEN>``
(compared in constant time), or a logged-in user with the
``admin.connectors`` permission (an admin checking by hand). Anyone else gets
401 (403 when logged in without that permission): the figures name channels
and reveal traffic, and a scraper is not a browser, so it gets a status code
rather than a login redirect. With no token configured only admins can read it.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterable

from flask import Blueprint, Response, current_app, g, request
from sqlalchemy import func, select

from hub import channel_health
from hub.clock import utcnow
from hub.connector_admin import is_deleted
from hub.channel_config import is_enabled
from hub.models import Channel, QuarantineEntry, RawMessage
from hub.models.raw import RAW_PENDING
from hub.permissions import has_permission
from web.security import db

blueprint = Blueprint("metrics", __name__)

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


def may_read_metrics() -> bool:
    """The scrape token, or an admin session."""
    configured = current_app.extensions["hub.settings"].metrics_token.get_secret_value()
    scheme, _, presented = request.headers.get("Authorization", "").partition(" ")
    if configured and scheme.lower() == "bearer" and hmac.compare_digest(presented.strip().encode(), configured.encode()):
        return True
    user = g.get("user")
    return user is not None and has_permission(user.role, "admin.connectors")


@blueprint.route("/metrics", methods=["GET"])
def metrics() -> Response:
    """Every metric, freshly read (a scrape every 15-60 s costs a few indexed queries)."""
    if not may_read_metrics():
        if g.get("user") is not None:
            return Response("metrics are for admins and the scrape token\n", 403, {"Content-Type": CONTENT_TYPE})
        return Response("metrics need a bearer token or an admin login\n", 401, {"WWW-Authenticate": 'Bearer realm="metrics"', "Content-Type": CONTENT_TYPE})
    return Response(render(), 200, {"Content-Type": CONTENT_TYPE, "Cache-Control": "no-store"})


def render() -> str:
    """The exposition text."""
    session = db()
    now = utcnow()
    channels = [c for c in session.scalars(select(Channel).order_by(Channel.id)) if not is_deleted(c)]
    health = channel_health.health_of_channels(session, [c.id for c in channels], now=now)
    lines: list[str] = []

    def family(name: str, kind: str, help_text: str, samples: Iterable[tuple[dict[str, str], float | None]]) -> None:
        lines.append(f"# HELP {name} {help_text}")
        lines.append(f"# TYPE {name} {kind}")
        for labels, value in samples:
            if value is not None:
                lines.append(f"{name}{_labels(labels)} {_number(value)}")

    def per_channel(value_of) -> list[tuple[dict[str, str], float | None]]:  # type: ignore[no-untyped-def]
        return [({"channel_id": str(c.id), "channel": c.name, "kind": c.kind}, value_of(c, health[c.id])) for c in channels]

    family("hub_channel_enabled", "gauge", "1 if the channel is switched on.", per_channel(lambda c, h: 1.0 if is_enabled(c) else 0.0))
    family("hub_channel_messages_total", "counter", "Messages stored from the channel since its health was first recorded.", per_channel(lambda c, h: h.messages_total))
    family("hub_channel_messages_today", "gauge", "Messages stored from the channel today (UTC).", per_channel(lambda c, h: h.messages_today))
    family(
        "hub_channel_last_success_timestamp_seconds", "gauge", "Unix time of the last successful poll, sync or delivery.",
        per_channel(lambda c, h: h.last_success_at.timestamp() if h.last_success_at else None),
    )
    family("hub_channel_lag_seconds", "gauge", "How far behind its source the channel was at its last success.", per_channel(lambda c, h: h.lag_seconds))
    family("hub_channel_errors_total", "counter", "Failed polls, syncs or deliveries.", per_channel(lambda c, h: h.errors_total))
    family("hub_channel_consecutive_failures", "gauge", "Failures since the last success.", per_channel(lambda c, h: h.consecutive_failures))
    family("hub_channel_backing_off", "gauge", "1 while the channel waits out a backoff after failures.", per_channel(lambda c, h: 1.0 if h.backing_off(now) else 0.0))
    pending = session.scalar(select(func.count()).select_from(RawMessage).where(RawMessage.status == RAW_PENDING)) or 0
    family("hub_ingest_queue_depth", "gauge", "Raw messages stored and not yet ingested.", [({}, pending)])
    waiting = _jobs_waiting()
    family("hub_jobs_waiting", "gauge", "Jobs enqueued on RQ and not yet started (absent without Redis).", [({}, waiting)])
    quarantined = session.scalar(select(func.count()).select_from(QuarantineEntry)) or 0
    family("hub_quarantine_entries", "gauge", "Raw messages set aside by a pipeline stage, with a reason.", [({}, quarantined)])
    return "\n".join(lines) + "\n"


def _jobs_waiting() -> float | None:
    settings = current_app.extensions["hub.settings"]
    if not settings.redis_url:
        return None
    try:
        from redis import Redis
        from rq import Queue

        client = Redis.from_url(settings.redis_url, socket_timeout=2)
        try:
            return float(Queue(settings.queue_name, connection=client).count)
        finally:
            client.close()
    except Exception:  # noqa: BLE001 -- Redis down: the metric is absent, the scrape still answers
        return None


def _labels(labels: dict[str, str]) -> str:
    if not labels:
        return ""
    escaped = (f'{key}="{_escape(value)}"' for key, value in labels.items())
    return "{" + ",".join(escaped) + "}"


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"')


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else repr(float(value))
