"""/metrics: Prometheus text per channel and for ingest, for the scrape token or an admin only."""

from __future__ import annotations

import re

import pytest
from pydantic import SecretStr

from hub import channel_health
from hub.channels import ensure_channel
from hub.clock import utcnow
from hub.db import unit_of_work
from hub.models import QuarantineEntry, RawMessage
from tests.web.roles import login_as
from web import create_app

SCRAPE_TOKEN = "scrape-token-for-tests-0123456789"


@pytest.fixture
def scraped_app(runtime):  # type: ignore[no-untyped-def]
    app = create_app(runtime.settings.model_copy(update={"metrics_token": SecretStr(SCRAPE_TOKEN)}))
    app.config["TESTING"] = True
    return app


def _value(text: str, name: str, **labels: str) -> float:
    for line in text.splitlines():
        if line.startswith(name + "{") or line.startswith(name + " "):
            found = dict(re.findall(r'(\w+)="((?:[^"\\]|\\.)*)"', line.split(" ")[0] if "{" not in line else line[: line.rindex("}") + 1]))
            if all(found.get(key) == value for key, value in labels.items()):
                return float(line.rsplit(" ", 1)[1])
    raise AssertionError(f"{name} {labels} not in metrics")


def test_only_the_scrape_token_or_an_admin_reads_metrics(app, scraped_app) -> None:
    client = scraped_app.test_client()
    anonymous = client.get("/metrics")
    assert anonymous.status_code == 401 and anonymous.headers["WWW-Authenticate"].startswith("Bearer")
    assert client.get("/metrics", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/metrics", headers={"Authorization": f"Basic {SCRAPE_TOKEN}"}).status_code == 401
    scraped = client.get("/metrics", headers={"Authorization": f"Bearer {SCRAPE_TOKEN}"})
    assert scraped.status_code == 200 and scraped.content_type.startswith("text/plain; version=0.0.4")
    assert login_as(scraped_app, "agent2@example.test", "agent").get("/metrics").status_code == 403
    assert login_as(scraped_app, "admin@example.test", "admin").get("/metrics").status_code == 200
    # Without a configured token no bearer value opens it, not even an empty one.
    assert app.test_client().get("/metrics", headers={"Authorization": "Bearer "}).status_code == 401


def test_metrics_per_channel_and_for_ingest(scraped_app, runtime) -> None:
    now = utcnow()
    with unit_of_work(runtime.factory) as session:
        bot = ensure_channel(session, kind="telegram", name='Bot "Support"')
        box = ensure_channel(session, kind="imap", name="info@")
        channel_health.record_success(session, bot, messages=3, lag_seconds=1.5, now=now)
        channel_health.record_failure(session, box, "connection refused", now=now)
        pending = RawMessage(sha256="a" * 64, size=1, channel_kind="email", status="pending", received_at=now)
        quarantined = RawMessage(sha256="b" * 64, size=1, channel_kind="email", status="quarantined", received_at=now)
        session.add_all([pending, quarantined])
        session.flush()
        session.add(QuarantineEntry(raw_message_id=quarantined.id, stage="normalise", reason="bad bytes", created_at=now, last_attempt_at=now))
    text = scraped_app.test_client().get("/metrics", headers={"Authorization": f"Bearer {SCRAPE_TOKEN}"}).get_data(as_text=True)
    assert "# TYPE hub_channel_messages_total counter" in text
    bot_labels = {"channel_id": str(bot), "channel": 'Bot \\"Support\\"', "kind": "telegram"}
    assert _value(text, "hub_channel_messages_total", **bot_labels) == 3
    assert _value(text, "hub_channel_messages_today", **bot_labels) == 3
    assert _value(text, "hub_channel_lag_seconds", **bot_labels) == 1.5
    assert _value(text, "hub_channel_last_success_timestamp_seconds", **bot_labels) == pytest.approx(now.timestamp())
    assert _value(text, "hub_channel_errors_total", channel="info@") == 1
    assert _value(text, "hub_channel_backing_off", channel="info@") == 1
    assert _value(text, "hub_channel_backing_off", **bot_labels) == 0
    assert _value(text, "hub_channel_enabled", channel="info@") == 1
    assert _value(text, "hub_ingest_queue_depth") == 1
    assert _value(text, "hub_quarantine_entries") == 1
    assert "\nhub_jobs_waiting " not in text  # no Redis configured: absent rather than a made-up 0
    assert 'hub_channel_last_success_timestamp_seconds{channel_id="%d"' % box not in text  # never succeeded: no sample


@pytest.mark.redis
def test_jobs_waiting_on_redis_is_reported(runtime, redis_url: str) -> None:
    from redis import Redis
    from rq import Queue

    settings = runtime.settings.model_copy(update={"metrics_token": SecretStr(SCRAPE_TOKEN), "redis_url": redis_url})
    Queue(settings.queue_name, connection=Redis.from_url(redis_url)).enqueue("workers.jobs.ingest_job", [1])
    text = create_app(settings).test_client().get("/metrics", headers={"Authorization": f"Bearer {SCRAPE_TOKEN}"}).get_data(as_text=True)
    assert _value(text, "hub_jobs_waiting") == 1
