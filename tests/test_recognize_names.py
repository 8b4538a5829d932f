"""Rules on how a span names its place (geo/recognize/name_rules.py), on the fixture gazetteer.

Each rule is tested twice: on, its sentence gives what it should; switched off by
name, the old reading comes back, so the test fails if the rule stops firing.
"""

import pytest

from geo.doc import make_doc
from geo.pipeline import Geoparser
from geo.recognize import Recognizer


def toponyms(gazetteer, text, disable=()):
    return [(t.text, t.type) for t in Geoparser(gazetteer, events=False, pipeline=("recognize", "resolve"),
                                                disable=list(disable)).analyse(text).toponyms]


def deciding_rule(gazetteer, text, surface):
    doc = make_doc(text)
    return next(j.rule for j in Recognizer(gazetteer).judgements(doc) if text[j.start:j.end] == surface)


def assert_rule_drops(gazetteer, rule, text, surface, left):
    """``rule`` decides ``surface``, the text's places are then ``left``, and switched off by name the
    span comes back (so the test fails if the rule stops firing)."""
    assert deciding_rule(gazetteer, text, surface) == rule
    assert [n for n, _ in toponyms(gazetteer, text)] == left
    assert surface in [n for n, _ in toponyms(gazetteer, text, disable=[rule])]


@pytest.mark.parametrize("rule, text, surface", [
    # an airport's ICAO code written as a word
    ("code_only", "Crowds cheered when Egll reopened after the storm.", "Egll"),
    # Accra's alternate names include its IATA code, as GeoNames lists them
    ("acronym_alternate", "Delegates of the ACC, the regional body, met on Monday.", "ACC"),
    # "Peter" is an alternate name of Saint Petersburg and a given name
    ("wordlike_alternate", "We waited for Peter all afternoon.", "Peter"),
    # a hamlet named like a building, modifying a noun: the building
    ("building_modifier", "Some Stone Hall staff left early.", "Stone Hall"),
    # a given name, then a country: a person
    ("inside_capitalised_name", "The race went to Peter France after a late attack.", "France"),
])
def test_rule_drops_its_span_and_switching_it_off_brings_it_back(small_gazetteer, rule, text, surface):
    assert deciding_rule(small_gazetteer, text, surface) == rule
    assert surface not in [name for name, _ in toponyms(small_gazetteer, text)]
    assert surface in [name for name, _ in toponyms(small_gazetteer, text, disable=[rule])]


def test_a_place_ending_an_organisation_name_is_embedded(small_gazetteer):
    text = "Reports on Radio Mali said the road was cut."
    assert toponyms(small_gazetteer, text) == [("Mali", "embedded")]
    assert toponyms(small_gazetteer, text, disable=["inside_capitalised_name"]) != [("Mali", "embedded")]


@pytest.mark.parametrize("text, expected", [
    ("Fighting spread from Mali to Ghana.", ["Mali", "Ghana"]),  # function words and locatives
    ("In Paris, Accra and London prices rose.", ["Paris", "Accra", "London"]),  # a list of places
    ("Troops left Gao for Bamako on Monday.", ["Gao", "Bamako"]),
])
def test_places_after_function_words_and_in_lists_stay(small_gazetteer, text, expected):
    assert [name for name, _ in toponyms(small_gazetteer, text)] == expected


def test_main_and_english_names_are_not_weak(small_gazetteer):
    # the main name and a code of a division ("Ill.") are kept; a city's main name too
    assert [n for n, _ in toponyms(small_gazetteer, "He moved to Springfield, Ill. last year.")] == [
        "Springfield", "Ill."]
    assert [n for n, _ in toponyms(small_gazetteer, "We flew to Saint Petersburg in May.")] == ["Saint Petersburg"]


def test_a_building_name_after_a_locative_stays_a_place(small_gazetteer):
    assert [n for n, _ in toponyms(small_gazetteer, "They met in the Stone Hall garden.")] == ["Stone Hall"]


