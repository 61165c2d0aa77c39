"""The context panel over HTTP: permissions and CSRF on every new route, the panel's content, its actions, the complaint queue."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from hub.db import unit_of_work
from hub.demo.mailbox import build_demo_mailbox
from hub.models import AuditEntry, ContactSuggestion, Interaction, InteractionTag
from tests.helpers import import_mails
from tests.web.conftest import csrf_from
from tests.web.roles import login_as

MAILS = [
    b"From: Paula Berg <paula@berg.example>\r\nTo: service@shop.example\r\nSubject: Rechnung falsch\r\n"
    b"Message-ID: <p1@berg.example>\r\nDate: Mon, 02 Nov 2026 09:00:00 +0100\r\n\r\nDie Rechnung ist falsch.\r\n",
    b"From: Otto Lind <otto@lind.example>\r\nTo: service@shop.example\r\nSubject: Lieferung\r\n"
    b"Message-ID: <o1@lind.example>\r\nDate: Mon, 02 Nov 2026 10:00:00 +0100\r\n\r\nWo bleibt meine Lieferung?\r\n",
]
#: Every POST of the blueprint, as a path template over the message id and a suggestion id.
POSTS = [
    "/interactions/{m}/match/confirm",
    "/interactions/{m}/match/reassign",
    "/interactions/{m}/match/new-contact",
    "/interactions/{m}/suggestions/{s}/confirm",
    "/interactions/{m}/suggestions/{s}/reject",
    "/interactions/{m}/suggestions/{s}/undo",
    "/interactions/{m}/tags",
]


def _ids(runtime) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with unit_of_work(runtime.factory) as session:
        return {i.channel_message_id: i.id for i in session.scalars(select(Interaction))}


def _contact_of(runtime, interaction_id: int) -> int | None:  # type: ignore[no-untyped-def]
    with unit_of_work(runtime.factory) as session:
        return session.get(Interaction, interaction_id).contact_id  # type: ignore[union-attr]


def _suggest(runtime, interaction_id: int, contact_id: int) -> int:  # type: ignore[no-untyped-def]
    with unit_of_work(runtime.factory) as session:
        row = ContactSuggestion(
            interaction_id=interaction_id, contact_id=contact_id, score=0.6, reason="same street", status="open",
            created_at=session.get(Interaction, interaction_id).received_at,  # type: ignore[union-attr]
        )
        session.add(row)
        session.flush()
        return row.id


@pytest.mark.parametrize("template", POSTS)
def test_posts_need_csrf_login_and_permission(app, runtime, logged_in, template: str) -> None:
    import_mails(runtime, MAILS)
    ids = _ids(runtime)
    path = template.format(m=ids["p1@berg.example"], s=_suggest(runtime, ids["p1@berg.example"], _contact_of(runtime, ids["o1@lind.example"])))  # type: ignore[arg-type]
    assert logged_in.post(path, data={"intent": "other", "complaint": "no"}).status_code == 400, "missing CSRF token"
    anonymous = app.test_client()
    token = csrf_from(anonymous.get("/login").get_data(as_text=True))
    response = anonymous.post(path, data={"csrf_token": token})
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    sales = login_as(app, "sales@example.test", "sales")
    sales_token = csrf_from(sales.get("/").get_data(as_text=True))
    assert sales.post(path, data={"csrf_token": sales_token}).status_code == 403


def test_complaint_queue_needs_complaint_manage(app, client, logged_in) -> None:
    assert client.application.test_client().get("/complaints").status_code == 302
    agent_page = logged_in.get("/complaints")
    assert agent_page.status_code == 403
    assert "/complaints" not in logged_in.get("/").get_data(as_text=True), "no link for agents"
    manager = login_as(app, "cm@example.test", "complaint_manager")
    assert manager.get("/complaints").status_code == 200
    assert 'href="/complaints"' in manager.get("/").get_data(as_text=True)
    assert login_as(app, "admin@example.test", "admin").get("/complaints").status_code == 200


def test_panel_shows_customer_reason_and_history_for_a_demo_message(runtime, logged_in) -> None:
    import_mails(runtime, [mail.raw for mail in build_demo_mailbox()])
    with unit_of_work(runtime.factory) as session:
        message = session.scalars(select(Interaction).where(Interaction.subject == "Gäste-WLAN für die Saison erweitern")).one()
        message_id = message.id
    page = logged_in.get(f"/interactions/{message_id}").get_data(as_text=True)
    panel = page[page.index('<aside class="context-panel"'):]
    assert "Ines Rademacher" in panel and "i.rademacher@hotel-seeblick-timmendorf.de" in panel
    assert "no known identity, name or company domain matches" in panel
    assert "Dankeschön!" in panel and 'class="in current" aria-current="true"' in panel
    assert panel.count("not recorded yet") == 3
    assert 'href="/static/context.css"' in page
    assert "<script>" not in panel and "style=" not in panel, "CSP: no inline script or style"


def test_reassign_via_search_and_undo(runtime, logged_in) -> None:
    import_mails(runtime, MAILS)
    ids = _ids(runtime)
    paula_mail, otto = ids["p1@berg.example"], _contact_of(runtime, ids["o1@lind.example"])
    paula = _contact_of(runtime, paula_mail)
    page = logged_in.get(f"/interactions/{paula_mail}?contact_q=otto@lind").get_data(as_text=True)
    assert f'name="contact_id" value="{otto}"' in page
    token = csrf_from(page)
    response = logged_in.post(f"/interactions/{paula_mail}/match/reassign", data={"csrf_token": token, "contact_id": otto})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/interactions/{paula_mail}#context")
    assert _contact_of(runtime, paula_mail) == otto
    page = logged_in.get(f"/interactions/{paula_mail}").get_data(as_text=True)
    assert "Message moved to the chosen contact." in page and "reassigned by an agent" in page
    with unit_of_work(runtime.factory) as session:
        record = session.scalar(select(ContactSuggestion.id).where(ContactSuggestion.interaction_id == paula_mail))
    logged_in.post(f"/interactions/{paula_mail}/suggestions/{record}/undo", data={"csrf_token": token})
    assert _contact_of(runtime, paula_mail) == paula

    logged_in.post(f"/interactions/{paula_mail}/match/new-contact", data={"csrf_token": token})
    assert _contact_of(runtime, paula_mail) not in (paula, otto, None)
    refused = logged_in.post(f"/interactions/{paula_mail}/match/reassign", data={"csrf_token": token, "contact_id": 999999})
    assert refused.status_code == 302 and "Not changed" in logged_in.get(f"/interactions/{paula_mail}").get_data(as_text=True)
    assert logged_in.post("/interactions/999999/match/confirm", data={"csrf_token": token}).status_code == 404


def test_confirm_and_reject_suggestions_from_the_page(runtime, logged_in) -> None:
    import_mails(runtime, MAILS)
    ids = _ids(runtime)
    paula_mail, otto_mail = ids["p1@berg.example"], ids["o1@lind.example"]
    otto = _contact_of(runtime, otto_mail)
    suggestion = _suggest(runtime, paula_mail, otto)  # type: ignore[arg-type]
    page = logged_in.get(f"/interactions/{paula_mail}").get_data(as_text=True)
    assert "same street" in page and f"/suggestions/{suggestion}/confirm" in page
    token = csrf_from(page)
    logged_in.post(f"/interactions/{paula_mail}/suggestions/{suggestion}/confirm", data={"csrf_token": token})
    assert _contact_of(runtime, paula_mail) == otto
    logged_in.post(f"/interactions/{paula_mail}/suggestions/{suggestion}/undo", data={"csrf_token": token})
    logged_in.post(f"/interactions/{paula_mail}/suggestions/{suggestion}/reject", data={"csrf_token": token})
    with unit_of_work(runtime.factory) as session:
        assert session.get(ContactSuggestion, suggestion).status == "rejected"  # type: ignore[union-attr]
    other = logged_in.post(f"/interactions/{otto_mail}/suggestions/{suggestion}/confirm", data={"csrf_token": token})
    assert other.status_code == 404, "a suggestion is only reachable through its own message"


def test_tag_correction_writes_feedback_and_agent_tags(runtime, logged_in, app) -> None:
    import_mails(runtime, MAILS[:1])
    message = _ids(runtime)["p1@berg.example"]
    token = csrf_from(logged_in.get(f"/interactions/{message}").get_data(as_text=True))
    response = logged_in.post(
        f"/interactions/{message}/tags", data={"csrf_token": token, "intent": "billing_payment", "complaint": "yes", "severity": "high"}
    )
    assert response.status_code == 302
    feedback = app.extensions["hub.settings"].nlp_feedback_file()
    assert str(feedback).startswith(str(runtime.settings.var_dir))
    rows = [json.loads(line) for line in feedback.read_text().splitlines()]
    assert [(r["crm_intent"], r["complaint"], r["severity"]) for r in rows] == [("billing_payment", True, "high")]
    assert "Die Rechnung ist falsch." in rows[0]["text"]
    with unit_of_work(runtime.factory) as session:
        tags = {t.name: (t.tagger, t.reason) for t in session.scalars(select(InteractionTag).where(InteractionTag.interaction_id == message))}
        audited = session.scalar(select(AuditEntry.action).where(AuditEntry.object_type == "interaction", AuditEntry.object_id == str(message)))
    assert tags["intent:billing_payment"] == ("agent", "corrected by Agent A") and "complaint_severity:high" in tags
    assert audited == "message.correct_tags"
    bad = logged_in.post(f"/interactions/{message}/tags", data={"csrf_token": token, "intent": "nonsense", "complaint": "no"})
    assert bad.status_code == 302 and len(feedback.read_text().splitlines()) == 1

    manager = login_as(app, "cm@example.test", "complaint_manager")
    queue = manager.get("/complaints").get_data(as_text=True)
    assert "Rechnung falsch" in queue and "Paula Berg" in queue and 'class="severity high"' in queue
