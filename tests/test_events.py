"""Events: categories, places, actors, dates and tense.

Most tests build the analysed document by hand (sentences from the real
splitter, toponyms placed where the test says), so they exercise event
extraction alone, whatever the recogniser's current behaviour. The last
ones run the whole pipeline on the seed article and on the project's own
test articles in ``tests/fixtures/events``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from pathlib import Path

import pytest

from geo.cli import main as cli_main
from geo.cli import read_article
from geo.doc import Doc, make_doc
from geo.events import extract_events
from geo.events.lexicon import CATEGORIES, CONTEXTS, EXTENSIONS, LEXICON, verb_forms
from geo.model import Analysis, Event, Focus, Place, Toponym

FIXTURES = Path(__file__).parent / "fixtures" / "events"
ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "voa-2022-11-14-uk-pulling-mali-troop-deployment.txt"

PLACES = {
    "Mali": Place(2453866, "Mali", 17.0, -4.0, "country", "A", "PCLI", "ML"),
    "Malian": Place(2453866, "Mali", 17.0, -4.0, "country", "A", "PCLI", "ML"),
    "Britain": Place(2635167, "United Kingdom", 54.0, -2.0, "country", "A", "PCLI", "GB"),
    "UK": Place(2635167, "United Kingdom", 54.0, -2.0, "country", "A", "PCLI", "GB"),
    "Guinea": Place(2420477, "Guinea", 10.8, -10.7, "country", "A", "PCLI", "GN"),
    "Ghana": Place(2300660, "Ghana", 8.1, -1.0, "country", "A", "PCLI", "GH"),
    "Togo": Place(2363686, "Togo", 8.0, 1.2, "country", "A", "PCLI", "TG"),
    "Benin": Place(2395170, "Benin", 9.5, 2.3, "country", "A", "PCLI", "BJ"),
    "Burkina Faso": Place(2361809, "Burkina Faso", 12.5, -1.7, "country", "A", "PCLI", "BF"),
    "Timbuktu": Place(2449067, "Timbuktu", 16.77, -3.01, "city", "P", "PPLA", "ML", population=32460),
    "Gao": Place(2457163, "Gao", 16.27, -0.04, "city", "P", "PPLA", "ML", population=86633),
    "Bamako": Place(2460596, "Bamako", 12.65, -8.0, "city", "P", "PPLC", "ML", population=1297281),
    "BAMAKO": Place(2460596, "Bamako", 12.65, -8.0, "city", "P", "PPLC", "ML", population=1297281),
    "Niamey": Place(2440485, "Niamey", 13.51, 2.11, "city", "P", "PPLC", "NE", population=774235),
    "Niger": Place(2440476, "Niger", 17.6, 8.1, "country", "A", "PCLI", "NE"),
    "Dakar": Place(2253354, "Dakar", 14.69, -17.44, "city", "P", "PPLC", "SN", population=2476400),
    "Paris": Place(2988507, "Paris", 48.85, 2.35, "city", "P", "PPLC", "FR", population=2138551),
    "Tigray": Place(444186, "Tigray", 14.0, 38.5, "admin1", "A", "ADM1", "ET"),
    "Ethiopia": Place(337996, "Ethiopia", 9.0, 39.5, "country", "A", "PCLI", "ET"),
    "Kaduna": Place(2335727, "Kaduna", 10.52, 7.44, "city", "P", "PPLA", "NG", population=1582102),
    "Nigeria": Place(2328926, "Nigeria", 10.0, 8.0, "country", "A", "PCLI", "NG"),
    "Maiduguri": Place(2331447, "Maiduguri", 11.85, 13.16, "city", "P", "PPLA", "NG", "Borno", 1112449),
    "Borno": Place(2346794, "Borno", 11.5, 13.0, "admin1", "A", "ADM1", "NG", "Borno"),
    "Washington": Place(4140963, "Washington", 38.9, -77.04, "city", "P", "PPLC", "US", population=689545),
    "Kharkiv": Place(706483, "Kharkiv", 49.98, 36.25, "city", "P", "PPLA", "UA", population=1430885),
    "Ankara": Place(323786, "Ankara", 39.92, 32.85, "city", "P", "PPLC", "TR", population=3517182),
    "Iraq": Place(99237, "Iraq", 33.0, 44.0, "country", "A", "PCLI", "IQ"),
    "Khartoum": Place(379252, "Khartoum", 15.55, 32.53, "city", "P", "PPLC", "SD", population=1974647),
    "Omdurman": Place(365137, "Omdurman", 15.64, 32.48, "city", "P", "PPL", "SD", population=1200000),
    "Mopti": Place(2453348, "Mopti", 14.48, -4.19, "city", "P", "PPLA", "ML", population=108456),
    "Asmara": Place(343300, "Asmara", 15.34, 38.93, "city", "P", "PPLC", "ER", population=563930),
}


def analysis_of(text: str, mentions: dict[str, str], *, published: dt.date | None = dt.date(2022, 11, 14),
                title: str = "", focus: str | None = "Mali") -> Doc:
    """A hand-made analysed document: ``mentions`` maps each name to its mention type.

    Every occurrence of a name becomes a toponym of that type, resolved to ``PLACES``.
    """
    doc = make_doc(text, doc_id="t", title=title, published=published)
    starts = [s.start for s in doc.sentences]
    toponyms = []
    for name, kind in mentions.items():
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            sentence = max(i for i, s in enumerate(starts) if s <= m.start())
            toponyms.append(Toponym(m.start(), m.end(), name, kind, PLACES[name], 0.9, (), sentence,
                                    adjectival=name.endswith("an")))
    toponyms.sort(key=lambda t: t.start)
    doc.toponyms = tuple(toponyms)
    doc.focus = Focus(PLACES[focus] if focus else None, None)
    return doc


def events_of(text: str, mentions: dict[str, str] | None = None, **kwargs) -> list[Event]:
    return list(extract_events(analysis_of(text, mentions or {}, **kwargs)))


def only(events: list[Event], category: str) -> Event:
    found = [e for e in events if e.category == category]
    assert len(found) == 1, [(e.category, e.trigger) for e in events]
    return found[0]


def where(event: Event) -> list[str]:
    return [p.name for p in event.places]


# -- the lexicon -------------------------------------------------------------------------------


def test_the_lexicon_speaks_current_plover_only() -> None:
    assert len(CATEGORIES) == 16
    assert {"DEMAND", "DISAPPROVE", "INVESTIGATE", "CRIME"}.isdisjoint(CATEGORIES)
    assert set(EXTENSIONS) == {"DISASTER", "ACCIDENT", "CRIME"} and set(EXTENSIONS).isdisjoint(CATEGORIES)
    readings = [r for rs in LEXICON.values() for r in rs]
    assert {r.category for r in readings} == set(CATEGORIES) | set(EXTENSIONS)  # every type can be found
    assert all(set(r.contexts) <= set(CONTEXTS) for r in readings)


def test_verbs_are_inflected_regularly_and_irregularly() -> None:
    assert verb_forms("deploy") == {"deploy", "deploys", "deployed", "deploying"}
    assert {"sent", "sending"} <= verb_forms("send")
    assert {"accused", "accusing", "accuses"} <= verb_forms("accuse")
    assert {"kidnapped", "kidnapping"} <= verb_forms("kidnap")
    assert {"banned", "banning", "swapped", "quitting"} <= verb_forms("ban") | verb_forms("swap") | verb_forms("quit")
    assert {"fired", "firing", "rallied", "dying"} <= verb_forms("fire") | verb_forms("rally") | verb_forms("die")


def test_striking_a_deal_and_a_hits_leader_are_no_attacks() -> None:
    # "strike" and "hit" are attacks where a weapon strikes or hits, and "hits" after a determiner
    # or a number is a noun
    assert not [e for e in events_of("The neighbours struck a deal on the border.", focus=None)
                if e.category == "ASSAULT"]
    assert not [e for e in events_of("After the missile tests the band played two hits.", focus=None)
                if e.category == "ASSAULT"]


def test_police_blocking_a_road_is_no_protest() -> None:
    # a blockade is a protest where protesters set it up; police and navies block roads and ports too
    assert not [e for e in events_of("Police blocked the road to the airport.", focus=None) if e.category == "PROTEST"]


def test_a_prefixed_verb_inflects_as_its_base_and_doubling_follows_the_past() -> None:
    assert {"retook", "retaken", "retaking"} <= verb_forms("retake")
    assert {"overran", "overrun", "overrunning"} <= verb_forms("overrun")
    assert verb_forms("reopen") == {"reopen", "reopens", "reopened", "reopening"}
    # "pulled" and "shelled" double nothing; "opened" is stressed on the first syllable
    assert {"pulling", "shelling", "opening", "beginning"} <= (
        verb_forms("pull") | verb_forms("shell") | verb_forms("open") | verb_forms("begin"))
    assert not {"pullling", "shellling", "openning", "begining"} & (
        verb_forms("pull") | verb_forms("shell") | verb_forms("open") | verb_forms("begin"))
    assert "relaid" not in verb_forms("relay")
    assert {"trafficked", "trafficking"} <= verb_forms("traffic")


# -- categories --------------------------------------------------------------------------------


@pytest.mark.parametrize(("sentence", "category"), [
    ("Thousands of students protested outside parliament on Tuesday.", "PROTEST"),
    ("Gunmen killed 12 villagers in an overnight raid.", "ASSAULT"),
    ("Security forces arrested three opposition leaders.", "COERCE"),
    ("The two sides signed a peace agreement.", "AGREE"),
    ("The ministers held talks on the border dispute.", "CONSULT"),
    ("The government welcomed the decision.", "SUPPORT"),
    ("The rebels released 20 hostages.", "RETREAT"),
    ("The junta urged its neighbours to reopen the border.", "REQUEST"),
    ("The opposition rejected the new constitution.", "REJECT"),
    ("The militia threatened to attack the capital.", "THREATEN"),
    ("Washington imposed sanctions on the generals.", "SANCTION"),
    ("The army deployed 500 soldiers to the border.", "MOBILIZE"),
    ("Donors delivered humanitarian aid to the displaced.", "AID"),
    ("The two armies began joint exercises.", "COOPERATE"),
    ("The president apologised for the killings.", "CONCEDE"),
    ("The minister accused the junta of abuses.", "ACCUSE"),
    ("The foreign ministry lodged a formal protest with the ambassador.", "ACCUSE"),
    ("The two navies held joint naval exercises off the coast.", "COOPERATE"),
    ("Lebanon complained to the United Nations over the air raids.", "ACCUSE"),
    ("Protesters blocked roads into the capital on Monday.", "PROTEST"),
    ("Farmers set up roadblocks on the main highway.", "PROTEST"),
    ("Russian missiles struck the city overnight.", "ASSAULT"),
])
def test_trigger_words_give_the_plover_category(sentence: str, category: str) -> None:
    events = events_of(sentence, focus=None)
    assert events and events[0].category == category, [(e.category, e.trigger) for e in events]


def test_a_governed_complement_is_part_of_the_event_not_another_one() -> None:
    events = events_of("Heappey accused Mali of working with the Russian mercenary group Wagner.",
                       {"Mali": "metonymic"})
    assert [e.category for e in events] == ["ACCUSE"]
    accuse = events[0]
    assert accuse.recipients[0].text == "Mali" and accuse.recipients[0].country_code == "ML"
    assert [e.category for e in events_of("The militia threatened to attack the town.")] == ["THREATEN"]


def test_negated_events_are_left_out() -> None:
    assert events_of("The army did not attack the town, officials said.") == []
    assert events_of("This government cannot deploy our nation's military.") == []


def test_withdrawing_aid_is_a_sanction_not_a_retreat() -> None:
    event = only(events_of("France withdrew its aid to the country."), "SANCTION")
    assert event.label == "aid withdrawal"


def test_a_capitalised_trigger_word_inside_a_name_is_not_an_event() -> None:
    assert events_of("The Strike Force Command opened a new office.") == []


# -- places ------------------------------------------------------------------------------------


def test_each_place_goes_to_the_event_of_its_clause() -> None:
    text = ("The plans aim to prevent further contagion of the insurgency into Ghana, Togo and Benin, "
            "and tackling the growing levels of violence in Burkina Faso.")
    events = events_of(text, {n: "literal" for n in ("Ghana", "Togo", "Benin", "Burkina Faso")})
    insurgency = next(e for e in events if e.trigger == "insurgency")
    violence = next(e for e in events if e.trigger == "violence")
    assert where(insurgency) == ["Ghana", "Togo", "Benin"]
    assert {p.role for p in insurgency.places} == {"destination"}
    assert insurgency.tense == "hypothetical"  # a spread the plans aim to prevent
    assert where(violence) == ["Burkina Faso"]
    assert violence.tense == "ongoing"  # "growing levels"


def test_geo_precision_follows_acled() -> None:
    town = only(events_of("Gunmen attacked a market in Gao.", {"Gao": "literal"}), "ASSAULT")
    assert (town.places[0].name, town.places[0].geo_precision, town.places[0].role) == ("Gao", 1, "where")
    near = only(events_of("Gunmen attacked a village 30 kilometres north of Gao.", {"Gao": "literal"}), "ASSAULT")
    assert (near.places[0].name, near.places[0].geo_precision) == ("Gao", 2)
    country = only(events_of("Jihadists attacked an army post in central Mali.", {"Mali": "literal"}), "ASSAULT")
    assert (country.places[0].name, country.places[0].geo_precision) == ("Mali", 3)
    assert town.places[0].toponym is not None and town.places[0].reason == "place named in the same clause"


def test_metonymic_and_adjectival_mentions_give_actors_their_country_not_a_place() -> None:
    events = events_of("Britain dispatched 300 troops to Mali in December 2020.",
                       {"Britain": "metonymic", "Mali": "literal"})
    event = only(events, "MOBILIZE")
    assert [(a.text, a.country_code) for a in event.actors] == [("Britain", "GB")]
    assert [(p.name, p.role) for p in event.places] == [("Mali", "destination")]
    assert (event.date.start, event.date.end, event.date.precision) == ("2020-12-01", "2020-12-31", "month")
    partner = only(events_of("The Malian government's partnership with Wagner group is counterproductive.",
                             {"Malian": "modifier"}), "COOPERATE")
    assert partner.actors[0].text == "Malian government" and partner.actors[0].country_code == "ML"
    assert partner.tense == "ongoing"
    assert [p.reason for p in partner.places] == ["document focus"]  # no place of its own


def test_a_sanction_concerns_its_target_country() -> None:
    event = only(events_of("West African leaders imposed sanctions on Guinea.", {"Guinea": "literal"}), "SANCTION")
    assert [(p.name, p.role) for p in event.places] == [("Guinea", "area")]
    assert [(a.text, a.country_code) for a in event.recipients] == [("Guinea", "GN")]
    assert event.actors[0].text == "West African leaders"


def test_an_organisations_initials_alone_are_an_actor_not_a_modifier() -> None:
    # "UN" modifies a noun in "UN peacekeepers"; alone, in capitals, it is the organisation
    event = only(events_of("The UN sent food aid to Gao on Monday.", {"Gao": "literal"}), "AID")
    assert [a.text for a in event.actors] == ["UN"]
    patrol = events_of("UN peacekeepers patrolled the roads near Gao.", {"Gao": "literal"})
    assert [a.text for e in patrol for a in e.actors] == ["UN peacekeepers"]


def test_aid_goes_to_whom_it_is_given_after_what_is_given() -> None:
    event = only(events_of("The UN sent food aid to refugees in Gao.", {"Gao": "literal"}), "AID")
    assert [a.text for a in event.recipients] == ["refugees"]
    # a clause break before "to" ends what is given: no recipient is read across it
    other = only(events_of("The UN sent food aid, and refugees moved to Gao.", {"Gao": "literal"}), "AID")
    assert [a.text for a in other.recipients] == []


def test_a_march_through_a_city_happens_there() -> None:
    event = only(events_of("Thousands of protesters marched through Gao on Friday.", {"Gao": "literal"}), "PROTEST")
    assert [(p.name, p.role) for p in event.places] == [("Gao", "where")]


def test_fallbacks_say_why_the_place_was_chosen() -> None:
    text = "BAMAKO, Mali (AP) — Soldiers patrolled the streets.\n\nPolice fired tear gas to disperse the crowd."
    events = events_of(text, {"BAMAKO": "literal", "Mali": "literal"})
    assert [(e.category, e.places[0].name, e.places[0].reason) for e in events] == [
        ("MOBILIZE", "Bamako", "dateline"), ("COERCE", "Bamako", "dateline")]
    focus = only(events_of("Police fired tear gas to disperse the crowd."), "COERCE")
    assert (focus.places[0].name, focus.places[0].reason, focus.places[0].toponym) == ("Mali", "document focus", None)
    assert events_of("Police fired tear gas to disperse the crowd.", focus=None)[0].places == ()


def test_there_points_back_to_the_place_named_before() -> None:
    text = "Britain sent troops to Mali in 2020.\n\nThey will now pull out of there within six months."
    events = events_of(text, {"Britain": "metonymic", "Mali": "literal"})
    retreat = only(events, "RETREAT")
    assert (retreat.places[0].name, retreat.places[0].reason) == ("Mali", "'there' refers to the place named before")
    assert retreat.tense == "future"
    assert retreat.actors[0].text == "Britain"  # "they": the actor of the sentence before


def test_places_named_where_nothing_happens_make_no_event() -> None:
    text = "\"I grew up between Dakar and Paris, and I still dream of Bamako,\" the singer said."
    assert events_of(text, {"Dakar": "literal", "Paris": "literal", "Bamako": "literal"}) == []


def test_page_furniture_and_the_headline_make_no_event() -> None:
    text = ("Accessibility links\n\nBreaking News\n\nUK Pulling Mali Troop Deployment\n\n"
            "UK Troops Attack Rebels In Mali\n\nBritain announced Monday that it would cut short its deployment.")
    events = events_of(text, {"UK": "metonymic", "Mali": "literal", "Britain": "metonymic"},
                       title="UK Pulling Mali Troop Deployment")
    assert [e.trigger for e in events] == ["cut short"]


def test_a_region_name_used_as_modifier_still_says_where() -> None:
    event = only(events_of("Ethiopia accused Eritrean troops of looting in the Tigray region.",
                           {"Ethiopia": "metonymic", "Tigray": "modifier"}), "ACCUSE")
    assert [(p.name, p.role) for p in event.places] == [("Tigray", "where")]
    assert (event.actors[0].text, event.actors[0].country_code) == ("Ethiopia", "ET")


def test_a_country_goes_when_a_place_inside_it_is_named() -> None:
    event = only(events_of("Gunmen abducted 80 students from a school in Kaduna in northwestern Nigeria.",
                           {"Kaduna": "literal", "Nigeria": "literal"}), "ASSAULT")
    assert where(event) == ["Kaduna"]
    assert event.recipients[0].text == "students"


def test_an_attack_someone_planned_is_hypothetical() -> None:
    events = events_of("Police in Bamako arrested two men on suspicion of planning an attack.", {"Bamako": "literal"})
    assert only(events, "ASSAULT").tense == "hypothetical"
    assert only(events, "COERCE").tense == "past"
    assert only(events_of("Rebels were plotting attacks on bases near Gao.", {"Gao": "literal"}),
                "ASSAULT").tense == "hypothetical"
    # a planned attack that was carried out happened
    assert only(events_of("Gunmen carried out a planned attack on a market in Gao.", {"Gao": "literal"}),
                "ASSAULT").tense == "past"


def test_the_place_a_located_possessor_holds_is_where() -> None:
    event = only(events_of("Floods displaced thousands of families in Nigeria's Kaduna last week.",
                           {"Nigeria": "modifier", "Kaduna": "literal"}), "DISASTER")
    assert where(event) == ["Kaduna"]
    event = only(events_of("A bomb exploded at Mali's Bamako airport on Friday.",
                           {"Mali": "modifier", "Bamako": "embedded"}), "ASSAULT")
    assert where(event) == ["Bamako"]


def test_a_state_goes_when_its_town_is_named() -> None:
    event = only(events_of("A suicide bomber killed 15 people at a market in Maiduguri, the capital of Borno state.",
                           {"Maiduguri": "literal", "Borno": "literal"}), "ASSAULT")
    assert [(p.name, p.geo_precision) for p in event.places] == [("Maiduguri", 1)]


def test_a_later_mention_of_the_same_incident_keeps_its_place() -> None:
    text = "Gunmen attacked a village north of Gao on Sunday.\n\nSeveral others were wounded in the raid."
    (event,) = events_of(text, {"Gao": "literal"})  # one incident, told twice
    mentions = event.mentions
    assert [(m.trigger, m.places[0].name, m.places[0].reason) for m in mentions] == [
        ("attacked", "Gao", "place named in the same clause"), ("wounded", "Gao", "same event as reported before")]
    assert mentions[1].date == mentions[0].date == event.date and event.date.start == "2022-11-13"


def test_where_a_statement_is_made_is_not_whom_it_concerns() -> None:
    event = only(events_of("Speaking in Washington, the Malian prime minister denounced the sanctions.",
                           {"Washington": "literal", "Malian": "modifier"}), "ACCUSE")
    assert [(p.name, p.role) for p in event.places] == [("Washington", "where")]
    assert event.recipients == () and event.actors[0].text == "Malian prime minister"
    assert event.actors[0].country_code == "ML"


def test_a_capital_in_apposition_takes_the_preposition_of_its_noun() -> None:
    event = only(events_of("The government banned all opposition rallies in the capital, Bamako.",
                           {"Bamako": "literal"}), "COERCE")
    assert [(p.name, p.role, p.reason) for p in event.places] == [("Bamako", "where", "place named in the same clause")]
    assert [e.category for e in events_of("The government banned all opposition rallies.")] == ["COERCE"]


def test_a_closing_attribution_says_where_the_source_is_not_the_event() -> None:
    event = only(events_of("Turkish warplanes struck militant positions in northern Iraq, the defence ministry in "
                           "Ankara said.", {"Iraq": "literal", "Ankara": "literal"}), "ASSAULT")
    assert where(event) == ["Iraq"]
    assert event.actors[0].text == "Turkish warplanes"


def test_the_object_of_an_attack_is_where_it_happened_whatever_its_mention_type() -> None:
    event = only(events_of("Russian forces shelled Kharkiv overnight.", {"Kharkiv": "modifier"}), "ASSAULT")
    assert [(p.name, p.role) for p in event.places] == [("Kharkiv", "where")]
    assert event.recipients == ()


def test_a_town_that_names_the_actors_places_their_action() -> None:
    event = only(events_of("Bamako residents marched to the French embassy, protesters said.",
                           {"Bamako": "modifier"}), "PROTEST")
    assert [(p.name, p.reason) for p in event.places] == [("Bamako", "town of the actors")]
    assert event.actors[0].text == "Bamako residents"


def test_an_opening_clause_ends_at_its_comma() -> None:
    events = events_of("While protests continued in Khartoum, the army shelled positions in Omdurman.",
                       {"Khartoum": "literal", "Omdurman": "literal"})
    assert [(e.category, where(e), e.tense) for e in events] == [
        ("PROTEST", ["Khartoum"], "ongoing"), ("ASSAULT", ["Omdurman"], "past")]
    assert events[1].actors[0].text == "army"


def test_a_relative_clause_and_a_main_clause_that_opens_with_its_verb() -> None:
    events = events_of("The minister, who visited Bamako last week, announced new aid for displaced families "
                       "in Mopti.", {"Bamako": "literal", "Mopti": "literal"})
    assert [(e.category, where(e)) for e in events] == [("CONSULT", ["Bamako"]), ("AID", ["Mopti"])]
    assert events[0].actors[0].text == "minister"


def test_a_purpose_happens_where_its_means_does() -> None:
    events = events_of("Ethiopian and Eritrean leaders met in Asmara to sign a peace agreement.",
                       {"Asmara": "literal"})
    assert [(e.category, where(e), e.places[0].reason) for e in events] == [
        ("CONSULT", ["Asmara"], "place named in the same clause"),
        ("AGREE", ["Asmara"], "place of the event it completes")]


def test_coordinated_verbs_share_their_subject() -> None:
    events = events_of("The junta expelled the French ambassador and ordered French troops to leave.")
    assert [(e.category, e.actors[0].text) for e in events] == [("SANCTION", "junta"), ("REQUEST", "junta")]
    assert events[0].recipients[0].text == "French ambassador"


def test_names_and_nouns_that_look_like_triggers() -> None:
    assert events_of("The suspects were taken to the county jail.") == []  # a noun, not "to jail"
    assert events_of("A demonstration of military power is available to the army.") == []
    assert events_of("The accused appeared in court on Monday.") == []  # no verb right after an article
    assert [e.category for e in events_of("The software team will deploy the update on Friday.")] == []
    assert [e.category for e in events_of("The army will deploy troops on Friday.")] == ["MOBILIZE"]


# -- dates and tense ---------------------------------------------------------------------------


def test_capitalised_may_is_a_name_and_set_off_is_not_the_future() -> None:
    event = only(events_of("Theresa May has accused the Kremlin of ordering the poisoning."), "ACCUSE")
    assert event.tense == "past"
    march = only(events_of("Opposition supporters set off on Tuesday on a march toward the capital, organisers said."),
                 "PROTEST")
    assert march.tense == "past"
    meeting = only(events_of("The ministers are set to meet in Bamako.", {"Bamako": "literal"}), "CONSULT")
    assert meeting.tense == "future"


def test_a_decision_to_act_is_future_until_the_deadline() -> None:
    event = only(events_of("The Security Council voted to end the peacekeeping mission in Mali by the end of the year.",
                           {"Mali": "literal"}), "RETREAT")
    assert event.tense == "future"
    assert (event.date.start, event.date.end) == ("2022-11-14", "2022-12-31")


def test_reported_would_is_future_and_takes_the_announcement_day() -> None:
    event = only(events_of("Britain announced Monday that it would cut short its troop deployment in Mali.",
                           {"Britain": "metonymic", "Mali": "literal"}), "RETREAT")
    assert event.tense == "future"
    assert (event.date.start, event.date.precision) == ("2022-11-14", "day")
    assert event.actors[0].text == "Britain"  # "it" in the that-clause
    assert where(event) == ["Mali"]


def test_future_meeting_next_week() -> None:
    event = only(events_of("Interested parties will meet next week in Ghana.", {"Ghana": "literal"}), "CONSULT")
    assert event.tense == "future"
    assert (event.date.start, event.date.end, event.date.precision) == ("2022-11-21", "2022-11-27", "week")
    assert event.actors[0].text == "Interested parties"


def test_without_publication_date_relative_dates_stay_unresolved() -> None:
    event = only(events_of("Interested parties will meet next week in Ghana.", {"Ghana": "literal"},
                           published=None), "CONSULT")
    assert (event.date.start, event.date.precision, event.date.text) == (None, None, "next week")
    absolute = only(events_of("Britain deployed troops to Mali in December 2020.", {"Mali": "literal"},
                              published=None), "MOBILIZE")
    assert (absolute.date.start, absolute.date.precision) == ("2020-12-01", "month")


def test_continuing_assistance_is_ongoing() -> None:
    event = only(events_of("The UK will continue its commitment to Mali through development assistance.",
                           {"UK": "metonymic", "Mali": "literal"}), "AID")
    assert event.tense == "ongoing"
    assert event.actors[0].country_code == "GB"
    assert [(p.name, p.role) for p in event.places] == [("Mali", "destination")]


def test_last_week_dates_a_past_event() -> None:
    event = only(events_of("The army deployed reinforcements to Gao last week.", {"Gao": "literal"}), "MOBILIZE")
    assert (event.date.start, event.date.end, event.tense) == ("2022-11-07", "2022-11-13", "past")


# -- the record --------------------------------------------------------------------------------


def test_records_are_traceable_to_their_sentence_and_serialisable() -> None:
    text = "Britain dispatched 300 troops to Mali.\n\nGunmen attacked a market in Gao on Monday."
    analysis = analysis_of(text, {"Britain": "metonymic", "Mali": "literal", "Gao": "literal"})
    events = extract_events(analysis)
    assert len({e.id for e in events}) == len(events) == 2
    for e in events:
        assert text[e.trigger_start:e.trigger_end] == e.trigger
        assert text[e.sentence_start:e.sentence_end] == e.sentence
        for link in e.places:
            assert link.toponym is None or analysis.toponyms[link.toponym].place.geonameid == link.geonameid
        json.dumps(e.to_dict())


# -- the whole pipeline ------------------------------------------------------------------------


def plain(name: str) -> str:
    """A place name without accents or case, so "Menaka" finds "Ménaka" (or "Ménaka Region")."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()


