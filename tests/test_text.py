import pytest

from geo.errors import GeoError, InputTextError
from geo.text import MAX_CHARS, check_text, decode, html_to_text, split_sentences


def test_decode_utf8_with_and_without_bom():
    assert decode("Côte d’Ivoire".encode()) == "Côte d’Ivoire"
    assert decode(b"\xef\xbb\xbfMali") == "Mali"


def test_decode_windows_1252_news_page():
    # a curly quote and an accent as a mislabelled page sends them
    assert decode("“Bamako” – Ségou".encode("cp1252")) == "“Bamako” – Ségou"


def test_decode_utf16_with_bom():
    assert decode("Timbuktu".encode("utf-16")) == "Timbuktu"


def test_undecodable_bytes_raise_clear_error():
    with pytest.raises(InputTextError, match="not UTF-8") as err:
        decode(b"Mali \x81\x8d\x8f\x90\x9d", source="article.txt")
    assert "article.txt" in str(err.value)
    assert isinstance(err.value, ValueError) and isinstance(err.value, GeoError)


@pytest.mark.parametrize("bad", ["", "   \n\t ", None, 42])
def test_empty_or_wrong_type_is_rejected(bad):
    with pytest.raises(InputTextError):
        check_text(bad)


def test_bytes_are_rejected_with_the_fix():
    with pytest.raises(InputTextError, match="decode"):
        check_text(b"Mali")


def test_huge_text_is_rejected_with_size_and_remedy():
    huge = "Troops left Mali. " * (5_000_000 // 18)  # about 5 MB
    with pytest.raises(InputTextError, match="--jsonl") as err:
        check_text(huge)
    assert f"{MAX_CHARS:,}" in str(err.value)


def test_html_drops_scripts_and_markup_but_keeps_text():
    text, title = html_to_text(
        "<html><head><title>Mali &amp; UK</title><script>alert(1)</script></head>"
        "<body><p>Troops left <b>Mali</b>.</p><p>They flew to Accra.</p></body></html>")
    assert title == "Mali & UK"
    assert "alert" not in text and "<" not in text
    assert "Troops left Mali." in text and "They flew to Accra." in text


def test_sentences_respect_abbreviations_and_lines():
    text = "Mr. Heappey spoke in the U.S. on Monday. He left.\nFILE: a caption\n\nNext para"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Mr. Heappey spoke in the U.S. on Monday.", "He left.", "FILE: a caption", "Next para"]
    for s in sentences:
        assert text[s.start:s.end] == s.text


# -- linear time: pathological text never blocks a session (issue 14, item 3) -------------------

#: generous: each case takes well under a second on an idle machine; the bound allows a loaded one
TIME_BOUND_S = 6.0
MB = 1_000_000

PATHOLOGICAL = {
    "U.S. repeated": "U.S. " * (MB // 5),
    "initials": "J. R. R. " * (MB // 9),
    "abbreviations": "Gen. Dr. Mr. St. Calif. " * (MB // 24),
    "dotted run": "a." * (MB // 2),
    "stops without a capital after": ". a" * (MB // 3),
    "one very long line": "word " * (MB // 5),
    "a stop and a sea of spaces": "." + " " * MB + "a",
    "blank lines": "\n \n" * (MB // 3),
}


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_sentence_splitting_is_linear_on_pathological_text(name):
    import time

    text = PATHOLOGICAL[name]
    started = time.process_time()
    sentences = split_sentences(text)
    assert time.process_time() - started < TIME_BOUND_S, name
    assert all(text[s.start:s.end] == s.text for s in sentences[:100])


HOSTILE_HTML = {
    "tags left open": "<p" * (MB // 2),
    "comments left open": "<!--" * (MB // 4),
    "attributes left open": "<a b='" * (MB // 6),
    "end tags left open": "</" * (MB // 2),
    "declarations": "<![" * (MB // 3),
    "processing instructions": "<?" * (MB // 2),
    "many paragraphs": "<p>x </p>" * (MB // 9),
}


@pytest.mark.parametrize("name", HOSTILE_HTML)
def test_html_extraction_is_linear_on_broken_markup(name):
    import time

    started = time.process_time()
    html_to_text(HOSTILE_HTML[name])
    assert time.process_time() - started < TIME_BOUND_S, name


def test_broken_markup_keeps_its_text_and_comments_stay_hidden():
    text, _ = html_to_text("<html><body><p>a < b and c > d</p><!-- <p>old</p> --><p>Mali</p>"
                           "<script>if (a<b) {x()}</script></body></html>")
    assert text == "a < b and c > d\n\nMali"
    assert html_to_text("<p>Mali <!-- never closed <p>Gao")[0] == "Mali"


def test_abbreviations_and_initials_do_not_end_sentences():
    text = "J. R. R. Tolkien met Gen. Smith in Calif. on Monday. U.S. troops left. A. B. Then"
    assert [s.text for s in split_sentences(text)] == [
        "J. R. R. Tolkien met Gen. Smith in Calif. on Monday.", "U.S. troops left.", "A. B. Then"]
    # the titles of place names in AP style: Sainte, Point (as Saint, Mount and Fort)
    assert len(split_sentences("Crews reached Ste. Genevieve and Pt. Pleasant by noon.")) == 1


# -- encodings: nothing decoded silently wrong (issue 14, item 9) --------------------------------

ARTICLE = "Troops left Côte d’Ivoire for Timbuktu.\nThey flew on to Ségou.\n"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-16", "utf-32"])
def test_utf16_and_utf32_with_or_without_bom(encoding):
    assert decode(ARTICLE.encode(encoding)) == ARTICLE


def test_a_stray_nul_is_not_taken_for_utf16():
    assert decode(b"Mali\x00 and Gao") == "Mali\x00 and Gao"


def test_mixed_utf8_and_windows_1252_lines_each_decode_in_their_own_encoding():
    mixed = "Ségou, in UTF-8\n".encode() + "Ségou, in Windows-1252\n".encode("cp1252")
    assert decode(mixed) == "Ségou, in UTF-8\nSégou, in Windows-1252\n"


def test_undecodable_line_is_named():
    with pytest.raises(InputTextError, match="line 3 is not UTF-8"):
        decode(b"Mali\n" + "Ségou\n".encode() + b"bad \x81\x8d\n", source="a.txt")


@pytest.mark.parametrize("spelling", ["Côte d’Ivoire", "Côte d'Ivoire", "Cote d'Ivoire", "COTE D`IVOIRE",
                                      "Côte dʼIvoire", "Co\u0302te d\u2019Ivoire"])
def test_apostrophes_and_accents_fold_to_one_key(spelling):
    from geo.text import match_key

    assert match_key(spelling) == "cote d'ivoire"


@pytest.mark.parametrize("spelling", ["Côte d’Ivoire", "Côte d'Ivoire", "Cote d'Ivoire", "Cote d’Ivoire"])
def test_cote_d_ivoire_is_recognised_in_every_spelling(geoparser, spelling):
    analysis = geoparser.analyse(f"Troops arrived in {spelling} on Monday.")
    assert [t.place.country_code for t in analysis.toponyms if t.place] == ["CI"]
