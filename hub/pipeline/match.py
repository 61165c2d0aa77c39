"""Stage ``match``: who is this message from (inbound) or to (outbound)?

Inbound mail is matched on all the evidence the message carries (sender
address, phone and customer numbers in the signature, names, company
domain), scored by :mod:`hub.matching`, and every decision keeps its reason.
Decisive evidence matches; weaker evidence becomes a suggestion for an agent;
two existing contacts are never merged. Outgoing mail belongs to the
recipient, found by exact address.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

from hub.contacts import (
    IDENTITY_KINDS,
    contacts_of_domains,
    contacts_with_identities,
    known_names,
    known_names_stamp,
    load_candidates,
)
from hub.matching import MatchDecision, name_relation, score_candidates
from hub.pipeline.context import IngestBatch, MessageContext, NewContact
from hub.pipeline.match_channel import match_channel_messages
from nlp.signals import Signals, SignalExtractor, is_free_mail_domain, is_role_address, parse_display_name


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
    """Attach a contact (or suggestions) to each message, recording the evidence."""

    name = "match"

    #: How often the known contact and company names are re-read for the phrase matcher.
    KNOWN_NAMES_REFRESH_SECONDS = 300.0

    def __init__(self, default_region: str = "DE") -> None:
        self.default_region = default_region
        self._extractor: SignalExtractor | None = None
        self._known_names_stamp: tuple[int, int] | None = None
        self._known_names_checked = float("-inf")

    @property
    def extractor(self) -> SignalExtractor:
        """Built on first use, then reused for every batch of this process."""
        if self._extractor is None:
            self._extractor = SignalExtractor(default_region=self.default_region)
        return self._extractor

    def process(self, batch: IngestBatch) -> None:
        own = batch.services.own_addresses
        active = batch.active()
        other_channels = [m for m in active if m.inbound is not None]
        if other_channels:
            match_channel_messages(batch, other_channels)
            active = [m for m in active if m.inbound is None]
        wanted = {id(m): counterpart(m, own) for m in active}
        by_identity = contacts_with_identities(batch.session, {("email", pair[0]) for pair in wanted.values() if pair})
        candidates = load_candidates(batch.session, {cid for ids in by_identity.values() for cid in ids})
        undecided: list[MessageContext] = []
        for message in active:
            pair = wanted[id(message)]
            if pair is None:
                message.decide(self.name, "no contact", "message names no customer address")
            elif message.direction == "out":
                self._recipient(message, pair, by_identity.get(("email", pair[0]), []), candidates)
            elif not self._known_sender(message, pair, by_identity.get(("email", pair[0]), []), candidates):
                undecided.append(message)
        if undecided:
            self._weigh_evidence(batch, undecided, wanted, by_identity, candidates)

    def _known_sender(self, message: MessageContext, pair: tuple[str, str], contact_ids: list[int], candidates: dict) -> bool:  # type: ignore[type-arg]
        """The common case decided without extracting signals: a personal address of exactly one contact.

        Shared and role addresses, and a display name that names someone
        else (``Peter Müller`` on Anna Müller's address), go the long way.
        """
        address, display_name = pair
        if len(contact_ids) != 1 or contact_ids[0] not in candidates or is_role_address(address):
            return False
        contact = candidates[contact_ids[0]]
        person, _company = parse_display_name(display_name)
        relation = name_relation(person, contact.display_name) if person else "unknown"
        if relation not in ("full", "initial", "partial", "unknown"):
            return False
        message.contact_id = contact.contact_id
        names = "" if relation == "unknown" else f"; display name {display_name!r} matches ({relation})"
        message.decide(self.name, "matched", f"email {address} = email of {contact.display_name} (#{contact.contact_id}){names}")
        return True

    def _weigh_evidence(
        self,
        batch: IngestBatch,
        messages: list[MessageContext],
        wanted: dict[int, tuple[str, str] | None],
        by_identity: dict[tuple[str, str], list[int]],
        candidates: dict,  # type: ignore[type-arg]
    ) -> None:
        """Extract signals and score every candidate they point at."""
        self._refresh_known_names(batch)
        signals = self.extractor.extract_many([_signal_input(m) for m in messages])
        keys = {(s.kind, s.value) for found in signals for s in found.items if s.kind in IDENTITY_KINDS}
        by_identity = {**by_identity, **contacts_with_identities(batch.session, keys - set(by_identity))}
        domains = {d for found in signals for d in found.domains("from_header") if not is_free_mail_domain(d)}
        by_domain = contacts_of_domains(batch.session, domains)
        more = {cid for ids in by_identity.values() for cid in ids} | {cid for ids in by_domain.values() for cid in ids}
        candidates = {**candidates, **load_candidates(batch.session, more - set(candidates))}
        for message, found in zip(messages, signals, strict=True):
            pair = wanted[id(message)]
            assert pair is not None
            mine = {cid for s in found.items if s.kind in IDENTITY_KINDS for cid in by_identity.get((s.kind, s.value), [])}
            mine |= {cid for d in found.domains("from_header") for cid in by_domain.get(d, [])}
            decision = score_candidates(found, [candidates[cid] for cid in sorted(mine) if cid in candidates])
            self._sender(message, pair, found, decision, by_identity.get(("email", pair[0]), []))

    def _refresh_known_names(self, batch: IngestBatch) -> None:
        """Load known contact and company names as phrase patterns, again when they change.

        Checked at most every few minutes, and the patterns are only rebuilt
        when the name tables changed (row count and newest id).
        """
        now = time.monotonic()
        if now - self._known_names_checked < self.KNOWN_NAMES_REFRESH_SECONDS:
            return
        self._known_names_checked = now
        stamp = known_names_stamp(batch.session)
        if stamp != self._known_names_stamp:
            names, companies = known_names(batch.session)
            self.extractor.set_known(names, companies)
            self._known_names_stamp = stamp

    def _recipient(self, message: MessageContext, pair: tuple[str, str], contact_ids: list[int], candidates: dict) -> None:  # type: ignore[type-arg]
        address, display_name = pair
        if len(contact_ids) == 1:
            message.contact_id = contact_ids[0]
            name = candidates[contact_ids[0]].display_name if contact_ids[0] in candidates else "contact"
            message.decide(self.name, "matched", f"outgoing to {address} = email of {name} (#{contact_ids[0]})")
        elif contact_ids:
            message.decide(self.name, "suggested", f"outgoing to {address}, an address of several contacts {contact_ids}: left for an agent")
        else:
            message.new_contact = NewContact(display_name=display_name or address, identities=(("email", address),))
            message.decide(self.name, "new contact", f"outgoing to {address}, not known yet: new contact")

    def _sender(self, message: MessageContext, pair: tuple[str, str], found: Signals, decision: MatchDecision, same_address: list[int]) -> None:
        address, display_name = pair
        if decision.outcome == "matched" and decision.contact_id is not None:
            message.contact_id = decision.contact_id
            if decision.contact_id not in same_address and not is_role_address(address):
                # Matched on other evidence: the new address now belongs to that contact too.
                message.annotations["new_identities"] = [("email", address)]
            message.decide(self.name, "matched", decision.reason)
            return
        if decision.outcome == "suggested":
            message.annotations["suggestions"] = [c for c in decision.candidates[:3] if c.score > 0]
        if decision.outcome == "suggested" and same_address:
            # The address is known but ambiguous (a shared family address): do not guess.
            message.decide(self.name, "suggested", decision.reason)
            return
        message.new_contact = _new_contact(address, display_name, found)
        if decision.outcome == "suggested":
            message.decide(self.name, "new contact + suggestion", f"{decision.reason}; kept as a new contact until an agent confirms")
        else:
            message.decide(self.name, "new contact", decision.reason or f"email {address} is not known yet: new contact")


def _signal_input(message: MessageContext) -> dict:  # type: ignore[type-arg]
    parsed = message.parsed
    assert parsed is not None and parsed.sender is not None
    return {
        "from_name": parsed.sender.name or None,
        "from_address": parsed.sender.address,
        "body": message.annotations.get("reply_text") or parsed.text,
        "signature": message.annotations.get("signature", ""),
        "lang": "de",
    }


def _new_contact(address: str, display_name: str, found: Signals) -> NewContact:
    """A contact made from what the message says about its sender."""
    names = found.names("display_name", "signature")
    identities: list[tuple[str, str]] = [("email", address)]
    identities += [("phone", phone) for phone in found.phones("signature")[:2]]
    domain = address.rpartition("@")[2]
    company = None
    if domain and not is_free_mail_domain(domain):
        companies = found.companies("signature", "display_name")
        company = (companies[0] if companies else domain, domain)
    return NewContact(display_name=(names[0] if names else display_name or address), identities=tuple(dict.fromkeys(identities)), company=company)


__all__: Sequence[str] = ["MatchStage", "counterpart"]
