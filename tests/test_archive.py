"""Exploring a batch output folder (geo.archive) and the archive page in Chromium."""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import re
from pathlib import Path

import pandas as pd
import pytest

from geo.archive import (
    ArchiveFilter,
    aggregate_events,
    aggregate_places,
    archive_map,
    articles_at,
    click_tolerance,
    open_archive,
    place_at,
    place_markers,
    summarise,
)
from geo.batch import run_batch
from geo.errors import GeoError

ARTICLES = [
    ("2024-01-05", "Gunmen attacked a convoy near Gao on Sunday, officials in Bamako said."),
    ("2024-02-10", "Soldiers patrolled the streets of Gao after the attack."),
    ("2024-03-15", "Farmers protested in Nairobi against the new fuel tax."),
    ("2024-04-20", "Ministers met in Accra to discuss trade with Lagos."),
    ("2024-05-25", "Police arrested protesters in Nairobi on Tuesday."),
]


_MAP_JS = ("Object.keys(window).filter(k => k.startsWith('map_')).map(k => window[k])"
           ".find(v => v && v.latLngToContainerPoint)")
#: how many place markers Leaflet holds on the map (they are drawn on a canvas, not as DOM paths)
MARKERS_JS = (f"() => {{ const m = {_MAP_JS}; let n = 0; if (m) m.eachLayer(l => {{ if (l.feature && "
              f"l.feature.properties && l.feature.properties.kind === 'place') n++; }}); return n; }}")
POINT_JS = f"(b, ll) => {{ const p = ({_MAP_JS}).latLngToContainerPoint(ll); return [p.x, p.y]; }}"


@pytest.fixture(scope="module")
def archive_dir(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("archive")
    corpus = work / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"a{i}", "text": text, "published": day,
                                          "title": f"Story {i}"}) + "\n"
                              for i, (day, text) in enumerate(ARTICLES)) + "{broken\n", encoding="utf-8")
    run_batch([corpus], work / "out", workers=1, partition_size=2)
    return work / "out"


def test_open_aggregate_and_filter(archive_dir):
    archive = open_archive(archive_dir)
    assert archive.article_count == 5 and archive.manifest["errors"] == 1
    assert archive.date_range == (dt.date(2024, 1, 5), dt.date(2024, 5, 25))
    places = aggregate_places(archive)
    gao = places[places["name"] == "Gao"].iloc[0]
    assert gao["articles"] == 2 and gao["country_code"] == "ML"
    assert -1 < gao["lon"] < 1 and 15 < gao["lat"] < 17  # lat/lon, not swapped
    spring = aggregate_places(archive, ArchiveFilter(start=dt.date(2024, 3, 1)))
    assert "Gao" not in set(spring["name"]) and "Nairobi" in set(spring["name"])
    kenya = aggregate_places(archive, ArchiveFilter(countries=frozenset({"KE"})))
    assert set(kenya["country_code"]) == {"KE"}


def test_events_by_category(archive_dir):
    archive = open_archive(archive_dir)
    everything = aggregate_events(archive)
    layer = pd.read_parquet(archive_dir / "events")
    assert everything["events"].sum() == len(layer.dropna(subset=["place_id", "geometry"]))
    some = archive.categories[0]
    only = aggregate_events(archive, ArchiveFilter(categories=frozenset({some})))
    assert set(only["category"]) <= {some}


def test_articles_and_sentences_behind_a_place(archive_dir):
    archive = open_archive(archive_dir)
    gao = int(archive.places.loc[archive.places["name"] == "Gao", "geonameid"].iloc[0])
    hits = articles_at(archive, gao)
    assert [h.doc_id for h in hits] == ["a1", "a0"]  # newest first
    assert hits[0].sentences == ("Soldiers patrolled the streets of Gao after the attack.",)
    assert hits[1].title == "Story 0" and hits[1].published == dt.date(2024, 1, 5)
    assert articles_at(archive, gao, ArchiveFilter(end=dt.date(2024, 1, 31)))[0].doc_id == "a0"
    places = aggregate_places(archive)
    row = places[places["geonameid"] == gao].iloc[0]
    assert place_at(places, row["lat"], row["lon"]) == gao and place_at(places, -89, 179) is None
    # a click on the circle's edge, 20 px from its centre at zoom 2, still selects it
    edge = 20 * 360 / (256 * 4)
    assert place_at(places, row["lat"] + edge, row["lon"], tolerance=click_tolerance(2)) == gao
    assert place_at(places, row["lat"] + edge, row["lon"], tolerance=click_tolerance(9)) is None