def find(events: list[Event], category: str, place: str, **fields) -> Event:
    """The event of a category linked to a place whose fields match, or a readable failure."""
    for e in events:
        if e.category != category or not any(plain(name).startswith(plain(place)) for name in where(e)):
            continue
        if all((e.date.start if k == "date" else e.date.end if k == "until" else getattr(e, k)) == v
               for k, v in fields.items() if k not in ("date", "until") or e.date is not None):
            if ("date" not in fields and "until" not in fields) or e.date is not None:
                return e
    pytest.fail(f"no {category} at {place} with {fields}; got "
                f"{[(e.category, e.trigger, where(e), e.date and e.date.start, e.tense) for e in events]}")


def test_the_seed_article_meets_the_issue_bar(seed_analysis: Analysis) -> None:
    events = list(seed_analysis.events)
    patrol = find(events, "MOBILIZE", "Timbuktu", date="2021-12-08", label="patrol", tense="past")
    assert any(a.text == "MINUSMA" for a in patrol.actors)
    assert "peacekeeping" in patrol.contexts
    deploy = find(events, "MOBILIZE", "Mali", date="2020-12-01", until="2020-12-31", tense="past")
    assert deploy.actors[0].country_code == "GB" and deploy.date.precision == "month"
    mentions = seed_analysis.event_mentions()  # the per-mention view
    announced = find(mentions, "RETREAT", "Mali", date="2022-11-14", tense="future")  # announced Monday
    within = find(mentions, "RETREAT", "Mali", date="2022-11-14", until="2023-05-14", tense="future")  # six months
    withdrawal = find(events, "RETREAT", "Mali", date="2022-11-14", tense="future")
    assert {announced, within} <= set(withdrawal.mentions)  # one withdrawal, reported in three sentences
    assert len(withdrawal.mentions) >= 3
    meeting = find(events, "CONSULT", "Ghana", date="2022-11-21", until="2022-11-27", tense="future")
    assert meeting.date.precision == "week"
    violence = find(events, "ASSAULT", "Burkina Faso")
    assert violence.label == "violence"
    spread = next(e for e in events if e.label == "insurgency")
    assert {"Ivory Coast", "Ghana", "Togo", "Benin", "Niger"} <= set(where(spread))
    coups = find(events, "COERCE", "Mali", label="coup")
    assert coups.date.start == "2019-11-14" and coups.date.precision == "range"
    accuse = find(events, "ACCUSE", "Mali")
    assert accuse.recipients and accuse.recipients[0].country_code == "ML"
    assert accuse.actors and accuse.actors[0].country_code == "GB"  # Heappey, the UK's minister
    aid = find(events, "AID", "Mali")
    assert "Sahel" in where(aid) and aid.actors[0].country_code == "GB"


