"""Edits to contacts and companies made in the web UI, each audited in the same transaction.

Identities are stored normalised (emails lower-case, phones E.164) because
the matcher looks them up by exact value: an address typed as
``Julia.Wagner@Outlook.DE`` must meet the one mail headers carry. Messenger
identities take the form the connectors and ``nlp.signals`` write: a
Telegram user id as bare digits (kind ``telegram``), a handle as
``telegram:<handle>`` and a WhatsApp number as ``whatsapp:<E.164>`` (kind
``messenger_id``), so one typed by an agent meets the one a message carries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from hub import audit
from hub.contacts import EDITABLE_IDENTITY_KINDS
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


#: Telegram user ids are positive integers of at most 52 bits (Bot API): 16 digits at most.
_TELEGRAM_USER_ID = re.compile(r"[1-9][0-9]{0,15}")
#: Telegram usernames: 5-32 characters, letters, digits and underscores, starting with a letter.
_TELEGRAM_HANDLE = re.compile(r"[a-z][a-z0-9_]{4,31}")
#: Messenger networks an agent can name in a ``messenger_id``.
MESSENGER_NETWORKS = ("telegram", "whatsapp")


def normalise_identity(kind: str, raw: str, region: str) -> str:
    """The stored form of an identity the user typed, or ContactEditRefused."""
    if kind not in EDITABLE_IDENTITY_KINDS:
        raise ContactEditRefused(f"unknown identity kind {kind!r}")
    if kind == "email":
        value = normalise_email(raw)
    elif kind == "phone":
        value = normalise_phone(raw, region)
    elif kind == "telegram":
        value = _telegram_user_id(raw)
    elif kind == "messenger_id":
        value = _messenger_id(raw, region)
    else:
        value = raw.strip() or None
    if not value:
        raise ContactEditRefused(f"not a valid {kind}: {raw.strip()!r}")
    return value


def _telegram_user_id(raw: str) -> str:
    typed = raw.strip()
    if typed.startswith("@") or (typed and not typed.isdigit()):
        raise ContactEditRefused(
            f"a Telegram user id is a number, {typed!r} is not; add a @username as a messenger id (telegram:username)"
        )
    if not _TELEGRAM_USER_ID.fullmatch(typed):
        raise ContactEditRefused(f"not a valid Telegram user id: {typed!r}")
    return typed


def _messenger_id(raw: str, region: str) -> str:
    """``telegram:<handle>`` (also from ``@handle`` or a t.me link) or ``whatsapp:<E.164>``."""
    typed = raw.strip()
    lowered = typed.lower()
    for prefix in ("https://t.me/", "http://t.me/", "t.me/"):
        if lowered.startswith(prefix):
            typed, lowered = "telegram:" + typed[len(prefix):], "telegram:" + lowered[len(prefix):]
    if lowered.startswith("@"):
        typed, lowered = "telegram:" + typed[1:], "telegram:" + lowered[1:]
    network, colon, handle = lowered.partition(":")
    if not colon or network not in MESSENGER_NETWORKS:
        raise ContactEditRefused(
            f"a messenger id names its network: {', '.join(n + ':...' for n in MESSENGER_NETWORKS)} (or a Telegram @username), not {raw.strip()!r}"
        )
    if network == "telegram":
        handle = handle.strip().removeprefix("@")
        if not _TELEGRAM_HANDLE.fullmatch(handle):
            raise ContactEditRefused(f"not a valid Telegram username: {handle!r} (5-32 letters, digits or _, starting with a letter)")
        return f"telegram:{handle}"
    number = normalise_phone(typed.partition(":")[2], region)
    if not number:
        raise ContactEditRefused(f"not a valid WhatsApp number: {typed.partition(':')[2].strip()!r}")
    return f"whatsapp:{number}"


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
