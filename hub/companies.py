"""The company pages' read models (the list, one company with its people's latest messages) and creating a company."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from hub import audit
from hub.clock import utcnow
from hub.contact_editing import ContactEditRefused
from hub.models import Company, Contact, Interaction
from nlp.signals import is_free_mail_domain


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


def clean_company_fields(session: Session, name: str, domain: str, company_id: int | None = None) -> tuple[str, str | None]:
    """The name with single spaces and the bare lower-case domain, or :class:`ContactEditRefused` saying why not.

    A free-mail domain (gmail.com, web.de, ...) names no company: with it as a
    company domain every customer writing from it would be filed under that
    company. Same rules as :func:`hub.contact_editing.update_company`.
    """
    name = " ".join(name.split())
    if not name:
        raise ContactEditRefused("the name must not be empty")
    if len(name) > 300:
        raise ContactEditRefused("the name is longer than 300 characters")
    cleaned = domain.strip().lower().removeprefix("http://").removeprefix("https://").split("/")[0]
    cleaned = cleaned.removeprefix("www.").rstrip(".") or None
    if cleaned is not None:
        if "." not in cleaned or "@" in cleaned or " " in cleaned or len(cleaned) > 255:
            raise ContactEditRefused(f"not a domain: {cleaned!r}")
        if is_free_mail_domain(cleaned):
            raise ContactEditRefused(f"{cleaned} is a free-mail domain and names no company")
        taken = session.scalar(select(Company.name).where(Company.domain == cleaned, Company.id != (company_id or 0)))
        if taken is not None:
            raise ContactEditRefused(f"{cleaned} already belongs to the company {taken}")
    return name, cleaned


def create_company(session: Session, actor_id: int | None, name: str, domain: str, ip: str = "") -> int:
    """Create a company after the same checks as an edit; audited as ``company.create``. The caller commits."""
    name, cleaned = clean_company_fields(session, name, domain)
    company = Company(name=name, domain=cleaned, created_at=utcnow())
    session.add(company)
    session.flush()
    audit.record(session, actor_id, "company.create", "company", company.id, ip=ip, name=name, domain=cleaned)
    return company.id
