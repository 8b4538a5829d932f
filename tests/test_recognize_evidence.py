"""Names that are not places, and places that were missed (issue 10), on sentences written here."""

import pytest

from geo.doc import make_doc
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
