# Every dlkit test (public, hidden, the grader's own) runs under the dlkit plugin.
pytest_plugins = ["autograder.pytest_plugin"]
