"""The public contact form end to end, on both databases: page, token, validation, honeypot, rate limit,
consent record, the submission as an interaction of the contact, and the confirmation mail (aiosmtpd sink)."""

from __future__ import annotations

import html as html_lib
import json
import re
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from connectors.registry import default_registry
from connectors.webform import read_envelope
from hub.channels import ensure_channel
from hub.clock import utcnow
from hub.connector_admin import add_channel
from hub.db import unit_of_work
from hub.models import Contact, ContactIdentity, Interaction, OutboundMessage, QuarantineEntry, RawMessage, RawSource
from hub.rawstore import FileBlobStore
from hub.webform_intake import RATE_LIMITED, STORED, accept_submission, client_key
from tests.web.test_reply import SmtpSink, _smtp, smtp_sink  # noqa: F401 -- the sink fixture
from web.webform import check_token, issue_token

MAILBOX = "service@shop.example"
CONSENT = "Ich bin einverstanden, dass meine Angaben zur Bearbeitung meiner Anfrage gespeichert werden."


@pytest.fixture
def settings(settings, smtp_sink):  # type: ignore[no-untyped-def]
    """The shared settings fixture (both databases), sending to the sink."""
    return _smtp(settings, smtp_sink)


def _add_form(app, **overrides: str) -> int:  # type: ignore[no-untyped-def]
    from web.admin_connectors import secret_box

    with app.app_context():
        box = secret_box()
    submitted = {"title": "Kontakt", "consent_text": CONSENT, "confirmation_mailbox": MAILBOX, "submissions_per_hour": "3",
                 "allowed_origins": "https://www.shop.example", **overrides}
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        ensure_channel(session, kind="imap", name="service", address=MAILBOX)
        return add_channel(session, default_registry(), box, kind="webform", name="Kontaktformular", submitted=submitted, user_id=None)


@pytest.fixture
def form_id(app) -> int:  # type: ignore[no-untyped-def]
    return _add_form(app)


@pytest.fixture
def anna(app) -> int:  # type: ignore[no-untyped-def]
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        contact = Contact(display_name="Anna Weber", created_at=utcnow())
        contact.identities.append(ContactIdentity(kind="email", value="anna.weber@example.org"))
        session.add(contact)
        session.flush()
        return contact.id


def _token(page: str) -> str:
    match = re.search(r'name="form_token" value="([^"]+)"', page)
    assert match, "form has no token"
    return html_lib.unescape(match.group(1))


def _fields(**overrides: str) -> dict[str, str]:
    return {"name": "Anna Weber", "email": "Anna.Weber@EXAMPLE.org", "phone": "0151 23456789", "subject": "Rückfrage Bestellung 4711",
            "message": "Guten Tag,\nwann wird meine Bestellung 4711 geliefert?\nViele Grüße", "consent": "1", "website": "", **overrides}


def _submit(client, form_id: int, lang: str = "de", **overrides: str):  # type: ignore[no-untyped-def]
    page = client.get(f"/forms/{form_id}?lang={lang}").get_data(as_text=True)
    return client.post(f"/forms/{form_id}", data={"form_token": _token(page), "lang": lang, **_fields(**overrides)})


def _counts(app) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        return (session.scalar(select(func.count()).select_from(RawMessage)) or 0, session.scalar(select(func.count()).select_from(Interaction)) or 0)


def _form_interactions(app) -> list[Interaction]:  # type: ignore[no-untyped-def]
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        return list(session.scalars(select(Interaction).where(Interaction.channel == "webform")))


def test_form_page_is_embeddable_by_the_allowed_site_only_and_csp_clean(client, form_id) -> None:  # type: ignore[no-untyped-def]
    response = client.get(f"/forms/{form_id}?lang=de")
    assert response.status_code == 200
    csp = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'self' https://www.shop.example" in csp and "script-src 'self'" in csp
    assert "X-Frame-Options" not in response.headers
    page = response.get_data(as_text=True)
    assert "<script" not in page and " style=" not in page
    assert CONSENT in page and 'lang="de"' in page and "Nachricht senden" in page
    assert 'name="website"' in page and 'tabindex="-1"' in page
    assert "Send message" in client.get(f"/forms/{form_id}?lang=en").get_data(as_text=True)
    # Other pages stay unframeable.
    assert client.get("/login").headers["X-Frame-Options"] == "DENY"


