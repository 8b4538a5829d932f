"""Exceptions of the geoparser.

One root class, :class:`GeoError`; each subclass also inherits the builtin a
caller would naturally catch (after ``geopy.exc``), so ``except ValueError``
keeps working for bad input.
"""

from __future__ import annotations


class GeoError(Exception):
    """Root of every error this package raises on purpose."""


class InputTextError(GeoError, ValueError):
    """Article text that cannot be analysed (empty, too large, undecodable)."""


class GazetteerError(GeoError, RuntimeError):
    """The gazetteer cache could not be built or loaded."""


class GeocoderUnavailable(GeoError, ConnectionError):
    """An optional online geocoder could not be reached; offline answers stand."""


class ExportError(GeoError, ValueError):
    """A layer could not be written in the requested format."""


class SpacyPipelineError(GeoError, LookupError):
    """A spaCy pipeline that is not installed or cannot recognise entities."""
