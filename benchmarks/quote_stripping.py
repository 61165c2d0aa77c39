"""Exact-match rate and throughput of nlp.cleaning.clean_body on public fixtures.

Usage: python benchmarks/quote_stripping.py [--data /work/shared/data]

What "exact match of the visible reply" means per source (read SOURCES.md):

* zapier / github email_reply_parser ``.expected.txt``: ``parse_reply()`` =
  visible text without quotes and signature -> compared with ``reply`` after
  normalising line endings, trailing spaces and leading/trailing blank lines.
* crisp-im ``.expected.txt``: first fragment / visible text compared after
  ``trim()`` -> ``reply.strip()`` against ``expected.strip()``.
* mailgun-talon ``standard_replies``: ``extract_from_plain`` of the text/plain
  part. Talon keeps signatures there, so ``reply`` + ``signature`` is compared
  (same normalisation as above). ``html_replies`` and OLK_SRC_BODY_SECTION:
  compared with all whitespace removed (as talon's tests do); the OLK
  expectation is HTML and is rendered with ``html_to_text`` first.
* closeio-quotequail: ``quote``/``quote_html`` -> the first (non-quoted) part
  of ``expected_quote_intro_line``; ``unwrap``/``unwrap_html`` -> ``text_top``
  (plus ``text_bottom`` when the reply continues below the quoted block; ""
  for a bare forward). When unwrap finds nothing (``null``), the visible text
  is the input without ``>`` lines. HTML expectations are rendered with
  ``html_to_text``; compared whitespace-collapsed.

Fixtures with only fragment assertions (``.expected.json`` without
``.expected.txt``) are reported separately as an assertion pass rate.
"""

from __future__ import annotations

import argparse
import email
import email.policy
import json
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from nlp.cleaning import CleanedBody, clean_body  # noqa: E402
from nlp.html_text import html_to_text  # noqa: E402

DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data"


@dataclass(frozen=True)
class Case:
    """One fixture: input, expected visible text and how to compare."""

    source: str
    name: str
    text: str | None
    html: str | None
    expected: str
    mode: str  # exact | trim | with_sig | with_sig_nows | nows | collapse

    def run(self) -> CleanedBody:
        return clean_body(self.text, self.html)


@dataclass(frozen=True)
class AssertionCase:
    """A fixture with only fragment assertions (no exact reply text)."""

    source: str
    name: str
    text: str
    checks: tuple[tuple[str, str], ...]  # (kind, value)


