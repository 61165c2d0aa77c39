"""Which composer answers a message: mail, the message's own channel, or none (and why).

Every reply action (the inbox's ``r``, the message page's Reply link) leads
to one URL; this decides what it offers, from the channel the message came
through and what that channel's connector can do. A customer is answered on
the channel they used: a Telegram message never gets the mail composer (its
"address" ``telegram:42`` is no mailbox). A channel that cannot carry
replies (a web form) is answered by e-mail when the customer gave an address
on it, and otherwise says why no reply is possible.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from connectors.registry import ConnectorRegistry, UnknownConnector
from hub.channel_replies import customer_identity
from hub.models import Channel, Interaction

#: The channel kind of mail (``interactions.channel``).
MAIL_KIND = "email"
#: Answer with the mail composer (``hub.outbound``).
MAIL = "mail"
#: Answer on the message's own channel (``hub.channel_replies``).
CHANNEL = "channel"
#: The channel has its own place to answer (the website chat's conversation page).
ELSEWHERE = "elsewhere"
#: No reply is possible from the hub; ``problem`` says why.
NONE = "none"

#: Channel kinds answered on a page of their own rather than in a composer.
ANSWERED_ELSEWHERE = frozenset({"chat"})
#: Channel kinds whose replies are billed per SMS: the composer counts segments.
SMS_KINDS = frozenset({"sms"})


@dataclass(frozen=True)
class ReplyRoute:
    """How a message is answered, and what the channel composer needs to show."""

    composer: str
    channel_kind: str
    channel_label: str = ""
    channel_name: str = ""
    #: The customer's identity on the channel, as ``kind:value``.
    recipient: str = ""
    #: Longest reply the channel takes (``None``: no known limit).
    max_chars: int | None = None
    counts_sms: bool = False
    problem: str = ""
    #: For a channel that cannot answer: the e-mail address the customer gave on it, if any.
    email_address: str | None = None


def reply_route(session: Session, registry: ConnectorRegistry, interaction: Interaction) -> ReplyRoute:
    """The composer for a reply to ``interaction``; pure apart from reading its channel row."""
    kind = interaction.channel or ""
    if kind == MAIL_KIND:
        return ReplyRoute(MAIL, kind)
    try:
        connector = registry.get(kind)
    except UnknownConnector:
        return ReplyRoute(NONE, kind, problem=f"no connector is installed for {kind or 'this'} channel", email_address=_email_of(interaction))
    if connector.kind == MAIL_KIND:  # an alias such as "imap"
        return ReplyRoute(MAIL, kind)
    channel = session.get(Channel, interaction.channel_id) if interaction.channel_id is not None else None
    label, name = connector.label, channel.name if channel is not None else ""
    if kind in ANSWERED_ELSEWHERE:
        return ReplyRoute(ELSEWHERE, kind, label, name)
    if not connector.can_send():
        # The reply goes by e-mail when the customer gave an address on the channel (hub.mail_answer picks the mailbox).
        email = _email_of(interaction)
        return ReplyRoute(MAIL if email else NONE, kind, label, name, problem=f"the {label} channel cannot carry replies", email_address=email)
    if channel is None:
        return ReplyRoute(NONE, kind, label, name, problem="the channel this message came through no longer exists")
    recipient = customer_identity(interaction)
    if recipient is None:
        return ReplyRoute(NONE, kind, label, name, problem="this message names no customer to answer")
    return ReplyRoute(
        CHANNEL, kind, label, name, recipient=f"{recipient.kind}:{recipient.value}",
        max_chars=connector.max_reply_chars, counts_sms=kind in SMS_KINDS,
    )


def _email_of(interaction: Interaction) -> str | None:
    """The first ``email:`` identity among the message's sender and participants (a web form's address field)."""
    tokens = [interaction.from_address or "", *(interaction.participants or "").split()]
    for token in tokens:
        kind, _, value = token.partition(":")
        if kind == "email" and "@" in value:
            return value
    return None
