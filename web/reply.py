"""Replying from the inbox: the composer, sending through the queue, retrying.

One reply URL serves every message: ``hub.reply_routes`` picks the mail
composer for mail and the channel composer for a message that came by
Telegram, SMS or any connector that can send, so the customer is answered
where they wrote. Channel replies go through ``hub.channel_replies`` and
``workers.channels`` the same way mail replies go through ``hub.outbound``.

Views only adapt HTTP to ``hub.outbound``: the reply row is committed before
its send job is enqueued, so a reply is either visible as queued/failed on
the message page or sent, never lost between the two.

A refused composer (a bad address, a too large file) is shown again with
everything the agent typed, and the reason next to it; only the chosen
files must be picked again, since browsers never re-fill a file input.
"""

from __future__ import annotations

import logging
from typing import Any, cast

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    redirect,
    render_template,
    request,
    url_for,
)

from flask_babel import gettext as _
from werkzeug.exceptions import RequestEntityTooLarge

from connectors.registry import default_registry
from hub.channel_replies import ChannelReplyRefused, channel_reply_views, queue_channel_reply, retry_channel_reply
from hub.models import Interaction, OutboundMessage
from hub.models.channel_replies import ChannelReply
from hub.outbound import (
    ReplyDraft,
    ReplyNotPossible,
    attachments_of,
    outbound_for_interaction,
    prepare_reply,
    queue_reply,
    retry_outbound,
)
from hub.rawstore import FileBlobStore
from hub.reply_input import ReplyInputError, UploadedFile, clean_attachments, recipient_fields
from hub.reply_routes import CHANNEL, ELSEWHERE, MAIL, ReplyRoute, reply_route
from hub.sms_segments import count_sms
from web.permissions import can, permission_required
from web.security import db
from workers.queue import JobQueue

blueprint = Blueprint("reply", __name__)
log = logging.getLogger(__name__)


@blueprint.app_context_processor
def _outbound_helpers() -> dict[str, Any]:
    """Lets ``_outbound_status.html`` list a message's replies without touching its view."""
    return {
        "outbound_for": lambda interaction_id: outbound_for_interaction(db(), interaction_id),
        "outbound_files": lambda outbound_ids: attachments_of(db(), outbound_ids),
        "channel_replies_for": lambda interaction_id: channel_reply_views(db(), interaction_id),
    }


#: Room for the text fields of a reply on top of its attachments.
_FORM_OVERHEAD_BYTES = 1_000_000


@blueprint.url_value_preprocessor
def _allow_attachments(endpoint: str | None, _values: dict[str, Any] | None) -> None:
    """Raise the request size limit for the composer's POST alone.

    URL value preprocessors run before any ``before_request`` function, and
    the CSRF check (one of those) is what first reads the form: the app-wide
    limit stays small for every other route.
    """
    if endpoint == "reply.send" and request.method == "POST":
        request.max_content_length = _attachment_limit() + _FORM_OVERHEAD_BYTES


def _blob_store() -> FileBlobStore:
    """The content-addressed store the send job reads attachments back from (one per app)."""
    store = current_app.extensions.get("hub.reply.blob_store")
    if store is None:
        settings = current_app.extensions["hub.settings"]
        store = current_app.extensions["hub.reply.blob_store"] = FileBlobStore(settings.resolved_raw_store_dir())
    return cast(FileBlobStore, store)


def _attachment_limit() -> int:
    return int(current_app.extensions["hub.settings"].reply_attachments_max_bytes)


@blueprint.errorhandler(RequestEntityTooLarge)
def _too_large(_error: RequestEntityTooLarge):  # type: ignore[no-untyped-def]
    """The upload was cut off before anything was read: say why instead of a bare 413.

    The size check fires before the view's permission check, so the composer
    (with the customer's address and quoted text) is shown only to users who
    may reply; everyone else gets the bare status.
    """
    interaction_id = (request.view_args or {}).get("interaction_id")
    if not can("message.reply") or interaction_id is None or db().get(Interaction, interaction_id) is None:
        return _("The upload is too large."), 413
    problem = _(
        "The files are larger than the limit of %(limit)s MB for one reply; nothing was sent. Attach fewer or smaller files.",
        limit=f"{_attachment_limit() / 1_000_000:.0f}",
    )
    return _composer(interaction_id, form=None, error=problem, status=413)


def _queue() -> JobQueue:
    """The job queue of this hub; tests and embedders may put one in ``app.extensions``."""
    queue = current_app.extensions.get("hub.job_queue")
    if queue is None:
        from workers.queue import make_queue
        from workers.runtime import get_runtime

        queue = make_queue(get_runtime(current_app.extensions["hub.settings"]))
    return cast(JobQueue, queue)


