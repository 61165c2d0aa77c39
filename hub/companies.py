"""Read models for the company pages: the list, and one company with its people's latest messages."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hub.models import Company, Contact, Interaction


@dataclass(frozen=True)
class CompanyRow:
    """One company in the list."""

    company_id: int
    name: str
    domain: str | None
    contacts: int


@dataclass(frozen=True)
class CompanyContact:
    """A contact of the company and their latest message, if any."""

    contact_id: int
    display_name: str
    latest_interaction_id: int | None
    latest_subject: str | None
    latest_at: datetime | None


@dataclass(frozen=True)
class CompanyDetail:
    """A company with its active contacts, most recently heard from first."""

    company_id: int
    name: str
    domain: str | None
    contacts: tuple[CompanyContact, ...]


def list_companies(session: Session) -> list[CompanyRow]:
    """Every company by name, with how many active contacts it has."""
    active = (Contact.company_id == Company.id) & Contact.merged_into_id.is_(None)
    rows = session.execute(
        select(Company.id, Company.name, Company.domain, func.count(Contact.id))
        .outerjoin(Contact, active)
        .group_by(Company.id, Company.name, Company.domain)
        .order_by(func.lower(Company.name), Company.id)
    )
    return [CompanyRow(cid, name, domain, count) for cid, name, domain, count in rows]


def company_detail(session: Session, company_id: int) -> CompanyDetail | None:
    """The company and, for each active contact, the newest message on any channel."""
    company = session.get(Company, company_id)
    if company is None:
        return None
    contacts = session.execute(
        select(Contact.id, Contact.display_name).where(Contact.company_id == company_id, Contact.merged_into_id.is_(None)).order_by(Contact.id)
    ).all()
    people = [CompanyContact(cid, name, *_latest(session, cid)) for cid, name in contacts]
    people.sort(key=lambda p: (p.latest_at is None, -(p.latest_at.timestamp()) if p.latest_at else 0, p.display_name.lower()))
    return CompanyDetail(company.id, company.name, company.domain, tuple(people))


def _latest(session: Session, contact_id: int) -> tuple[int | None, str | None, datetime | None]:
    # Served by ix_interactions_contact_time; a company has few contacts, so one query each is fine.
    row = session.execute(
        select(Interaction.id, Interaction.subject, Interaction.occurred_at)
        .where(Interaction.contact_id == contact_id)
        .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
        .limit(1)
    ).first()
    return (row[0], row[1], row[2]) if row else (None, None, None)
