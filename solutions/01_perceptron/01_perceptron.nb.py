# %% [markdown]
# # 作业 01：感知机、逻辑门与感知机学习规则
# # Assignment 01: the perceptron, logic gates and the learning rule
#
# 这个笔记本和讲义（`README.md` / `README.en.md`）配套使用，按讲义的顺序走一遍作业：
# 每一节先用你自己的 `perceptron.py` 算几个例子、画一张图，再在单元格里运行这一节的公开测试。
#
# This notebook follows the handout section by section: each part runs a few examples with
# *your* `perceptron.py`, draws a figure from its results and runs that part's public tests.
#
# **怎么用 / How to use it**
#
# - 代码写在同一文件夹里的 `perceptron.py` 中，不要写在笔记本里。保存后重新运行下面的第一个代码单元
#   （它用 `importlib.reload` 重新载入你的模块）。
#   Write your code in `perceptron.py` next to this notebook, not here. After saving, re-run the
#   first code cell below: it reloads your module with `importlib.reload`.
# - 还没实现的函数会抛出 `NotImplementedError: ...: not implemented yet`：这很正常，实现之后再运行即可。
#   A function you have not written yet raises `NotImplementedError: ...: not implemented yet`;
#   that is expected until you implement it.
# - `check(perceptron, "step")` 在笔记本里运行某个函数的公开测试；最后一个单元格给出和终端里
#   `dlkit check 01` 相同的表格。
#   `check(perceptron, "step")` runs the public tests of one function; the last cell prints the
#   same table as `dlkit check 01` in a terminal.

# %% tags=["setup"]
# %matplotlib inline
import importlib
import os
import sys

import matplotlib.pyplot as plt
import numpy as np

if os.getcwd() not in sys.path:
    sys.path.insert(0, os.getcwd())  # the notebook sits next to perceptron.py
import perceptron

importlib.reload(perceptron)  # re-run this cell after every edit of perceptron.py

from shared import data, plots
from shared.plots import check

plots.style()
print("testing", perceptron.__file__)

# %% [markdown]
# ## 1. 阶跃函数与符号函数 / Step and sign
#
# 感知机的输出是对加权和 $z = w\cdot x + b$ 取阈值。本作业的约定：`step(0) = 0`（严格大于 0 才输出 1，
# 002 式 1.7），而 `sign(0) = +1`（000 式 5-2；注意 `np.sign(0)` 是 0）。
#
# A perceptron thresholds its weighted sum $z = w\cdot x + b$. Conventions: `step(0) = 0` (1 only
# for $z > 0$) and `sign(0) = +1` (unlike `np.sign`, which gives 0).

# %% tags=["figure"]
z = np.linspace(-3, 3, 601)
at_zero = np.array([0.0])
step_z, step_0 = perceptron.step(z), perceptron.step(at_zero)
sign_z, sign_0 = perceptron.sign(z), perceptron.sign(at_zero)

fig, axes = plt.subplots(1, 2, figsize=(8, 2.8))
for ax, values, value_at_zero, name in ((axes[0], step_z, step_0, "step"), (axes[1], sign_z, sign_0, "sign")):
    ax.plot(z, values, color="C0")
    ax.plot(0, value_at_zero[0], "o", color="C3", ms=8, label=f"{name}(0) = {value_at_zero[0]:g}")
    ax.set_title(f"{name}(z)")
    ax.set_xlabel("z")
    ax.legend(loc="upper left")
plt.show()

# %% tags=["check"]
check(perceptron, "step", "sign")

# %% [markdown]
# ## 2. 一个感知机 / One perceptron
#
# `perceptron(x, w, b) = step(x @ w + b)`：`x` 是一个样本 `(D,)` 时结果是 0 维的，
# 是一批样本 `(N, D)` 时结果的形状是 `(N,)`。
#
# `perceptron(x, w, b) = step(x @ w + b)`: one sample `(D,)` gives a 0-d result, a batch
# `(N, D)` gives shape `(N,)`.

# %%
X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
w, b = np.array([0.5, 0.5]), -0.7
print("batch:      ", perceptron.perceptron(X, w, b))
print("one sample: ", perceptron.perceptron(X[3], w, b), "shape", np.shape(perceptron.perceptron(X[3], w, b)))

# %% tags=["check"]
check(perceptron, "perceptron")

