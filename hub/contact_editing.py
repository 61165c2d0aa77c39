"""Edits to contacts and companies made in the web UI, each audited in the same transaction.

Identities are stored normalised (emails lower-case, phones E.164) because
the matcher looks them up by exact value: an address typed as
``Julia.Wagner@Outlook.DE`` must meet the one mail headers carry.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from hub import audit
from hub.contacts import IDENTITY_KINDS
from hub.models import Company, Contact, ContactIdentity
from nlp.signals import is_free_mail_domain, normalise_email, normalise_phone


class ContactEditRefused(ValueError):
    """An edit that would store something wrong (an invalid address, a free-mail company domain, ...)."""


@dataclass(frozen=True)
class ContactEdit:
    """The changes asked for by the contact form; ``company_id`` None means no company."""

    display_name: str
    company_id: int | None
    add_kind: str = ""
    add_value: str = ""
    remove_identity_ids: tuple[int, ...] = field(default_factory=tuple)


def normalise_identity(kind: str, raw: str, region: str) -> str:
    """The stored form of an identity the user typed, or ContactEditRefused."""
    if kind not in IDENTITY_KINDS:
        raise ContactEditRefused(f"unknown identity kind {kind!r}")
    if kind == "email":
        value = normalise_email(raw)
    elif kind == "phone":
        value = normalise_phone(raw, region)
    else:
        value = raw.strip() or None
    if not value:
        raise ContactEditRefused(f"not a valid {kind}: {raw.strip()!r}")
    return value


def update_contact(session: Session, actor_id: int | None, contact_id: int, edit: ContactEdit, region: str, ip: str = "") -> None:
    """Apply the form to the contact; identity values are normalised, and only the changes are audited."""
    contact = session.get(Contact, contact_id)
    if contact is None:
        raise ContactEditRefused("no such contact")
    if contact.merged_into_id is not None:
        raise ContactEditRefused("this contact is merged into another: edit that one, or undo the merge")
    name = " ".join(edit.display_name.split())
    if not name:
        raise ContactEditRefused("the name must not be empty")
    if edit.company_id is not None and session.get(Company, edit.company_id) is None:
        raise ContactEditRefused("no such company")
    changes: dict[str, object] = {}
    if name != contact.display_name:
        changes["display_name"] = name
    if edit.company_id != contact.company_id:
        changes["company_id"] = edit.company_id
    contact.display_name, contact.company_id = name, edit.company_id
    if edit.remove_identity_ids:
        removed = session.execute(
            delete(ContactIdentity).where(ContactIdentity.contact_id == contact_id, ContactIdentity.id.in_(edit.remove_identity_ids))
        ).rowcount
        if removed:
            changes["identities_removed"] = removed
    if edit.add_value.strip():
        value = normalise_identity(edit.add_kind, edit.add_value, region)
        existing = select(ContactIdentity.id).where(ContactIdentity.contact_id == contact_id, ContactIdentity.kind == edit.add_kind, ContactIdentity.value == value)
        if session.scalar(existing) is not None:
            raise ContactEditRefused(f"the contact already has {value}")
        session.add(ContactIdentity(contact_id=contact_id, kind=edit.add_kind, value=value))
        changes["identity_added"] = edit.add_kind
    session.flush()
    if changes:
        audit.record(session, actor_id, "contact.edit", "contact", contact_id, ip=ip, **changes)


def update_company(session: Session, actor_id: int | None, company_id: int, name: str, domain: str, ip: str = "") -> None:
    """Rename a company or change its domain; a free-mail domain names no company, so it is refused."""
    company = session.get(Company, company_id)
    if company is None:
        raise ContactEditRefused("no such company")
    name = " ".join(name.split())
    if not name:
        raise ContactEditRefused("the name must not be empty")
    cleaned = domain.strip().lower().removeprefix("www.").rstrip(".") or None
    if cleaned is not None:
        if "." not in cleaned or "@" in cleaned or " " in cleaned:
            raise ContactEditRefused(f"not a domain: {cleaned!r}")
        if is_free_mail_domain(cleaned):
            raise ContactEditRefused(f"{cleaned} is a free-mail domain and names no company")
        taken = session.scalar(select(Company.id).where(Company.domain == cleaned, Company.id != company_id))
        if taken is not None:
            raise ContactEditRefused(f"{cleaned} already belongs to another company")
    changes = {key: value for key, value in (("name", name), ("domain", cleaned)) if getattr(company, key) != value}
    company.name, company.domain = name, cleaned
    session.flush()
    if changes:
        audit.record(session, actor_id, "company.edit", "company", company_id, ip=ip, **changes)
