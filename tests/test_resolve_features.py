"""Each resolver feature on hand-made records and short articles written for these tests."""

from collections import Counter

import pytest

from geo.model import Place
from geo.resolve.features import CONTEXT_FEATURES, Context, Namesakes, in_facility_name
from geo.resolve.prior import relevance
from geo.resolve.resolver import FEATURE_NAMES, feature_rows


def place(gid, name, kind="city", cc="US", admin1="", pop=0, lat=0.0, lon=0.0, code="PPL"):
    return Place(gid, name, lat, lon, kind, "A" if kind != "city" else "P", code, cc, admin1, pop)


AURORA_IL = place(1, "Aurora", cc="US", admin1="Illinois", pop=200_000, lat=41.76, lon=-88.32)
AURORA_CO = place(2, "Aurora", cc="US", admin1="Colorado", pop=360_000, lat=39.73, lon=-104.83)
AURORA_PH = place(3, "Aurora", cc="PH", admin1="Central Luzon", pop=20_000, lat=16.0, lon=121.6)
ILLINOIS = place(10, "Illinois", "admin1", "US", "Illinois", lat=40.08, lon=-89.43, code="ADM1")
AURORAS = [AURORA_IL, AURORA_CO, AURORA_PH]


def value(name, p, context, places=AURORAS):
    feature = {f.name: f for f in CONTEXT_FEATURES}[name]
    return feature.value(p, Namesakes(places), context)


def test_every_feature_has_a_name_and_a_provenance():
    assert len(set(FEATURE_NAMES)) == len(FEATURE_NAMES)
    assert all(f.provenance for f in CONTEXT_FEATURES)


def test_division_named_anywhere_in_the_article():
    context = Context(divisions={("US", "Illinois")})
    assert value("division_in_article", AURORA_IL, context) == 1.0
    assert value("division_in_article", AURORA_CO, context) == 0.0


def test_area_named_in_the_same_sentence():
    context = Context(sentence_areas=[ILLINOIS])
    assert [value("sentence_container", p, context) for p in AURORAS] == [1.0, 0.0, 0.0]


def test_namesake_on_another_continent():
    context = Context(continent="NA")
    assert [value("other_continent", p, context) for p in AURORAS] == [0.0, 0.0, 1.0]
    assert value("other_continent", AURORA_PH, Context()) == 0.0  # no article geography, no evidence


def test_distance_to_the_articles_other_places():
    context = Context(points=[(41.88, -87.63)])  # a point by Chicago
    near, far, antipode = (value("context_distance", p, context) for p in AURORAS)
    assert near < far < antipode <= 1.0


def test_town_inside_a_county_named_in_its_sentence():
    kane = Place(20, "Kane County", 41.94, -88.38, "admin2", "A", "ADM2", "US", "Illinois", 0,
                 "Kane County")
    aurora_il = Place(1, "Aurora", 41.76, -88.32, "city", "P", "PPL", "US", "Illinois", 200_000, "Kane County")
    aurora_other = Place(5, "Aurora", 41.1, -89.0, "city", "P", "PPL", "US", "Illinois", 900, "Other County")
    towns = [aurora_il, aurora_other, AURORA_CO]
    context = Context(sentence_areas=[kane])
    assert [value("sentence_container", p, context, towns) for p in towns] == [1.0, 0.0, 0.0]
    assert value("sentence_container", kane, context, towns) == 0.0  # a county is not inside itself


def test_feature_columns_equal_their_values():
    context = Context(countries=Counter({"US": 2}), anchors=[ILLINOIS], points=[(41.88, -87.63)],
                      continent="NA", divisions={("US", "Illinois")}, sentence_areas=[ILLINOIS])
    for feature in CONTEXT_FEATURES:
        assert feature.values(AURORAS, Namesakes(AURORAS), context) == [
            feature.value(p, Namesakes(AURORAS), context) for p in AURORAS], feature.name


def test_a_feature_with_nothing_to_read_is_zero():
    assert all(f.values(AURORAS, Namesakes(AURORAS), Context()) == [0.0] * 3 for f in CONTEXT_FEATURES
               if f.name in ("near_anchor", "context_distance", "container", "country_context"))


@pytest.mark.parametrize("text, name, inside", [
    ("Patients were taken to St. Paul's Hospital downtown.", "St. Paul", True),
    ("A bomb went off at the Church of St. Peter and St. Paul on Sunday.", "St. Paul", True),
    ("She moved to St. Paul last spring.", "St. Paul", False),
    ("The University of Chicago said so.", "Chicago", True),
    ("Chicago police said so.", "Chicago", False),
])
def test_names_inside_facility_names(text, name, inside):
    start = text.index(name)
    assert in_facility_name(text, start, start + len(name)) is inside


