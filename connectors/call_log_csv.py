"""Call lists exported from a phone system (CSV) -> one raw payload per call, and back to messages.

Phone systems export their call list as CSV in their own layout; a
:class:`CallLogMapping` says which column holds what and how values are
written. Two layouts are built in: ``fritzbox`` (the AVM FRITZ!Box "Anrufliste"
export: ``sep=;`` line, ``Typ;Datum;Name;Rufnummer;Nebenstelle;Eigene
Rufnummer;Dauer``, Latin-1 or UTF-8) and ``generic`` (``time, direction,
number, duration, agent, note``); others are a small JSON file.

Everything here is pure: :func:`parse_call_log` reads bytes into checked rows
(or a reason per bad row), :func:`row_envelope` makes the raw payload of one
row, :func:`normalise_call_row` reads it back for the pipeline. A row's
position is a hash of its original cells, so the same call exported twice is
the same raw source and re-importing a file adds nothing.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import phonenumbers

from connectors.base import Identity, InboundMessage, PayloadError

ROW_FORMAT = "kontakt-hub/call-log-row/1"
#: Fields a mapping can name; time, direction and number are required.
FIELDS = ("time", "direction", "number", "duration", "agent", "note", "name")
REQUIRED_FIELDS = ("time", "direction", "number")
#: Identity kind of our own line (the sender of outgoing calls).
LINE_KIND = "hub_phone_line"
#: A file with more rows than this is refused as a whole (split it): the preview must stay readable.
MAX_ROWS = 20_000
DIRECTIONS = ("in", "out", "missed")


class CallLogError(ValueError):
    """The file as a whole cannot be read with this mapping (missing column, not CSV)."""


@dataclass(frozen=True)
class CallLogMapping:
    """How one phone system writes its call list."""

    name: str
    #: Our field -> the CSV column header.
    columns: Mapping[str, str]
    #: Cell value (lower-case) -> ``in``, ``out`` or ``missed``.
    direction_values: Mapping[str, str]
    #: ``strptime`` formats tried in order; ISO 8601 is always tried last.
    time_formats: tuple[str, ...] = ()
    #: ``"h:mm"`` (FRITZ!Box), or ``"auto"``: plain seconds, ``mm:ss`` or ``h:mm:ss``.
    duration_format: str = "auto"

    @classmethod
    def from_json(cls, text: str) -> CallLogMapping:
        """A mapping from a JSON object (``name``, ``columns``, ``direction_values``, optional ``time_formats``, ``duration_format``)."""
        try:
            value = json.loads(text)
            mapping = cls(
                name=str(value.get("name") or "custom"),
                columns={str(k): str(v) for k, v in value["columns"].items()},
                direction_values={str(k).lower(): str(v) for k, v in value["direction_values"].items()},
                time_formats=tuple(str(f) for f in value.get("time_formats", ())),
                duration_format=str(value.get("duration_format") or "auto"),
            )
        except (ValueError, KeyError, AttributeError, TypeError) as error:
            raise CallLogError(f"mapping is not a JSON object with columns and direction_values: {error}") from None
        mapping.check()
        return mapping

    def check(self) -> None:
        """Raise :class:`CallLogError` unless the mapping names the required fields and valid directions."""
        missing = [name for name in REQUIRED_FIELDS if name not in self.columns]
        unknown = [name for name in self.columns if name not in FIELDS]
        bad = sorted({v for v in self.direction_values.values() if v not in DIRECTIONS})
        if missing or unknown or bad or self.duration_format not in ("auto", "h:mm"):
            raise CallLogError(
                "; ".join(
                    part
                    for part in (
                        f"mapping lacks {', '.join(missing)}" if missing else "",
                        f"mapping names unknown fields {', '.join(unknown)}" if unknown else "",
                        f"directions must be one of {', '.join(DIRECTIONS)}, not {', '.join(bad)}" if bad else "",
                        "" if self.duration_format in ("auto", "h:mm") else "duration_format is auto or h:mm",
                    )
                    if part
                )
            )


PRESETS: dict[str, CallLogMapping] = {
    # AVM FRITZ!Box, "Telefonie > Anrufe > Exportieren". Typ: 1 incoming, 2 missed,
    # 3 outgoing, 9 active incoming, 10 rejected, 11 active outgoing.
    "fritzbox": CallLogMapping(
        name="fritzbox",
        columns={"time": "Datum", "direction": "Typ", "number": "Rufnummer", "duration": "Dauer", "agent": "Nebenstelle", "name": "Name"},
        direction_values={"1": "in", "2": "missed", "3": "out", "9": "in", "10": "missed", "11": "out"},
        time_formats=("%d.%m.%y %H:%M", "%d.%m.%Y %H:%M"),
        duration_format="h:mm",
    ),
    "generic": CallLogMapping(
        name="generic",
        columns={"time": "time", "direction": "direction", "number": "number", "duration": "duration", "agent": "agent", "note": "note"},
        direction_values={
            "in": "in", "inbound": "in", "incoming": "in", "eingehend": "in",
            "out": "out", "outbound": "out", "outgoing": "out", "ausgehend": "out",
            "missed": "missed", "verpasst": "missed", "unanswered": "missed",
        },
        time_formats=("%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"),
    ),
}


def load_mapping(spec: str) -> CallLogMapping:
    """A preset name (``fritzbox``, ``generic``) or the path of a JSON mapping file."""
    if spec in PRESETS:
        return PRESETS[spec]
    path = Path(spec)
    if not path.is_file():
        raise CallLogError(f"no mapping {spec!r}: use {', '.join(sorted(PRESETS))} or the path of a JSON mapping file")
    return CallLogMapping.from_json(path.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class CallRecord:
    """One call, checked and normalised."""

    time: datetime
    direction: str
    number: str
    duration_seconds: int
    agent: str = ""
    note: str = ""
    name: str = ""

    def as_json(self) -> dict[str, Any]:
        """The call's values as the envelope keeps them."""
        return {
            "time": self.time.isoformat(), "direction": self.direction, "number": self.number,
            "duration_seconds": self.duration_seconds, "agent": self.agent, "note": self.note, "name": self.name,
        }


