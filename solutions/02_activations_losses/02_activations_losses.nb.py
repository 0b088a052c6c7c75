# %% [markdown]
# # 作业 02：激活函数与损失函数
# # Assignment 02: activation functions and loss functions
#
# 这个笔记本和讲义（`README.md` / `README.en.md`）配套使用，按讲义的顺序走一遍：激活函数及其导数、
# softmax 及其反向传播、回归损失、KL 散度与交叉熵。每一节用你自己的 `functions.py` 画图，
# 再在单元格里运行这一节的公开测试。
#
# This notebook follows the handout: activations and their derivatives, softmax and its backward
# pass, regression losses, KL divergence and the cross-entropies. Each part draws from *your*
# `functions.py` and runs that part's public tests.
#
# - 代码写在同一文件夹的 `functions.py` 里；保存后重新运行第一个代码单元（`importlib.reload`）。
#   Write your code in `functions.py`; after saving, re-run the first code cell.
# - 未实现的函数抛出 `NotImplementedError`；多面板的图会把这些面板标成 "not implemented yet"。
#   Functions you have not written raise `NotImplementedError`; figures with several panels mark
#   those panels "not implemented yet".
# - 最后一个单元格给出与 `dlkit check 02` 相同的表格。The last cell prints the `dlkit check 02` table.

# %% tags=["setup"]
# %matplotlib inline
import importlib
import os
import sys

import matplotlib.pyplot as plt
import numpy as np

if os.getcwd() not in sys.path:
    sys.path.insert(0, os.getcwd())  # the notebook sits next to functions.py
import functions

importlib.reload(functions)  # re-run this cell after every edit of functions.py

from shared import plots
from shared.checks import rel_error
from shared.gradcheck import numerical_gradient
from shared.plots import check

plots.style()
print("testing", functions.__file__)

# %% [markdown]
# ## 1. 激活函数及其导数 / Activation functions and their derivatives
#
# sigmoid、tanh、ReLU、Leaky ReLU、ELU（000 式 5-5 至 5-9）。`f_grad(x)` 是在输入 $x$ 处的导数。
# 在折点 $x = 0$ 处的约定：`relu_grad(0) = 0`，`leaky_relu_grad(0) = elu_grad(0) = 1`（图中的圆点）。
# 注意 sigmoid 的导数最大只有 0.25，tanh 的导数在两侧趋于 0：这就是深层网络中梯度消失的来源。
#
# Sigmoid, tanh, ReLU, leaky ReLU and ELU, solid, with their derivatives dashed. At the kink the
# course takes `relu_grad(0) = 0` and `leaky_relu_grad(0) = elu_grad(0) = 1` (the dots). The
# sigmoid's slope is at most 0.25 and tanh's vanishes on both sides: the root of vanishing gradients.

# %%
x = np.array([-1000.0, -1.0, 0.0, 1.0, 1000.0])
with np.errstate(over="raise", invalid="raise", divide="raise"):  # the stability the tests ask for
    print("sigmoid:", functions.sigmoid(x))
    print("elu:    ", functions.elu(x))

# %% tags=["figure", "key-figure"]
x = np.linspace(-4, 4, 801)
zero = np.array([0.0])
pairs = [
    ("sigmoid", functions.sigmoid, functions.sigmoid_grad, {}),
    ("tanh", functions.tanh, functions.tanh_grad, {}),
    ("relu", functions.relu, functions.relu_grad, {}),
    ("leaky_relu (alpha=0.1)", functions.leaky_relu, functions.leaky_relu_grad, {"alpha": 0.1}),
    ("elu (alpha=1)", functions.elu, functions.elu_grad, {"alpha": 1.0}),
]

fig, axes = plt.subplots(1, 5, figsize=(16, 3.4), sharey=True)
for ax, (name, f, f_grad, kw) in zip(axes, pairs):
    value, slope, slope_at_zero = plots.attempt(f, x, **kw), plots.attempt(f_grad, x, **kw), plots.attempt(f_grad, zero, **kw)
    if value is None or slope is None:
        plots.placeholder(ax)
    else:
        ax.plot(x, value, color="C0", label="f(x)")
        ax.plot(x, slope, "--", color="C3", label="f'(x)")
        ax.plot(0, slope_at_zero[0], "o", color="C3", ms=6)
        ax.axhline(0, color="0.5", lw=0.8)
        ax.set_xlabel("x")
        ax.legend(loc="upper left")
    ax.set_title(name)
axes[0].set_ylim(-1.3, 2.5)
plt.show()

# %% [markdown]
# 导数的数值检验：中心差分 $(f(x+h) - f(x-h)) / 2h$ 与你的 `f_grad` 之间的相对误差应远小于 $10^{-6}$
# （点取在远离折点的地方）。
#
# A check of the derivatives by central differences: the relative error should be far below
# $10^{-6}$ (the points avoid the kink).

