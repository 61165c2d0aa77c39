"""The file names of messages in a timeline: a list shows at a glance what was attached, in or out."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from hub.models import Attachment


def attachment_names(session: Session, interaction_ids: Sequence[int]) -> dict[int, list[str]]:
    """Attachment names per interaction, in the mail's order (one query for a whole page of entries)."""
    names: dict[int, list[str]] = {}
    if interaction_ids:
        rows = session.execute(
            select(Attachment.interaction_id, Attachment.filename)
            .where(Attachment.interaction_id.in_(list(interaction_ids)))
            .order_by(Attachment.interaction_id, Attachment.position)
        )
        for interaction_id, filename in rows:
            names.setdefault(interaction_id, []).append(filename or "")
    return names
