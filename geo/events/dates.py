"""Date expressions in news text, normalised against the publication date.

Two steps, kept apart so each is testable alone:

* :func:`find_dates` finds expressions ("on December 8, 2021", "Monday",
  "last week", "within the next six months", "in three years") and parses
  them into a :class:`DateExpression` without resolving anything;
* :func:`resolve` turns one expression into an :class:`~geo.model.EventDate`
  given the publication date and the tense of the event it dates, because
  "Monday" means the Monday before publication in "announced Monday" and the
  one after in "will meet Monday".

Without a publication date, relative expressions stay unresolved (``start``
and ``precision`` are ``None``) instead of being guessed from today's date;
absolute ones ("December 2020") still resolve.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import NamedTuple

from geo.events.words import MONTHS, WEEKDAYS
from geo.model import EventDate

NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "eighteen": 18,
    "twenty": 20, "thirty": 30, "several": 3, "few": 3, "a few": 3, "couple": 2, "a couple of": 2,
}
UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
         "months": "month", "year": "year", "years": "year", "decade": "decade", "decades": "decade"}
TENSES = ("past", "ongoing", "future", "hypothetical")

_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
_DAYNUM = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_NUM = r"(?P<num>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty|several|a few|a couple of)"
_UNIT = r"(?P<unit>days?|weeks?|months?|years?|decades?)"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

#: (kind, pattern) tried in this order; earlier kinds win on overlap
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((kind, re.compile(p, 0 if kind in ("md", "dm", "month", "mdy", "dmy") else re.I)) for kind, p in (
    ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<day>[0-3]\d)\b"),
    ("mdy", rf"\b(?:(?i:on|since|by|until|from)\s+)?{_MONTH}\s+{_DAYNUM},?\s+{_YEAR}\b"),
    ("dmy", rf"\b(?:(?i:on|since|by|until|from)\s+)?{_DAYNUM}\s+{_MONTH},?\s+{_YEAR}\b"),
    ("md", rf"\b(?:(?i:on|since|by|until|from)\s+)?{_MONTH}\s+{_DAYNUM}\b(?![,\s]*\d)"),
    ("dm", rf"\b(?:(?i:on|since|by|until|from)\s+)?{_DAYNUM}\s+{_MONTH}(?![,\s]*\d)"),
    ("month", rf"\b(?:(?i:in|since|by|until|from|during|of|early|late|mid-?)\s+)*{_MONTH}(?:,?\s+{_YEAR})?\b"),
    ("window_next", rf"\b(?:within|in|over|during)\s+the\s+(?:next|coming)\s+(?:{_NUM}\s+)?{_UNIT}\b"),
    ("window_within", rf"\bwithin\s+{_NUM}\s+{_UNIT}\b"),
    ("window_past", rf"\b(?:in|over|during|for)\s+the\s+(?:past|last|previous)\s+(?:{_NUM}\s+)?{_UNIT}\b"),
    ("ago", rf"\b{_NUM}\s+{_UNIT}\s+ago\b"),
    ("in_units", rf"\b(?:in|within)\s+{_NUM}\s+{_UNIT}\b"),
    ("around", r"\b(?P<which>earlier|later)\s+this\s+(?P<unit>week|month|year)\b"),
    ("end_of", r"\b(?:by|before|until|at)\s+the\s+end\s+of\s+(?:(?P<which>the|this|next)\s+(?P<unit>week|month|year)|(?P<year>(?:19|20)\d\d))\b"),
    ("shift_unit", r"\b(?P<which>last|this|next|past|coming)\s+(?P<unit>week|month|year|weekend)\b"),
    ("shift_weekday", rf"\b(?:(?P<which>last|this|next|coming|on)\s+)?{_WEEKDAY}(?:\s+(?P<part>morning|afternoon|evening|night))?\b"),
    ("deictic", r"\b(?P<word>today|yesterday|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening))\b"),
    ("year", rf"\b(?P<prep>in|since|by|until|from|during|early|late|mid-?|of|and|to|between)\s+(?:the\s+year\s+)?{_YEAR}\b(?![-–]\d)"),
))


class DateExpression(NamedTuple):
    """A date expression found in text, parsed but not yet resolved.

    ``start``/``end`` are character offsets into the text given to
    :func:`find_dates` (plus its ``offset``). A named tuple rather than a frozen dataclass:
    as immutable, and made in a fraction of the instructions (a frozen dataclass's
    ``__init__`` sets each of the eleven fields through ``object.__setattr__``).
    """

    start: int
    end: int
    text: str
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    which: str | None = None  # "last", "this", "next", "earlier", "later", "since", ...
    amount: int | None = None
    unit: str | None = None

    @property
    def relative(self) -> bool:
        """Whether the publication date is needed to resolve it."""
        return self.year is None and self.kind not in ("iso",)


def _number(word: str | None) -> int:
    if not word:
        return 1
    word = word.lower()
    return int(word) if word.isdigit() else NUMBERS.get(word, 1)


def _lead(text: str) -> str | None:
    m = re.match(r"(on|since|by|until|from|in|during|of|early|late|mid)\b", text, re.I)
    return m.group(1).lower() if m else None


#: the month patterns match capitalised month names only (their flags): they need one of these,
#: searched in the text as written ("may", "market" and "decided" open no window)
_MONTH_CUES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
#: substrings each other kind of pattern needs, searched in the lower-cased text; patterns
#: only run in windows around them
_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("day", ("weekday", "unit", "deictic")), ("week", ("unit",)), ("month", ("unit",)), ("year", ("unit",)),
    ("decade", ("unit",)), ("tomorrow", ("deictic",)), ("night", ("deictic",)), ("morning", ("deictic",)),
    ("afternoon", ("deictic",)), ("evening", ("deictic",)), ("end of", ("end",)),
)
_PATTERN_NEEDS = {
    "iso": "year", "mdy": "month", "dmy": "month", "md": "month", "dm": "month", "month": "month",
    "window_next": "unit", "window_within": "unit", "window_past": "unit", "ago": "unit",
    "in_units": "unit", "around": "unit", "end_of": "end", "shift_unit": "unit", "shift_weekday": "weekday",
    "deictic": "deictic", "year": "year",
}
#: words a pattern cannot match without (checked in each window before running it)
_PATTERN_WORDS: dict[str, tuple[str, ...]] = {
    "window_next": ("next", "coming"), "window_within": ("within",), "window_past": ("past", "last", "previous"),
    "ago": ("ago",), "in_units": ("in ", "within"), "around": ("earlier", "later"),
    "shift_unit": ("last", "this", "next", "past", "coming"), "end_of": ("end of",), "iso": ("-",),
}
_YEAR_CUE = re.compile(r"\d\d\d\d")
#: how a year of ``_YEAR`` opens
_CENTURIES = ("18", "19", "20")
_DIGIT = re.compile(r"\d")
#: words one of which the match of a case-blind pattern holds: looked for in lower case, so
#: only in a window of ASCII text (``re.I`` also matches "ſ" to "s" and the Kelvin sign to "k")
_ASCII_WORDS: dict[str, tuple[str, ...]] = {
    "deictic": ("today", "yesterday", "tomorrow", "tonight", "night", "morning", "afternoon", "evening"),
    "shift_weekday": tuple(WEEKDAYS),
}


def _cannot_match(kind: str, text: str, lo: int, hi: int) -> bool:
    """Whether the window ``text[lo:hi]`` lacks what every match of ``kind`` holds, which a
    substring test tells for much less than running the pattern over the window."""
    if kind in ("mdy", "dmy"):
        window = text[lo:hi]
        return not any(century in window for century in _CENTURIES)
    if kind in ("md", "dm"):
        return _DIGIT.search(text, lo, hi) is None
    words = _ASCII_WORDS.get(kind)
    if words is None:
        return False
    window = text[lo:hi]
    return window.isascii() and not any(word in window.lower() for word in words)


def _windows(text: str, low: str) -> dict[str, list[tuple[int, int]]]:
    """Where each kind of pattern may match: (start, end) windows around cue substrings.

    Plain substring search is far cheaper than trying every pattern at every
    position, and most of an article holds no date at all. ``low``: the text in lower case.
    """
    hits: dict[str, list[int]] = {}
    for cue in _MONTH_CUES:
        i = text.find(cue)
        while i != -1:
            hits.setdefault("month", []).append(i)
            i = text.find(cue, i + 1)
    for cue, needs in _CUES:
        i = low.find(cue)
        while i != -1:
            for need in needs:
                hits.setdefault(need, []).append(i)
            i = low.find(cue, i + 1)
    for m in _YEAR_CUE.finditer(text):
        hits.setdefault("year", []).append(m.start())
    windows: dict[str, list[tuple[int, int]]] = {}
    for need, positions in hits.items():
        spans: list[tuple[int, int]] = []
        for pos in sorted(positions):
            lo, hi = max(0, pos - 45), min(len(text), pos + 35)
            if spans and lo <= spans[-1][1]:
                spans[-1] = (spans[-1][0], hi)
            else:
                spans.append((lo, hi))
        windows[need] = spans
    return windows


def find_dates(text: str, *, offset: int = 0) -> list[DateExpression]:
    """Date expressions in ``text``, in order, without overlaps."""
    found: list[DateExpression] = []
    taken: list[tuple[int, int]] = []
    low = text.lower()
    windows = _windows(text, low)
    if not windows:
        return found
    # each window in lower case, cut once for all the patterns that look for words in it
    lowered = {need: [(lo, hi, low[lo:hi]) for lo, hi in spans] for need, spans in windows.items()}
    for kind, pattern in _PATTERNS:
        words = _PATTERN_WORDS.get(kind)
        for lo, hi, window in lowered.get(_PATTERN_NEEDS[kind], ()):
            if words and not any(map(window.__contains__, words)) or _cannot_match(kind, text, lo, hi):
                continue  # the pattern's own words are not there
            for m in pattern.finditer(text, lo, hi):
                s, e = m.span()
                if any(s < te and e > ts for ts, te in taken):
                    continue
                expr = _parse(kind, m, text, offset)
                if expr is None:
                    continue
                taken.append((s, e))
                found.append(expr)
    return sorted(found, key=lambda x: x.start)


def _parse(kind: str, m: re.Match[str], text: str, offset: int) -> DateExpression | None:
    s, e = m.span()
    surface = m.group(0)
    base = {"start": s + offset, "end": e + offset, "text": surface, "which": _lead(surface)}
    return _PARSERS[kind](kind, m.groupdict(), base, text, s)


def _parse_day(kind: str, g: dict, base: dict, text: str, s: int) -> DateExpression | None:
    if kind == "iso":
        return DateExpression(kind="day", year=int(g["year"]), month=int(g["m"]), day=int(g["day"]), **base)
    month = MONTHS[g["month"].rstrip(".").lower()]
    day = int(g["day"])
    if not 1 <= day <= 31:
        return None
    year = int(g["year"]) if g.get("year") else None
    if year is not None and day > calendar.monthrange(year, month)[1]:
        return None
    return DateExpression(kind="day", year=year, month=month, day=day, **base)


def _parse_month(kind: str, g: dict, base: dict, text: str, s: int) -> DateExpression | None:
    word = g["month"].rstrip(".").lower()
    lead = base["which"]
    if word == "may" and not g.get("year") and not lead:
        return None  # the modal verb "may"
    if word in ("mar", "march") and not g.get("year") and not lead:
        return None  # "march" the verb or noun, unless "in March"
    if not g["month"][0].isupper():
        return None
    return DateExpression(kind="month", year=int(g["year"]) if g.get("year") else None, month=MONTHS[word], **base)


def _parse_amount(kind: str, g: dict, base: dict, text: str, s: int) -> DateExpression:
    """"within the next six months", "over the past year", "two weeks ago", "in three years"."""
    kind = {"window_within": "window_next"}.get(kind, kind)
    return DateExpression(kind=kind, amount=_number(g.get("num")), unit=UNITS[g["unit"].lower()], **base)


def _parse_unit(kind: str, g: dict, base: dict, text: str, s: int) -> DateExpression:
    """"by the end of the year", "earlier this month", "next week"."""
    if kind == "end_of":
        if g.get("year"):
            return DateExpression(kind="end_of", year=int(g["year"]), unit="year", **{**base, "which": "this"})
        return DateExpression(kind="end_of", unit=g["unit"].lower(), **{**base, "which": g["which"].lower()})
    if kind == "around":
        return DateExpression(kind="around", unit=g["unit"].lower(), **{**base, "which": g["which"].lower()})
    which = g["which"].lower()
    which = {"past": "last", "coming": "next"}.get(which, which)
    return DateExpression(kind="shift_unit", unit=g["unit"].lower(), **{**base, "which": which})


def _parse_weekday(kind: str, g: dict, base: dict, text: str, s: int) -> DateExpression | None:
    if not g["weekday"][0].isupper():
        return None
    which = (g.get("which") or "").lower() or None
    which = {"coming": "next", "on": None}.get(which, which) if which else None
    return DateExpression(kind="weekday", weekday=WEEKDAYS[g["weekday"].lower()], **{**base, "which": which})


def _parse_deictic(kind: str, g: dict, base: dict, text: str, s: int) -> DateExpression:
    word = re.sub(r"\s+", " ", g["word"].lower())
    shift = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(word, 0)
    return DateExpression(kind="deictic", amount=shift, **base)


def _parse_year(kind: str, g: dict, base: dict, text: str, s: int) -> DateExpression | None:
    prep = g["prep"].lower().rstrip("-")
    if prep in ("and", "to") and not re.search(r"\b(?:in|since|from|between|of)\s*$", text[max(0, s - 30):s]):
        return None  # "... and 2019", "up to 2020" with no "in", "since", "between" before: no date
    return DateExpression(kind="year", year=int(g["year"]), **{**base, "which": prep})


_PARSERS = {
    "iso": _parse_day, "mdy": _parse_day, "dmy": _parse_day, "md": _parse_day, "dm": _parse_day,
    "month": _parse_month, "window_next": _parse_amount, "window_within": _parse_amount,
    "window_past": _parse_amount, "ago": _parse_amount, "in_units": _parse_amount, "end_of": _parse_unit,
    "around": _parse_unit, "shift_unit": _parse_unit, "shift_weekday": _parse_weekday,
    "deictic": _parse_deictic, "year": _parse_year,
}


# -- resolution ---------------------------------------------------------------------------


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, clamped to the target month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def shift(day: dt.date, amount: int, unit: str) -> dt.date:
    if unit == "day":
        return day + dt.timedelta(days=amount)
    if unit == "week":
        return day + dt.timedelta(weeks=amount)
    if unit == "month":
        return add_months(day, amount)
    if unit == "year":
        return add_months(day, 12 * amount)
    if unit == "decade":
        return add_months(day, 120 * amount)
    raise ValueError(f"Expected a unit in day, week, month, year, decade, instead got: {unit!r}.")


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """Monday to Sunday around ``day`` (ISO weeks)."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def month_of(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def _date(start: dt.date | None, end: dt.date | None, precision: str | None, text: str) -> EventDate:
    return EventDate(start.isoformat() if start else None, end.isoformat() if end else None, precision, text)


