"""reelgraph: film trade-press articles in, a source-linked database of the film business out."""

__version__ = "0.1.0"
