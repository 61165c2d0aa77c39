"""contacts.merged_into_id, contact_merges and the rows each merge moved

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27

SQLite gets the column by a plain ALTER TABLE ... ADD COLUMN with an inline
foreign key: batch mode would copy and drop ``contacts``, which fails once
other tables reference its rows (foreign keys are on during migrations).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

_FK_NAME = "fk_contacts_merged_into_id_contacts"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            f"ALTER TABLE contacts ADD COLUMN merged_into_id INTEGER CONSTRAINT {_FK_NAME} REFERENCES contacts (id)"
        )
    else:
        op.add_column("contacts", sa.Column("merged_into_id", sa.Integer(), nullable=True))
        op.create_foreign_key(_FK_NAME, "contacts", "contacts", ["merged_into_id"], ["id"])
    op.create_table(
        "contact_merges",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("survivor_id", sa.Integer(), nullable=False),
        sa.Column("merged_id", sa.Integer(), nullable=False),
        sa.Column("merged_company_id", sa.Integer(), nullable=True),
        sa.Column("merged_by", sa.Integer(), nullable=True),
        sa.Column("merged_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("undone_by", sa.Integer(), nullable=True),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["survivor_id"], ["contacts.id"], name=op.f("fk_contact_merges_survivor_id_contacts"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["merged_id"], ["contacts.id"], name=op.f("fk_contact_merges_merged_id_contacts"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(
            ["merged_company_id"], ["companies.id"], name=op.f("fk_contact_merges_merged_company_id_companies"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(["merged_by"], ["users.id"], name=op.f("fk_contact_merges_merged_by_users"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["undone_by"], ["users.id"], name=op.f("fk_contact_merges_undone_by_users"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_merges")),
    )
    op.create_index(op.f("ix_contact_merges_survivor_id"), "contact_merges", ["survivor_id"])
    op.create_index(op.f("ix_contact_merges_merged_id"), "contact_merges", ["merged_id"])
    op.create_table(
        "contact_merge_moves",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("merge_id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("column_name", sa.String(length=64), nullable=False),
        sa.Column("row_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["merge_id"], ["contact_merges.id"], name=op.f("fk_contact_merge_moves_merge_id_contact_merges"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_merge_moves")),
    )
    op.create_index("ix_contact_merge_moves_merge_table", "contact_merge_moves", ["merge_id", "table_name"])
    op.create_table(
        "contact_merge_shared_identities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("merge_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("value", sa.String(length=320), nullable=False),
        sa.ForeignKeyConstraint(
            ["merge_id"], ["contact_merges.id"], name=op.f("fk_contact_merge_shared_identities_merge_id_contact_merges"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_merge_shared_identities")),
    )
    op.create_index(op.f("ix_contact_merge_shared_identities_merge_id"), "contact_merge_shared_identities", ["merge_id"])


def downgrade() -> None:
    op.drop_table("contact_merge_shared_identities")
    op.drop_table("contact_merge_moves")
    op.drop_table("contact_merges")
    if op.get_bind().dialect.name == "sqlite":
        # SQLite drops a column only when no constraint names it: rebuild through batch mode.
        with op.batch_alter_table("contacts", recreate="always") as batch:
            batch.drop_column("merged_into_id")
    else:
        op.drop_constraint(_FK_NAME, "contacts", type_="foreignkey")
        op.drop_column("contacts", "merged_into_id")
