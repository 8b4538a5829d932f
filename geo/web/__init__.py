"""What the page shows, as plain library code: view models for ``app.py`` (:mod:`geo.web.page`)."""
