"""Importing the authored demo mailbox (``hub demo``)."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker

from hub.channels import ensure_channel
from hub.db import unit_of_work
from hub.importing import ImportReport, import_path
from hub.mail_sources import SourceMail
from hub.parsing import parse_mail
from hub.rawstore import FileBlobStore


def import_demo_mailbox(
    factory: sessionmaker[Session], store: FileBlobStore, enqueue_ingest: Callable[[list[int]], None]
) -> ImportReport:
    """Import the demo mailbox; a second run adds nothing."""
    from hub.demo.mailbox import build_demo_mailbox

    demo = build_demo_mailbox()
    with unit_of_work(factory) as session:
        for address in sorted(_sent_from_addresses(demo)):
            ensure_channel(session, kind="demo", name=f"demo:{address}", address=address)
    mails = [SourceMail(mail.raw, f"demo:{mail.folder}:{number}", folder=mail.folder) for number, mail in enumerate(demo)]
    return import_path(factory, store, path=None, enqueue_ingest=enqueue_ingest, mails=mails)  # type: ignore[arg-type]


def _sent_from_addresses(demo) -> set[str]:  # type: ignore[no-untyped-def]
    """The company's own addresses: whoever sent the mails of the Sent folder."""
    addresses = set()
    for mail in demo:
        if mail.folder == "Sent":
            sender = parse_mail(mail.raw).sender
            if sender:
                addresses.add(sender.address)
    return addresses
