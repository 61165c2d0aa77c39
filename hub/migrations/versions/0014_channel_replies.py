"""channel_replies: replies sent on chat channels (Telegram), claimed so a job never sends twice

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "channel_replies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("interaction_id", sa.Integer(), nullable=False),
        sa.Column("channel_id", sa.Integer(), nullable=False),
        sa.Column("recipient_kind", sa.String(length=32), nullable=False),
        sa.Column("recipient_value", sa.String(length=320), nullable=False),
        sa.Column("conversation_id", sa.String(length=500), nullable=False),
        sa.Column("in_reply_to", sa.String(length=500), nullable=True),
        sa.Column("body_text", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_message_id", sa.String(length=500), nullable=True),
        sa.CheckConstraint("status IN ('queued', 'sending', 'sent', 'failed')", name=op.f("ck_channel_replies_status")),
        sa.ForeignKeyConstraint(["interaction_id"], ["interactions.id"], name=op.f("fk_channel_replies_interaction_id_interactions"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["channel_id"], ["channels.id"], name=op.f("fk_channel_replies_channel_id_channels")),
        sa.ForeignKeyConstraint(["created_by"], ["users.id"], name=op.f("fk_channel_replies_created_by_users"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_channel_replies")),
    )
    op.create_index(op.f("ix_channel_replies_interaction_id"), "channel_replies", ["interaction_id"])
    op.create_index("ix_channel_replies_status", "channel_replies", ["status"])


def downgrade() -> None:
    op.drop_table("channel_replies")
