"""The HTML of a mail in a sandboxed frame, attachments as downloads, remote-image allowances.

The message page embeds ``/interactions/<id>/html`` in ``<iframe sandbox>``;
that response carries its own CSP (no scripts, no requests except images
from the app, a ``sandbox`` directive in case it is opened on its own), so
sanitised HTML is fenced twice. Attachments never render as documents: they
are downloads with a safe name, and only raster images keep an image type.
``cid:`` pictures are inlined as ``data:`` URLs, because the sandboxed frame
(an opaque origin) gets no session cookie to fetch them with.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, Response, abort, current_app, g, redirect, request, url_for
from sqlalchemy import select
from sqlalchemy.orm import Session

from hub import remote_content
from hub.html_safety import (
    SanitisedHtml,
    content_disposition,
    content_id_key,
    content_ids,
    inline_image_url,
    mail_html_document,
    sanitise_mail_html,
    served_content_type,
)
from hub.models import Attachment, Interaction, RawMessage
from hub.rawstore import FileBlobStore
from web.permissions import permission_required
from web.security import db

blueprint = Blueprint("message_view", __name__)

_REMOTE_IMAGE_SOURCES = " https: http:"


@dataclass(frozen=True)
class MessageHtmlState:
    """What the message page needs to know about the HTML version of a mail."""

    has_html: bool
    blocked_remote: int
    remote_allowed: bool


@blueprint.route("/interactions/<int:interaction_id>/html")
@permission_required("message.view")
def mail_html(interaction_id: int) -> Response:
    """The sanitised HTML body as a document for the sandboxed frame."""
    interaction = db().get(Interaction, interaction_id)
    if interaction is None or not interaction.html:
        abort(404)
    allowed = remote_content.is_allowed(db(), interaction.id, interaction.from_address)
    sanitised = _sanitised(interaction, allowed)
    response = Response(mail_html_document(sanitised.html), mimetype="text/html")
    response.headers["Content-Security-Policy"] = (
        f"default-src 'none'; img-src 'self' data:{_REMOTE_IMAGE_SOURCES if allowed else ''}; style-src 'unsafe-inline'; "
        "frame-ancestors 'self'; form-action 'none'; base-uri 'none'; sandbox allow-popups allow-popups-to-escape-sandbox"
    )
    response.headers["X-Frame-Options"] = "SAMEORIGIN"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-DNS-Prefetch-Control"] = "off"
    response.headers["Cache-Control"] = "no-store"
    return response


@blueprint.route("/attachments/<int:attachment_id>")
@permission_required("message.view")
def attachment(attachment_id: int) -> Response:
    """An attachment as a download; the sender's type and name are never trusted."""
    row = db().get(Attachment, attachment_id)
    if row is None:
        abort(404)
    try:
        data = _blob_store().get(row.sha256)
    except (KeyError, ValueError):
        abort(404)
    response = Response(data, mimetype=served_content_type(data))
    response.headers["Content-Disposition"] = content_disposition(row.filename)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response.headers["Cache-Control"] = "private, no-cache"
    return response


@blueprint.route("/interactions/<int:interaction_id>/remote-images", methods=["POST"])
@permission_required("message.remote_images")
def allow_remote_images(interaction_id: int):  # type: ignore[no-untyped-def]
    """Allow remote images for this message (``scope=message``) or its sender (``scope=sender``)."""
    scope = request.form.get("scope", "")
    if scope not in ("message", "sender"):
        abort(400, description="scope must be 'message' or 'sender'")
    if db().get(Interaction, interaction_id) is None:
        abort(404)
    if not remote_content.allow(db(), interaction_id, scope, g.user.id):
        abort(400, description="this message has no sender address to allow")
    db().commit()
    current_app.logger.info("remote_images_allowed interaction_id=%s scope=%s user_id=%s", interaction_id, scope, g.user.id)
    return redirect(url_for("timeline.interaction", interaction_id=interaction_id))


@blueprint.app_context_processor
def _template_helpers() -> dict[str, object]:
    return {"message_html_state": message_html_state}


def message_html_state(interaction: Interaction) -> MessageHtmlState:
    """For the message page: is there HTML, how many remote images are blocked, are they allowed."""
    if not interaction.html:
        return MessageHtmlState(False, 0, False)
    allowed = remote_content.is_allowed(db(), interaction.id, interaction.from_address)
    blocked = 0 if allowed else _sanitised(interaction, allowed).blocked_remote
    return MessageHtmlState(True, blocked, allowed)


def _sanitised(interaction: Interaction, allow_remote_images: bool) -> SanitisedHtml:
    html = interaction.html or ""
    cid_urls = _cid_urls(db(), interaction) if "cid:" in html.lower() else {}
    return sanitise_mail_html(html, allow_remote_images=allow_remote_images, cid_urls=cid_urls)


def _cid_urls(session: Session, interaction: Interaction) -> dict[str, str]:
    """``cid:`` references of this mail -> ``data:`` URLs of its own image attachments.

    Only attachments of this interaction are looked at (matched by the
    SHA-256 of the part), and only raster images are inlined.
    """
    if interaction.raw_message_id is None:
        return {}
    raw_row = session.get(RawMessage, interaction.raw_message_id)
    try:
        raw = _blob_store().get(raw_row.sha256) if raw_row is not None else b""
    except (KeyError, ValueError):
        return {}
    own = set(session.scalars(select(Attachment.sha256).where(Attachment.interaction_id == interaction.id)))
    urls: dict[str, str] = {}
    for cid, sha in content_ids(raw).items():
        if sha in own and _blob_store().exists(sha):
            url = inline_image_url(_blob_store().get(sha))
            if url is not None:
                urls[content_id_key(cid)] = url
    return urls


def _blob_store() -> FileBlobStore:
    """One store object per app, made on first use (``create_app`` stays untouched)."""
    store = current_app.extensions.get("hub.message_view.blob_store")
    if store is None:
        settings = current_app.extensions["hub.settings"]
        store = current_app.extensions["hub.message_view.blob_store"] = FileBlobStore(settings.resolved_raw_store_dir())
    return store
