"""Events: who did what, where and when, one record per real-world event.

``extract_events(doc)`` reads the shared :class:`~geo.doc.Doc` (its tokens, sentences,
toponyms, focus, publication date and the names the recogniser saw) and returns
merged :class:`~geo.model.Event` records; ``extract_mentions(doc)`` is the per-mention
view before coreference. The modules, in the order the driver runs them:

- :mod:`~geo.events.words`, :mod:`~geo.events.lexicon`: word lists and the PLOVER lexicon;
- :mod:`~geo.events.clauses`: furniture, clause segments, quotes, attributions;
- :mod:`~geo.events.triggers`: trigger words and which of them make their own event;
- :mod:`~geo.events.modality`: negation, tense, dates (:mod:`~geo.events.dates`), contexts;
- :mod:`~geo.events.places`, :mod:`~geo.events.actors`: where, who and on whom;
- :mod:`~geo.events.merge`: mentions of one event across sentences become one record.
"""

from geo.events.extract import extract_events, extract_mentions

__all__ = ("extract_events", "extract_mentions")
