"""indexes for the inbox pages at scale (facet lists, the inbound list)

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-23

Found with ``benchmarks/web.py`` (1,000,000 interactions): every inbox page
lists the languages, channels and intents seen so far with SELECT DISTINCT,
which without these indexes reads the whole interactions and
interaction_tags tables on every request. With them a DISTINCT becomes an
index-only scan and, written as a loose index scan (recursive CTE, see the
benchmark's report), a few index probes. The inbox list itself walks
inbound messages newest first: (direction, occurred_at, id) gives that
order exactly and skips outbound rows without reading them.

Plain B-tree indexes on both databases, declared on the models as well, so
the model comparison stays empty.
"""

from __future__ import annotations

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

#: (name, table, columns); ``benchmarks/web.py`` creates the same ones before this migration is merged.
INDEXES = (
    ("ix_interactions_lang", "interactions", ("lang",)),
    ("ix_interactions_channel", "interactions", ("channel",)),
    ("ix_interaction_tags_name", "interaction_tags", ("name",)),
    ("ix_interactions_direction_time", "interactions", ("direction", "occurred_at", "id")),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, list(columns))


def downgrade() -> None:
    for name, table, _ in reversed(INDEXES):
        op.drop_index(name, table_name=table)
