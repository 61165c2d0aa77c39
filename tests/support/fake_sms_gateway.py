"""A local fake of a Twilio-compatible SMS provider: real HTTP on 127.0.0.1, never the real service.

It serves what the hub's SMS connector talks to: media files (``GET
/media/<name>``, behind basic auth like Twilio's), the account
(``GET /2010-04-01/Accounts/<sid>.json``) and sending
(``POST /2010-04-01/Accounts/<sid>/Messages.json``). Every request is
recorded. :meth:`FakeSmsGateway.sign` and :meth:`FakeSmsGateway.inbound`
build webhook requests the way the provider does, so tests post exactly
what Twilio would.
"""

from __future__ import annotations

import base64
import itertools
import json
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlencode

from connectors.sms import gateway_signature, twilio_signature

ACCOUNT_SID = "AC" + "1" * 32
AUTH_TOKEN = "fake-auth-token-1234"


@dataclass
class Request:
    """One request the fake received."""

    method: str
    path: str
    form: dict[str, str]
    authorization: str


@dataclass
class FakeSmsGateway:
    """The server's state; start with :meth:`start`, stop with :meth:`stop`."""

    account_sid: str = ACCOUNT_SID
    auth_token: str = AUTH_TOKEN
    media: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    requests: list[Request] = field(default_factory=list)
    #: Path prefix -> HTTP status to answer with once (failure injection).
    fail_next: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._sids = itertools.count(1)
        self._server: ThreadingHTTPServer | None = None

    def start(self) -> FakeSmsGateway:
        """Listen on a free loopback port in a daemon thread."""
        fake = self

        class Handler(_Handler):
            state = fake

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, name="fake-sms", daemon=True).start()
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

    # -- building what the provider sends ----------------------------------------------------

    def add_media(self, name: str, data: bytes, content_type: str) -> str:
        """Host a file; returns its URL (as a ``MediaUrl{i}`` value)."""
        self.media[name] = (content_type, data)
        return f"{self.url}/media/{name}"

    def inbound(self, sender: str, to: str, text: str, *, sid: str | None = None, media: list[tuple[str, str]] = ()) -> dict[str, str]:  # type: ignore[assignment]
        """The form parameters of one inbound SMS/MMS webhook, as Twilio names them."""
        sid = sid or f"SM{next(self._sids):032x}"
        params = {
            "ToCountry": "DE", "ToState": "", "SmsMessageSid": sid, "NumMedia": str(len(media)), "ToCity": "",
            "FromZip": "", "SmsSid": sid, "FromState": "", "SmsStatus": "received", "FromCity": "", "Body": text,
            "FromCountry": "DE", "To": to, "ToZip": "", "NumSegments": "1", "MessageSid": sid,
            "AccountSid": self.account_sid, "From": sender, "ApiVersion": "2010-04-01",
        }
        for index, (url, content_type) in enumerate(media):
            params[f"MediaUrl{index}"] = url
            params[f"MediaContentType{index}"] = content_type
        return params

    def sign(self, url: str, params: dict[str, str], token: str | None = None) -> dict[str, str]:
        """Headers of a webhook request to ``url``: form content type and ``X-Twilio-Signature``."""
        return {
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Twilio-Signature": twilio_signature(token or self.auth_token, url, sorted(params.items())),
        }

    @staticmethod
    def encode(params: dict[str, str]) -> bytes:
        """The body Twilio would post."""
        return urlencode(params).encode("ascii")

    @staticmethod
    def gateway_request(secret: str, message: dict[str, Any]) -> tuple[bytes, dict[str, str]]:
        """Body and headers of a generic gateway's signed JSON post."""
        body = json.dumps(message).encode("utf-8")
        return body, {"Content-Type": "application/json", "X-Signature": "sha256=" + gateway_signature(secret, body)}

    # -- what the hub sent -------------------------------------------------------------------

    def sent_messages(self) -> list[dict[str, str]]:
        """Form bodies of every accepted ``Messages.json`` POST."""
        with self._lock:
            return [r.form for r in self.requests if r.method == "POST" and r.path.endswith("/Messages.json")]

    def requests_to(self, prefix: str) -> list[Request]:
        with self._lock:
            return [r for r in self.requests if r.path.startswith(prefix)]

    # -- answering ---------------------------------------------------------------------------

    def _authorised(self, authorization: str) -> bool:
        expected = "Basic " + base64.b64encode(f"{self.account_sid}:{self.auth_token}".encode()).decode()
        return authorization == expected

    def handle(self, method: str, path: str, form: dict[str, str], authorization: str) -> tuple[int, str, bytes]:
        """Answer one request: (status, content type, body)."""
        with self._lock:
            self.requests.append(Request(method, path, form, authorization))
            status = next((self.fail_next.pop(p) for p in list(self.fail_next) if path.startswith(p)), None)
        if status is not None:
            return status, "application/json", json.dumps({"code": 20500, "message": "Injected failure", "status": status}).encode()
        if not self._authorised(authorization):
            return 401, "application/json", json.dumps({"code": 20003, "message": "Authenticate", "status": 401}).encode()
        account = f"/2010-04-01/Accounts/{self.account_sid}"
        if method == "GET" and path.startswith("/media/") and path[7:] in self.media:
            content_type, data = self.media[path[7:]]
            return 200, content_type, data
        if method == "GET" and path == f"{account}.json":
            return 200, "application/json", json.dumps({"sid": self.account_sid, "friendly_name": "Fake account", "status": "active"}).encode()
        if method == "POST" and path == f"{account}/Messages.json":
            if not form.get("To") or not form.get("From") or not form.get("Body"):
                return 400, "application/json", json.dumps({"code": 21604, "message": "A 'To' phone number is required.", "status": 400}).encode()
            sid = f"SM{0xFACE0000 + next(self._sids):032x}"
            answer = {"sid": sid, "status": "queued", "date_created": format_datetime(datetime.now(UTC)), "to": form["To"], "from": form["From"], "body": form["Body"], "account_sid": self.account_sid}
            return 201, "application/json", json.dumps(answer).encode()
        return 404, "application/json", json.dumps({"code": 20404, "message": "The requested resource was not found", "status": 404}).encode()


class _Handler(BaseHTTPRequestHandler):
    state: FakeSmsGateway

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 -- quiet test output
        pass

    def _answer(self, method: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        form = dict(parse_qsl(body.decode("utf-8"), keep_blank_values=True)) if body else {}
        status, content_type, payload = self.state.handle(method, self.path.split("?")[0], form, self.headers.get("Authorization", ""))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def do_GET(self) -> None:  # noqa: N802 -- http.server's naming
        self._answer("GET")

    def do_POST(self) -> None:  # noqa: N802
        self._answer("POST")
