"""The ``hub`` command: import, run, work, inspect. Thin: each command calls a service."""

from __future__ import annotations

import gc
import json
import logging
import signal
import sys
import threading
from pathlib import Path

import click

from hub.db import unit_of_work
from workers.cli_nlp import nlp_group
from workers.runtime import get_runtime


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s level=%(levelname)s logger=%(name)s %(message)s",
        stream=sys.stderr,
    )


@click.group()
@click.option("-v", "--verbose", is_flag=True, help="Debug logging.")
def main(verbose: bool) -> None:
    """Kontakt Hub: every customer message in one place."""
    _setup_logging(verbose)


@main.command("import")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
def import_command(path: Path) -> None:
    """Import an .eml file, a folder of them, an mbox or a Maildir."""
    from tqdm import tqdm

    from hub.importing import import_path
    from hub.mail_sources import count_source
    from workers.queue import make_queue

    runtime = get_runtime()
    queue = make_queue(runtime)
    with tqdm(total=count_source(path), unit="mail", desc="import", file=sys.stderr) as bar:
        report = import_path(runtime.factory, runtime.blob_store, path, queue.enqueue_ingest, on_progress=bar.update)
    click.echo(
        f"read {report.read} mails: {report.new_raw_messages} new, {report.known_raw_messages} already stored, "
        f"{report.enqueued} sent to ingest"
    )


@main.command("import-calls")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--mapping", default="generic", show_default=True, help="fritzbox, generic, or the path of a JSON mapping file.")
@click.option("--dry-run", is_flag=True, help="Only show the preview: per-row errors and matched contacts.")
def import_calls_command(path: Path, mapping: str, dry_run: bool) -> None:
    """Import a phone system's call list (CSV); bad rows are listed and skipped, re-importing adds nothing."""
    from connectors.call_log_csv import CallLogError, load_mapping, parse_call_log
    from hub.call_import import import_calls, preview
    from workers.queue import make_queue

    runtime = get_runtime()
    try:
        parsed = parse_call_log(
            path.read_bytes(), load_mapping(mapping),
            default_region=runtime.settings.default_phone_region, timezone=runtime.settings.local_timezone,
        )
    except CallLogError as error:
        raise click.ClickException(str(error)) from None
    with unit_of_work(runtime.factory) as session:
        rows = preview(session, parsed)
    for item in rows:
        if item.row.error:
            click.echo(f"line {item.row.line}: {item.row.error}", err=True)
        elif dry_run:
            call = item.row.call
            who = f"contact {', '.join(f'#{c}' for c in item.contact_ids)}" if item.contact_ids else "new contact"
            state = " (already imported)" if item.already_imported else ""
            click.echo(f"line {item.row.line}: {call.time:%Y-%m-%d %H:%M} {call.direction:<6} {call.number} -> {who}{state}")  # type: ignore[union-attr]
    if dry_run:
        click.echo(f"{len(parsed.good)} call(s) readable, {len(parsed.bad)} bad row(s); nothing imported (--dry-run)")
        return
    report = import_calls(runtime.factory, runtime.blob_store, parsed, make_queue(runtime).enqueue_ingest, source_name=path.name)
    click.echo(f"{report.imported} call(s) imported, {report.already_imported} already imported, {len(report.bad_rows)} bad row(s) skipped")


@main.command()
@click.option("--json", "as_json", is_flag=True, help="One JSON object.")
def stats(as_json: bool) -> None:
    """Counts of raw messages, interactions, quarantine, contacts, threads."""
    from hub.stats import hub_stats

    with unit_of_work(get_runtime().factory) as session:
        counts = hub_stats(session)
    if as_json:
        click.echo(json.dumps(counts, sort_keys=True))
    else:
        for key, value in sorted(counts.items()):
            click.echo(f"{key:>20}  {value}")


@main.group()
def quarantine() -> None:
    """Messages a pipeline stage could not handle."""


