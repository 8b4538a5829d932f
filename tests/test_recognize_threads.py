"""One parser, many threads: the recogniser keeps no per-document state on itself."""

from concurrent.futures import ThreadPoolExecutor

from geo.doc import make_doc

TEXTS = [
    "Fighting spread from Gao, Mali, to Niamey in Niger on Tuesday, officials in Bamako said.",
    "Governor Ann Hollis of Kansas flew to Wichita, then on to Topeka and Salina.",
    "Reporters in Nairobi, Kampala and Kigali waited while the Kenyan team trained.",
    "MADRID (AP) — The Spanish government and the city of Seville agreed on a new budget.",
    "Floods hit Kent and Surrey in England, and Fife in Scotland, forecasters said.",
    "The Wagner group left Bangui. Wagner said little; Central African officials said less.",
]


def _signature(analysis):
    return [(t.start, t.end, t.text, t.type, t.place.geonameid if t.place else None) for t in analysis.toponyms]


def test_threads_give_the_serial_results(geoparser, seed_text):
    texts = [seed_text, *TEXTS] * 4
    serial = [_signature(geoparser.analyse(t)) for t in texts]
    with ThreadPoolExecutor(max_workers=6) as pool:
        threaded = list(pool.map(lambda t: _signature(geoparser.analyse(t)), texts))
    assert threaded == serial
    assert any(serial), "the texts name places"


def test_people_and_organisations_reach_the_document(geoparser):
    doc = geoparser(make_doc("Senator Jane Kowalski met the mercenary group Wagner in Bamako. "
                             "Kowalski said so."))
    assert "Kowalski" in doc.persons
    assert "Wagner" in doc.organisations
    assert [m.text for m in doc.mentions] == ["Bamako"]
