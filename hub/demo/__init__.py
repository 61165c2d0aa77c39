"""A deterministic, authored demo mailbox of a fictional German utility's customer service.

Used to try the hub end to end (import, matching, threading, tagging) without
real customer data: ``build_demo_mailbox()`` returns the mails, ``write_mbox()``
writes them as an mbox file.
"""

from __future__ import annotations

from hub.demo.mailbox import DemoMail, build_demo_mailbox, write_mbox

__all__ = ["DemoMail", "build_demo_mailbox", "write_mbox"]
