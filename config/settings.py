"""Typed settings read from ``HUB_*`` environment variables.

Everything else in the project receives a :class:`Settings` object (or plain
values taken from it); nothing else calls ``os.environ``.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Runtime configuration of one hub process."""

    model_config = SettingsConfigDict(env_prefix="HUB_", extra="ignore")

    #: Where the embedded default keeps its SQLite file, raw store and models.
    var_dir: Path = Path("var")
    #: SQLAlchemy URL; empty means the embedded SQLite file under ``var_dir``.
    database_url: str = ""
    #: How this process's PostgreSQL connections are labelled (pg_stat_activity).
    db_application_name: str = "kontakt-hub"
    #: Redis URL; empty means jobs run in-process (the embedded default).
    redis_url: str = ""
    #: Directory of the content-addressed raw store; empty means ``var_dir/raw``.
    raw_store_dir: Path | None = None
    #: Raw message ids handed to one ingest job (one RQ job costs ~6 ms to fork).
    ingest_batch_size: int = Field(default=500, ge=1)
    #: UIDs fetched per IMAP ``UID FETCH`` round trip.
    imap_fetch_batch: int = Field(default=500, ge=1)
    #: IDLE is renewed before RFC 2177's 29-minute server timeout.
    imap_idle_renew_seconds: int = Field(default=25 * 60, ge=10)
    #: Poll interval for servers without IDLE, and the IDLE wait slice.
    imap_poll_seconds: float = Field(default=30.0, gt=0)
    #: Region used to read phone numbers written without a country code.
    default_phone_region: str = "DE"
    #: Web server bind for ``hub demo`` / ``hub serve``.
    web_host: str = "127.0.0.1"
    web_port: int = 8000
    #: Flask session signing key; the embedded default generates one into var_dir.
    secret_key: str = ""
    #: RQ queue name used for ingest and poll jobs.
    queue_name: str = "hub"
    #: Mailboxes to sync, as JSON list of objects (see connectors.imap.MailboxConfig).
    mailboxes: str = ""
    #: SMTP server for replies sent from the inbox; empty disables sending (replies fail with a clear error).
    smtp_host: str = ""
    #: 587 = submission with STARTTLS; 465 = implicit TLS; 25 = plain relay.
    smtp_port: int = Field(default=587, ge=1, le=65535)
    smtp_username: str = ""
    #: A secret: never logged, hidden in ``repr``.
    smtp_password: SecretStr = SecretStr("")
    #: Upgrade the connection with STARTTLS before logging in (off only for a local relay or a test sink).
    smtp_starttls: bool = True
    #: Seconds to wait on the SMTP server per operation before the attempt counts as failed.
    smtp_timeout: float = Field(default=30.0, gt=0)
    #: Most bytes of files attached to one reply, all files together (mail servers commonly refuse 20-25 MB after base64).
    reply_attachments_max_bytes: int = Field(default=10_000_000, ge=0)
    #: A reply still ``queued`` this long after it was written has lost its send job: the sweeper enqueues it again.
    reply_sweep_grace_seconds: float = Field(default=120.0, gt=0)
    #: Send the session cookie only over HTTPS; off for the embedded default on http://127.0.0.1, on behind TLS.
    cookie_secure: bool = False
    #: Reverse proxies in front of the web app whose X-Forwarded-For/-Proto/-Host are trusted (0: none, direct clients).
    proxy_hops: int = Field(default=0, ge=0, le=5)
    #: The office's time zone (IANA name): hand-logged call times and call-log CSV times without an offset are read in it.
    local_timezone: str = "Europe/Berlin"
    #: Fernet key(s) encrypting channel secrets at rest, comma-separated: the first encrypts, all decrypt (rotation).
    #: Empty: the embedded default generates one into ``var_dir/secrets.key`` on first use. A secret: never logged.
    secrets_key: SecretStr = SecretStr("")
    #: Bearer token a Prometheus scraper sends to ``/metrics``; empty: only logged-in admins can read it.
    metrics_token: SecretStr = SecretStr("")

    def resolved_database_url(self) -> str:
        """The database URL, defaulting to a SQLite file inside ``var_dir``."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.var_dir / 'hub.sqlite3').resolve()}"

    def nlp_versions_dir(self) -> Path:
        """Where ``hub nlp retrain`` puts model versions; workers load the current one."""
        return self.var_dir / "nlp" / "versions"

    def nlp_feedback_file(self) -> Path:
        """Agents' corrections, the extra training data of the next retrain."""
        return self.var_dir / "nlp" / "feedback.jsonl"

    def secrets_key_file(self) -> Path:
        """Where the embedded default keeps its generated secrets key (used only when ``secrets_key`` is empty)."""
        return self.var_dir / "secrets.key"

    def resolved_raw_store_dir(self) -> Path:
        """The raw store directory, defaulting to ``var_dir/raw``."""
        return self.raw_store_dir or (self.var_dir / "raw")

    @property
    def jobs_in_process(self) -> bool:
        """True when no Redis is configured: jobs run synchronously in-process."""
        return not self.redis_url


def load_settings(**overrides: object) -> Settings:
    """Read settings from the environment, with explicit overrides on top."""
    return Settings(**overrides)  # type: ignore[arg-type]
