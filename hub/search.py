"""Search over subject, body and contact name, on whichever database runs the hub.

PostgreSQL stems German and English with its text-search configurations and
finds contact names through a pg_trgm index; SQLite uses FTS5 with the porter
stemmer for English and prefix queries on a lightly stemmed term for German
(``Rechnungen`` -> ``rechnung*``). Both return a filter on interactions, so
the inbox combines search with its other filters in one query.
"""

from __future__ import annotations

import re

from sqlalchemy import ARRAY, ColumnElement, Integer, any_, bindparam, func, literal_column, or_, select, text
from sqlalchemy.orm import Session

from hub.models import Contact, Interaction
from hub.search_schema import POSTGRES_SEARCH_COLUMN, SQLITE_FTS_TABLE

_WORD = re.compile(r"\w+", re.UNICODE)
#: German plural and case endings, longest first; English is left to porter.
_GERMAN_ENDINGS = ("ungen", "en", "er", "es", "e", "n", "s")
_MIN_STEM = 4
#: Matching contacts passed to the inbox query as a list of ids; more than this (a name fragment
#: found in thousands of names) stay a subquery, so a vague query does not ship them back and forth.
MAX_LISTED_CONTACTS = 2000


def search_terms(query: str) -> list[str]:
    """The words of a query, lower-case, at most ten (a search box, not a document)."""
    return [word.lower() for word in _WORD.findall(query)][:10]


def german_stem(word: str) -> str:
    """A light German stem: enough for plural and case endings to meet in a prefix query."""
    for ending in _GERMAN_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            return word[: -len(ending)] + ("ung" if ending == "ungen" else "")
    return word


def matching_interactions(session: Session, query: str) -> ColumnElement[bool] | None:
    """A WHERE clause on ``Interaction`` for the query, or None for an empty query.

    On PostgreSQL the contacts whose name matches are looked up here, once, rather than in the
    clause (see below).
    """
    terms = search_terms(query)
    if not terms:
        return None
    if session.get_bind().dialect.name == "postgresql":
        # The matching contacts are looked up first (pg_trgm index) and passed as an array: the
        # planner then knows how many there are, can OR two bitmap index scans (full text and
        # contact) or check both while walking the inbox, and the lookup itself keeps its index
        # even where the inbox query runs without bitmap scans (hub.page_queries.index_walk).
        # "IN (subquery)" forced a walk over every message (benchmarks/web.py: 7 s -> 32 ms).
        contact_ids = list(session.scalars(_postgres_names(query).limit(MAX_LISTED_CONTACTS + 1)))
        if not contact_ids:
            return _postgres_text(terms)
        if len(contact_ids) > MAX_LISTED_CONTACTS:  # a fragment like "an": let the server build the list
            names = func.array(_postgres_names(query).scalar_subquery())
        else:
            names = bindparam("search_contact_ids", contact_ids, type_=ARRAY(Integer))
        return or_(_postgres_text(terms), Interaction.contact_id == any_(names))
    return or_(_sqlite_text(terms), Interaction.contact_id.in_(_sqlite_names(terms)))


def _postgres_text(terms: list[str]) -> ColumnElement[bool]:
    # The stored column (migration 0013), not the expression: checking a row costs no stemming, so
    # the planner may walk the inbox newest first and stop after a page when a word is common.
    words = " ".join(terms)
    return text(
        f"interactions.{POSTGRES_SEARCH_COLUMN} @@ (plainto_tsquery('german', :search_words) || plainto_tsquery('english', :search_words))"
    ).bindparams(bindparam("search_words", words))


def _postgres_names(query: str):  # type: ignore[no-untyped-def]
    # ILIKE '%...%' is served by the pg_trgm GIN index on display_name.
    pattern = "%" + _escape_like(query.strip()) + "%"
    return select(Contact.id).where(Contact.display_name.ilike(pattern, escape="\\"))


def _sqlite_text(terms: list[str]) -> ColumnElement[bool]:
    # Each word: itself (porter-stemmed by the tokenizer) or its German stem as a prefix.
    match = " AND ".join(f'("{term}" OR "{german_stem(term)}"*)' for term in terms)
    rowids = select(literal_column("rowid")).select_from(text(SQLITE_FTS_TABLE)).where(
        text(f"{SQLITE_FTS_TABLE} MATCH :fts_query").bindparams(bindparam("fts_query", match))
    )
    return Interaction.id.in_(rowids)


def _sqlite_names(terms: list[str]):  # type: ignore[no-untyped-def]
    # A name matches when every query word starts one of its words (SQLite LIKE ignores ASCII case).
    conditions = [
        or_(Contact.display_name.like(f"{_escape_like(t)}%", escape="\\"), Contact.display_name.like(f"% {_escape_like(t)}%", escape="\\"))
        for t in terms
    ]
    return select(Contact.id).where(*conditions)


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