# %%
rng = np.random.default_rng(0)
x = rng.uniform(0.1, 3.0, size=8) * rng.choice([-1, 1], size=8)  # away from the kink at 0
h = 1e-5
for name in ("sigmoid", "tanh", "relu", "leaky_relu", "elu"):
    f, f_grad = getattr(functions, name), getattr(functions, name + "_grad")
    analytic = plots.attempt(f_grad, x)
    if analytic is None or plots.attempt(f, x) is None:
        continue
    numeric = (f(x + h) - f(x - h)) / (2 * h)
    print(f"{name + '_grad':>16}: relative error {rel_error(analytic, numeric):.1e}")

# %% tags=["check"]
check(functions, "sigmoid", "sigmoid_grad", "tanh", "tanh_grad", "relu", "relu_grad",
      "leaky_relu", "leaky_relu_grad", "elu", "elu_grad")

# %% [markdown]
# ## 2. Softmax 与它的反向传播 / Softmax and its backward pass
#
# 减去最大值之后再取指数（003 §2.4），结果不变但不会溢出：`[1000, 1001, 1002]` 与 `[0, 1, 2]`
# 得到同样的概率。反向传播要用完整的雅可比矩阵：$dx = s \odot (dout - \sum dout \odot s)$。
#
# Subtracting the maximum before exponentiating changes nothing but prevents overflow. The
# backward pass uses the full Jacobian: $dx = s \odot (dout - \sum dout \odot s)$.

# %%
logits = np.array([[0.0, 1.0, 2.0], [1000.0, 1001.0, 1002.0]])
with np.errstate(over="raise", invalid="raise", divide="raise"):
    s = functions.softmax(logits)
print("softmax rows:\n", s)
print("row sums:", s.sum(axis=1))

# %%
rng = np.random.default_rng(1)
x, dout = rng.standard_normal((3, 4)), rng.standard_normal((3, 4))
dx = functions.softmax_backward(dout, functions.softmax(x))
numeric = numerical_gradient(functions.softmax, (x,), dout=dout)
print(f"softmax_backward vs central differences: relative error {rel_error(dx, numeric):.1e}")

# %% tags=["check"]
check(functions, "softmax", "softmax_backward")

# %% [markdown]
# ## 3. 回归损失 / Regression losses
#
# 下图把每个损失的单个元素项画成残差 $d = \hat y - y$ 的函数（左），右边是它对 $\hat y$ 的导数。
# MSE 的梯度随残差线性增长，对离群点非常敏感；L1 的梯度大小恒为 1，在 0 处不可导；
# Smooth L1 与 Huber 在小残差处是二次的，大残差处是线性的，梯度被截断在 $\pm 1$ 或 $\pm\delta$。
#
# Each loss's per-element term as a function of the residual $d = \hat y - y$ (left) and its
# derivative (right). The MSE gradient grows with the residual (outliers dominate), L1's has
# constant size, and smooth L1 / Huber are quadratic near 0 and linear beyond, with the gradient
# clipped at $\pm 1$ or $\pm\delta$.

# %% tags=["figure"]
d = np.linspace(-3, 3, 241)
zeros = np.zeros_like(d)
losses = [
    ("mse: $d^2$", functions.mse, functions.mse_grad, {}),
    ("l1: $|d|$", functions.l1, functions.l1_grad, {}),
    ("smooth_l1", functions.smooth_l1, functions.smooth_l1_grad, {}),
    ("huber, delta=2", functions.huber, functions.huber_grad, {"delta": 2.0}),
]

fig, axes = plt.subplots(1, 2, figsize=(11, 3.8))
for i, (name, loss, loss_grad, kw) in enumerate(losses):
    first = plots.attempt(loss, d[:1], zeros[:1], reduction="sum", **kw)
    grad = plots.attempt(loss_grad, d, zeros, reduction="sum", **kw)  # per element, for "sum"
    if first is None or grad is None:
        axes[0].plot([], [], color=f"C{i}", label=name + " (not implemented yet)")
        continue
    per_element = [loss(d[j:j + 1], zeros[j:j + 1], reduction="sum", **kw) for j in range(d.size)]
    axes[0].plot(d, per_element, color=f"C{i}", label=name)
    axes[1].plot(d, grad, color=f"C{i}", label=name)
axes[0].set(title="loss of one element", xlabel="residual $d = \\hat y - y$", ylim=(-0.2, 5))
axes[1].set(title="its gradient d loss / d $\\hat y$", xlabel="residual $d = \\hat y - y$", ylim=(-3.5, 3.5))
axes[0].legend()
plt.show()

# %%
y_pred = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
y_true = np.array([[1.5, 2.0], [2.0, 4.5], [5.0, 3.0]])
for name in ("mse", "sse", "l1", "smooth_l1", "huber"):
    print(f"{name:>10}: {getattr(functions, name)(y_pred, y_true):.6f}")
