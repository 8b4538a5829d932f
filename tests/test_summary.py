"""The one place summary behind the map, the panel, the layers and ``__geo_interface__``."""

from __future__ import annotations

import pytest

from geo import panel, webmap
from geo.layers import build_layers
from geo.model import Event, PlaceLink
from geo.summary import primary_link, summarise
from tests.layer_samples import GAO, MALI, RUSSIA, SAHEL, SAO_PAULO, TIMBUKTU, sample_analyses


@pytest.fixture(scope="module")
def analyses(gazetteer):
    return sample_analyses(gazetteer)


def test_one_summary_per_place_in_order_of_first_mention(analyses):
    summaries = summarise(analyses)
    assert [s.geonameid for s in summaries] == [TIMBUKTU, MALI, SAHEL, GAO, RUSSIA, SAO_PAULO]
    mali = summaries[1]
    assert mali.mention_count == 2 and mali.doc_ids == ("doc-a", "doc-b")
    assert mali.mention_types == ("literal", "metonymic") and mali.literal
    assert mali.event_count == 1 and mali.event_categories == ("MOVE",)
    assert mali.confidence == 0.975 and mali.focus == ("country",)
    assert summaries[4].actor_only and not mali.actor_only
    assert [c.place.geonameid for c in summaries[0].alternatives] == [MALI]  # never the place itself


def test_mention_types_follow_the_model_order_not_the_alphabet(analyses):
    from dataclasses import replace

    doc = analyses[0]
    mali = next(t for t in doc.toponyms if t.place and t.place.geonameid == MALI)
    extra = replace(mali, type="demonym", start=mali.start + 1000, end=mali.end + 1000)
    [summary] = [s for s in summarise([replace(doc, toponyms=(extra, *doc.toponyms))]) if s.geonameid == MALI]
    assert summary.mention_types == ("literal", "demonym")  # MENTION_TYPES order
    assert summary.properties()["mention_types"] == "literal,demonym"


def test_map_features_carry_the_places_layer_fields_one_by_one(analyses, gazetteer):
    for analysis in analyses:
        features = webmap.map_features([analysis], gazetteer)
        drawn = {f["properties"]["geonameid"]: f for fc in features.layers().values() for f in fc["features"]}
        places = build_layers([analysis], gazetteer).places.set_index("geonameid")
        assert set(drawn) == set(places.index)
        for gid, feature in drawn.items():
            row = places.loc[gid]
            for name, value in feature["properties"].items():
                if name in places.columns:
                    assert row[name] == value, (analysis.id, gid, name)
            assert row["event_count"] == feature["properties"]["event_count"]


def test_geo_interface_layers_map_and_panel_agree(analyses, gazetteer):
    doc = analyses[0]
    interface = {f["properties"]["geonameid"]: f["properties"] for f in doc.__geo_interface__["features"]}
    places = build_layers([doc], gazetteer).places.set_index("geonameid")
    features = webmap.map_features([doc], gazetteer)
    for gid, props in interface.items():
        for name in ("mention_count", "mention_types", "confidence", "event_count", "literal"):
            assert props[name] == places.loc[gid, name], name
        summary = features.summary(gid)
        info = panel.place_panel([doc], gid)
        assert (info.mention_count, ",".join(info.mention_types), info.confidence) == (
            props["mention_count"], props["mention_types"], props["confidence"])
        assert len(info.events) == summary.event_count == props["event_count"]


def test_areas_layer_aggregates_as_the_summary_does(analyses, gazetteer):
    areas = build_layers(analyses, gazetteer).areas.set_index("geonameid")
    for summary in summarise(analyses):
        if summary.geonameid in areas.index:
            row = areas.loc[summary.geonameid]
            assert (row["mention_count"], row["event_count"], row["mention_types"], row["doc_count"]) == (
                summary.mention_count, summary.event_count, ",".join(summary.mention_types),
                len(summary.doc_ids))


def _event(*links: PlaceLink) -> Event:
    return Event("e", "MOVE", "x", 0, 1, "x", 0, 1, "x", places=links)


def test_an_event_is_drawn_at_its_most_precise_where_link():
    town, country = PlaceLink(1, "Town", "where", 1, ""), PlaceLink(2, "Land", "where", 3, "")
    origin = PlaceLink(3, "From", "origin", 1, "")
    assert primary_link(_event(country, town)) is town
    assert primary_link(_event(origin, country)) is country
    assert primary_link(_event(PlaceLink(4, "To", "destination", 2, ""), origin)) is origin
    assert primary_link(_event()) is None
