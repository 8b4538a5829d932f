"""The page, headless: streamlit's AppTest runs app.py in-process on the seed article.

A marker click is simulated the way streamlit-folium reports it: the
component copies the click into ``st.session_state["map"]`` before rerunning.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo import paths, webassets
from geo.corrections import CorrectionStore

ROOT = Path(__file__).resolve().parents[1]
SEED_ID = "voa-2022-11-14-uk-pulling-mali-troop-deployment"
TIMBUKTU, GHANA, GAO = 2449067, 2300660, 2457161


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch, gazetteer):
    # the gazetteer fixture builds the cache first, so no run below waits for it
    monkeypatch.setenv("GEO_DATA_DIR", str(tmp_path))
    return tmp_path


def page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    return at.run()


def html_blocks(at: AppTest) -> list[str]:
    return [el.proto.body for el in at.get("html")]


def panel_html(at: AppTest) -> str:
    return "".join(b for b in html_blocks(at) if 'class="geo-panel"' in b)


def article_html(at: AppTest) -> str:
    """The highlighted article(s), as handed to the article component."""
    return "".join(json.loads(el.proto.json)["html"] for el in at.get("bidi_component"))


def click(at: AppTest, *, feature_id: str | None = None, lat: float = 0.0, lng: float = 0.0,
          count: int = 1) -> AppTest:
    """A click as streamlit-folium reports it; without ``feature_id`` only where it landed."""
    state = {"last_object_clicked": {"lat": lat, "lng": lng}, "last_object_clicked_count": count}
    if feature_id is not None:
        state["last_object_clicked_popup"] = feature_id
    at.session_state["map"] = state
    return at.run()


def test_default_page_shows_the_seed_without_input():
    at = page()
    assert not at.exception
    assert at.title[0].value == "Places in the news"
    assert at.multiselect(key="seed_choice").value == [SEED_ID]
    [component] = at.get("component_instance")
    assert component.proto.component_name == "streamlit_folium.st_folium"
    args = json.loads(component.proto.json_args)
    # only clicks come back: panning and zooming do not rerun the script
    assert sorted(args["returned_objects"]) == ["last_object_clicked", "last_object_clicked_count",
                                                "last_object_clicked_popup"]
    assert '"name": "Timbuktu"' in args["script"] and "L.markerClusterGroup" not in args["script"]
    assert "Click a place" in at.info[0].value
    article = article_html(at)
    assert ">Timbuktu</mark>" in article and ">Sahel</mark>" in article
    captions = " ".join(c.value for c in at.caption)
    assert "GeoNames" in captions and "CC BY 4.0" in captions and "Natural Earth" in captions
    assert "OpenStreetMap" in captions


@pytest.mark.skipif(not Path("/usr/share/javascript/leaflet/leaflet.js").exists()
                    and os.environ.get("CI") != "true", reason="Debian's libjs-leaflet is not installed here")
def test_the_map_needs_no_internet():
    [component] = page().get("component_instance")
    args = json.loads(component.proto.json_args)
    links = args["js_links"] + args["css_links"]
    # published by the page's own server, beside the map's iframe: fetched and cached once per browser
    assert args["js_links"] and all(link.startswith("../webapp.foliummap.geo_map_assets/") for link in links)
    folder = paths.cache_dir() / "web"
    leaflet = next(link for link in args["js_links"] if "/leaflet-" in link)
    installed = Path(webassets.local_assets().sources["leaflet"])
    assert (folder / leaflet.rsplit("/", 1)[1]).read_bytes() == installed.read_bytes()
    assert any("/basemap-" in link for link in args["js_links"])
    assert all((folder / link.rsplit("/", 1)[1]).is_file() for link in links)
    assert "base64" not in args["script"]  # not even the marker images: the map text stays small


def test_the_map_is_sent_as_st_folium_would_send_it(monkeypatch, gazetteer, seed_text, seed_published):
    """The page renders its map once and calls streamlit-folium's frontend itself: same arguments."""
    import streamlit_folium

    from geo import webmap
    from geo.pipeline import Geoparser
    from webapp import foliummap

    analysis = Geoparser(gazetteer).analyse(seed_text, published=seed_published)
    features = webmap.map_features([analysis], gazetteer)
    sent: list[dict] = []
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **kwargs: sent.append(kwargs))
    group = webmap.selection_layer(gazetteer.get(TIMBUKTU))
    streamlit_folium.st_folium(webmap.build_map(features, gazetteer=gazetteer), key="map", height=600,
                               use_container_width=True, returned_objects=foliummap.CLICK_KEYS,
                               center=(1.0, 2.0), zoom=5, feature_group_to_add=group)
    text = foliummap.rendered(webmap.build_map(features, gazetteer=gazetteer), key="map")
    foliummap.show_rendered_map(text, key="map", height=600, center=(1.0, 2.0), zoom=5,
                                selection=webmap.selection_layer(gazetteer.get(TIMBUKTU)))
    theirs, ours = sent
    assert theirs.keys() == ours.keys()
    for name in theirs.keys() - {"on_change", "default", "feature_group"}:
        assert ours[name] == theirs[name], name
    assert ours["feature_group"].replace("feature_group_0", "") == theirs["feature_group"].replace(
        "feature_group_0", "")
    # the only difference: the count starts where the frontend starts it, so a loaded map does not rerun
    assert ours["default"] == {**theirs["default"], "last_object_clicked_count": 0}
    assert list(ours["default"]) == ["last_object_clicked", "last_object_clicked_count",
                                     "last_object_clicked_popup"]


