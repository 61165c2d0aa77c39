"""Telegram by long polling, end to end against the local fake Bot API: into the timeline, once."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from hub import channel_intake
from hub.db import unit_of_work
from hub.models import Attachment, Contact, ContactIdentity, FolderCursor, Interaction, PipelineDecision, RawMessage
from hub.timeline import contact_timeline
from tests.support.fake_telegram import BOT_ID
from workers.channels import poll_channel, poll_channels_once, polling_channel_ids, secret_box


def _interactions(runtime) -> dict[str, Interaction]:  # type: ignore[no-untyped-def]
    with unit_of_work(runtime.factory) as session:
        rows = list(session.scalars(select(Interaction).where(Interaction.channel == "telegram").order_by(Interaction.id)))
        session.expunge_all()
    return {row.channel_message_id: row for row in rows}


def _decisions(runtime, interaction_id: int) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    with unit_of_work(runtime.factory) as session:
        return [tuple(row) for row in session.execute(  # type: ignore[misc]
            select(PipelineDecision.stage, PipelineDecision.decision, PipelineDecision.reason)
            .where(PipelineDecision.interaction_id == interaction_id)
            .order_by(PipelineDecision.id)
        )]


def _count(runtime, model) -> int:  # type: ignore[no-untyped-def]
    with unit_of_work(runtime.factory) as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_text_photo_document_reply_and_edit_reach_the_timeline(runtime, fake_telegram, add_telegram_channel) -> None:
    channel_id = add_telegram_channel()
    anna = fake_telegram.user(424242, "Anna", "Weber", username="Anna_W")
    first = fake_telegram.add_text(anna, "Hallo, meine Bestellung 4711 ist nicht angekommen.")
    photo_bytes = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4
    fake_telegram.add_photo(anna, photo_bytes, caption="So sah das Paket aus")
    fake_telegram.add_document(anna, b"%PDF-1.4 Rechnung 4711", "rechnung-4711.pdf", "application/pdf")
    fake_telegram.add_text(anna, "Hier noch die Rechnung dazu", reply_to=first["message"])
    fake_telegram.add_edit(first, "Hallo, meine Bestellung 4711 ist leider nicht angekommen.")

    report = poll_channel(runtime, channel_id, secret_box(runtime))

    assert report is not None and report.fetched == 5 and report.new_raw_messages == 5
    stored = _interactions(runtime)
    key = lambda message_id: f"{BOT_ID}/424242/{message_id}"  # noqa: E731
    assert sorted(stored) == sorted(key(n) for n in (1, 2, 3, 4)), "the edit must not become a fifth message"
    text, photo, document, reply = (stored[key(n)] for n in (1, 2, 3, 4))
    assert text.text == "Hallo, meine Bestellung 4711 ist leider nicht angekommen."  # the edit is applied
    assert text.direction == "in" and text.from_address == "telegram:424242" and text.from_name == "Anna Weber"
    assert photo.text == "So sah das Paket aus"
    assert reply.in_reply_to == key(1)
    assert len({i.contact_id for i in stored.values()}) == 1 and text.contact_id is not None
    assert len({i.thread_id for i in stored.values()}) == 1, "a chat is one conversation"
    with unit_of_work(runtime.factory) as session:
        files = {a.filename: (a.content_type, a.size, a.sha256) for a in session.scalars(select(Attachment))}
        identities = set(session.execute(select(ContactIdentity.kind, ContactIdentity.value)))
        contact = session.get(Contact, text.contact_id)
        timeline = contact_timeline(session, text.contact_id)
    assert files["rechnung-4711.pdf"][:2] == ("application/pdf", 22)
    photo_name = next(name for name in files if name.startswith("photo_"))
    assert files[photo_name][:2] == ("image/jpeg", len(photo_bytes))
    assert runtime.blob_store.get(files[photo_name][2]) == photo_bytes, "the full-size photo, not the thumbnail"
    assert identities == {("telegram", "424242"), ("messenger_id", "telegram:anna_w")}
    assert contact is not None and contact.display_name == "Anna Weber"
    assert timeline is not None and {entry.channel for entry in timeline.entries} == {"telegram"}
    assert any("leider nicht angekommen" in entry.snippet for entry in timeline.entries)
    edit_reasons = [reason for stage, decision, reason in _decisions(runtime, text.id) if decision == "edited"]
    assert edit_reasons and f"{key(1)} was edited" in edit_reasons[0]
    thread_reasons = [reason for stage, decision, reason in _decisions(runtime, reply.id) if stage == "thread"]
    assert any(f"In-Reply-To <{key(1)}>" in reason for reason in thread_reasons)


def test_known_telegram_user_is_matched_with_a_reason(runtime, fake_telegram, add_telegram_channel) -> None:
    channel_id = add_telegram_channel()
    with unit_of_work(runtime.factory) as session:
        contact = Contact(display_name="Anna Weber", created_at=__import__("hub.clock").clock.utcnow())
        contact.identities = [ContactIdentity(kind="telegram", value="77")]
        session.add(contact)
        session.flush()
        anna_id = contact.id
    fake_telegram.add_text(fake_telegram.user(77, "A.", username="aw"), "Guten Tag")
    poll_channel(runtime, channel_id, secret_box(runtime))
    (interaction,) = _interactions(runtime).values()
    assert interaction.contact_id == anna_id
    reasons = [reason for stage, decision, reason in _decisions(runtime, interaction.id) if stage == "match"]
    assert reasons == [f"telegram user 77 = identity of Anna Weber (#{anna_id}); learned messenger id telegram:aw"]
    with unit_of_work(runtime.factory) as session:
        assert set(session.execute(select(ContactIdentity.kind, ContactIdentity.value).where(ContactIdentity.contact_id == anna_id))) == {
            ("telegram", "77"), ("messenger_id", "telegram:aw")
        }


def test_shared_phone_number_finds_the_contact_and_teaches_the_telegram_id(runtime, fake_telegram, add_telegram_channel) -> None:
    channel_id = add_telegram_channel()
    with unit_of_work(runtime.factory) as session:
        contact = Contact(display_name="Bernd Kunde", created_at=__import__("hub.clock").clock.utcnow())
        contact.identities = [ContactIdentity(kind="phone", value="+4915112345678")]
        session.add(contact)
        session.flush()
        bernd_id = contact.id
    bernd = fake_telegram.user(88, "Bernd")
    message = fake_telegram.text_message(bernd, "")
    del message["text"]
    message["contact"] = {"phone_number": "4915112345678", "first_name": "Bernd", "user_id": 88}
    fake_telegram._queue("message", message)
    poll_channel(runtime, channel_id, secret_box(runtime))
    (interaction,) = _interactions(runtime).values()
    assert interaction.contact_id == bernd_id
    assert "+4915112345678" in interaction.text
    reasons = [reason for stage, _, reason in _decisions(runtime, interaction.id) if stage == "match"]
    assert reasons and reasons[0].startswith(f"phone +4915112345678 = identity of Bernd Kunde (#{bernd_id}) (sender telegram user 88 not known yet)")
    with unit_of_work(runtime.factory) as session:
        assert ("telegram", "88") in set(session.execute(select(ContactIdentity.kind, ContactIdentity.value).where(ContactIdentity.contact_id == bernd_id)))


def test_offset_is_persisted_and_nothing_is_processed_twice_across_restarts(runtime, fake_telegram, add_telegram_channel) -> None:
    channel_id = add_telegram_channel()
    user = fake_telegram.user(5, "Carla")
    updates = [fake_telegram.add_text(user, f"Nachricht {n}") for n in range(3)]
    box = secret_box(runtime)
    assert poll_channel(runtime, channel_id, box).fetched == 3  # type: ignore[union-attr]
    with unit_of_work(runtime.factory) as session:
        cursor = session.scalars(select(FolderCursor).where(FolderCursor.channel_id == channel_id)).one()
        assert (cursor.folder, cursor.last_uid) == ("updates", updates[-1]["update_id"])
    # A "restart": a fresh box and connector, only the database remembers.
    assert poll_channel(runtime, channel_id, secret_box(runtime)).fetched == 0  # type: ignore[union-attr]
    offsets = [call.params.get("offset") for call in fake_telegram.calls_to("getUpdates")]
    assert offsets[0] is None and int(offsets[1]) == updates[-1]["update_id"] + 1
    fake_telegram.add_text(user, "Nachricht 3")
    assert poll_channel(runtime, channel_id, box).fetched == 1  # type: ignore[union-attr]
    assert len(_interactions(runtime)) == 4
    assert _count(runtime, RawMessage) == 4


def test_a_crash_before_the_commit_refetches_the_same_updates_and_stores_them_once(runtime, fake_telegram, add_telegram_channel, monkeypatch) -> None:
    channel_id = add_telegram_channel()
    user = fake_telegram.user(6, "Dora")
    fake_telegram.add_text(user, "Eins")
    fake_telegram.add_text(user, "Zwei")
    real = channel_intake.store_payloads

    def crash(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError("disk full")

    monkeypatch.setattr(channel_intake, "store_payloads", crash)
    with pytest.raises(OSError):
        poll_channel(runtime, channel_id, secret_box(runtime))
    assert _count(runtime, RawMessage) == 0
    with unit_of_work(runtime.factory) as session:
        assert session.scalars(select(FolderCursor.last_uid).where(FolderCursor.channel_id == channel_id)).one() == 0
    monkeypatch.setattr(channel_intake, "store_payloads", real)
    with unit_of_work(runtime.factory) as session:
        from hub import channel_health

        channel_health.reset(session, channel_id)  # skip the backoff the failure started
    assert poll_channel(runtime, channel_id, secret_box(runtime)).fetched == 2  # type: ignore[union-attr]
    # Poll the same updates once more as if the offset had been lost: the source position dedupes.
    with unit_of_work(runtime.factory) as session:
        session.execute(FolderCursor.__table__.update().values(last_uid=0))
    assert poll_channel(runtime, channel_id, secret_box(runtime)).new_raw_messages == 0  # type: ignore[union-attr]
    assert sorted(i.text for i in _interactions(runtime).values()) == ["Eins", "Zwei"]


def test_a_failing_channel_backs_off_and_the_others_still_poll(runtime, fake_telegram, add_telegram_channel) -> None:
    broken = add_telegram_channel("Broken bot", api_url="http://127.0.0.1:9")  # nothing listens there
    working = add_telegram_channel("Working bot")
    fake_telegram.add_text(fake_telegram.user(9, "Emil"), "Hallo")
    results = poll_channels_once(runtime)
    assert results[broken].startswith("failed") and results[working] == "fetched 1, new 1"
    # The broken channel now waits out its backoff instead of hammering the service.
    assert poll_channels_once(runtime)[broken] == "backing off"
    with unit_of_work(runtime.factory) as session:
        from hub.models import ChannelHealth

        health = session.get(ChannelHealth, broken)
        assert health is not None and health.consecutive_failures == 1 and "ConnectorError" in health.last_error
        assert "test-token" not in health.last_error, "the bot token must never be stored in an error"
    assert len(_interactions(runtime)) == 1


def test_webhook_mode_channels_are_not_polled(runtime, add_telegram_channel) -> None:
    polled = add_telegram_channel("Polled bot")
    add_telegram_channel("Webhook bot", mode="webhook")
    with unit_of_work(runtime.factory) as session:
        assert polling_channel_ids(session) == [polled]


def test_an_update_without_a_message_is_kept_raw_and_quarantined_with_its_reason(runtime, fake_telegram, add_telegram_channel) -> None:
    channel_id = add_telegram_channel()
    with fake_telegram._lock:
        fake_telegram.updates.append({"update_id": 42, "callback_query": {"id": "1", "data": "x"}})
    poll_channel(runtime, channel_id, secret_box(runtime))
    with unit_of_work(runtime.factory) as session:
        (raw,) = session.scalars(select(RawMessage)).all()
        reason = session.scalars(select(PipelineDecision.reason).where(PipelineDecision.raw_message_id == raw.id, PipelineDecision.decision == "quarantined")).one()
    assert raw.status == "quarantined" and raw.channel_kind == "telegram"
    assert reason == "telegram update 42 carries no message (it is a callback_query update)"


def test_reprocessing_the_chat_rebuilds_the_same_interactions_and_keeps_the_edit(runtime, fake_telegram, add_telegram_channel) -> None:
    from workers.queue import make_queue

    channel_id = add_telegram_channel()
    user = fake_telegram.user(12, "Jana")
    first = fake_telegram.add_text(user, "Erste Fassung")
    fake_telegram.add_document(user, b"PDF", "a.pdf", "application/pdf")
    fake_telegram.add_edit(first, "Zweite Fassung")
    poll_channel(runtime, channel_id, secret_box(runtime))
    before = {key: (i.id, i.text, i.thread_id, i.contact_id) for key, i in _interactions(runtime).items()}
    with unit_of_work(runtime.factory) as session:
        raw_ids = list(session.scalars(select(RawMessage.id)))
    make_queue(runtime).enqueue_reprocess(raw_ids)
    after = {key: (i.id, i.text, i.thread_id, i.contact_id) for key, i in _interactions(runtime).items()}
    assert after == before
    assert after[f"{BOT_ID}/12/1"][1] == "Zweite Fassung"
    assert _count(runtime, Attachment) == 1


def test_a_malformed_polled_update_is_kept_and_quarantined_and_does_not_stall_the_channel(runtime, fake_telegram, add_telegram_channel) -> None:
    channel_id = add_telegram_channel()
    with fake_telegram._lock:
        fake_telegram.updates.append({"update_id": 70, "message": {"message_id": 1, "date": 1700000000, "text": "no chat"}})
    fake_telegram.add_text(fake_telegram.user(13, "Kai"), "Nach dem kaputten Update")
    assert poll_channel(runtime, channel_id, secret_box(runtime)).fetched == 2  # type: ignore[union-attr]
    assert [i.text for i in _interactions(runtime).values()] == ["Nach dem kaputten Update"]
    with unit_of_work(runtime.factory) as session:
        reasons = list(session.scalars(select(PipelineDecision.reason).where(PipelineDecision.decision == "quarantined")))
    assert reasons == ["update 70: message has no chat id"]
    assert poll_channel(runtime, channel_id, secret_box(runtime)).fetched == 0  # type: ignore[union-attr]


def test_hub_run_supervisor_starts_a_poller_per_polling_channel_and_stops_cleanly(runtime, fake_telegram, add_telegram_channel) -> None:
    import threading
    import time

    from workers.channels import ChannelPollers

    channel_id = add_telegram_channel()
    add_telegram_channel("Webhook bot", mode="webhook")
    fake_telegram.add_text(fake_telegram.user(14, "Lea"), "Hallo aus dem Dauerbetrieb")
    stop = threading.Event()
    supervisor = ChannelPollers(runtime, stop)
    assert supervisor.discover(secret_box(runtime)) == [channel_id]
    assert supervisor.discover(secret_box(runtime)) == [], "one poller per channel"
    deadline = time.monotonic() + 60
    while not _interactions(runtime) and time.monotonic() < deadline:
        time.sleep(0.2)
    stop.set()
    supervisor.pollers[channel_id].join(timeout=30)
    assert not supervisor.pollers[channel_id].is_alive()
    assert [i.text for i in _interactions(runtime).values()] == ["Hallo aus dem Dauerbetrieb"]
