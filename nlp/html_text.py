"""Small, fast HTML -> plain text conversion for mail bodies (stdlib only).

Mail HTML is rendered to text the way a mail client would show it: block
elements and ``<br>`` become line breaks, paragraphs get a blank line, inline
whitespace collapses, ``<blockquote>`` content is prefixed with ``> `` (so the
plain-text quote rules in :mod:`nlp.cleaning` apply unchanged), and
style/script/title content is dropped.

For the splitter, the converter can additionally emit private *marker lines*
where well-known client containers start (Gmail ``gmail_quote``, Outlook
``divRplyFwdMsg`` / ``OLK_SRC_BODY_SECTION`` / ``appendonsend``, Thunderbird
``moz-cite-prefix``, ``gmail_signature`` ...). Those markers never reach the
public :func:`html_to_text` output.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Marker lines are framed by NUL, which is stripped from all real text data.
MARKER_PREFIX = "\x00"
MARK_QUOTE = "quote"          # everything from here on is quoted history
MARK_CITE = "cite"            # an attribution line ("On ... wrote:") follows
MARK_SIGNATURE = "signature"  # a client-inserted signature block starts here

# Elements whose start ends the current line (rendered as blocks).
_BLOCK = frozenset(
    "address article aside blockquote center dd div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody "
    "thead tfoot tr ul".split()
)
# Blocks that browsers render with vertical margins -> a blank line around them.
_PARAGRAPH = frozenset("p h1 h2 h3 h4 h5 h6 ul ol table dl pre".split())
# Content never shown to the reader.
_SKIP = frozenset("style script title noscript template xml".split())
_WS = re.compile(r"[ \t\r\n\f\v\u00a0\u200b]+")

# Client containers that start quoted history, keyed by class or id.
_QUOTE_CLASSES = frozenset(
    {"gmail_quote", "gmail_quote_container", "yahoo_quoted", "moz-forward-container",
     "OutlookMessageHeader", "zmail_extra", "protonmail_quote", "domino-section"}
)
_QUOTE_IDS = frozenset({"divRplyFwdMsg", "OLK_SRC_BODY_SECTION", "appendonsend", "zwchr"})
_CITE_CLASSES = frozenset({"moz-cite-prefix", "gmail_attr"})
_SIGNATURE_CLASSES = frozenset({"gmail_signature", "moz-signature"})
_SIGNATURE_IDS = frozenset({"Signature", "signature"})


def _marker_for(attrs: list[tuple[str, str | None]]) -> str | None:
    """Return the marker kind for a tag's attributes, or None (cheap: no regex)."""
    for name, value in attrs:
        if not value:
            continue
        if name == "class":
            classes = value.split()
            for cls in classes:
                if cls in _QUOTE_CLASSES:
                    return f"{MARK_QUOTE}:{cls}"
                if cls in _CITE_CLASSES:
                    return f"{MARK_CITE}:{cls}"
                if cls in _SIGNATURE_CLASSES:
                    return f"{MARK_SIGNATURE}:{cls}"
        elif name == "name" and value == "quote":  # GMX / web.de
            return f"{MARK_QUOTE}:name=quote"
        elif name == "id":
            if value in _QUOTE_IDS or value.startswith("yahoo_quoted"):
                return f"{MARK_QUOTE}:{value}"
            if value in _SIGNATURE_IDS:
                return f"{MARK_SIGNATURE}:{value}"
    return None