def _forward(tense: str) -> bool:
    """Whether an ambiguous reference ("Monday", "December 8") points after publication."""
    return tense in ("future", "hypothetical")


def resolve(expr: DateExpression, published: dt.date | None, *, tense: str = "past") -> EventDate:
    """The :class:`EventDate` an expression denotes, read from ``published`` in ``tense``.

    >>> resolve(find_dates("next week")[0], dt.date(2022, 11, 14))
    EventDate(start='2022-11-21', end='2022-11-27', precision='week', text='next week')
    """
    if tense not in TENSES:
        raise ValueError(f"Expected a tense in {TENSES}, instead got: {tense!r}.")
    absolute = _absolute(expr, published)
    if absolute is not None:
        return absolute
    if published is None:
        return EventDate(None, None, None, expr.text)
    relative = _RELATIVE.get(expr.kind)
    if relative is None:
        return EventDate(None, None, None, expr.text)
    return relative(expr, published, tense)


def _absolute(expr: DateExpression, published: dt.date | None) -> EventDate | None:
    """Expressions that carry their year: "December 8, 2021", "December 2020", "since 2019"."""
    text = expr.text
    if expr.kind == "day" and expr.year is not None:
        day = dt.date(expr.year, expr.month, expr.day)
        if expr.which == "since" and published is not None and day <= published:
            return _date(day, published, "range", text)
        return _date(day, day, "day", text)
    if expr.kind == "month" and expr.year is not None:
        first, last = month_of(expr.year, expr.month)
        return _date(first, last, "month", text)
    if expr.kind == "end_of" and expr.year is not None:
        if published is not None and published.year <= expr.year:
            return _date(published, dt.date(expr.year, 12, 31), "range", text)
        return _date(dt.date(expr.year, 1, 1), dt.date(expr.year, 12, 31), "year", text)
    if expr.kind == "year":
        first, last = dt.date(expr.year, 1, 1), dt.date(expr.year, 12, 31)
        if expr.which == "since" and published is not None and first <= published:
            return _date(first, published, "range", text)
        return _date(first, last, "year", text)
    return None


