"""Split a mail body into the new reply, the quoted history and the signature.

Runs on every ingested message, so it is a single forward scan over lines with
precompiled, length-capped patterns (see :mod:`nlp.cleaning_patterns`); no
NLP models. Handles German and English first (Outlook ``Von:/Gesendet:`` and
``From:/Sent:`` blocks, ``Am ... schrieb ...:``, ``On ... wrote:`` also when
wrapped, ``-----Ursprüngliche Nachricht-----``, ``>`` quoting, ``-- ``,
mobile and legal footers) plus the common attribution verbs and header keys of
other European languages. HTML-only mails are rendered to text first; known
client containers (``gmail_quote``, ``divRplyFwdMsg`` ...) become hard marks.

Line labels: TEXT (reply), QUOTE, SIG, and MARK (internal HTML markers, dropped).
"""

from __future__ import annotations

from dataclasses import dataclass

from nlp import cleaning_patterns as P
from nlp.html_text import MARK_CITE, MARK_QUOTE, MARK_SIGNATURE, MARKER_PREFIX, html_to_marked_text

TEXT, QUOTE, SIG, MARK = 0, 1, 2, 3


@dataclass(frozen=True)
class CleanedBody:
    """Result of :func:`clean_body`; ``reasons`` explain every cut (1-based lines)."""

    reply: str
    quoted: str
    signature: str
    reasons: tuple[str, ...]


def clean_body(text: str | None, html: str | None = None) -> CleanedBody:
    """Split a mail body into visible reply, quoted history and signature.

    Why: the CRM shows, indexes and analyses only what the sender actually
    wrote in this message; repeated history and footers would otherwise
    dominate search, tagging and thread summaries. Uses ``text`` when it has
    content, else ``html`` rendered to text. Never raises on odd input.
    """
    from_html = False
    if text and text.strip():
        # NUL frames the private HTML marker lines; it never belongs in text.
        source = text.replace("\x00", "") if "\x00" in text else text
    elif html and html.strip():
        source = html_to_marked_text(html)
        from_html = True
    else:
        return CleanedBody("", "", "", ())
    lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    labels = [TEXT] * len(lines)
    if from_html:
        for k, line in enumerate(lines):
            if line.startswith(MARKER_PREFIX):
                labels[k] = MARK
    reasons: list[str] = []
    _mark_quotes(lines, labels, reasons)
    _mark_signatures(lines, labels, reasons)
    return CleanedBody(
        reply=_assemble(lines, labels, TEXT),
        quoted=_assemble(lines, labels, QUOTE),
        signature=_assemble(lines, labels, SIG),
        reasons=tuple(reasons),
    )


# --- small line predicates ---------------------------------------------------
def _show(line: str) -> str:
    """Line excerpt for a reason string."""
    s = line.strip()
    return s if len(s) <= 80 else s[:77] + "..."


def _span(start: int, end: int) -> str:
    """1-based description of lines start..end-1."""
    return f"line {start + 1}" if end - start <= 1 else f"lines {start + 1}-{end}"


def _is_quote(line: str) -> bool:
    return line[:4].lstrip(" \t").startswith(">")


def _marker_kind(line: str) -> str | None:
    if line.startswith(MARKER_PREFIX) and line.endswith(MARKER_PREFIX) and len(line) > 2:
        return line[1:-1]
    return None


def _next_content(lines: list[str], i: int) -> int:
    """Index of the first non-blank line at or after ``i`` (len(lines) if none)."""
    n = len(lines)
    while i < n and not lines[i].strip():
        i += 1
    return i


def _set(labels: list[int], start: int, end: int, label: int) -> None:
    for k in range(start, end):
        if labels[k] != MARK:
            labels[k] = label


