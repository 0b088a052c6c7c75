"""dlkit's grading engine: catalog, pytest plugin, sandboxed worker, grading, release and bridges."""

__version__ = "0.1.0"
