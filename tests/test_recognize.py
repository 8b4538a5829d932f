"""Recognition on sentences written for these tests: the classic traps of news text."""

import pytest

from geo.pipeline import Geoparser


def found(geoparser, text):
    return [(t.text, t.type) for t in geoparser.analyse(text).toponyms]


def names(geoparser, text):
    return [t.text for t in geoparser.analyse(text).toponyms]


def test_offsets_are_exact(geoparser):
    text = "Fighting spread from Gao, Mali, to Niamey in Niger on Tuesday."
    analysis = geoparser.analyse(text)
    for t in analysis.toponyms:
        assert text[t.start:t.end] == t.text
    assert [t.text for t in analysis.toponyms] == ["Gao", "Mali", "Niamey", "Niger"]


def test_multiword_names(geoparser):
    assert names(geoparser, "Officials from Burkina Faso and Ivory Coast met in Sierra Leone.") == [
        "Burkina Faso", "Ivory Coast", "Sierra Leone"]


def test_possessive_and_hyphenated_modifiers(geoparser):
    assert found(geoparser, "Mali's junta hired Russian-backed fighters for French-led raids.") == [
        ("Mali", "modifier"), ("Russian", "modifier"), ("French", "modifier")]


def test_person_names_are_not_places(geoparser):
    text = ("Defence Minister James Heappey told parliament that George Washington and "
            "President Lincoln were his models. Heappey added more.")
    assert names(geoparser, text) == []


def test_organisation_names(geoparser):
    # "Wagner" is a town in Brazil, but not here
    assert names(geoparser, "The Wagner group and the mercenary group Wagner are in Mali.") == ["Mali"]
    assert found(geoparser, "The United Nations Stabilization Mission in Mali left.") == [("Mali", "embedded")]
    assert found(geoparser, "He backed the Accra Initiative.") == [("Accra", "embedded")]


def test_months_weekdays_and_common_words(geoparser):
    assert names(geoparser, "On Monday, May 3, the UN said Nice things.") == []
    assert names(geoparser, "Reading the report, we found nothing. Police said so.") == []


def test_capitalised_place_that_is_also_a_word(geoparser):
    assert names(geoparser, "The festival moved from Nice to Reading last year.") == ["Nice", "Reading"]


def test_a_town_named_like_an_obscure_word_after_a_cue(geoparser):
    # Webster's lists an obsolete "dover" and a "troy" weight: after "in" a town of 20,000 will do
    assert names(geoparser, "The family moved to Dover, and she grew up in Troy.") == ["Dover", "Troy"]
    # a common word, or an acronym in capitals: still words
    assert names(geoparser, "Congress met in Hope.") == []
    assert names(geoparser, "He spoke to friends of ALMA in Geneva.") == ["Geneva"]


def test_a_federal_highway_is_no_mention_of_the_country(geoparser):
    assert names(geoparser, "The crash closed U.S. 41 near Dalton, and traffic on US Highway 19 "
                            "backed up.") == ["Dalton"]
    # a quantity after the initials is no road number
    assert names(geoparser, "He left the U.S. 20 years ago.") == ["U.S."]
    assert names(geoparser, "The US 10-year yield rose.") == ["US"]
    off = Geoparser(geoparser.gazetteer, events=False, disable=("road_number",))
    assert names(off, "They drove north on U.S. 27.") == ["U.S."]


def test_a_country_code_after_a_currency_sign_is_the_currency(geoparser):
    assert names(geoparser, "The crop is worth $US 1.5 billion to Kenya.") == ["Kenya"]


def test_a_list_after_a_cue_goes_on_past_a_state_abbreviation(geoparser):
    # "Joplin said" would be a speaker; the list opened by "in" says it is a town
    assert names(geoparser, "Officials in Springfield, Mo., and Joplin said the storms knocked out "
                            "power.") == ["Springfield", "Mo.", "Joplin"]


def test_city_demonyms(geoparser):
    assert found(geoparser, "Londoners and Muscovites queued, and New Yorkers stayed home.") == [
        ("Londoners", "demonym"), ("Muscovites", "demonym"), ("New Yorkers", "demonym")]
    # the magazine is no demonym
    assert names(geoparser, "The New Yorker reported it first.") == []


def test_a_name_before_a_verb_only_people_do_is_a_person(geoparser):
    assert names(geoparser, "Asked about the plan, Sydney laughed and left for Perth.") == ["Perth"]
    off = Geoparser(geoparser.gazetteer, events=False, disable=("person_act_after",))
    assert names(off, "Asked about the plan, Sydney laughed.") == ["Sydney"]
    # a government's voice is no person's
    assert names(geoparser, "Moscow said he was a spy.") == ["Moscow"]


def test_a_plural_kind_noun_opens_a_list_of_its_kind(geoparser):
    found = {t.text: t.place for t in geoparser.analyse(
        "Jobs moved to western states such as Oregon or Washington, and to countries like Georgia.").toponyms}
    assert found["Washington"].kind == "admin1"
    assert found["Georgia"].kind == "country"
    off = Geoparser(geoparser.gazetteer, events=False, disable=("kind_noun_before_list",))
    assert {t.text: t.place for t in off.analyse("They moved to states such as Oregon or Washington.").toponyms}[
        "Washington"].kind == "city"


def test_us_versus_us(geoparser):
    assert names(geoparser, "The US told us to leave the U.S. embassy.") == ["US", "U.S."]


def test_acronyms_that_are_not_places(geoparser):
    assert names(geoparser, "The UN and MINUSMA asked IT staff in Mali.") == ["Mali"]


def test_all_caps_headline(geoparser):
    assert names(geoparser, "UK PULLS TROOPS OUT OF MALI AFTER JUNTA TALKS") == ["UK", "MALI"]


