"""pytest plugin: the private Dovecot IMAP server (``scripts/dovecot.sh``).

Enable with ``pytest_plugins = ["tests.support.pytest_dovecot"]`` in the root
conftest. Fixtures:

* ``dovecot`` (session): starts the instance once (idempotent, installs
  dovecot-imapd on first use) and returns a :class:`~tests.support.dovecot.Dovecot`.
  If it cannot start, every test using it *fails* (never skips).
* ``imap_account`` (function): a fresh, empty account named after the test,
  with ``INBOX`` and ``Sent``.
"""

from __future__ import annotations

import re

import pytest

from tests.support.dovecot import Dovecot, DovecotError, ImapAccount


@pytest.fixture(scope="session")
def dovecot() -> Dovecot:
    server = Dovecot()
    try:
        server.start()
    except (DovecotError, OSError) as exc:
        pytest.fail(
            f"the private Dovecot IMAP server could not start "
            f"(scripts/dovecot.sh start, port {server.port}):\n{exc}",
            pytrace=False,
        )
    return server


@pytest.fixture
def imap_account(dovecot: Dovecot, request: pytest.FixtureRequest) -> ImapAccount:
    prefix = re.sub(r"[^a-z0-9]+", "-", request.node.name.lower()).strip("-")[:24]
    if not dovecot.is_running():  # e.g. a previous test stopped it
        dovecot.start()
    account = dovecot.new_user(prefix or "t")
    account.create_folder("Sent")  # first login also creates INBOX
    return account
