"""A local fake of the Telegram Bot API: real HTTP on 127.0.0.1, never the real service.

It speaks enough of the Bot API for the hub's connector through
python-telegram-bot (``base_url`` pointed here): ``getMe``, ``getUpdates``
(offset confirms, as on Telegram), ``getFile`` + file download,
``sendMessage``, ``setWebhook``/``deleteWebhook``. Every API call is
recorded, so tests can assert what the hub asked and how often.

Tests queue updates with the ``add_*`` helpers, which build update JSON the
way Telegram does (ids, dates, ``from``/``chat`` objects).
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

BOT_ID = 7000001
TOKEN = f"{BOT_ID}:test-token-AAAA"


@dataclass
class ApiCall:
    """One request the fake received."""

    method: str
    params: dict[str, Any]


@dataclass
class FakeTelegram:
    """The server's state; start with :meth:`start`, stop with :meth:`stop`."""

    token: str = TOKEN
    updates: list[dict[str, Any]] = field(default_factory=list)
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    calls: list[ApiCall] = field(default_factory=list)
    #: Method name -> HTTP status to answer with once (failure injection).
    fail_next: dict[str, int] = field(default_factory=dict)
    webhook_url: str = ""

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._update_ids = itertools.count(500000001)
        self._message_ids = itertools.count(1)
        self._sent_ids = itertools.count(900001)
        self._file_ids = itertools.count(1)
        self._server: ThreadingHTTPServer | None = None

    # -- lifecycle --------------------------------------------------------------------------

    def start(self) -> FakeTelegram:
        """Listen on a free loopback port in a daemon thread."""
        fake = self

        class Handler(_Handler):
            state = fake

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, name="fake-telegram", daemon=True).start()
        return self

    def stop(self) -> None:
        """Shut the server down."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    @property
    def url(self) -> str:
        """What the connector's ``api_url`` setting should be."""
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def calls_to(self, method: str) -> list[ApiCall]:
        """Recorded calls of one API method."""
        with self._lock:
            return [call for call in self.calls if call.method == method]

    # -- building updates ---------------------------------------------------------------------

    def user(self, user_id: int, first_name: str, last_name: str = "", username: str = "") -> dict[str, Any]:
        """A Telegram ``User`` object."""
        user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
        if last_name:
            user["last_name"] = last_name
        if username:
            user["username"] = username
        return user

    def _message(self, user: dict[str, Any], chat_id: int | None, reply_to: dict[str, Any] | None, **fields: Any) -> dict[str, Any]:
        chat = {"id": chat_id or user["id"], "type": "private", "first_name": user["first_name"]}
        message = {"message_id": next(self._message_ids), "date": int(time.time()), "chat": chat, "from": user, **fields}
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        return message

    def _queue(self, kind: str, message: dict[str, Any]) -> dict[str, Any]:
        update = {"update_id": next(self._update_ids), kind: message}
        with self._lock:
            self.updates.append(update)
        return update

    def new_update(self, kind: str, message: dict[str, Any]) -> dict[str, Any]:
        """An update around ``message`` *not* queued (for webhook tests)."""
        return {"update_id": next(self._update_ids), kind: message}

    def text_message(self, user: dict[str, Any], text: str, *, chat_id: int | None = None, reply_to: dict[str, Any] | None = None) -> dict[str, Any]:
        """A text ``Message`` (not queued)."""
        return self._message(user, chat_id, reply_to, text=text)

    def add_text(self, user: dict[str, Any], text: str, *, chat_id: int | None = None, reply_to: dict[str, Any] | None = None) -> dict[str, Any]:
        """Queue a text message; returns the update."""
        return self._queue("message", self.text_message(user, text, chat_id=chat_id, reply_to=reply_to))

    def add_file(self, data: bytes, path: str) -> dict[str, Any]:
        """Host a file; returns the id fields a message names it by."""
        number = next(self._file_ids)
        file_id, unique = f"FILE-{number}-id", f"U{number}"
        self.files[file_id] = (path, data)
        return {"file_id": file_id, "file_unique_id": unique, "file_size": len(data)}

    def add_photo(self, user: dict[str, Any], data: bytes, caption: str = "") -> dict[str, Any]:
        """Queue a photo message: a small thumbnail and the full size, as Telegram sends."""
        thumb = {**self.add_file(data[:10], "photos/thumb.jpg"), "width": 90, "height": 90}
        full = {**self.add_file(data, "photos/full.jpg"), "width": 1280, "height": 960}
        fields: dict[str, Any] = {"photo": [thumb, full]}
        if caption:
            fields["caption"] = caption
        return self._queue("message", self._message(user, None, None, **fields))

    def add_document(self, user: dict[str, Any], data: bytes, file_name: str, mime_type: str, caption: str = "") -> dict[str, Any]:
        """Queue a document message."""
        document = {**self.add_file(data, f"documents/{file_name}"), "file_name": file_name, "mime_type": mime_type}
        fields: dict[str, Any] = {"document": document}
        if caption:
            fields["caption"] = caption
        return self._queue("message", self._message(user, None, None, **fields))

    def add_edit(self, original: dict[str, Any], new_text: str) -> dict[str, Any]:
        """Queue an ``edited_message`` update for a message queued before."""
        message = dict(original.get("message") or original["edited_message"])
        message["text"] = new_text
        message["edit_date"] = message["date"] + 60
        return self._queue("edited_message", message)

    # -- the API ----------------------------------------------------------------------------

    def handle(self, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """Answer one API call: (HTTP status, JSON body)."""
        with self._lock:
            self.calls.append(ApiCall(method, params))
            status = self.fail_next.pop(method, None)
        if status is not None:
            return status, {"ok": False, "error_code": status, "description": f"Injected failure of {method}"}
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            return 404, {"ok": False, "error_code": 404, "description": "Not Found: method not found"}
        return 200, {"ok": True, "result": handler(params)}

    def _api_getMe(self, params: dict[str, Any]) -> dict[str, Any]:
        return {"id": BOT_ID, "is_bot": True, "first_name": "Hub", "username": "kontakt_hub_bot"}

    def _api_getUpdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        offset = int(params.get("offset") or 0)
        with self._lock:
            if offset:
                # As on Telegram: an offset confirms (forgets) every earlier update.
                self.updates = [u for u in self.updates if u["update_id"] >= offset]
            return list(self.updates)

    def _api_getFile(self, params: dict[str, Any]) -> dict[str, Any]:
        file_id = str(params["file_id"])
        path, data = self.files[file_id]
        return {"file_id": file_id, "file_unique_id": file_id.split("-")[1], "file_size": len(data), "file_path": f"{path}?id={file_id}"}

    def _api_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        return {
            "message_id": next(self._sent_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private"},
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "Hub", "username": "kontakt_hub_bot"},
            "text": params.get("text", ""),
        }

    def _api_setWebhook(self, params: dict[str, Any]) -> bool:
        self.webhook_url = str(params.get("url", ""))
        return True

    def _api_deleteWebhook(self, params: dict[str, Any]) -> bool:
        self.webhook_url = ""
        return True


class _Handler(BaseHTTPRequestHandler):
    state: FakeTelegram

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 -- quiet test output
        pass

    def do_GET(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def _dispatch(self) -> None:
        parts = urlsplit(self.path)
        path = unquote(parts.path)
        if path.startswith(f"/file/bot{self.state.token}/"):
            file_id = parse_qs(parts.query).get("id", [""])[0]
            found = self.state.files.get(file_id)
            with self.state._lock:
                self.state.calls.append(ApiCall("download", {"file_id": file_id}))
            if found is None:
                self._send(404, b"not found", "text/plain")
            else:
                self._send(200, found[1], "application/octet-stream")
            return
        prefix = f"/bot{self.state.token}/"
        if not path.startswith(prefix):
            self._json(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
            return
        status, body = self.state.handle(path[len(prefix):], self._params(parts.query))
        self._json(status, body)

    def _params(self, query: str) -> dict[str, Any]:
        params: dict[str, Any] = {key: values[0] for key, values in parse_qs(query).items()}
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        content_type = self.headers.get("Content-Type", "")
        if body and "json" in content_type:
            params.update(json.loads(body))
        elif body and "x-www-form-urlencoded" in content_type:
            params.update({key: values[0] for key, values in parse_qs(body.decode()).items()})
        elif body and "multipart/form-data" in content_type:
            params.update(_multipart(body, content_type))
        # Like the Bot API, nested values may come JSON-encoded in a form field.
        for key, value in list(params.items()):
            if isinstance(value, str) and value[:1] in "[{":
                try:
                    params[key] = json.loads(value)
                except ValueError:
                    pass
        return params

    def _json(self, status: int, body: dict[str, Any]) -> None:
        self._send(status, json.dumps(body).encode(), "application/json")

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _multipart(body: bytes, content_type: str) -> dict[str, Any]:
    from email.parser import BytesParser
    from email.policy import HTTP

    message = BytesParser(policy=HTTP).parsebytes(f"Content-Type: {content_type}\r\n\r\n".encode() + body)
    found: dict[str, Any] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if name:
            found[str(name)] = part.get_content() if part.get_content_maintype() == "text" else part.get_payload(decode=True)
    return found