def test_a_state_in_capitals_after_a_town(small_gazetteer):
    text = "A storm hit Springfield, N.J. on Monday."
    assert toponyms(small_gazetteer, text) == [("Springfield", "literal"), ("N.J.", "literal")]
    assert deciding_rule(small_gazetteer, text, "N.J.") == "state_code_after_town"
    # not after a town or a locative: an abbreviation of something else
    board = "Members of the N.J. board met."
    assert toponyms(small_gazetteer, board) == []
    assert [n for n, _ in toponyms(small_gazetteer, board, disable=["state_code_after_town"])] == ["N.J."]


def test_a_word_named_town_before_its_division(small_gazetteer):
    # "Reading" is a common word, at a sentence start; ", England" names a division holding a Reading
    text = "Reading, England, voted on Monday."
    assert deciding_rule(small_gazetteer, text, "Reading") == "town_comma_division"
    assert toponyms(small_gazetteer, text) == [("Reading", "literal"), ("England", "literal")]
    assert [n for n, _ in toponyms(small_gazetteer, text, disable=["town_comma_division"])] == ["England"]


def test_a_word_named_town_located_by_an_appositive(small_gazetteer):
    # the appositive form of the address: "X, in Y" where Y holds an X
    text = "Reading, in England, voted on Monday."
    assert deciding_rule(small_gazetteer, text, "Reading") == "town_comma_division"
    assert toponyms(small_gazetteer, text) == [("Reading", "literal"), ("England", "literal")]
    assert [n for n, _ in toponyms(small_gazetteer, text, disable=["town_comma_division"])] == ["England"]
    # a division that holds no town of the name locates someone else: "Reading" stays a word
    assert deciding_rule(small_gazetteer, "Reading, in Mali, voted on Monday.", "Reading") != "town_comma_division"


def test_a_facility_named_after_its_town_is_one_name(small_gazetteer):
    text = "Patients reached Gao Regional Hospital on foot."
    assert toponyms(small_gazetteer, text) == [("Gao Regional Hospital", "embedded")]
    assert ("Gao Regional Hospital", "embedded") not in toponyms(small_gazetteer, text, disable=["facility_name"])
    # the name goes on past the head: no facility of that shape
    assert ("Gao Regional Hospital", "embedded") not in toponyms(
        small_gazetteer, "Patients reached Gao Regional Hospital Trust offices.")


def test_a_given_name_that_a_bigger_town_lists_among_its_alternates(small_gazetteer):
    # "Levi" is the own name of a hamlet and an alternate of a town of 143,000: the hamlet's size counts
    text = "They took Levi everywhere that summer."
    assert deciding_rule(small_gazetteer, text, "Levi") == "given_name_alone"
    assert toponyms(small_gazetteer, text) == []
    # (a hamlet of 600 is also too small for an unknown word without a cue: both rules off)
    assert [n for n, _ in toponyms(small_gazetteer, text,
                                   disable=["given_name_alone", "common_word_small_place"])] == ["Levi"]


def test_a_common_word_weighs_the_places_it_is_the_own_name_of(small_gazetteer):
    # "Liga" is a hamlet's own name and an alternate name of Riga: as a word it needs a bigger hamlet
    text = "They watched Liga matches all night."
    assert deciding_rule(small_gazetteer, text, "Liga") == "common_word_small_place"
    assert toponyms(small_gazetteer, text) == []
    assert [n for n, _ in toponyms(small_gazetteer, text, disable=["common_word_small_place"])] == ["Liga"]
    # after a locative the hamlet may be meant: the rule has no opinion there
    assert "Liga" in [n for n, _ in toponyms(small_gazetteer, "They drove to Liga on Monday.")]


