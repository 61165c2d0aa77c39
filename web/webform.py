"""The public contact form: ``GET /forms/<channel id>`` shows it, ``POST`` the same URL submits it.

Public, but verified. Nobody logs in to a contact form, and the page is made
to be embedded in the customer's own website (an ``<iframe>``), where the
hub's session cookie is a third-party cookie (SameSite=Lax: never sent) and
the session CSRF token cannot work. So the view is exempt from the session
CSRF check and carries its own proof instead: every rendering of the form
holds a *signed form token* (HMAC-SHA256 with the app's secret key over the
channel id, a random nonce and the time it was issued). A POST without a
valid, unexpired token for this channel is refused with 400 and stores
nothing. The token is what CSRF protection is about here: a request forged
elsewhere cannot carry a token the hub issued for this form, and a token
works once (its nonce is the submission's id, so a replay is the same
submission, not a second one). Since the view reads no cookie, there are no
ambient credentials a cross-site request could ride on either.

Embedding: the page's CSP ``frame-ancestors`` names the origins the
channel's admin allowed; X-Frame-Options (which cannot name another origin)
is dropped for this page only.

Answers: 200 with the form (or the thank-you page), 400 with the form and
every problem marked, 413 for an oversized body, 429 past the per-address
limit; only a valid submission is stored. A honeypot submission is answered
like a real one (a bot learns nothing) and kept quarantined as spam.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import secrets
from typing import Any, cast

from flask import Blueprint, Flask, Response, abort, current_app, g, render_template, request
from flask_babel import force_locale
from flask_babel import gettext as _
from werkzeug.exceptions import RequestEntityTooLarge

from connectors.base import ChannelConfig
from connectors.webform import (
    DEFAULT_MAX_MESSAGE_CHARS,
    DEFAULT_SUBMISSIONS_PER_HOUR,
    HONEYPOT_FIELD,
    Submission,
    SubmissionInvalid,
    build_envelope,
    parse_origins,
    validate_submission,
)
from hub.channel_config import is_enabled, to_channel_config
from hub.clock import utcnow
from hub.connector_admin import is_deleted
from hub.models import Channel
from hub.rawstore import FileBlobStore
from hub.webform_intake import DUPLICATE, RATE_LIMITED, accept_submission, client_key
from web.auth import client_ip
from web.security import CSP, csrf_exempt, db

blueprint = Blueprint("webform", __name__)
log = logging.getLogger(__name__)

#: Largest request body a submission may have (five text fields and a message).
MAX_BODY_BYTES = 64 * 1024
#: How long a rendered form stays valid: long enough to write a careful message.
TOKEN_MAX_AGE_SECONDS = 24 * 3600
LOCALES = ("de", "en")


# -- the signed form token --------------------------------------------------------------------------


def issue_token(secret_key: str, channel_id: int, now: int) -> str:
    """A token for one rendering of the form: ``<channel>.<nonce>.<issued>.<mac>``."""
    nonce = secrets.token_urlsafe(18)
    payload = f"{channel_id}.{nonce}.{now}"
    return f"{payload}.{_mac(secret_key, payload)}"


def check_token(secret_key: str, channel_id: int, token: str, now: int) -> str | None:
    """The token's nonce when it is genuine, for this channel and not expired; else ``None``."""
    parts = token.split(".")
    if len(parts) != 4 or not parts[2].isdigit():
        return None
    payload = ".".join(parts[:3])
    if not hmac.compare_digest(parts[3].encode(), _mac(secret_key, payload).encode()):
        return None
    if parts[0] != str(channel_id) or not 0 <= now - int(parts[2]) <= TOKEN_MAX_AGE_SECONDS:
        return None
    return parts[1]


