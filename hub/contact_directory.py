"""Read models for the contacts and companies pages: search, edit panel, company overview.

Merged contacts (``merged_into_id`` set) are left out of every list: they are
kept only so a merge can be undone, and their page says where they went.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, and_, exists, func, or_, select
from sqlalchemy.orm import Session

from hub.models import Company, Contact, ContactIdentity, ContactMerge
from nlp.signals import normalise_phone

_NOT_DIGIT = re.compile(r"\D+")


@dataclass(frozen=True)
class ContactRow:
    """One line of the contact search."""

    contact_id: int
    display_name: str
    company_name: str | None
    identities: tuple[str, ...]


@dataclass(frozen=True)
class ContactPage:
    """One page of search results, with the total for paging."""

    rows: tuple[ContactRow, ...]
    total: int
    page: int
    per_page: int

    @property
    def has_next(self) -> bool:
        """True when more results follow."""
        return self.page * self.per_page < self.total


def search_contacts(session: Session, query: str, region: str, page: int = 1, per_page: int = 50) -> ContactPage:
    """Active contacts whose name, email or phone matches ``query``; all of them for an empty query."""
    page = max(1, page)
    conditions: list[ColumnElement[bool]] = [Contact.merged_into_id.is_(None)]
    if query.strip():
        conditions.append(_matches(query.strip(), region))
    total = session.scalar(select(func.count()).select_from(Contact).where(*conditions)) or 0
    found = session.execute(
        select(Contact.id, Contact.display_name, Company.name)
        .outerjoin(Company, Company.id == Contact.company_id)
        .where(*conditions)
        .order_by(func.lower(Contact.display_name), Contact.id)
        .limit(per_page)
        .offset((page - 1) * per_page)
    ).all()
    identities = _identities_of(session, [contact_id for contact_id, _, _ in found])
    rows = tuple(ContactRow(cid, name, company, identities.get(cid, ())) for cid, name, company in found)
    return ContactPage(rows, total, page, per_page)


def _matches(query: str, region: str) -> ColumnElement[bool]:
    # Substring on the name (served by the pg_trgm index on PostgreSQL) and on email identities
    # (stored lower-case); phones by their E.164 form or by a run of digits.
    pattern = "%" + _escape_like(query.lower()) + "%"
    identity_matches = [and_(ContactIdentity.kind == "email", ContactIdentity.value.like(pattern, escape="\\"))]
    phone = normalise_phone(query, region)
    digits = _NOT_DIGIT.sub("", query)
    if phone:
        identity_matches.append(and_(ContactIdentity.kind == "phone", ContactIdentity.value == phone))
    if len(digits) >= 4:
        identity_matches.append(and_(ContactIdentity.kind == "phone", ContactIdentity.value.like(f"%{digits}%")))
    has_identity = exists().where(ContactIdentity.contact_id == Contact.id, or_(*identity_matches))
    return or_(Contact.display_name.ilike(pattern, escape="\\"), has_identity)


def _identities_of(session: Session, contact_ids: list[int]) -> dict[int, tuple[str, ...]]:
    found: dict[int, list[str]] = {}
    if contact_ids:
        rows = session.execute(
            select(ContactIdentity.contact_id, ContactIdentity.value).where(ContactIdentity.contact_id.in_(contact_ids)).order_by(ContactIdentity.id)
        )
        for contact_id, value in rows:
            found.setdefault(contact_id, []).append(value)
    return {contact_id: tuple(values) for contact_id, values in found.items()}


@dataclass(frozen=True)
class MergeInfo:
    """A merge as the contact page shows it (with an undo button for admins)."""

    merge_id: int
    other_id: int
    other_name: str
    merged_at: datetime


@dataclass(frozen=True)
class ContactPanel:
    """What the edit and merge forms on a contact's page need."""

    contact_id: int
    display_name: str
    company_id: int | None
    identities: tuple[tuple[int, str, str], ...]
    companies: tuple[tuple[int, str], ...]
    merged_into: MergeInfo | None
    merged_in: tuple[MergeInfo, ...]
    namesakes: tuple[tuple[int, str], ...]


def contact_panel(session: Session, contact_id: int) -> ContactPanel | None:
    """The contact's editable fields, its merges, and other active contacts with the same name (likely duplicates)."""
    contact = session.get(Contact, contact_id)
    if contact is None:
        return None
    identities = tuple(
        tuple(row)
        for row in session.execute(
            select(ContactIdentity.id, ContactIdentity.kind, ContactIdentity.value).where(ContactIdentity.contact_id == contact_id).order_by(ContactIdentity.id)
        )
    )
    # Only the contact's own company: the form's chooser looks others up (hub.company_lookup);
    # listing every company cost the contact page most of its time at 5,000 companies.
    companies = tuple(tuple(row) for row in session.execute(select(Company.id, Company.name).where(Company.id == contact.company_id)))
    merged_into = None
    if contact.merged_into_id is not None:
        merged_into = next(iter(_merges(session, ContactMerge.merged_id == contact_id, ContactMerge.survivor_id)), None)
    namesakes: tuple[tuple[int, str], ...] = ()
    if contact.display_name.strip():
        # ILIKE without wildcards is a case-insensitive equality the pg_trgm index serves, where
        # lower(name) = ... read all 100,000 contacts (benchmarks/web.py). The 20 are cut here, not
        # by LIMIT: with a LIMIT the planner walked the primary key hoping to meet 20 namesakes early.
        namesakes = tuple(
            tuple(row)
            for row in session.execute(
                select(Contact.id, Contact.display_name)
                .where(Contact.display_name.ilike(_escape_like(contact.display_name), escape="\\"), Contact.id != contact_id, Contact.merged_into_id.is_(None))
                .order_by(Contact.id)
            ).all()[:20]
        )
    merged_in = tuple(_merges(session, ContactMerge.survivor_id == contact_id, ContactMerge.merged_id))
    return ContactPanel(contact.id, contact.display_name, contact.company_id, identities, companies, merged_into, merged_in, namesakes)


def _merges(session: Session, condition: ColumnElement[bool], other_column) -> list[MergeInfo]:  # type: ignore[no-untyped-def]
    rows = session.execute(
        select(ContactMerge.id, other_column, Contact.display_name, ContactMerge.merged_at)
        .join(Contact, Contact.id == other_column)
        .where(condition, ContactMerge.undone_at.is_(None))
        .order_by(ContactMerge.merged_at.desc(), ContactMerge.id.desc())
    )
    return [MergeInfo(merge_id, other_id, name, at) for merge_id, other_id, name, at in rows]


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
