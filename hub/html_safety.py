"""Outside content made safe to show: HTML mail bodies and attachment headers.

HTML of a mail is written by whoever sent it, so it is untrusted. It is
cleaned here once, on one known path, with nh3 (ammonia) and an allow-list
fit for mail, and the web layer shows the result only inside a sandboxed
iframe under its own strict CSP: two independent fences, so a gap in one is
not an exploit. Remote images are dropped unless allowed, because loading
them tells the sender the mail was read. Pure functions, no Flask: they run
on every view and in tests without an HTTP client.
"""

from __future__ import annotations

import base64
import email
import email.policy
import hashlib
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote, unquote

import nh3

#: Tags mail layouts need; everything else is dropped (its text kept).
TAGS = frozenset(
    {
        "a", "abbr", "address", "b", "big", "blockquote", "br", "caption", "center", "cite", "code", "col",
        "colgroup", "dd", "del", "dfn", "div", "dl", "dt", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6",
        "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "samp", "small", "span",
        "strike", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "tt", "u",
        "ul", "var", "wbr",
    }
)  # fmt: skip

#: Tags removed together with their content: code, not text for the reader.
CLEAN_CONTENT_TAGS = frozenset(
    {"script", "style", "title", "template", "noscript", "noembed", "noframes", "xmp", "iframe", "object", "svg", "math", "textarea", "select"}
)

_TABLE_CELL = {"align", "valign", "bgcolor", "width", "height", "colspan", "rowspan", "nowrap"}
#: No ``background`` (loads an image), no ``srcset``/``longdesc``, no ids or classes.
ATTRIBUTES: dict[str, set[str]] = {
    "*": {"style", "dir", "lang", "title", "align"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "border"},
    "table": {"width", "height", "border", "cellpadding", "cellspacing", "bgcolor", "align"},
    "td": _TABLE_CELL,
    "th": _TABLE_CELL,
    "tr": {"align", "valign", "bgcolor", "height"},
    "col": {"span", "width"},
    "colgroup": {"span", "width"},
    "font": {"color", "face", "size"},
    "ol": {"start", "type"},
    "hr": {"width", "size", "noshade"},
}

#: CSS properties kept in ``style``: none of them can name a URL, so none can load anything.
STYLE_PROPERTIES = frozenset(
    {
        "color", "background-color", "font", "font-family", "font-size", "font-style", "font-weight",
        "text-align", "text-decoration", "text-transform", "text-indent", "vertical-align", "line-height",
        "letter-spacing", "white-space", "word-break", "width", "max-width", "min-width", "height",
        "margin", "margin-top", "margin-right", "margin-bottom", "margin-left",
        "padding", "padding-top", "padding-right", "padding-bottom", "padding-left",
        "border", "border-top", "border-right", "border-bottom", "border-left", "border-color",
        "border-style", "border-width", "border-collapse", "border-spacing", "border-radius",
        "list-style-type", "display", "float", "clear",
    }
)  # fmt: skip

#: ``cid`` is resolved to this message's attachments before nh3 checks schemes; ``data`` passes
#: the attribute filter only as an image URL this module built (:func:`inline_image_url`).
URL_SCHEMES = frozenset({"http", "https", "mailto", "cid", "data"})
#: Largest attachment shown inline as a ``data:`` image; bigger ones stay downloads.
INLINE_IMAGE_MAX_BYTES = 2 * 1024 * 1024

#: Obfuscation (escapes, comments) or any function that can fetch: the declaration goes.
_CSS_DANGER = re.compile(r"url\s*\(|image-set|image\s*\(|expression|binding|behavio|@|attr\s*\(|var\s*\(|env\s*\(|src\s*\(", re.IGNORECASE)
#: Escapes, comments and control characters only hide what a declaration is: the whole style goes.
_CSS_OBFUSCATION = re.compile(r"[\x00-\x1f\x7f\\<]|/\*")
_URL_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)


@dataclass(frozen=True)
class SanitisedHtml:
    """Cleaned HTML and how many remote images were removed from it."""

    html: str
    blocked_remote: int


