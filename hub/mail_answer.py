"""Answering a non-mail message by e-mail: the customer's address, and the mailbox to write from.

A channel that cannot carry replies (a web form) often brings an e-mail
address: the form's sender is stored as the identity token
``email:anna@example.org``. The mail composer answers such a message by
e-mail: its addresses are the ``email:`` tokens (other tokens, such as
``phone:+49...``, are no mail address), and it never threads onto the
channel's message id, which no mail client has seen.

The mailbox is the one the channel's own settings name (a web form's
confirmation sender), else the hub's only mailbox; with several and none
named, the agent is told to name one on the channel, since guessing would
write from the wrong company address.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from hub.channel_config import to_channel_config
from hub.models import Channel, Interaction

#: ``interactions.channel`` of mail, and the older name it may carry (the e-mail connector's alias).
MAIL_CHANNELS = frozenset({"email", "imap"})


def is_mail(interaction: Interaction) -> bool:
    """Whether the message is mail (answered by mail's own rules: its mailbox, its Message-ID)."""
    return interaction.channel in MAIL_CHANNELS


class NoMailboxForChannel(LookupError):
    """No mailbox to answer this channel's message from; the message says what to do."""


def mail_address_of(token: str) -> str:
    """The mail address an address token stands for, or ``""`` (``email:a@b`` -> ``a@b``; ``telegram:42`` -> ``""``)."""
    kind, colon, value = token.partition(":")
    if colon and kind == "email" and "@" in value:
        return value
    return token if "@" in token and ":" not in token else ""


def mail_addresses(interaction: Interaction) -> tuple[str, tuple[str, ...]]:
    """The sender's and participants' mail addresses of a non-mail message (empty where a token is none)."""
    participants = tuple(a for a in (mail_address_of(t) for t in (interaction.participants or "").split()) if a)
    return mail_address_of(interaction.from_address or ""), participants


def mailbox_for_channel_message(session: Session, interaction: Interaction, mailboxes: Sequence[tuple[int, str]]) -> tuple[int, str]:
    """The mailbox to answer a non-mail message from: named in its channel's settings, else the only one."""
    usable = [(channel_id, address) for channel_id, address in mailboxes if address and "@" in address]
    channel = session.get(Channel, interaction.channel_id) if interaction.channel_id is not None else None
    named = _addresses_in_settings(channel)
    for channel_id, address in usable:
        if address.lower() in named:
            return channel_id, address
    if len(usable) == 1:
        return usable[0]
    if not usable:
        raise NoMailboxForChannel("the hub has no mailbox to send an e-mail from: add one first")
    raise NoMailboxForChannel(
        "the hub has several mailboxes and this message's channel names none of them: "
        "name the mailbox to answer from in the channel's settings"
    )


def _addresses_in_settings(channel: Channel | None) -> frozenset[str]:
    if channel is None:
        return frozenset()
    settings = to_channel_config(channel).settings
    return frozenset(value.strip().lower() for value in settings.values() if isinstance(value, str) and "@" in value)
