"""Channel secrets encrypted at rest (Fernet), with the key kept apart from the database.

IMAP passwords, bot tokens and webhook secrets live in ``channels.config``;
a database dump or backup must not hand them out, so each secret value is
stored as ``"fernet:<token>"`` (AES-128-CBC + HMAC-SHA256 from
``cryptography``) and only opened when a connector is built.

Where the key comes from:

* ``HUB_SECRETS_KEY`` (one or more Fernet keys, comma-separated): servers set
  it from their secret store. The first key encrypts, every key decrypts, so
  a key can be rotated by putting the new one first (re-save the channels).
* Empty (the embedded default): a key is generated into ``var_dir/secrets.key``
  (mode 0600) on first use. A single-user install has nobody to set a key,
  yet the SQLite file is what people copy and mail around; a separate key
  file keeps a copied database from revealing the secrets.

A wrong or missing key is a value error on the channel that needs it
(:class:`SecretsUnavailable`, with a message saying what to do), never a crash
of the process: the admin page shows it and the channel's poller backs off.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

#: Prefix of an encrypted value in ``channels.config``; values without it are legacy plain text.
SEALED_PREFIX = "fernet:"


class SecretsUnavailable(RuntimeError):
    """Secrets cannot be opened (no key, malformed key, or a key that did not encrypt them)."""


class SecretBox:
    """Seals and opens secret strings with the configured key(s)."""

    def __init__(self, keys: list[str]) -> None:
        if not keys:
            raise SecretsUnavailable("no secrets key configured (set HUB_SECRETS_KEY)")
        try:
            self._fernet = MultiFernet([Fernet(key.encode("ascii")) for key in keys])
        except (ValueError, UnicodeEncodeError):
            # Do not echo the key: it is the secret.
            raise SecretsUnavailable(
                "HUB_SECRETS_KEY is not a valid Fernet key (32 url-safe base64-encoded bytes; "
                "make one with `python -c 'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'`)"
            ) from None

    def seal(self, plain: str) -> str:
        """The stored form of one secret."""
        return SEALED_PREFIX + self._fernet.encrypt(plain.encode("utf-8")).decode("ascii")

    def open(self, stored: str) -> str:
        """The plain secret; legacy unsealed values pass through unchanged."""
        if not is_sealed(stored):
            return stored
        try:
            return self._fernet.decrypt(stored.removeprefix(SEALED_PREFIX).encode("ascii")).decode("utf-8")
        except (InvalidToken, UnicodeError):
            raise SecretsUnavailable(
                "a channel secret cannot be decrypted with the configured key (was HUB_SECRETS_KEY or "
                "var_dir/secrets.key changed?): enter the secret again in Admin → Channels"
            ) from None


def is_sealed(value: object) -> bool:
    """Whether a stored value is an encrypted secret."""
    return isinstance(value, str) and value.startswith(SEALED_PREFIX)


def seal_secrets(box: SecretBox, secrets: Mapping[str, str]) -> dict[str, str]:
    """Every value sealed (already sealed values are kept as they are)."""
    return {name: value if is_sealed(value) else box.seal(value) for name, value in secrets.items()}


def open_secrets(box: SecretBox | None, stored: Mapping[str, str]) -> dict[str, str]:
    """Every value opened; raises :class:`SecretsUnavailable` when sealed values meet no box."""
    if box is None:
        if any(is_sealed(value) for value in stored.values()):
            raise SecretsUnavailable("channel secrets are encrypted but no secrets key was given")
        return dict(stored)
    return {name: box.open(value) for name, value in stored.items()}


def load_box(configured_keys: str, key_file: Path) -> SecretBox:
    """The box for the configured key(s), or for the key file (created on first use) when none is configured."""
    keys = [key.strip() for key in configured_keys.split(",") if key.strip()]
    if not keys:
        keys = [_key_from_file(key_file)]
    return SecretBox(keys)


def _key_from_file(path: Path) -> str:
    path = Path(path)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written beside it, then hard-linked into place: link fails if the name exists, so two
        # processes starting together cannot both install a key, nor read a half-written one.
        temporary = path.with_name(f".{path.name}.{os.getpid()}")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w") as handle:
            handle.write(Fernet.generate_key().decode("ascii"))
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass
        finally:
            temporary.unlink()
    try:
        key = path.read_text().strip()
    except OSError as error:
        raise SecretsUnavailable(f"cannot read the secrets key file {path}: {error.strerror}") from None
    if not key:
        raise SecretsUnavailable(f"the secrets key file {path} is empty: restore it from a backup or set HUB_SECRETS_KEY")
    return key


__all__ = ["SEALED_PREFIX", "SecretBox", "SecretsUnavailable", "is_sealed", "load_box", "open_secrets", "seal_secrets"]