@dataclass(frozen=True)
class CallRow:
    """One data row: its line in the file, its original cells, and the call or why it is not one."""

    line: int
    cells: Mapping[str, str]
    row_sha256: str
    call: CallRecord | None = None
    error: str | None = None


@dataclass(frozen=True)
class ParsedCallLog:
    """A whole file read with one mapping."""

    mapping: CallLogMapping
    rows: tuple[CallRow, ...] = field(default_factory=tuple)

    @property
    def good(self) -> list[CallRow]:
        """Rows that became calls."""
        return [row for row in self.rows if row.call is not None]

    @property
    def bad(self) -> list[CallRow]:
        """Rows with a reason instead of a call."""
        return [row for row in self.rows if row.call is None]


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Windows-1252: what phone systems export in practice."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def parse_call_log(data: bytes, mapping: CallLogMapping, *, default_region: str, timezone: str) -> ParsedCallLog:
    """Every data row of the file, each a call or a reason; :class:`CallLogError` if the file cannot be read at all."""
    text = decode(data)
    lines = text.splitlines(keepends=True)
    first_line = 1
    delimiter = None
    if lines and lines[0].strip().lower().startswith("sep="):
        # Excel's delimiter hint, written by the FRITZ!Box export.
        delimiter = lines[0].strip()[4:5] or ";"
        lines, first_line = lines[1:], 2
    body = "".join(lines)
    if not body.strip():
        raise CallLogError("the file has no header row")
    if delimiter is None:
        try:
            delimiter = csv.Sniffer().sniff(body[:4096], delimiters=";,\t").delimiter
        except csv.Error:
            delimiter = ","
    reader = csv.reader(io.StringIO(body), delimiter=delimiter)
    header = [cell.strip() for cell in next(reader)]
    missing = [f"{name} (column {column!r})" for name, column in mapping.columns.items() if name in REQUIRED_FIELDS and column not in header]
    if missing:
        raise CallLogError(f"the header row lacks {', '.join(missing)}; found columns: {', '.join(header)}")
    zone = ZoneInfo(timezone)
    rows: list[CallRow] = []
    for offset, cells in enumerate(reader):
        if not any(cell.strip() for cell in cells):
            continue
        if len(rows) >= MAX_ROWS:
            raise CallLogError(f"more than {MAX_ROWS} calls in one file: split it")
        line = first_line + 1 + offset
        if len(cells) != len(header):
            values = dict(zip(header, cells))
            rows.append(CallRow(line, values, _row_hash(mapping, cells), error=f"{len(cells)} cells, the header has {len(header)}"))
            continue
        values = {name: cell.strip() for name, cell in zip(header, cells, strict=True)}
        try:
            call = _call(values, mapping, default_region, zone)
        except ValueError as error:
            rows.append(CallRow(line, values, _row_hash(mapping, cells), error=str(error)))
        else:
            rows.append(CallRow(line, values, _row_hash(mapping, cells), call=call))
    return ParsedCallLog(mapping, tuple(rows))


