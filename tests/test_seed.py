"""The first article (VOA, 14 Nov 2022): what the issue promises for it."""

import pytest

EXPECTED = {  # surface -> GeoNames id
    "Mali": 2453866, "Timbuktu": 2449067, "Ghana": 2300660, "Ivory Coast": 2287781,
    "Togo": 2363686, "Benin": 2395170, "Niger": 2440476, "Burkina Faso": 2361809,
    "Britain": 2635167, "UK": 2635167, "France": 3017382,
}


def by_text(analysis):
    out = {}
    for t in analysis.toponyms:
        out.setdefault(t.text, []).append(t)
    return out


@pytest.mark.parametrize("surface, geonameid", sorted(EXPECTED.items()))
def test_places_resolve_to_geonames(seed_analysis, surface, geonameid):
    mentions = by_text(seed_analysis)[surface]
    assert {t.place.geonameid for t in mentions} == {geonameid}
    assert all(t.confidence > 0.8 for t in mentions)


def test_accra_is_found_and_placed(seed_analysis):
    (accra,) = by_text(seed_analysis)["Accra"]
    assert accra.place.geonameid == 2306104 and accra.type == "embedded"  # "Accra Initiative"


def test_sahel_is_the_region(seed_analysis):
    for t in by_text(seed_analysis)["Sahel"]:
        assert t.place.kind == "region" and t.place.name == "Sahel"


@pytest.mark.parametrize("surface, country", [("Malian", "ML"), ("Russian", "RU"), ("French", "FR")])
def test_adjectival_forms(seed_analysis, surface, country):
    for t in by_text(seed_analysis)[surface]:
        assert t.adjectival and t.type in ("modifier", "demonym")
        assert t.place.country_code == country and t.place.kind == "country"


def test_not_places(seed_analysis):
    found = {t.text for t in seed_analysis.toponyms}
    for word in ("Wagner", "Heappey", "James Heappey", "Monday", "UN", "MINUSMA", "Defence",
                 "Accessibility", "Breaking News", "FILE"):
        assert word not in found


def test_page_furniture_produces_nothing(seed_analysis, seed_text):
    furniture_end = seed_text.index("UK Pulling")
    assert not [t for t in seed_analysis.toponyms if t.start < furniture_end]


def test_mention_types(seed_analysis):
    types = {(t.text, t.type) for t in seed_analysis.toponyms}
    assert ("Britain", "metonymic") in types  # "Britain announced"
    assert ("UK", "modifier") in types  # "UK contingent"
    assert ("Mali", "embedded") in types  # "Mission in Mali"
    assert ("Timbuktu", "literal") in types  # "a patrol in Timbuktu"
    assert ("Burkina Faso", "literal") in types


def test_focus_is_mali(seed_analysis):
    assert seed_analysis.focus.country.country_code == "ML"
