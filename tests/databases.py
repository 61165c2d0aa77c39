"""Test databases: a PostgreSQL schema and SQLite files, both migrated by Alembic.

PostgreSQL tests use one schema per pytest process (``hub_test_<pid>``, so
two test runs on one machine never meet), emptied with TRUNCATE before each test; the code under test manages its own transactions (ingest
commits per batch), so a rolled-back outer transaction cannot isolate it.
SQLite tests copy a migrated template file.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from sqlalchemy import create_engine, text

from hub.db import make_engine, upgrade_database
from hub.models import Base

POSTGRES_SERVER = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
POSTGRES_SCHEMA = f"hub_test_{os.getpid()}"
POSTGRES_URL = f"{POSTGRES_SERVER}?options=-csearch_path%3D{POSTGRES_SCHEMA}"


def reset_postgres_schema() -> str:
    """Create this process's test schema (dropping those of finished runs), migrate it; returns the URL."""
    admin = create_engine(POSTGRES_SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        names = connection.execute(text("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'hub_test%'")).scalars()
        for name in list(names):
            owner_pid = name.removeprefix("hub_test_")
            if name == POSTGRES_SCHEMA or not owner_pid.isdigit() or not _alive(int(owner_pid)):
                connection.execute(text(f"DROP SCHEMA IF EXISTS {name} CASCADE"))
        connection.execute(text(f"CREATE SCHEMA {POSTGRES_SCHEMA}"))
    admin.dispose()
    engine = make_engine(POSTGRES_URL)
    upgrade_database(engine)
    engine.dispose()
    return POSTGRES_URL


def drop_postgres_schema() -> None:
    """Remove this process's schema at the end of the run."""
    admin = create_engine(POSTGRES_SERVER, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"DROP SCHEMA IF EXISTS {POSTGRES_SCHEMA} CASCADE"))
    admin.dispose()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


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
