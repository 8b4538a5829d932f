#!/usr/bin/env bash
# The test command: set up a fresh machine (Debian packages, a virtual
# environment with the pinned requirements, the gazetteer cache) and run pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-packages.sh
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
.venv/bin/python -m geo gazetteer
exec .venv/bin/python -m pytest "$@"
