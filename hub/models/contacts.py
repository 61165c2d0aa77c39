"""Contacts, their identities on every channel, and companies."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from hub.models.base import Base


class Company(Base):
    """An organisation customers belong to; ``domain`` is never a free-mail domain."""

    __tablename__ = "companies"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    domain: Mapped[str | None] = mapped_column(String(255), unique=True)
    created_at: Mapped[datetime]

    contacts: Mapped[list[Contact]] = relationship(back_populates="company")


class Contact(Base):
    """A person the hub talks to, on any channel."""

    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    display_name: Mapped[str] = mapped_column(String(300), default="")
    company_id: Mapped[int | None] = mapped_column(ForeignKey("companies.id"), index=True)
    created_at: Mapped[datetime]
    #: Set while this contact is folded into another (hub.merging): hidden from lists, kept for undo.
    #: No ON DELETE: merged contacts are never deleted, and SQLite cannot add one to an existing table.
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id"))

    company: Mapped[Company | None] = relationship(back_populates="contacts")
    identities: Mapped[list[ContactIdentity]] = relationship(
        back_populates="contact", cascade="all, delete-orphan"
    )


class ContactIdentity(Base):
    """One normalised address of a contact: email, E.164 phone, messenger id.

    The same value may belong to two contacts (a shared family address); the
    matcher then suggests instead of deciding.
    """

    __tablename__ = "contact_identities"
    __table_args__ = (
        UniqueConstraint("kind", "value", "contact_id"),
        Index("ix_contact_identities_kind_value", "kind", "value"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    value: Mapped[str] = mapped_column(String(320))

    contact: Mapped[Contact] = relationship(back_populates="identities")
