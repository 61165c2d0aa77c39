"""remote_content_allowances: who allowed remote images for a message or a sender

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "remote_content_allowances",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scope", sa.String(length=16), nullable=False),
        sa.Column("interaction_id", sa.Integer(), nullable=True),
        sa.Column("sender_address", sa.String(length=320), nullable=True),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["interaction_id"], ["interactions.id"], name=op.f("fk_remote_content_allowances_interaction_id_interactions"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_remote_content_allowances_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_remote_content_allowances")),
    )
    op.create_index(op.f("ix_remote_content_allowances_interaction_id"), "remote_content_allowances", ["interaction_id"])
    op.create_index(op.f("ix_remote_content_allowances_sender_address"), "remote_content_allowances", ["sender_address"])


def downgrade() -> None:
    op.drop_table("remote_content_allowances")
