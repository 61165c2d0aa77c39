"""Test databases: a PostgreSQL schema and SQLite files, both migrated by Alembic.

PostgreSQL tests share one schema (``hub_test``) emptied with TRUNCATE
before each test; the code under test manages its own transactions (ingest
commits per batch), so a rolled-back outer transaction cannot isolate it.
SQLite tests copy a migrated template file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import create_engine, text

from hub.db import make_engine, upgrade_database
from hub.models import Base

POSTGRES_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
POSTGRES_SCHEMA = "hub_test"
POSTGRES_URL = f"{POSTGRES_SERVER}?options=-csearch_path%3D{POSTGRES_SCHEMA}"


def reset_postgres_schema() -> str:
    """Drop and re-create the test schema, migrate it; returns the URL to use."""
    admin = create_engine(POSTGRES_SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"DROP SCHEMA IF EXISTS {POSTGRES_SCHEMA} CASCADE"))
        connection.execute(text(f"CREATE SCHEMA {POSTGRES_SCHEMA}"))
    admin.dispose()
    engine = make_engine(POSTGRES_URL)
    upgrade_database(engine)
    engine.dispose()
    return POSTGRES_URL


def truncate_postgres(url: str) -> None:
    """Empty every hub table and restart ids."""
    engine = create_engine(url)
    names = ", ".join(table.name for table in Base.metadata.sorted_tables)
    with engine.begin() as connection:
        connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    engine.dispose()


def make_sqlite_template(directory: Path) -> Path:
    """A migrated SQLite file to copy for each test."""
    path = directory / "template.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade_database(engine)
    engine.dispose()
    return path


def sqlite_copy(template: Path, target_dir: Path) -> str:
    """URL of a fresh copy of the template in ``target_dir``."""
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / "hub.sqlite3"
    shutil.copyfile(template, target)
    return f"sqlite:///{target}"
