"""Chinese versions of the grader's fixed phrases (``--lang zh``); values and names stay as they are."""

from __future__ import annotations

import re

# (English pattern, Chinese replacement); applied in order to each message.
_ZH = [
    (r"not implemented yet \(NotImplementedError: (.*?)\)", r"尚未实现（NotImplementedError: \1）"),
    (r"your code raised (\w+): ", r"你的代码抛出了 \1："),
    (r"timed out after ([\d.]+) s while calling ", r"超时（\1 秒），正在调用 "),
    (r"timed out after ([\d.]+) s while importing your module", r"超时（\1 秒），正在导入你的模块"),
    (r"wrong values?", "数值错误"),
    (r" at index (\S+): got (\S+), expected (\S+) ", r"，位置 \1：实际 \2，应为 \3 "),
    (r": got (\S+), expected (\S+) ", r"：实际 \1，应为 \2 "),
    (r"\((\d+) of (\d+) entries differ\)", r"（\2 个元素中有 \1 个不同）"),
    (r"expected shape (\S+), got shape (\S+)", r"形状应为 \1，实际为 \2"),
    (r"expected a numpy\.ndarray, got (\S+)", r"应返回 numpy.ndarray，实际返回 \1"),
    (r"expected a real scalar, got (\S+)", r"应返回实数标量，实际返回 \1"),
    (r"expected (float|integer|bool) values, got dtype (\S+)", r"数据类型应为 \1，实际为 \2"),
    (r"got non-finite values", "结果中出现 nan 或 inf"),
    (r"was modified in place: functions must not change their arguments", "被原地修改：函数不得修改其参数"),
    (r"does not match the numerical gradient", "与数值梯度不一致"),
    (r"does not match central differences", "与中心差分结果不一致"),
    (r"relative error", "相对误差"), (r"absolute error", "绝对误差"),
    (r"the worker process died", "运行你代码的进程意外退出"),
    (r"the submission used up its time budget", "提交用完了总时间预算"),
    (r"check failed: ", "检查未通过："),
    (r"importing (\S+) failed", r"导入 \1 失败"),
]

LABELS = {
    "en": {"score": "Score", "status": "status", "test": "test", "function": "function", "points": "points",
           "result": "result", "passed": "passed", "failed": "FAILED", "fix": "What to fix",
           "public": "public", "hidden": "hidden"},
    "zh": {"score": "得分", "status": "状态", "test": "测试", "function": "函数", "points": "分数",
           "result": "结果", "passed": "通过", "failed": "未通过", "fix": "需要修改的地方",
           "public": "公开", "hidden": "隐藏"},
}


def translate(message: str, lang: str) -> str:
    if lang != "zh":
        return message
    for pattern, repl in _ZH:
        message = re.sub(pattern, repl, message)
    return message