def test_disabled_features_are_zero():
    rows = feature_rows(AURORAS, "aurora", Context(continent="NA"), frozenset({"other_continent", "population"}))
    assert all(row[FEATURE_NAMES.index("other_continent")] == 0.0 for row in rows)
    assert all(row[FEATURE_NAMES.index("population")] == 0.0 for row in rows)


def test_the_geocoder_prior_is_the_resolvers():
    assert relevance(AURORA_CO, "aurora") > relevance(AURORA_PH, "aurora")


def test_a_small_town_named_like_a_division_of_another_country_yields():
    england = place(30, "England", "admin1", "GB", "England", code="ADM1")
    town = place(31, "England", cc="US", admin1="Arkansas", pop=2_800)
    assert value("division_namesake", town, Context(), [england, town]) == 1.0
    assert value("division_namesake", england, Context(), [england, town]) == 0.0


def test_a_town_with_more_people_than_the_division_of_its_name_is_no_namesake():
    # Ghana's Savannah Region has fewer people than Savannah, Georgia: the division is not what the
    # name usually means, so the town is not discounted; a smaller Savannah still is
    region = place(32, "Savannah", "admin1", "GH", "Savannah", pop=64_000, code="ADM1")
    georgia = place(33, "Savannah", cc="US", admin1="Georgia", pop=148_000)
    tennessee = place(34, "Savannah", cc="US", admin1="Tennessee", pop=7_000)
    candidates = [region, georgia, tennessee]
    assert value("division_namesake", georgia, Context(), candidates) == 0.0
    assert value("division_namesake", tennessee, Context(), candidates) == 1.0
    # a division whose population the sources do not give counts as larger than any town
    unknown = place(35, "Savannah", "admin1", "GH", "Savannah", code="ADM1")
    assert value("division_namesake", georgia, Context(), [unknown, georgia]) == 1.0


def test_a_seat_is_a_town_named_like_its_division():
    state = place(40, "Oklahoma", "admin1", "US", "Oklahoma", code="ADM1")
    city = place(41, "Oklahoma City", cc="US", admin1="Oklahoma", pop=680_000)
    gao_region = place(42, "Gao", "admin1", "ML", "Gao", code="ADM1")
    gao = place(43, "Gao", cc="ML", admin1="Gao", pop=87_000)
    assert value("seat", state, Context(), [state, city]) == 0.0
    assert value("seat", gao_region, Context(), [gao_region, gao]) == 1.0
    # the town and its division spelt with and without an accent are still seat and division
    dili_district = place(44, "Díli", "admin1", "TL", "Díli", code="ADM1")
    dili = place(45, "Dili", cc="TL", admin1="Díli", pop=150_000)
    assert value("seat", dili_district, Context(), [dili_district, dili]) == 1.0


UNITED_STATES = place(30, "United States", "country", "US", lat=39.8, lon=-98.5, code="PCLI")
KANE = Place(20, "Kane County", 41.94, -88.38, "admin2", "A", "ADM2", "US", "Illinois", 0, "Kane County")
KANE_UT = Place(21, "Kane County", 37.16, -112.58, "admin2", "A", "ADM2", "US", "Utah", 0, "Kane County")


def test_a_country_in_the_sentence_is_no_division_container():
    # "the US ambassador in London" says nothing of London, Kentucky: countries have their own feature
    context = Context(sentence_areas=[UNITED_STATES])
    assert [value("sentence_container", p, context) for p in AURORAS] == [0.0, 0.0, 0.0]
    assert [value("sentence_country", p, context) for p in AURORAS] == [1.0, 1.0, 0.0]


def test_sentence_containment_never_makes_a_state_name_a_town():
    # "Wyoming, Iowa and Nevada": the name is a state, a town of that name in Iowa is not meant
    nevada = place(40, "Nevada", "admin1", "US", "Nevada", lat=39.3, lon=-116.6, code="ADM1")
    nevada_town = place(41, "Nevada", cc="US", admin1="Iowa", pop=6_800, lat=42.02, lon=-93.45)
    iowa = place(42, "Iowa", "admin1", "US", "Iowa", lat=42.0, lon=-93.5, code="ADM1")
    context = Context(sentence_areas=[iowa])
    assert value("sentence_container", nevada_town, context, [nevada, nevada_town]) == 0.0


def test_sentence_containment_is_the_share_of_the_names_mentions():
    # the name four times, once beside the state: a quarter of the evidence
    context = Context(sentence_areas=[ILLINOIS], area_shares={ILLINOIS.geonameid: 0.25})
    assert value("sentence_container", AURORA_IL, context) == 0.25