try:
    functions.mse(np.zeros((3, 1)), np.zeros(3))
except ValueError as e:
    print("mse with shapes (3, 1) and (3,) raises ValueError:", e)

# %% tags=["check"]
check(functions, "mse", "mse_grad", "sse", "sse_grad", "l1", "l1_grad", "smooth_l1", "smooth_l1_grad",
      "huber", "huber_grad")

# %% [markdown]
# ## 4. KL 散度与交叉熵 / KL divergence and the cross-entropies
#
# 左：二元交叉熵，预测概率 $p$ 离目标越远损失越大，$p$ 被截断到 $[\varepsilon, 1-\varepsilon]$，所以永远有限。
# 中：$D_{KL}(P\,\|\,Q)$ 在 $Q = P$ 时取最小值 0。
# 右：为什么要从 logits 直接计算 `softmax_cross_entropy`：先算 softmax 再取对数时，概率下溢为 0、
# 被截断到 $\varepsilon = 10^{-12}$，损失停在 $-\log\varepsilon \approx 27.6$；log-sum-exp 的结果则一直正确。
#
# Left: binary cross-entropy grows as the predicted probability moves away from the target,
# finite because $p$ is clipped. Middle: $D_{KL}(P\,\|\,Q)$ is 0 exactly when $Q = P$. Right: why
# `softmax_cross_entropy` works from the logits: through `softmax` then `cross_entropy` the
# probability underflows, gets clipped to $\varepsilon$ and the loss is stuck at
# $-\log\varepsilon \approx 27.6$; log-sum-exp stays right.

# %% tags=["figure"]
p = np.linspace(0.001, 0.999, 300)
bce_1 = [functions.binary_cross_entropy(np.array([v]), np.array([1.0])) for v in p]
bce_0 = [functions.binary_cross_entropy(np.array([v]), np.array([0.0])) for v in p]
target = np.array([0.3, 0.7])
q = np.linspace(0.01, 0.99, 197)
kl = [functions.kl_divergence(np.array([v, 1 - v]), target) for v in q]
margin = np.linspace(-45, 10, 221)
logits = np.stack([margin, np.zeros_like(margin), np.zeros_like(margin)], axis=1)  # class 0 is the answer
labels = np.zeros(len(margin), dtype=int)
stable = [functions.softmax_cross_entropy(logits[i:i + 1], labels[i:i + 1]) for i in range(len(margin))]
two_step = [functions.cross_entropy(functions.softmax(logits[i:i + 1]), labels[i:i + 1]) for i in range(len(margin))]

fig, axes = plt.subplots(1, 3, figsize=(15, 3.8))
axes[0].plot(p, bce_1, label="target y = 1")
axes[0].plot(p, bce_0, label="target y = 0")
axes[0].set(title="binary cross-entropy", xlabel="predicted probability p", ylabel="loss")
axes[0].legend()
axes[1].plot(q, kl, color="C2")
axes[1].axvline(target[0], color="0.5", ls=":", label="Q = P")
axes[1].set(title="$D_{KL}(P \\| Q)$, P = (0.3, 0.7), Q = (q, 1 - q)", xlabel="q", ylabel="divergence")
axes[1].legend()
axes[2].plot(margin, stable, label="softmax_cross_entropy (log-sum-exp)")
axes[2].plot(margin, two_step, "--", label="cross_entropy(softmax(logits))")
axes[2].set(title="loss of the right class vs its logit", xlabel="logit of the right class (others 0)", ylabel="loss")
axes[2].legend()
plt.show()

# %%
probs = np.array([[0.7, 0.2, 0.1], [0.1, 0.1, 0.8], [0.3, 0.4, 0.3]])
labels = np.array([0, 2, 1])
print("cross_entropy, labels :", functions.cross_entropy(probs, labels))
print("cross_entropy, one-hot:", functions.cross_entropy(probs, np.eye(3)[labels]))
print("softmax_cross_entropy_grad of huge logits:\n",
      functions.softmax_cross_entropy_grad(np.array([[1000.0, 1001.0, 1002.0]]), np.array([2])))

# %% tags=["check"]
check(functions, "kl_divergence", "kl_divergence_grad", "cross_entropy", "cross_entropy_grad",
      "binary_cross_entropy", "binary_cross_entropy_grad", "softmax_cross_entropy", "softmax_cross_entropy_grad")

# %% [markdown]
# ## 5. 全部公开测试 / All public tests
#
# 与在终端运行 `dlkit check 02` 相同；评分时还会运行检查同样函数的隐藏测试。
# The same table as `dlkit check 02`; grading adds hidden tests of the same functions.

# %% tags=["check"]
from autograder import catalog
from autograder.check import run_check

_ = run_check(catalog.resolve("02"), path=".")