def test_clicking_timbuktu_shows_the_patrol_sentence():
    at = click(page(), feature_id=str(TIMBUKTU), lat=16.77348, lng=-3.00742)
    assert not at.exception
    assert at.subheader[0].value == "Timbuktu"
    html = panel_html(at)
    assert "during a patrol in" in html and ">Timbuktu</mark>" in html
    assert "Accra Initiative" not in html
    assert any(str(TIMBUKTU) in m.value for m in at.markdown)


def test_clicking_inside_ghana_by_coordinates_shows_the_accra_initiative():
    at = click(page(), lat=8.0, lng=-1.2)  # inside Ghana, on no marker, no feature id
    assert at.subheader[0].value == "Ghana"
    assert "Accra Initiative" in panel_html(at)


def test_a_click_on_a_cluster_selects_nothing():
    at = click(page(), feature_id=str(TIMBUKTU), count=1)
    at.session_state["map"] = {"last_object_clicked": {"lat": 10.0, "lng": 0.0},
                               "last_object_clicked_popup": None, "last_object_clicked_count": 3}
    at.run()
    assert at.subheader[0].value == "Timbuktu"  # unchanged, though the click landed in Ghana


def test_a_repeated_click_after_another_selection_selects_again():
    at = click(page(), feature_id=str(TIMBUKTU), count=1)
    at = click(at, feature_id=str(GHANA), count=3)
    assert at.subheader[0].value == "Ghana"
    at = click(at, feature_id=str(TIMBUKTU), count=5)
    assert at.subheader[0].value == "Timbuktu"


def test_choosing_a_mention_selects_and_focuses_it():
    text = (ROOT / "seeds" / f"{SEED_ID}.txt").read_text(encoding="utf-8")
    at = page()
    start = text.index("Timbuktu")
    at.selectbox(key="mention_focus").set_value(f"{SEED_ID}|{start}|{start + 8}").run()
    assert at.subheader[0].value == "Timbuktu"
    center, zoom = at.session_state["focus"]
    assert round(center[0], 1) == 16.8 and zoom == 7


def test_correction_is_applied_saved_and_applied_again(data_dir):
    text = (ROOT / "seeds" / f"{SEED_ID}.txt").read_text(encoding="utf-8")
    start = text.index("Timbuktu")
    at = page()
    at.session_state["tab"] = "Corrections"
    at.run()
    at.selectbox(key="fix_mention").set_value(f"{SEED_ID}|{start}|{start + 8}").run()
    assert at.selectbox(key="fix_choice_tab").value is None  # nothing risky preselected
    at.text_input(key="fix_query_tab").input("Gao").run()
    at.selectbox(key="fix_choice_tab").set_value(str(GAO)).run()
    at.button(key="fix_apply_tab").click().run()
    assert not at.exception
    [saved] = CorrectionStore(data_dir / "corrections.sqlite").list()
    assert (saved.scope, saved.start, saved.end, saved.name, saved.geonameid) == (
        "mention", start, start + 8, "Timbuktu", GAO)
    assert at.subheader[0].value == "Gao"
    assert "during a patrol in" in panel_html(at)
    assert not at.warning  # a saved correction is no stale one

    again = page()  # a new session reads the saved store
    again.session_state["tab"] = "Corrections"
    again = click(again, feature_id=str(GAO))
    assert again.subheader[0].value == "Gao" and "during a patrol in" in panel_html(again)
    delete = next(b for b in again.button if b.key and b.key.startswith("delete:"))
    delete.click().run()
    assert CorrectionStore(data_dir / "corrections.sqlite").list() == ()


