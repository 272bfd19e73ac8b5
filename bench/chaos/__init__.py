"""A chaos soak: workers killed and restarted at random while articles and malformed records arrive.

``python -m bench.chaos`` (``make chaos``) ends with one line that says whether anything was lost.
"""
