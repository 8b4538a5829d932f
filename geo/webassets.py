"""Leaflet, jQuery and Leaflet.markercluster from installed packages, inlined.

folium points every map at public CDNs. streamlit-folium loads those links in
order and gives up on the first one that fails, so with no internet the map
never appears. Debian's ``libjs-leaflet``, ``libjs-jquery`` and
``libjs-leaflet.markercluster`` install the same libraries under
``/usr/share/javascript``; this module finds them and turns each into a
``data:`` URL, which works in the streamlit-folium iframe, in a saved HTML file
and with no server route at all (Streamlit's static serving refuses symlinks
that leave its folder, and copying third-party code into the repository is not
an option). Where a file is absent the CDN link stays, as the fallback.

Nothing here reads a file at import time; :func:`local_assets` reads and caches.
"""

from __future__ import annotations

import base64
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

#: where Debian (and ``$GEO_JS_DIR`` for other systems) installs browser libraries
DEFAULT_JS_DIRS: tuple[str, ...] = ("/usr/share/javascript",)

#: the CDN prefix of Leaflet's default marker images, the fallback ``imagePath``
CDN_LEAFLET_IMAGES = "https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/images/"

# folium asset name -> candidate files relative to a javascript dir, best first
_CANDIDATES: dict[str, tuple[str, ...]] = {
    "leaflet": ("leaflet/leaflet.min.js", "leaflet/leaflet.js"),
    "leaflet_css": ("leaflet/leaflet.css",),
    "jquery": ("jquery/jquery.min.js", "jquery/jquery.js"),
    "markerclusterjs": ("leaflet/leaflet.markercluster.min.js", "leaflet/leaflet.markercluster.js",
                        "leaflet-markercluster/leaflet.markercluster.js"),
    "markerclustercss": ("leaflet/MarkerCluster.css", "leaflet-markercluster/MarkerCluster.css"),
    "markerclusterdefaultcss": ("leaflet/MarkerCluster.Default.css",
                                "leaflet-markercluster/MarkerCluster.Default.css"),
}

#: folium assets the page never uses (awesome-markers icons, Bootstrap styling);
#: dropped because each failing CDN script stops streamlit-folium's loader
UNUSED_ASSETS: frozenset[str] = frozenset({
    "bootstrap", "bootstrap_css", "awesome_markers", "awesome_markers_css",
    "awesome_markers_font_css", "awesome_rotate_css", "glyphicons_css",
})

_MEDIA_TYPES = {".js": "text/javascript", ".css": "text/css", ".png": "image/png"}
_CSS_URL = re.compile(r"url\((['\"]?)(images/[\w.\-]+\.png)\1\)")


def js_dirs() -> list[Path]:
    """The folders searched for browser libraries: ``$GEO_JS_DIR`` first, then Debian's."""
    env = os.environ.get("GEO_JS_DIR")
    return [Path(p) for p in ([env] if env else []) + list(DEFAULT_JS_DIRS)]


def data_url(payload: bytes, media_type: str) -> str:
    return f"data:{media_type};base64,{base64.b64encode(payload).decode('ascii')}"


def _find(relative_paths: Iterable[str], dirs: Iterable[Path]) -> Path | None:
    for base in dirs:
        for rel in relative_paths:
            path = base / rel
            if path.is_file():
                return path
    return None


def _inline_css_images(css: str, css_path: Path) -> str:
    """Replace ``url(images/x.png)`` by data URLs: a data-URL stylesheet has no base to resolve them."""
    def replace(match: re.Match[str]) -> str:
        image = css_path.parent / match.group(2)
        if not image.is_file():
            return match.group(0)
        return f"url({data_url(image.read_bytes(), 'image/png')})"

    return _CSS_URL.sub(replace, css)


@dataclass(frozen=True, slots=True)
class LocalAssets:
    """Data URLs of the local copies, keyed by folium's asset names."""

    urls: dict[str, str]
    sources: dict[str, str]  # asset name -> file it came from (for the page's About section)
    marker_images: dict[str, str]  # "iconUrl" etc. -> base64 payload (no prefix)

    def url_for(self, name: str, cdn_url: str) -> str:
        """The local data URL of an asset, or its CDN URL where no local copy exists."""
        return self.urls.get(name, cdn_url)

    @property
    def complete(self) -> bool:
        """Whether every library the map needs is available offline."""
        return {"leaflet", "leaflet_css", "jquery", "markerclusterjs"} <= self.urls.keys()


@lru_cache(maxsize=4)
def local_assets(dirs: tuple[Path, ...] | None = None) -> LocalAssets:
    """Read and inline what is installed; cached because the files never change while running."""
    search = list(dirs) if dirs is not None else js_dirs()
    urls: dict[str, str] = {}
    sources: dict[str, str] = {}
    for name, candidates in _CANDIDATES.items():
        path = _find(candidates, search)
        if path is None:
            continue
        payload = path.read_bytes()
        if path.suffix == ".css":
            payload = _inline_css_images(payload.decode("utf-8"), path).encode("utf-8")
        urls[name] = data_url(payload, _MEDIA_TYPES[path.suffix])
        sources[name] = str(path)
    images: dict[str, str] = {}
    leaflet_js = sources.get("leaflet")
    if leaflet_js:
        image_dir = Path(leaflet_js).parent / "images"
        for option, file in (("iconUrl", "marker-icon.png"), ("iconRetinaUrl", "marker-icon-2x.png"),
                             ("shadowUrl", "marker-shadow.png")):
            if (image_dir / file).is_file():
                images[option] = base64.b64encode((image_dir / file).read_bytes()).decode("ascii")
    return LocalAssets(urls=urls, sources=sources, marker_images=images)


def localize_links(links: Iterable[tuple[str, str]], assets: LocalAssets, *,
                   drop: Iterable[str] = ()) -> list[tuple[str, str]]:
    """folium ``default_js``/``default_css`` pairs with local data URLs; unused assets dropped."""
    unused = UNUSED_ASSETS | set(drop)
    return [(name, assets.url_for(name, url)) for name, url in links if name not in unused]


def icon_path_script(assets: LocalAssets) -> str:
    """JavaScript that points Leaflet's default marker icon at working images.

    streamlit-folium's iframe breaks Leaflet's guess of the image folder, so
    the path is always set before any marker exists. With local images the
    prefix is a data-URL header and each option holds the base64 payload.
    """
    if len(assets.marker_images) == 3:
        options = ", ".join(f"{k}: {v!r}" for k, v in assets.marker_images.items())
        return (f'L.Icon.Default.imagePath = "data:image/png;base64,";\n'
                f"L.Icon.Default.mergeOptions({{{options}}});")
    return f"L.Icon.Default.imagePath = {CDN_LEAFLET_IMAGES!r};"