@blueprint.route("/interactions/<int:interaction_id>/reply", methods=["GET"])
@permission_required("message.reply")
def compose(interaction_id: int):  # type: ignore[no-untyped-def]
    """The composer for the message's channel: mail prefilled with the quote, or the channel's own."""
    interaction = db().get(Interaction, interaction_id)
    if interaction is None:
        abort(404)
    route = reply_route(db(), default_registry(), interaction)
    if route.composer == MAIL:
        return _composer(interaction_id, form=None, error=None, status=200)
    if route.composer == ELSEWHERE and "chat.for_interaction" in current_app.view_functions:
        return redirect(url_for("chat.for_interaction", interaction_id=interaction_id), 303)
    return _channel_composer(interaction, route, body="", error=None)


def _composer(interaction_id: int, form: dict[str, str] | None, error: str | None, status: int):  # type: ignore[no-untyped-def]
    """The composer: prefilled from the draft, or refilled with what the agent sent and why it was refused."""
    try:
        _channel_id, draft = prepare_reply(db(), interaction_id)
    except ReplyNotPossible as refused:
        return render_template("reply.html", interaction_id=interaction_id, draft=None, problem=str(refused)), 409
    interaction = db().get(Interaction, interaction_id)
    route = reply_route(db(), default_registry(), interaction) if interaction is not None else None
    reply_all = request.args.get("all") == "1" if form is None else form.get("reply_all") == "1"
    fields = form if form is not None else _prefill(draft, reply_all)
    settings = current_app.extensions["hub.settings"]
    return render_template(
        "reply.html",
        interaction_id=interaction_id,
        draft=draft,
        fields=fields,
        reply_all=reply_all,
        error=error,
        problem=None,
        sending_enabled=bool(settings.smtp_host),
        attachment_limit_mb=f"{settings.reply_attachments_max_bytes / 1_000_000:.0f}",
        attachment_limit_bytes=settings.reply_attachments_max_bytes,
        # A web form's message answered by e-mail: say why the mail composer appears.
        answered_by_mail_for=route if route is not None and route.email_address else None,
    ), status


def _prefill(draft: ReplyDraft, reply_all: bool) -> dict[str, str]:
    return {
        "to": ", ".join(draft.to_addresses),
        "cc": ", ".join(draft.reply_all_cc) if reply_all else "",
        "bcc": "",
        "subject": draft.subject,
        "body": draft.quote,
    }


@blueprint.route("/interactions/<int:interaction_id>/reply", methods=["POST"])
@permission_required("message.reply")
def send(interaction_id: int):  # type: ignore[no-untyped-def]
    """Check the composer, store the files, queue the reply, commit, then hand it to the queue."""
    session = db()
    interaction = session.get(Interaction, interaction_id)
    if interaction is None:
        abort(404)
    route = reply_route(session, default_registry(), interaction)
    if route.composer != MAIL:  # a stale or hand-made form: mail must not go to "telegram:42"
        problem = _("This message came through %(channel)s: it is answered there, not by e-mail.", channel=route.channel_label or route.channel_kind)
        return _channel_composer(interaction, route, body=request.form.get("body", ""), error=problem, status=409)
    form = {name: request.form.get(name, "") for name in ("to", "cc", "bcc", "subject", "body", "reply_all")}
    uploads = [
        UploadedFile(upload.filename or "", upload.mimetype or "", upload.read())
        for upload in request.files.getlist("attachments")
    ]
    try:
        to, cc, bcc = recipient_fields(form["to"], form["cc"], form["bcc"])
        attachments = clean_attachments(uploads, _attachment_limit())
        outbound_id = queue_reply(
            session, interaction_id, form["body"], g.user.id, to=to, cc=cc, bcc=bcc, subject=form["subject"],
            attachments=attachments, blob_store=_blob_store(),
        )
    except (ReplyInputError, ReplyNotPossible) as refused:
        session.rollback()
        message = _("Reply not sent: %(reason)s", reason=str(refused))
        if uploads and any(u.filename for u in uploads):
            message += " " + _("Please choose the files again.")
        return _composer(interaction_id, form=form, error=message, status=422)
    session.commit()
    _queue().enqueue_send(outbound_id)
    _flash_status(outbound_id)
    return redirect(url_for("timeline.interaction", interaction_id=interaction_id))


@blueprint.route("/outbound/<int:outbound_id>/retry", methods=["POST"])
@permission_required("message.reply")
def retry(outbound_id: int):  # type: ignore[no-untyped-def]
    """Send a failed reply again; anything not failed is left alone."""
    session = db()
    outbound = session.get(OutboundMessage, outbound_id)
    if outbound is None:
        abort(404)
    interaction_id = outbound.interaction_id
    if not retry_outbound(session, outbound_id):
        session.rollback()
        flash("Only a failed reply can be retried.")
        return redirect(url_for("timeline.interaction", interaction_id=interaction_id))
    session.commit()
    log.info("event=outbound_retry outbound_id=%d user_id=%d", outbound_id, g.user.id)
    _queue().enqueue_send(outbound_id)
    _flash_status(outbound_id)
    return redirect(url_for("timeline.interaction", interaction_id=interaction_id))