def _day(expr: DateExpression, published: dt.date, tense: str) -> EventDate:
    """"December 8": the year that keeps it on the tense's side of publication."""
    year = published.year
    day = dt.date(year, expr.month, min(expr.day, calendar.monthrange(year, expr.month)[1]))
    if _forward(tense) and day < published - dt.timedelta(days=1):
        day = dt.date(year + 1, expr.month, expr.day)
    elif tense == "past" and day > published + dt.timedelta(days=1):
        day = dt.date(year - 1, expr.month, expr.day)
    return _date(day, day, "day", expr.text)


def _month(expr: DateExpression, published: dt.date, tense: str) -> EventDate:
    year = published.year
    if _forward(tense) and expr.month < published.month:
        year += 1
    elif not _forward(tense) and expr.month > published.month:
        year -= 1
    first, last = month_of(year, expr.month)
    return _date(first, last, "month", expr.text)


def _weekday(expr: DateExpression, published: dt.date, tense: str) -> EventDate:
    delta = expr.weekday - published.weekday()
    if expr.which == "last":
        back = (published.weekday() - expr.weekday) % 7 or 7
        day = published - dt.timedelta(days=back)
    elif expr.which == "next":
        day = published + dt.timedelta(days=delta % 7 or 7)
    elif _forward(tense) or tense == "ongoing":
        day = published + dt.timedelta(days=delta % 7)
    else:  # news reports past events on the latest such weekday, publication day included
        day = published - dt.timedelta(days=(published.weekday() - expr.weekday) % 7)
    return _date(day, day, "day", expr.text)


