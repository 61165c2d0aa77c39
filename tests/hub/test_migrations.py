"""Alembic migrations and the SQLAlchemy models describe the same schema, on both databases."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from hub.db import make_engine, upgrade_database
from hub.models import Base
from hub.search_schema import include_object


def test_migrations_match_models_and_rerun_safely(settings) -> None:
    engine = make_engine(settings.resolved_database_url())
    upgrade_database(engine)  # the fixture already migrated: a second run must be a no-op
    with engine.connect() as connection:
        # Search objects (FTS5 tables, full-text and trigram indexes) live outside the models on purpose.
        differences = compare_metadata(MigrationContext.configure(connection, opts={"include_object": include_object}), Base.metadata)
    engine.dispose()
    assert differences == []
