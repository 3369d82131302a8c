"""TimeML in and out: gold `.tml` files, TempEval-3 `.TE3input` files and plain text.

Reading gives the creation time (DCT), the plain text inside <TEXT> (XML entities decoded)
and the gold TIMEX3 tags there with character offsets into that plain text. Writing puts
TIMEX3 tags into <TEXT> and changes no other character: the header (DOCID, DCT t0, TITLE,
EXTRAINFO ...) is kept byte for byte, other tags inside TEXT (EVENT, SIGNAL) and the link
tags after it are dropped, as TempEval-3 Task A output has them.
"""
from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import quoteattr

_TEXT_OPEN = re.compile(r"<TEXT(?:\s[^>]*)?>")
_TEXT_CLOSE = "</TEXT>"
_TOKEN = re.compile(r"<[^>]*>|&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]\w*);|[^<&]+|&")
_ATTR = re.compile(r'([\w:]+)\s*=\s*"([^"]*)"')
_DCT = re.compile(r"<DCT>\s*(<TIMEX3\b[^>]*>)", re.S)
_LINK_LINE = re.compile(r"^\s*<(?:MAKEINSTANCE|TLINK|SLINK|ALINK)\b[^>]*/?>\s*\n?", re.M)


class TimeMLError(ValueError):
    """A file that is not TimeML chronos can read; the message is one line."""


@dataclass
class Tag:
    """A TIMEX3 with offsets into the plain text of <TEXT>."""

    start: int
    end: int
    text: str
    type: str
    value: str
    tid: str = ""
    mod: str | None = None
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass
class TimeMLDoc:
    name: str
    text: str  # plain text inside <TEXT>, entities decoded
    dct: dt.date | None
    timexes: list[Tag]
    dct_value: str | None = None
    # for writing back: the file up to and including <TEXT>, after </TEXT>, and the raw form
    # of every stretch of plain text (entities stay as the input wrote them)
    head: str | None = None
    tail: str | None = None
    _chunks: list[tuple[int, int, str]] = field(default_factory=list, repr=False)


def output_name(path: str | Path) -> str:
    """The output file's name: the input's with a trailing .TE3input removed."""
    name = Path(path).name
    return name[: -len(".TE3input")] if name.endswith(".TE3input") else name


def is_timeml(data: str) -> bool:
    return bool(_TEXT_OPEN.search(data)) and ("<TimeML" in data or "<DCT>" in data)


def _attrs(tag: str) -> dict[str, str]:
    return {k: html.unescape(v) for k, v in _ATTR.findall(tag)}


def _dct_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def parse(data: str, name: str = "<timeml>") -> TimeMLDoc:
    """A TimeML string (.tml or .TE3input) -> TimeMLDoc."""
    mo = _TEXT_OPEN.search(data)
    close = data.rfind(_TEXT_CLOSE)
    if mo is None or close < mo.end():
        raise TimeMLError(f"{name}: no <TEXT>...</TEXT> element")
    head, inner, tail = data[: mo.end()], data[mo.end():close], data[close:]
    dct_value = None
    dm = _DCT.search(head)
    if dm:
        dct_value = _attrs(dm.group(1)).get("value")
    plain: list[str] = []
    chunks: list[tuple[int, int, str]] = []
    tags: list[Tag] = []
    open_stack: list[tuple[dict[str, str], int]] = []
    pos = 0
    for m in _TOKEN.finditer(inner):
        tok = m.group()
        if tok.startswith("<") and len(tok) > 1:
            if tok.startswith("<TIMEX3"):
                attrs = _attrs(tok)
                if tok.endswith("/>"):
                    continue  # an empty (non-consuming) TIMEX3 has no extent
                open_stack.append((attrs, pos))
            elif tok.startswith("</TIMEX3"):
                if not open_stack:
                    raise TimeMLError(f"{name}: </TIMEX3> without an opening tag")
                attrs, start = open_stack.pop()
                tags.append(Tag(start=start, end=pos, text="", type=attrs.get("type", ""), value=attrs.get("value", ""),
                                tid=attrs.get("tid", ""), mod=attrs.get("mod"), attrs=attrs))
            continue
        ch = html.unescape(tok) if tok.startswith("&") else tok
        plain.append(ch)
        chunks.append((pos, pos + len(ch), tok))
        pos += len(ch)
    text = "".join(plain)
    for t in tags:
        t.text = text[t.start:t.end]
    tags.sort(key=lambda t: (t.start, -t.end))
    return TimeMLDoc(name=name, text=text, dct=_dct_date(dct_value), timexes=tags, dct_value=dct_value,
                     head=head, tail=tail, _chunks=chunks)


def read(path: str | Path) -> TimeMLDoc:
    p = Path(path)
    try:
        data = p.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise TimeMLError(f"{p}: not valid UTF-8") from None
    return parse(data, str(p))


