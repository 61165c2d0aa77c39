"""follow_ups: dates agents promised to get back to a contact (hand-logged calls, faxes, letters, visits)

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "follow_ups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("raw_message_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("done_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("done_by", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["contact_id"], ["contacts.id"], name=op.f("fk_follow_ups_contact_id_contacts")),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_follow_ups_created_by_users"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["done_by"], ["users.id"], name=op.f("fk_follow_ups_done_by_users"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["raw_message_id"], ["raw_messages.id"], name=op.f("fk_follow_ups_raw_message_id_raw_messages")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_ups")),
        sa.UniqueConstraint("raw_message_id", name=op.f("uq_follow_ups_raw_message_id")),
    )
    op.create_index(op.f("ix_follow_ups_contact_id"), "follow_ups", ["contact_id"])
    op.create_index("ix_follow_ups_open_due", "follow_ups", ["done_at", "due_on"])


def downgrade() -> None:
    op.drop_index("ix_follow_ups_open_due", table_name="follow_ups")
    op.drop_index(op.f("ix_follow_ups_contact_id"), table_name="follow_ups")
    op.drop_table("follow_ups")
