"""Sending finished mail through an SMTP server with smtplib.

One connection per message: replies are sent one at a time by a job, and a
fresh connection means a failed attempt leaves nothing half-open behind.
The caller owns retries and the record of what was sent.
"""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from config import Settings

#: The port of SMTP with implicit TLS (RFC 8314); every other port starts in plain text.
IMPLICIT_TLS_PORT = 465


class SmtpNotConfigured(RuntimeError):
    """Sending is disabled because no SMTP server is set."""


@dataclass(frozen=True)
class SmtplibSender:
    """An ``SmtpSender`` (see ``hub.outbound``) talking to one configured server."""

    host: str
    port: int = 587
    username: str = ""
    password: str = field(default="", repr=False)
    starttls: bool = True
    timeout: float = 30.0

    @classmethod
    def from_settings(cls, settings: Settings) -> SmtplibSender:
        """The sender the ``HUB_SMTP_*`` settings describe."""
        return cls(
            host=settings.smtp_host,
            port=settings.smtp_port,
            username=settings.smtp_username,
            password=settings.smtp_password.get_secret_value(),
            starttls=settings.smtp_starttls,
            timeout=settings.smtp_timeout,
        )

    def send(self, from_addr: str, to_addrs: Sequence[str], raw_bytes: bytes) -> Mapping[str, str]:
        """Send once; return the recipients the server refused while accepting others.

        Raises when the server is unreachable, rejects the sender or refuses
        every recipient: then nothing was delivered and a retry is safe.
        """
        if not self.host:
            raise SmtpNotConfigured("sending is disabled: no SMTP server is configured (set HUB_SMTP_HOST)")
        with self._connect() as connection:
            if self.username:
                connection.login(self.username, self.password)
            refused = connection.sendmail(from_addr, list(to_addrs), raw_bytes)
        return {address: f"{code} {answer.decode('utf-8', 'replace')}" for address, (code, answer) in refused.items()}

    def _connect(self) -> smtplib.SMTP:
        context = ssl.create_default_context()
        if self.port == IMPLICIT_TLS_PORT:
            return smtplib.SMTP_SSL(self.host, self.port, timeout=self.timeout, context=context)
        connection = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
        try:
            connection.ehlo()
            if self.starttls:
                connection.starttls(context=context)
                connection.ehlo()
        except BaseException:
            connection.close()
            raise
        return connection