def test_summary_written_at_the_end_matches_the_layers(archive_dir):
    """The page's per-place-and-day table gives the same per-place counts as the per-article layer."""
    assert (archive_dir / "summary" / "place_days.parquet").exists()
    layer = pd.read_parquet(archive_dir / "places")
    expected = layer.groupby("geonameid").agg(articles=("doc_id", "nunique"), mentions=("mention_count", "sum"))
    got = aggregate_places(open_archive(archive_dir)).set_index("geonameid")[["articles", "mentions"]]
    pd.testing.assert_frame_equal(got.sort_index(), expected.sort_index(), check_dtype=False)


def test_stale_or_missing_summary_is_computed_again(archive_dir, tmp_path):
    import shutil

    copy = tmp_path / "out"
    shutil.copytree(archive_dir, copy)
    before = aggregate_places(open_archive(copy))
    (copy / "done" / "part-00000.json").unlink()  # as if a rerun had not finished it yet
    (copy / "summary" / "place_days.parquet").write_bytes(b"not parquet")
    pd.testing.assert_frame_equal(aggregate_places(open_archive(copy)), before)
    shutil.rmtree(copy / "summary")
    pd.testing.assert_frame_equal(aggregate_places(open_archive(copy)), before)
    assert summarise(copy)["place_days"] == len(open_archive(copy).places)


def test_not_an_archive_is_a_clear_error(tmp_path):
    with pytest.raises(GeoError, match="--out folder of `python -m geo batch`"):
        open_archive(tmp_path)


def test_map_has_a_marker_per_place_and_escapes_names(archive_dir, gazetteer):
    archive = open_archive(archive_dir)
    places = aggregate_places(archive)
    places.loc[0, "name"] = "<script>x</script>"
    html = archive_map(places, aggregate_events(archive), gazetteer=gazetteer, tiles="offline").get_root().render()
    rows = place_markers(places)
    assert [r[4] for r in rows] == list(places["geonameid"]) and rows[0][3].startswith("&lt;script&gt;x")
    assert "<script>x" not in html and "geo-archive-place" in html
    # the rows travel as a data: script beside Leaflet, not in the map's own script
    scripts = [base64.b64decode(u.split(",", 1)[1]).decode() for u in re.findall(r'src="(data:text/javascript;base64,[^"]+)"', html)]
    data = next(s for s in scripts if s.startswith('window["geoArchive_place_'))
    assert "<script>" not in data and json.loads(data.split(" = ", 1)[1].rstrip(";")) == json.loads(json.dumps(rows))
    few = archive_map(places, aggregate_events(archive), tiles="offline", max_markers=2)
    assert [c.count for c in few._children.values() if hasattr(c, "count")][-1] == 2  # the two most named


@pytest.mark.browser
def test_archive_page_in_chromium(archive_dir, tmp_path):
    """The page opens the folder, draws the places, and a click lists the articles behind one."""
    from tests.test_browser import CHROMIUM, CHROMIUM_ARGS, MAP_FRAME, _serve, settle

    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("CI must run the browser tests: /usr/bin/chromium is missing.")
        pytest.skip("/usr/bin/chromium is not installed")
    from playwright.sync_api import sync_playwright

    root = Path(__file__).resolve().parents[1]
    server = _serve("app.py", tmp_path, {"GEO_ARCHIVE": str(archive_dir)})
    url = next(server)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(url + "Archive")
            frame = page.frame_locator(MAP_FRAME)
            page.get_by_text("5 articles").wait_for(timeout=30_000)
            settle(page)
            frame.locator("canvas").first.wait_for(state="visible", timeout=60_000)
            # the markers are drawn on a canvas: ask Leaflet for them
            assert frame.locator("body").evaluate(MARKERS_JS) == len(aggregate_places(open_archive(archive_dir)))
            gao = open_archive(archive_dir).places.query("name == 'Gao'").iloc[0]
            # click Gao's marker where Leaflet drew it
            point = frame.locator("body").evaluate(POINT_JS, [gao["lat"], gao["lon"]])
            box = page.locator(MAP_FRAME).bounding_box()
            page.mouse.click(box["x"] + point[0], box["y"] + point[1])
            (root / "tests" / "artifacts").mkdir(exist_ok=True)
            try:
                page.get_by_text("Soldiers patrolled the streets of Gao after the attack.").wait_for(timeout=30_000)
            finally:
                page.screenshot(path=str(root / "tests" / "artifacts" / "archive-click.png"), full_page=True)
            page.screenshot(path=str(root / "tests" / "artifacts" / "archive.png"), full_page=True)
            browser.close()
    finally:
        server.close()
