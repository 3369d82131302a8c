"""Markdown and HTML -> the text to check, with a way back to the source for line and column.

Markdown is blanked in place: front matter, code blocks, comments, link targets and markup
characters become spaces (newlines kept), so every offset into the text is the same offset
into the file. HTML is extracted with the stdlib parser (script, style and the like skipped,
entities decoded, whitespace collapsed, blocks separated by blank lines) and each character
of the text records the source offset it came from.
"""
from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

import yaml

from chronos.yamlfile import load_yaml


@dataclass
class Extracted:
    text: str
    offset_map: list[int] | None  # None: offsets into text are offsets into the source
    published: dt.date | None = None


def parse_date(value: object) -> dt.date | None:
    """A publication date from front matter or a meta tag: a date, a datetime, or an ISO string."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return None
    return None


# --- Markdown ------------------------------------------------------------------------------------

_FRONT = re.compile(r"\A(---|\+\+\+)[ \t]*\r?\n(.*?)(?:\r?\n)(?:\1|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})")
_LIST = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]")
_INLINE = [
    re.compile(r"<!--.*?-->", re.S),                      # comments (chronos directives live here)
    re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.S),       # inline code
    re.compile(r"^ {0,3}\[[^\]]+\]:[^\n]*", re.M),        # reference definitions
    # links and images: keep the link text, blank the brackets and the target
    re.compile(r"!?\[(?P<keep>[^\]\n]*)\](?:\((?:[^()\s]|\([^()]*\))*(?:\s+\"[^\"]*\")?\)|\[[^\]\n]*\])?"),
    re.compile(r"<(?:https?://|mailto:)[^>\s]*>"),        # autolinks
    re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>"),  # raw HTML tags
    re.compile(r"^ {0,3}#{1,6}(?=\s|$)|[ \t]+#+[ \t]*$", re.M),  # ATX heading markers
    re.compile(r"^ {0,3}(?:>[ \t]?)+", re.M),              # blockquote markers
    re.compile(r"^ {0,3}(?:=+|-+|\*{3,}|_{3,})[ \t]*$", re.M),  # setext underlines, rules
    re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])(?=[ \t])", re.M),  # list markers
    re.compile(r"\*+|(?<!\w)_+|_+(?!\w)|~~"),              # emphasis
    re.compile(r"\|"),                                     # table pipes
]


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\r\n":
            chars[i] = " "


def markdown(source: str) -> Extracted:
    chars = list(source)
    published = None
    m = _FRONT.match(source)
    if m:
        if m[1] == "---":
            try:
                meta = load_yaml(m[2])
            except yaml.YAMLError:
                meta = None
            if isinstance(meta, dict):
                published = parse_date(meta.get("date", meta.get("published")))
        _blank(chars, 0, m.end())
    # code blocks, line by line
    pos, fence, prev_blank, prev_code, in_list = (m.end() if m else 0), None, True, False, False
    lines = source[pos:].splitlines(keepends=True)
    for line in lines:
        start, end = pos, pos + len(line)
        pos = end
        body = line.rstrip("\r\n")
        if fence:
            _blank(chars, start, end)
            close = _FENCE.match(body)
            if close and close[2][0] == fence[0] and len(close[2]) >= len(fence) and not body.strip().strip(fence[0]):
                fence = None
            continue
        opening = _FENCE.match(body)
        if opening:
            fence = opening[2]
            _blank(chars, start, end)
            prev_blank, prev_code = False, False
            continue
        blank = not body.strip()
        indented = body.startswith("    ") or body.startswith("\t")
        if not blank and indented and (prev_blank or prev_code) and not in_list:
            _blank(chars, start, end)
            prev_code, prev_blank = True, False
            continue
        if not blank:
            if _LIST.match(body):
                in_list = True
            elif not indented and prev_blank:
                in_list = False
            prev_code = False
        prev_blank = blank
    text = "".join(chars)
    for pattern in _INLINE:
        for hit in pattern.finditer(text):
            if "keep" in pattern.groupindex:
                _blank(chars, hit.start(), hit.start("keep"))
                _blank(chars, hit.end("keep"), hit.end())
            else:
                _blank(chars, hit.start(), hit.end())
        text = "".join(chars)
    return Extracted(text=text, offset_map=None, published=published)


# --- HTML ----------------------------------------------------------------------------------------

SKIP = {"script", "style", "noscript", "template", "svg", "math", "title", "pre", "iframe", "object", "head"}
BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th",
         "thead", "tbody", "blockquote", "section", "article", "header", "footer", "aside", "nav", "main", "figure",
         "figcaption", "hr", "body", "html", "form", "fieldset", "address", "details", "summary", "caption"}
_META_DATES = {"article:published_time", "og:published_time", "date", "dc.date", "dc.date.issued", "dcterms.created",
               "pubdate", "publish-date", "publish_date", "publication_date", "sailthru.date", "parsely-pub-date",
               "datepublished"}
_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')


class _TextExtractor(HTMLParser):
    def __init__(self, source: str):
        super().__init__(convert_charrefs=False)
        self.source = source
        self.line_starts = [0] + [i + 1 for i, ch in enumerate(source) if ch == "\n"]
        self.out: list[str] = []
        self.map: list[int] = []
        self.skip = 0
        self.published: dt.date | None = None
        self._ld = False

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _emit(self, ch: str, pos: int) -> None:
        if ch.isspace():
            if not self.out or self.out[-1] in " \n":
                return
            ch = " "
        self.out.append(ch)
        self.map.append(pos)

    def _break(self, pos: int, blank_line: bool = True) -> None:
        while self.out and self.out[-1] == " ":
            self.out.pop()
            self.map.pop()
        if not self.out:
            return
        want = "\n\n" if blank_line else "\n"
        have = 0
        for ch in reversed(self.out[-2:]):
            if ch != "\n":
                break
            have += 1
        for _ in range(len(want) - have):
            self.out.append("\n")
            self.map.append(pos)

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta" and self.published is None:
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key in _META_DATES:
                self.published = parse_date(a.get("content"))
        if tag == "time" and self.published is None and ("pubdate" in a or a.get("itemprop", "").lower() == "datepublished"):
            self.published = parse_date(a.get("datetime"))
        if tag == "script" and a.get("type", "").lower() == "application/ld+json":
            self._ld = True
        if tag in SKIP:
            self.skip += 1
        elif not self.skip and tag == "br":
            self._break(self._pos(), blank_line=False)
        elif not self.skip and tag in BLOCK:
            self._break(self._pos())

    def handle_startendtag(self, tag, attrs):
        if tag in SKIP:
            return
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skip = max(self.skip - 1, 0)
            self._ld = False
        elif not self.skip and tag in BLOCK:
            self._break(self._pos())

    def handle_data(self, data):
        if self.skip:
            if self._ld and self.published is None:
                m = _LD_DATE.search(data)
                if m:
                    self.published = parse_date(m[1])
            return
        base = self._pos()
        for i, ch in enumerate(data):
            self._emit(ch, base + i)

    def _ref(self, raw: str):
        if self.skip:
            return
        pos = self._pos()
        for ch in html.unescape(raw):
            self._emit(ch, pos)

    def handle_entityref(self, name):
        self._ref(f"&{name};")

    def handle_charref(self, name):
        self._ref(f"&#{name};")


def html_text(source: str) -> Extracted:
    p = _TextExtractor(source)
    p.feed(source)
    p.close()
    while p.out and p.out[-1] in " \n":
        p.out.pop()
        p.map.pop()
    return Extracted(text="".join(p.out), offset_map=p.map, published=p.published)
