"""newsevents: streaming extraction of meetings, agreements and statements from news articles."""

__version__ = "0.27.0"
