"""Names that are not places, and places that were missed (issue 10), on sentences written here."""

import pytest

from geo.doc import make_doc
from geo.pipeline import Geoparser
from geo.recognize import Recognizer
from geo.recognize.evidence import gather


def names(geoparser, text):
    return [t.text for t in geoparser.analyse(text).toponyms]


def decided(gazetteer, text):
    return {j.rule for j in Recognizer(gazetteer).judgements(make_doc(text))}


# -- people, organisations, products and buildings -------------------------------------------

def test_titles_with_a_dot(geoparser):
    assert names(geoparser, "Mrs. Lincoln and Gov. Houston opened the fair in Omaha.") == ["Omaha"]


def test_evidence_collects_speakers_and_organisations(gazetteer):
    evidence = gather(gazetteer, make_doc("The Sparrow Group hired staff. Later Henderson said no. "
                                          "Valdez told reporters the plan was dead."))
    assert {"Henderson", "Valdez"} <= evidence.speakers
    assert "Sparrow" in evidence.organisations


def test_person_nouns_in_apposition(geoparser):
    assert names(geoparser, "His brother Tyler moved away, and his wife, Julia, stayed in Denver.") == ["Denver"]


def test_agency_after_a_dateline(gazetteer, geoparser):
    text = "NAIROBI (Xinhua) -- Rain fell again on Monday."
    assert "credit_line" in decided(gazetteer, text)
    assert names(geoparser, text) == ["NAIROBI"]


def test_model_year_maker_and_model(gazetteer, geoparser):
    text = "Police found a stolen 2004 Toyota Camry outside a bar."
    assert "model_year" in decided(gazetteer, text)
    assert names(geoparser, text) == []


def test_the_building_is_no_town(geoparser):
    assert "White House" not in names(geoparser, "The White House declined to comment on Tuesday.")


def test_degree_letters_after_a_comma_are_no_state(geoparser):
    assert names(geoparser, "The study was led by Anna Ruiz, M.D., and Omar Hale, Ph.D., of Boston.") == ["Boston"]


# -- places that were missed -----------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The crash happened near McLean on Sunday.", ["McLean"]),
    ("Schools in DeKalb closed early.", ["DeKalb"]),
])
def test_name_prefixes_with_inner_capitals(geoparser, text, expected):
    assert names(geoparser, text) == expected


def test_camel_case_brands_stay_out():
    from geo.recognize.rules import _prefixed_name

    assert _prefixed_name("McLean") and _prefixed_name("DeKalb") and _prefixed_name("LaFayette")
    assert not _prefixed_name("MoD") and not _prefixed_name("iPhone") and not _prefixed_name("McDs")


def test_full_stop_after_a_state_name_is_the_sentence_s(geoparser):
    toponyms = geoparser.analyse("The final was held in Dayton, Ohio. Fans left happy.").toponyms
    assert [t.text for t in toponyms][:2] == ["Dayton", "Ohio"]


def test_state_abbreviation_keeps_its_dot(geoparser):
    assert names(geoparser, "She was born in Trenton, N.J., and raised in Erie, Pa., before moving.") == [
        "Trenton", "N.J.", "Erie", "Pa."]


def test_party_state_label(geoparser):
    assert "Pleasanton" in names(geoparser, "State Sen. Mark Olsen, D-Pleasanton, voted against it.")


def test_hyphen_compound_of_two_places(geoparser):
    assert names(geoparser, "She teaches at the University of Nebraska-Lincoln.")[-1] == "Lincoln"


def test_encyclopaedia_lead(geoparser):
    assert names(geoparser, "Aurora is a city in Colorado, east of Denver.") == ["Aurora", "Colorado", "Denver"]


def test_compass_part_of_a_place(geoparser):
    assert names(geoparser, "Storms hit North London and Western Australia.") == [
        "North London", "Western Australia"]


def test_feature_named_after_a_place(geoparser):
    assert names(geoparser, "Barges moved slowly down the Mississippi River at dawn.") == ["Mississippi River"]


def test_state_names_that_are_also_dictionary_words(geoparser):
    assert names(geoparser, "Lawmakers in Michigan and Colorado disagreed.") == ["Michigan", "Colorado"]
    assert names(geoparser, "Montana offered more money on Friday.") == ["Montana"]
    assert names(geoparser, "The State offered more money on Friday.") == []


def test_a_facility_in_a_city_places_it(geoparser):
    assert geoparser_types(geoparser, "Two nurses at the Grey Lantern Hospital in Madrid fell ill.") == [
        ("Madrid", "literal")]


def test_a_country_named_like_a_people_form_is_the_country(geoparser):
    (toponym,) = geoparser.analyse("Cases rose again in the Philippines this week.").toponyms
    assert toponym.text == "Philippines" and not toponym.adjectival


def test_a_division_noun_after_a_word_like_name(geoparser):
    assert "Nyanza" in names(geoparser, "Clinics in Nyanza province reported new cases.")


def geoparser_types(geoparser, text):
    return [(t.text, t.type) for t in geoparser.analyse(text).toponyms]


def test_a_rare_word_where_a_place_is_expected(gazetteer):
    text = "The truck was stopped in Stroud, Ontario, on Friday."
    assert [t.text for t in Geoparser(gazetteer, events=False).analyse(text).toponyms][:2] == ["Stroud", "Ontario"]


def test_currency_symbols_and_strain_names(geoparser):
    assert names(geoparser, "The fund pledged US$40 million to Malawi.") == ["Malawi"]
    assert names(geoparser, "The vaccine covers the A/Texas/50/2012 strain.") == []


def test_hyphenated_names(geoparser):
    assert names(geoparser, "She told Agence France-Presse on Monday.") == []
    assert names(geoparser, "Talks on Austria-Hungary ended.") == ["Austria", "Hungary"]


def test_given_name_particle_surname(geoparser):
    assert names(geoparser, "A report by Florence de Vries was read in Ghent.") == ["Ghent"]


def test_dotted_title_gives_a_surname(gazetteer):
    assert "Castillo" in gather(gazetteer, make_doc("Dr. Elena Castillo spoke. Castillo said more.")).surnames


def test_a_name_stops_at_the_sentence_end(geoparser):
    assert names(geoparser, "The birds were found in Brattleboro, Vermont. State officials said so.")[:2] == [
        "Brattleboro", "Vermont"]


def test_a_person_read_once_stays_a_person(geoparser, gazetteer):
    text = "His brother Tyler stayed home. Later Tyler moved to Boston."
    assert names(geoparser, text) == ["Boston"]
    assert "Tyler" in names(Geoparser(gazetteer, events=False, disable=["person_elsewhere"]), text)


def test_a_speaker_named_like_a_division_is_a_person(geoparser):
    text = "Voters liked the plan, Nelson says. Nelson thinks it will pass."
    assert names(geoparser, text) == []


def test_a_small_place_before_a_sports_noun_is_a_team(geoparser):
    assert names(geoparser, "A Notre Dame player scored twice in Chicago.") == ["Chicago"]


def test_an_adjective_of_proximity_expects_a_place(geoparser):
    # local news places a small town by its neighbour: "residents of nearby X"
    assert names(geoparser, "Parents from nearby Wirksworth joined the school meeting.") == ["Wirksworth"]
    assert names(geoparser, "Crews from neighboring Forrest City helped clear the roads.") == ["Forrest City"]