def _deictic(expr: DateExpression, published: dt.date, tense: str) -> EventDate:
    day = published + dt.timedelta(days=expr.amount or 0)
    return _date(day, day, "day", expr.text)


def _period(anchor: dt.date, unit: str) -> tuple[dt.date, dt.date]:
    """The week, month or year around ``anchor``."""
    if unit == "week":
        return week_of(anchor)
    if unit == "month":
        return month_of(anchor.year, anchor.month)
    return dt.date(anchor.year, 1, 1), dt.date(anchor.year, 12, 31)


def _shift_unit(expr: DateExpression, published: dt.date, tense: str) -> EventDate:
    step = {"last": -1, "this": 0, "next": 1}[expr.which or "this"]
    if expr.unit == "weekend":
        saturday = week_of(published)[0] + dt.timedelta(days=5)
        if expr.which == "this" and published.weekday() < 5 and not _forward(tense):
            step = 0
        saturday += dt.timedelta(weeks=step)
        return _date(saturday, saturday + dt.timedelta(days=1), "range", expr.text)
    first, last = _period(shift(published, step, expr.unit), expr.unit)
    return _date(first, last, expr.unit, expr.text)


def _end_of(expr: DateExpression, published: dt.date, tense: str) -> EventDate:
    """"by the end of the year": from now to the period's last day."""
    anchor = shift(published, 1, expr.unit) if expr.which == "next" else published
    return _date(published, _period(anchor, expr.unit)[1], "range", expr.text)