def test_unknown_or_disabled_form_is_404(app, client, form_id) -> None:  # type: ignore[no-untyped-def]
    from hub.connector_admin import set_enabled

    assert client.get(f"/forms/{form_id + 100}").status_code == 404
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        set_enabled(session, form_id, False, user_id=None)
    assert client.get(f"/forms/{form_id}").status_code == 404


def test_submission_becomes_an_interaction_of_the_contact_with_consent_and_a_confirmation_mail(app, client, form_id, anna, smtp_sink: SmtpSink) -> None:  # type: ignore[no-untyped-def]
    response = _submit(client, form_id)
    assert response.status_code == 200, response.get_data(as_text=True)
    assert "Vielen Dank" in response.get_data(as_text=True)
    [interaction] = _form_interactions(app)
    assert interaction.contact_id == anna
    assert interaction.subject == "Rückfrage Bestellung 4711" and "wann wird meine Bestellung 4711" in interaction.text
    factory = app.extensions["hub.session_factory"]
    with unit_of_work(factory) as session:
        raw = session.get(RawMessage, interaction.raw_message_id)
        assert raw is not None and raw.channel_kind == "webform"
        envelope = read_envelope(FileBlobStore(app.extensions["hub.settings"].resolved_raw_store_dir()).get(raw.sha256))
        # The phone typed in national form was learned on the contact in E.164.
        phones = session.scalars(select(ContactIdentity.value).where(ContactIdentity.contact_id == anna, ContactIdentity.kind == "phone")).all()
    assert envelope["consent"]["text"] == CONSENT and envelope["consent"]["given"] is True
    assert envelope["consent"]["given_at"] == envelope["submitted_at"]
    assert envelope["fields"]["email"] == "Anna.Weber@example.org" and envelope["fields"]["phone"] == "+4915123456789"
    assert phones == ["+4915123456789"]
    # The confirmation went out once, in German, from the form's mailbox, and joined the timeline as an outgoing mail.
    [mail] = smtp_sink.messages()
    assert mail["From"] == MAILBOX and mail["To"] == "Anna.Weber@example.org"
    assert "Wir haben Ihre Nachricht erhalten" in mail["Subject"]
    assert "> wann wird meine Bestellung 4711 geliefert?" in mail.get_content()
    with unit_of_work(factory) as session:
        outbound = session.scalars(select(OutboundMessage)).one()
        assert outbound.status == "sent" and outbound.interaction_id == interaction.id
        sent = session.scalars(select(Interaction).where(Interaction.direction == "out")).one()
        assert sent.contact_id == anna


def test_consent_is_shown_on_the_interaction(app, client, logged_in, form_id, anna) -> None:  # type: ignore[no-untyped-def]
    assert _submit(client, form_id).status_code == 200
    [interaction] = _form_interactions(app)
    page = logged_in.get(f"/interactions/{interaction.id}").get_data(as_text=True)
    assert "Bestellung 4711" in page


def test_consent_is_a_tag_of_the_interaction(app, client, form_id, anna) -> None:  # type: ignore[no-untyped-def]
    from hub.models import InteractionTag

    assert _submit(client, form_id).status_code == 200
    [interaction] = _form_interactions(app)
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        tag = session.scalars(select(InteractionTag).where(InteractionTag.interaction_id == interaction.id, InteractionTag.name == "consent")).one()
        assert CONSENT in tag.reason


