"""interactions.search_document: a stored tsvector with its own GIN index (PostgreSQL search at scale)

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-23

Found with ``benchmarks/web.py`` at 1,000,000 interactions: the expression
index of 0008 finds matches, but every row the executor then looks at again
(a lossy bitmap page, a filter while walking the inbox newest first) means
stemming the whole body twice more. A common word ("Rechnung") touches a
large part of the table, so a search took over a second. A stored,
generated column holds the tsvector once: the GIN index is built on it and
a check against it costs no stemming, so the planner can walk the inbox in
its own order and stop after a page.

Same document as 0008 (German + English configurations over the subject and
reply_text, else text), so search results do not change. The old expression
index is dropped: keeping both would stem every insert four times. Adding a
stored column rewrites ``interactions`` under an exclusive lock: on the
benchmark's million rows that took about 20 minutes on two cores (with the
expression index still there, rebuilt for nothing, which is why it is now
dropped first). On a large hub, run it as planned maintenance. SQLite
keeps its FTS5 table. Like 0008, the objects are PostgreSQL-only and hidden
from the model comparison by ``hub.search_schema``; their DDL is spelled out
here so this migration stays what it was.
"""

from __future__ import annotations

from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

POSTGRES_DOCUMENT = (
    "to_tsvector('german'::regconfig, coalesce(subject, '') || ' ' || coalesce(reply_text, \"text\", '')) || "
    "to_tsvector('english'::regconfig, coalesce(subject, '') || ' ' || coalesce(reply_text, \"text\", ''))"
)
#: 0008's expression, as 0008 created it (for the downgrade).
POSTGRES_DOCUMENT_0008 = (
    "to_tsvector('german', coalesce(subject, '') || ' ' || coalesce(reply_text, \"text\", '')) || "
    "to_tsvector('english', coalesce(subject, '') || ' ' || coalesce(reply_text, \"text\", ''))"
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    # Drop the expression index first: adding a stored column rewrites the table and rebuilds every
    # index on it, and rebuilding this one would stem every body twice more for nothing.
    op.execute("DROP INDEX IF EXISTS ix_interactions_fts")
    op.execute(f"ALTER TABLE interactions ADD COLUMN search_document tsvector GENERATED ALWAYS AS ({POSTGRES_DOCUMENT}) STORED")
    # Partial: only the inbox searches, and it lists incoming mail only. Outgoing rows in the index
    # made the planner AND the match with the direction index (200 ms of a 1 s search).
    op.execute("CREATE INDEX ix_interactions_search_document ON interactions USING gin (search_document) WHERE direction = 'in'")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(f"CREATE INDEX IF NOT EXISTS ix_interactions_fts ON interactions USING gin (({POSTGRES_DOCUMENT_0008}))")
    op.execute("DROP INDEX IF EXISTS ix_interactions_search_document")
    op.execute("ALTER TABLE interactions DROP COLUMN IF EXISTS search_document")
