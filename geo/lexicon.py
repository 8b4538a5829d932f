"""Small English word lists shared by the recogniser and the event extractor."""

from __future__ import annotations

import importlib.util
from functools import lru_cache


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop words.

    Read from spaCy's ``lang/en/stop_words.py`` without importing the spaCy
    package, which costs 0.8 s and would delay the page's first view; the
    file is plain Python with no imports of its own.
    """
    spec = importlib.util.find_spec("spacy")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("spaCy is not installed; run `pip install -r requirements.txt`.")
    from pathlib import Path

    path = Path(spec.origin).parent / "lang" / "en" / "stop_words.py"
    module_spec = importlib.util.spec_from_file_location("geo._spacy_en_stop_words", path)
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)  # type: ignore[union-attr]
    return frozenset(module.STOP_WORDS)


#: the words that open an encyclopaedia lead's appositive aside between a name and its definition
#: ("X, officially the City of X, is a city", "X, or Y, is"): read by the recogniser's defining
#: sentence and by the resolver's definition container alike
LEAD_ASIDE_OPENERS = frozenset({"officially", "also", "formerly", "or", "known", "previously", "abbreviated"})
