"""An agent corrects the model's tags on a message: the hub shows the correction and learns from it.

The correction is kept twice on purpose. On the interaction it replaces the
model's intent/complaint/severity tags with tags by tagger ``agent``, so the
inbox filters and the complaint queue act on the agent's word at once. As a
row in the NLP feedback file (:func:`nlp.training.append_feedback`) it becomes
training data for the next retrain. Labels are checked before anything
changes, and the file is written last, so a refused correction leaves neither.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, or_
from sqlalchemy.orm import Session

from hub import audit
from hub.complaints import SEVERITY_PREFIX
from hub.events import announce, inbox_changed
from hub.models import Interaction, InteractionTag
from nlp.training import INTENTS, SEVERITIES, append_feedback

AGENT_TAGGER = "agent"


@dataclass(frozen=True)
class TagCorrection:
    """What the agent says the message is."""

    intent: str
    complaint: bool
    severity: str | None = None


def validate(correction: TagCorrection) -> None:
    """Refuse labels the model cannot learn (same rules as the feedback file)."""
    if correction.intent not in INTENTS:
        raise ValueError(f"unknown intent {correction.intent!r}")
    if correction.severity is not None and correction.severity not in SEVERITIES:
        raise ValueError(f"unknown severity {correction.severity!r}")
    if correction.severity is not None and not correction.complaint:
        raise ValueError("severity given for a non-complaint")


def correct_tags(
    session: Session,
    interaction_id: int,
    correction: TagCorrection,
    *,
    user_id: int,
    user_name: str,
    feedback_path: Path,
    ip: str = "",
) -> list[str]:
    """Replace the message's intent/complaint tags by the agent's, audit it, append feedback; returns the new tag names."""
    validate(correction)
    interaction = session.get(Interaction, interaction_id)
    if interaction is None:
        raise LookupError(f"no message {interaction_id}")
    session.execute(
        delete(InteractionTag).where(
            InteractionTag.interaction_id == interaction_id,
            or_(
                InteractionTag.name.like("intent:%"),
                InteractionTag.name == "complaint",
                InteractionTag.name.like(SEVERITY_PREFIX + "%"),
            ),
        )
    )
    names = [f"intent:{correction.intent}"]
    if correction.complaint:
        names.append("complaint")
        if correction.severity:
            names.append(SEVERITY_PREFIX + correction.severity)
    reason = f"corrected by {user_name}"
    session.add_all(
        InteractionTag(interaction_id=interaction_id, name=name, score=1.0, reason=reason, tagger=AGENT_TAGGER, model_version="")
        for name in names
    )
    audit.record(
        session, user_id, "message.correct_tags", "interaction", interaction_id, ip=ip,
        intent=correction.intent, complaint=correction.complaint, severity=correction.severity,
    )
    session.flush()
    announce(session, inbox_changed(interaction_id, "tags", user_id))
    append_feedback(
        feedback_path,
        interaction.reply_text if interaction.reply_text is not None else interaction.text,
        correction.intent,
        correction.complaint,
        correction.severity,
        interaction.lang,
    )
    return names
