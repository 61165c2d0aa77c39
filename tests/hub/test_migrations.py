"""Alembic migrations and the SQLAlchemy models describe the same schema, on both databases."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from hub.db import make_engine, upgrade_database
from hub.models import Base


def test_migrations_match_models_and_rerun_safely(settings) -> None:
    engine = make_engine(settings.resolved_database_url())
    upgrade_database(engine)  # the fixture already migrated: a second run must be a no-op
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert differences == []