def test_mention_types(geoparser):
    assert found(geoparser, "Britain announced on Monday that it would leave.") == [("Britain", "metonymic")]
    assert found(geoparser, "The UK contingent will leave.") == [("UK", "modifier")]
    assert found(geoparser, "Troops were deployed to Mali last year.") == [("Mali", "literal")]
    assert found(geoparser, "The Malian government disagreed.") == [("Malian", "modifier")]
    assert found(geoparser, "Malians protested.") == [("Malians", "demonym")]


def test_a_sentence_s_first_word_before_in_is_no_body_s_name(geoparser):
    # "Police" is capitalised because it opens the sentence: Karachi is where, not part of a name
    assert found(geoparser, "Police in Karachi arrested 12 suspects.") == [("Karachi", "literal")]
    assert found(geoparser, "The UN Mission in Mali said it would leave.") == [("Mali", "embedded")]


def test_a_bare_weekday_after_a_name_is_no_part_of_it(geoparser):
    # AP style: "in Lagos Monday" is "in Lagos on Monday", not a longer name "Lagos Monday"
    assert found(geoparser, "Protests spread to Lagos Monday as police fired tear gas.") == [("Lagos", "literal")]
    assert found(geoparser, "An earthquake shook Taiwan Wednesday evening.") == [("Taiwan", "literal")]


def test_an_adverb_after_a_name_makes_no_modifier(geoparser):
    # a modifier needs a noun after it ("Gaza City officials"); "overnight" is none
    assert found(geoparser, "Airstrikes hit Gaza City overnight.") == [("Gaza City", "literal")]
    assert found(geoparser, "Gaza City officials said the strikes continued.") == [("Gaza City", "modifier")]


@pytest.mark.parametrize("text, expected", [
    ("They arrived in Timbuktu.", "Timbuktu"),
    ("Clashes in the Sahel continued.", "Sahel"),
    ("Rebels hold the Kidal region.", "Kidal"),
])
def test_regions_and_towns(geoparser, text, expected):
    assert names(geoparser, text) == [expected]


def test_page_furniture_yields_nothing(geoparser):
    assert names(geoparser, "Accessibility links\n\nBreaking News\n\nShare this article") == []


def test_datelines_and_state_abbreviations(geoparser):
    analysis = geoparser.analyse("SPRINGFIELD, Ill. (AP) — Officials met. He lives in Slidell, La., now.")
    assert [(t.text, t.place.name) for t in analysis.toponyms] == [
        ("SPRINGFIELD", "Springfield"), ("Ill.", "Illinois"), ("Slidell", "Slidell"), ("La.", "Louisiana")]
    assert {t.place.country_code for t in analysis.toponyms} == {"US"}


def test_washington_dc_is_one_name(geoparser):
    (dc,) = geoparser.analyse("Tickets are sold in Washington, D.C., too.").toponyms
    assert dc.text == "Washington, D.C." and dc.place.feature_code == "PPLC"


def test_coordinated_adjectives_modify(geoparser):
    assert found(geoparser, "Crowds waved Korean and US flags.") == [("Korean", "modifier"), ("US", "modifier")]


def test_building_in_a_small_town_places_the_town(geoparser):
    assert found(geoparser, "A concert in St Mary's Church in Dunshaughlin raised funds.") == [
        ("Dunshaughlin", "literal")]


def test_second_level_divisions(geoparser):
    places = {t.text: t.place for t in geoparser.analyse(
        "Floods hit Kent and Surrey in England, and Fife in Scotland.").toponyms}
    assert places["Kent"].kind == places["Surrey"].kind == places["Fife"].kind == "admin2"
    assert places["Kent"].country_code == "GB"


def test_short_capitalised_dateline(geoparser):
    analysis = geoparser.analyse("KYIV, Ukraine (AP) — Shelling resumed. Talks were held in New Delhi.")
    assert [(t.text, t.place.name) for t in analysis.toponyms] == [
        ("KYIV", "Kyiv"), ("Ukraine", "Ukraine"), ("New Delhi", "New Delhi")]


def test_place_before_an_office_is_not_a_given_name(geoparser):
    assert found(geoparser, "Virginia Governor Glenn Youngkin spoke.") == [("Virginia", "modifier")]


def test_possessive_names_and_organisation_runs(geoparser):
    analysis = geoparser.analyse("Officials evacuated Cox's Bazar. The Asian Development Bank and "
                                 "the Indian Meteorological Department warned Sri Lanka also.")
    assert [(t.text, t.type) for t in analysis.toponyms] == [
        ("Cox's Bazar", "literal"), ("Asian", "embedded"), ("Indian", "embedded"), ("Sri Lanka", "metonymic")]
    assert analysis.toponyms[0].place.country_code == "BD"


def test_unknown_possessive_name_is_not_cut(geoparser):
    assert names(geoparser, "They summered on Tilly's Island.") == []


def test_people_named_like_villages(geoparser):
    assert names(geoparser, "In Spain, Pedro Sanchez welcomed the deal from Madrid.") == ["Spain", "Madrid"]
    assert names(geoparser, "Jack London spoke. Paris Hilton attended a gala in Monaco.") == ["Monaco"]


def test_places_inside_institution_names(geoparser):
    assert found(geoparser, "Maryland State Police said so; Arizona State University agreed.") == [
        ("Maryland", "embedded"), ("Arizona", "embedded")]
    assert found(geoparser, "The Beverly Hills Police Department said so.") == [("Beverly Hills", "embedded")]
    assert found(geoparser, "Fighting in the Mopti Region continued.") == [("Mopti Region", "literal")]
