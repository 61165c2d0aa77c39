"""Where a merged contact lives on: following ``merged_into_id`` to the contact that survived.

A bookmark, an old link in a note or another agent's open tab may point at
a contact that has since been merged; the page should take the agent to the
surviving contact rather than show an empty history.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from hub.models import Contact

#: Merges chain (A into B, later B into C); more hops than this means a cycle written by hand.
MAX_HOPS = 20


@dataclass(frozen=True)
class Survivor:
    """The active contact a merged one now lives in, and the name the merged one had."""

    merged_name: str
    survivor_id: int
    survivor_name: str


def survivor_of(session: Session, contact_id: int) -> Survivor | None:
    """The surviving contact when ``contact_id`` was merged away; None when it is active or unknown."""
    start = session.get(Contact, contact_id)
    if start is None or start.merged_into_id is None:
        return None
    current, seen = start, {start.id}
    while current.merged_into_id is not None and len(seen) <= MAX_HOPS:
        following = session.get(Contact, current.merged_into_id)
        if following is None or following.id in seen:
            return None  # a broken chain: show the page as it is rather than guess
        seen.add(following.id)
        current = following
    if current.merged_into_id is not None:
        return None
    return Survivor(start.display_name, current.id, current.display_name)
