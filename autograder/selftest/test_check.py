"""`dlkit check` (the student's command), `dlkit list`, and the local pytest plugin."""

import shutil

from autograder import catalog, cli, local_run, release


def test_check_on_the_stub_exits_0_and_explains(tmp_path, capsys):
    a = catalog.resolve("01")
    assert cli.main(["check", "01"]) == 0
    out = capsys.readouterr().out
    assert "Public tests: 0 / 36 points" in out and "not implemented yet" in out


def test_check_on_a_correct_module_gives_the_public_points(tmp_path, capsys):
    a = catalog.resolve("perceptron")
    (tmp_path / a.filename).write_text(release.strip_markers(a.solution_file().read_text()))
    assert cli.main(["check", "01_perceptron", "--path", str(tmp_path), "--lang", "zh"]) == 0
    assert "公开测试得分：36 / 36" in capsys.readouterr().out


def test_check_without_the_module_says_where_to_put_it(tmp_path, capsys):
    assert cli.main(["check", "01", "--path", str(tmp_path)]) == 0
    assert "No module at" in capsys.readouterr().out


def test_list_shows_every_assignment_with_100_points(capsys):
    assert cli.main(["list"]) == 0
    out = capsys.readouterr().out
    for a in catalog.ASSIGNMENTS:
        assert a.slug in out
    assert out.count("100") >= 7


def test_public_tests_are_at_most_40_points_and_all_tests_total_100():
    for a in catalog.available():
        infos = local_run.collect(a)
        assert sum(i.points for i in infos) == 100, a.slug
        assert sum(i.points for i in infos if not i.hidden) <= 40, a.slug