# %% [markdown]
# ## 3. 单层感知机实现的逻辑门 / Gates as single perceptrons
#
# 与门、与非门、或门、或非门各是一个感知机：权重和偏置由你来选（003 §1）。
# 下图把你的门在整个平面 $(x_1, x_2)$ 上求值（不只是 0/1 四个点）：着色区域是输出 1 的地方，
# 黑线就是判定边界 $w_1x_1 + w_2x_2 + b = 0$，一条直线把四个点分成两类。
# 点的颜色是正确答案：落在错误一侧的点说明权重还需要调整。
#
# AND, NAND, OR and NOR are single perceptrons whose weights you choose. The figure evaluates
# your gates on the whole plane, not only at the four corners: the shaded part is where the gate
# outputs 1 and the black line is its decision line $w_1x_1 + w_2x_2 + b = 0$. Markers show the
# correct outputs, so a marker on the wrong side means the weights need another look.

# %%
for name in ("AND", "NAND", "OR", "NOR"):
    gate = getattr(perceptron, name)
    print(f"{name:>4}(x1, x2) for (0,0) (0,1) (1,0) (1,1):", gate(data.GATE_X1, data.GATE_X2))

# %% tags=["figure"]
TRUTH = {"AND": [0, 0, 0, 1], "NAND": [1, 1, 1, 0], "OR": [0, 1, 1, 1], "NOR": [1, 0, 0, 0]}
X = np.stack([data.GATE_X1, data.GATE_X2], axis=1)
xx, yy = plots.grid((-0.5, 1.5))
regions = {name: plots.attempt(getattr(perceptron, name), xx, yy) for name in TRUTH}

fig, axes = plt.subplots(1, 4, figsize=(13, 3.4))
for ax, (name, truth) in zip(axes, TRUTH.items()):
    if regions[name] is None:
        plots.placeholder(ax)
        ax.set_title(name)
        continue
    plots.decision_region(ax, xx, yy, regions[name], f"{name}: one line", X, np.array(truth))
    ax.set_xlabel("$x_1$")
axes[0].set_ylabel("$x_2$")
plt.show()

# %% tags=["check"]
check(perceptron, "AND", "NAND", "OR", "NOR")

# %% [markdown]
# ## 4. 异或门需要两层 / XOR needs a second layer
#
# 异或的两个 1 位于对角 (0,1) 和 (1,0)：任何一条直线都无法把它们和 (0,0)、(1,1) 分开。
# 但是 XOR = AND(NAND, OR)：第一层的与非门和或门各画一条线，第二层的与门取两个半平面的交集，
# 得到两条线之间的带状区域。右图换一个角度看：第一层把四个点映射到 $(s_1, s_2) = (\mathrm{NAND}, \mathrm{OR})$，
# 在这个新空间里它们可以被一条直线（与门）分开。
#
# XOR's two 1s sit on a diagonal: no single line separates them from (0,0) and (1,1). But
# XOR = AND(NAND, OR): the first layer draws two lines (NAND and OR), the second layer keeps the
# intersection of their half-planes, the band between the lines. The last panel shows the same
# thing from the second layer's point of view: in the space of the hidden outputs
# $(s_1, s_2) = (\mathrm{NAND}, \mathrm{OR})$ the four points *are* separable by one line (AND).

# %%
for name in ("XOR", "XNOR"):
    gate = getattr(perceptron, name)
    print(f"{name:>4}(x1, x2) for (0,0) (0,1) (1,0) (1,1):", gate(data.GATE_X1, data.GATE_X2))

# %% tags=["figure", "key-figure"]
X, y_xor = data.xor_data()
xx, yy = plots.grid((-0.5, 1.5), n=401)
nand_grid, or_grid = perceptron.NAND(xx, yy), perceptron.OR(xx, yy)
xor_grid = perceptron.XOR(xx, yy)
hidden = np.stack([perceptron.NAND(data.GATE_X1, data.GATE_X2), perceptron.OR(data.GATE_X1, data.GATE_X2)], axis=1)
and_grid = perceptron.AND(xx, yy)

