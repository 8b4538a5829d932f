"""Shared fixtures: the gazetteer (built once per machine, then loaded from cache),
a geoparser over it, and the seed article."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from geo.gazetteer import Gazetteer
from geo.pipeline import Geoparser

ROOT = Path(__file__).resolve().parents[1]
SEED_TEXT = ROOT / "seeds" / "voa-2022-11-14-uk-pulling-mali-troop-deployment.txt"
GOLD_DIR = ROOT.parent / "shared" / "gold"


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


@pytest.fixture(scope="session")
def geoparser(gazetteer: Gazetteer) -> Geoparser:
    return Geoparser(gazetteer)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_TEXT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_published() -> dt.date:
    meta = json.loads(SEED_TEXT.with_suffix(".json").read_text(encoding="utf-8"))
    return dt.date.fromisoformat(meta["published"])


@pytest.fixture(scope="session")
def seed_analysis(geoparser: Geoparser, seed_text: str, seed_published: dt.date):
    return geoparser.analyse(seed_text, doc_id="seed", published=seed_published)


@pytest.fixture(scope="session")
def sample_layers(gazetteer: Gazetteer):
    """The layers of the two hand-made documents in layer_samples.py (read-only)."""
    from geo.layers import build_layers
    from tests.layer_samples import sample_analyses

    return build_layers(sample_analyses(gazetteer), gazetteer)


@pytest.fixture(scope="session")
def small_gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    """A few dozen hand-made places (tests/fixtures/small_gazetteer.json), built with the real
    build and store code into a temporary cache: for rule tests that need no 240,000 places."""
    from tests.fixtures.small_gazetteer import build_small_gazetteer

    path = build_small_gazetteer(tmp_path_factory.mktemp("small-gazetteer") / "small.sqlite")
    return Gazetteer.open(path)


def pytest_addoption(parser):
    parser.addoption("--slow", action="store_true", help="also run the slow tests (CI=true does too)")


def pytest_collection_modifyitems(config, items):
    """The slow gazetteer rebuild runs in CI (CI=true) or with --slow, and is deselected otherwise."""
    if config.getoption("--slow") or os.environ.get("CI"):
        return
    slow = [item for item in items if "slow" in item.keywords]
    if slow:
        config.hook.pytest_deselected(items=slow)
        items[:] = [item for item in items if "slow" not in item.keywords]
