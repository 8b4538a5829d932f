"""The packed lookups read back exactly what was packed; the cache key reads the same versions fast."""

import pytest

from geo.gazetteer.packed import pack, unpack


def rows(name, value):
    return dict(pack(name, value))


def test_a_table_of_floats_reads_back_bit_for_bit():
    zipf = {"mali": 4.37, "niger": 0.1 + 0.2, "çà": 1e-300, "x": 7.0}
    assert unpack("zipf", rows("zipf", zipf)) == zipf


def test_ids_words_and_order_read_back():
    assert unpack("demonyms", rows("demonyms", {"malian": 2453866, "kenyan": 192950})) == {
        "malian": 2453866, "kenyan": 192950}
    assert unpack("countries", rows("countries", [3, 1, 2])) == [3, 1, 2]
    assert unpack("given_names", rows("given_names", ["Ana", "Zoë"])) == frozenset({"Ana", "Zoë"})
    assert unpack("dictionary_words", rows("dictionary_words", [])) == frozenset()


def test_a_word_with_a_newline_is_refused():
    with pytest.raises(ValueError, match="newline"):
        pack("given_names", ["Ana\nBob"])


def test_a_table_whose_parts_disagree_says_how_to_rebuild():
    broken = rows("zipf", {"a": 1.0, "b": 2.0})
    broken["zipf.words"] = b"a"
    with pytest.raises(ValueError, match="rebuild"):
        unpack("zipf", broken)


def test_source_versions_from_the_dist_info_folders_are_the_metadatas():
    import importlib.metadata

    from geo.gazetteer.sources import SOURCE_PACKAGES, source_versions

    assert source_versions() == {p: importlib.metadata.version(p) for p in SOURCE_PACKAGES}
