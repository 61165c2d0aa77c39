"""contact_suggestions.learned_address: undo removes only an address the confirmation added

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("contact_suggestions") as batch:
        batch.add_column(sa.Column("learned_address", sa.Boolean(), server_default=sa.false(), nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("contact_suggestions") as batch:
        batch.drop_column("learned_address")