def test_a_country_seen_as_a_surname_is_the_person_alone(small_gazetteer):
    text = "The reporter Florence Ghana wrote it. Ghana recalled the trial."
    assert toponyms(small_gazetteer, text) == []
    assert [n for n, _ in toponyms(small_gazetteer, text, disable=["full_name_elsewhere"])] == ["Ghana"]
    # a cue for a place keeps the country
    cued = "The reporter Florence Ghana wrote it. Troops flew to Ghana."
    assert [n for n, _ in toponyms(small_gazetteer, cued)] == ["Ghana"]


def test_a_sizeable_city_and_city_make_one_name(small_gazetteer):
    text = "The match against Newcastle City ended level."
    assert toponyms(small_gazetteer, text) == [("Newcastle City", "embedded")]
    assert ("Newcastle City", "embedded") not in toponyms(small_gazetteer, text, disable=["city_name"])
    # a town under 100,000 is not taken with "City" (nor is a name that goes on)
    assert ("Gao City", "embedded") not in toponyms(small_gazetteer, "The match against Gao City ended level.")
    assert ("Newcastle City", "embedded") not in toponyms(small_gazetteer, "Newcastle City Council met.")


def test_a_given_name_listed_with_a_full_name_is_a_person(small_gazetteer):
    text = "The trial followed the deaths of Levi, Florence and Peter Smith."
    assert deciding_rule(small_gazetteer, text, "Levi") == "listed_with_people"
    assert "Levi" not in [n for n, _ in toponyms(small_gazetteer, text)]
    assert "Levi" in [n for n, _ in toponyms(small_gazetteer, text, disable=["listed_with_people"])]
    # after "in" a place is expected, whatever follows the comma
    assert "Levi" in [n for n, _ in toponyms(small_gazetteer, "At a forum in Levi, Peter Smith spoke.")]


def test_a_township_is_the_town_of_its_name_never_a_capital(small_gazetteer):
    parser = Geoparser(small_gazetteer, events=False, pipeline=("recognize", "resolve"))
    text = "Officials in Paris Township said the road would reopen."
    [township] = parser.analyse(text).toponyms
    assert (township.text, township.type, township.place.geonameid) == ("Paris Township", "literal", 4717560)
    assert deciding_rule(small_gazetteer, text, "Paris") == "township_name"
    assert "Paris Township" not in [n for n, _ in toponyms(small_gazetteer, text, disable=["township_name"])]
    # the abbreviation, and a longer name that goes on ("Township Road") is not the township
    assert ("Paris Twp", "literal") in toponyms(small_gazetteer, "A crash in Paris Twp. closed the road.")
    assert "Paris Township" not in [n for n, _ in toponyms(small_gazetteer, "He lives on Paris Township Road.")]


def test_a_town_before_its_police_or_people_is_the_town_even_at_a_sentence_start(small_gazetteer):
    text = "Levi police said the road would reopen."
    assert deciding_rule(small_gazetteer, text, "Levi") == "town_body_after"
    assert [n for n, _ in toponyms(small_gazetteer, text)] == ["Levi"]
    # off, the sentence-initial given name reads as no place
    assert toponyms(small_gazetteer, text, disable=["town_body_after"]) == []
    # a noun a person's name modifies too ("Levi officials") says nothing
    assert deciding_rule(small_gazetteer, "Levi officials said so.", "Levi") != "town_body_after"


def test_a_dictionary_word_before_police_needs_a_town_that_is_not_small(gazetteer):
    # "Mobile", "Buffalo": words that name big towns; "Riot", "Traffic": the police's kind
    for text, name in (("Mobile police said the road would reopen.", "Mobile"),
                       ("Buffalo schools will close on Monday.", "Buffalo")):
        assert deciding_rule(gazetteer, text, name) == "town_body_after"
        assert name in [n for n, _ in toponyms(gazetteer, text)]
    for text in ("Riot police fired tear gas at the crowd.", "Traffic police closed the road."):
        assert toponyms(gazetteer, text) == []


