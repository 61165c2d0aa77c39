"""Contacts as the matcher sees them: candidates loaded by shared evidence."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import func, select, tuple_
from sqlalchemy.orm import Session

from hub.matching import ContactCandidate, KnownIdentity
from hub.models import Company, Contact, ContactIdentity
from hub.sql import chunked

#: Signal kinds that are identities of a contact (stored in contact_identities).
IDENTITY_KINDS = frozenset({"email", "phone", "customer_number", "contract_number", "messenger_id"})
#: Identities only a channel connector knows (no text signal finds them): ``telegram`` is a Telegram user id,
#: the identity a Telegram message's sender is matched by and a reply is addressed to.
CHANNEL_IDENTITY_KINDS = frozenset({"telegram"})
#: What agents may add to a contact by hand on the contact page (``hub.contact_editing`` checks each).
EDITABLE_IDENTITY_KINDS = IDENTITY_KINDS | CHANNEL_IDENTITY_KINDS
#: A company domain names many people; more candidates than this add no evidence.
MAX_DOMAIN_CANDIDATES = 50


def contacts_with_identities(session: Session, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], list[int]]:
    """For each (kind, value): the contacts that have it."""
    found: dict[tuple[str, str], list[int]] = defaultdict(list)
    for part in chunked(sorted(set(keys)), 500):
        rows = session.execute(
            select(ContactIdentity.kind, ContactIdentity.value, ContactIdentity.contact_id).where(
                tuple_(ContactIdentity.kind, ContactIdentity.value).in_(part)
            )
        )
        for kind, value, contact_id in rows:
            found[(kind, value)].append(contact_id)
    return found


def contacts_of_domains(session: Session, domains: Iterable[str]) -> dict[str, list[int]]:
    """For each company domain: (up to a limit) the contacts of that company."""
    found: dict[str, list[int]] = defaultdict(list)
    for domain in sorted(set(domains)):
        rows = session.execute(
            select(Contact.id)
            .join(Company, Company.id == Contact.company_id)
            .where(Company.domain == domain)
            .order_by(Contact.id)
            .limit(MAX_DOMAIN_CANDIDATES)
        )
        found[domain] = [contact_id for (contact_id,) in rows]
    return found


def load_candidates(session: Session, contact_ids: Iterable[int]) -> dict[int, ContactCandidate]:
    """Plain candidate values (identities, company) for the matcher."""
    ids = sorted(set(contact_ids))
    identities: dict[int, list[KnownIdentity]] = defaultdict(list)
    people: dict[int, tuple[str, str | None, str | None]] = {}
    for part in chunked(ids, 500):
        for contact_id, name, company_name, domain in session.execute(
            select(Contact.id, Contact.display_name, Company.name, Company.domain)
            .outerjoin(Company, Company.id == Contact.company_id)
            .where(Contact.id.in_(part))
        ):
            people[contact_id] = (name, company_name, domain)
        for contact_id, kind, value in session.execute(
            select(ContactIdentity.contact_id, ContactIdentity.kind, ContactIdentity.value).where(ContactIdentity.contact_id.in_(part))
        ):
            identities[contact_id].append(KnownIdentity(kind, value))
    return {
        contact_id: ContactCandidate(
            contact_id=contact_id,
            display_name=name,
            identities=tuple(identities[contact_id]),
            company_name=company_name,
            company_domains=(domain,) if domain else (),
        )
        for contact_id, (name, company_name, domain) in people.items()
    }


def known_names_stamp(session: Session) -> tuple[int, int]:
    """Changes whenever contacts or companies are added or removed."""
    contacts = session.execute(select(func.count(Contact.id), func.coalesce(func.max(Contact.id), 0))).one()
    companies = session.execute(select(func.count(Company.id), func.coalesce(func.max(Company.id), 0))).one()
    return (contacts[0] + companies[0], contacts[1] * 1_000_003 + companies[1])


def known_names(session: Session) -> tuple[list[str], list[str]]:
    """Display names of contacts (two words or more: a lone first name proves nothing) and company names."""
    people = [name for (name,) in session.execute(select(Contact.display_name).distinct()) if name and len(name.split()) >= 2 and "@" not in name]
    companies = [name for (name,) in session.execute(select(Company.name).distinct()) if name and "." not in name]
    return people, companies
