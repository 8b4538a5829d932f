"""Word lists used only while building: ``wordfreq`` (how common a name is as an English
word), ``english-words`` (which names are ordinary lower-case words) and
``gender-guesser`` (given names)."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def dictionary_words() -> frozenset[str]:
    """Lower-case English words (Webster's, as english-words ships it, plus British spellings).

    A capitalised "State", "Reading" or "Orange" may just be a word; "Texas" is
    never one. Webster's list keeps proper nouns capitalised, so its lower-case
    entries are the common words.
    """
    from english_words import get_english_words_set

    words = {w for w in get_english_words_set(["web2"], lower=False) if w.islower()}
    words |= {w[:-2] + "re" for w in words if w.endswith("er") and len(w) > 5}  # centre, theatre
    return frozenset(words)


def zipf_frequencies(tokens: set[str]) -> dict[str, float]:
    """wordfreq's Zipf frequency in English of each token."""
    import wordfreq

    return {t: wordfreq.zipf_frequency(t, "en") for t in tokens}


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Capitalised given names that are not English stop words."""
    from gender_guesser.detector import Detector
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(n for n in Detector().names
                     if n[:1].isupper() and n.isalpha() and n.lower() not in STOP_WORDS)
