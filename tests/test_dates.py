"""Date expressions: found with their offsets, resolved against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from geo.events.dates import find_dates, resolve
from geo.model import EventDate

MONDAY = dt.date(2022, 11, 14)  # the seed's publication day, a Monday
WEDNESDAY = dt.date(2022, 11, 16)


def one(text: str, published: dt.date | None = MONDAY, tense: str = "past") -> EventDate:
    found = find_dates(text)
    assert len(found) == 1, [f.text for f in found]
    return resolve(found[0], published, tense=tense)


def span(date: EventDate) -> tuple[str | None, str | None, str | None]:
    return date.start, date.end, date.precision


def test_expressions_keep_their_offsets_in_the_text() -> None:
    text = "Britain announced Monday that it had sent troops in December 2020."
    found = find_dates(text, offset=100)
    assert [text[d.start - 100:d.end - 100] for d in found] == ["Monday", "in December 2020"]
    assert [d.text for d in found] == ["Monday", "in December 2020"]


def test_a_full_date_and_a_month_need_no_publication_date() -> None:
    assert span(one("during a patrol on December 8, 2021.", None)) == ("2021-12-08", "2021-12-08", "day")
    assert span(one("on 8 December 2021", None)) == ("2021-12-08", "2021-12-08", "day")
    assert span(one("troops arrived in December 2020", None)) == ("2020-12-01", "2020-12-31", "month")
    assert span(one("since 2012", None)) == ("2012-01-01", "2012-12-31", "year")


def test_weekday_is_the_latest_such_day_for_past_events_and_the_next_for_future_ones() -> None:
    assert span(one("Britain announced Monday that")) == ("2022-11-14", "2022-11-14", "day")
    assert span(one("they met on Friday", WEDNESDAY)) == ("2022-11-11", "2022-11-11", "day")
    assert span(one("they will meet on Friday", WEDNESDAY, "future")) == ("2022-11-18", "2022-11-18", "day")
    assert span(one("they met last Wednesday", WEDNESDAY)) == ("2022-11-09", "2022-11-09", "day")


def test_weeks_are_monday_to_sunday_around_publication() -> None:
    assert span(one("talks last week")) == ("2022-11-07", "2022-11-13", "week")
    assert span(one("will meet next week", tense="future")) == ("2022-11-21", "2022-11-27", "week")
    assert span(one("will meet next week", WEDNESDAY, "future")) == ("2022-11-21", "2022-11-27", "week")


def test_windows_run_from_publication() -> None:
    assert span(one("will pull out within the next six months", tense="future")) == (
        "2022-11-14", "2023-05-14", "range")
    assert span(one("in the past two weeks")) == ("2022-10-31", "2022-11-14", "range")


def test_a_count_over_years_looks_back_from_publication_in_a_past_clause() -> None:
    # "Two coups in three years have undermined ...": the three years before publication
    assert span(one("Two coups in three years have undermined")) == ("2019-11-14", "2022-11-14", "range")
    # and forward in a future one: "will be finished in two weeks"
    assert span(one("will be finished in two weeks", tense="future")) == ("2022-11-14", "2022-11-28", "range")


def test_days_ago_and_deictic_words() -> None:
    assert span(one("three days ago")) == ("2022-11-11", "2022-11-11", "day")
    assert span(one("yesterday")) == ("2022-11-13", "2022-11-13", "day")
    assert span(one("earlier this month")) == ("2022-11-01", "2022-11-14", "range")


def test_a_day_without_year_stays_on_the_tense_side_of_publication() -> None:
    assert one("they clashed on Dec. 8").start == "2021-12-08"  # past, so not next month
    assert one("elections on Dec. 8", tense="future").start == "2022-12-08"
    assert one("they clashed in December").start == "2021-12-01"


def test_relative_expressions_stay_unresolved_without_a_publication_date() -> None:
    for text in ("Monday", "last week", "next week", "within the next six months", "two coups in three years"):
        date = one(text, None)
        assert (date.start, date.end, date.precision) == (None, None, None), text
        assert date.text  # the words are kept for the reader


def test_words_that_only_look_like_dates_are_not_dates() -> None:
    assert find_dates("Protesters may march again, and 2000 troops may stay.") == []
    assert find_dates("the days of the junta are numbered") == []


def test_an_unknown_tense_is_refused_with_the_choices() -> None:
    with pytest.raises(ValueError, match="past"):
        resolve(find_dates("next week")[0], MONDAY, tense="soon")


def test_by_the_end_of_a_period_runs_from_publication_to_its_last_day() -> None:
    assert span(one("to end the mission by the end of the year", tense="future")) == (
        "2022-11-14", "2022-12-31", "range")
    assert span(one("before the end of 2024", tense="future")) == ("2022-11-14", "2024-12-31", "range")
    assert span(one("by the end of next month", tense="future")) == ("2022-11-14", "2022-12-31", "range")
