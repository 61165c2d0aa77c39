"""A fast regex tokenizer shared by the tagging model and the identity pipeline."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

_TOKEN_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+|\S")


class RegexTokenizer:
    """Words (with inner hyphens/apostrophes), digit runs, single punctuation
    characters, and whitespace other than one space as tokens (so
    ``doc.text`` == input).

    Why not spaCy's rule tokenizer: on customer mail it is about five times
    slower (cache misses on every new word, prefix/suffix/infix searches per
    token) and its language-specific exceptions buy nothing for bag-of-words
    features and phrase rules, which are built with this same tokenizer.
    """

    def __init__(self, vocab) -> None:  # noqa: ANN001 - spacy Vocab
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for m in _TOKEN_RE.finditer(text):
            _add_gap(text[pos : m.start()], words, spaces)
            words.append(m.group())
            spaces.append(False)
            pos = m.end()
        _add_gap(text[pos:], words, spaces)
        return Doc(self.vocab, words=words, spaces=spaces)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        """Tokenize many texts (what spaCy calls on a tokenizer for pattern lists)."""
        del batch_size
        for text in texts:
            yield self(text)

    # Nothing to save: the tokenizer is code, not data. spaCy still calls these.
    def to_disk(self, path, *, exclude=()) -> None:  # noqa: ANN001
        del path, exclude

    def from_disk(self, path, *, exclude=()) -> RegexTokenizer:  # noqa: ANN001
        del path, exclude
        return self

    def to_bytes(self, *, exclude=()) -> bytes:  # noqa: ANN001
        del exclude
        return b""

    def from_bytes(self, data: bytes, *, exclude=()) -> RegexTokenizer:  # noqa: ANN001
        del data, exclude
        return self


def _add_gap(gap: str, words: list[str], spaces: list[bool]) -> None:
    """Keep the text between tokens: one space becomes the previous token's trailing space, the rest a token."""
    if not gap:
        return
    if gap[0] == " " and words and not spaces[-1]:
        spaces[-1] = True
        gap = gap[1:]
    if gap:
        words.append(gap)
        spaces.append(False)


@spacy.registry.tokenizers("hub.RegexTokenizer.v1")
def create_regex_tokenizer() -> Callable[[Language], RegexTokenizer]:
    """Config entry point: ``[nlp.tokenizer] @tokenizers = "hub.RegexTokenizer.v1"``."""
    return lambda nlp: RegexTokenizer(nlp.vocab)
