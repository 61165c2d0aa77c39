"""Fixtures of the connector tests: a fake Telegram Bot API and Telegram channels on the test hub."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from connectors.registry import default_registry
from hub import connector_admin
from hub.db import unit_of_work
from tests.support.fake_telegram import TOKEN, FakeTelegram
from workers.channels import secret_box

WEBHOOK_SECRET = "hook-secret_0123456789"


@pytest.fixture
def fake_telegram() -> Iterator[FakeTelegram]:
    """A fresh fake Bot API on a loopback port."""
    fake = FakeTelegram().start()
    yield fake
    fake.stop()


@pytest.fixture
def add_telegram_channel(runtime, fake_telegram) -> Callable[..., int]:  # type: ignore[no-untyped-def]
    """Add a Telegram channel through the admin service (secrets sealed as in production); returns its id."""

    def add(name: str = "Telegram support", mode: str = "polling", **settings: object) -> int:
        submitted = {"bot_token": TOKEN, "mode": mode, "api_url": fake_telegram.url, "poll_timeout": "0", **settings}
        if mode == "webhook":
            submitted.setdefault("webhook_secret", WEBHOOK_SECRET)
        with unit_of_work(runtime.factory) as session:
            return connector_admin.add_channel(
                session, default_registry(), secret_box(runtime), kind="telegram", name=name, submitted=submitted, user_id=None
            )

    return add
