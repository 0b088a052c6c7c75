"""The grader's own tests: engine units, release, every assignment's verify, hostile submissions."""
