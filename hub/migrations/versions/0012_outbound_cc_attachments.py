"""outbound_messages.cc_addresses/bcc_addresses and outbound_attachments: replies with Cc, Bcc and files

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbound_messages") as batch:
        # Replies queued before this revision had no Cc/Bcc: an empty list is their truth.
        batch.add_column(sa.Column("cc_addresses", sa.JSON(), server_default="[]", nullable=False))
        batch.add_column(sa.Column("bcc_addresses", sa.JSON(), server_default="[]", nullable=False))
    op.create_table(
        "outbound_attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("outbound_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("content_type", sa.String(length=200), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["outbound_id"], ["outbound_messages.id"], name=op.f("fk_outbound_attachments_outbound_id_outbound_messages"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbound_attachments")),
        sa.UniqueConstraint("outbound_id", "position", name=op.f("uq_outbound_attachments_outbound_id_position")),
    )
    op.create_index(op.f("ix_outbound_attachments_outbound_id"), "outbound_attachments", ["outbound_id"])


def downgrade() -> None:
    op.drop_table("outbound_attachments")
    with op.batch_alter_table("outbound_messages") as batch:
        batch.drop_column("bcc_addresses")
        batch.drop_column("cc_addresses")