def sanitise_mail_html(html: str, *, allow_remote_images: bool, cid_urls: Mapping[str, str] | None = None) -> SanitisedHtml:
    """Clean outside HTML for display in the sandboxed message frame.

    ``cid_urls`` maps Content-IDs (see :func:`content_id_key`) to the URL
    that shows the matching attachment (a ``data:`` URL from
    :func:`inline_image_url`, or an app path): the only relative or
    ``data:`` URLs that survive. Remote (http/https) images are removed and
    counted unless ``allow_remote_images``; ``javascript:`` and every other
    image source are always removed.
    """
    resolved = {content_id_key(cid): url for cid, url in (cid_urls or {}).items()}
    own_urls = frozenset(resolved.values())
    blocked = 0

    def attribute_filter(tag: str, attribute: str, value: str) -> str | None:
        nonlocal blocked
        if attribute == "style":
            return _safe_style(value)
        if attribute not in ("src", "href"):
            return value
        url = _normalise_url(value)
        scheme = _scheme(url)
        if scheme == "cid":
            return resolved.get(content_id_key(url[4:]))
        if scheme == "data":
            return url if url in own_urls else None
        if tag != "img":
            return url  # links: nh3 checks the scheme, the relative-URL hook drops the rest
        if scheme in ("http", "https") or url.startswith(("//", "\\\\", "/\\", "\\/")):
            if allow_remote_images and scheme in ("http", "https"):
                return url
            blocked += 1
            return None
        return url if url in own_urls else None

    cleaned = nh3.clean(
        html,
        tags=set(TAGS),
        clean_content_tags=set(CLEAN_CONTENT_TAGS),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        attribute_filter=attribute_filter,
        strip_comments=True,
        link_rel="noopener noreferrer",
        set_tag_attribute_values={"a": {"target": "_blank"}},
        url_schemes=set(URL_SCHEMES),
        url_relative=lambda url: url if url in own_urls else None,
        filter_style_properties=set(STYLE_PROPERTIES),
    )
    # nh3 leaves ``style=""`` when no declaration survives; text can't contain that (quotes are escaped).
    return SanitisedHtml(cleaned.replace(' style=""', ""), blocked)


def mail_html_document(body_html: str) -> str:
    """A whole document around already sanitised HTML, for the message frame.

    No referrer, no DNS prefetch of link targets; only an inline style on
    ``body``, which the frame's CSP allows because kept styles are filtered.
    """
    return (
        '<!doctype html><html><head><meta charset="utf-8">'
        '<meta name="referrer" content="no-referrer">'
        '<meta http-equiv="x-dns-prefetch-control" content="off">'
        "<title>message</title></head>"
        '<body style="margin:8px;font-family:sans-serif;overflow-wrap:anywhere">'
        f"{body_html}</body></html>"
    )


def inline_image_url(data: bytes) -> str | None:
    """A ``data:`` URL for a PNG, JPEG, GIF or WebP (by signature) of at most
    :data:`INLINE_IMAGE_MAX_BYTES`, else ``None``.

    ``cid:`` pictures are inlined because the message frame is sandboxed
    into an opaque origin: Chromium sends it no SameSite session cookie, so
    it could not fetch them from a login-protected route.
    """
    content_type = served_content_type(data)
    if content_type == "application/octet-stream" or len(data) > INLINE_IMAGE_MAX_BYTES:
        return None
    return f"data:{content_type};base64,{base64.b64encode(data).decode('ascii')}"


def content_id_key(content_id: str) -> str:
    """A Content-ID as header or ``cid:`` URL part, normalised for lookup (no brackets, lower case)."""
    return unquote(content_id).strip().strip("<>").strip().lower()


def content_ids(raw: bytes) -> dict[str, str]:
    """Content-ID key -> SHA-256 of that part's decoded bytes, for a raw mail.

    Attachments are stored by the SHA-256 of the same bytes, so this links
    ``cid:`` references to attachment rows without a Content-ID column and
    whatever the order in which a parser listed the parts.
    """
    found: dict[str, str] = {}
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    for part in message.walk():
        content_id = part.get("Content-ID")
        if part.is_multipart() or not content_id:
            continue
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes):
            found.setdefault(content_id_key(str(content_id)), hashlib.sha256(payload).hexdigest())
    return found