def test_a_feature_head_before_a_place_name_opens_another_name(gazetteer):
    # "Cape Elizabeth" is a Maine town the gazetteer lacks, not Elizabeth, New Jersey
    text = "A fishing boat ran aground off Cape Elizabeth, and rowers on Lake Washington were called in."
    assert deciding_rule(gazetteer, text, "Elizabeth") == "inside_capitalised_name"
    assert toponyms(gazetteer, text) == []
    # a feature the gazetteer holds matches whole
    assert [n for n, _ in toponyms(gazetteer, "Fishermen on Lake Michigan pulled in their nets.")] == ["Lake Michigan"]


def test_an_alternate_name_before_a_members_noun_is_the_group_all_through_the_article(gazetteer):
    # "Hamas" is only an alternate (foreign-language) name of Hamm, Germany
    text = "Hamas fighters crossed the fence at dawn. Hamas said on Tuesday that it had accepted the deal."
    assert deciding_rule(gazetteer, text, "Hamas") == "alternate_name_only"
    assert toponyms(gazetteer, text) == []
    assert [n for n, _ in toponyms(gazetteer, text, disable=["organisation_elsewhere"])] == ["Hamas"]
    # what a group does, in a compound, says so too
    assert toponyms(gazetteer, "The Hamas-run health ministry said 40 people had died.") == []
    # a town's own name before its people is the town, and so is its English spelling before a
    # group's members ("Misrata" for Misratah)
    assert [n for n, _ in toponyms(gazetteer, "Hamm residents protested against the plan.")] == ["Hamm"]
    assert [n for n, _ in toponyms(gazetteer, "Misrata fighters entered the town at dawn.")] == ["Misrata"]


def test_the_article_before_a_small_towns_name_standing_alone_names_something_else(gazetteer):
    # "the Severn": a river; Severn, Maryland is a small town, and English puts no article before a town
    text = "The agency warned that the Severn would peak at Worcester on Monday."
    assert_rule_drops(gazetteer, "article_before_town", text, "Severn", ["Worcester"])
    # a town before the noun it modifies, or in a list before a shared noun, keeps its place
    assert [n for n, _ in toponyms(gazetteer, "Vigils were held after the Uvalde shooting.")] == ["Uvalde"]


def test_a_name_before_a_lower_case_river_is_the_rivers_not_a_small_towns(gazetteer):
    text = "The Beas river burst its banks near Manali on Sunday."
    assert_rule_drops(gazetteer, "river_word_after", text, "Beas", ["Manali"])
    # a big town of the river's name stays (it takes its name from the river)
    assert "Kabul" in [n for n, _ in toponyms(gazetteer, "Boats crossed the Kabul river at dawn.")]


def test_a_place_named_street_is_the_street(small_gazetteer):
    text = "The fire started in a shop on Houston Street in Chicago."
    assert deciding_rule(small_gazetteer, text, "Houston") == "street_name"
    assert [n for n, _ in toponyms(small_gazetteer, text)] == ["Chicago"]
    assert "Houston" in [n for n, _ in toponyms(small_gazetteer, text, disable=["street_name"])]
    # the abbreviation, and "St." before a saint's name is no street
    assert [n for n, _ in toponyms(small_gazetteer, "A crash on Houston Rd. closed the road.")] == []
    assert deciding_rule(small_gazetteer, "The Paris St. Germain match was delayed.", "Paris") != "street_name"
    # US road names: highways and pikes are streets too
    assert [n for n, _ in toponyms(small_gazetteer, "Traffic backed up on Houston Highway for hours.")] == []
    assert [n for n, _ in toponyms(small_gazetteer, "A barn burned on Chicago Pike.")] == []