fig, axes = plt.subplots(1, 4, figsize=(14, 3.7))
plots.decision_region(axes[0], xx, yy, nand_grid, "layer 1: $s_1$ = NAND", X, y_xor)
plots.decision_region(axes[1], xx, yy, or_grid, "layer 1: $s_2$ = OR", X, y_xor)
plots.decision_region(axes[2], xx, yy, xor_grid, "XOR = AND($s_1$, $s_2$): a band", X, y_xor, boundary=False)
axes[2].contour(xx, yy, nand_grid, levels=[0.5], colors="C0", linestyles="--", linewidths=1.5)
axes[2].contour(xx, yy, or_grid, levels=[0.5], colors="C4", linestyles="--", linewidths=1.5)
nand_line = axes[2].plot([], [], "--", color="C0", label="NAND line")[0]
or_line = axes[2].plot([], [], "--", color="C4", label="OR line")[0]
axes[2].legend(handles=[nand_line, or_line], loc="upper right", fontsize=8)
plots.decision_region(axes[3], xx, yy, and_grid, "layer 2 sees ($s_1$, $s_2$): AND", hidden, y_xor)
for s in np.unique(hidden, axis=0):  # which inputs land on each hidden point
    inputs = [f"({a},{b_})" for a, b_, h in zip(data.GATE_X1, data.GATE_X2, hidden) if np.array_equal(h, s)]
    right = s[0] > 0.5
    axes[3].annotate("x = " + ", ".join(inputs), s, xytext=(-10 if right else 10, -16 if right else 10),
                     textcoords="offset points", ha="right" if right else "left", fontsize=8)
for ax in axes[:3]:
    ax.set_xlabel("$x_1$")
axes[0].set_ylabel("$x_2$")
axes[3].set_xlabel("$s_1$ = NAND($x_1$, $x_2$)")
axes[3].set_ylabel("$s_2$ = OR($x_1$, $x_2$)")
axes[0].legend(loc="upper right", fontsize=8)
plt.show()

# %% tags=["check"]
check(perceptron, "XOR", "XNOR")

# %% [markdown]
# ## 5. 感知机学习规则 / Rosenblatt's learning rule
#
# 从 $w = 0, b = 0$ 出发，按顺序逐个访问样本：$\hat y = \mathrm{step}(x_i\cdot w + b)$，
# $w \mathrel{+}= \eta\,(y_i - \hat y)\,x_i$，$b \mathrel{+}= \eta\,(y_i - \hat y)$；
# 某一轮没有错误就停止。线性可分的与门、或门很快收敛；异或门每一轮都至少错一个，永远不收敛。
#
# Starting from $w = 0, b = 0$, visit the samples in order and correct the weights after every
# mistake; stop after an epoch without mistakes. AND and OR (linearly separable) converge within
# a few epochs; on XOR every epoch makes mistakes, forever.

# %% tags=["figure"]
X, _ = data.xor_data()
targets = {"AND": [0, 0, 0, 1], "OR": [0, 1, 1, 1], "XOR": [0, 1, 1, 0]}
runs = {name: perceptron.train_perceptron(X, np.array(t, dtype=float), lr=0.1, max_epochs=30)
        for name, t in targets.items()}
xx, yy = plots.grid((-0.5, 1.5))

fig, axes = plt.subplots(1, 3, figsize=(13, 3.6))
for name, (w, b, converged, mistakes) in runs.items():
    axes[0].plot(range(1, len(mistakes) + 1), mistakes, marker="o", ms=3,
                 label=f"{name}: {'converged' if converged else 'not converged'} after {len(mistakes)} epochs")
axes[0].set_xlabel("epoch")
axes[0].set_ylabel("mistakes in the epoch")
axes[0].set_title("training the perceptron")
axes[0].yaxis.get_major_locator().set_params(integer=True)
axes[0].legend()
for ax, name in zip(axes[1:], ("AND", "XOR")):
    w, b, converged, _ = runs[name]
    plots.decision_region(ax, xx, yy, (xx * w[0] + yy * w[1] + b > 0).astype(float),
                          f"{name}: line after training", X, np.array(targets[name]))
    ax.set_xlabel("$x_1$")
plt.show()

# %% tags=["check"]
check(perceptron, "train_perceptron")

# %% [markdown]
# ## 6. 全部公开测试 / All public tests
#
# 下面的表格与在终端运行 `dlkit check 01` 的结果相同。评分时还会运行检查同样函数的隐藏测试。
#
# The table below is what `dlkit check 01` prints in a terminal. Grading adds hidden tests of the
# same functions.

# %% tags=["check"]
from autograder import catalog
from autograder.check import run_check

_ = run_check(catalog.resolve("01"), path=".")
