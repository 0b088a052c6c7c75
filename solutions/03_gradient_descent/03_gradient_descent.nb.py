# %% [markdown]
# # 作业 03：梯度下降及其变体
# # Assignment 03: gradient descent and its variants
#
# 这个笔记本和讲义（`README.md` / `README.en.md`）配套使用，按讲义的顺序：梯度下降、最速下降（精确线搜索）、
# 共轭梯度、批量/小批量/随机梯度下降，最后是 Momentum、AdaGrad、RMSProp、Adam 四种更新规则。
# 每一节都用你自己的 `optim.py` 画出优化路径。
#
# This notebook follows the handout: gradient descent, steepest descent with an exact line
# search, conjugate gradients, batch / mini-batch / stochastic gradient descent, and the update
# rules Momentum, AdaGrad, RMSProp and Adam. Every figure draws the paths *your* `optim.py` takes.
#
# - 代码写在同一文件夹的 `optim.py` 里；保存后重新运行第一个代码单元（`importlib.reload`）。
#   Write your code in `optim.py`; after saving, re-run the first code cell.
# - 未实现的函数抛出 `NotImplementedError`；多面板的图会把这些面板标成 "not implemented yet"。
#   Functions you have not written raise `NotImplementedError`; multi-panel figures mark them.
# - 最后一个单元格给出与 `dlkit check 03` 相同的表格。The last cell prints the `dlkit check 03` table.

# %% tags=["setup"]
# %matplotlib inline
import importlib
import os
import sys

import matplotlib.pyplot as plt
import numpy as np

if os.getcwd() not in sys.path:
    sys.path.insert(0, os.getcwd())  # the notebook sits next to optim.py
import optim

importlib.reload(optim)  # re-run this cell after every edit of optim.py

from shared import data, plots
from shared.plots import check

plots.style()
print("testing", optim.__file__)

# %% [markdown]
# ## 1. 梯度下降 / Gradient descent (000 Algorithm 1)
#
# $x_{i+1} = x_i - \alpha\,\nabla f(x_i)$。以 $f(x) = x^2 + 2x + 1$ 为例（最小值在 $x^* = -1$，$f'' = 2$）：
# 步长 $\alpha = 0.1$ 平稳收敛；$\alpha = 0.5$ 一步到位；$\alpha = 0.9$ 来回振荡；$\alpha > 1$ 发散。
#
# On $f(x) = x^2 + 2x + 1$ (minimum at $x^* = -1$, $f'' = 2$): a step of 0.1 creeps in, 0.5 lands
# in one step, 0.9 oscillates around the minimum and anything above 1 diverges.

# %%
trajectory = optim.gradient_descent(lambda x: 2 * x + 2, np.array(3.0), lr=0.1, num_iters=5)
print("trajectory:", trajectory)
print("closed form (x0 + 1) 0.8^i - 1:", (3.0 + 1) * 0.8 ** np.arange(6) - 1)

# %% tags=["figure"]
f = lambda x: x ** 2 + 2 * x + 1  # noqa: E731
rates = [0.1, 0.5, 0.9, 1.02]
paths = {lr: optim.gradient_descent(lambda x: 2 * x + 2, np.array(2.0), lr=lr, num_iters=12) for lr in rates}

fig, axes = plt.subplots(1, 2, figsize=(11, 3.8))
xs = np.linspace(-4.5, 2.5, 200)
axes[0].plot(xs, f(xs), color="0.6")
for i, (lr, t) in enumerate(paths.items()):
    axes[0].plot(t[:6], f(t[:6]), "o-", ms=4, color=f"C{i}", label=f"lr = {lr}")
    axes[1].semilogy(np.abs(t + 1) + 1e-16, "o-", ms=3, color=f"C{i}", label=f"lr = {lr}")
axes[0].set(title="first 5 steps on $f(x) = x^2 + 2x + 1$", xlabel="x", ylabel="f(x)", ylim=(-0.5, 12))
axes[0].legend()
axes[1].set(title="distance to the minimum", xlabel="iteration i", ylabel="$|x_i - x^*|$", ylim=(1e-17, 1e2))
plt.show()

# %% tags=["check"]
check(optim, "gradient_descent")

