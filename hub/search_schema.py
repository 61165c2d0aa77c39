"""Names of the search objects that exist only on one database.

The FTS5 table (with its shadow tables and triggers) and the PostgreSQL
search objects are created per dialect by migrations 0008 and 0013 and have
no model: SQLAlchemy cannot describe an FTS5 virtual table, and declaring a
PostgreSQL-only column or index on the model would make SQLite differ. The
Alembic comparison skips them by these names, so models and migrations
still agree.
"""

from __future__ import annotations

#: The SQLite FTS5 table over interaction subject and body (external content).
SQLITE_FTS_TABLE = "interactions_fts"
#: PostgreSQL (0008, dropped by 0013): the expression index the stored column replaced.
POSTGRES_FTS_INDEX = "ix_interactions_fts"
#: PostgreSQL (0013): the German + English tsvector over the subject and what the sender wrote this
#: time (reply_text, else text; the quoted history is indexed on its own messages), stored once per
#: row as a generated column, so neither a lossy bitmap recheck nor a filter row stems the body again.
POSTGRES_SEARCH_COLUMN = "search_document"
#: PostgreSQL (0013): GIN index on that column, incoming mail only (what the inbox lists).
POSTGRES_SEARCH_INDEX = "ix_interactions_search_document"
#: PostgreSQL: pg_trgm GIN index on contact names (substring and fuzzy lookups).
POSTGRES_TRGM_INDEX = "ix_contacts_display_name_trgm"


def is_search_object(name: str | None, type_: str) -> bool:
    """True for the per-dialect search objects the model comparison must not see."""
    if name is None:
        return False
    if type_ == "table":
        return name == SQLITE_FTS_TABLE or name.startswith(SQLITE_FTS_TABLE + "_")
    if type_ == "index":
        return name in (POSTGRES_FTS_INDEX, POSTGRES_SEARCH_INDEX, POSTGRES_TRGM_INDEX)
    if type_ == "column":
        return name == POSTGRES_SEARCH_COLUMN
    return False


def include_object(object_, name, type_, reflected, compare_to) -> bool:  # type: ignore[no-untyped-def]
    """Alembic ``include_object`` hook: everything except the search objects."""
    del object_, reflected, compare_to
    return not is_search_object(name, type_)