def test_a_county_named_anywhere_in_the_article():
    aurora_il = Place(1, "Aurora", 41.76, -88.32, "city", "P", "PPL", "US", "Illinois", 200_000, "Kane County")
    context = Context(counties={("US", "Illinois", "Kane County")})
    assert value("division_in_article", aurora_il, context) == 1.0
    assert value("division_in_article", AURORA_CO, context) == 0.0
    assert value("division_in_article", KANE, context, [KANE, KANE_UT]) == 0.0  # not a town of itself


def test_a_town_close_to_a_confidently_placed_town():
    # "residents of nearby X": within 50 km of an anchor town, not merely in its region
    elgin = place(50, "Elgin", cc="US", admin1="Illinois", pop=110_000, lat=42.04, lon=-88.28)
    context = Context(anchors=[elgin])
    assert [value("close_to_anchor", p, context) for p in AURORAS] == [1.0, 0.0, 0.0]
    assert value("close_to_anchor", AURORA_IL, Context(anchors=[ILLINOIS])) == 0.0  # a state is no neighbour
    assert value("close_to_anchor", elgin, context, [elgin]) == 0.0  # a town is not its own neighbour


def test_a_score_is_the_weighted_sum_of_its_row_term_by_term():
    # the resolver adds the article's features to a cached context-free prefix: the same sum
    from operator import mul

    from geo.resolve.resolver import article_scores, record_part
    from geo.resolve.score import default_model

    model = default_model()
    context = Context(countries=Counter({"US": 2}), containers=[ILLINOIS], anchors=[ILLINOIS],
                      divisions={("US", "Illinois")}, continent="NA", points=[(41.9, -87.6)])
    records = record_part(AURORAS, "aurora", model, with_rows=True)
    scores, rows = article_scores(AURORAS, records, context, model, with_rows=True)
    weights = model.vector(FEATURE_NAMES)
    assert scores == [sum(map(mul, weights, row)) for row in rows]
    assert rows == feature_rows(AURORAS, "aurora", context)
    assert scores[0] > scores[1]  # the Illinois one


def test_the_resolvers_record_cache_is_bounded(monkeypatch, small_gazetteer):
    from geo.resolve import resolver as module

    monkeypatch.setattr(module, "RECORD_CACHE_SIZE", 3)
    resolver = module.Resolver(small_gazetteer)
    for n in range(10):
        resolver._record_part(f"name{n}", AURORAS)
    assert len(resolver._records) == 3
    assert ("name9", 1, 2, 3) in resolver._records


def _ranked(*scored):
    from geo.model import Candidate
    return [Candidate(p, s) for p, s in scored]


LONDON_GB = place(30, "London", cc="GB", admin1="England", pop=8_000_000, lat=51.51, lon=-0.13)
LONDON_ON = place(31, "London", cc="CA", admin1="Ontario", pop=350_000, lat=42.98, lon=-81.23)
DORCHESTER_GB = place(32, "Dorchester", cc="GB", admin1="England", pop=20_000, lat=50.71, lon=-2.44)
DORCHESTER_ON = place(33, "Dorchester", cc="CA", admin1="Ontario", pop=9_000, lat=43.0, lon=-81.03)


def test_close_pairs_marks_the_readings_that_lie_together():
    from geo.resolve.coherence import close_pairs
    chosen = {"london": _ranked((LONDON_GB, 0.95), (LONDON_ON, 0.01)),
              "dorchester": _ranked((DORCHESTER_GB, 0.7), (DORCHESTER_ON, 0.2))}
    pairs = close_pairs(chosen, {k: k for k in chosen})
    # Ontario's two are 17 km apart; England's are 190 km
    assert pairs == {"london": frozenset({31}), "dorchester": frozenset({33})}
    # a name is never evidence for itself (two mentions of one name under one key each)
    alone = close_pairs({0: chosen["london"], 1: chosen["london"]}, {0: "london", 1: "london"})
    assert alone == {0: frozenset(), 1: frozenset()}
    assert value("close_pair", LONDON_ON, Context(close_pairs=pairs["london"]), [LONDON_GB, LONDON_ON]) == 1.0
    assert value("close_pair", LONDON_GB, Context(close_pairs=pairs["london"]), [LONDON_GB, LONDON_ON]) == 0.0