def test_double_submit_of_one_form_is_one_interaction_and_one_mail(app, client, form_id, smtp_sink: SmtpSink) -> None:  # type: ignore[no-untyped-def]
    page = client.get(f"/forms/{form_id}").get_data(as_text=True)
    data = {"form_token": _token(page), **_fields()}
    assert client.post(f"/forms/{form_id}", data=data).status_code == 200
    assert client.post(f"/forms/{form_id}", data=data).status_code == 200
    assert _counts(app) == (2, 2)  # raws and interactions: the submission, and the confirmation as sent
    assert len(_form_interactions(app)) == 1 and len(smtp_sink.messages()) == 1


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"email": "anna-at-example"}, "email", "Please enter a valid e-mail address."),
        ({"name": ""}, "name", "Please fill in this field."),
        ({"message": "   "}, "message", "Please fill in this field."),
        ({"consent": ""}, "consent", "Please agree so that we may store and answer your message."),
        ({"phone": "12"}, "phone", "Please enter a valid phone number"),
        ({"message": "x" * 5001}, "message", "Please shorten this to at most 5000 characters."),
    ],
)
def test_invalid_fields_are_400_with_the_reason_and_store_nothing(app, client, form_id, overrides, field, message) -> None:  # type: ignore[no-untyped-def]
    response = _submit(client, form_id, lang="en", **overrides)
    assert response.status_code == 400
    page = html_lib.unescape(response.get_data(as_text=True))
    assert message in page and f'id="e-{field}"' in page
    # What the sender typed is shown again (except nothing is lost on a retry).
    if field != "message":
        assert "Guten Tag," in page
    assert _counts(app) == (0, 0)


def test_german_error_messages(client, form_id) -> None:  # type: ignore[no-untyped-def]
    page = html_lib.unescape(_submit(client, form_id, lang="de", email="kaputt").get_data(as_text=True))
    assert "Bitte geben Sie eine gültige E-Mail-Adresse ein." in page


@pytest.mark.parametrize("token", ["", "1.abc.1.x", "forged"])
def test_missing_or_forged_form_token_is_400_and_stores_nothing(app, client, form_id, token) -> None:  # type: ignore[no-untyped-def]
    response = client.post(f"/forms/{form_id}", data={"form_token": token, **_fields()})
    assert response.status_code == 400
    assert "This form has expired" in response.get_data(as_text=True) or "Dieses Formular" in response.get_data(as_text=True)
    assert _counts(app) == (0, 0)


def test_token_is_bound_to_its_form_and_expires() -> None:
    token = issue_token("k", 5, now=1_000_000)
    assert check_token("k", 5, token, now=1_000_100) is not None
    assert check_token("k", 6, token, now=1_000_100) is None  # another form
    assert check_token("other-key", 5, token, now=1_000_100) is None
    assert check_token("k", 5, token, now=1_000_000 + 24 * 3600 + 1) is None
    assert check_token("k", 5, token.replace(".1000000.", ".1000001."), now=1_000_100) is None


def test_session_csrf_token_is_not_what_protects_the_form(app, form_id) -> None:  # type: ignore[no-untyped-def]
    """Posted from inside another site's iframe, there is no session: the signed form token alone is checked."""
    fresh = app.test_client()
    page = fresh.get(f"/forms/{form_id}").get_data(as_text=True)
    cookieless = app.test_client(use_cookies=False)
    assert cookieless.post(f"/forms/{form_id}", data={"form_token": _token(page), **_fields()}).status_code == 200
    assert cookieless.post(f"/forms/{form_id}", data=_fields()).status_code == 400


def test_honeypot_is_answered_like_success_but_kept_as_quarantined_spam(app, client, form_id, smtp_sink: SmtpSink) -> None:  # type: ignore[no-untyped-def]
    response = _submit(client, form_id, website="https://cheap-pills.example")
    assert response.status_code == 200 and "Vielen Dank" in response.get_data(as_text=True)
    assert _form_interactions(app) == [] and smtp_sink.messages() == []
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        raw = session.scalars(select(RawMessage)).one()
        entry = session.scalars(select(QuarantineEntry)).one()
        assert raw.status == "quarantined" and "honeypot" in entry.reason
    # A quarantine retry cannot turn it into an interaction either.
    from hub.ingest import ingest
    from hub.quarantine import release_for_retry
    from workers.runtime import get_runtime

    runtime = get_runtime()
    with unit_of_work(runtime.factory) as session:
        ids = release_for_retry(session)
    ingest(runtime.factory, runtime.services(), runtime.pipeline, ids)
    assert _form_interactions(app) == []