# --- quotes -------------------------------------------------------------------
def _mark_quotes(lines: list[str], labels: list[int], reasons: list[str]) -> None:
    """Label quoted lines. Unprefixed history (Outlook blocks, separators,
    attributions followed by plain text) runs to the end of the mail; a ``>``
    block ends where unquoted text resumes (bottom-posting / inline replies)."""
    n = len(lines)
    i = 0
    while i < n:
        line = lines[i]
        if labels[i] == MARK:
            i = _after_marker(lines, labels, reasons, i)
            continue
        if _is_quote(line):
            end = _quote_block_end(lines, i)
            if _is_quote_block(lines, i, end):
                reasons.append(f"\">\" quote block at {_span(i, end)}")
                _set(labels, i, end, QUOTE)
            i = end
            continue
        stripped = line.strip()
        if not stripped or len(stripped) > P.MAX_HEADER_LINE:
            i += 1
            continue
        found = _quote_start(lines, i, stripped)
        if found is None:
            i += 1
            continue
        reason, header_end, soft = found
        nxt = _next_content(lines, header_end + 1)
        if nxt < n and _is_quote(lines[nxt]):
            # Header + ">" block: the quote ends with the block.
            block_end = _quote_block_end(lines, nxt)
            reasons.append(f"{reason} at line {i + 1}")
            _set(labels, i, block_end, QUOTE)
            i = block_end
            continue
        if soft:  # generic "…@…:" line only counts in front of a ">" block
            i += 1
            continue
        start = _include_rule_above(lines, labels, i)
        reasons.append(f"{reason} at line {i + 1}")
        _set(labels, start, n, QUOTE)
        return


def _after_marker(lines: list[str], labels: list[int], reasons: list[str], i: int) -> int:
    """Apply an HTML marker line at ``i``; returns where scanning continues."""
    n = len(lines)
    kind = _marker_kind(lines[i]) or ""
    if kind.startswith(MARK_QUOTE):
        reasons.append(f'HTML quote container "{kind.partition(":")[2]}" at line {i + 1}')
        _set(labels, i + 1, n, QUOTE)
        return n
    if kind.startswith(MARK_CITE):
        # Client-marked attribution: its lines plus the ">" block below it.
        first = _next_content(lines, i + 1)
        end = first
        while end < n and end - first < P.MAX_ATTRIBUTION_LINES and lines[end].strip() and not _is_quote(lines[end]):
            end += 1
        block = _next_content(lines, end)
        if block < n and _is_quote(lines[block]):
            block_end = _quote_block_end(lines, block)
            reasons.append(f'HTML attribution "{_show(lines[first])}" at line {first + 1}')
            _set(labels, first, block_end, QUOTE)
            return block_end
    return i + 1  # signature markers are handled by _mark_signatures


def _quote_start(lines: list[str], i: int, stripped: str) -> tuple[str, int, bool] | None:
    """Does quoted history start at line ``i``? -> (reason, last header line, soft)."""
    if len(stripped) <= 120 and P.SEPARATOR.match(stripped):
        return f'separator "{_show(stripped)}"', i, False
    # Header blocks first: "From: a@b\nSubject: Re:" also ends with "@…:".
    if ":" in stripped[:40] and _is_header_block(lines, i):
        return f'mail header block "{_show(stripped)}"', i, False
    attribution = _attribution_end(lines, i)
    if attribution is not None:
        end, soft = attribution
        shown = " ".join(s.strip() for s in lines[i : end + 1])
        return f'quote header "{_show(shown)}"', end, soft
    return None


def _attribution_end(lines: list[str], i: int) -> tuple[int, bool] | None:
    """Find "On <date>, <name> wrote:" (in several languages) starting at line
    ``i``, possibly wrapped over up to four lines. Returns (last line, soft):
    a soft attribution (no date, or no opener word / address) only counts
    directly in front of a ">" block."""
    # Zoho and some web mailers frame the line: "---- On ... wrote ----".
    first = lines[i].strip().lstrip(_FRAME)
    starter = bool(P.ATTRIBUTION_START.match(first) or P.DATE_START.match(first))
    # Only a recognisable first line may be joined with following lines;
    # otherwise "Hello" above a wrapped attribution would be swallowed.
    joinable = starter or "@" in first
    if not joinable and not first.rstrip(_FRAME).endswith(":"):
        return None  # fast path for ordinary body lines
    buf = ""
    has_digit = False
    for j in range(i, min(i + P.MAX_ATTRIBUTION_LINES, len(lines))):
        s = lines[j].strip()
        if not s or len(s) > P.MAX_HEADER_LINE or (j > i and not joinable):
            return None
        if _is_quote(lines[j]) and not P.WRAPPED_ADDRESS_END.match(s):
            return None
        s = s.rstrip(_FRAME) or s
        buf = f"{buf} {s}" if buf else s.lstrip(_FRAME)
        if len(buf) > P.MAX_ATTRIBUTION:
            return None
        has_digit = has_digit or P.HAS_DIGIT.search(s) is not None
        if buf.endswith(":"):
            # The verb sits at most ~200 chars before the colon: search the tail only.
            if P.ATTRIBUTION_COLON.search(buf[-240:]):
                return j, not (has_digit and joinable)
            if "@" in buf:
                # Date-led "30.09.2017, 18.30, "John" <j@x>:" is strong;
                # any other "…<mail>…:" line only in front of a ">" block.
                return j, not (has_digit and P.DATE_START.match(first))
        elif has_digit and starter and _last_word(s) in P.WROTE_LAST_WORDS and P.ATTRIBUTION_VERB_END.search(s[-24:]):
            return j, False
    return None


