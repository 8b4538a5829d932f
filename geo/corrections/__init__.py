"""User corrections: data kept beside the resolver's output, applied on top of it as the last step.

* :mod:`geo.corrections.model`: the frozen :class:`Correction` (a scope and an action);
* :mod:`geo.corrections.store`: :class:`CorrectionStore`, the one SQLite file of the user's corrections;
* :mod:`geo.corrections.apply`: the pipeline step (``Geoparser(..., options={"corrections": store})``);
* :mod:`geo.corrections.legacy`: the older per-document JSON files (read for migration).

``docs/corrections.md`` describes the API the page uses.
"""

from geo.corrections.apply import (
    CorrectionReport,
    CorrectionsStep,
    apply_corrections,
    apply_to_doc,
    stale_corrections,
)
from geo.corrections.legacy import (
    corrections_path,
    load_corrections,
    read_legacy_file,
    save_corrections,
    with_correction,
    without_correction,
)
from geo.corrections.model import ACTIONS, SCOPES, Correction, CorrectionError
from geo.corrections.store import (
    CorrectionStore,
    ImportReport,
    Problem,
    corrections_from_json,
    data_dir,
    default_store,
    default_store_path,
)

__all__ = ("ACTIONS", "SCOPES", "Correction", "CorrectionError", "CorrectionReport", "CorrectionStore",
           "CorrectionsStep", "ImportReport", "Problem", "apply_corrections", "apply_to_doc", "corrections_from_json",
           "corrections_path", "data_dir", "default_store", "default_store_path", "load_corrections",
           "read_legacy_file", "save_corrections", "stale_corrections", "with_correction",
           "without_correction")