@pytest.mark.parametrize("lead", [
    "Victoria is the capital city of British Columbia. The city was named after Queen Victoria.",
    "Victoria (pronounced vik-TOR-ee-uh) is the capital city of British Columbia. It was named after "
    "Queen Victoria.",
    "Victoria, officially the City of Victoria, is the capital city of British Columbia. It was named "
    "after Queen Victoria.",
])
def test_a_lead_defines_a_place_that_a_person_also_names(geoparser, lead):
    first = next((t for t in geoparser.analyse(lead).toponyms if t.start == 0), None)
    assert first is not None and first.place.admin1 == "British Columbia"
    off = Geoparser(geoparser.gazetteer, events=False, disable=["defining_sentence"])
    assert all(t.start != 0 for t in off.analyse(lead).toponyms)  # the person's thread takes it


def test_a_census_designated_place_is_defined_by_its_lead(geoparser):
    lead = "Clinton is a census-designated place in Prince George's County, Maryland, United States."
    first = next((t for t in geoparser.analyse(lead).toponyms if t.start == 0), None)
    assert first is not None and (first.place.kind, first.place.admin1) == ("city", "Maryland")


def test_a_lead_that_calls_its_name_a_town_means_no_division_of_that_name(geoparser):
    # "San Pedro" is also a department of Paraguay; the lead says it is a town, in Argentina
    lead = "San Pedro is a town in Jujuy Province, Argentina. Sugar cane is grown around it."
    first = next(t for t in geoparser.analyse(lead).toponyms if t.start == 0)
    assert first.place.country_code == "AR"


def test_the_county_of_x_is_the_county_the_gazetteer_names_x_county(geoparser):
    found = {t.text: t.place for t in geoparser.analyse("Voters in the county of Fairfax approved the bond, "
                                                        "as did the parish of St. Bernard.").toponyms}
    assert found["Fairfax"].kind == "admin2" and found["Fairfax"].admin1 == "Virginia"
    assert found["St. Bernard"].kind == "admin2" and found["St. Bernard"].admin1 == "Louisiana"


def test_a_compass_adjective_before_a_state_and_city_name_means_the_state(geoparser):
    found = {t.text: t.place for t in geoparser.analyse("Crews were sent to central Washington and "
                                                        "western New York on Monday.").toponyms}
    assert (found["Washington"].kind, found["Washington"].admin1) == ("admin1", "Washington")
    assert found["New York"].kind == "admin1"
    # a city that is no division, and a country, keep their readings
    assert geoparser.analyse("Tourists crowded central London.").toponyms[0].place.kind == "city"
    assert geoparser.analyse("Cartels fought in northern Mexico.").toponyms[0].place.kind == "country"


def test_upstate_names_the_state_not_its_city(geoparser):
    (new_york,) = [t for t in geoparser.analyse("Snow fell across upstate New York on Monday.").toponyms]
    assert new_york.place.kind == "admin1"
    off = Geoparser(geoparser.gazetteer, events=False, disable=["upstate_before"])
    assert off.analyse("Snow fell across upstate New York on Monday.").toponyms[0].place.kind == "city"


def test_a_list_of_counties_ends_with_a_capitalised_plural(geoparser):
    found = {t.text: t.place for t in geoparser.analyse(
        "Lake-effect snow buried parts of Erie and Niagara Counties on Tuesday, and officials told residents "
        "to stay off the roads.").toponyms}
    assert found["Erie"].kind == "admin2" and found["Niagara"].kind == "admin2"


def test_a_list_of_parishes_with_a_saint_s_name(geoparser):
    found = {t.text: t.place for t in geoparser.analyse(
        "Storm surge flooded homes in Orleans, Jefferson and St. Bernard parishes overnight, officials said.").toponyms}
    assert set(found) == {"Orleans", "Jefferson", "St. Bernard"}
    assert all(p.admin1 == "Louisiana" for p in found.values())  # Orleans Parish is New Orleans
    assert found["Jefferson"].kind == found["St. Bernard"].kind == "admin2"


def test_a_region_named_with_a_lower_case_head(geoparser):
    found = {t.text: t.place for t in geoparser.analyse(
        "The plan aims to protect the Amazon rainforest from illegal logging.").toponyms}
    assert found["Amazon rainforest"].kind == "region"