# %% [markdown]
# ## 2. 最速下降与共轭梯度 / Steepest descent and conjugate gradients (000 Algorithms 2 and 3)
#
# 在二次函数 $f(x) = \tfrac12 x^\mathsf{T} A x - b^\mathsf{T} x$ 上比较三种方法（条件数 10 的狭长山谷）：
# 固定步长的梯度下降在山谷两侧来回跳；最速下降每一步都做精确线搜索，相邻两步互相垂直，走出锯齿；
# 共轭梯度在 $n = 2$ 维中两步就到达最小值 $A^{-1}b$。先用讲义里的例子核对数字。
#
# On a quadratic valley (condition number 10): fixed-step gradient descent bounces across the
# valley, steepest descent's exact line search makes consecutive steps orthogonal (a zig-zag), and
# conjugate gradients reach the minimiser $A^{-1}b$ in $n = 2$ steps. First the handout's example.

# %%
A = np.array([[4.0, 1.0], [1.0, 3.0]])
b = np.array([1.0, 2.0])
x0 = np.array([2, 1])
print("steepest descent, 2 steps:\n", optim.steepest_descent(lambda x: A @ x - b, lambda x: A, x0, num_iters=2))
x, trajectory = optim.conjugate_gradient(A, b, x0)
print("conjugate gradients:\n", trajectory)
print("A^-1 b =", np.linalg.solve(A, b))

# %% tags=["figure"]
A, b, x0 = data.quadratic_problem()
x_star = np.linalg.solve(A, b)
grad = lambda x: A @ x - b  # noqa: E731
quadratic = lambda x, y: 0.5 * (A[0, 0] * x * x + 2 * A[0, 1] * x * y + A[1, 1] * y * y) - b[0] * x - b[1] * y  # noqa: E731
runs = [
    ("gradient descent, lr = 0.17", lambda: optim.gradient_descent(grad, x0, lr=0.17, num_iters=30)),
    ("steepest descent (exact line search)", lambda: optim.steepest_descent(grad, lambda x: A, x0, num_iters=30)),
    ("conjugate gradients", lambda: optim.conjugate_gradient(A, b, x0)[1]),
]
levels = quadratic(*x_star) + np.linspace(0.15, 4.5, 14) ** 2

fig, axes = plt.subplots(1, 3, figsize=(15, 4.2))
for ax, (name, run) in zip(axes, runs):
    plots.contour(ax, quadratic, (-3.5, 3), (-1.8, 2.2), levels=levels)
    ax.plot(*x_star, "*", color="k", ms=12)
    t = plots.attempt(run)
    if t is None:
        plots.placeholder(ax)
    else:
        plots.path(ax, t, color="C3")
        error = np.linalg.norm(t[-1] - x_star)
        ax.set_xlabel(f"{len(t) - 1} steps, distance to the minimum {error:.1e}")
    ax.set_title(name)
    ax.set_aspect("equal")
plt.show()

# %% tags=["check"]
check(optim, "steepest_descent", "conjugate_gradient")

# %% [markdown]
# ## 3. 批量、小批量与随机梯度下降 / Batch, mini-batch and stochastic gradient descent (004 §5.2.6)
#
# 用均方误差拟合线性回归。每个 epoch 中，批量梯度下降只走一步；小批量（这里 $B = 16$）走 $\lceil N/B\rceil$ 步；
# SGD 每个样本走一步。步数越多，前几个 epoch 下降得越快，但用的梯度噪声越大，损失在噪声水平附近抖动。
#
# Linear regression with the mean squared error. Per epoch, batch gradient descent takes one step,
# mini-batch (here $B = 16$) takes $\lceil N/B\rceil$ and SGD one per sample: more, noisier steps
# bring the loss down in fewer epochs, and then it jitters around the noise floor.

# %% tags=["figure"]
X, y, w_true, b_true = data.linear_regression(n=200, d=3, noise=0.3, seed=0)
fits = {
    "batch": optim.fit_linear_regression(X, y, method="batch", lr=0.05, epochs=40),
    "minibatch, B = 16": optim.fit_linear_regression(X, y, method="minibatch", lr=0.05, epochs=40, batch_size=16),
    "sgd": optim.fit_linear_regression(X, y, method="sgd", lr=0.01, epochs=40),
}
X1 = np.c_[X, np.ones(len(y))]  # least squares with a bias column: the best MSE any method can reach
floor = np.mean((X1 @ np.linalg.lstsq(X1, y, rcond=None)[0] - y) ** 2)

fig, ax = plt.subplots(figsize=(7, 4))
for name, (w, b, losses) in fits.items():
    ax.semilogy(range(1, len(losses) + 1), losses, label=f"{name}: w = {np.round(w, 2)}, b = {b:.2f}")
ax.axhline(floor, color="0.4", ls=":", label=f"least squares: MSE {floor:.3f}")
ax.set(title=f"full-data MSE after each epoch (true w = {w_true}, b = {b_true})", xlabel="epoch", ylabel="MSE")
ax.legend()
plt.show()

# %% tags=["check"]
check(optim, "fit_linear_regression")

