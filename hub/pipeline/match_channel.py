"""Matching messages of non-mail channels: by the identities the channel vouches for.

A Telegram user id or an SMS sender number is given by the service, not
typed by the sender, so an exact identity is decisive, as an e-mail address
is. Order of evidence: the sender's own identity (``telegram:42``), then the
further identities the channel reported (a username, a phone number the user
shared). A contact found through a further identity learns the main one. No
identity known: a new contact carrying all of them. An identity shared by
several contacts is left for an agent, never guessed.
"""

from __future__ import annotations

from collections.abc import Sequence

from connectors.base import Identity
from hub.contacts import contacts_with_identities, load_candidates
from hub.pipeline.context import IngestBatch, MessageContext, NewContact

STAGE = "match"

#: How the reasons name an identity kind.
_KIND_LABELS = {"telegram": "telegram user", "messenger_id": "messenger id", "phone": "phone", "email": "email"}


def describe(identity: Identity) -> str:
    """``telegram user 42``, ``phone +4917...``: an identity in a reason."""
    return f"{_KIND_LABELS.get(identity.kind, identity.kind)} {identity.value}"


def match_channel_messages(batch: IngestBatch, messages: Sequence[MessageContext]) -> None:
    """Attach a contact (or a new contact) to each non-mail message, with the reason."""
    wanted = {id(m): _identities(m) for m in messages}
    keys = {(i.kind, i.value) for found in wanted.values() for i in found}
    by_identity = contacts_with_identities(batch.session, keys)
    names = {c.contact_id: c.display_name for c in load_candidates(batch.session, {cid for ids in by_identity.values() for cid in ids}).values()}
    for message in messages:
        identities = wanted[id(message)]
        if not identities:
            message.decide(STAGE, "no contact", "the message names no customer identity")
            continue
        _match_one(message, identities, by_identity, names)


def _identities(message: MessageContext) -> list[Identity]:
    """The customer's identities: the sender's (inbound) or the recipients' (outbound), main one first."""
    inbound = message.inbound
    assert inbound is not None
    if message.direction == "out":
        return list(dict.fromkeys(inbound.recipients))
    return list(dict.fromkeys((inbound.sender, *inbound.extra_identities)))


def _match_one(message: MessageContext, identities: list[Identity], by_identity: dict, names: dict[int, str]) -> None:  # type: ignore[type-arg]
    main = identities[0]
    role = "recipient" if message.direction == "out" else "sender"
    for identity in identities:
        contact_ids = sorted(set(by_identity.get((identity.kind, identity.value), [])))
        if len(contact_ids) > 1:
            listed = ", ".join(f"{names.get(cid, 'contact')} (#{cid})" for cid in contact_ids)
            message.decide(STAGE, "suggested", f"{describe(identity)} belongs to several contacts ({listed}): left for an agent")
            return
        if len(contact_ids) == 1:
            contact_id = contact_ids[0]
            message.contact_id = contact_id
            learned = [(i.kind, i.value) for i in identities if contact_id not in by_identity.get((i.kind, i.value), [])]
            if learned:
                message.annotations["new_identities"] = learned
            also = f"; learned {', '.join(describe(Identity(*pair)) for pair in learned)}" if learned else ""
            via = "" if identity == main else f" ({role} {describe(main)} not known yet)"
            message.decide(STAGE, "matched", f"{describe(identity)} = identity of {names.get(contact_id, 'contact')} (#{contact_id}){via}{also}")
            return
    inbound = message.inbound
    assert inbound is not None
    display_name = (inbound.sender_name if message.direction == "in" else "") or describe(main)
    message.new_contact = NewContact(display_name=display_name, identities=tuple((i.kind, i.value) for i in identities))
    message.decide(STAGE, "new contact", f"{role} {describe(main)} is not known yet: new contact with {', '.join(describe(i) for i in identities)}")
