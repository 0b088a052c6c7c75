"""Course-wide helpers that students, notebooks and tests import: checks, gradient checks, data, plots."""
