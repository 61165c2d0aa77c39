"""Stage ``notify``: announce new and rebuilt interactions to live inboxes.

The events are only collected here; ingest publishes them after the commit,
so a listener never sees an interaction that is not yet readable.
"""

from __future__ import annotations

from hub.pipeline.context import IngestBatch


class NotifyStage:
    """Queue one event per interaction this batch created or rebuilt."""

    name = "notify"

    def process(self, batch: IngestBatch) -> None:
        for message in batch.active():
            if not message.annotations.get("created"):
                continue
            batch.events.append(
                {
                    # An edit on a chat channel changes an interaction already announced.
                    "type": "interaction.updated" if message.reprocess or message.annotations.get("edited") else "interaction.created",
                    "interaction_id": message.interaction_id,
                    "contact_id": message.contact_id,
                    "thread_id": message.thread_id,
                    "direction": message.direction,
                }
            )
            message.decide(self.name, "announced", "live inbox event queued for after commit")
