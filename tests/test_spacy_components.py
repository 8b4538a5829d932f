"""spaCy integration: the ``geo_toponyms`` component, and a spaCy NER as an extra recogniser.

The "NER" is an ``entity_ruler`` on ``spacy.blank("en")`` with patterns written
here, so nothing is downloaded.
"""

from __future__ import annotations

import pytest
import spacy

from geo.errors import GeoError
from geo.model import MENTION_TYPES
from geo.pipeline import Geoparser
from geo.spacy_components import (
    GeoToponyms,
    SpacyNerRecognizer,
    SpacyPipelineError,
    load_extra_recognizer,
)
from geo.text import split_sentences

MALI, TIMBUKTU, UK, RUSSIA = 2453866, 2449067, 2635167, 2017370

ARTICLE = (
    "Britain announced on Monday that it will withdraw its troops from Mali, Junior Defence "
    "Minister James Heappey said. Russian-backed fighters and the Malian army were deployed "
    "near Timbuktu."
)


@pytest.fixture
def ruler_nlp():
    """A pipeline whose "NER" is a handful of entity patterns."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [{"label": "GPE", "pattern": name} for name in ("Mali", "Britain", "Timbuktu", "Gao", "Narnia")]
        + [{"label": "GPE", "pattern": [{"LOWER": "timbuktu"}]}]
        + [{"label": "NORP", "pattern": form} for form in ("Malian", "Russian", "Malians")]
        + [{"label": "LOC", "pattern": "the Sahel"},
           {"label": "PERSON", "pattern": "James Heappey"},
           {"label": "ORG", "pattern": "Wagner Group"}]
    )
    return nlp


# --------------------------------------------------------------------------- the component

def test_component_writes_resolved_toponym_spans(gazetteer):
    nlp = spacy.blank("en")
    component = nlp.add_pipe("geo_toponyms")
    assert isinstance(component, GeoToponyms)
    component.gazetteer = gazetteer
    doc = nlp(ARTICLE)
    spans = doc.spans["toponyms"]
    by_text = {span.text: span for span in spans}
    assert by_text["Mali"]._.place.geonameid == MALI
    assert by_text["Timbuktu"]._.place.geonameid == TIMBUKTU
    assert by_text["Britain"]._.place.geonameid == UK
    malian = by_text["Malian"]
    assert malian._.place.geonameid == MALI and malian._.toponym.adjectival
    assert {span.label_ for span in spans} <= set(MENTION_TYPES)
    assert not {"James", "Heappey", "Monday", "Junior Defence Minister"} & set(by_text)
    for span in spans:  # spans sit where the resolved mentions are
        assert doc.text[span.start_char:span.end_char] == span._.toponym.text
        assert 0.0 < span._.toponym.confidence <= 1.0


def test_component_config_and_empty_docs(gazetteer):
    nlp = spacy.blank("en")
    nlp.add_pipe("geo_toponyms", config={"spans_key": "places", "cache_dir": str(gazetteer.path.parent)})
    assert "places" in nlp("   ").spans and len(nlp("   ").spans["places"]) == 0
    docs = list(nlp.pipe(["Troops left Mali.", "No places here."]))
    assert [span._.place.geonameid for span in docs[0].spans["places"]] == [MALI]
    assert len(docs[1].spans["places"]) == 0


def test_component_survives_a_save_and_load(gazetteer, tmp_path):
    nlp = spacy.blank("en")
    nlp.add_pipe("geo_toponyms", config={"cache_dir": str(gazetteer.path.parent)})
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == ["geo_toponyms"]
    doc = loaded("They flew to Timbuktu.")
    assert [span._.place.geonameid for span in doc.spans["toponyms"]] == [TIMBUKTU]


# --------------------------------------------------------------------------- spaCy NER as extra recogniser

def test_ner_recognizer_takes_place_entities(gazetteer, ruler_nlp):
    text = "Malians in Gao, Mali, met the Malian army. James Heappey and Narnia and the Sahel."
    mentions = SpacyNerRecognizer(ruler_nlp, gazetteer)(text, split_sentences(text))
    found = {m.text: m for m in mentions}
    assert set(found) == {"Malians", "Gao", "Mali", "Malian", "the Sahel"}  # no person, no unknown name
    for m in mentions:
        assert text[m.start:m.end] == m.text and m.candidates
    assert found["Malians"].adjectival and found["Malians"].type == "demonym"
    assert found["Malians"].candidates[0].geonameid == MALI
    assert found["Malian"].type == "modifier"
    assert found["Gao"].container == "mali" and found["Gao"].type == "literal"
    assert found["the Sahel"].candidates[0].kind == "region"
    assert found["the Sahel"].sentence == 1


def test_ner_recognizer_types_possessives_and_hyphens(gazetteer, ruler_nlp):
    text = "Mali's junta welcomed Russian-backed fighters."
    found = {m.text: m for m in SpacyNerRecognizer(ruler_nlp, gazetteer)(text, split_sentences(text))}
    assert found["Mali"].type == "modifier"
    assert found["Russian"].type == "modifier" and found["Russian"].candidates[0].geonameid == RUSSIA


def test_ner_recognizer_labels_option(gazetteer, ruler_nlp):
    text = "Malian troops left Timbuktu."
    only_gpe = SpacyNerRecognizer(ruler_nlp, gazetteer, labels=["GPE"])(text, split_sentences(text))
    assert [m.text for m in only_gpe] == ["Timbuktu"]


def test_geoparser_adds_what_only_the_extra_recognizer_finds(gazetteer, ruler_nlp):
    text = "Convoys moved toward timbuktu overnight, officials in Mali said."
    plain = Geoparser(gazetteer, events=False).analyse(text)
    assert "timbuktu" not in [t.text for t in plain.toponyms]  # lower case: not the project's recogniser
    extra = SpacyNerRecognizer(ruler_nlp, gazetteer)
    analysis = Geoparser(gazetteer, extra_recognizers=[extra], events=False).analyse(text)
    by_text = {t.text: t for t in analysis.toponyms}
    assert by_text["timbuktu"].place.geonameid == TIMBUKTU
    assert [t.text for t in analysis.toponyms].count("Mali") == 1  # overlaps are not doubled


def test_load_extra_recognizer_from_a_saved_pipeline(gazetteer, ruler_nlp, tmp_path):
    ruler_nlp.to_disk(tmp_path / "ner")
    recognizer = load_extra_recognizer(tmp_path / "ner", gazetteer)
    assert isinstance(recognizer, SpacyNerRecognizer)
    text = "They reached Timbuktu."
    assert [m.candidates[0].geonameid for m in recognizer(text, split_sentences(text))] == [TIMBUKTU]


def test_load_extra_recognizer_says_what_is_missing(gazetteer, tmp_path):
    with pytest.raises(SpacyPipelineError, match="'no_such_pipeline_xx' is not installed") as caught:
        load_extra_recognizer("no_such_pipeline_xx", gazetteer)
    assert isinstance(caught.value, GeoError) and isinstance(caught.value.__cause__, OSError)

    spacy.blank("en").to_disk(tmp_path / "blank")
    with pytest.raises(SpacyPipelineError, match="no named-entity recogniser"):
        load_extra_recognizer(tmp_path / "blank", gazetteer)