def test_rate_limit_per_client_address(app, client, form_id) -> None:  # type: ignore[no-untyped-def]
    for number in range(3):
        assert _submit(client, form_id, email=f"kunde{number}@example.org").status_code == 200
    response = _submit(client, form_id, lang="en", email="kunde9@example.org")
    assert response.status_code == 429 and "Too many messages" in response.get_data(as_text=True)
    assert len(_form_interactions(app)) == 3
    # Another address is not affected.
    other = app.test_client()
    page = other.get(f"/forms/{form_id}").get_data(as_text=True)
    response = other.post(f"/forms/{form_id}", data={"form_token": _token(page), **_fields(email="nachbar@example.org")},
                          environ_base={"REMOTE_ADDR": "192.0.2.44"})
    assert response.status_code == 200
    assert len(_form_interactions(app)) == 4


def test_rate_limit_window_moves_with_time(app, form_id) -> None:  # type: ignore[no-untyped-def]
    store = FileBlobStore(app.extensions["hub.settings"].resolved_raw_store_dir())
    factory = app.extensions["hub.session_factory"]
    client = client_key("k", "198.51.100.7")
    now = utcnow()

    def attempt(nonce: str, when):  # type: ignore[no-untyped-def]
        with unit_of_work(factory) as session:
            return accept_submission(session, store, form_id, envelope=json.dumps({"n": nonce}).encode(), nonce=nonce, client=client,
                                     honeypot=False, limit_per_hour=2, now=when).status

    assert [attempt(f"nonce-{i}-aaaaaaaaaaaa", now) for i in range(3)] == [STORED, STORED, RATE_LIMITED]
    assert attempt("nonce-later-aaaaaaaaaa", now + timedelta(hours=1, minutes=1)) == STORED


def test_oversized_body_is_413_and_stores_nothing(app, client, form_id) -> None:  # type: ignore[no-untyped-def]
    page = client.get(f"/forms/{form_id}").get_data(as_text=True)
    response = client.post(f"/forms/{form_id}", data={"form_token": _token(page), **_fields(message="x" * 70_000)})
    assert response.status_code == 413
    assert _counts(app) == (0, 0)


class _HeldQueue:
    """A job queue that only records ingest requests: the worker has not run yet (as on RQ)."""

    def __init__(self) -> None:
        self.ingest: list[list[int]] = []

    def enqueue_ingest(self, raw_ids: list[int]) -> None:
        self.ingest.append(list(raw_ids))


def test_confirmation_waits_for_ingest_and_is_sent_once_however_often_the_job_runs(app, client, form_id, anna, smtp_sink: SmtpSink) -> None:  # type: ignore[no-untyped-def]
    from hub.ingest import ingest
    from hub.webform_confirmation import NotYetIngested
    from workers.runtime import get_runtime
    from workers.webform_jobs import webform_confirmation_job

    held = app.extensions["hub.job_queue"] = _HeldQueue()
    assert _submit(client, form_id).status_code == 200
    [[raw_id]] = held.ingest
    with pytest.raises(NotYetIngested):  # the job's retry covers the time until ingest ran
        webform_confirmation_job(raw_id)
    assert smtp_sink.messages() == []
    runtime = get_runtime()
    ingest(runtime.factory, runtime.services(), runtime.pipeline, [raw_id])
    first, second = webform_confirmation_job(raw_id), webform_confirmation_job(raw_id)
    assert first["sent_now"] == "True" and second["sent_now"] == "False"
    assert len(smtp_sink.messages()) == 1
    with unit_of_work(app.extensions["hub.session_factory"]) as session:
        assert session.scalar(select(func.count()).select_from(OutboundMessage)) == 1


def test_no_confirmation_without_a_mailbox_setting(app, client, anna, smtp_sink: SmtpSink) -> None:  # type: ignore[no-untyped-def]
    form = _add_form(app, confirmation_mailbox="")
    assert _submit(client, form, lang="en").status_code == 200
    assert len(_form_interactions(app)) == 1 and smtp_sink.messages() == []


