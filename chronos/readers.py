"""Files -> Documents. Plain text as is; other formats extracted with an offset map back to the source."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from chronos.document import Document

MAX_BYTES = 5_000_000  # larger inputs are refused with a clear message, never half-checked
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".mdown", ".mkd", ".html", ".htm", ".xhtml", ""}


class InputError(ValueError):
    """Input that cannot be checked; the message is one line for stderr."""


def decode(data: bytes, name: str) -> str:
    """Bytes -> text, or InputError. UTF-8 only (a BOM is dropped): anything else is refused, never
    guessed, so offsets and quotes always match the file."""
    if len(data) > MAX_BYTES:
        raise InputError(f"{name}: over the {MAX_BYTES:,}-byte limit for one document; split it or check a part")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise InputError(f"{name}: UTF-16 text; convert it to UTF-8 first")
    if b"\x00" in data:
        raise InputError(f"{name}: looks like a binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not valid UTF-8 (byte {exc.start}); convert it to UTF-8 first") from None


def read_input(name: str) -> bytes:
    """The bytes of a file (or stdin for "-"), reading at most one byte past the size limit."""
    if name == "-":
        import sys

        return sys.stdin.buffer.read(MAX_BYTES + 1)
    with open(name, "rb") as f:
        return f.read(MAX_BYTES + 1)



MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


def input_format(name: str, requested: str = "auto") -> str:
    """text, markdown or html: as requested, else from the suffix (stdin is plain text)."""
    if requested != "auto":
        return requested
    suffix = Path(name).suffix.lower() if name != "-" else ""
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in HTML_SUFFIXES:
        return "html"
    return "text"


def read_document(name: str, data: bytes, published: dt.date | None, fmt: str = "auto") -> Document:
    """A Document from a file's bytes. For Markdown and HTML a date in the file (front matter `date:`,
    a published-time meta tag) is the publication date unless `published` is given."""
    name = display_name(name)  # a file name that is not UTF-8 would break every output format
    text = decode(data, name)
    if not text.strip():
        raise InputError(f"{name}: {'empty' if not data else 'only whitespace'}, nothing to check")
    kind = input_format(name, fmt)
    if kind == "text":
        return Document(text=text, name=name, published=published)
    from chronos import markup

    extracted = markup.markdown(text) if kind == "markdown" else markup.html_text(text)
    if not extracted.text.strip():
        raise InputError(f"{name}: no text to check outside the {kind} markup")
    return Document(text=extracted.text, name=name, published=published or extracted.published,
                    source=text, offset_map=extracted.offset_map)


def display_name(name: str) -> str:
    """A path as it can be printed: bytes that are not UTF-8 (kept by the OS as surrogates) as \\xff."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def iter_paths(paths: list[str]) -> list[str]:
    """Files named, and the text files under directories named, in a stable order."""
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if p != "-" and path.is_dir():
            out += sorted(str(f) for f in path.rglob("*") if f.is_file() and f.suffix.lower() in TEXT_SUFFIXES and not f.name.startswith("."))
        else:
            out.append(p)
    return out


