"""The pipeline: named steps over one Doc, switched off by name."""

import pytest

from geo.doc import make_doc, tokenize
from geo.pipeline import DEFAULT_PIPELINE, Geoparser, component, registered_components

TEXT = "Protesters marched in Bamako on Friday. Mali's junta said troops would stay in Gao."


def test_default_steps_run_in_order(gazetteer):
    parser = Geoparser(gazetteer)
    assert parser.pipe_names == list(DEFAULT_PIPELINE)
    assert set(DEFAULT_PIPELINE) <= set(registered_components())


def test_disabled_steps_do_not_run(gazetteer):
    analysis = Geoparser(gazetteer, disable=["events"]).analyse(TEXT)
    assert analysis.toponyms and not analysis.events
    assert Geoparser(gazetteer, events=False).pipe_names == Geoparser(gazetteer, disable=["events"]).pipe_names


def test_unknown_names_are_refused_with_the_list_to_choose_from(gazetteer):
    with pytest.raises(ValueError, match="geo rules"):
        Geoparser(gazetteer, disable=["no-such-rule"])
    with pytest.raises(ValueError, match="pipeline steps"):
        Geoparser(gazetteer, pipeline=["recognize", "no-such-step"])


def test_a_registered_component_runs_on_the_shared_doc(gazetteer):
    seen = []

    @component("test-count-tokens")
    def _count(gazetteer, settings):
        def run(doc):
            seen.append(len(doc.tokens))
            return doc
        return run

    parser = Geoparser(gazetteer, pipeline=["recognize", "test-count-tokens"])
    parser.analyse(TEXT)
    assert seen == [len(make_doc(TEXT).tokens)]


def test_doc_tokens_know_their_sentence():
    doc = make_doc(TEXT)
    assert len(doc.sentences) == 2
    second = doc.sentence_tokens(1)
    assert second[0].text == "Mali" and all(t.sentence == 1 for t in second)
    assert [t.text for t in doc.sentence_tokens(0)][-2:] == ["Friday", "."]
    assert [t.i for t in doc.tokens] == list(range(len(doc.tokens)))
    assert [t.text for t in tokenize("U.S. troops")] == ["U.S.", "troops"]