def test_a_given_name_that_ends_an_unknown_capitalised_word_ends_a_full_name(gazetteer):
    # "Irving" is a given name and a Texas city of 240,000: after a capitalised word that is no
    # place, it is a surname
    text = "Nets guard Kyrie Irving missed the game against Denver."
    assert_rule_drops(gazetteer, "inside_capitalised_name", text, "Irving", ["Denver"])
    # a place that is no given name stays embedded in the longer name
    assert toponyms(gazetteer, "He listened to Radio Pyongyang every night.") == [("Pyongyang", "embedded")]


def test_a_saints_possessive_before_a_facility_names_the_facility_not_a_town(gazetteer):
    # St. Thomas, Ontario lies 25 km from London, Ontario: read as places, the two had held each
    # other in Canada
    text = "Patients were moved from St. Thomas' Hospital in London after the fire."
    assert deciding_rule(gazetteer, text, "St. Thomas") == "saint_possessive_building"
    found = Geoparser(gazetteer, events=False).analyse(text).toponyms
    assert [(t.text, t.place.country_code) for t in found] == [("London", "GB")]
    assert "St. Thomas" in [n for n, _ in toponyms(gazetteer, text, disable=["saint_possessive_building"])]
    # a saint's name before its cathedral, and a town of a saint's name with no possessive
    assert toponyms(gazetteer, "The funeral was held at St. Patrick's Cathedral.") == []
    assert [n for n, _ in toponyms(gazetteer, "She grew up in St. Thomas, Ontario.")] == ["St. Thomas", "Ontario"]


def test_a_name_after_a_feature_head_and_of_is_the_features(gazetteer):
    # Good Hope, California and Hormoz are small towns; the cape and the strait are not them
    text = "Ships sailed around the Cape of Good Hope and avoided the Strait of Hormuz."
    assert_rule_drops(gazetteer, "feature_of_name", text, "Good Hope", [])
    # a big place after "of" keeps its reading, and the head alone is then no gulf of its own
    assert [n for n, _ in toponyms(gazetteer, "Pirates operate in the Gulf of Aden.")] == ["Aden"]
    assert [n for n, _ in toponyms(gazetteer, "Tensions in the Gulf grew.")] == ["Gulf"]


def test_a_verb_that_says_where_its_subject_lies_makes_it_a_place(gazetteer):
    # "granada" is a dictionary word, and a sentence-initial word needs a major city
    text = "Granada lies at the foot of the mountains, in Andalusia."
    assert deciding_rule(gazetteer, text, "Granada") == "locating_verb_after"
    assert [n for n, _ in toponyms(gazetteer, text)] == ["Granada", "Andalusia"]
    assert "Granada" not in [n for n, _ in toponyms(gazetteer, text, disable=["locating_verb_after"])]
    assert "Reading" in [n for n, _ in toponyms(gazetteer, "Reading is situated on the Thames.")]
    # a person lies in state
    assert deciding_rule(gazetteer, "Lincoln lies in state at the Capitol.", "Lincoln") != "locating_verb_after"


def test_a_road_head_that_opens_a_body_is_no_street(gazetteer):
    # "Highway Patrol" is the state's police, not a road named after the state
    text = "The suspect was stopped by the Ohio Highway Patrol near Dayton."
    assert [n for n, _ in toponyms(gazetteer, text)] == ["Ohio", "Dayton"]


def test_a_name_that_ends_in_a_possessive_matches_whole(gazetteer):
    # "St. John's" is Newfoundland's capital; "St. John" is New Brunswick's Saint John or a Jersey parish
    found = Geoparser(gazetteer, events=False).analyse("He moved to St. John's, Newfoundland, last year.").toponyms
    assert [(t.text, t.place.name) for t in found] == [("St. John's", "St. John's"),
                                                      ("Newfoundland", "Newfoundland and Labrador")]
    # a possessive that ends no name of the gazetteer is left out of the match
    assert [n for n, _ in toponyms(gazetteer, "Britain's prime minister spoke.")] == ["Britain"]


