"""The kit's version (one place; cache keys and checkpoints record it)."""

__version__ = "0.2.0"
