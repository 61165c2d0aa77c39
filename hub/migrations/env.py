"""Alembic environment: runs on a connection handed in, or on the configured URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from hub.models import Base
from hub.search_schema import include_object

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    """Run with the caller's connection when given (tests, ``hub`` startup)."""
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True, include_object=include_object)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True, include_object=include_object)
        with context.begin_transaction():
            context.run_migrations()


run_migrations_online()
