"""Hand-logged calls, faxes, letters and visits: form, raw + timeline, follow-ups, audit, auth and CSRF."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from hub.clock import utcnow
from hub.db import unit_of_work
from hub.models import AuditEntry, Contact, FollowUp, Interaction, RawMessage
from hub.rawstore import FileBlobStore
from tests.web.roles import login_as, token_of


@pytest.fixture
def contact_id(app) -> int:  # type: ignore[no-untyped-def]
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        contact = Contact(display_name="Max Kunde", created_at=utcnow())
        session.add(contact)
        session.flush()
        return contact.id


def _form(client, contact_id: int) -> dict[str, str]:  # type: ignore[no-untyped-def]
    page = client.get(f"/contacts/{contact_id}/log")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    return {
        "csrf_token": re.search(r'name="csrf_token" value="([^"]+)"', html).group(1),  # type: ignore[union-attr]
        "log_id": re.search(r'name="log_id" value="([^"]+)"', html).group(1),  # type: ignore[union-attr]
        "occurred_at": re.search(r'name="occurred_at" value="([^"]+)"', html).group(1),  # type: ignore[union-attr]
    }


def _count(app, model) -> int:  # type: ignore[no-untyped-def]
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_logged_call_lands_in_the_timeline_with_follow_up_and_audit(app, logged_in, contact_id: int) -> None:
    fields = _form(logged_in, contact_id)
    follow_up = (date.today() + timedelta(days=3)).isoformat()
    data = {**fields, "kind": "phone", "direction": "in", "duration": "12:30", "summary": "Fragt nach Liefertermin für Auftrag 88.", "follow_up_on": follow_up}
    response = logged_in.post(f"/contacts/{contact_id}/log", data=data)
    assert response.status_code == 303 and response.headers["Location"].endswith(f"/contacts/{contact_id}")
    timeline = logged_in.get(f"/contacts/{contact_id}").get_data(as_text=True)
    assert "Phone call (incoming) · 12 min 30 s · follow-up " + follow_up in timeline
    assert "Liefertermin" in timeline
    assert 'href="/contacts/%d/log"' % contact_id in timeline  # the link on the contact page

    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        interaction = session.scalars(select(Interaction)).one()
        assert (interaction.channel, interaction.direction, interaction.contact_id) == ("phone", "in", contact_id)
        raw = session.get(RawMessage, interaction.raw_message_id)
        kept = json.loads(FileBlobStore(app.extensions["hub.settings"].resolved_raw_store_dir()).get(raw.sha256))
        assert kept["summary"] == data["summary"] and kept["logged_by"]["email"] == "agent@example.test"
        assert kept["duration_seconds"] == 750
        follow = session.scalars(select(FollowUp)).one()
        assert follow.due_on.isoformat() == follow_up and follow.raw_message_id == raw.id
        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "contact.logged")).one()
        assert entry.object_id == str(contact_id) and entry.detail["kind"] == "phone"

    listing = logged_in.get("/followups").get_data(as_text=True)
    assert "Max Kunde" in listing and follow_up in listing
    done = logged_in.post(f"/followups/{follow.id}/done", data={"csrf_token": token_of(logged_in)})
    assert done.status_code == 303
    assert "No open follow-ups." in logged_in.get("/followups").get_data(as_text=True)
    assert _count(app, AuditEntry) >= 2


def test_outgoing_letter_and_same_form_sent_twice(app, logged_in, contact_id: int) -> None:
    fields = _form(logged_in, contact_id)
    data = {**fields, "kind": "letter", "direction": "out", "summary": "Kündigungsbestätigung verschickt."}
    assert logged_in.post(f"/contacts/{contact_id}/log", data=data).status_code == 303
    again = logged_in.post(f"/contacts/{contact_id}/log", data=data, follow_redirects=True)
    assert "Already logged." in again.get_data(as_text=True)
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        interaction = session.scalars(select(Interaction)).one()
        assert (interaction.channel, interaction.direction, interaction.contact_id) == ("letter", "out", contact_id)
    assert _count(app, RawMessage) == 1


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"kind": "pigeon"}, "kind", "choose one of"),
        ({"summary": "  "}, "summary", "say what it was about"),
        ({"duration": "lang"}, "duration", "write minutes"),
        ({"kind": "letter", "duration": "5"}, "duration", "only calls and visits"),
        ({"occurred_at": "2999-01-01T10:00"}, "occurred_at", "lies in the future"),
        ({"follow_up_on": "2000-01-01"}, "follow_up_on", "lies before"),
        ({"follow_up_on": "bald"}, "follow_up_on", "not a date"),
        ({"log_id": ""}, "log_id", "reload the page"),
    ],
)
def test_bad_form_is_shown_again_and_nothing_stored(app, logged_in, contact_id: int, changes: dict, field: str, message: str) -> None:  # type: ignore[type-arg]
    data = {**_form(logged_in, contact_id), "kind": "phone", "direction": "in", "summary": "Rückruf erbeten", **changes}
    response = logged_in.post(f"/contacts/{contact_id}/log", data=data)
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)
    assert (_count(app, RawMessage), _count(app, FollowUp), _count(app, Interaction)) == (0, 0, 0)


def test_log_routes_need_login_permission_and_csrf(app, contact_id: int) -> None:
    anonymous = app.test_client()
    assert anonymous.get(f"/contacts/{contact_id}/log").status_code == 302
    sales = login_as(app, "sales-log@example.test", "sales")
    assert sales.get(f"/contacts/{contact_id}/log").status_code == 403
    assert sales.post(f"/contacts/{contact_id}/log", data={"csrf_token": token_of(sales), "kind": "phone"}).status_code == 403
    assert sales.get("/followups").status_code == 200  # sales see what is due, agents tick it off
    assert sales.post("/followups/1/done", data={"csrf_token": token_of(sales)}).status_code == 403
    agent = login_as(app, "agent-log@example.test", "agent")
    fields = _form(agent, contact_id)
    data = {**fields, "kind": "visit", "direction": "in", "summary": "Besuch im Laden"}
    assert agent.post(f"/contacts/{contact_id}/log", data={**data, "csrf_token": ""}).status_code == 400
    assert agent.post(f"/contacts/{contact_id}/log", data={**data, "csrf_token": "forged"}).status_code == 400
    assert agent.post("/followups/1/done", data={}).status_code == 400
    assert agent.get("/contacts/999999/log").status_code == 404
    assert _count(app, RawMessage) == 0


def test_form_values_are_read_in_the_office_time_zone() -> None:
    from datetime import UTC, datetime

    from hub.contact_log import parse_duration, parse_log_form

    now = datetime(2026, 11, 23, 17, 0, tzinfo=UTC)
    entry = parse_log_form(
        {"kind": "visit", "direction": "in", "occurred_at": "2026-11-23T10:00", "duration": "1:05:00", "summary": "Termin", "log_id": "abcdefgh12", "follow_up_on": "2026-11-23"},
        timezone="Europe/Berlin", now=now,
    )
    assert entry.occurred_at == datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # 10:00 in Berlin (CET) is 09:00 UTC
    assert entry.duration_seconds == 3900 and entry.follow_up_on is not None
    assert [parse_duration(text) for text in ("12", "12:30", "1:05:00", "")] == [720, 750, 3900, None]