def test_close_pairs_finds_neighbours_across_grid_cells_and_far_north():
    from geo.resolve.coherence import close_pairs
    for lat, lon, dlat, dlon in ((0.0, 0.0, 0.3, 0.3), (45.0, 179.0, 0.0, 0.5), (69.0, 20.0, 0.1, 1.1)):
        a = place(40, "A", lat=lat, lon=lon)
        b = place(41, "B", lat=lat + dlat, lon=lon + dlon)
        far, far_a = place(42, "B", lat=lat + 3, lon=lon), place(43, "A", lat=lat - 3, lon=lon)
        pairs = close_pairs({"a": _ranked((a, 0.5), (far_a, 0.5)), "b": _ranked((far, 0.9), (b, 0.1)),
                             "c": _ranked((place(44, "C", lat=lat, lon=lon + 0.1), 1.0))},
                            {"a": "a", "b": "b", "c": "c"})
        # one record is no choice: "c" gets no set, though it is evidence for the others
        assert pairs == {"a": frozenset({40}), "b": frozenset({41})}, (lat, lon)


def test_division_votes_are_relative_to_the_best_voted_division():
    from geo.resolve.coherence import division_votes
    columbia_mo = place(50, "Columbia", admin1="Missouri")
    columbia_sc = place(51, "Columbia", admin1="South Carolina")
    fulton_mo = place(52, "Fulton", admin1="Missouri")
    fulton_ky = place(53, "Fulton", admin1="Kentucky")
    ashland_mo = place(54, "Ashland", admin1="Missouri")
    ashland_ky = place(55, "Ashland", admin1="Kentucky")
    chosen = {"columbia": _ranked((columbia_sc, 0.5), (columbia_mo, 0.3)),
              "fulton": _ranked((fulton_ky, 0.5), (fulton_mo, 0.4)),
              "ashland": _ranked((ashland_ky, 0.4), (ashland_mo, 0.4), (place(56, "Ashland", admin1="Ohio"), 0.01)),
              "missouri": _ranked((place(57, "Missouri", "admin1", admin1="Missouri"), 1.0))}
    votes = division_votes(chosen, {k: k for k in chosen})
    # Columbia's evidence is the others' Missouri (0.8) and Kentucky (0.9) readings; Ohio's 0.01 is no vote
    assert votes["columbia"] == {("US", "Kentucky"): 1.0, ("US", "Missouri"): pytest.approx(0.8 / 0.9)}
    assert votes["fulton"][("US", "Missouri")] == pytest.approx(0.7 / 0.7)
    # a state named outright is division_in_article's evidence, not a vote (else Missouri would lead
    # Columbia's evidence); and a name of one record has no choice to weigh
    assert "missouri" not in votes
    assert value("shared_division", columbia_mo, Context(division_votes=votes["columbia"])) == pytest.approx(0.8 / 0.9)
    state = place(58, "Missouri", "admin1", admin1="Missouri")
    assert value("shared_division", state, Context(division_votes=votes["columbia"])) == 0.0


def test_a_country_reading_where_the_article_places_other_names():
    big = place(60, "Democratic Republic of the Congo", "country", "CD")
    small = place(61, "Republic of the Congo", "country", "CG")
    context = Context(countries=Counter({"CG": 1}))
    assert [value("country_of_places", p, context, [big, small]) for p in (big, small)] == [0.0, 0.75]
    assert value("country_of_places", AURORA_IL, Context(countries=Counter({"US": 3}))) == 0.0  # towns: country_context


GEORGIA_GE = place(40, "Georgia", "country", "GE", lat=42.0, lon=43.5, code="PCLI")
GEORGIA_US = place(41, "Georgia", "admin1", "US", "Georgia", lat=32.75, lon=-83.5, code="ADM1")
ALABAMA = place(42, "Alabama", "admin1", "US", "Alabama", lat=32.75, lon=-86.75, code="ADM1")
NEW_YORK_STATE = place(43, "New York", "admin1", "US", "New York", lat=43.0, lon=-75.5, code="ADM1")
NEW_YORK_CITY = place(44, "New York City", cc="US", admin1="New York", pop=8_000_000, lat=40.71, lon=-74.0)


def test_a_state_beside_another_state_of_its_country():
    context = Context(anchors=[ALABAMA])
    georgias = [GEORGIA_GE, GEORGIA_US]
    assert [value("state_beside_state", p, context, georgias) for p in georgias] == [0.0, 1.0]
    # a name whose areas all lie in one country: the feature does not choose between state and city
    new_yorks = [NEW_YORK_CITY, NEW_YORK_STATE]
    assert value("state_beside_state", NEW_YORK_STATE, context, new_yorks) == 0.0
    # the state itself is no neighbour of itself
    assert value("state_beside_state", GEORGIA_US, Context(anchors=[GEORGIA_US]), georgias) == 0.0
