"""Who may do what: the role → permission matrix, kept as data.

The matrix is data (not ``if role == ...`` scattered over views) so that an
admin page, the tests and a reviewer can read the whole policy in one place,
and so a view asks for a *capability* ("message.reply") rather than a role:
adding a role later means editing this table, not every view.
"""

from __future__ import annotations

from hub.models.users import ROLES

#: Every permission the hub knows; a view asking for anything else is a bug (see :func:`has_permission`).
PERMISSIONS: frozenset[str] = frozenset(
    {
        "inbox.view",
        "inbox.triage",
        "message.view",
        "message.reply",
        "message.remote_images",
        "message.correct_tags",
        "contact.view",
        "contact.edit",
        "contact.merge",
        "complaint.manage",
        "deal.view",
        "admin.users",
        "admin.connectors",
        "audit.view",
    }
)

#: Agents work the inbox: read, triage (assign, status, snooze, notes, spam) and
#: answer messages, keep contact data right. Merging contacts is left to admins
#: because it is hard to undo. Showing remote images is an agent's call because
#: it tells the sender the mail was read. Correcting tags is theirs too: they
#: read the message, and their corrections train the next model.
_AGENT = frozenset(
    {
        "inbox.view",
        "inbox.triage",
        "message.view",
        "message.reply",
        "message.remote_images",
        "message.correct_tags",
        "contact.view",
        "contact.edit",
    }
)

#: Sales read everything customer-related and see deals, but do not answer
#: from the shared inbox nor change contact data (that is the agents' queue);
#: no remote images either, since loading them is a signal to the sender.
_SALES = frozenset({"inbox.view", "message.view", "contact.view", "deal.view"})

#: Complaint managers are agents who may also own and close complaints.
_COMPLAINT_MANAGER = _AGENT | {"complaint.manage"}

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    "agent": _AGENT,
    "sales": _SALES,
    "complaint_manager": _COMPLAINT_MANAGER,
    #: Admins can do everything, including users, connectors and reading the audit log.
    "admin": PERMISSIONS,
}

# Checked at import (not with assert, which ``python -O`` drops): a role without a row would have no rights.
if set(ROLE_PERMISSIONS) != set(ROLES):
    raise RuntimeError("every role needs a row in the permission matrix")
if not all(perms <= PERMISSIONS for perms in ROLE_PERMISSIONS.values()):
    raise RuntimeError("the permission matrix names an unknown permission")


def permissions_of(role: str) -> frozenset[str]:
    """The permissions of a role; an unknown role has none (fail closed)."""
    return ROLE_PERMISSIONS.get(role, frozenset())


def has_permission(role: str, permission: str) -> bool:
    """True if ``role`` grants ``permission``; raises on a misspelt permission so typos cannot silently deny or allow."""
    if permission not in PERMISSIONS:
        raise ValueError(f"unknown permission {permission!r}")
    return permission in permissions_of(role)
