"""Browser tests: one database is enough (SQLite), the app on a loopback port."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.web.browser import serving


@pytest.fixture
def backend() -> str:
    """SQLite only: what the browser sees does not depend on the database."""
    return "sqlite"


@pytest.fixture
def live_server(app) -> Iterator[str]:  # type: ignore[no-untyped-def]
    app.config.update(INBOX_SSE_MAX_SECONDS=20, INBOX_SSE_HEARTBEAT_SECONDS=1)
    with serving(app) as base_url:
        yield base_url
