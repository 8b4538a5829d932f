"""The project quotes no dev-corpus text: no run of 8 words from ../shared/gold in geo/, tests/ or docs/.

The gold README forbids copying corpus text; the same check runs before every
stop (``../shared/tools/gold_overlap.py``). Test sentences are written in the
project's own words.
"""

from __future__ import annotations

import json
import os
import re

import pytest

from tests.conftest import GOLD_DIR, ROOT

pytestmark = pytest.mark.gold

RUN = 8
WORDS = re.compile(r"[a-z0-9']+")
CHECKED = ("geo", "tests", "docs", "scripts", "data")
SUFFIXES = {".py", ".txt", ".md", ".json", ".jsonl", ".toml", ".html", ".csv"}


def runs(text: str) -> set[str]:
    words = WORDS.findall(text.lower())
    return {" ".join(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


def test_runs_are_found_and_missed_as_they_should():
    quoted = runs("one two three four five six seven eight nine")
    assert "two three four five six seven eight nine" in quoted
    assert runs("only seven words in this short line") == set()


def test_no_file_quotes_the_dev_corpora():
    files = sorted(GOLD_DIR.glob("*.jsonl"))
    if not files:
        if os.environ.get("CI"):
            pytest.fail(f"{GOLD_DIR} is missing in CI")
        pytest.skip(f"{GOLD_DIR} not present")
    gold: set[str] = set()
    for path in files:
        with path.open(encoding="utf-8") as f:
            for line in f:
                gold |= runs(json.loads(line)["text"])
    for seed in (ROOT / "seeds").glob("*.txt"):  # the seed article's own words are ours to use
        gold -= runs(seed.read_text(encoding="utf-8"))
    quoting = {}
    for folder in CHECKED:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and path.suffix in SUFFIXES and "__pycache__" not in path.parts:
                hits = runs(path.read_text(encoding="utf-8", errors="replace")) & gold
                if hits:
                    quoting[str(path.relative_to(ROOT))] = sorted(hits)[0]
    assert not quoting, f"files quoting the dev corpora (rewrite in your own words): {quoting}"
