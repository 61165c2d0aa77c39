"""Pure rules of threading: subject keys and who may join a conversation."""

from __future__ import annotations

import re

# Reply and forward prefixes in the languages our customers write, plus
# ticket-number tags like "[#12345]" that helpdesks add.
_PREFIX = re.compile(
    r"^\s*(?:(?:re|aw|antw|antwort|wg|fw|fwd|sv|vs|tr|rif|r|odp|enc|res)\s*(?:\[\d+\])?\s*:\s*|\[[^\]]{0,40}\]\s*)",
    re.IGNORECASE,
)
_REPLY_PREFIX = re.compile(r"^\s*(?:re|aw|antw|antwort|sv|vs|r|odp|res)\s*(?:\[\d+\])?\s*:", re.IGNORECASE)


def subject_key(subject: str) -> str:
    """The subject without reply/forward prefixes, case-folded, whitespace-folded."""
    value = subject or ""
    for _ in range(10):  # "Re: AW: Re: ..." chains; bounded against pathological input
        stripped = _PREFIX.sub("", value, count=1)
        if stripped == value:
            break
        value = stripped
    return " ".join(value.casefold().split())[:300]


def looks_like_reply(subject: str) -> bool:
    """Whether the subject carries a reply prefix (Re:, AW:, SV: …)."""
    return bool(_REPLY_PREFIX.match(subject or ""))


def may_join(
    sender: str,
    direction: str,
    parent_participants: str,
    sender_contact_id: int | None,
    thread_contact_id: int | None,
    own_addresses: frozenset[str],
) -> tuple[bool, str]:
    """Whether a message may join the thread its headers point to, and why.

    Our own outgoing replies always may. Mail between third parties (a list
    archive, an import without our mailboxes in it) follows its headers, as
    notmuch and mu do. Into a conversation with one of our mailboxes a
    customer may come if they took part in the message replied to, are the
    thread's contact (writing from another address), or write from the same
    company domain as a participant (a colleague). Anyone else naming a
    foreign Message-ID does not get into someone else's conversation.
    """
    from nlp.signals import is_free_mail_domain

    participants = set(parent_participants.split())
    if direction == "out":
        return True, "our own reply"
    if not participants & own_addresses:
        return True, "not a conversation with our mailboxes: headers followed"
    if sender and sender in participants:
        return True, f"sender {sender} took part"
    if sender_contact_id is not None and sender_contact_id == thread_contact_id:
        return True, "sender is the thread's contact"
    domain = sender.rpartition("@")[2]
    if domain and not is_free_mail_domain(domain):
        colleagues = {p for p in participants - own_addresses if p.rpartition("@")[2] == domain}
        if colleagues:
            return True, f"sender writes from {domain} like participant {sorted(colleagues)[0]}"
    return False, f"sender {sender or '(none)'} is not among its participants ({', '.join(sorted(participants)) or 'none'})"
