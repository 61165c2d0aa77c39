"""contact_suggestions: weaker match evidence for an agent to confirm or reject

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "contact_suggestions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("interaction_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("previous_contact_id", sa.Integer(), nullable=True),
        sa.Column("decided_by", sa.String(length=320), nullable=True),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["contact_id"], ["contacts.id"], name=op.f("fk_contact_suggestions_contact_id_contacts"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["interaction_id"], ["interactions.id"], name=op.f("fk_contact_suggestions_interaction_id_interactions"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["previous_contact_id"], ["contacts.id"], name=op.f("fk_contact_suggestions_previous_contact_id_contacts"), ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_suggestions")),
        sa.UniqueConstraint("interaction_id", "contact_id", name=op.f("uq_contact_suggestions_interaction_id_contact_id")),
    )
    op.create_index(op.f("ix_contact_suggestions_contact_id"), "contact_suggestions", ["contact_id"])
    op.create_index(op.f("ix_contact_suggestions_interaction_id"), "contact_suggestions", ["interaction_id"])


def downgrade() -> None:
    op.drop_table("contact_suggestions")
