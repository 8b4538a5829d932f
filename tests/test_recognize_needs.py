"""Each rule's needs (geo.recognize.needs) follow from its code: no rule has an opinion on a span
whose shape its needs rule out, so skipping it there changes no judgement.

Every rule is run on every candidate span of made-up texts (pieces chosen to put place names
beside the words the needs test: commas, "of", "Township", titles, capitals, demonyms), not
only until one decides, and each opinion is checked against the rule's needs.
"""

import random
from collections import Counter

import pytest

from geo.doc import make_doc
from geo.recognize import Recognizer
from geo.recognize.context import Context
from geo.recognize.needs import ANY, RULE_NEEDS, Selector, Shape

NAMES = ["Paris", "Georgia", "Washington", "Springfield", "Lincoln", "Jordan", "Mali", "Gao", "New York",
         "Kansas", "Cherry Hill", "Troy", "Reading", "Orange", "Malian", "British", "Arab", "Alabama",
         "The", "May", "Monday", "Co", "Gov", "NJ", "Ill", "US", "JFK", "Heathrow", "Mississippi",
         "Victoria", "Paul", "Holland", "Bill", "Houston", "Madrid", "Nashville", "Lagos", "Kano",
         "Ohio", "Harris", "Boston", "Austin", "Scott", "Indiana", "White", "La", "MoD", "Levi", "Dennis",
         "California", "London", "North", "Colchester", "Birmingham", "Athens", "Monroe", "Aurora"]
WORDS = ["of", "the", "a", "an", "in", "at", "and", ",", ".", "-", "/", "(", ")", "'", "’", "s", "$",
         "Township", "township", "City", "State", "River", "Street", "St", "Hospital", "House", "police",
         "fever", "group", "is", "was", "de", "van", "el", "woman", "Mr.", "President", "said", "brother",
         "1992", "Toyota", "County", "county", "airport", "state", "province", "governor", "lawmakers",
         "city", "Group", "D", "M.D.", "Calif", "Blue", "Jays", "Mission", "University", "Council",
         "residents", "aides", "flights", "\n\n"]


#: the forms of the rules the random texts seldom make (each rule's docstring has its own)
EXAMPLES = ["SEVERN, Md. (AP) - Rain fell.", "Officials in the state of Washington agreed.",
            "They live in Arab, Alabama, now.", "BEIJING (Xinhua) -- Talks ended.",
            "Rep. Jane Roe, D-Springfield, spoke.", "The A/California/7/2009 strain spread.",
            "Tourists left Martha's Vineyard.", "Aurora is a city in Colorado.", "The White House said so.",
            "White House aides left.", "The deaths of Helen, Clarence, Marie and Randy Roe shocked Troy.",
            "a Troy woman and an Athens man", "Mississippi State beat Alabama.", "Howell Twp. voted.",
            "ALLENDALE, N.J. -- Police said.", "Jane Roe, M.D., spoke.", "the city of Port-au-Prince",
            "Patients left St. Thomas' Hospital.", "Mass at St. Paul's Cathedral ended.",
            "Ships rounded the Cape of Good Hope.", "the Gulf of Aden", "Granada lies on the Genil.",
            "Reading is situated on the Thames.", "a 34-year-old Troy woman"]


def _texts(count: int, seed: int):
    yield from EXAMPLES
    rnd = random.Random(seed)
    for _ in range(count):
        pieces = [rnd.choice(NAMES) if rnd.random() < 0.45 else rnd.choice(WORDS) for _ in range(rnd.randint(2, 16))]
        yield "".join(p + rnd.choice((" ", " ", " ", "")) for p in pieces)


@pytest.mark.parametrize("seed", range(2))
def test_no_rule_has_an_opinion_where_its_needs_rule_it_out(gazetteer, monkeypatch, seed):
    recognizer = Recognizer(gazetteer)
    selector = Selector(recognizer.rules)
    judge = Recognizer._judge
    opinions, wrong = Counter(), []

    def checked(self, doc, match, evidence, shouting, previous_end, known):
        ctx = Context(doc, gazetteer, match, evidence, shouting, previous_end)
        shape = selector.shape(ctx, known)
        for rule in recognizer.rules:
            if rule.judge(ctx) is not None:
                opinions[rule.name] += 1
                if not RULE_NEEDS.get(rule.name, ANY).met(shape):
                    wrong.append((rule.name, doc.text, shape))
        return judge(self, doc, match, evidence, shouting, previous_end, known)

    monkeypatch.setattr(Recognizer, "_judge", checked)
    for text in _texts(1500, seed):
        if text.strip():
            recognizer.judgements(make_doc(text))
    assert not wrong, wrong[:5]
    assert len([name for name in opinions if name in RULE_NEEDS]) >= 50, sorted(opinions)


def test_the_selected_rules_keep_their_order(gazetteer):
    recognizer = Recognizer(gazetteer, disabled=["stop_word"])
    order = [r.name for r in recognizer.rules]
    doc = make_doc("The mayor of Springfield, Ill. met Gov. Houston in Paris.")
    seen = recognizer._selector._by_shape
    recognizer.judgements(doc)
    assert seen
    for judges in seen.values():
        names = [name for name, _ in judges]
        assert names == sorted(names, key=order.index)
        assert "stop_word" not in names


def test_the_masks_choose_what_testing_each_rule_chooses(gazetteer):
    """The bit masks a new shape is answered from agree with asking each rule's needs."""
    recognizer = Recognizer(gazetteer)
    selector = Selector(recognizer.rules)
    rnd = random.Random(3)
    before, after = sorted(selector.before) + [None], sorted(selector.after) + [None]  # as Selector.shape gives
    keys = sorted(selector.keys) + [None]
    for _ in range(3000):
        shape = (rnd.random() < 0.5, rnd.random() < 0.3, rnd.choice(before), rnd.choice(after), rnd.random() < 0.5,
                 rnd.random() < 0.5, rnd.choice(keys), rnd.random() < 0.2)
        expected = [r.name for r in recognizer.rules if RULE_NEEDS.get(r.name, ANY).met(Shape(*shape))]
        assert [name for name, _ in selector.select(shape)] == expected, shape
