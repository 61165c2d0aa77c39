"""Drive the private Dovecot IMAP server of the test suite (``scripts/dovecot.sh``).

The server runs from ``<repo>/var/dovecot`` on ``127.0.0.1:$HUB_TEST_IMAP_PORT``
(default 10143). Any user name logs in with the shared password and gets its
own empty maildir on first login, so tests isolate themselves by asking
:meth:`Dovecot.new_user` for a unique account.

Line endings (checked against Dovecot 2.3.19, maildir):

* Dovecot returns every line ending as CRLF over IMAP (``BODY.PEEK[]``): a
  bare LF in an appended literal comes back as CRLF, a CRLF comes back as CRLF.
  (On disk the maildir file holds bare LF: ``mail_save_crlf = no``.)
  A bare CR is kept as it is.
* :meth:`ImapAccount.append` goes through ``imaplib``, which rewrites the
  message *before sending*: every CRLF, bare LF **and bare CR** becomes CRLF.
  So what comes back is exactly :func:`to_crlf` of what you appended.
* :meth:`ImapAccount.append_exact` sends the bytes untouched (own socket), for
  tests that need a bare CR or other oddities to reach the server.

Our ingest stores the bytes IMAP returns, so compare against ``to_crlf(raw)``
(or append CRLF messages in the first place, which come back byte-identical).
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Iterable, Sequence

from imapclient import IMAPClient

REPO_ROOT = Path(__file__).resolve().parents[2]
SCRIPT = REPO_ROOT / "scripts" / "dovecot.sh"
VAR_DIR = REPO_ROOT / "var" / "dovecot"

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 10143
DEFAULT_PASSWORD = "test"

_APPENDUID = re.compile(rb"APPENDUID (\d+) (\d+)")


_LINE_END = re.compile(rb"\r\n|\r(?!\n)|\n")  # imaplib's own rule


def to_crlf(raw: bytes) -> bytes:
    """What ``BODY.PEEK[]`` returns for ``raw`` appended with :meth:`ImapAccount.append`.

    CRLF, bare LF and bare CR all become CRLF (imaplib does this on APPEND).
    """
    return _LINE_END.sub(b"\r\n", raw)


def _quote(s: str) -> bytes:
    from imapclient.imap_utf7 import encode

    enc = encode(s)
    return b'"' + enc.replace(b"\\", b"\\\\").replace(b'"', b'\\"') + b'"'


class DovecotError(RuntimeError):
    """``scripts/dovecot.sh`` failed; the message carries its output."""


@dataclass(frozen=True)
class ImapAccount:
    """One mailbox user on the private Dovecot (plaintext login, no TLS)."""

    host: str
    port: int
    username: str
    password: str = DEFAULT_PASSWORD
    maildir: Path | None = field(default=None, compare=False)

    def client(self, timeout: float = 30.0) -> IMAPClient:
        """A new logged-in :class:`IMAPClient`; use it as a context manager."""
        client = IMAPClient(self.host, port=self.port, ssl=False, timeout=timeout)
        try:
            client.login(self.username, self.password)
        except Exception:
            client.shutdown()
            raise
        return client

    # -- writing -----------------------------------------------------------
    def append(
        self,
        folder: str,
        raw_bytes: bytes,
        flags: Sequence[bytes | str] = (),
        msg_time: datetime | None = None,
    ) -> int:
        """APPEND one message; returns its UID (Dovecot answers APPENDUID)."""
        with self.client() as c:
            return _append(c, folder, raw_bytes, flags, msg_time)

    def append_exact(self, folder: str, raw_bytes: bytes, flags: Sequence[str] = ()) -> int:
        """APPEND ``raw_bytes`` byte for byte (imaplib would rewrite line endings).

        Uses a plain socket: LOGIN, APPEND with a synchronising literal, LOGOUT.
        Returns the UID. Dovecot still returns bare LF as CRLF on FETCH.
        """
        sock = socket.create_connection((self.host, self.port), timeout=30)
        try:
            f = sock.makefile("rb")

            def expect(tag: bytes) -> bytes:
                while True:
                    line = f.readline()
                    if not line:
                        raise DovecotError("connection closed during raw APPEND")
                    if line.startswith(tag + b" "):
                        if not line.startswith(tag + b" OK"):
                            raise DovecotError(f"raw APPEND failed: {line!r}")
                        return line

            f.readline()  # greeting
            sock.sendall(
                b"a LOGIN " + _quote(self.username) + b" " + _quote(self.password) + b"\r\n"
            )
            expect(b"a")
            flag_part = b"(" + " ".join(flags).encode("ascii") + b") " if flags else b""
            sock.sendall(
                b"b APPEND " + _quote(folder) + b" " + flag_part
                + b"{%d}\r\n" % len(raw_bytes)
            )
            cont = f.readline()
            if not cont.startswith(b"+"):
                raise DovecotError(f"raw APPEND refused: {cont!r}")
            sock.sendall(raw_bytes + b"\r\n")
            line = expect(b"b")
            sock.sendall(b"c LOGOUT\r\n")
        finally:
            sock.close()
        m = _APPENDUID.search(line)
        if not m:
            raise AssertionError(f"raw APPEND gave no APPENDUID: {line!r}")
        return int(m.group(2))

    def append_many(
        self,
        folder: str,
        raws: Iterable[bytes],
        flags: Sequence[bytes | str] = (),
    ) -> list[int]:
        """APPEND many messages over one connection; returns their UIDs in order."""
        with self.client() as c:
            return [_append(c, folder, raw, flags, None) for raw in raws]

    def create_folder(self, name: str) -> None:
        """CREATE ``name`` unless it already exists."""
        with self.client() as c:
            if not c.folder_exists(name):
                c.create_folder(name)

    def delete_folder(self, name: str) -> None:
        with self.client() as c:
            if c.folder_exists(name):
                c.delete_folder(name)

    def recreate_folder_with(self, folder: str, raws: Iterable[bytes]) -> tuple[int, int]:
        """Give ``folder`` a new UIDVALIDITY and exactly the messages ``raws``.

        A normal folder is DELETEd, CREATEd again and refilled (Dovecot hands
        out a fresh UIDVALIDITY to every newly created mailbox). INBOX cannot
        be deleted: its messages are expunged and its UIDVALIDITY is bumped
        with ``doveadm mailbox update --uid-validity`` before refilling.
        Returns ``(old_uidvalidity, new_uidvalidity)``; raises if unchanged.
        """
        raws = list(raws)
        old = self.uidvalidity(folder)
        if folder.upper() == "INBOX":
            with self.client() as c:
                c.select_folder(folder)
                uids = c.search("ALL")
                if uids:
                    c.delete_messages(uids)
                    c.expunge()
                c.close_folder()
            new_value = max(old + 1, int(time.time()))
            _doveadm(
                "mailbox", "update", "-u", self.username,
                "--uid-validity", str(new_value), folder,
            )
        else:
            with self.client() as c:
                if c.folder_exists(folder):
                    c.delete_folder(folder)
                c.create_folder(folder)
        self.append_many(folder, raws)
        new = self.uidvalidity(folder)
        if new == old:
            raise AssertionError(f"UIDVALIDITY of {folder!r} did not change ({old})")
        return old, new

    # -- reading -----------------------------------------------------------
    def count(self, folder: str) -> int:
        """Number of messages in ``folder`` (STATUS MESSAGES)."""
        with self.client() as c:
            return int(c.folder_status(folder, [b"MESSAGES"])[b"MESSAGES"])

    def uidvalidity(self, folder: str) -> int:
        with self.client() as c:
            return int(c.folder_status(folder, [b"UIDVALIDITY"])[b"UIDVALIDITY"])

    def uids(self, folder: str) -> list[int]:
        with self.client() as c:
            c.select_folder(folder, readonly=True)
            return sorted(c.search("ALL"))

    def fetch_raw(self, folder: str, uids: Iterable[int] | None = None) -> dict[int, bytes]:
        """``{uid: bytes}`` as returned by ``BODY.PEEK[]`` (CRLF line endings)."""
        with self.client() as c:
            c.select_folder(folder, readonly=True)
            wanted = list(uids) if uids is not None else c.search("ALL")
            if not wanted:
                return {}
            data = c.fetch(wanted, [b"BODY.PEEK[]"])
            return {uid: item[b"BODY[]"] for uid, item in data.items()}

    def folders(self) -> list[str]:
        with self.client() as c:
            return [name for _flags, _delim, name in c.list_folders()]


def _append(
    c: IMAPClient,
    folder: str,
    raw: bytes,
    flags: Sequence[bytes | str],
    msg_time: datetime | None,
) -> int:
    resp = c.append(folder, raw, flags=tuple(flags), msg_time=msg_time)
    m = _APPENDUID.search(resp if isinstance(resp, bytes) else str(resp).encode())
    if not m:
        raise AssertionError(f"APPEND to {folder!r} gave no APPENDUID: {resp!r}")
    return int(m.group(2))


def _doveadm(*args: str) -> str:
    conf = VAR_DIR / "dovecot.conf"
    proc = subprocess.run(
        ["doveadm", "-c", str(conf), *args],
        capture_output=True, text=True, timeout=60,
    )
    if proc.returncode != 0:
        raise DovecotError(
            f"doveadm {' '.join(args)} failed ({proc.returncode}): "
            f"{proc.stderr.strip() or proc.stdout.strip()}"
        )
    return proc.stdout


@dataclass
class Dovecot:
    """The private Dovecot instance, controlled through ``scripts/dovecot.sh``."""

    host: str = DEFAULT_HOST
    port: int = field(
        default_factory=lambda: int(os.environ.get("HUB_TEST_IMAP_PORT", DEFAULT_PORT))
    )
    password: str = field(
        default_factory=lambda: os.environ.get("HUB_TEST_IMAP_PASSWORD", DEFAULT_PASSWORD)
    )
    script: Path = SCRIPT

    @property
    def var_dir(self) -> Path:
        return VAR_DIR

    @property
    def log_file(self) -> Path:
        return VAR_DIR / "log" / "dovecot.log"

    def _run(self, command: str, check: bool = True) -> subprocess.CompletedProcess:
        env = dict(os.environ)
        env["HUB_TEST_IMAP_PORT"] = str(self.port)
        env["HUB_TEST_IMAP_PASSWORD"] = self.password
        proc = subprocess.run(
            ["bash", str(self.script), command],
            capture_output=True, text=True, env=env, timeout=600,
        )
        if check and proc.returncode != 0:
            raise DovecotError(
                f"{self.script} {command} failed (exit {proc.returncode}):\n"
                f"{proc.stdout}{proc.stderr}"
            )
        return proc

    def start(self) -> None:
        """Start (idempotent; installs dovecot-imapd on first use)."""
        self._run("start")

    def stop(self) -> None:
        """Stop (idempotent). Takes about 2 s: Dovecot's master shuts down slowly."""
        self._run("stop")

    def restart(self) -> None:
        """Stop and start again; mail survives (maildir on disk)."""
        self._run("restart")

    def is_running(self) -> bool:
        """True if the private instance answers on its port."""
        return self._run("status", check=False).returncode == 0

    def master_pid(self) -> int | None:
        try:
            return int((VAR_DIR / "run" / "master.pid").read_text().strip())
        except (OSError, ValueError):
            return None

    def crash(self) -> None:
        """SIGKILL the master (fault injection); ``start()`` cleans up after it."""
        pid = self.master_pid()
        if pid is not None:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def new_user(self, prefix: str = "user") -> ImapAccount:
        """A fresh, empty account ``<prefix>-<8 hex>`` (INBOX made on first login)."""
        clean = re.sub(r"[^a-z0-9-]+", "-", prefix.lower()).strip("-")[:40] or "user"
        username = f"{clean}-{uuid.uuid4().hex[:8]}"
        return self.account(username)

    def account(self, username: str) -> ImapAccount:
        """The account ``username`` (created on first login if new)."""
        return ImapAccount(
            host=self.host,
            port=self.port,
            username=username,
            password=self.password,
            maildir=VAR_DIR / "mail" / username,
        )