def test_the_seed_makes_no_event_from_furniture_or_headline(seed_analysis: Analysis) -> None:
    first_body = seed_analysis.text.index("FILE:")
    assert all(e.sentence_start >= first_body for e in seed_analysis.events)
    assert not any(e.category == "COOPERATE" and "working with" in e.sentence and e.trigger == "working"
                   for e in seed_analysis.events)  # inside the accusation


def test_cli_output_carries_the_events(capsys) -> None:
    assert cli_main(["parse", str(SEED)]) == 0
    doc = json.loads(capsys.readouterr().out)
    events = doc["events"]
    assert events and all({"category", "label", "places", "date", "tense", "actors"} <= set(e) for e in events)
    patrol = next(e for e in events if e["label"] == "patrol")
    assert patrol["places"][0]["name"] == "Timbuktu" and patrol["places"][0]["geonameid"] == 2449067
    assert patrol["date"]["start"] == "2021-12-08"


def fixture(name: str, geoparser) -> Analysis:
    return next(geoparser.analyse_many([read_article(FIXTURES / name)]))


def test_protest_article_with_a_dateline(geoparser) -> None:
    events = list(fixture("bamako-protest.txt", geoparser).events)
    protest = find(events, "PROTEST", "Bamako", date="2022-02-18", tense="past")  # Friday before Sunday 20th
    assert protest.places[0].geo_precision == 1
    dispersal = find(events, "COERCE", "Bamako")
    assert dispersal.places[0].reason == "place of the event before"  # the protest's, then the dateline's
    rally = find(events, "PROTEST", "Bamako", date="2022-02-21", tense="future")
    assert rally.label == "rally"
    assert not any("Ukraine" in e.sentence for e in events)  # a quote naming places


