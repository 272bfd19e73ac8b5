"""The ``newsevents`` command line."""