class _TextRenderer(HTMLParser):
    """Collects rendered lines; see module docstring for the rendering rules."""

    def __init__(self, with_markers: bool) -> None:
        super().__init__(convert_charrefs=True)
        self._with_markers = with_markers
        self._lines: list[tuple[int, str]] = []  # (blockquote depth, text)
        self._parts: list[str] = []              # fragments of the open line
        self._depth = 0
        self._skip = 0
        self._pre = 0
        self._quote_marked = False

    # -- line management ---------------------------------------------------
    def _flush(self) -> None:
        """End the open line (if it has content)."""
        if self._parts:
            text = "".join(self._parts).strip() if not self._pre else "".join(self._parts)
            self._parts = []
            if text:
                self._lines.append((self._depth, text))

    def _newline(self) -> None:
        """Force a line break, keeping an empty line for consecutive <br>."""
        if self._parts:
            self._flush()
        else:
            self._lines.append((self._depth, ""))

    def _blank_line(self) -> None:
        """Ensure the output ends with a blank line (paragraph spacing)."""
        self._flush()
        if self._lines and self._lines[-1][1]:
            self._lines.append((self._depth, ""))

    def _marker(self, kind: str) -> None:
        if kind.startswith(MARK_QUOTE):
            if self._quote_marked:  # only the outermost/first container matters
                return
            self._quote_marked = True
        self._flush()
        self._lines.append((-1, f"{MARKER_PREFIX}{kind}{MARKER_PREFIX}"))

    # -- parser callbacks --------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skip += 1
            return
        if tag == "br":
            self._newline()
            return
        if tag in _BLOCK:
            if tag in _PARAGRAPH:
                self._blank_line()
            else:
                self._flush()
            if tag == "blockquote":
                self._depth += 1
            elif tag == "pre":
                self._pre += 1
            elif tag == "li":
                self._parts.append("- ")
        elif tag in ("td", "th") and self._parts:
            self._parts.append(" ")
        if self._with_markers and attrs:
            kind = _marker_for(attrs)
            if kind:
                self._marker(kind)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # <br/>, <hr/>, <p/>: a start tag without content. A self-closed
        # skip element (<script/>) must not open a skip region.
        if tag in _SKIP:
            return
        self.handle_starttag(tag, attrs)
        if tag in _BLOCK:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            if self._skip:
                self._skip -= 1
            return
        if tag in _BLOCK:
            if tag in _PARAGRAPH:
                self._blank_line()
            else:
                self._flush()
            if tag == "blockquote" and self._depth:
                self._depth -= 1
            elif tag == "pre" and self._pre:
                self._pre -= 1

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        if "\x00" in data:
            data = data.replace("\x00", "")
        if self._pre:
            # Preformatted text keeps its own line structure.
            chunks = data.split("\n")
            for k, chunk in enumerate(chunks):
                if k:
                    self._newline()
                self._parts.append(chunk.rstrip())
            return
        text = _WS.sub(" ", data)
        if not self._parts:
            text = text.lstrip()
        elif self._parts[-1].endswith(" ") and text.startswith(" "):
            text = text[1:]
        if text:
            self._parts.append(text)

    # -- result ------------------------------------------------------------
    def result(self) -> str:
        self._flush()
        out: list[str] = []
        for depth, text in self._lines:
            if depth < 0:
                out.append(text)
            elif depth:
                prefix = ">" * depth
                out.append(f"{prefix} {text}" if text else prefix)
            else:
                out.append(text)
        return _squeeze_blank_lines(out)


def _squeeze_blank_lines(lines: list[str]) -> str:
    """Join lines, allowing at most two consecutive empty lines (HTML is noisy)."""
    result: list[str] = []
    blanks = 0
    for line in lines:
        if line:
            blanks = 0
        else:
            blanks += 1
            if blanks > 2 or not result:
                continue
        result.append(line)
    while result and not result[-1]:
        result.pop()
    return "\n".join(result)


def _render(html: str, with_markers: bool) -> str:
    parser = _TextRenderer(with_markers)
    try:
        parser.feed(html)
        parser.close()
    except Exception:  # noqa: BLE001 - html.parser rarely raises; never fail ingest
        pass
    return parser.result()


def html_to_text(html: str) -> str:
    """Render mail HTML as readable plain text.

    Why: HTML-only mails must go through the same plain-text cleaning as
    text/plain mails, and full-text search / NLP need text without markup.
    Keeps line and paragraph breaks, marks ``<blockquote>`` content with ``> ``
    and drops style/script/title content. Stdlib only and linear in the input.
    """
    if not html:
        return ""
    return _render(html, with_markers=False)


def html_to_marked_text(html: str) -> str:
    """Like :func:`html_to_text`, plus private marker lines for known quote,
    attribution and signature containers (used by :func:`nlp.cleaning.clean_body`)."""
    if not html:
        return ""
    return _render(html, with_markers=True)
