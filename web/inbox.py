"""The inbox pages: one list for every channel, work-state actions, live updates.

Views adapt HTTP to ``hub.inbox`` (reading) and ``hub.inbox_work``
(changing); every change is a POST with the CSRF token that redirects back
to the list the agent came from, so the page works without JavaScript.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta

from flask import Blueprint, Response, abort, current_app, flash, g, redirect, render_template, request, url_for

from hub.clock import utcnow
from hub.events import bind_publisher
from hub.inbox import VIEWS, InboxFilter, assignable_users, inbox_facets, list_inbox, mailboxes
from hub.inbox_work import UnknownMessage, add_note, assign, mark_spam, set_status, snooze
from hub.models.inbox import STATUSES
from web import live
from web.permissions import permission_required
from web.security import db

blueprint = Blueprint("inbox", __name__)

#: An SSE response ends after this long; EventSource reconnects by itself.
SSE_MAX_SECONDS = 25.0
SSE_HEARTBEAT_SECONDS = 10.0
SNOOZE_PRESETS = {"1h": timedelta(hours=1), "4h": timedelta(hours=4), "1d": timedelta(days=1), "1w": timedelta(weeks=1)}


@blueprint.before_app_request
def _publish_after_commit() -> None:
    """Every request's session publishes what it announced (assign, notes, tag corrections) once committed.

    The publisher is resolved only when a commit has news, so requests that
    change nothing never build the runtime.
    """
    settings = current_app.extensions["hub.settings"]

    def publisher():  # type: ignore[no-untyped-def]
        from workers.runtime import get_runtime

        return get_runtime(settings).publisher

    bind_publisher(db(), publisher)


def _filters() -> InboxFilter:
    args = request.args
    view = args.get("view", "all")
    status = args.get("status", "open")
    return InboxFilter(
        view=view if view in VIEWS else "all",
        user_id=g.user.id,
        status=status if status in STATUSES else None,
        channel=args.get("channel") or None,
        mailbox_id=args.get("mailbox", type=int),
        intent=args.get("intent") or None,
        language=args.get("lang") or None,
        query=args.get("q", "")[:200],
    )


@blueprint.route("/inbox")
@permission_required("inbox.view")
def inbox():  # type: ignore[no-untyped-def]
    """The list; ``partial=1`` returns only the rows (live refresh from inbox.js)."""
    filters = _filters()
    page = list_inbox(db(), filters, after=request.args.get("after"))
    args = {k: v for k, v in request.args.items() if k not in ("after", "partial")}
    more_url = url_for("inbox.inbox", **args, after=page.next_cursor) if page.next_cursor else None
    if request.args.get("partial"):
        return render_template("_inbox_rows.html", page=page, users=assignable_users(db()), back=_back_url(), more_url=more_url)
    return render_template(
        "inbox.html",
        page=page,
        filters=filters,
        facets=inbox_facets(db()),
        mailboxes=mailboxes(db()),
        users=assignable_users(db()),
        statuses=STATUSES,
        views=VIEWS,
        back=_back_url(),
        more_url=more_url,
        args=args,
    )


def _back_url() -> str:
    args = {k: v for k, v in request.args.items() if k != "partial"}
    return url_for("inbox.inbox", **args)


def _redirect_back():  # type: ignore[no-untyped-def]
    target = request.form.get("next", "")
    # Only our own inbox: never an open redirect.
    if not target.startswith("/inbox") or target.startswith("//"):
        target = url_for("inbox.inbox")
    return redirect(target)


def _change(action, *args, refused: str = "Not changed", done: str | None = None, **kwargs):  # type: ignore[no-untyped-def]
    """Run one work-state service for the current user; refusals become a flash, unknown messages a 404."""
    session = db()
    try:
        action(session, *args, now=utcnow(), **kwargs)
    except UnknownMessage:
        session.rollback()
        abort(404)
    except ValueError as reason:
        session.rollback()
        flash(f"{refused}: {reason}")
        return _redirect_back()
    session.commit()
    if done:
        flash(done)
    return _redirect_back()


@blueprint.route("/inbox/<int:interaction_id>/assign", methods=["POST"])
@permission_required("inbox.triage")
def assign_message(interaction_id: int):  # type: ignore[no-untyped-def]
    """Assign to me (``assignee=me``), to a user id, or unassign (empty)."""
    wanted = request.form.get("assignee", "me")
    if wanted == "me":
        assignee: int | None = g.user.id
    elif wanted == "":
        assignee = None
    elif wanted.isdigit():
        assignee = int(wanted)
    else:
        abort(400)
    return _change(assign, interaction_id, assignee, by=g.user.id)


@blueprint.route("/inbox/<int:interaction_id>/status", methods=["POST"])
@permission_required("inbox.triage")
def status(interaction_id: int):  # type: ignore[no-untyped-def]
    """Open, pending or closed."""
    return _change(set_status, interaction_id, request.form.get("status", ""), by=g.user.id)


@blueprint.route("/inbox/<int:interaction_id>/snooze", methods=["POST"])
@permission_required("inbox.triage")
def snooze_message(interaction_id: int):  # type: ignore[no-untyped-def]
    """Snooze for a preset (``for``) or until a local date-time (``until``, UTC)."""
    until: datetime | None
    preset = request.form.get("for", "")
    if preset in SNOOZE_PRESETS:
        until = utcnow() + SNOOZE_PRESETS[preset]
    elif request.form.get("until"):
        try:
            until = datetime.fromisoformat(request.form["until"])
        except ValueError:
            abort(400)
    else:
        until = None
    return _change(snooze, interaction_id, until, by=g.user.id)


@blueprint.route("/inbox/<int:interaction_id>/spam", methods=["POST"])
@permission_required("inbox.triage")
def spam(interaction_id: int):  # type: ignore[no-untyped-def]
    """Mark as spam (``spam=0`` takes it back)."""
    return _change(mark_spam, interaction_id, request.form.get("spam", "1") != "0", by=g.user.id)


@blueprint.route("/inbox/<int:interaction_id>/note", methods=["POST"])
@permission_required("inbox.triage")
def note(interaction_id: int):  # type: ignore[no-untyped-def]
    """Add an internal note."""
    body = request.form.get("body", "")[:10_000]
    return _change(add_note, interaction_id, body, author_id=g.user.id, refused="Note not added", done="Note added.")


@blueprint.route("/inbox/events")
@permission_required("inbox.view")
def events():  # type: ignore[no-untyped-def]
    """Server-sent events: new interactions and other agents' changes, as they are committed (bounded, then reconnect)."""
    from workers.runtime import get_runtime

    settings = current_app.extensions["hub.settings"]
    subscription = live.subscribe(get_runtime(settings).publisher, settings.redis_url)
    max_seconds = float(current_app.config.get("INBOX_SSE_MAX_SECONDS", SSE_MAX_SECONDS))
    heartbeat = float(current_app.config.get("INBOX_SSE_HEARTBEAT_SECONDS", SSE_HEARTBEAT_SECONDS))
    body = live.stream(subscription, max_seconds=max_seconds, heartbeat_seconds=heartbeat, clock=time.monotonic)
    response = Response(body, mimetype="text/event-stream")
    response.headers["Cache-Control"] = "no-cache"
    response.headers["X-Accel-Buffering"] = "no"
    return response