def test_attack_article_north_of_a_town(geoparser) -> None:
    events = list(fixture("gao-attack.txt", geoparser).events)
    attack = find(events, "ASSAULT", "Gao", date="2022-03-13", tense="past")
    assert attack.places[0].geo_precision == 2 and attack.places[0].role == "where"
    assert attack.actors[0].text == "Gunmen" and attack.recipients[0].text == "civilians"
    # "deployed reinforcements to the region" after the attack north of Gao: that region
    assert find(events, "MOBILIZE", "Gao", date="2022-03-07").date.precision == "week"
    ambush = find(events, "ASSAULT", "Menaka", date="2021-12-08")
    assert ambush.label == "ambush" and ambush.places[0].geo_precision == 2
    assert sum(e.category == "ASSAULT" and "ambushed" in e.sentence for e in events) == 1  # ", killing" joins it


def test_agreement_signed_in_a_capital(geoparser) -> None:
    events = list(fixture("niamey-agreement.txt", geoparser).events)
    agreement = find(events, "AGREE", "Niamey", date="2023-03-06", tense="past")
    assert agreement.places[0].geo_precision == 1
    assert {a.country_code for a in agreement.actors} == {"NE", "BF"}
    find(events, "CONSULT", "Ouagadougou", date="2023-03-13", tense="future")
    assert not any("terrorists" in e.sentence for e in events)  # "cannot let ...": negated