def _row_hash(mapping: CallLogMapping, cells: Sequence[str]) -> str:
    # The cells as written (trimmed), not the line: a re-export with other quoting is the same call.
    return hashlib.sha256(json.dumps([mapping.name, [cell.strip() for cell in cells]], ensure_ascii=False).encode()).hexdigest()


def _cell(values: Mapping[str, str], mapping: CallLogMapping, name: str) -> str:
    column = mapping.columns.get(name)
    return values.get(column, "").strip() if column else ""


def _call(values: Mapping[str, str], mapping: CallLogMapping, default_region: str, zone: ZoneInfo) -> CallRecord:
    raw_direction = _cell(values, mapping, "direction")
    direction = mapping.direction_values.get(raw_direction.lower())
    if direction is None:
        raise ValueError(f"direction {raw_direction!r} is not one of {', '.join(sorted(mapping.direction_values))}")
    raw_number = _cell(values, mapping, "number")
    if not raw_number:
        raise ValueError("no phone number (anonymous caller?)")
    return CallRecord(
        time=parse_time(_cell(values, mapping, "time"), mapping.time_formats, zone),
        direction=direction,
        number=to_e164(raw_number, default_region),
        duration_seconds=parse_call_duration(_cell(values, mapping, "duration"), mapping.duration_format),
        agent=_cell(values, mapping, "agent")[:200],
        note=_cell(values, mapping, "note")[:5000],
        name=_cell(values, mapping, "name")[:300],
    )


def parse_time(text: str, formats: Sequence[str], zone: ZoneInfo) -> datetime:
    """A call time; one without an offset is local time of ``zone``."""
    if not text:
        raise ValueError("no call time")
    for pattern in formats:
        try:
            parsed = datetime.strptime(text, pattern)
            break
        except ValueError:
            continue
    else:
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(f"time {text!r} matches none of {', '.join([*formats, 'ISO 8601'])}") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=zone)


def parse_call_duration(text: str, style: str) -> int:
    """Seconds from ``h:mm`` (FRITZ!Box) or, with ``auto``, from seconds, ``mm:ss`` or ``h:mm:ss``; empty is 0."""
    if not text:
        return 0
    parts = text.split(":")
    if not all(part.isdigit() for part in parts) or len(parts) > 3:
        raise ValueError(f"duration {text!r} is not a length of time")
    numbers = [int(part) for part in parts]
    if style == "h:mm":
        if len(numbers) != 2:
            raise ValueError(f"duration {text!r} is not h:mm")
        return numbers[0] * 3600 + numbers[1] * 60
    if len(numbers) == 1:
        return numbers[0]
    if len(numbers) == 2:
        return numbers[0] * 60 + numbers[1]
    return numbers[0] * 3600 + numbers[1] * 60 + numbers[2]