def _flash_status(outbound_id: int) -> None:
    """Say what happened: the in-process queue has already sent (or failed), RQ only queued."""
    session = db()
    session.expire_all()
    outbound = session.get(OutboundMessage, outbound_id)
    status = outbound.status if outbound is not None else ""
    messages = {"sent": "Reply sent.", "failed": "Reply could not be sent: see the error below, then retry."}
    flash(messages.get(status, "Reply queued for sending."))


# --- replies on the message's own channel (Telegram, SMS, ...) ---------------------------------


def _channel_composer(interaction: Interaction, route: ReplyRoute, body: str, error: str | None, status: int | None = None):  # type: ignore[no-untyped-def]
    """The channel composer, or why this message cannot be answered from the hub (409)."""
    sendable = route.composer == CHANNEL
    return render_template(
        "channel_reply.html",
        interaction=interaction,
        route=route,
        body=body,
        error=error,
        counter=_counter(route, body) if sendable else "",
    ), status or (200 if sendable else 409)


def _counter(route: ReplyRoute, body: str) -> str:
    """The length line under the text (the composer's script keeps it current while typing)."""
    text = body.replace("\r\n", "\n")
    if route.counts_sms:
        counted = count_sms(text)
        return _(
            "%(chars)d characters · %(segments)d SMS (%(encoding)s, %(per)d per SMS)",
            chars=len(text), segments=counted.segments, encoding=counted.encoding, per=counted.per_segment,
        )
    if route.max_chars is not None:
        return _("%(chars)d of at most %(limit)d characters", chars=len(text), limit=route.max_chars)
    return _("%(chars)d characters", chars=len(text))


def _enqueue_channel_reply(reply_id: int) -> None:
    """Hand a committed reply to the queue (in-process: it is sent before this returns)."""
    enqueue = current_app.extensions.get("hub.channel_reply_enqueue")
    if enqueue is None:
        from workers.channels import enqueue_channel_reply
        from workers.runtime import get_runtime

        enqueue = lambda queued_id: enqueue_channel_reply(get_runtime(current_app.extensions["hub.settings"]), queued_id)  # noqa: E731
    enqueue(reply_id)


@blueprint.route("/interactions/<int:interaction_id>/channel-reply", methods=["POST"])
@permission_required("message.reply")
def send_channel(interaction_id: int):  # type: ignore[no-untyped-def]
    """Queue a reply on the message's channel, commit, then hand it to the queue."""
    session = db()
    interaction = session.get(Interaction, interaction_id)
    if interaction is None:
        abort(404)
    body = request.form.get("body", "")
    route = reply_route(session, default_registry(), interaction)
    if route.composer != CHANNEL:
        return _channel_composer(interaction, route, body=body, error=None)
    try:
        reply_id = queue_channel_reply(session, default_registry(), interaction_id, body, g.user.id)
    except ChannelReplyRefused as refused:
        session.rollback()
        return _channel_composer(interaction, route, body=body, error=_("Reply not sent: %(reason)s", reason=str(refused)), status=422)
    session.commit()
    log.info("event=channel_reply_queued reply_id=%d interaction_id=%d user_id=%d kind=%s", reply_id, interaction_id, g.user.id, route.channel_kind)
    _enqueue_channel_reply(reply_id)
    _flash_channel_status(reply_id)
    return redirect(url_for("timeline.interaction", interaction_id=interaction_id))


@blueprint.route("/channel-replies/<int:reply_id>/retry", methods=["POST"])
@permission_required("message.reply")
def retry_channel(reply_id: int):  # type: ignore[no-untyped-def]
    """Send a failed channel reply again; anything not failed is left alone."""
    session = db()
    row = session.get(ChannelReply, reply_id)
    if row is None:
        abort(404)
    interaction_id = row.interaction_id
    if not retry_channel_reply(session, reply_id):
        session.rollback()
        flash(_("Only a failed reply can be retried."))
        return redirect(url_for("timeline.interaction", interaction_id=interaction_id))
    session.commit()
    log.info("event=channel_reply_retry reply_id=%d user_id=%d", reply_id, g.user.id)
    _enqueue_channel_reply(reply_id)
    _flash_channel_status(reply_id)
    return redirect(url_for("timeline.interaction", interaction_id=interaction_id))


def _flash_channel_status(reply_id: int) -> None:
    """Say what happened: in-process the reply is already sent (or failed), on RQ only queued."""
    session = db()
    session.expire_all()
    row = session.get(ChannelReply, reply_id)
    status = row.status if row is not None else ""
    messages = {"sent": _("Reply sent."), "failed": _("Reply could not be sent: see the error below, then retry.")}
    flash(messages.get(status, _("Reply queued for sending.")))