def test_sanctions_article(geoparser) -> None:
    events = list(fixture("ecowas-sanctions.txt", geoparser).events)
    sanction = find(events, "SANCTION", "Guinea", trigger="sanctions")
    assert sanction.recipients[0].country_code == "GN" and sanction.date is None
    find(events, "SANCTION", "Guinea", date="2020-12-01", trigger="suspended")
    coup = find(events, "COERCE", "Guinea", label="coup")
    assert (coup.date.start, coup.date.end) == ("2019-09-23", "2022-09-23")
    pledge = find(events, "AGREE", "Guinea", until="2023-03-23")
    assert pledge.tense == "future"
    assert find(events, "REJECT", "Guinea").date is None  # the six months belong to the pledge


def test_quote_article_naming_cities_has_no_events(geoparser) -> None:
    analysis = fixture("quote-only.txt", geoparser)
    assert analysis.toponyms and analysis.events == ()


# -- the extension beside PLOVER, coreference, actors ---------------------------------------


@pytest.mark.parametrize(("sentence", "category", "label"), [
    ("A landslide buried a village near Gao on Saturday.", "DISASTER", "landslide"),
    ("Floods swept through Gao after days of rain.", "DISASTER", "flood"),
    ("Two buses collided on the road to Gao.", "ACCIDENT", "collision"),
    ("A gas explosion tore through a market in Gao.", "ACCIDENT", "explosion"),
    ("Thieves robbed a bank in Gao on Monday.", "CRIME", "robbery"),
    ("Gunmen detonated a bomb in Gao, and the explosion killed four soldiers.", "ASSAULT", "bombing"),
])
def test_disasters_accidents_and_crime_stand_beside_plover(sentence: str, category: str, label: str) -> None:
    event = only(events_of(sentence, {"Gao": "literal"}), category)
    assert event.label == label and where(event) == ["Gao"]