def open_paste_form(at: AppTest) -> AppTest:
    """Open the sidebar's "Paste an article": closed, its widgets are not run (lazy expander)."""
    assert not at.text_area  # closed while an article is shown: its widgets cost the first page nothing
    at.session_state["paste_box"] = True
    return at.run()


def test_not_a_place_for_every_article_removes_the_name_from_a_second_article(data_dir, seed_text):
    at = open_paste_form(page())
    at.text_area(key="paste_text").input("Officials in Mali and in Gao met on Monday.").run()
    at.button(key="paste_add").click().run()
    at.session_state["tab"] = "Corrections"
    at.run()
    assert any(o.startswith("Mali → Mali (Pasted article 1") for o in at.selectbox(key="fix_mention").options)
    start = seed_text.index("Mali")
    at.selectbox(key="fix_mention").set_value(f"{SEED_ID}|{start}|{start + 4}").run()
    at.selectbox(key="fix_choice_tab").set_value("none").run()
    at.radio(key="fix_scope_tab").set_value("everywhere").run()
    at.button(key="fix_apply_tab").click().run()
    assert not at.exception and not at.warning
    labels = at.selectbox(key="fix_mention").options
    assert not any(o.startswith("Mali →") for o in labels)  # in neither article
    assert any(o.startswith("Gao → Gao (Pasted article 1") for o in labels)
    [rule] = CorrectionStore(data_dir / "corrections.sqlite").list()
    assert (rule.scope, rule.name, rule.geonameid) == ("everywhere", "Mali", None)


def test_downloads_offer_every_layer_in_the_chosen_format():
    at = page()
    assert not at.get("download_button")  # only the open tab runs
    at.session_state["tab"] = "Downloads"
    at.run()
    labels = sorted(el.proto.label for el in at.get("download_button"))
    assert labels == ["areas.geojson", "event_areas.geojson", "events.geojson", "mentions.geojson",
                      "places.geojson", "unresolved.geojson"]
    at.radio(key="download_format").set_value("kml").run()
    labels = [el.proto.label for el in at.get("download_button")]
    assert "places.kml" in labels and "unresolved.kml" not in labels


def test_pasted_hostile_article_is_shown_as_text():
    at = open_paste_form(page())
    hostile = ('Fighting in Timbuktu <img src=x onerror="alert(1)"> went on.\n\n'
               '<script>window.pwned = 1</script> Talks in [Accra](javascript:alert(1)) failed.')
    at.text_area(key="paste_text").input(hostile).run()
    at.text_input(key="paste_title").input("<b>Hostile</b> [x](javascript:alert(2))").run()
    at.button(key="paste_add").click().run()
    assert not at.exception
    assert at.multiselect(key="filter_docs").value == []  # every article shown
    joined = "".join(html_blocks(at)) + article_html(at)
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in joined
    assert "<script>" not in joined and "<img src=x" not in joined
    # the title heading: Markdown with every special character escaped, so no tag and no link
    assert any(m.value.startswith("#### \\<b\\>Hostile\\</b\\>") and "\\[x\\]\\(javascript" in m.value
               for m in at.markdown)
    click(at, feature_id=str(TIMBUKTU))
    assert "&lt;img src=x" in panel_html(at)


def test_corrections_open_on_the_place_being_read():
    at = click(page(), feature_id=str(TIMBUKTU))
    at.session_state["tab"] = "Corrections"
    at.run()
    assert at.selectbox(key="fix_mention").value.startswith(f"{SEED_ID}|")
    assert "Timbuktu →" in at.selectbox(key="fix_mention").format_func(at.selectbox(key="fix_mention").value)


def test_events_are_listed_by_date_and_focus_the_map(geoparser, seed_text, seed_published):
    seed = geoparser.analyse(seed_text, doc_id=SEED_ID, published=seed_published)
    patrol = next(e for e in seed.events if e.trigger == "patrol")
    at = page()
    at.session_state["tab"] = "Events"
    at.run()
    table = at.dataframe[0].value
    dated = [d for d in table["date"] if d != "unknown"]
    assert dated == sorted(dated)
    [chart] = at.get("vega_lite_chart")  # the timeline of the dated events
    assert "MOBILIZE" in chart.proto.spec or "MOBILIZE" in str(chart.proto)
    at.selectbox(key="event_focus").set_value(patrol.id).run()
    assert at.subheader[0].value == "Timbuktu"
    assert at.session_state["focus"][1] == 7
    # filtering by category narrows the list
    at.multiselect(key="event_categories").set_value(["MOBILIZE"]).run()
    assert set(at.dataframe[0].value["category"]) == {"MOBILIZE"}


