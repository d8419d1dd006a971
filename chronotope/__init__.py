"""chronotope: sourced, structured data from historical narratives."""

__version__ = "0.1.0"