def _normalise_url(value: str) -> str:
    """The URL as a browser reads it: tabs/newlines removed, controls and spaces trimmed."""
    return re.sub(r"[\t\n\r]", "", value).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")


def _scheme(url: str) -> str:
    match = _URL_SCHEME.match(url)
    return match.group(1).lower() if match else ""


def _safe_style(value: str) -> str | None:
    """Keep only harmless declarations; nh3 then keeps only :data:`STYLE_PROPERTIES`.

    nh3 has no CSS sanitiser: it filters property names, not values, so
    anything that can fetch or hide what it is (escapes, comments) goes here.
    """
    value = re.sub(r"[\t\n\r\f]", " ", value)
    if _CSS_OBFUSCATION.search(value):
        return None
    kept = [declaration for declaration in value.split(";") if declaration.strip() and not _CSS_DANGER.search(declaration)]
    return ";".join(kept) or None


# --- attachments -------------------------------------------------------------

#: Image types a browser may render inline: raster only (SVG can carry script).
_IMAGE_SIGNATURES: tuple[tuple[str, bytes, int], ...] = (
    ("image/png", b"\x89PNG\r\n\x1a\n", 0),
    ("image/jpeg", b"\xff\xd8\xff", 0),
    ("image/gif", b"GIF87a", 0),
    ("image/gif", b"GIF89a", 0),
    ("image/webp", b"WEBP", 8),
)
_WINDOWS_RESERVED = frozenset({"CON", "PRN", "AUX", "NUL", "CLOCK$", "CONIN$", "CONOUT$", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))})
_FILENAME_MAX = 120


def served_content_type(data: bytes) -> str:
    """The Content-Type to serve attachment bytes with.

    The declared type comes from the sender, so it is ignored: the bytes are
    a PNG, JPEG, GIF or WebP by their signature, or they are an opaque
    download.
    """
    for content_type, signature, offset in _IMAGE_SIGNATURES:
        if data[offset : offset + len(signature)] == signature and (content_type != "image/webp" or data[:4] == b"RIFF"):
            return content_type
    return "application/octet-stream"


def download_filename(name: str, fallback: str = "attachment") -> str:
    """A file name safe to suggest to the agent's operating system.

    Only the last path component; no control or format characters (NUL,
    CR/LF, bidi overrides that disguise ``exe`` as ``jpg``); no characters
    Windows forbids; no leading dots (hidden files) or trailing dots and
    spaces; reserved device names prefixed; at most 120 characters with the
    extension kept.
    """
    name = unicodedata.normalize("NFC", name or "")
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C" and unicodedata.category(ch) not in ("Zl", "Zp"))
    name = re.split(r"[\\/]", name)[-1]
    name = re.sub(r'[<>:"|?*]', "_", name)
    name = " ".join(name.split()).strip(" .")
    if name.split(".")[0].upper() in _WINDOWS_RESERVED:
        name = "_" + name
    if len(name) > _FILENAME_MAX:
        stem, dot, extension = name.rpartition(".")
        extension = extension if dot and len(extension) <= 16 else ""
        name = (stem if extension else name)[: _FILENAME_MAX - len(extension) - 1].rstrip(" .") + ("." + extension if extension else "")
    return name or fallback


def content_disposition(name: str, *, inline: bool = False) -> str:
    """An RFC 6266 header value: an ASCII ``filename`` and the exact UTF-8 ``filename*`` (RFC 5987)."""
    safe = download_filename(name)
    ascii_name = unicodedata.normalize("NFKD", safe).encode("ascii", "ignore").decode("ascii")
    ascii_name = re.sub(r"[^A-Za-z0-9._()+ -]", "_", ascii_name).strip(" .") or "attachment"
    kind = "inline" if inline else "attachment"
    return f"{kind}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(safe, safe='')}"