def test_french_and_german_connectors_join_a_towns_name(gazetteer):
    # "au" and "sous" had ended the run, and "Port" alone is a word
    assert [n for n, _ in toponyms(gazetteer, "Gangs control most of Port-au-Prince.")] == ["Port-au-Prince"]
    assert [n for n, _ in toponyms(gazetteer, "Riots broke out in Fontenay-sous-Bois.")] == ["Fontenay-sous-Bois"]


def test_a_transliterations_apostrophe_and_spanish_and_persian_connectors_stay_inside_a_name(gazetteer):
    assert [n for n, _ in toponyms(gazetteer, "She lives in Xi'an.")] == ["Xi'an"]
    assert [n for n, _ in toponyms(gazetteer, "Pilgrims flew to Ta’if.")] == ["Ta’if"]
    assert [n for n, _ in toponyms(gazetteer, "Fighting reached Mazar-i-Sharif.")] == ["Mazar-i-Sharif"]
    assert [n for n, _ in toponyms(gazetteer, "He was born in Santiago de los Caballeros.")] == [
        "Santiago de los Caballeros"]
    assert [n for n, _ in toponyms(gazetteer, "Fighting reached Deir ez-Zor.")] == ["Deir ez-Zor"]
    assert [n for n, _ in toponyms(gazetteer, "He was born in Newcastle-under-Lyme.")] == ["Newcastle-under-Lyme"]


def test_a_capitals_name_before_region_is_the_slavic_division(gazetteer):
    found = Geoparser(gazetteer, events=False).analyse("Drones hit the Kursk region overnight.").toponyms
    assert [(t.text, t.place.kind) for t in found] == [("Kursk", "admin1")]


def test_an_age_between_the_article_and_a_residents_town_keeps_the_town(gazetteer):
    text = "Police arrested a 34-year-old Troy woman on Friday."
    assert deciding_rule(gazetteer, text, "Troy") == "resident_noun_after"
    assert [n for n, _ in toponyms(gazetteer, text)] == ["Troy"]


def test_a_formal_municipality_name_also_reads_as_the_towns_of_its_bare_name(gazetteer):
    # GeoNames lists "City of Richmond" for Richmond, Minnesota and not for Richmond, Virginia
    found = Geoparser(gazetteer, events=False).analyse("Crews in the City of Richmond, Virginia, fixed the main.").toponyms
    assert [(t.text, t.place.admin1) for t in found] == [("City of Richmond", "Virginia"), ("Virginia", "Virginia")]


def test_a_namesake_or_a_generic_head_inside_an_unknown_place_name_is_no_place(gazetteer):
    # "New" names a place after another (Georgia is in the Caucasus, New Georgia in the Solomon
    # Islands); Hong Kong's "Islands" district is no reading of an archipelago's head
    text = "Missionaries sailed from New Georgia to Perth."
    assert_rule_drops(gazetteer, "inside_longer_place_name", text, "Georgia", ["Perth"])
    text = "Ferries to the Frisian Islands were cancelled in Bremen."
    assert_rule_drops(gazetteer, "inside_longer_place_name", text, "Islands", ["Bremen"])
    # a known whole name is matched before the rule
    assert [n for n, _ in toponyms(gazetteer, "She moved to New Caledonia and then to Papua New Guinea.")] \
        == ["New Caledonia", "Papua New Guinea"]


def test_a_city_that_is_a_given_name_before_its_airport_is_no_person(gazetteer):
    # "London" is a given name, and had made "London Heathrow" a person's full name: both were lost
    assert [n for n, _ in toponyms(gazetteer, "He flew into London Heathrow from Dubai.")] \
        == ["London", "Heathrow", "Dubai"]
    # a given name before a surname still opens a person's name
    assert [n for n, _ in toponyms(gazetteer, "Jordan Peterson spoke in Toronto.")] == ["Toronto"]
