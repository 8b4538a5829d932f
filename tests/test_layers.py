"""The layers built from analysed documents: rows, ids, geometries, nothing lost."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd
import pytest
import shapely
from layer_samples import EXPECTED_COUNTS, GAO, MALI, RUSSIA, SAHEL, TIMBUKTU, sample_analyses

from geo.errors import ExportError
from geo.gazetteer import Gazetteer
from geo.layers import LAYER_SCHEMAS, Layers, area_geometry, build_layers
from geo.model import Analysis

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "voa-2022-11-14-uk-pulling-mali-troop-deployment.txt"


@pytest.fixture(scope="module")
def layers(sample_layers: Layers) -> Layers:
    return sample_layers


def test_counts_cover_every_place_mention_and_event(layers: Layers) -> None:
    assert layers.counts() == EXPECTED_COUNTS


def test_every_layer_has_its_schema_columns_and_dtypes(layers: Layers) -> None:
    for name in Layers.NAMES:
        schema, geometry_type = LAYER_SCHEMAS[name]
        frame = layers[name]
        attributes = [c for c in frame.columns if c != "geometry"]
        assert attributes == list(schema), name
        for column, dtype in schema.items():
            assert str(frame[column].dtype) == dtype, (name, column)
        if geometry_type is not None:
            assert frame.crs == "EPSG:4326"
        assert frame["id"].is_unique, name


def test_empty_input_gives_empty_layers_with_the_same_columns(gazetteer: Gazetteer) -> None:
    empty = build_layers([], gazetteer)
    assert set(empty.counts().values()) == {0}
    for name in Layers.NAMES:
        assert [c for c in empty[name].columns if c != "geometry"] == list(LAYER_SCHEMAS[name][0])


def test_places_are_per_document_points_in_lon_lat_order(layers: Layers, gazetteer: Gazetteer) -> None:
    places = layers.places.set_index("id")
    timbuktu = gazetteer.get(TIMBUKTU)
    row = places.loc[f"doc-a:{TIMBUKTU}"]
    assert (row.geometry.x, row.geometry.y) == (pytest.approx(timbuktu.lon, abs=1e-6),
                                                pytest.approx(timbuktu.lat, abs=1e-6))
    assert row["focus"] == "city"
    assert row["first_sentence"] == "Troops left Timbuktu in Mali on Monday."
    assert row["event_count"] == 1  # e1's origin; linked events count, whatever the role
    # Mali appears once per document that mentions it
    mali = places[places["geonameid"] == MALI]
    assert sorted(mali["doc_id"]) == ["doc-a", "doc-b"]
    assert mali.loc[f"doc-b:{MALI}", "mention_types"] == "metonymic"
    assert mali.loc[f"doc-a:{MALI}", "published"] == "2022-11-14"
    assert not places.loc[f"doc-a:{RUSSIA}", "literal"]
    assert places.loc[f"doc-a:{GAO}", "kind"] == "admin1"
    assert set(layers.places.geom_type) == {"Point"}


def test_mentions_carry_offsets_sentence_and_alternatives(layers: Layers) -> None:
    doc_a = layers.mentions[layers.mentions["doc_id"] == "doc-a"]
    assert list(doc_a["text"]) == ["Timbuktu", "Mali", "Sahel", "Gao", "Russian"]
    row = layers.mentions.set_index("id").loc["doc-a:12-20"]
    assert row["text"] == "Timbuktu" and row["geonameid"] == TIMBUKTU
    assert row["alternative_count"] == 2
    assert re.fullmatch(r"Timbuktu \(ML, 2449067\) 0\.900; Mali \(ML, 2453866\) 0\.250", row["alternatives"])
    assert bool(layers.mentions.set_index("text").loc["Russian", "adjectival"])
    assert doc_a["sentence"].iloc[2].startswith("The Sahel faces “renewed”")


def test_unresolved_mentions_are_kept_in_a_plain_table(layers: Layers, gazetteer: Gazetteer) -> None:
    assert not hasattr(layers.unresolved, "geometry")
    start = sample_analyses(gazetteer)[0].text.index("Zorgland")
    row = layers.unresolved.iloc[0]
    assert (row["id"], row["text"], row["sentence_index"]) == (f"doc-a:{start}-{start + 8}", "Zorgland", 2)
    assert row["sentence"] == "Russian mercenaries arrived in Zorgland last week."


def test_events_point_at_their_where_place_and_keep_the_rest_as_text(layers: Layers,
                                                                     gazetteer: Gazetteer) -> None:
    events = layers.events.set_index("id")
    e1 = events.loc["doc-a:e1"]
    mali = gazetteer.get(MALI)
    assert (e1.geometry.x, e1.geometry.y) == (pytest.approx(mali.lon), pytest.approx(mali.lat))
    assert (e1["place_id"], e1["place_role"], e1["geo_precision"]) == (MALI, "where", 3)
    assert e1["place_ids"] == f"{TIMBUKTU},{MALI}"
    assert e1["place_roles"] == "origin,where"
    assert (e1["date_start"], e1["date_precision"], e1["date_text"]) == ("2022-11-14", "day", "on Monday")
    assert (e1["actors"], e1["actor_countries"], e1["context"]) == ("Troops", "GB", "military")
    assert e1["quote"] == "Troops left Timbuktu in Mali on Monday."
    e2 = events.loc["doc-a:e2"]
    assert e2["context"] == "terrorism; insurgency" and e2["tense"] == "ongoing"
    assert pd.isna(e2["date_start"]) and e2["geo_precision"] == 2
    # an event with no place is kept, with a null geometry and null place fields
    e3 = events.loc["doc-a:e3"]
    assert e3.geometry is None
    assert pd.isna(e3["place_id"]) and pd.isna(e3["geo_precision"]) and e3["place_ids"] == ""


def test_event_ids_that_already_name_their_document_are_not_prefixed_twice(gazetteer: Gazetteer) -> None:
    from dataclasses import replace

    doc_a = sample_analyses(gazetteer)[0]
    doc_a = replace(doc_a, events=tuple(replace(e, id=f"doc-a:{e.id}") for e in doc_a.events))
    assert list(build_layers([doc_a], gazetteer).events["id"]) == ["doc-a:e1", "doc-a:e2", "doc-a:e3"]


def test_documents_with_one_id_are_refused(gazetteer: Gazetteer) -> None:
    doc_a = sample_analyses(gazetteer)[0]
    with pytest.raises(ExportError, match="'doc-a' more than once"):
        build_layers([doc_a, doc_a], gazetteer)


def test_event_areas_hold_the_polygon_of_events_located_to_a_country(layers: Layers) -> None:
    assert list(layers.event_areas["id"]) == ["doc-a:e1"]
    shape = layers.event_areas.geometry.iloc[0]
    assert shape.geom_type == "MultiPolygon" and shape.is_valid
    assert shape.contains(layers.events.set_index("id").loc["doc-a:e1"].geometry)


def test_event_area_polygons_are_generalised_copies_of_the_area(layers: Layers, gazetteer: Gazetteer) -> None:
    event_shape = layers.event_areas.geometry.iloc[0]
    full = layers.areas.set_index("geonameid").loc[MALI].geometry
    assert event_shape.is_valid and all(p.exterior.is_ccw for p in event_shape.geoms)
    assert shapely.get_num_coordinates(event_shape) < shapely.get_num_coordinates(full)
    assert event_shape.symmetric_difference(full).area < 0.02 * full.area


def test_generalising_keeps_small_countries_and_drops_only_small_islands(gazetteer: Gazetteer) -> None:
    from geo.layers import generalise

    for code in ("SG", "BH", "LU", "GB", "US", "RU", "FJ"):
        country = gazetteer.country(code)
        full = area_geometry(gazetteer.area(country.geonameid))
        general = generalise(full)
        assert general.geom_type == "MultiPolygon" and general.is_valid, code
        assert abs(general.area - full.area) < 0.05 * full.area, code
        assert general.distance(full.representative_point()) < 0.2, code


def test_areas_aggregate_countries_and_regions_over_documents(layers: Layers) -> None:
    areas = layers.areas.set_index("id")
    assert sorted(areas["geonameid"]) == sorted([MALI, SAHEL, RUSSIA])  # Gao, an admin1, has no polygon
    mali = areas.loc[str(MALI)]
    assert (mali["mention_count"], mali["doc_count"], mali["doc_ids"]) == (2, 2, "doc-a,doc-b")
    assert (mali["literal_count"], mali["metonymic_count"], mali["modifier_count"]) == (1, 1, 0)
    assert mali["mention_types"] == "literal,metonymic"
    assert mali["event_count"] == 1
    assert areas.loc[str(RUSSIA), "modifier_count"] == 1
    assert set(layers.areas.geom_type) == {"MultiPolygon"}


def test_area_polygons_are_valid_counter_clockwise_and_on_the_grid(layers: Layers) -> None:
    for shape in layers.areas.geometry:
        assert shape.is_valid
        for polygon in shape.geoms:
            assert polygon.exterior.is_ccw
            assert all(not ring.is_ccw for ring in polygon.interiors)
        coords = shapely.get_coordinates(shape)
        assert abs(coords * 1e6 - (coords * 1e6).round()).max() < 1e-3


def test_area_geometry_drops_collapsed_slivers_instead_of_making_a_collection() -> None:
    square = shapely.box(0, 0, 1, 1)
    sliver = shapely.Polygon([(2, 0), (3, 0), (3, 1e-8), (2, 0)])  # vanishes on a 1e-6 grid
    clockwise = shapely.Polygon(list(shapely.box(5, 5, 6, 6).exterior.coords)[::-1])
    out = area_geometry(shapely.GeometryCollection([square, sliver, shapely.LineString([(0, 0), (9, 9)]),
                                                    clockwise]))
    assert out.geom_type == "MultiPolygon" and len(out.geoms) == 2
    assert all(p.exterior.is_ccw for p in out.geoms)
    assert area_geometry(sliver) is None


def test_seed_article_layers(gazetteer: Gazetteer) -> None:
    from geo.pipeline import Geoparser

    analysis: Analysis = Geoparser(gazetteer).analyse(SEED.read_text(encoding="utf-8"), doc_id=SEED.stem,
                                                      published=dt.date(2022, 11, 14))
    layers = build_layers([analysis], gazetteer)
    assert len(layers.mentions) + len(layers.unresolved) == len(analysis.toponyms)
    assert len(layers.events) == len(analysis.events)
    names = set(layers.places["name"])
    assert {"Mali", "Timbuktu", "United Kingdom"} <= names
    assert {"Mali", "Sahel"} <= set(layers.areas["name"])
    assert "Timbuktu" not in set(layers.areas["name"])


def test_docs_list_every_field_of_every_layer() -> None:
    docs = (ROOT / "docs" / "layers.md").read_text(encoding="utf-8")
    for name, (schema, _) in LAYER_SCHEMAS.items():
        assert f"`{name}`" in docs, name
        for column in schema:
            assert f"`{column}`" in docs, (name, column)
