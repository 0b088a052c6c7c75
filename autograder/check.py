"""``dlkit check NN``: the student's view. Public tests, in-process, as a table. Always exits 0."""

from __future__ import annotations

from pathlib import Path

from autograder import catalog
from autograder.i18n import translate
from autograder.local_run import TestSuiteError, run_local

TEXT = {
    "en": {
        "title": "Public checks for {slug} ({file})",
        "test": "test", "function": "function", "points": "points", "result": "result",
        "passed": "passed", "failed": "FAILED",
        "total": "Public tests: {got:g} / {max:g} points.",
        "hidden": "Hidden tests worth {rest:g} more points check the same functions when your work is graded.",
        "missing": "No module at {path}. Put your {file} there or pass --path DIR.",
        "notimpl": "{n} test(s) fail only because a function is not implemented yet.",
        "more": "Run with -v to see full messages.",
        "broken": "Your module could not be imported:",
        "imports": "Warning: your module imports {names}. The grader provides only numpy and the Python standard "
                   "library, so these imports will fail when your work is graded (0 points). Remove them.",
    },
    "zh": {
        "title": "{slug} 的公开测试（{file}）",
        "test": "测试", "function": "函数", "points": "分数", "result": "结果",
        "passed": "通过", "failed": "未通过",
        "total": "公开测试得分：{got:g} / {max:g}。",
        "hidden": "评分时还有价值 {rest:g} 分的隐藏测试检查同样的函数。",
        "missing": "在 {path} 找不到模块。请把你的 {file} 放在那里，或使用 --path DIR 指定目录。",
        "notimpl": "{n} 个测试仅因为函数尚未实现而未通过。",
        "more": "加上 -v 可查看完整的提示信息。",
        "broken": "无法导入你的模块：",
        "imports": "警告：你的模块导入了 {names}。评分环境只提供 numpy 和 Python 标准库，"
                   "这些导入在评分时会失败（得 0 分）。请删除它们。",
    },
}


def run_check(a: catalog.Assignment, path: str | None = None, lang: str = "en", verbose: bool = False) -> int:
    from rich.console import Console
    from rich.table import Table

    t = TEXT[lang]
    con = Console(highlight=False)
    module = Path(path) if path else a.stub_file()
    module_file = module if module.suffix == ".py" else module / a.filename
    if not module_file.is_file():
        con.print(f"[red]{t['missing'].format(path=module_file, file=a.filename)}")
        return 0
    foreign = foreign_imports(module_file)
    if foreign:
        con.print(f"[yellow]{t['imports'].format(names=', '.join(foreign))}")
    try:
        results = run_local(a, module_file, hidden=False)
    except TestSuiteError as e:
        con.print(f"[red]{e}")
        return 0
    table = Table(title=t["title"].format(slug=a.slug, file=module_file), title_justify="left", show_lines=verbose)
    table.add_column("#", justify="right")
    table.add_column(t["test"])
    table.add_column(t["function"])
    table.add_column(t["points"], justify="right")
    table.add_column(t["result"])
    not_impl = 0
    for i, r in enumerate(results, 1):
        if r.passed:
            result = f"[green]{t['passed']}"
        else:
            not_impl += r.message.startswith("not implemented")
            msg = translate(r.message if verbose else r.message.strip().splitlines()[0], lang)
            result = f"[red]{t['failed']}[/red] {_escape(msg)}"
        table.add_row(str(i), r.name, r.function, f"{r.score:g}/{r.points:g}", result)
    con.print(table)
    got = sum(r.score for r in results)
    total = sum(r.points for r in results)
    con.print(t["total"].format(got=got, max=total))
    if not_impl:
        con.print(t["notimpl"].format(n=not_impl))
    if not verbose and any(not r.passed for r in results):
        con.print(t["more"])
    con.print(t["hidden"].format(rest=100 - total))
    return 0


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def foreign_imports(module_file: Path) -> list[str]:
    """Top-level modules the student imports that the grader's sandbox does not have."""
    import ast
    import sys

    try:
        tree = ast.parse(module_file.read_text(encoding="utf-8"))
    except (SyntaxError, UnicodeDecodeError):
        return []
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    allowed = set(sys.stdlib_module_names) | {"numpy", "__future__"}
    return sorted(n for n in names if n not in allowed)