def test_a_disasters_toll_is_no_assault() -> None:
    text = "An earthquake struck Gao on Monday, and 30 people were killed.\n\nTen more died when a school collapsed."
    events = events_of(text, {"Gao": "literal"})
    assert {e.category for e in events} <= {"DISASTER", "ACCIDENT"}, [(e.category, e.trigger) for e in events]
    quake = only(events, "DISASTER")
    assert quake.trigger == "earthquake" and where(quake) == ["Gao"]


def test_a_child_hit_by_a_car_is_an_accident() -> None:
    event = only(events_of("A child was killed when she was hit by a car in Gao.", {"Gao": "literal"}), "ACCIDENT")
    assert event.label == "road accident" and where(event) == ["Gao"]


def test_one_event_told_in_several_sentences_is_one_record() -> None:
    text = ("Gunmen attacked a market in Gao on Sunday.\n\nThe attack was the third this month.\n\n"
            "Troops were deployed to Gao on Monday.")
    events = events_of(text, {"Gao": "literal"})
    attack = only(events, "ASSAULT")
    assert [m.trigger for m in attack.mentions] == ["attacked", "attack"]
    assert [m.sentence_index for m in attack.mentions] == [0, 1]
    assert attack.trigger == "attacked" and attack.sentence.startswith("Gunmen")  # the first mention's
    only(events, "MOBILIZE")