_FRAME = " -=_*"


def _last_word(s: str) -> str:
    """Lower-cased last word, also when glued to an address ("<a@b.c>wrote")."""
    return s.rsplit(None, 1)[-1].rsplit(">", 1)[-1].lower()


def _header_key(line: str) -> str | None:
    m = P.HEADER_FIELD.match(line[: P.MAX_HEADER_LINE])
    if not m:
        return None
    key = " ".join(m.group(1).lower().split())
    if key in P.HEADER_FROM_KEYS or key in P.HEADER_OTHER_KEYS:
        return key
    return None


def _is_header_block(lines: list[str], i: int) -> bool:
    """An Outlook/forward header block: >=2 distinct fields incl. a sender
    field, or >=3 fields, within a few lines (wrapped values allowed)."""
    key = _header_key(lines[i])
    if key is None:
        return False
    keys = {key}
    gap = 0
    for j in range(i + 1, min(i + P.HEADER_WINDOW, len(lines))):
        other = _header_key(lines[j]) if ":" in lines[j][:40] else None
        if other is None:
            gap += 1
            if gap > P.HEADER_MAX_GAP:
                break
            continue
        gap = 0
        keys.add(other)
    has_from = any(k in P.HEADER_FROM_KEYS for k in keys)
    return len(keys) >= 3 or (has_from and len(keys) >= 2)


def _include_rule_above(lines: list[str], labels: list[int], i: int) -> int:
    """Move a quote start up over blank lines onto a "_____"/"-----" rule."""
    j = i - 1
    while j >= 0 and not lines[j].strip() and labels[j] == TEXT:
        j -= 1
    if j >= 0 and labels[j] == TEXT and P.RULE_LINE.match(lines[j][:200]):
        return j
    return i


def _quote_block_end(lines: list[str], i: int) -> int:
    """End (exclusive) of the ">" block at ``i``. Blank lines inside the block
    and up to two unprefixed lines wrapped out of a long quoted line belong to it."""
    n = len(lines)
    last = i
    j = i + 1
    while j < n:
        line = lines[j]
        if _is_quote(line):
            last = j
        elif line.strip():
            k = j
            while k < n and k - j < 2 and lines[k].strip() and not _is_quote(lines[k]):
                k += 1
            # Only directly below a long quoted line and directly above the next one.
            if not (k < n and _is_quote(lines[k]) and j == last + 1 and len(lines[last]) >= 50):
                break
            j = k
            continue
        j += 1
    return last + 1


def _is_quote_block(lines: list[str], start: int, end: int) -> bool:
    """A single ">" line inside running text is kept as text (e.g. "> 5 units");
    two or more, a nested ">>" line, or one at the very end of the mail, are a quote."""
    count = sum(1 for k in range(start, end) if _is_quote(lines[k]))
    if count >= 2 or lines[start].lstrip(" \t").startswith(">>"):
        return True
    nxt = _next_content(lines, end)
    return nxt >= len(lines) or bool(P.SIG_DELIMITER.match(lines[nxt].rstrip()))


# --- signatures ---------------------------------------------------------------
def _mark_signatures(lines: list[str], labels: list[int], reasons: list[str]) -> None:
    """Find the signature start inside each unquoted segment."""
    n = len(lines)
    i = 0
    reply_seen = False
    while i < n:
        if labels[i] != TEXT:
            i += 1
            continue
        end = i
        while end < n and labels[end] in (TEXT, MARK):
            end += 1
        start = _signature_start(lines, labels, i, end, reply_seen, reasons)
        if start is not None:
            _set(labels, start, end, SIG)
        if any(labels[k] == TEXT and lines[k].strip() for k in range(i, end)):
            reply_seen = True
        i = end


