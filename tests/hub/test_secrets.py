"""Channel secrets are sealed at rest with a key kept apart from the database."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from hub.secrets import SEALED_PREFIX, SecretBox, SecretsUnavailable, is_sealed, load_box, open_secrets, seal_secrets


def test_seal_and_open_round_trip_and_the_stored_form_hides_the_secret() -> None:
    box = SecretBox([Fernet.generate_key().decode()])
    sealed = box.seal("hunter2-imap-password")
    assert sealed.startswith(SEALED_PREFIX) and "hunter2" not in sealed
    assert box.open(sealed) == "hunter2-imap-password"
    assert box.seal("same") != box.seal("same")  # random IV: equal secrets are not recognisable in a dump


def test_key_file_is_created_once_private_and_reused(tmp_path: Path) -> None:
    key_file = tmp_path / "var" / "secrets.key"
    first = load_box("", key_file)
    mode = stat.S_IMODE(os.stat(key_file).st_mode)
    assert mode == 0o600
    sealed = first.seal("bot-token-123")
    assert load_box("", key_file).open(sealed) == "bot-token-123"  # a restart opens what was sealed before
    assert not list(key_file.parent.glob(".secrets.key.*"))  # no temporary file left behind


def test_configured_key_wins_and_rotation_keeps_old_secrets_readable(tmp_path: Path) -> None:
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    sealed_with_old = load_box(old, tmp_path / "unused").seal("s3cret")
    assert not (tmp_path / "unused").exists()
    rotated = load_box(f"{new}, {old}", tmp_path / "unused")
    assert rotated.open(sealed_with_old) == "s3cret"
    assert load_box(new, tmp_path / "unused").open(rotated.seal("x")) == "x"  # the first key encrypts


def test_wrong_key_is_a_clear_error_not_a_crash() -> None:
    sealed = SecretBox([Fernet.generate_key().decode()]).seal("s3cret")
    with pytest.raises(SecretsUnavailable, match="cannot be decrypted with the configured key"):
        SecretBox([Fernet.generate_key().decode()]).open(sealed)


def test_malformed_or_missing_key_says_what_to_do_without_echoing_it(tmp_path: Path) -> None:
    with pytest.raises(SecretsUnavailable, match="not a valid Fernet key") as caught:
        load_box("not-a-key-but-a-secret-phrase", tmp_path / "k")
    assert "secret-phrase" not in str(caught.value)
    (tmp_path / "empty.key").write_text("")
    with pytest.raises(SecretsUnavailable, match="is empty"):
        load_box("", tmp_path / "empty.key")


def test_mappings_keep_sealed_values_and_refuse_sealed_without_a_box() -> None:
    box = SecretBox([Fernet.generate_key().decode()])
    sealed = seal_secrets(box, {"token": "abc123", "password": "pw-9876"})
    assert all(is_sealed(value) for value in sealed.values())
    assert seal_secrets(box, sealed) == sealed  # sealing twice changes nothing
    assert open_secrets(box, sealed) == {"token": "abc123", "password": "pw-9876"}
    assert open_secrets(None, {"legacy": "plain"}) == {"legacy": "plain"}
    with pytest.raises(SecretsUnavailable):
        open_secrets(None, sealed)