def test_many_articles_get_one_title_editor_and_filters(tmp_path, monkeypatch):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    towns = ["Accra", "Dakar", "Lagos", "Bamako", "Niamey", "Lome", "Abuja", "Conakry", "Monrovia",
             "Freetown", "Banjul", "Cotonou", "Ouagadougou"]
    for i, town in enumerate(towns):
        (seeds / f"a{i:02d}.txt").write_text(f"Protesters marched in {town} and in Ghana on Monday.", encoding="utf-8")
    monkeypatch.setenv("GEO_SEEDS_DIR", str(seeds))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    at.query_params["article"] = [f"a{i:02d}" for i in range(len(towns))]
    at.run()
    assert not at.exception and not at.error
    assert at.caption[0].value.startswith(f"{len(towns)} article(s)")
    assert not at.text_input  # the editor's expander is closed: none of its widgets run
    at.session_state["meta_box"] = True
    at.run()
    assert at.selectbox(key="meta_doc").value == "a00"  # one editor, not one per article
    assert at.selectbox(key="read_doc").value == "a00" and len(at.get("bidi_component")) == 1  # one text
    at.multiselect(key="filter_docs").set_value(["a03"]).run()
    assert at.caption[0].value.startswith("1 article(s)")


def test_pasted_text_survives_closing_the_paste_form():
    at = open_paste_form(page())
    at.text_area(key="paste_text").input("Talks were held in Accra.").run()
    at.session_state["paste_box"] = False
    at.run()
    assert not at.text_area
    at.session_state["paste_box"] = True
    at.run()
    assert at.text_area(key="paste_text").value == "Talks were held in Accra."


def test_a_rerun_leaves_the_paste_form_to_what_the_browser_holds():
    """A rerun (a map move, another widget) while the user types must not send the form's values back:
    a widget sent with set_value replaces text the browser has not committed yet."""
    at = open_paste_form(page())
    at.text_area(key="paste_text").input("Talks were held in Accra.").run()
    at.run()
    sent = [at.text_area(key="paste_text").proto, at.text_input(key="paste_title").proto,
            at.date_input(key="paste_date").proto]
    assert [p.set_value for p in sent] == [False, False, False]
    assert at.text_area(key="paste_text").value == "Talks were held in Accra."


def test_the_page_document_holds_streamlits_placeholders_still():
    import asyncio

    from geo.web.stillness import STILL_CSS, StillPlaceholders, is_page_path, with_still_placeholders

    assert is_page_path("/") and is_page_path("/Archive") and is_page_path("/base/")
    assert not any(is_page_path(p) for p in ("/_stcore/health", "/static/js/index.js",
                                             "/component/geo_map_assets/leaflet.js", "/media/x", "/favicon.png"))
    page_html = b"<html><head><title>t</title></head><body></body></html>"
    assert with_still_placeholders(page_html).count(b"geo-still-placeholders") == 1
    assert with_still_placeholders(with_still_placeholders(page_html)) == with_still_placeholders(page_html)
    seen_headers = []

    async def inner(scope, receive, send):  # a page document in two chunks, as a server may send it
        seen_headers.append(dict(scope["headers"]))
        kind = b"text/html" if scope["path"] == "/" else b"text/javascript"
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", kind), (b"content-length", str(len(page_html)).encode())]})
        await send({"type": "http.response.body", "body": page_html[:20], "more_body": True})
        await send({"type": "http.response.body", "body": page_html[20:]})

    async def fetch(path: str) -> tuple[dict, bytes]:
        sent = []

        async def send(message):
            sent.append(message)

        scope = {"type": "http", "method": "GET", "path": path, "headers": [(b"accept-encoding", b"gzip")]}
        await StillPlaceholders(inner)(scope, None, send)
        return dict(sent[0]["headers"]), b"".join(m.get("body", b"") for m in sent[1:])

    headers, body = asyncio.run(fetch("/"))
    assert STILL_CSS.encode() in body and int(headers[b"content-length"]) == len(body)
    assert b"accept-encoding" not in seen_headers[-1]  # asked uncompressed, so it can be rewritten
    headers, body = asyncio.run(fetch("/static/js/index.js"))
    assert body == page_html and b"accept-encoding" in seen_headers[-1]  # everything else untouched