@quarantine.command("list")
@click.option("--limit", default=100, show_default=True)
def quarantine_list(limit: int) -> None:
    """Show quarantined messages with stage and reason."""
    from hub.quarantine import list_quarantined

    with unit_of_work(get_runtime().factory) as session:
        entries = list_quarantined(session, limit)
    for entry in entries:
        click.echo(f"raw #{entry.raw_message_id}  {entry.sha256[:12]}  stage={entry.stage}  attempts={entry.attempts}  {entry.reason}")
    click.echo(f"{len(entries)} quarantined message(s) shown")


@quarantine.command("retry")
@click.argument("raw_ids", nargs=-1, type=int)
def quarantine_retry(raw_ids: tuple[int, ...]) -> None:
    """Send quarantined messages (all, or the given raw ids) through ingest again."""
    from hub.quarantine import release_for_retry
    from workers.queue import make_queue

    runtime = get_runtime()
    with unit_of_work(runtime.factory) as session:
        ids = release_for_retry(session, list(raw_ids) or None)
    make_queue(runtime).enqueue_ingest(ids)
    click.echo(f"{len(ids)} message(s) sent to ingest again")


@main.command()
@click.option("--all", "everything", is_flag=True, help="Every raw message.")
@click.argument("raw_ids", nargs=-1, type=int)
def reprocess(everything: bool, raw_ids: tuple[int, ...]) -> None:
    """Re-run every pipeline stage from the raw store."""
    from sqlalchemy import select

    from hub.models import RawMessage
    from workers.queue import make_queue

    runtime = get_runtime()
    ids = list(raw_ids)
    if everything:
        with unit_of_work(runtime.factory) as session:
            ids = list(session.scalars(select(RawMessage.id).order_by(RawMessage.id)))
    if not ids:
        raise click.UsageError("give raw message ids or --all")
    make_queue(runtime).enqueue_reprocess(ids)
    click.echo(f"{len(ids)} message(s) sent to reprocess")


@main.command()
@click.option("--burst", is_flag=True, help="Exit when the queue is empty.")
def worker(burst: bool) -> None:
    """Run an RQ worker for ingest and sync jobs (needs HUB_REDIS_URL)."""
    from rq import Queue, Worker

    runtime = get_runtime()
    if runtime.settings.jobs_in_process:
        raise click.UsageError("HUB_REDIS_URL is not set: jobs run in-process, no worker needed")
    runtime.pipeline.warm()  # build the pipeline and load its models before forking work-horses, so each job reuses them
    # Import the connectors (python-telegram-bot...) here too: a work-horse importing them itself pays ~0.6 s per job.
    from connectors.registry import default_registry

    default_registry().load()
    # Long-lived model objects need no garbage collection passes, and freezing
    # them keeps forked work-horses from copying their pages when the GC walks them.
    gc.freeze()
    redis = runtime.redis()
    Worker([Queue(runtime.settings.queue_name, connection=redis)], connection=redis).work(burst=burst, with_scheduler=True)


@main.command()
@click.option("--once", is_flag=True, help="Sync every mailbox once, sweep, and exit.")
def run(once: bool) -> None:
    """Run the connectors (IMAP IDLE per folder) and the pending-message sweeper."""
    from workers.admin_mailboxes import AdminMailboxes, admin_mailboxes, sync_admin_mailbox_once
    from workers.channels import ChannelPollers, poll_channels_once, secret_box
    from workers.mailboxes import configured_mailboxes, run_forever, sweep_once, sync_config_once
    from workers.queue import make_queue

    runtime = get_runtime()
    if once:
        for config in configured_mailboxes(runtime):
            click.echo(f"{config.name}: {sync_config_once(runtime, config)}")
        for channel_id, report in poll_channels_once(runtime).items():
            click.echo(f"channel #{channel_id}: {report}")
        for channel_id, mailbox in admin_mailboxes(runtime, secret_box(runtime)):  # mailboxes added in the admin UI
            click.echo(f"channel #{channel_id}: {sync_admin_mailbox_once(runtime, channel_id, mailbox)}")
        sweep_once(runtime, make_queue(runtime), grace_seconds=0)
        return
    stop = threading.Event()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: stop.set())
    ChannelPollers(runtime, stop).start()  # Telegram and other polling connectors, beside mail
    AdminMailboxes(runtime, stop).start()  # mailboxes added in the admin UI (HUB_MAILBOXES ones: run_forever)
    run_forever(runtime, stop)