def _mac(secret_key: str, payload: str) -> str:
    digest = hmac.new(f"webform-token:{secret_key}".encode(), payload.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii").rstrip("=")


# -- request plumbing --------------------------------------------------------------------------------


@blueprint.url_value_preprocessor
def _limit_body(endpoint: str | None, _values: dict[str, Any] | None) -> None:
    """A small body limit for submissions (set before anything reads the form)."""
    if endpoint == "webform.submit":
        request.max_content_length = MAX_BODY_BYTES


@blueprint.record_once
def _install_frame_rule(state: Any) -> None:
    # After-request functions run last-registered first; put this one at the front so it
    # runs after web.security has set its default headers, and only for the form pages.
    cast(Flask, state.app).after_request_funcs.setdefault(None, []).insert(0, _allow_framing)


def _allow_framing(response: Response) -> Response:
    origins = g.get("webform_frame_origins")
    if origins is not None:
        response.headers.pop("X-Frame-Options", None)
        ancestors = " ".join(("'self'", *origins))
        response.headers["Content-Security-Policy"] = CSP.replace("frame-ancestors 'none'", f"frame-ancestors {ancestors}")
    return response


@blueprint.errorhandler(RequestEntityTooLarge)
def _too_large(_error: RequestEntityTooLarge):  # type: ignore[no-untyped-def]
    return _("The message is too large to be sent. Please shorten it."), 413


def _channel(channel_id: int) -> ChannelConfig:
    channel = db().get(Channel, channel_id)
    if channel is None or channel.kind != "webform" or not is_enabled(channel) or is_deleted(channel):
        abort(404)
    config = to_channel_config(channel)
    try:
        g.webform_frame_origins = parse_origins(str(config.settings.get("allowed_origins") or ""))
    except ValueError:
        g.webform_frame_origins = ()
    return config


def _lang() -> str:
    chosen = (request.values.get("lang") or "").lower()
    if chosen in LOCALES:
        return chosen
    return request.accept_languages.best_match(LOCALES) or "en"


def _setting(config: ChannelConfig, name: str, default: int) -> int:
    try:
        return max(1, int(config.settings.get(name) or default))
    except (TypeError, ValueError):
        return default


def _page(config: ChannelConfig, lang: str, *, status: int = 200, errors: dict[str, str] | None = None, values: dict[str, str] | None = None, sent: bool = False):  # type: ignore[no-untyped-def]
    secret_key = current_app.config["SECRET_KEY"]
    with force_locale(lang):
        html = render_template(
            "webform.html",
            form=config,
            lang=lang,
            token=issue_token(secret_key, cast(int, config.id), int(utcnow().timestamp())),
            errors=_translated(errors or {}),
            values=values or {},
            sent=sent,
            honeypot=HONEYPOT_FIELD,
            max_message_chars=_setting(config, "max_message_chars", DEFAULT_MAX_MESSAGE_CHARS),
        )
    return html, status


def _translated(errors: dict[str, str]) -> dict[str, str]:
    messages = {
        "required": _("Please fill in this field."),
        "not an e-mail address": _("Please enter a valid e-mail address."),
        "not a phone number": _("Please enter a valid phone number, e.g. +49 30 1234567."),
        "contains control characters": _("This field contains characters that are not allowed."),
    }
    translated = {}
    for name, message in errors.items():
        if name == "consent" and message == "required":
            translated[name] = _("Please agree so that we may store and answer your message.")
        elif message.startswith("at most "):
            translated[name] = _("Please shorten this to at most %(limit)s characters.", limit=message.split()[2])
        else:
            translated[name] = messages.get(message, message)
    return translated


# -- the routes --------------------------------------------------------------------------------------


@blueprint.route("/forms/<int:channel_id>", methods=["GET"])
def show(channel_id: int):  # type: ignore[no-untyped-def]
    """The empty form, with a fresh signed token."""
    return _page(_channel(channel_id), _lang())


@blueprint.route("/forms/<int:channel_id>", methods=["POST"])
@csrf_exempt
def submit(channel_id: int):  # type: ignore[no-untyped-def]
    """Check the token and the fields, keep the submission, hand it to ingest, send the confirmation."""
    config = _channel(channel_id)
    lang = _lang()
    form = request.form
    values = {name: form.get(name, "") for name in ("name", "email", "phone", "subject", "message")}
    now = utcnow()
    nonce = check_token(current_app.config["SECRET_KEY"], channel_id, form.get("form_token", ""), int(now.timestamp()))
    if nonce is None:
        with force_locale(lang):
            problem = _("This form has expired or was not loaded from this site. Please submit it again.")
        return _page(config, lang, status=400, errors={"form": problem}, values=values)
    try:
        submission = validate_submission(
            form,
            max_message_chars=_setting(config, "max_message_chars", DEFAULT_MAX_MESSAGE_CHARS),
            region=str(config.settings.get("default_region") or current_app.extensions["hub.settings"].default_phone_region),
        )
    except SubmissionInvalid as invalid:
        return _page(config, lang, status=400, errors=invalid.errors, values=values)
    honeypot = bool(form.get(HONEYPOT_FIELD, "").strip())
    consent_text = str(config.settings.get("consent_text") or "")
    envelope = build_envelope(
        submission,
        nonce=nonce,
        consent_text=consent_text,
        submitted_at=now,
        form_title=str(config.settings.get("title") or "Contact us"),
        lang=lang,
        honeypot=honeypot,
        confirmation=_confirmation(config, submission, lang),
    )
    session = db()
    outcome = accept_submission(
        session,
        _blob_store(),
        channel_id,
        envelope=envelope,
        nonce=nonce,
        client=client_key(current_app.config["SECRET_KEY"], client_ip()),
        honeypot=honeypot,
        limit_per_hour=_setting(config, "submissions_per_hour", DEFAULT_SUBMISSIONS_PER_HOUR),
        now=now,
    )
    if outcome.status == RATE_LIMITED:
        session.rollback()
        log.info("event=webform_rate_limited channel_id=%d", channel_id)
        with force_locale(lang):
            problem = _("Too many messages were sent from your network. Please try again in an hour or write us an e-mail.")
        return _page(config, lang, status=429, errors={"form": problem}, values=values)
    session.commit()
    log.info("event=webform_submission channel_id=%d status=%s raw_message_id=%s", channel_id, outcome.status, outcome.raw_message_id)
    if outcome.pending_raw_ids:
        _enqueue_ingest(list(outcome.pending_raw_ids))
        if outcome.raw_message_id is not None and config.settings.get("confirmation_mailbox"):
            _enqueue_confirmation(outcome.raw_message_id)
    elif outcome.status == DUPLICATE:
        log.info("event=webform_duplicate channel_id=%d", channel_id)
    return _page(config, lang, sent=True)


def _confirmation(config: ChannelConfig, submission: Submission, lang: str) -> dict[str, str] | None:
    """The confirmation mail in the page's language, or None when the form sends none."""
    mailbox = str(config.settings.get("confirmation_mailbox") or "")
    if not mailbox:
        return None
    title = str(config.settings.get("title") or "Contact us")
    quoted = "\n".join(f"> {line}" if line else ">" for line in submission.message.splitlines())
    with force_locale(lang):
        subject = _("We have received your message: %(subject)s", subject=submission.subject or title)
        body = _(
            "Hello %(name)s,\n\nthank you for your message. We have received it and will answer you as soon as we can.\n\n"
            "Your message:\n%(quote)s\n\nKind regards\n%(title)s",
            name=submission.name, quote=quoted, title=title,
        )
    return {"from": mailbox, "subject": subject, "body": body}


def _blob_store() -> FileBlobStore:
    store = current_app.extensions.get("hub.webform.blob_store")
    if store is None:
        settings = current_app.extensions["hub.settings"]
        store = current_app.extensions["hub.webform.blob_store"] = FileBlobStore(settings.resolved_raw_store_dir())
    return cast(FileBlobStore, store)


def _enqueue_ingest(raw_ids: list[int]) -> None:
    """Ingest after the commit (in-process without Redis, else on RQ); tests may put a queue in ``app.extensions``."""
    queue = current_app.extensions.get("hub.job_queue")
    if queue is None:
        from workers.queue import make_queue
        from workers.runtime import get_runtime

        queue = make_queue(get_runtime(current_app.extensions["hub.settings"]))
    queue.enqueue_ingest(raw_ids)


def _enqueue_confirmation(raw_message_id: int) -> None:
    from workers.runtime import get_runtime
    from workers.webform_jobs import enqueue_confirmation

    get_runtime(current_app.extensions["hub.settings"])
    try:
        enqueue_confirmation(raw_message_id)
    except Exception as error:  # noqa: BLE001 -- the submission is kept; only the courtesy mail is lost, and logged
        log.warning("event=webform_confirmation_enqueue_failed raw_message_id=%d error_class=%s", raw_message_id, type(error).__name__)
