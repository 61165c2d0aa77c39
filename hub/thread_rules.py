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
) -> bool:
    """Whether a message may join the thread of the message it replies to.

    Our own outgoing replies always may. A customer's message may if the
    sender took part in the parent message, or is the thread's contact
    (writing from another address). Anyone else naming a foreign Message-ID
    in In-Reply-To does not get into someone else's conversation.
    """
    if direction == "out":
        return True
    if sender and sender in parent_participants.split():
        return True
    return sender_contact_id is not None and sender_contact_id == thread_contact_id
