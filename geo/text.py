"""Turning whatever arrives into analysable text: decoding, markup, sentences.

Nothing here guesses silently: undecodable bytes, empty or oversized input
raise :class:`~geo.errors.InputTextError` with what arrived and what to do.
"""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser

from geo.errors import InputTextError
from geo.model import Sentence

#: the largest article analysed in one piece (characters); a 5 MB dump is not an article
MAX_CHARS = 1_000_000


_BOMS = ((b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
         (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le"))


def decode(data: bytes, *, source: str = "input") -> str:
    """Decode article bytes, saying what went wrong rather than guessing silently.

    In order: a byte order mark (UTF-32, UTF-16, UTF-8); UTF-16/32 without one,
    recognised by where its NUL bytes fall (English text in UTF-16-LE is
    ``T\0i\0...``); UTF-8; Windows-1252 (what mislabelled news pages most
    often are); and a file mixing UTF-8 and Windows-1252 lines (pasted
    together from two sources), decoded line by line. Bytes valid in none of
    these raise :class:`InputTextError` naming the line and offset.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom):], encoding, source, "starts with a byte order mark")
    wide = _wide_encoding(data)
    if wide:
        return _strict(data, wide, source, "has the NUL-byte pattern")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as utf8_error:
        first_error = utf8_error
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        text = None
    if text is not None and not _has_utf8_sequences(data):
        return text
    return _decode_lines(data, source, first_error)


def _strict(data: bytes, encoding: str, source: str, why: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputTextError(f"{source}: {why} of {encoding.upper()} but is not {encoding.upper()} "
                             f"(byte offset {exc.start}); save it as UTF-8 and try again.") from exc


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16/32 without a byte order mark, from the NUL bytes of its first 4 KB, else ``None``.

    Text in these encodings has a NUL in (nearly) every other byte (UTF-16) or in three
    bytes of four (UTF-32), on the high side of each code unit; text in UTF-8 or
    Windows-1252 has none. A stray NUL or two never trigger this.
    """
    head = data[:4096]
    n = len(head) - len(head) % 4
    if n < 8 or head.count(0) < n // 4:
        return None
    units = [head[i:n:4].count(0) / (n // 4) for i in range(4)]
    if units[1] > 0.9 and units[2] > 0.9 and units[3] > 0.9:
        return "utf-32-le"
    if units[0] > 0.9 and units[1] > 0.9 and units[2] > 0.9:
        return "utf-32-be"
    odd, even = (units[1] + units[3]) / 2, (units[0] + units[2]) / 2
    if odd > 0.6 and even < 0.1:
        return "utf-16-le"
    if even > 0.6 and odd < 0.1:
        return "utf-16-be"
    return None


#: a multi-byte UTF-8 sequence (a lead byte and its continuation bytes)
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _has_utf8_sequences(data: bytes) -> bool:
    return _UTF8_SEQUENCE.search(data) is not None


def _decode_lines(data: bytes, source: str, first_error: UnicodeDecodeError) -> str:
    """A file of UTF-8 and Windows-1252 lines, each decoded in its own encoding."""
    lines = []
    for number, line in enumerate(data.splitlines(keepends=True), 1):
        try:
            lines.append(line.decode("utf-8"))
            continue
        except UnicodeDecodeError as exc:
            error = exc
        try:
            lines.append(line.decode("cp1252"))
        except UnicodeDecodeError as exc:
            raise InputTextError(
                f"{source}: line {number} is not UTF-8 (byte {line[error.start:error.start + 1]!r} at column "
                f"{error.start + 1}) nor Windows-1252; save it as UTF-8 and try again.") from exc
    return "".join(lines).removeprefix("\ufeff")


class _TextExtractor(HTMLParser):
    """Collects the visible text of an HTML page; drops scripts, styles and markup."""

    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
             "article", "header", "footer", "blockquote", "figcaption", "title", "ul", "ol", "table"}
    HIDDEN = {"script", "style", "noscript", "template", "svg", "head"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "title":
            self._in_title = True
        if tag in self.HIDDEN:
            self._hidden += 1
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in self.HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if not self._hidden:
            self.parts.append(data)


#: an opening tag of a text block; ``[^<>]*`` stops at the next "<", so a run of "<p<p<p" stays linear
_HTML_TAG = re.compile(r"<(html|body|p|div|article|br|span|h[1-6])\b[^<>]*>", re.I)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_TAG.search(text[:5000]))


#: a "<" that opens no tag before the next "<" (or an odd "<!" declaration): text, not markup
_STRAY_LT = re.compile(r"<(?![A-Za-z/?][^<>]*>|!(?i:doctype)[^<>]*>)")


def _defuse(markup: str) -> str:
    """Markup that :class:`html.parser.HTMLParser` reads in linear time.

    The parser rescans to the end of the text for every tag left open ("<p<p<p...",
    "<!--<!--..."), which is quadratic. Comments are cut out here (an unclosed one hides the
    rest, as in a browser), and every "<" that opens no tag before the next "<" becomes
    "&lt;", so it is read as the text it is. Each step reads the markup once.
    """
    kept, i = [], 0
    while (j := markup.find("<!--", i)) >= 0:
        kept.append(markup[i:j])
        k = markup.find("-->", j + 4)
        if k < 0:
            i = len(markup)
            break
        i = k + 3
    kept.append(markup[i:])
    return _STRAY_LT.sub("&lt;", "".join(kept))


def html_to_text(markup: str) -> tuple[str, str]:
    """Visible text and ``<title>`` of an HTML document (markup dropped, entities decoded)."""
    parser = _TextExtractor()
    try:
        parser.feed(_defuse(markup))
        parser.close()
    except (AssertionError, ValueError) as exc:  # older html.parser asserts on some broken declarations
        raise InputTextError(f"Could not read this HTML ({exc}); save the page's text as .txt and try again.") from exc
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" *\n[ \n]*\n *", "\n\n", text)
    return text.strip(), html.unescape(parser.title.strip())


def check_text(text: object, *, max_chars: int = MAX_CHARS) -> str:
    """The text itself if it can be analysed; a clear error otherwise."""
    if isinstance(text, bytes):
        raise InputTextError("Expected article text as str, got bytes; decode it first with geo.text.decode().")
    if not isinstance(text, str):
        raise InputTextError(f"Expected article text as str, instead got: {type(text).__name__}.")
    if not text.strip():
        raise InputTextError("The article text is empty; paste or load an article with some text in it.")
    if len(text) > max_chars:
        raise InputTextError(
            f"The article is {len(text):,} characters long, more than the {max_chars:,} analysed "
            f"at once; split it into articles (for a corpus, use `python -m geo parse --jsonl`)."
        )
    return text


_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "col", "lt", "sgt", "capt", "maj",
    "prof", "jr", "sr", "inc", "corp", "ltd", "co", "vs", "etc", "no", "mt", "ft", "pt", "ste", "ave", "blvd",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k",
    "u.n", "e.g", "i.e", "a.m", "p.m", "approx", "dept", "est", "fig", "rev", "hon", "adm", "cmdr",
    # AP-style abbreviations of US states and Canadian provinces, often in datelines
    "ala", "ariz", "ark", "calif", "colo", "conn", "fla", "ga", "kan", "kans", "ky", "md", "mass",
    "mich", "minn", "mont", "neb", "nebr", "nev", "okla", "pa", "penn", "tenn", "tex", "vt", "va",
    "wis", "wisc", "wyo", "n.h", "n.j", "n.m", "n.y", "n.c", "n.d", "s.c", "s.d", "r.i", "ont", "que",
    "ill", "la", "wash", "miss", "mo", "ind", "ore", "del", "d.c",
}


#: what follows a sentence's closing marks: closing quotes, space, then a capital or a digit
_AFTER_MARKS = r"[\"'”’)\]]*+\s++(?=[\"'“‘(\[]?[A-Z0-9])"
#: A sentence end: a run of . ! ? (the look-behind after its first mark says no mark stands
#: before it, so the matcher never restarts inside a run), closing quotes, space, then a capital
#: or a digit; or a line break. Possessive quantifiers never backtrack. Each alternative opens
#: with a literal character, so the regex engine skips from one of ". ! ? newline" to the next
#: instead of trying the pattern at every position (as it does when a look-behind comes first).
_BOUNDARY = re.compile("|".join(
    [rf"{re.escape(mark)}(?<![.!?]{re.escape(mark)})[.!?]*+{_AFTER_MARKS}" for mark in ".!?"]
    + [r"\n\s*\n", r"\n(?=\s*\S)"]))


def split_sentences(text: str) -> tuple[Sentence, ...]:
    """Sentences with character offsets; blank lines and line breaks always end one.

    Linear in the length of the text: a full stop after an initial or an abbreviation
    ("J.", "U.S.", "Gen.") is judged by the word just before it, never by rescanning the
    sentence so far (which made 40 KB of "U.S. " take 15 s; 1 MB now takes under a second).
    """
    sentences = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group(0)[0] == "." and _ends_abbreviation(text, start, m.start()):
            continue
        end = m.start() + len(m.group(0).rstrip())
        _add(sentences, text, start, end)
        start = m.end()
    _add(sentences, text, start, len(text))
    return tuple(sentences)


def _ends_abbreviation(text: str, start: int, stop: int) -> bool:
    """Whether the full stop at ``stop`` ends an initial or a known abbreviation.

    The word is the run of word characters and dots just before the stop (not before
    ``start``, the sentence's start); runs end at white space, which every boundary
    contains, so the look-backs over one text add up to at most its length.
    """
    i = stop
    while i > start and (text[i - 1].isalnum() or text[i - 1] in "._"):
        i -= 1
    word = text[i:stop]
    return bool(word) and (len(word) == 1 or word.lower() in _ABBREVIATIONS)


def _add(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end, text[start:end]))


#: apostrophe and hyphen look-alikes, folded to ASCII for matching (the gazetteer's ``name_key`` uses the same)
APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u02bb": "'", "`": "'",
                             "\u00b4": "'", "\u2032": "'", "\uff07": "'",
                             "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-"})


def fold(name: str) -> str:
    """``name`` with apostrophe look-alikes made ASCII and accents removed, case kept.

    >>> fold("Côte d’Ivoire")
    "Cote d'Ivoire"
    """
    if name.isascii():
        return name.replace("`", "'")
    decomposed = unicodedata.normalize("NFKD", name.translate(APOSTROPHES))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def match_key(name: str) -> str:
    """The key two spellings of one name share: folded, lower case, no dots, single spaces.

    >>> match_key("CÔTE D`IVOIRE") == match_key("Cote d’Ivoire") == "cote d'ivoire"
    True
    """
    return " ".join(fold(name).replace(".", "").casefold().split())