def plain_document(text: str, name: str, dct: dt.date | None) -> TimeMLDoc:
    """A plain-text article as a TimeMLDoc with a minimal TimeML header to write into."""
    docid = html.escape(Path(name).stem, quote=False)
    dct_tag = ""
    if dct is not None:
        dct_tag = (f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct.isoformat()}" temporalFunction="false" '
                   f'functionInDocument="CREATION_TIME">{dct.isoformat()}</TIMEX3></DCT>\n\n')
    head = ('<?xml version="1.0" ?>\n<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xsi:noNamespaceSchemaLocation="http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd">\n\n'
            f"<DOCID>{docid}</DOCID>\n\n{dct_tag}<TEXT>")
    chunks = [(i, i + 1, html.escape(ch, quote=False)) for i, ch in enumerate(text)] if any(c in text for c in "<>&") else [(0, len(text), text)]
    return TimeMLDoc(name=name, text=text, dct=dct, timexes=[], dct_value=dct.isoformat() if dct else None,
                     head=head, tail="</TEXT>\n\n</TimeML>\n", _chunks=chunks)


def open_tag(t: Tag) -> str:
    parts = [f"tid={quoteattr(t.tid)}", f"type={quoteattr(t.type)}", f"value={quoteattr(t.value)}"]
    if t.mod:
        parts.append(f"mod={quoteattr(t.mod)}")
    for k, v in t.attrs.items():
        if k not in ("tid", "type", "value", "mod"):
            parts.append(f"{k}={quoteattr(v)}")
    return "<TIMEX3 " + " ".join(parts) + ">"


def render(doc: TimeMLDoc, tags: list[Tag]) -> str:
    """The document with `tags` (non-overlapping, offsets into doc.text) as inline TIMEX3."""
    if doc.head is None or doc.tail is None:
        raise TimeMLError(f"{doc.name}: nothing to write into")
    tags = sorted(tags, key=lambda t: t.start)
    opens: dict[int, list[Tag]] = {}
    closes: dict[int, int] = {}
    last = -1
    for t in tags:
        if t.start < last or t.end <= t.start:
            raise TimeMLError(f"{doc.name}: TIMEX3 tags overlap or are empty at offset {t.start}")
        opens.setdefault(t.start, []).append(t)
        closes[t.end] = closes.get(t.end, 0) + 1
        last = t.end
    cuts = sorted(set(opens) | set(closes))
    out: list[str] = []

    def emit(c: int) -> None:
        out.append("</TIMEX3>" * closes.get(c, 0))
        out.extend(open_tag(t) for t in opens.get(c, []))

    ci = 0
    for a, b, raw in doc._chunks:
        while ci < len(cuts) and cuts[ci] <= a:
            emit(cuts[ci])
            ci += 1
        cur = a
        same = len(raw) == b - a  # an entity (&amp;) is never split
        while ci < len(cuts) and cuts[ci] < b:
            c = cuts[ci]
            if same:
                out.append(raw[cur - a:c - a])
                cur = c
            emit(c)
            ci += 1
        out.append(raw[cur - a:] if same else raw)
    while ci < len(cuts):  # tags ending at the very end of the text
        emit(cuts[ci])
        ci += 1
    tail = _LINK_LINE.sub("", doc.tail)
    return doc.head + "".join(out) + tail


def strip_tags(inner: str) -> str:
    return re.sub(r"<[^>]*>", "", inner)


def text_of(data: str) -> str:
    """The raw characters of <TEXT> without tags: what the TE3 scorer compares."""
    mo = _TEXT_OPEN.search(data)
    close = data.rfind(_TEXT_CLOSE)
    return strip_tags(data[mo.end():close]) if mo and close >= 0 else strip_tags(data)


_ABSOLUTE = re.compile(r"\b(?:1[5-9]|20)\d\d\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b")


def tag(doc: TimeMLDoc, dct: dt.date | None = None, timeout_ms: int | None = None) -> list[Tag]:
    """TIMEX3 tags for a document's text from the pipeline, values solved against the DCT
    (`dct`, else the document's own; without either the inferred anchor stands in)."""
    from chronos.document import Document
    from chronos.pipeline import Options, check_document

    day = dct or doc.dct
    opts = Options(use_kb=False) if timeout_ms is None else Options(use_kb=False, timeout_ms=timeout_ms)
    report = check_document(Document(text=doc.text, name=doc.name, published=day), opts)
    tags: list[Tag] = []
    last = -1
    for n, e in enumerate(sorted(report.expressions, key=lambda e: e.start), start=1):
        if e.start < last or e.end <= e.start:
            continue
        last = e.end
        attrs: dict[str, str] = {}
        value = e.value or _unknown(e.type)
        if day is not None and (e.type in ("DATE", "TIME") and value[:1].isdigit() and not _ABSOLUTE.search(e.text)
                                or value.endswith("_REF")):
            attrs["anchorTimeID"] = "t0"
        tags.append(Tag(start=e.start, end=e.end, text=e.text, type=e.type, value=value, tid=f"t{n}", mod=e.mod, attrs=attrs))
    return tags


def _unknown(kind: str) -> str:
    return {"DURATION": "PXY", "SET": "PXY", "TIME": "XXXX-XX-XXTXX:XX"}.get(kind, "XXXX-XX-XX")
