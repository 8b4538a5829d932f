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