# --- normalisation ------------------------------------------------------------
def _norm_lines(s: str) -> str:
    lines = [line.rstrip() for line in s.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(lines).strip("\n")


def _nows(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _collapse(s: str) -> str:
    return " ".join(s.split())


def visible(case: Case, result: CleanedBody) -> str:
    """The part of the result the source's expectation describes."""
    if case.mode.startswith("with_sig") and result.signature:
        return f"{result.reply}\n\n{result.signature}" if result.reply else result.signature
    return result.reply


def matches(case: Case, result: CleanedBody) -> bool:
    got = visible(case, result)
    compare: dict[str, Callable[[str], str]] = {
        "exact": _norm_lines,
        "with_sig": _norm_lines,
        "trim": lambda s: _norm_lines(s).strip(),
        "nows": _nows,
        "with_sig_nows": _nows,
        "collapse": _collapse,
    }
    norm = compare[case.mode]
    return norm(got) == norm(case.expected)


# --- loaders ----------------------------------------------------------------------
def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8", errors="replace")


def _plain_part(eml: Path) -> str | None:
    msg = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    part = msg.get_body(preferencelist=("plain",))
    return part.get_content() if part is not None else None


def _reply_parser_cases(root: Path, source: str, mode: str) -> tuple[list[Case], list[AssertionCase]]:
    cases: list[Case] = []
    asserts: list[AssertionCase] = []
    folder = root / "email" / source
    for txt in sorted(folder.glob("*.txt")):
        if txt.name.endswith(".expected.txt"):
            continue
        stem = txt.name[: -len(".txt")]
        expected = folder / f"{stem}.expected.txt"
        if expected.exists():
            cases.append(Case(source, stem, _read(txt), None, _read(expected), mode))
            continue
        meta = folder / f"{stem}.expected.json"
        if meta.exists():
            checks = _fragment_checks(json.loads(_read(meta)))
            if checks:
                asserts.append(AssertionCase(source, stem, _read(txt), checks))
    return cases, asserts


def _fragment_checks(meta: dict) -> tuple[tuple[str, str], ...]:
    """Assertions about the first (reply) fragment that are independent of the
    fragment model: reply_contains / reply_not_contains / fragment 0 text."""
    checks: list[tuple[str, str]] = []
    checks += [("contains", s) for s in meta.get("reply_contains", [])]
    checks += [("not_contains", s) for s in meta.get("reply_not_contains", [])]
    first_quoted = (meta.get("quoted") or [False])[0]
    if not first_quoted:
        checks += [("contains", s) for s in meta.get("fragment_contains", {}).get("0", [])]
        regex = {**meta.get("fragment_regex_match", {}), **meta.get("fragment_regex_match_multiline", {})}.get("0")
        if regex:
            checks.append(("regex", regex))
    return tuple(checks)


def _talon_cases(root: Path) -> list[Case]:
    folder = root / "email" / "mailgun-talon"
    cases: list[Case] = []
    for eml in sorted((folder / "standard_replies").glob("*.eml")):
        stem = eml.stem
        expected = folder / "standard_replies" / f"{stem}.expected.txt"
        if not expected.exists():
            expected = folder / "standard_replies" / f"{stem}_reply_text"
        text = _plain_part(eml)
        if text is not None and expected.exists():
            cases.append(Case("mailgun-talon/standard_replies", stem, text, None, _read(expected), "with_sig"))
    for html in sorted((folder / "html_replies").glob("*.html")):
        expected = html.with_name(f"{html.stem}.expected.txt")
        if expected.exists():
            cases.append(Case("mailgun-talon/html_replies", html.stem, None, _read(html), _read(expected), "with_sig_nows"))
    for html in sorted(folder.glob("*.html")):
        expected = html.with_name(f"{html.stem}.expected.txt")
        if expected.exists():
            cases.append(Case("mailgun-talon/html", html.stem, None, _read(html), html_to_text(_read(expected)), "nows"))
    return cases


def _quotequail_cases(root: Path) -> list[Case]:
    folder = root / "email" / "closeio-quotequail"
    cases: list[Case] = []
    for meta_path in sorted((folder / "extracted").glob("*.expected.json")):
        meta = json.loads(_read(meta_path))
        stem = meta_path.name[: -len(".expected.json")]
        if "input_file" in meta:
            src = (meta_path.parent / meta["input_file"]).resolve()
        else:
            src = next(iter(sorted(meta_path.parent.glob(f"{stem}.input.*"))), None)
        if src is None or not src.exists():
            continue
        raw = _read(src)
        is_html = src.suffix == ".html"
        expected = _quotequail_expected(meta["expected"], raw, is_html)
        if expected is None:
            continue
        text, html = (None, raw) if is_html else (raw, None)
        cases.append(Case("closeio-quotequail", stem, text, html, expected, "collapse"))
    return cases


def _quotequail_expected(exp: dict, raw: str, is_html: bool) -> str | None:
    render = html_to_text if is_html else (lambda s: s)
    if "expected_quote_intro_line" in exp:
        return render(exp["expected_quote_intro_line"][0][1])
    unwrapped = exp.get("expected", "missing")
    if unwrapped is None:  # nothing to unwrap: everything except ">" lines is visible
        text = render(raw)
        return "\n".join(line for line in text.split("\n") if not line.lstrip().startswith(">"))
    if not isinstance(unwrapped, dict):
        return None
    top = unwrapped.get("text_top") or (render(unwrapped["html_top"]) if "html_top" in unwrapped else "")
    bottom = unwrapped.get("text_bottom") or (render(unwrapped["html_bottom"]) if "html_bottom" in unwrapped else "")
    return f"{top}\n\n{bottom}" if bottom else top


def load_cases(data_root: Path) -> tuple[list[Case], list[AssertionCase]]:
    """All exact-match cases and all assertion-only cases under ``data_root``."""
    cases: list[Case] = []
    asserts: list[AssertionCase] = []
    for source, mode in (
        ("zapier-email-reply-parser", "exact"),
        ("github-email_reply_parser", "exact"),
        ("crisp-im-email-reply-parser", "trim"),
    ):
        c, a = _reply_parser_cases(data_root, source, mode)
        cases += c
        asserts += a
    cases += _talon_cases(data_root)
    cases += _quotequail_cases(data_root)
    return cases, asserts


def check_assertions(case: AssertionCase) -> list[str]:
    """Failed assertion descriptions (empty list = pass)."""
    reply = clean_body(case.text).reply
    failed = []
    for kind, value in case.checks:
        ok = {
            "contains": lambda: value in reply,
            "not_contains": lambda: value not in reply,
            # Ruby/JS tests: "^" anchors at any line start, match anywhere.
            "regex": lambda: re.search(value, reply, re.M) is not None,
        }[kind]()
        if not ok:
            failed.append(f"{kind} {value!r}")
    return failed


# --- report ------------------------------------------------------------------------
def throughput(cases: list[Case], min_seconds: float = 1.0) -> tuple[float, int]:
    """Mails per second over the whole set, repeated for at least ``min_seconds``."""
    inputs = [(c.text, c.html) for c in cases]
    done = 0
    start = time.perf_counter()
    while True:
        for text, html in inputs:
            clean_body(text, html)
        done += len(inputs)
        elapsed = time.perf_counter() - start
        if elapsed >= min_seconds:
            return done / elapsed, done


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("-v", "--verbose", action="store_true", help="show failing cases")
    args = parser.parse_args(argv)
    cases, asserts = load_cases(args.data)
    per_source: dict[str, list[bool]] = {}
    for case in cases:
        result = case.run()
        ok = matches(case, result)
        per_source.setdefault(case.source, []).append(ok)
        if not ok and args.verbose:
            print(f"FAIL {case.source}/{case.name}\n  expected: {case.expected.strip()[:300]!r}\n"
                  f"  got:      {visible(case, result)[:300]!r}\n  reasons:  {result.reasons}")
    print("Exact match of the visible reply")
    for source, oks in per_source.items():
        print(f"  {source:34s} {sum(oks):3d}/{len(oks):3d}  {sum(oks) / len(oks):6.1%}")
    total = sum(sum(v) for v in per_source.values())
    count = sum(len(v) for v in per_source.values())
    print(f"  {'OVERALL':34s} {total:3d}/{count:3d}  {total / count:6.1%}")
    passed = 0
    for a in asserts:
        failed = check_assertions(a)
        passed += not failed
        if failed and args.verbose:
            print(f"ASSERT FAIL {a.source}/{a.name}: {failed}")
    if asserts:
        print(f"Fragment assertions (json-only fixtures): {passed}/{len(asserts)}")
    rate, n = throughput(cases)
    text_cases = [c for c in cases if c.text and 1000 <= len(c.text) <= 3000]
    print(f"Throughput: {rate:,.0f} mails/s over {len(cases)} fixtures ({n} runs)")
    if text_cases:
        t_rate, _ = throughput(text_cases, 0.5)
        print(f"Typical 1-3 KB text mails: {1e3 / t_rate:.3f} ms per mail ({len(text_cases)} fixtures)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
