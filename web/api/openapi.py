"""The OpenAPI 3 document of ``/api/v1``, served at ``/api/v1/openapi.json``.

It is written by hand next to the code it describes, and
tests/web/test_api_schemathesis.py runs Schemathesis against the running app
with it: every response the API gives must match it, every request it
allows must be accepted, and every request it forbids must be refused.
The request-body limits below are imported by :mod:`web.api.validation`, so
the document and the checks cannot drift apart.
"""

from __future__ import annotations

import re
from typing import Any

from hub.api_queries import CURSOR_PATTERN
from hub.api_tokens import SCOPES

MAX_ID = 2**31 - 1
TEXT_MAX = 100_000
SUBJECT_MAX = 500
NAME_MAX = 300
EMAIL_MAX = 320
#: Patterns use only constructs that mean the same in ECMA-262 (what OpenAPI tools use) and Python:
#: explicit character classes, no \s or \d (whose Unicode sets differ); checked with :func:`matches`.
EMAIL_PATTERN = r"^[^@\x00-\x20\x7f]+@[^@\x00-\x20\x7f]+$"
PHONE_PATTERN = r"^\+[1-9][0-9]{6,14}$"
IDEMPOTENCY_KEY_PATTERN = r"^[!-~]{1,200}$"
PAGE_MAX = 200
PAGE_DEFAULT = 50
CHANNEL_MAX = 32

_ERROR_CODES = {
    "400": "The request is malformed (not JSON, a bad query parameter or header).",
    "401": "No token, or not a valid one.",
    "403": "The token lacks the scope this operation needs.",
    "404": "No such object.",
    "409": "The Idempotency-Key was used before with a different body.",
    "415": "The body is not application/json.",
    "422": "The JSON is well-formed but not a valid interaction.",
}


def matches(pattern: str, value: str) -> bool:
    """ECMA-262 semantics of an anchored pattern: ``$`` is the end of the text (in Python it also matches before a final newline)."""
    if pattern.startswith("^") and pattern.endswith("$"):
        return re.fullmatch(pattern[1:-1], value) is not None
    return re.search(pattern, value) is not None


def _errors(*codes: str) -> dict[str, Any]:
    return {code: {"description": _ERROR_CODES[code], "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}} for code in codes}


def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {**schema, "nullable": True}


INTERACTION_INPUT: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["contact", "text"],
    "properties": {
        "direction": {"type": "string", "enum": ["in", "out"], "default": "in", "description": "in: the customer wrote to us; out: we wrote to the customer."},
        "contact": {
            "type": "object",
            "additionalProperties": False,
            "description": "Who the customer is: matched to an existing contact by e-mail or phone, else a new contact.",
            "minProperties": 1,
            "anyOf": [{"required": ["email"]}, {"required": ["phone"]}],
            "properties": {
                "email": {"type": "string", "minLength": 3, "maxLength": EMAIL_MAX, "pattern": EMAIL_PATTERN},
                "phone": {"type": "string", "pattern": PHONE_PATTERN, "description": "E.164, e.g. +4930123456."},
                "name": {"type": "string", "maxLength": NAME_MAX},
            },
        },
        "subject": {"type": "string", "maxLength": SUBJECT_MAX},
        "text": {"type": "string", "minLength": 1, "maxLength": TEXT_MAX},
        "occurred_at": {"type": "string", "format": "date-time", "description": "When it happened (RFC 3339 with offset); default: now."},
    },
}

INTERACTION: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": [
        "id", "channel", "channel_message_id", "direction", "contact_id", "thread_id", "subject",
        "from_address", "from_name", "text", "occurred_at", "received_at", "raw_message_id", "tags",
    ],
    "properties": {
        "id": {"type": "integer"},
        "channel": {"type": "string"},
        "channel_message_id": {"type": "string"},
        "direction": {"type": "string", "enum": ["in", "out"]},
        "contact_id": _nullable({"type": "integer"}),
        "thread_id": _nullable({"type": "integer"}),
        "subject": {"type": "string"},
        "from_address": {"type": "string"},
        "from_name": {"type": "string"},
        "text": {"type": "string", "description": "What the sender wrote this time (quotes and signature split off for mail)."},
        "occurred_at": {"type": "string", "format": "date-time"},
        "received_at": {"type": "string", "format": "date-time"},
        "raw_message_id": _nullable({"type": "integer"}),
        "tags": {"type": "array", "items": {"type": "string"}},
    },
}

_PAGE_PARAMETERS = [
    {"name": "limit", "in": "query", "required": False, "schema": {"type": "integer", "minimum": 1, "maximum": PAGE_MAX, "default": PAGE_DEFAULT}},
    {
        "name": "cursor",
        "in": "query",
        "required": False,
        "description": "next_cursor of the previous page.",
        "schema": {"type": "string", "pattern": CURSOR_PATTERN, "maxLength": 41},
    },
]


