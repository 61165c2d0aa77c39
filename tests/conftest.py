"""Shared fixtures: the shared test data folder, databases, services."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from config import Settings
from tests.databases import drop_postgres_schema, make_sqlite_template, reset_postgres_schema, sqlite_copy, truncate_postgres
from workers.runtime import Runtime, get_runtime, reset_runtime

pytest_plugins = ["tests.support.pytest_dovecot"]

REPO_ROOT = Path(__file__).resolve().parent.parent
#: MANIFEST.tsv features of files in shared/data/email that are not mails.
NON_MAIL_FEATURES = frozenset({"expected-output", "body-text", "html-body", "aux", "derived-from-test-code"})


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """``../shared/data`` beside the repository: public test material by others.

    It is used by path, never copied into the project.
    """
    path = (REPO_ROOT.parent / "shared" / "data").resolve()
    if not path.is_dir():
        pytest.fail(f"shared test data not found at {path}")
    return path


@pytest.fixture(scope="session")
def corpus_mail_paths(shared_data: Path) -> list[Path]:
    """Every raw mail the email corpus's MANIFEST.tsv lists (not expected outputs)."""
    with (shared_data / "email" / "MANIFEST.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    paths = [
        shared_data / "email" / row["relpath"]
        for row in rows
        if not (set(row["features"].split(",")) & NON_MAIL_FEATURES)
    ]
    assert len(paths) > 500, "the corpus manifest lists fewer mails than expected"
    return paths


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A migrated PostgreSQL schema of this test process, dropped at the end."""
    yield reset_postgres_schema()
    drop_postgres_schema()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file copied by each SQLite test."""
    return make_sqlite_template(tmp_path_factory.mktemp("sqlite-template"))


def _database_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if backend == "postgresql":
        url = request.getfixturevalue("postgres_url")
        truncate_postgres(url)
        return url
    return sqlite_copy(request.getfixturevalue("sqlite_template"), tmp_path / "db")


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    """Run the test on both databases."""
    return request.param


@pytest.fixture
def settings(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """Settings of an isolated hub: its own database and raw store, jobs in-process."""
    return Settings(var_dir=tmp_path / "var", database_url=_database_url(backend, request, tmp_path), redis_url="")


@pytest.fixture
def runtime(settings: Settings) -> Iterator[Runtime]:
    """The process runtime pointed at the test's hub."""
    reset_runtime()
    yield get_runtime(settings)
    reset_runtime()


@pytest.fixture
def pg_settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """Settings on PostgreSQL only (multi-process and fault tests)."""
    return Settings(var_dir=tmp_path / "var", database_url=_database_url("postgresql", request, tmp_path), redis_url="")


#: A Redis database per test process (1-14), so two test runs on one machine rarely meet.
REDIS_TEST_URL = f"redis://127.0.0.1:6379/{1 + os.getpid() % 14}"


@pytest.fixture
def redis_url() -> Iterator[str]:
    """This process's Redis database, flushed before and after the test."""
    from redis import Redis

    client = Redis.from_url(REDIS_TEST_URL)
    client.flushdb()
    yield REDIS_TEST_URL
    client.flushdb()
    client.close()


@pytest.fixture
def rq_runtime(pg_settings: Settings, redis_url: str) -> Iterator[Runtime]:
    """PostgreSQL + RQ on Redis: the production shape."""
    settings = pg_settings.model_copy(update={"redis_url": redis_url})
    reset_runtime()
    yield get_runtime(settings)
    reset_runtime()
