"""``/api/v1``: the REST API for integrations (token auth, JSON in and out, OpenAPI-described).

Authentication is ``Authorization: Bearer <token>`` only; the session cookie
is ignored here. That is also why these routes are exempt from the CSRF
check: CSRF works by making a browser send its *cookies* along with a forged
request, but a browser never adds an Authorization header on its own, so a
forged cross-site request arrives without a token and gets 401.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import Blueprint, Response, current_app, g, jsonify, request
from werkzeug.exceptions import HTTPException

from hub import api_intake, api_queries, api_tokens, channel_health
from web.api import openapi, validation
from web.api.validation import ApiError
from web.security import csrf_exempt, db

log = logging.getLogger(__name__)

blueprint = Blueprint("api", __name__, url_prefix="/api/v1")


def token_required(scope: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """401 without a valid token, 403 when the token lacks ``scope``; the view then sees ``g.api_token``."""
    if scope not in api_tokens.SCOPES:
        raise ValueError(f"unknown API scope {scope!r}")

    def decorate(view: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            header = request.headers.get("Authorization", "")
            scheme, _, presented = header.partition(" ")
            identity = api_tokens.authenticate(db(), presented.strip()) if scheme.lower() == "bearer" else None
            if identity is None:
                db().rollback()
                raise ApiError(401, "send a valid API token as 'Authorization: Bearer <token>'")
            db().commit()  # last_used_at
            if not identity.allows(scope):
                raise ApiError(403, f"this token lacks the scope {scope}")
            g.api_token = identity
            return view(*args, **kwargs)

        wrapped.required_scope = scope  # type: ignore[attr-defined]
        return csrf_exempt(wrapped)

    return decorate


def _json(body: Any, status: int = 200) -> Response:
    response = jsonify(body)
    response.status_code = status
    response.headers["Cache-Control"] = "no-store"
    return response


@blueprint.errorhandler(ApiError)
def _api_error(error: ApiError) -> Response:
    response = _json(error.body(), error.status)
    if error.status == 401:
        response.headers["WWW-Authenticate"] = 'Bearer realm="kontakt-hub"'
    return response


def json_http_errors(error: HTTPException) -> Any:
    """Routing errors (404, 405) under /api/ as JSON like every other API error; HTML elsewhere."""
    if not request.path.startswith(blueprint.url_prefix or "/api/v1"):
        return error
    response = _json({"error": {"status": error.code, "message": error.description or error.name}}, error.code or 500)
    if error.code == 405 and hasattr(error, "valid_methods") and error.valid_methods:
        response.headers["Allow"] = ", ".join(error.valid_methods)
    return response


@blueprint.route("/openapi.json", methods=["GET"])
def openapi_document() -> Response:
    """The OpenAPI document (public: it describes the API, it holds no data)."""
    return _json(openapi.document())


@blueprint.route("/interactions", methods=["POST"])
@token_required("interactions:write")
def create_interaction() -> Response:
    """Store the interaction raw, ingest it, and answer with what became of it."""
    key = validation.idempotency_key(request.headers.get("Idempotency-Key"))
    if not request.mimetype == "application/json":
        raise ApiError(415, "send the interaction as application/json")
    body = request.get_json(silent=True)
    if body is None and request.get_data() != b"null":
        raise ApiError(400, "the body is not valid JSON")
    cleaned = validation.interaction_input(body)
    runtime = _runtime()
    session = db()
    try:
        submitted = api_intake.submit(session, runtime.blob_store, token_id=g.api_token.id, body=cleaned, idempotency_key=key)
    except api_intake.IdempotencyConflict as conflict:
        session.rollback()
        raise ApiError(409, str(conflict)) from None
    if not submitted.replayed:
        channel_health.record_success(session, api_intake.api_channel_id(session), messages=1)
    session.commit()
    if submitted.pending and not submitted.replayed:
        from workers.queue import make_queue

        make_queue(runtime).enqueue_ingest([submitted.raw_message_id])
    session.expire_all()
    outcome = api_intake.outcome_of(session, submitted.raw_message_id)
    log.info("event=api_interaction token_id=%d raw_message_id=%d status=%s replay=%s", g.api_token.id, outcome.raw_message_id, outcome.status, submitted.replayed)
    status = 200 if submitted.replayed else (201 if outcome.status == "ingested" else 202)
    interaction = api_queries.interaction_by_id(session, outcome.interaction_id) if outcome.interaction_id else None
    return _json({"status": outcome.status, "raw_message_id": outcome.raw_message_id, "interaction": interaction, "reason": outcome.reason}, status)


@blueprint.route("/interactions", methods=["GET"])
@token_required("interactions:read")
def list_interactions() -> Response:
    """Interactions newest first with filters and a cursor."""
    where, limit, cursor = validation.interaction_filter(request.args)
    items, next_cursor = api_queries.interaction_page(db(), where, limit=limit, cursor=cursor)
    return _json({"items": items, "next_cursor": next_cursor})


@blueprint.route("/contacts/<int(signed=True):contact_id>", methods=["GET"])
@token_required("contacts:read")
def get_contact(contact_id: int) -> Response:
    """A contact with identities and a page of its timeline."""
    limit, cursor = validation.contact_page(request.args)
    if not 1 <= contact_id <= openapi.MAX_ID:
        raise ApiError(404, f"no contact #{contact_id}")
    contact = api_queries.contact_dict(db(), contact_id, limit=limit, cursor=cursor)
    if contact is None:
        raise ApiError(404, f"no contact #{contact_id}")
    return _json(contact)


def _runtime():  # type: ignore[no-untyped-def]
    from workers.runtime import get_runtime

    return get_runtime(current_app.extensions["hub.settings"])


def init_app(app: Any) -> None:
    """Register the blueprint and JSON answers for routing errors under /api/v1."""
    app.register_blueprint(blueprint)
    app.register_error_handler(404, json_http_errors)
    app.register_error_handler(405, json_http_errors)
