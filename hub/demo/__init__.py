"""A deterministic, authored demo mailbox of a fictional German utility's customer service.

Used to try the hub end to end (import, matching, threading, tagging) without
real customer data: ``build_demo_mailbox()`` returns the mails, ``write_mbox()``
writes them as an mbox file, ``python -m hub.demo.mailbox OUTDIR`` writes
``INBOX.mbox`` and ``Sent.mbox``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hub.demo.mailbox import DemoMail, build_demo_mailbox, write_mbox

__all__ = ["DemoMail", "build_demo_mailbox", "write_mbox"]


def __getattr__(name: str) -> Any:
    # Imported lazily so that ``python -m hub.demo.mailbox`` does not load the
    # module twice (runpy warns when the package already imported it).
    if name in __all__:
        from hub.demo import mailbox

        return getattr(mailbox, name)
    raise AttributeError(name)
