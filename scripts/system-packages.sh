#!/usr/bin/env bash
# Debian packages the tests need: Chromium for the browser test of the page,
# GDAL's ogrinfo and QGIS (PyQGIS) for checking the GIS exports, Leaflet and
# jQuery for the offline map. Installs only what is missing; needs root.
# With --app, only what the page needs (the map's scripts, for a map with no internet).
set -euo pipefail
need=()
if [ "${1:-}" != "--app" ]; then
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  command -v ogrinfo >/dev/null 2>&1 || need+=(gdal-bin)
  /usr/bin/python3 -c "import qgis.core" >/dev/null 2>&1 || need+=(qgis python3-qgis)
fi
[ -f /usr/share/javascript/leaflet/leaflet.js ] || need+=(libjs-leaflet)
[ -f /usr/share/javascript/jquery/jquery.min.js ] || need+=(libjs-jquery)
[ -f /usr/share/javascript/leaflet/leaflet.markercluster.js ] || need+=(libjs-leaflet.markercluster)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "missing Debian packages: ${need[*]} (run: sudo apt-get install ${need[*]})" >&2
    [ "${1:-}" = "--app" ] && exit 0  # the page still works, loading the map's scripts online
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