def test_events_of_one_kind_in_different_places_stay_apart() -> None:
    text = "Gunmen attacked a market in Gao on Sunday.\n\nIn Bamako, gunmen attacked a police station on Monday."
    events = events_of(text, {"Gao": "literal", "Bamako": "literal"})
    assert sorted(where(e)[0] for e in events if e.category == "ASSAULT") == ["Bamako", "Gao"]


def test_an_indefinite_noun_brings_a_new_event() -> None:
    text = "Jihadists ambushed a convoy near Gao on Sunday.\n\nMali has faced a growing insurgency since 2012."
    events = events_of(text, {"Gao": "literal", "Mali": "literal"})
    assert len([e for e in events if e.category == "ASSAULT"]) == 2


def test_weapons_and_news_outlets_are_no_actors() -> None:
    event = only(events_of("TNT exploded in a bombing that killed four people in Gao, CNN reported.",
                           {"Gao": "literal"}), "ASSAULT")
    assert not {a.text for a in event.actors} & {"TNT", "CNN"}
    event = only(events_of("Rebels attacked the town of Gao, a commander told Reuters.", {"Gao": "literal"}), "ASSAULT")
    assert [a.text for a in event.actors] == ["Rebels"]


def test_names_the_recogniser_saw_type_the_actors() -> None:
    text = "Diallo visited Gao.\n\nHe met the governor there."
    unknown = [e for e in extract_events(analysis_of(text, {"Gao": "literal"})) if e.category == "CONSULT"]
    assert [e.actors for e in unknown][1:] == [()]  # "He" is nobody known: two meetings
    doc = analysis_of(text, {"Gao": "literal"})
    doc.persons = {"Diallo"}  # the recogniser judged "Diallo" a person: "He" is Diallo, one visit
    meeting = only(list(extract_events(doc)), "CONSULT")
    assert [m.trigger for m in meeting.mentions] == ["visited", "met"]
    assert [a.text for a in meeting.mentions[1].actors] == ["Diallo"]


