"""Request checks of ``/api/v1``, exactly the rules the OpenAPI document states.

Written out rather than run through a JSON-Schema engine so each rule gives a
readable message naming the field; the limits come from :mod:`web.api.openapi`,
and the Schemathesis test proves the two agree (whatever the document allows
is accepted, whatever it forbids is refused).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from werkzeug.datastructures import MultiDict

from hub.api_queries import CURSOR_PATTERN, InteractionFilter
from web.api import openapi


class ApiError(Exception):
    """An error answered as JSON: ``{"error": {"status", "message", "fields"}}``."""

    def __init__(self, status: int, message: str, fields: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.fields = fields or {}

    def body(self) -> dict[str, Any]:
        """The JSON body."""
        error: dict[str, Any] = {"status": self.status, "message": self.message}
        if self.fields:
            error["fields"] = self.fields
        return {"error": error}


_RFC3339 = re.compile(
    r"([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})"
)
_DATETIME_MIN = datetime.min.replace(tzinfo=UTC)
_DATETIME_MAX = datetime.max.replace(tzinfo=UTC)


def parse_datetime(text: str) -> datetime:
    """An RFC 3339 date-time (offset required), in UTC; raises ValueError with the reason."""
    match = _RFC3339.fullmatch(text)
    if not match:
        raise ValueError("must be an RFC 3339 date-time with offset, e.g. 2026-11-23T17:30:00Z")
    year, month, day, hour, minute, second = (int(part) for part in match.groups()[:6])
    fraction, offset = match.group(7), match.group(8)
    # RFC 3339 allows a leap second; Python's datetime does not: count it as :59.
    second = min(second, 59)
    micros = int((fraction[1:] + "000000")[:6]) if fraction else 0
    if offset in ("Z", "z"):
        zone = UTC
    else:
        sign = 1 if offset[0] == "+" else -1
        hours, minutes = int(offset[1:3]), int(offset[4:6])
        if hours > 23 or minutes > 59:
            raise ValueError("offset out of range")
        zone = timezone(sign * timedelta(hours=hours, minutes=minutes))
    value = datetime(year, month, day, hour, minute, second, micros, tzinfo=zone)
    try:
        return value.astimezone(UTC)
    except OverflowError:
        # 0001-01-01T00:00+05:00 is a valid date-time whose UTC falls before year 1.
        return _DATETIME_MIN if value.year == 1 else _DATETIME_MAX


def _string(body: dict[str, Any], name: str, errors: dict[str, str], *, path: str, min_length: int = 0, max_length: int | None = None, pattern: str | None = None) -> str | None:
    if name not in body:
        return None
    value = body[name]
    if not isinstance(value, str):
        errors[path] = "must be a string"
        return None
    if len(value) < min_length:
        errors[path] = "must not be empty" if min_length == 1 else f"must have at least {min_length} characters"
    elif max_length is not None and len(value) > max_length:
        errors[path] = f"must have at most {max_length} characters"
    elif pattern is not None and not openapi.matches(pattern, value):
        errors[path] = f"must match {pattern}"
    return value


def interaction_input(body: Any) -> dict[str, Any]:
    """A valid ``InteractionInput`` (with ``occurred_at`` normalised to UTC), or :class:`ApiError` 422 listing every problem."""
    if not isinstance(body, dict):
        raise ApiError(422, "the body must be a JSON object")
    schema = openapi.INTERACTION_INPUT["properties"]
    errors: dict[str, str] = {}
    for name in sorted(set(body) - set(schema)):
        errors[name] = "unknown field"
    if "direction" in body and body["direction"] not in ("in", "out"):
        errors["direction"] = 'must be "in" or "out"'
    contact = body.get("contact")
    if "contact" not in body:
        errors["contact"] = "required"
    elif not isinstance(contact, dict):
        errors["contact"] = "must be an object"
    else:
        for name in sorted(set(contact) - {"email", "phone", "name"}):
            errors[f"contact.{name}"] = "unknown field"
        _string(contact, "email", errors, path="contact.email", min_length=3, max_length=openapi.EMAIL_MAX, pattern=openapi.EMAIL_PATTERN)
        _string(contact, "phone", errors, path="contact.phone", pattern=openapi.PHONE_PATTERN)
        _string(contact, "name", errors, path="contact.name", max_length=openapi.NAME_MAX)
        if "email" not in contact and "phone" not in contact:
            errors["contact"] = "needs an email or a phone"
    _string(body, "subject", errors, path="subject", max_length=openapi.SUBJECT_MAX)
    if "text" not in body:
        errors["text"] = "required"
    else:
        _string(body, "text", errors, path="text", min_length=1, max_length=openapi.TEXT_MAX)
    cleaned = dict(body)
    occurred = _string(body, "occurred_at", errors, path="occurred_at")
    if occurred is not None and "occurred_at" not in errors:
        try:
            cleaned["occurred_at"] = parse_datetime(occurred).isoformat()
        except ValueError as error:
            errors["occurred_at"] = str(error)
    if errors:
        raise ApiError(422, "the interaction is not valid", errors)
    return cleaned


def idempotency_key(value: str | None) -> str | None:
    """The Idempotency-Key header, if sent; 400 when it is not 1-200 printable ASCII characters."""
    if value is None:
        return None
    if not openapi.matches(openapi.IDEMPOTENCY_KEY_PATTERN, value):
        raise ApiError(400, "Idempotency-Key must be 1 to 200 printable ASCII characters without spaces", {"Idempotency-Key": "invalid"})
    return value


def _int(args: MultiDict[str, str], name: str, errors: dict[str, str], *, minimum: int, maximum: int) -> int | None:
    text = args.get(name)
    if text is None:
        return None
    if not re.fullmatch(r"-?[0-9]{1,20}", text):
        errors[name] = "must be a whole number"
        return None
    value = int(text)
    if not minimum <= value <= maximum:
        errors[name] = f"must be between {minimum} and {maximum}"
        return None
    return value


def _unknown(args: MultiDict[str, str], known: set[str], errors: dict[str, str]) -> None:
    # Refused rather than ignored: a misspelt filter (``contactid=``) would otherwise return everything.
    for name in sorted(set(args) - known):
        errors[name] = "unknown query parameter"


def page_args(args: MultiDict[str, str], errors: dict[str, str]) -> tuple[int, str | None]:
    """``limit`` and ``cursor`` query parameters."""
    limit = _int(args, "limit", errors, minimum=1, maximum=openapi.PAGE_MAX) or openapi.PAGE_DEFAULT
    cursor = args.get("cursor")
    if cursor is not None and (len(cursor) > 41 or not openapi.matches(CURSOR_PATTERN, cursor)):
        errors["cursor"] = "must be the next_cursor of an earlier page"
        cursor = None
    return limit, cursor


def interaction_filter(args: MultiDict[str, str]) -> tuple[InteractionFilter, int, str | None]:
    """The filters and page of ``GET /interactions``; 400 listing every bad parameter."""
    errors: dict[str, str] = {}
    _unknown(args, {"contact_id", "channel", "direction", "since", "until", "limit", "cursor"}, errors)
    contact_id = _int(args, "contact_id", errors, minimum=1, maximum=openapi.MAX_ID)
    channel = args.get("channel")
    if channel is not None and not 1 <= len(channel) <= openapi.CHANNEL_MAX:
        errors["channel"] = f"must have 1 to {openapi.CHANNEL_MAX} characters"
    direction = args.get("direction")
    if direction is not None and direction not in ("in", "out"):
        errors["direction"] = 'must be "in" or "out"'
    times: dict[str, datetime | None] = {}
    for name in ("since", "until"):
        text = args.get(name)
        times[name] = None
        if text is not None:
            try:
                times[name] = parse_datetime(text)
            except ValueError as error:
                errors[name] = str(error)
    limit, cursor = page_args(args, errors)
    if errors:
        raise ApiError(400, "invalid query parameters", errors)
    return InteractionFilter(contact_id=contact_id, channel=channel, direction=direction, since=times["since"], until=times["until"]), limit, cursor


def contact_page(args: MultiDict[str, str]) -> tuple[int, str | None]:
    """The timeline page of ``GET /contacts/{id}``."""
    errors: dict[str, str] = {}
    _unknown(args, {"limit", "cursor"}, errors)
    limit, cursor = page_args(args, errors)
    if errors:
        raise ApiError(400, "invalid query parameters", errors)
    return limit, cursor
