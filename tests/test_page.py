"""The page's view models (geo.web.page): plain functions, no Streamlit."""

from __future__ import annotations

import datetime as dt
import pickle
from dataclasses import replace

import pytest

from geo.model import Toponym
from geo.summary import summarise
from geo.web import page
from tests.layer_samples import GAO, MALI, SAHEL, TIMBUKTU, sample_analyses


@pytest.fixture(scope="module")
def analyses(gazetteer):
    return sample_analyses(gazetteer)


def test_articles_are_library_types_that_survive_pickling(tmp_path):
    (tmp_path / "a.txt").write_text("Talks in Accra.", encoding="utf-8")
    (tmp_path / "a.json").write_text('{"title": "T", "published": "2012-03-08T10:00:00Z"}', encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x", encoding="utf-8")
    articles = page.read_folder(tmp_path)
    assert list(articles) == ["a"]
    article = articles["a"]
    assert (article.title, article.published) == ("T", dt.date(2012, 3, 8))
    assert type(article).__module__ == "geo.web.page"  # never app.py's __main__
    assert pickle.loads(pickle.dumps(article)) == article


def test_the_streamlit_side_defines_no_classes_of_its_own():
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    for path in [root / "app.py", *sorted((root / "webapp").glob("*.py"))]:
        source = path.read_text(encoding="utf-8")
        assert "@dataclass" not in source and "\nclass " not in source, path.name


def test_an_article_key_changes_with_everything_an_analysis_depends_on():
    article = page.Article("a", "Talks in Accra.", "T", dt.date(2012, 3, 8), "seeds/a.txt")
    key = page.article_key(article)
    assert key == page.article_key(replace(article, source="upload: a.txt"))  # where it came from is not analysed
    for changed in (replace(article, text="Talks in Dakar."), replace(article, title="U"),
                    replace(article, published=None), replace(article, id="b")):
        assert page.article_key(changed) != key
    assert page.combined_key([key, "x"]) != page.combined_key(["x", key])


def test_dates_before_2016_are_accepted():
    assert page.PUBLISHED_MIN <= dt.date(1995, 6, 1)
    assert page.published_max(dt.date(2026, 1, 1)) > dt.date(2026, 12, 31)


def test_mention_keys_round_trip_and_find_their_mention(analyses):
    doc = analyses[0]
    toponym = doc.toponyms[1]
    ref = page.MentionRef.of(doc, toponym)
    assert page.MentionRef.parse(ref.key) == ref
    assert page.MentionRef.parse("a|b|3|9") == page.MentionRef("a|b", 3, 9)  # a "|" in the id
    assert ref.find(analyses) == (doc, toponym)
    assert page.MentionRef("doc-a", 0, 1).find(analyses) is None
    options = page.mention_options(analyses, resolved_only=True)
    assert len(options) == sum(1 for a in analyses for t in a.toponyms if t.place)


def test_correction_choices_offer_alternatives_with_scores_never_the_current_place(analyses, gazetteer):
    timbuktu = analyses[0].toponyms[0]
    choices = page.correction_choices(timbuktu, [gazetteer.get(GAO), gazetteer.get(TIMBUKTU)])
    values = [c.value for c in choices]
    assert values == [str(MALI), str(GAO), page.NOT_A_PLACE]  # the alternative first, with its score
    assert "score 0.25" in choices[0].label and choices[0].score == 0.25


def test_selection_is_trimmed_to_words():
    text = "Floods hit  Kalinda, officials said."
    assert page.selection_span(text, 10, 20) == (12, 19)
    assert page.selection_span(text, 19, 21) is None
    assert page.selection_span(text, -5, 999) == (0, len(text) - 1)


def test_filters_apply_to_documents_countries_and_categories(analyses):
    assert [a.id for a in page.apply_filters(analyses, page.Filters())] == ["doc-a", "doc-b"]
    assert [a.id for a in page.apply_filters(analyses, page.Filters(doc_ids=frozenset({"doc-b"})))] == ["doc-b"]
    late = page.Filters(published_from=dt.date(2022, 11, 20))
    assert [a.id for a in page.apply_filters(analyses, late)] == ["doc-b"]
    [doc] = page.apply_filters(analyses[:1], page.Filters(categories=frozenset({"ASSAULT"})))
    assert [e.id for e in doc.events] == ["e2"]
    [doc] = page.apply_filters(analyses[:1], page.Filters(countries=frozenset({"ML"})))
    assert {t.place.country_code for t in doc.toponyms} == {"ML"}
    # event links follow their toponyms' new indices
    for event in doc.events:
        for link in event.places:
            if link.toponym is not None:
                assert doc.toponyms[link.toponym].place.geonameid == link.geonameid
    assert page.filter_options(analyses)["categories"] == ["ASSAULT", "MOVE"]


def test_places_table_is_plain_rows_from_the_summary(analyses):
    rows = page.places_table(summarise(analyses))
    mali = next(r for r in rows if r["geonameid"] == MALI)
    assert mali == {"place": "Mali", "kind": "country", "country": "ML", "mentions": 2, "articles": 2,
                    "events": 1, "confidence": 0.975, "geonameid": MALI}


def test_timeline_frame_gives_day_events_a_visible_bar(analyses):
    from geo import panel

    frame = page.timeline_frame([e for e in panel.event_timeline(analyses) if e.start])
    e1 = frame[frame["event"] == "Troops withdraw"].iloc[0]
    assert (e1["end"] - e1["start"]).days == 1


def test_saved_corrections_apply_and_not_a_place_is_no_stale_warning(analyses, gazetteer, tmp_path):
    from geo.corrections import Correction, CorrectionStore

    store = CorrectionStore(tmp_path / "c.sqlite")
    doc = analyses[0]
    gao = next(t for t in doc.toponyms if t.place and t.place.geonameid == GAO)
    store.add(page.correction_for("mention", doc.id, gao, None))
    start = doc.text.index("officials")
    store.add(Correction.add_place(doc.id, start, start + 9, "officials", SAHEL))  # a missed place
    fixed, warnings = page.corrected(doc, store, gazetteer)
    assert warnings == []  # checked on the resolver's analysis, before "not a place" removes it
    assert not fixed.mentions_of(GAO) and any(t.text == "officials" for t in fixed.toponyms)
    store.add(Correction.mention(doc.id, 1, 4, "zzz", MALI))  # a mention that is not there
    assert page.corrected(doc, store, gazetteer)[1] == ["1 saved correction(s) no longer match a mention."]


def test_scopes_reach_this_mention_this_article_or_every_article(analyses, gazetteer, tmp_path):
    from geo.corrections import CorrectionStore

    store = CorrectionStore(tmp_path / "c.sqlite")
    a, b = analyses
    mali = next(t for t in a.toponyms if t.text == "Mali")
    assert page.correction_for("mention", a.id, mali, None).scope == "mention"
    store.add(page.correction_for("everywhere", a.id, mali, None))
    for doc in analyses:
        fixed, _ = page.corrected(doc, store, gazetteer)
        assert not fixed.mentions_of(MALI)
    assert [c.scope for c in page.saved_corrections(store, [a.id, b.id])] == ["everywhere"]  # listed once


def test_broken_store_leaves_the_analysis_and_says_so(analyses, gazetteer, tmp_path):
    from geo.corrections import CorrectionStore

    path = tmp_path / "c.sqlite"
    path.write_bytes(b"\xff\xfe not a database at all" * 50)
    fixed, warnings = page.corrected(analyses[0], CorrectionStore(path), gazetteer)
    assert fixed is analyses[0] and warnings and "corrections not applied" in warnings[0]


def test_choosing_an_alternative_moves_every_mention(analyses, gazetteer, tmp_path):
    from geo.corrections import CorrectionStore

    store = CorrectionStore(tmp_path / "c.sqlite")
    doc = replace(analyses[0], toponyms=analyses[0].toponyms + (
        Toponym(0, 6, "Troops", "literal", gazetteer.get(TIMBUKTU), 0.4, (), 0),))
    assert page.choose_alternative(store, [doc], TIMBUKTU, GAO) == 2
    fixed, _ = page.corrected(doc, store, gazetteer)
    assert not fixed.mentions_of(TIMBUKTU) and len(fixed.mentions_of(GAO)) == 3


def test_layer_files_are_built_once_and_bounded(analyses, gazetteer):
    files = page.LayerFiles(gazetteer, max_entries=2)
    key = page.signature(analyses)
    first = files.get(key, tuple(analyses), "places", "geojson")
    assert files.get(key, tuple(analyses), "places", "geojson") is first
    files.get(key, tuple(analyses), "mentions", "geojson")
    files.get(key, tuple(analyses), "events", "geojson")
    assert len(files._files) == 2
    assert page.signature(analyses) != page.signature(analyses[:1])
