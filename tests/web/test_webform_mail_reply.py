"""A web form cannot carry replies: the Reply action answers by e-mail to the address given in the form.

The mail goes from the mailbox the form names (its confirmation sender), to
the form's address, without threading headers (the submission's id is no
Message-ID), and joins the customer's timeline; a hub with several
mailboxes and none named on the form says so instead of guessing.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from hub.channels import ensure_channel
from hub.db import unit_of_work
from hub.models import Interaction, OutboundMessage
from tests.web.roles import token_of
from tests.web.test_reply import SmtpSink, _smtp, composer_fields, smtp_sink  # noqa: F401 -- the sink fixture
from tests.web.test_webform import MAILBOX, _add_form, _submit


@pytest.fixture
def settings(settings, smtp_sink):  # type: ignore[no-untyped-def]
    """The shared settings fixture (both databases), sending to the sink."""
    return _smtp(settings, smtp_sink)


def _submission(app, runtime) -> Interaction:  # type: ignore[no-untyped-def]
    form_id = _add_form(app)
    assert _submit(app.test_client(), form_id).status_code == 200
    with unit_of_work(runtime.factory) as session:
        submission = session.scalars(select(Interaction).where(Interaction.channel == "webform")).one()
        session.expunge(submission)
    return submission


def test_reply_to_a_form_goes_by_mail_to_the_address_given(app, runtime, logged_in, smtp_sink: SmtpSink) -> None:
    submission = _submission(app, runtime)
    with unit_of_work(runtime.factory) as session:  # a second mailbox: the form's named one must win
        ensure_channel(session, kind="imap", name="sales", address="sales@shop.example")
    composer = logged_in.get(f"/interactions/{submission.id}/reply")
    html = composer.get_data(as_text=True)
    assert composer.status_code == 200
    assert "came through Web contact form, which cannot carry replies" in html
    fields = composer_fields(html)
    assert fields["to"] == "anna.weber@example.org" and fields["subject"] == "Re: Rückfrage Bestellung 4711"
    assert "Anna Weber <anna.weber@example.org>" in fields["body"] and "> wann wird meine Bestellung 4711 geliefert?" in fields["body"]

    page = logged_in.post(f"/interactions/{submission.id}/reply", data=fields | {"body": "Guten Tag, Ihre Bestellung ist unterwegs."}, follow_redirects=True)

    assert "Reply sent." in page.get_data(as_text=True)
    [reply] = [m for m in smtp_sink.messages() if m["Subject"] == "Re: Rückfrage Bestellung 4711"]
    assert reply["From"] == MAILBOX and reply["To"] == "anna.weber@example.org"
    assert reply["In-Reply-To"] is None and reply["References"] is None, "the form's id is no Message-ID"
    with unit_of_work(runtime.factory) as session:
        outbound = session.scalars(select(OutboundMessage).where(OutboundMessage.subject == "Re: Rückfrage Bestellung 4711")).one()
        assert outbound.from_address == MAILBOX and outbound.interaction_id == submission.id
        sent = session.scalars(select(Interaction).where(Interaction.direction == "out", Interaction.channel == "email", Interaction.subject == "Re: Rückfrage Bestellung 4711")).one()
        assert sent.contact_id == submission.contact_id, "the reply is in the customer's timeline"


def test_several_mailboxes_and_none_named_is_refused_with_the_reason(app, runtime, logged_in, smtp_sink: SmtpSink) -> None:
    form_id = _add_form(app, confirmation_mailbox="")
    assert _submit(app.test_client(), form_id).status_code == 200
    with unit_of_work(runtime.factory) as session:
        ensure_channel(session, kind="imap", name="sales", address="sales@shop.example")
        submission_id = session.scalars(select(Interaction.id).where(Interaction.channel == "webform")).one()
    response = logged_in.get(f"/interactions/{submission_id}/reply")
    assert response.status_code == 409
    assert "several mailboxes and this message&#39;s channel names none of them" in response.get_data(as_text=True)
    posted = logged_in.post(f"/interactions/{submission_id}/reply", data={"csrf_token": token_of(logged_in), "to": "anna.weber@example.org", "subject": "x", "body": "y"})
    assert posted.status_code in (409, 422)
    with unit_of_work(runtime.factory) as session:
        assert session.scalars(select(OutboundMessage).where(OutboundMessage.subject == "x")).all() == []
