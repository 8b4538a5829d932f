#!/usr/bin/env bash
# Install and start the app: Debian's Leaflet and jQuery for a map that needs
# no internet (as root), a virtual environment with the pinned requirements,
# the gazetteer cache (built once, about 30-90 s), then Streamlit (serve.py: app.py with a warm start).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-packages.sh --app
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.txt
.venv/bin/python -m geo gazetteer
exec .venv/bin/streamlit run serve.py "$@"  # app.py, with the seed analysed before the server opens
