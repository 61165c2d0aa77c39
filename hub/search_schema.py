"""Names of the search objects that exist only on one database.

The FTS5 table (with its shadow tables and triggers) and the PostgreSQL
search indexes are created by migration 0008 per dialect and have no model:
SQLAlchemy cannot describe an FTS5 virtual table, and declaring a
PostgreSQL-only index on the model would make SQLite differ. The Alembic
comparison skips them by these names, so models and migrations still agree.
"""

from __future__ import annotations

#: The SQLite FTS5 table over interaction subject and body (external content).
SQLITE_FTS_TABLE = "interactions_fts"
#: PostgreSQL: German + English tsvector over subject and body.
POSTGRES_FTS_INDEX = "ix_interactions_fts"
#: PostgreSQL: pg_trgm GIN index on contact names (substring and fuzzy lookups).
POSTGRES_TRGM_INDEX = "ix_contacts_display_name_trgm"

#: The expression both the index and the queries use, so the planner picks the index.
#: It indexes what the sender wrote this time (reply_text), not the quoted history:
#: the history is indexed on its own messages, and stemming 4 KB twice per insert
#: cost ingest a quarter of its speed.
POSTGRES_DOCUMENT = (
    "to_tsvector('german', coalesce(subject, '') || ' ' || coalesce(reply_text, \"text\", '')) || "
    "to_tsvector('english', coalesce(subject, '') || ' ' || coalesce(reply_text, \"text\", ''))"
)


def is_search_object(name: str | None, type_: str) -> bool:
    """True for the per-dialect search objects the model comparison must not see."""
    if name is None:
        return False
    if type_ == "table":
        return name == SQLITE_FTS_TABLE or name.startswith(SQLITE_FTS_TABLE + "_")
    if type_ == "index":
        return name in (POSTGRES_FTS_INDEX, POSTGRES_TRGM_INDEX)
    return False


def include_object(object_, name, type_, reflected, compare_to) -> bool:  # type: ignore[no-untyped-def]
    """Alembic ``include_object`` hook: everything except the search objects."""
    del object_, reflected, compare_to
    return not is_search_object(name, type_)
