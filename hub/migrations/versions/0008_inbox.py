"""inbox_items, inbox_notes: work state of messages; full-text search per backend

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26

Search objects differ by database: PostgreSQL gets a German+English tsvector
expression index and a pg_trgm index on contact names; SQLite gets an FTS5
table over subject and body, kept in sync by triggers. They are invisible to
the model comparison (``hub.search_schema`` lists their names); their DDL is
spelled out here, not imported, so this migration stays what it was when
later code changes.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "inbox_items",
        sa.Column("interaction_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("assignee_id", sa.Integer(), nullable=True),
        sa.Column("snoozed_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("spam", sa.Boolean(), nullable=False),
        sa.Column("priority", sa.String(length=16), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.Integer(), nullable=True),
        sa.CheckConstraint("status IN ('open', 'pending', 'closed')", name=op.f("ck_inbox_items_status")),
        sa.CheckConstraint("priority IN ('low', 'normal', 'high', 'urgent')", name=op.f("ck_inbox_items_priority")),
        sa.ForeignKeyConstraint(["assignee_id"], ["users.id"], name=op.f("fk_inbox_items_assignee_id_users"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(
            ["interaction_id"], ["interactions.id"], name=op.f("fk_inbox_items_interaction_id_interactions"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["updated_by"], ["users.id"], name=op.f("fk_inbox_items_updated_by_users"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("interaction_id", name=op.f("pk_inbox_items")),
    )
    op.create_index("ix_inbox_items_assignee_status", "inbox_items", ["assignee_id", "status"])
    op.create_table(
        "inbox_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("interaction_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["author_id"], ["users.id"], name=op.f("fk_inbox_notes_author_id_users"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(
            ["interaction_id"], ["interactions.id"], name=op.f("fk_inbox_notes_interaction_id_interactions"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbox_notes")),
    )
    op.create_index(op.f("ix_inbox_notes_interaction_id"), "inbox_notes", ["interaction_id"])
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        _postgres_search()
    elif dialect == "sqlite":
        for statement in SQLITE_SEARCH:
            op.execute(statement)


#: FTS5 over the subject and what the sender wrote this time (reply_text, else
#: the whole text), like the PostgreSQL index; contentless, because the indexed
#: body is not a column of interactions. Porter stems English, prefix queries
#: cover German endings (hub.search).
_SQLITE_BODY = "coalesce({row}.reply_text, {row}.text, '')"
SQLITE_SEARCH = (
    "CREATE VIRTUAL TABLE interactions_fts USING fts5("
    "subject, body, content='', tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER interactions_fts_ai AFTER INSERT ON interactions BEGIN "
    f"INSERT INTO interactions_fts(rowid, subject, body) VALUES (new.id, new.subject, {_SQLITE_BODY.format(row='new')}); END",
    # A contentless table forgets a row through the 'delete' command with the values it indexed.
    "CREATE TRIGGER interactions_fts_ad AFTER DELETE ON interactions BEGIN "
    f"INSERT INTO interactions_fts(interactions_fts, rowid, subject, body) VALUES ('delete', old.id, old.subject, {_SQLITE_BODY.format(row='old')}); END",
    "CREATE TRIGGER interactions_fts_au AFTER UPDATE OF subject, text, reply_text ON interactions BEGIN "
    f"INSERT INTO interactions_fts(interactions_fts, rowid, subject, body) VALUES ('delete', old.id, old.subject, {_SQLITE_BODY.format(row='old')}); "
    f"INSERT INTO interactions_fts(rowid, subject, body) VALUES (new.id, new.subject, {_SQLITE_BODY.format(row='new')}); END",
    f"INSERT INTO interactions_fts(rowid, subject, body) SELECT id, subject, {_SQLITE_BODY.format(row='interactions')} FROM interactions",
)

POSTGRES_DOCUMENT = (
    "to_tsvector('german', coalesce(subject, '') || ' ' || coalesce(reply_text, \"text\", '')) || "
    "to_tsvector('english', coalesce(subject, '') || ' ' || coalesce(reply_text, \"text\", ''))"
)


def _postgres_search() -> None:
    op.execute(f"CREATE INDEX ix_interactions_fts ON interactions USING gin (({POSTGRES_DOCUMENT}))")
    # pg_trgm may already be installed in another schema: use the operator class where it lives.
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public")
    trgm_schema = op.get_bind().exec_driver_sql(
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'"
    ).scalar_one()
    op.execute(
        f'CREATE INDEX ix_contacts_display_name_trgm ON contacts USING gin (display_name "{trgm_schema}".gin_trgm_ops)'
    )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_contacts_display_name_trgm")
        op.execute("DROP INDEX IF EXISTS ix_interactions_fts")
    elif dialect == "sqlite":
        for trigger in ("interactions_fts_ai", "interactions_fts_ad", "interactions_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS interactions_fts")
    op.drop_table("inbox_notes")
    op.drop_table("inbox_items")