def to_e164(text: str, default_region: str) -> str:
    """A dialled or displayed number in E.164 (``+49301234567``); national numbers read in ``default_region``."""
    if any(mark in text for mark in "*#"):
        # **610 (a FRITZ!Box extension), *31# (a service code): internal, no contact's number.
        raise ValueError(f"{text!r} is an internal number or service code")
    try:
        parsed = phonenumbers.parse(text, default_region)
    except phonenumbers.NumberParseException:
        raise ValueError(f"{text!r} is not a phone number") from None
    if not phonenumbers.is_valid_number(parsed):
        raise ValueError(f"{text!r} is not a valid phone number")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def canonical_json(value: Any) -> bytes:
    """One byte string per value: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def row_envelope(row: CallRow, mapping: CallLogMapping) -> bytes:
    """The raw payload of one good row: its original cells, the mapping used, and the call read from them."""
    if row.call is None:
        raise PayloadError(f"line {row.line} is not a call: {row.error}")
    return canonical_json({"format": ROW_FORMAT, "row_sha256": row.row_sha256, "mapping": mapping.name, "cells": dict(row.cells), "call": row.call.as_json()})


def position_of(row_sha256: str) -> int:
    """The raw-source uid of a row (60 bits of its hash)."""
    return int(row_sha256[:15], 16)


def describe_call(direction: str, number: str, duration_seconds: int, agent: str, note: str) -> str:
    """The text of a call's timeline entry."""
    from connectors.manual import format_duration

    what = {"in": f"Incoming call from {number}", "out": f"Outgoing call to {number}", "missed": f"Missed call from {number}"}[direction]
    parts = [what]
    if duration_seconds:
        parts.append(format_duration(duration_seconds))
    if agent:
        parts.append(f"line/agent {agent}")
    text = ", ".join(parts) + "."
    return f"{text}\n\n{note}" if note else text


def normalise_call_row(raw: bytes) -> InboundMessage:
    """A call-log row envelope as a message: calls from a number are *from* that number's contact."""
    try:
        envelope = json.loads(raw)
        call = envelope["call"]
        direction, number = call["direction"], call["number"]
        when = datetime.fromisoformat(call["time"])
        duration = int(call.get("duration_seconds") or 0)
        row_sha256 = str(envelope["row_sha256"])
    except (ValueError, UnicodeDecodeError, KeyError, TypeError) as error:
        raise PayloadError(f"not a call-log row envelope: {error}") from None
    if envelope.get("format") != ROW_FORMAT or direction not in DIRECTIONS or not str(number).startswith("+"):
        raise PayloadError("not a call-log row envelope (format, direction or number)")
    from connectors.manual import format_duration

    if direction == "missed":
        subject = "Missed call"
    else:
        subject = f"Phone call ({'incoming' if direction == 'in' else 'outgoing'})" + (f" · {format_duration(duration)}" if duration else "")
    common = {
        "channel_message_id": f"call/{row_sha256}",
        "subject": subject,
        "text": describe_call(direction, number, duration, str(call.get("agent") or ""), str(call.get("note") or "")),
        "sent_at": when,
    }
    customer = Identity("phone", number)
    if direction == "out":
        return InboundMessage(sender=Identity(LINE_KIND, str(call.get("agent") or "office")), sender_name=str(call.get("agent") or ""),
                              direction="out", recipients=(customer,), **common)
    return InboundMessage(sender=customer, sender_name=str(call.get("name") or ""), direction="in", **common)


__all__: Sequence[str] = [
    "CallLogError",
    "CallLogMapping",
    "PRESETS",
    "ParsedCallLog",
    "load_mapping",
    "normalise_call_row",
    "parse_call_log",
    "row_envelope",
]
