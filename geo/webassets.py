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

A page server can do better than inlining: :func:`served_assets` writes the
same files, under names that change with their content, into a folder the
server publishes, and points the map at their URLs. The browser then fetches
and caches each library once, and the map a page sends on every script run
shrinks by the 450 kB of Leaflet and the basemap (issue 14: ten concurrent
sessions spent their time moving that payload).

Nothing here reads a file at import time; :func:`local_assets` reads and caches.
"""

from __future__ import annotations

import base64
import hashlib
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
    """URLs of the local copies (data URLs, or URLs a page server publishes), keyed by folium's asset names."""

    urls: dict[str, str]
    sources: dict[str, str]  # asset name -> file it came from (for the page's About section)
    marker_images: dict[str, str]  # "iconUrl" etc. -> base64 payload (no prefix)
    #: where Leaflet finds its default marker images when they are published as files
    image_path: str | None = None

    def url_for(self, name: str, cdn_url: str) -> str:
        """The local URL of an asset, or its CDN URL where no local copy exists."""
        return self.urls.get(name, cdn_url)

    @property
    def complete(self) -> bool:
        """Whether every library the map needs is available offline."""
        return {"leaflet", "leaflet_css", "jquery", "markerclusterjs"} <= self.urls.keys()


_MARKER_FILES = (("iconUrl", "marker-icon.png"), ("iconRetinaUrl", "marker-icon-2x.png"),
                 ("shadowUrl", "marker-shadow.png"))


def _read_assets(search: list[Path]) -> tuple[dict[str, tuple[Path, bytes]], dict[str, bytes]]:
    """The installed files by folium asset name (CSS with its images inlined), and the marker images."""
    files: dict[str, tuple[Path, bytes]] = {}
    for name, candidates in _CANDIDATES.items():
        path = _find(candidates, search)
        if path is None:
            continue
        payload = path.read_bytes()
        if path.suffix == ".css":
            payload = _inline_css_images(payload.decode("utf-8"), path).encode("utf-8")
        files[name] = (path, payload)
    images: dict[str, bytes] = {}
    if "leaflet" in files:
        image_dir = files["leaflet"][0].parent / "images"
        for option, file in _MARKER_FILES:
            if (image_dir / file).is_file():
                images[option] = (image_dir / file).read_bytes()
    return files, images


@lru_cache(maxsize=4)
def local_assets(dirs: tuple[Path, ...] | None = None) -> LocalAssets:
    """Read and inline what is installed; cached because the files never change while running."""
    files, images = _read_assets(list(dirs) if dirs is not None else js_dirs())
    return LocalAssets(urls={name: data_url(payload, _MEDIA_TYPES[path.suffix])
                             for name, (path, payload) in files.items()},
                       sources={name: str(path) for name, (path, _) in files.items()},
                       marker_images={k: base64.b64encode(v).decode("ascii") for k, v in images.items()})


def publish(folder: Path, base_url: str, files: dict[str, bytes]) -> dict[str, str]:
    """Write each payload into ``folder`` under a name that holds its digest; the URL of each.

    A changed file gets a new name, so a browser may cache every URL for good.
    Written through a temporary name, so a reader never sees half a file.
    """
    folder.mkdir(parents=True, exist_ok=True)
    urls = {}
    for name, payload in files.items():
        stem, dot, suffix = name.rpartition(".")
        published = f"{stem}-{hashlib.sha256(payload).hexdigest()[:12]}{dot}{suffix}"
        target = folder / published
        if not target.is_file() or target.stat().st_size != len(payload):
            tmp = folder / f".{published}.{os.getpid()}.tmp"
            tmp.write_bytes(payload)
            os.replace(tmp, target)
        urls[name] = base_url + published
    return urls


def served_assets(folder: Path, base_url: str, dirs: tuple[Path, ...] | None = None) -> LocalAssets:
    """The installed libraries published as files in ``folder``, reached at ``base_url``.

    Raises ``OSError`` where the folder cannot be written; the caller then
    falls back to :func:`local_assets` (the same files, inlined).
    """
    files, images = _read_assets(list(dirs) if dirs is not None else js_dirs())
    suffixes = {name: path.suffix for name, (path, _) in files.items()}
    urls = publish(folder, base_url, {f"{name}{suffixes[name]}": payload for name, (_, payload) in files.items()})
    image_path = None
    if len(images) == len(_MARKER_FILES):
        # Leaflet appends the file names to imagePath: publish them as they are called
        image_dir = folder / "images"
        image_dir.mkdir(exist_ok=True)
        for option, file in _MARKER_FILES:
            if not (image_dir / file).is_file():
                (image_dir / file).write_bytes(images[option])
        image_path = base_url + "images/"
    return LocalAssets(urls={name: urls[f"{name}{suffixes[name]}"] for name in files},
                       sources={name: str(path) for name, (path, _) in files.items()},
                       marker_images={}, image_path=image_path)


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
    if assets.image_path:
        return f"L.Icon.Default.imagePath = {assets.image_path!r};"
    if len(assets.marker_images) == 3:
        options = ", ".join(f"{k}: {v!r}" for k, v in assets.marker_images.items())
        return (f'L.Icon.Default.imagePath = "data:image/png;base64,";\n'
                f"L.Icon.Default.mergeOptions({{{options}}});")
    return f"L.Icon.Default.imagePath = {CDN_LEAFLET_IMAGES!r};"
