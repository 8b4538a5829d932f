"""The resolver's named rules: what it does besides scoring each record by its features.

Each can be switched off by name (``python -m geo rules`` lists them with this provenance).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ResolverRule:
    """A rule of the resolver that is not a feature of one candidate."""

    name: str
    provenance: str


FACILITY = ResolverRule("facility_name_outside", "a name inside a facility's name ('St. Paul's Hospital', "
                        "the Church of St. Peter and St. Paul) whose every record lies outside the countries "
                        "the article places is a saint or a person, not a place: left unresolved")
LOCATED = ResolverRule("located_probability", "what a name's ranking says about where it is, not which record: "
                       "the probability of the records within 161 km of the winner (a county and its town "
                       "split the mass but agree on the place); off: the winner's own probability")
CODE_CASE = ResolverRule("airport_code_in_capitals", "an airport found by its code ('JFK', 'EGLL': a name "
                         "its own name does not contain) is meant only where the code is written in capitals; "
                         "a capitalised word ('Fans' at a sentence start) is the word")
PEERS = ResolverRule("container_not_a_peer", "'X, Y' where X is itself a state (or a country), Y one too, and "
                     "the two stand in a list of three or more names ('Oklahoma, Pennsylvania and Texas') is a "
                     "list, not an address: Y is no container of X ('Portland, Maine' stays an address though a "
                     "Jamaican parish is named Portland); X a state by its own name, not by another ('Moscow, Idaho' "
                     "in a list stays an address though Moskva is a division)")
SENTENCE_READINGS = ResolverRule("sentence_area_readings", "an area named in a mention's sentence counts by "
                                 "each of its likely readings, not only its winner ('deputies of Gibson County "
                                 "... in Medina': the Gibson County that contains a Medina); off: the winner only")
PEER_LIST = ResolverRule("sentence_list_is_no_container", "a division named in the same list as the name "
                         "('Texas and Portland', 'Wyoming, Iowa and Nevada') is its peer, not its "
                         "container: it does not count as named in the name's sentence")
CONTAINER_AREA = ResolverRule("container_is_an_area", "the Y of 'X, Y' names the country or division X is in "
                              "(the address convention): where Y has such a reading, Y is that area ('Moore, "
                              "Oklahoma' names the state, not Oklahoma City), unless Y is a city of a million and X no county "
                              "('Brooklyn, New York'; 'Erie County, New York' is the state)")
POSSESSIVE = ResolverRule("possessive_container", "a place's possessive before another place names where it "
                          "is, as 'X, Y' does ('Georgia's capital Tbilisi', 'Nigeria's Borno state'); only across "
                          "adjectives and nouns, not 'Russia's embassy in London'")
DEFINITION = ResolverRule("definition_container", "'X is a city in (northern) Y', 'X, a town in Y', 'the X "
                          "area of Y': a definition places X in Y, as 'X, Y' does (encyclopaedia leads, news "
                          "appositives, the name of a part and of its whole)")
IN_CONTAINER = ResolverRule("in_container", "'X in Y' right after a town's name ('Lagos in Portugal', "
                            "'Newport in south Wales') places it in Y, as 'X, Y' does; not for names with an area "
                            "reading ('Israel in Gaza')")
OUTSIDE = ResolverRule("outside_article_countries", "a town or division placed outside every country of the "
                       "article's other confidently placed names (a lone namesake abroad: 'Glenrock' in an "
                       "Australian story drawn in Wyoming) is less often right: an input of the calibration map, "
                       "fitted with it; off: never outside")
UNMET_ADDRESS = ResolverRule("address_abroad_of_every_record", "'X, Y' where no record of X lies in Y "
                             "(and the winner is in another country) names an X the gazetteer lacks: it is "
                             "placed at Y, at the probability that a town of Y lies within 161 km of Y's point "
                             "('Stroud, Ontario' is not the English Stroud); not where the winner lies within 25 km of Y's "
                             "towns (a unitary authority filed apart from its county); off: the namesake abroad")
OWN_ADDRESS = ResolverRule("own_address_over_one_sense", "a mention's own 'X, Y' outranks one sense per "
                           "discourse: 'from Perth, Scotland, to Perth, Australia' names two Perths (Y placed "
                           "with confidence, holding a record of X that the name's winner is not)")
ONE_SENSE = ResolverRule("one_sense_per_discourse", "every mention of a name in one article means the same "
                         "place (Gale, Church & Yarowsky 1992); off: each mention is resolved on its own")
COUNTRY_MASS = ResolverRule("country_of_unplaced_names", "a name whose likely readings all lie in one country "
                            "says the article is there even where it cannot say which town ('between Athens and "
                            "Decatur': every Decatur is American; CLIFF's focus counts countries, not towns): round 1 "
                            "counts that country as it counts a placed name's; off: placed names only")
JURISDICTION = ResolverRule("jurisdiction_names_area", "a division in the name of a government body of its own "
                            "('the Ohio Highway Patrol', 'the Harris County Sheriff's Office', 'the Texas "
                            "Department of Public Safety') names where the body acts: it counts as an area "
                            "named in its sentence, as a division named outright does (US and UK news cite "
                            "such bodies for local events); other organisations' names (a lottery, a team, "
                            "a company) do not")
READINGS_NEAR_ANCHORS = ResolverRule("sentence_readings_near_anchors", "of an ambiguous area or town named "
                                     "beside a name, the readings the sentence features read are those near the "
                                     "article's confident anchors where some are (spatial minimality, Leidner "
                                     "2008): a Richland County of Ohio holds a Lexington, but a story placed in "
                                     "South Carolina by its other towns means the other; all where none is near")
SHARED_ADDRESS = ResolverRule("address_ends_the_list", "'Springfield and Decatur, Illinois': the Y of an "
                              "address that ends a list of towns is every town's container (AP style), not "
                              "a state's or country's named in the list ('Texas and Portland, Oregon')")