def _signature_start(
    lines: list[str], labels: list[int], start: int, end: int, reply_seen: bool, reasons: list[str]
) -> int | None:
    """Signature start in lines[start:end], or None. A delimiter, mobile
    footer, client signature container or legal footer is a hard start; a
    closing formula above it (or above the end) with a short tail wins."""
    hard: int | None = None
    hard_reason = ""
    legal_from = _legal_scan_start(lines, start, end)
    for j in range(start, end):
        raw = lines[j]
        s = raw.rstrip()
        if not s:
            continue
        if labels[j] == MARK:
            if (_marker_kind(raw) or "").startswith(MARK_SIGNATURE):
                hard, hard_reason = j, f"HTML signature container at line {j + 1}"
                break
            continue
        if P.SIG_DELIMITER.match(s):
            hard, hard_reason = j, f'signature delimiter "{s}" at line {j + 1}'
            break
        if len(s) <= 160 and P.MOBILE_FOOTER.match(s):
            hard, hard_reason = j, f'mobile footer "{_show(s)}" at line {j + 1}'
            break
        if j >= legal_from and len(s) <= 400 and P.LEGAL_FOOTER.search(s):
            hard = _contact_block_start(lines, start, j)
            hard_reason = f'legal footer "{_show(s)}" at line {j + 1}'
            break
    stop = hard if hard is not None else end
    closing = _valediction(lines, start, stop, reply_seen, legal=hard is not None)
    if closing is not None:
        reasons.append(f'closing "{_show(lines[closing])}" at line {closing + 1}')
        return closing
    if hard is not None:
        reasons.append(hard_reason)
    return hard


def _legal_scan_start(lines: list[str], start: int, end: int) -> int:
    """First line worth testing for a legal footer: footers are at the end of
    a segment, and a keyword pre-check on the whole tail skips most mails."""
    first = end
    seen = 0
    while first > start and seen < P.LEGAL_SCAN_LINES:
        first -= 1
        if lines[first].strip():
            seen += 1
    tail = "\n".join(lines[first:end]).lower()
    if not any(k in tail for k in P.LEGAL_KEYWORDS):
        return end
    return first


def _paragraph_start(lines: list[str], floor: int, j: int) -> int:
    while j > floor and lines[j - 1].strip():
        j -= 1
    return j


def _contact_block_start(lines: list[str], floor: int, j: int) -> int:
    """Extend a legal footer upwards over short contact paragraphs (name,
    company, phone, address) that belong to the same footer."""
    top = _paragraph_start(lines, floor, j)
    while True:
        k = top - 1
        while k >= floor and not lines[k].strip():
            k -= 1
        if k < floor:
            return top
        above = _paragraph_start(lines, floor, k)
        para = [lines[m] for m in range(above, k + 1)]
        if len(para) > 8 or any(len(p) > P.MAX_CONTACT_LINE for p in para):
            return top
        if not any(P.CONTACT_HINT.search(p) for p in para):
            return top
        top = above


def _valediction(lines: list[str], start: int, stop: int, reply_seen: bool, legal: bool) -> int | None:
    """First closing formula ("Best regards,", "Viele Grüße") followed only by
    a short, signature-like tail. Never empties the whole reply."""
    first_content = _next_content(lines, start)
    limit = P.MAX_LEGAL_SIGNATURE_LINES if legal else P.MAX_SIGNATURE_LINES
    # Only the last `limit + 1` content lines can open a short enough tail.
    begin, seen = stop, 0
    while begin > start and seen <= limit:
        begin -= 1
        if lines[begin].strip():
            seen += 1
    for j in range(begin, stop):
        s = lines[j].strip()
        if not s or len(s) > 60 or not P.VALEDICTION.match(s):
            continue
        if j == first_content and not reply_seen:
            continue
        tail = [lines[k] for k in range(j + 1, stop) if lines[k].strip()]
        if len(tail) <= limit and all(len(t) <= P.MAX_CONTACT_LINE for t in tail):
            return j
    return None


# --- output ---------------------------------------------------------------------
def _assemble(lines: list[str], labels: list[int], label: int) -> str:
    """Join the lines of one label; a run of other labels in between becomes
    one blank line. Leading/trailing blank lines and trailing spaces go."""
    out: list[str] = []
    gap = False
    for line, lab in zip(lines, labels):
        if lab == MARK:
            continue
        if lab != label:
            gap = bool(out)
            continue
        line = line.rstrip()
        if gap:
            if not line:  # blank lines after a cut collapse into the one below
                continue
            if out[-1]:
                out.append("")
            gap = False
        out.append(line)
    while out and not out[-1]:
        out.pop()
    k = 0
    while k < len(out) and not out[k]:
        k += 1
    return "\n".join(out[k:])