@pytest.fixture
def pg_settings(pg_settings, smtp_sink):  # type: ignore[no-untyped-def]
    """PostgreSQL settings for the RQ test, sending to the sink."""
    return _smtp(pg_settings, smtp_sink)


def test_on_rq_the_worker_ingests_then_confirms_once(rq_runtime, smtp_sink: SmtpSink) -> None:  # type: ignore[no-untyped-def]
    from redis import Redis
    from rq import Queue, SimpleWorker

    from web import create_app

    rq_app = create_app(rq_runtime.settings)
    rq_app.config["TESTING"] = True
    form = _add_form(rq_app)
    client = rq_app.test_client()
    assert _submit(client, form).status_code == 200
    rq_queue = Queue(rq_runtime.settings.queue_name, connection=Redis.from_url(rq_runtime.settings.redis_url))
    assert [job.func_name.rsplit(".", 1)[1] for job in rq_queue.jobs] == ["ingest_job", "webform_confirmation_job"]
    assert _form_interactions(rq_app) == [] and smtp_sink.messages() == []  # nothing ran in the web process
    [confirmation] = [job for job in rq_queue.jobs if job.func_name.endswith("webform_confirmation_job")]
    assert confirmation.retries_left == 5
    SimpleWorker([rq_queue], connection=rq_queue.connection).work(burst=True)
    assert len(_form_interactions(rq_app)) == 1 and len(smtp_sink.messages()) == 1
    rq_queue.enqueue("workers.webform_jobs.webform_confirmation_job", confirmation.args[0])  # a duplicate job
    SimpleWorker([rq_queue], connection=rq_queue.connection).work(burst=True)
    assert len(smtp_sink.messages()) == 1


def test_form_settings_are_checked() -> None:
    from connectors.base import ConfigError
    from connectors.webform import WebFormConnector

    with pytest.raises(ConfigError) as caught:
        WebFormConnector.clean_form({"consent_text": " "})
    assert set(caught.value.errors) == {"consent_text"}
    with pytest.raises(ConfigError) as caught:
        WebFormConnector.clean_form({"consent_text": CONSENT, "allowed_origins": "https://ok.example\nnot-an-origin", "max_message_chars": "99999",
                                     "confirmation_mailbox": "nobody"})
    assert set(caught.value.errors) == {"allowed_origins", "max_message_chars", "confirmation_mailbox"}
    settings, secrets = WebFormConnector.clean_form({"consent_text": CONSENT, "allowed_origins": "https://www.shop.example/\n"})
    assert settings["allowed_origins"] == "https://www.shop.example/" and secrets == {}


def test_admin_adds_a_form_and_an_sms_channel_through_the_channel_pages(app) -> None:  # type: ignore[no-untyped-def]
    from tests.web.roles import login_as, token_of

    admin = login_as(app, "admin-forms@example.test", "admin")
    for kind in ("webform", "sms"):
        page = admin.get(f"/admin/channels/new?kind={kind}")
        assert page.status_code == 200, kind
    token = token_of(admin)
    response = admin.post("/admin/channels", data={"csrf_token": token, "kind": "webform", "name": "Website", "consent_text": CONSENT,
                                                   "allowed_origins": "https://www.shop.example", "submissions_per_hour": "5",
                                                   "max_message_chars": "3000", "default_region": "DE"})
    assert response.status_code == 302, response.get_data(as_text=True)
    form_id = int(response.headers["Location"].rstrip("/").rsplit("/", 1)[1])
    tested = admin.post(f"/admin/channels/{form_id}/test", data={"csrf_token": token}, follow_redirects=True)
    assert f"/forms/{form_id}" in tested.get_data(as_text=True)
    assert app.test_client().get(f"/forms/{form_id}").status_code == 200
    response = admin.post("/admin/channels", data={"csrf_token": token, "kind": "sms", "name": "SMS", "mode": "gateway", "phone_number": "030 901820",
                                                   "gateway_secret": "s3cret-gateway", "default_region": "DE", "max_media_mb": "5"})
    assert response.status_code == 302, response.get_data(as_text=True)
    assert "s3cret-gateway" not in admin.get(response.headers["Location"]).get_data(as_text=True)