@main.command()
@click.option("--host", default=None)
@click.option("--port", default=None, type=int)
def serve(host: str | None, port: int | None) -> None:
    """Serve the web app."""
    from web import create_app

    runtime = get_runtime()
    app = create_app(runtime.settings)
    app.run(host=host or runtime.settings.web_host, port=port or runtime.settings.web_port, threaded=True)


#: The demo hub's login; only ``hub demo`` creates it.
DEMO_LOGIN = "demo@kontakt-hub.local"
DEMO_PASSWORD = "demo-password"


@main.group()
def user() -> None:
    """Logins of agents, sales, complaint managers and admins."""


@user.command("add")
@click.argument("email")
@click.option("--role", type=click.Choice(["agent", "sales", "complaint_manager", "admin"]), default="agent", show_default=True)
@click.option("--name", default="")
@click.password_option()
def user_add(email: str, role: str, name: str, password: str) -> None:
    """Create a login (or reset its password and role)."""
    from hub.users import create_or_update_user

    with unit_of_work(get_runtime().factory) as session:
        user_id = create_or_update_user(session, email, password, role=role, display_name=name)
    click.echo(f"user #{user_id} {email} ({role})")


@main.command()
@click.option("--serve/--no-serve", "serve_after", default=True, help="Serve the web app afterwards.")
@click.option("--port", default=None, type=int)
def demo(serve_after: bool, port: int | None) -> None:
    """Import the demo mailbox (idempotent) and serve the web app."""
    from hub.demo_import import import_demo_mailbox
    from workers.queue import make_queue

    from hub.users import create_or_update_user

    runtime = get_runtime()
    report = import_demo_mailbox(runtime.factory, runtime.blob_store, make_queue(runtime).enqueue_ingest)
    click.echo(f"demo mailbox: {report.read} mails read, {report.new_raw_messages} new")
    with unit_of_work(runtime.factory) as session:
        create_or_update_user(session, DEMO_LOGIN, DEMO_PASSWORD, role="admin", display_name="Demo Agent")
    click.echo(f"log in as {DEMO_LOGIN} / {DEMO_PASSWORD}")
    if serve_after:
        from web import create_app

        port = port or runtime.settings.web_port
        click.echo(f"web inbox on http://{runtime.settings.web_host}:{port}/")
        create_app(runtime.settings).run(host=runtime.settings.web_host, port=port, threaded=True)


main.add_command(nlp_group, "nlp")


@main.group("api-token")
def api_token() -> None:
    """Tokens integrations use on the REST API (/api/v1)."""


@api_token.command("create")
@click.argument("name")
@click.option("--scope", "scopes", multiple=True, help="Repeat to narrow the token (default: every scope).")
def api_token_create(name: str, scopes: tuple[str, ...]) -> None:
    """Create a token and print it once (only its SHA-256 is stored)."""
    from hub.api_tokens import SCOPES, TokenRefused, create_token

    try:
        with unit_of_work(get_runtime().factory) as session:
            created = create_token(session, name, created_by=None, scopes=scopes or SCOPES, ip="cli")
    except TokenRefused as refused:
        raise click.UsageError(str(refused)) from None
    click.echo(f"token #{created.id} {created.name} ({' '.join(created.scopes)}); it is shown only now:", err=True)
    click.echo(created.plain)


if __name__ == "__main__":
    main()