def _around(expr: DateExpression, published: dt.date, tense: str) -> EventDate:
    first, last = _period(published, expr.unit)
    if expr.which == "earlier":
        return _date(first, published, "range", expr.text)
    return _date(published, last, "range", expr.text)


def _window_next(expr: DateExpression, published: dt.date, tense: str) -> EventDate:
    text = expr.text
    if tense == "past" and text.lower().startswith("within") and "next" not in text.lower():
        # "within six months, the rebels had ..." measures from an earlier event, not from today
        return EventDate(None, None, None, text)
    return _date(published, shift(published, expr.amount or 1, expr.unit or "day"), "range", text)


def _window_past(expr: DateExpression, published: dt.date, tense: str) -> EventDate:
    return _date(shift(published, -(expr.amount or 1), expr.unit or "day"), published, "range", expr.text)


def _ago(expr: DateExpression, published: dt.date, tense: str) -> EventDate:
    unit = expr.unit or "day"
    day = shift(published, -(expr.amount or 1), unit)
    if unit == "day":
        return _date(day, day, "day", expr.text)
    if unit in ("week", "month"):
        first, last = _period(day, unit)
        return _date(first, last, unit, expr.text)
    return _date(dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), "year", expr.text)


def _in_units(expr: DateExpression, published: dt.date, tense: str) -> EventDate:
    amount, unit, text = expr.amount or 1, expr.unit or "day", expr.text
    if _forward(tense) or tense == "ongoing" and text.lower().startswith("within"):
        return _date(published, shift(published, amount, unit), "range", text)
    # "two coups in three years have undermined ...": the window that ends at publication
    return _date(shift(published, -amount, unit), published, "range", text)


#: kind -> how an expression of that kind is read against the publication date
_RELATIVE = {
    "day": _day, "month": _month, "weekday": _weekday, "deictic": _deictic, "shift_unit": _shift_unit,
    "end_of": _end_of, "around": _around, "window_next": _window_next, "window_past": _window_past,
    "ago": _ago, "in_units": _in_units,
}