def document() -> dict[str, Any]:
    """The OpenAPI document (a fresh dict each call)."""
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Kontakt Hub API",
            "version": "1.0.0",
            "description": (
                "Integrations create interactions and read contacts and timelines. Authenticate with "
                "`Authorization: Bearer <token>`; an admin creates tokens under Admin → Channels → REST API tokens "
                "or with `hub api-token create`. Scopes: " + ", ".join(SCOPES) + "."
            ),
        },
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearerAuth": []}],
        "paths": {
            "/interactions": {
                "post": {
                    "operationId": "createInteraction",
                    "summary": "Create an interaction (kept raw and run through the same pipeline as every channel).",
                    "parameters": [
                        {
                            "name": "Idempotency-Key",
                            "in": "header",
                            "required": False,
                            "description": "Retrying a POST with the same key returns the first result instead of creating a second interaction.",
                            "schema": {"type": "string", "pattern": IDEMPOTENCY_KEY_PATTERN},
                        }
                    ],
                    "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/InteractionInput"}}}},
                    "responses": {
                        "201": _result("Stored and ingested: the interaction is in the hub."),
                        "200": _result("A retry of an earlier request with the same Idempotency-Key: its result."),
                        "202": _result("Stored; ingest runs on a worker (status pending) or set it aside (status quarantined, with the reason)."),
                        **_errors("400", "401", "403", "409", "415", "422"),
                    },
                },
                "get": {
                    "operationId": "listInteractions",
                    "summary": "Interactions newest first, filtered, one page at a time.",
                    "parameters": [
                        {"name": "contact_id", "in": "query", "required": False, "schema": {"type": "integer", "minimum": 1, "maximum": MAX_ID}},
                        {"name": "channel", "in": "query", "required": False, "schema": {"type": "string", "minLength": 1, "maxLength": CHANNEL_MAX}},
                        {"name": "direction", "in": "query", "required": False, "schema": {"type": "string", "enum": ["in", "out"]}},
                        {"name": "since", "in": "query", "required": False, "schema": {"type": "string", "format": "date-time"}},
                        {"name": "until", "in": "query", "required": False, "schema": {"type": "string", "format": "date-time"}},
                        *_PAGE_PARAMETERS,
                    ],
                    "responses": {
                        "200": {"description": "One page.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/InteractionPage"}}}},
                        **_errors("400", "401", "403"),
                    },
                },
            },
            "/contacts/{contact_id}": {
                "get": {
                    "operationId": "getContact",
                    "summary": "A contact with its identities and one page of its timeline.",
                    "parameters": [
                        {"name": "contact_id", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1, "maximum": MAX_ID}},
                        *_PAGE_PARAMETERS,
                    ],
                    "responses": {
                        "200": {"description": "The contact.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Contact"}}}},
                        **_errors("400", "401", "403", "404"),
                    },
                }
            },
        },
        "components": {
            "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer", "description": "An API token (khub_...)."}},
            "schemas": {
                "InteractionInput": INTERACTION_INPUT,
                "Interaction": INTERACTION,
                "InteractionPage": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["items", "next_cursor"],
                    "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Interaction"}}, "next_cursor": _nullable({"type": "string"})},
                },
                "IngestResult": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["status", "raw_message_id", "interaction", "reason"],
                    "properties": {
                        "status": {"type": "string", "enum": ["ingested", "pending", "quarantined"]},
                        "raw_message_id": {"type": "integer"},
                        "interaction": {"allOf": [{"$ref": "#/components/schemas/Interaction"}], "nullable": True},
                        "reason": _nullable({"type": "string"}),
                    },
                },
                "Contact": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["id", "display_name", "created_at", "merged_into_id", "company", "identities", "timeline"],
                    "properties": {
                        "id": {"type": "integer"},
                        "display_name": {"type": "string"},
                        "created_at": {"type": "string", "format": "date-time"},
                        "merged_into_id": _nullable({"type": "integer"}),
                        "company": {
                            "type": "object",
                            "nullable": True,
                            "additionalProperties": False,
                            "required": ["id", "name"],
                            "properties": {"id": {"type": "integer"}, "name": {"type": "string"}},
                        },
                        "identities": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "additionalProperties": False,
                                "required": ["kind", "value"],
                                "properties": {"kind": {"type": "string"}, "value": {"type": "string"}},
                            },
                        },
                        "timeline": {"$ref": "#/components/schemas/InteractionPage"},
                    },
                },
                "Error": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["error"],
                    "properties": {
                        "error": {
                            "type": "object",
                            "additionalProperties": False,
                            "required": ["status", "message"],
                            "properties": {
                                "status": {"type": "integer"},
                                "message": {"type": "string"},
                                "fields": {"type": "object", "additionalProperties": {"type": "string"}},
                            },
                        }
                    },
                },
            },
        },
    }


def _result(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/IngestResult"}}}}