# %% [markdown]
# ## 4. 更新规则 / Update rules (003 §6.1)
#
# 先核对讲义里的数字：梯度恒为 1、$\eta = 0.1$ 时，Momentum 得到 $W = -0.1, -0.29, -0.561$；
# AdaGrad 的步长是 $0.1/\sqrt t$；Adam 因为偏置校正，第一步约为 $\eta$。
#
# The handout's numbers first: with a constant gradient 1 and $\eta = 0.1$, Momentum gives
# $W = -0.1, -0.29, -0.561$, AdaGrad steps $0.1/\sqrt t$, and Adam's first step is about $\eta$.

# %%
def three_steps(opt):
    params = {"W": np.zeros(1)}
    values = []
    for _ in range(3):
        opt.update(params, {"W": np.ones(1)})
        values.append(round(float(params["W"][0]), 6))
    return values


for name, make in [("SGD", lambda: optim.SGD(lr=0.1)), ("Momentum", lambda: optim.Momentum(lr=0.1)),
                   ("AdaGrad", lambda: optim.AdaGrad(lr=0.1)), ("RMSProp", lambda: optim.RMSProp(lr=0.1)),
                   ("Adam", lambda: optim.Adam(lr=0.1))]:
    values = plots.attempt(lambda: three_steps(make()))
    if values is not None:
        print(f"{name:>8}: W after 1, 2, 3 steps = {values}")

# %% [markdown]
# 在 003 §6.1 的函数 $f(x, y) = x^2/20 + y^2$ 上（沿 $x$ 方向又长又平的山谷），从 $(-7, 2)$ 出发各走 30 步：
# SGD 在 $y$ 方向来回振荡、沿 $x$ 方向前进缓慢；Momentum 像小球一样滚过去；AdaGrad 和 RMSProp
# 按坐标调整步长，$y$ 方向的振荡很快被抑制；Adam 结合了两者。
#
# 30 steps each on 003 §6.1's $f(x, y) = x^2/20 + y^2$ from $(-7, 2)$: SGD zig-zags in $y$ and
# crawls along $x$, Momentum rolls like a ball, AdaGrad and RMSProp scale the step per coordinate
# and damp the oscillation, Adam combines both ideas.

# %% tags=["figure", "key-figure"]
f, grad, start = data.elongated_quadratic()


def optimizer_path(make, steps=30):
    opt = make()
    params = {"xy": start.copy()}
    points = [params["xy"].copy()]
    for _ in range(steps):
        opt.update(params, {"xy": grad(params["xy"])})
        points.append(params["xy"].copy())
    return np.array(points)


optimizers = [
    ("SGD, lr = 0.95", lambda: optim.SGD(lr=0.95)),
    ("Momentum, lr = 0.1", lambda: optim.Momentum(lr=0.1, momentum=0.9)),
    ("AdaGrad, lr = 1.5", lambda: optim.AdaGrad(lr=1.5)),
    ("RMSProp, lr = 0.3", lambda: optim.RMSProp(lr=0.3, decay_rate=0.9)),
    ("Adam, lr = 0.3", lambda: optim.Adam(lr=0.3)),
]
paths = [(name, plots.attempt(optimizer_path, make)) for name, make in optimizers]

fig, axes = plt.subplots(2, 3, figsize=(15, 5.4))
for i, (ax, (name, t)) in enumerate(zip(axes.flat, paths)):
    plots.contour(ax, f, (-10, 10), (-4, 4), levels=np.array([0.05, 0.2, 0.5, 1, 2, 3.5, 5.5, 8, 11, 15]))
    ax.plot(0, 0, "+", color="k", ms=10)
    if t is None:
        plots.placeholder(ax)
    else:
        plots.path(ax, t, color=f"C{i}")
        axes.flat[5].semilogy(f(t[:, 0], t[:, 1]), color=f"C{i}", label=name.split(",")[0])
    ax.set_title(name)
    ax.set_aspect("equal")
axes.flat[5].set(title="$f(x, y)$ along the path", xlabel="step", ylabel="f")
axes.flat[5].legend(ncol=2)
plt.show()

# %% tags=["check"]
check(optim, "SGD", "Momentum", "AdaGrad", "RMSProp", "Adam")

# %% [markdown]
# ## 5. 全部公开测试 / All public tests
#
# 与在终端运行 `dlkit check 03` 相同；评分时还会运行检查同样函数的隐藏测试。
# The same table as `dlkit check 03`; grading adds hidden tests of the same functions.

# %% tags=["check"]
from autograder import catalog
from autograder.check import run_check

_ = run_check(catalog.resolve("03"), path=".")
