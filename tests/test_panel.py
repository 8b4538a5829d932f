"""The side panel, the highlighted article and the event timeline."""

from __future__ import annotations

import pytest

from geo import panel
from geo.model import Analysis, EventDate, Sentence, Toponym
from tests.layer_samples import GAO, MALI, RUSSIA, TIMBUKTU, sample_analyses

HOSTILE = ('<script>window.pwned=1</script> Troops left Timbuktu <img src=x onerror="alert(1)"> '
           'and [a link](javascript:alert(1)).')


@pytest.fixture(scope="module")
def analyses(gazetteer):
    return sample_analyses(gazetteer)


def test_highlight_marks_spans_and_escapes_the_rest():
    out = panel.highlight("a <b>Mali</b> & co", [panel.Span(5, 9, "literal")])
    assert out.startswith("a &lt;b&gt;<mark ")
    assert ">Mali</mark>&lt;/b&gt; &amp; co" in out


def test_highlight_ignores_overlapping_and_out_of_range_spans():
    out = panel.highlight("Burkina Faso", [panel.Span(0, 12, "literal"), panel.Span(8, 12, "literal"),
                                           panel.Span(5, 99, "literal")])
    assert out.count("<mark") == 1


def test_panel_of_a_city(analyses):
    info = panel.place_panel(analyses, TIMBUKTU)
    assert info.place.name == "Timbuktu" and info.place.geonameid == TIMBUKTU
    assert info.confidence == 0.9 and info.mention_count == 1
    assert [a.geonameid for a in info.alternatives] == [MALI]
    [sentence] = info.sentences
    assert sentence.text == "Troops left Timbuktu in Mali on Monday."
    assert ">Timbuktu</mark>" in sentence.html and ">Mali</mark>" not in sentence.html
    [event] = info.events
    assert (event.category, event.date, event.precision) == ("MOVE", "2022-11-14", "day")
    assert "Troops" in event.actors


def test_panel_gathers_every_document(analyses):
    info = panel.place_panel(analyses, MALI)
    assert [s.doc_id for s in info.sentences] == ["doc-a", "doc-b"]
    assert info.mention_types == ("literal", "metonymic")
    html = panel.panel_html(info, show_documents=True)
    assert "Talks in São Paulo" in html and "Delegates from" in html


def test_panel_of_an_unknown_place_is_none(analyses):
    assert panel.place_panel(analyses, 1) is None


def test_hostile_text_stays_text():
    start = HOSTILE.index("Timbuktu")
    doc = Analysis("h", HOSTILE, title="<b>t</b>", sentences=(Sentence(0, len(HOSTILE), HOSTILE),),
                   toponyms=(Toponym(start, start + 8, "Timbuktu", "literal", None, 0.0, (), 0),))
    for html in (panel.article_html(doc), panel.highlight(HOSTILE, [])):
        assert "<script>" not in html and "<img" not in html
        assert "&lt;script&gt;" in html and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html
        assert "<a " not in html  # a Markdown link is not turned into one


def test_article_marks_mentions_by_type_and_keeps_paragraphs(analyses):
    html = panel.article_html(analyses[0], selected=MALI)
    assert html.count("<p ") == 1  # one paragraph (no blank line in the text)
    assert 'class="geo-mention geo-modifier"' in html  # "Russian"
    assert 'class="geo-mention geo-unresolved"' in html  # "Zorgland"
    mali_mark = html[html.index(">Mali</mark>") - 300:html.index(">Mali</mark>")]
    assert "outline" in mali_mark  # the selected place stands out
    assert f"GeoNames {RUSSIA}" in html  # the title says what each mention resolved to


def test_timeline_sorted_by_date_with_undated_last(analyses):
    rows = panel.event_timeline(analyses)
    assert [r.id for r in rows] == ["e3", "e1", "e2"]
    assert rows[0].precision == "week" and rows[0].date == "2022-11-07 – 2022-11-13"
    assert rows[-1].date == ""


def test_timeline_filters(analyses):
    assert [r.id for r in panel.event_timeline(analyses, categories=["ASSAULT"])] == ["e2"]
    assert [r.id for r in panel.event_timeline(analyses, tenses=["past"])] == ["e3", "e1"]
    assert panel.event_timeline(analyses, categories=[]) == []
    assert panel.event_timeline([]) == []


def test_event_is_shown_where_the_events_layer_draws_it(analyses, gazetteer):
    from geo.layers import build_layers

    events = build_layers(analyses, gazetteer).events.set_index("event_id")
    for event_id in ("e1", "e2"):
        assert panel.event_place(analyses, event_id) == events.loc[event_id, "place_id"]
    assert panel.event_place(analyses, "e1") == MALI  # "where" before an origin, however precise
    assert panel.event_place(analyses, "e2") == GAO
    assert panel.event_place(analyses, "e3") is None  # linked to no place


@pytest.mark.parametrize(("date", "expected"), [
    (EventDate("2022-11-01", "2022-11-30", "month"), ("2022-11", "month")),
    (EventDate("2023-01-01", "2023-12-31", "year"), ("2023", "year")),
    (EventDate("2020-12-01", "2021-02-01", "range"), ("2020-12-01 – 2021-02-01", "range")),
    (EventDate(None, None, None), ("", "")),
    (None, ("", "")),
])
def test_date_labels(date, expected):
    assert panel.date_label(date) == expected
