"""The resolver's sentence rules on hand-made records: which areas count as named in a name's sentence."""

from geo.model import Place
from geo.recognize import RawMention
from geo.resolve.resolver import Resolver


def town(gid, name, admin1, admin2, pop, lat, lon):
    return Place(gid, name, lat, lon, "city", "P", "PPL", "US", admin1, pop, admin2)


def county(gid, name, admin1, lat, lon):
    return Place(gid, name, lat, lon, "admin2", "A", "ADM2", "US", admin1, 0, name)


# a big town of the name elsewhere, and the small one inside the second of two same-named counties
MEDINA_BIG = town(1, "Medina", "Ohio", "Medina County", 26_000, 41.14, -81.86)
MEDINA_TN = town(2, "Medina", "Tennessee", "Gibson County", 4_000, 35.80, -88.77)
GIBSON_IN = county(10, "Gibson County", "Indiana", 38.31, -87.58)
GIBSON_TN = county(11, "Gibson County", "Tennessee", 35.99, -88.93)


def mention(text, start, sentence, candidates, kind="literal"):
    return RawMention(start, start + len(text), text, kind, sentence, tuple(candidates))


def county_and_town(text, county_kind="literal"):
    """The mentions of "Gibson County" and "Medina" in ``text``, each with both its records."""
    return [mention("Gibson County", text.index("Gibson County"), 0, [GIBSON_IN, GIBSON_TN], county_kind),
            mention("Medina", text.index("Medina"), 0, [MEDINA_BIG, MEDINA_TN])]


def resolve(small_gazetteer, text, mentions, disable=()):
    return {t.text: t.place for t in Resolver(small_gazetteer, disabled=disable)(mentions, text)}


def test_every_reading_of_a_county_in_the_sentence_counts(small_gazetteer):
    text = "Deputies from the Gibson County office were called to a house in Medina."
    mentions = county_and_town(text)
    assert resolve(small_gazetteer, text, mentions)["Medina"] == MEDINA_TN
    # with the county's winner only (Indiana, an even split), nothing contains a Medina
    assert resolve(small_gazetteer, text, mentions, {"sentence_area_readings"})["Medina"] == MEDINA_BIG


def test_a_county_in_the_same_list_is_a_peer(small_gazetteer):
    text = "Storms hit Gibson County and Medina."
    mentions = county_and_town(text)
    assert resolve(small_gazetteer, text, mentions)["Medina"] == MEDINA_BIG
    assert resolve(small_gazetteer, text, mentions, {"sentence_list_is_no_container"})["Medina"] == MEDINA_TN


def test_a_county_inside_an_organisation_name_is_no_area_of_the_sentence(small_gazetteer):
    text = "The Gibson County Lottery sold tickets in Medina."
    mentions = county_and_town(text, "embedded")
    assert resolve(small_gazetteer, text, mentions)["Medina"] == MEDINA_BIG


def test_a_county_in_the_name_of_its_own_government_body_is_an_area_of_the_sentence(small_gazetteer):
    # the sheriff of a county acts in it: the body's name names the area, as "in Gibson County" would
    text = "The Gibson County Sheriff's Office said deputies were called to a house in Medina."
    mentions = county_and_town(text, "embedded")
    assert resolve(small_gazetteer, text, mentions)["Medina"] == MEDINA_TN
    assert resolve(small_gazetteer, text, mentions, {"jurisdiction_names_area"})["Medina"] == MEDINA_BIG
