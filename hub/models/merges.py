"""Contact merges, recorded row by row so a merge can be undone exactly.

A merge does not copy or delete the folded contact: its rows are re-pointed to
the survivor and each re-pointed row is listed here. Undo re-points only the
listed rows, so mail that reached the survivor after the merge stays with it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from hub.models.base import Base


class ContactMerge(Base):
    """``merged_id`` was folded into ``survivor_id``; ``undone_at`` is set once it was split again."""

    __tablename__ = "contact_merges"

    id: Mapped[int] = mapped_column(primary_key=True)
    survivor_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    merged_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    #: The folded contact's company, cleared while merged so the matcher never proposes it by domain.
    merged_company_id: Mapped[int | None] = mapped_column(ForeignKey("companies.id", ondelete="SET NULL"))
    merged_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    merged_at: Mapped[datetime]
    undone_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    undone_at: Mapped[datetime | None]


class ContactMergeMove(Base):
    """One row whose ``column_name`` was re-pointed from the merged contact to the survivor."""

    __tablename__ = "contact_merge_moves"
    __table_args__ = (Index("ix_contact_merge_moves_merge_table", "merge_id", "table_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    merge_id: Mapped[int] = mapped_column(ForeignKey("contact_merges.id", ondelete="CASCADE"))
    table_name: Mapped[str] = mapped_column(String(64))
    column_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[int]


class ContactMergeSharedIdentity(Base):
    """An identity both contacts had: the folded contact's copy is removed, and re-created on undo.

    Kept on the hidden contact it would make the matcher see two candidates for
    one address and suggest instead of deciding.
    """

    __tablename__ = "contact_merge_shared_identities"

    id: Mapped[int] = mapped_column(primary_key=True)
    merge_id: Mapped[int] = mapped_column(ForeignKey("contact_merges.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    value: Mapped[str] = mapped_column(String(320))