def test_the_per_mention_view_stays_available() -> None:
    text = "Gunmen attacked a market in Gao on Sunday.\n\nThe attack killed four people."
    doc = analysis_of(text, {"Gao": "literal"})
    doc.events = extract_events(doc)
    analysis = doc.to_analysis()
    assert [m.trigger for m in analysis.event_mentions()] == ["attacked", "attack"]
    assert len(analysis.events) == 1


def test_a_disaster_nouns_modifier_is_no_actor_and_its_toll_is_the_disasters() -> None:
    # "Flash" opens the sentence in capitals; a disaster has no one who acts
    flood = only(events_of("Flash floods swept away homes in Mopti on Sunday.", {"Mopti": "literal"}), "DISASTER")
    assert flood.actors == () and where(flood) == ["Mopti"]
    # the participle of casualties after the disaster is its toll, not an attack by the possessor between
    events = events_of("An earthquake struck Mali's Mopti region on Friday, killing 200 people.",
                       {"Mali": "literal", "Mopti": "literal"})
    assert [e.category for e in events] == ["DISASTER"]
    # an attack's own subject still acts
    attack = only(events_of("Gunmen attacked Mopti on Friday, killing 20 people.", {"Mopti": "literal"}), "ASSAULT")
    assert [a.text for a in attack.actors] == ["Gunmen"]


def test_a_vehicle_plunging_into_a_ravine_is_an_accident_and_prices_plunging_none() -> None:
    events = events_of("A bus plunged into a ravine near Mopti on Sunday, killing 22 people.", {"Mopti": "literal"})
    assert [(e.category, e.trigger) for e in events] == [("ACCIDENT", "plunged")]
    assert events_of("Share prices plunged in Mopti on Monday.", {"Mopti": "literal"}) == []


def test_the_one_who_responds_with_an_attack_makes_it() -> None:
    events = events_of("Rebels shelled Mopti, and the army responded with air strikes on Gao.",
                       {"Mopti": "literal", "Gao": "literal"})
    strikes = next(e for e in events if e.trigger == "air strikes")
    assert [a.text for a in strikes.actors] == ["army"]
    # anger "with" the killings is no killing by the angry
    killings = only(events_of("Officials were angry with the killings in Mopti.", {"Mopti": "literal"}), "ASSAULT")
    assert killings.actors == ()


def test_a_phrase_opening_with_a_verb_whose_past_is_its_base_is_past_after_its_subject() -> None:
    attack = only(events_of("Attackers set fire to a church in Mopti on Sunday.", {"Mopti": "literal"}), "ASSAULT")
    assert attack.trigger == "set fire" and [a.text for a in attack.actors] == ["Attackers"]


def test_a_state_after_a_name_is_no_reporting_verb_between_an_attack_and_its_toll() -> None:
    events = events_of("Gunmen opened fire at a mosque in Borno state on Friday, killing 12.", {"Borno": "literal"})
    assert [(e.category, e.trigger) for e in events] == [("ASSAULT", "opened fire")]


def test_an_agent_noun_that_names_the_event_is_its_actor() -> None:
    event = only(events_of("A suicide bomber blew himself up outside a mosque in Mopti on Friday.",
                           {"Mopti": "literal"}), "ASSAULT")
    assert [a.text for a in event.actors] == ["suicide bomber"]
    # a weapon that names the event acts for nobody
    event = only(events_of("A roadside bomb exploded near a bus in Mopti.", {"Mopti": "literal"}), "ASSAULT")
    assert event.actors == ()


def test_an_outbreak_of_a_disease_is_a_disaster_that_kills_without_an_attacker() -> None:
    events = events_of("Health officials said a cholera outbreak had killed 40 people in Mopti since May.",
                       {"Mopti": "literal"})
    assert [e.category for e in events] == ["DISASTER"]
    assert events[0].actors == () and events[0].places[0].name == "Mopti"
    # an outbreak of fighting is no epidemic, and a hazard acts for no one who reports it
    assert "DISASTER" not in [e.category for e in events_of("An outbreak of fighting near Mopti alarmed residents.",
                                                            {"Mopti": "literal"})]
    storm = only(events_of("Forecasters said a hurricane struck Mopti on Monday.", {"Mopti": "literal"}), "DISASTER")
    assert storm.actors == ()
