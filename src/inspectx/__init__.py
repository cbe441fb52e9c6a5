"""inspectx: turn news articles about UK police inspections into structured JSON."""

__version__ = "0.1.0"
