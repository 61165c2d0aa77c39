"""Channel health: one row per channel, counted atomically, backing off on failures, on both databases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hub import channel_health
from hub.channel_health import BACKOFF_FIRST_SECONDS, BACKOFF_MAX_SECONDS, backoff_delay, health_of_channels, may_poll
from hub.channels import ensure_channel
from hub.db import unit_of_work

T0 = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)


def test_backoff_doubles_up_to_a_ceiling() -> None:
    assert backoff_delay(0) == 0
    assert backoff_delay(1) == BACKOFF_FIRST_SECONDS
    assert backoff_delay(2) == 2 * BACKOFF_FIRST_SECONDS
    assert backoff_delay(3) == 4 * BACKOFF_FIRST_SECONDS
    assert backoff_delay(50) == BACKOFF_MAX_SECONDS


def test_success_failure_and_backoff_are_recorded_per_channel(runtime) -> None:
    with unit_of_work(runtime.factory) as session:
        broken = ensure_channel(session, kind="telegram", name="broken bot")
        healthy = ensure_channel(session, kind="telegram", name="healthy bot")
        channel_health.record_success(session, healthy, messages=3, lag_seconds=2.5, now=T0)
        channel_health.record_failure(session, broken, "401 Unauthorized for token 123:SECRET-TOKEN", secrets=["123:SECRET-TOKEN"], now=T0)
        until = channel_health.record_failure(session, broken, "still 401", now=T0 + timedelta(seconds=40))
    assert until == T0 + timedelta(seconds=40 + 2 * BACKOFF_FIRST_SECONDS)
    with unit_of_work(runtime.factory) as session:
        lines = health_of_channels(session, [broken, healthy], now=T0 + timedelta(seconds=50))
        assert not may_poll(session, broken, now=T0 + timedelta(seconds=50))
        assert may_poll(session, broken, now=until)
        assert may_poll(session, healthy, now=T0)  # the other channel is unaffected
    bad, good = lines[broken], lines[healthy]
    assert bad.consecutive_failures == 2 and bad.errors_total == 2 and bad.last_error == "still 401"
    assert bad.backing_off(T0 + timedelta(seconds=50)) and bad.last_success_at is None
    assert good.messages_today == 3 and good.messages_total == 3 and good.lag_seconds == 2.5 and not good.failing
    assert good.last_success_at == T0 and not good.backing_off(T0)


def test_secrets_in_errors_are_redacted(runtime) -> None:
    with unit_of_work(runtime.factory) as session:
        channel = ensure_channel(session, kind="email", name="box")
        channel_health.record_failure(session, channel, "LOGIN failed for anna with pw=Sup3rSecret!", secrets=["Sup3rSecret!"], now=T0)
        line = health_of_channels(session, [channel])[channel]
    assert "Sup3rSecret!" not in line.last_error and "[redacted]" in line.last_error


def test_success_clears_the_backoff_and_today_starts_again_on_a_new_day(runtime) -> None:
    with unit_of_work(runtime.factory) as session:
        channel = ensure_channel(session, kind="telegram", name="bot")
        channel_health.record_success(session, channel, messages=5, now=T0)
        channel_health.record_failure(session, channel, "timeout", now=T0 + timedelta(hours=1))
        channel_health.record_success(session, channel, messages=2, now=T0 + timedelta(days=1))
        line = health_of_channels(session, [channel], now=T0 + timedelta(days=1))[channel]
        assert may_poll(session, channel, now=T0 + timedelta(days=1))
        stale = health_of_channels(session, [channel], now=T0 + timedelta(days=2))[channel]
    assert line.messages_today == 2 and line.messages_total == 7 and line.consecutive_failures == 0 and line.errors_total == 1
    assert line.last_error == "timeout"  # kept for the record, with its time
    assert stale.messages_today == 0  # nothing arrived on the next day yet


def test_unknown_channel_gets_an_empty_line(runtime) -> None:
    with unit_of_work(runtime.factory) as session:
        channel = ensure_channel(session, kind="sms", name="never polled")
        line = health_of_channels(session, [channel])[channel]
        assert may_poll(session, channel)
    assert line.last_success_at is None and line.messages_total == 0 and not line.failing
