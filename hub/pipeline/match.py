"""Stage ``match``: who is this message from (inbound) or to (outbound)?

For now: exact match of the normalised address against contact identities.
An address known for several contacts (a shared family address) is never
decided here; a new address leads to a new contact, created by ``store``.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select

from hub.models import Contact, ContactIdentity
from hub.pipeline.context import IngestBatch, MessageContext, NewContact
from hub.sql import chunked


def counterpart(message: MessageContext, own_addresses: frozenset[str]) -> tuple[str, str] | None:
    """(address, display name) of the customer side of a message.

    Inbound mail: the sender. Outbound mail: the first recipient who is not
    one of our own mailboxes.
    """
    parsed = message.parsed
    if parsed is None:
        return None
    if message.direction == "in":
        if parsed.sender and parsed.sender.address:
            return parsed.sender.address, parsed.sender.name
        return None
    for recipient in parsed.to + parsed.cc:
        if recipient.address and recipient.address not in own_addresses:
            return recipient.address, recipient.name
    return None


class MatchStage:
    """Attach a contact to each message, recording the evidence."""

    name = "match"

    def process(self, batch: IngestBatch) -> None:
        own = batch.services.own_addresses
        wanted = {m.raw_message_id: counterpart(m, own) for m in batch.active()}
        known = self._contacts_by_email(batch, {pair[0] for pair in wanted.values() if pair})
        for message in batch.active():
            pair = wanted[message.raw_message_id]
            if pair is None:
                message.decide(self.name, "no contact", "message names no customer address")
                continue
            address, display_name = pair
            self._decide(message, address, display_name, known.get(address, []))

    def _decide(
        self, message: MessageContext, address: str, display_name: str, contacts: list[tuple[int, str]]
    ) -> None:
        if len(contacts) == 1:
            contact_id, name = contacts[0]
            message.contact_id = contact_id
            message.decide(self.name, "matched", f"email {address} = email of {name or 'contact'} (#{contact_id})")
        elif contacts:
            listing = ", ".join(f"{name} (#{cid})" for cid, name in contacts)
            message.decide(
                self.name,
                "suggested",
                f"email {address} belongs to several contacts ({listing}): left for an agent to decide",
            )
        else:
            message.new_contact = NewContact(display_name=display_name or address, identities=(("email", address),))
            message.decide(self.name, "new contact", f"email {address} is not known yet: new contact")

    def _contacts_by_email(self, batch: IngestBatch, addresses: set[str]) -> dict[str, list[tuple[int, str]]]:
        found: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for part in chunked(sorted(addresses), 500):
            rows = batch.session.execute(
                select(ContactIdentity.value, Contact.id, Contact.display_name)
                .join(Contact, Contact.id == ContactIdentity.contact_id)
                .where(ContactIdentity.kind == "email", ContactIdentity.value.in_(part))
            )
            for value, contact_id, name in rows:
                found[value].append((contact_id, name))
        return found
