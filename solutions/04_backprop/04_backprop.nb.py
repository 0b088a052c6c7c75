# %% [markdown]
# # 作业 04：误差反向传播
# # Assignment 04: error backpropagation
#
# 这个笔记本和讲义（`README.md` / `README.en.md`）配套使用，按讲义的顺序：计算图的乘法和加法节点、
# 各层的前向与反向传播、数值梯度与梯度检验、三层网络与 BP 算法，最后用你的网络学会异或。
#
# This notebook follows the handout: multiplication and addition nodes, the forward and backward
# passes of layers, numerical gradients and the gradient check, the three-layer network and the
# BP algorithm, and finally *your* network learning XOR.
#
# - 代码写在同一文件夹的 `backprop.py` 里；保存后重新运行第一个代码单元（`importlib.reload`）。
#   Write your code in `backprop.py`; after saving, re-run the first code cell.
# - 未实现的函数抛出 `NotImplementedError`，实现之后再运行即可。
#   Functions you have not written raise `NotImplementedError` until you write them.
# - 最后一个单元格给出与 `dlkit check 04` 相同的表格。The last cell prints the `dlkit check 04` table.

# %% tags=["setup"]
# %matplotlib inline
import importlib
import os
import sys

import matplotlib.pyplot as plt
import numpy as np

if os.getcwd() not in sys.path:
    sys.path.insert(0, os.getcwd())  # the notebook sits next to backprop.py
import backprop

importlib.reload(backprop)  # re-run this cell after every edit of backprop.py

from shared import data, plots
from shared.checks import rel_error
from shared.gradcheck import numerical_gradient as central_differences
from shared.plots import check

plots.style()
print("testing", backprop.__file__)

# %% [markdown]
# ## 1. 计算图：乘法节点与加法节点 / Computational graphs: multiplication and addition nodes
#
# 买苹果的例子（003 §5）：单价 100，买 2 个，税率 1.1。前向得到 220；从 $dout = 1$ 反向传播，
# 乘法节点把上游导数乘以"另一个"输入。
#
# The apple example: price 100, 2 apples, tax 1.1. Forward gives 220; going backward from
# $dout = 1$, a multiplication node multiplies the upstream derivative by the *other* input.

# %%
apple, num, tax = 100, 2, 1.1
mul_apple, mul_tax = backprop.MulLayer(), backprop.MulLayer()
price = mul_tax.forward(mul_apple.forward(apple, num), tax)
d_apple_price, d_tax = mul_tax.backward(1)
d_apple, d_num = mul_apple.backward(d_apple_price)
print(f"price {price:.2f}; d apple = {d_apple:.2f}, d num = {d_num:.2f}, d tax = {d_tax:.2f}")

# %% [markdown]
# 再加上 3 个单价 150 的橘子：加法节点把上游导数原样传给两个输入。
# Add 3 oranges at 150 each: an addition node passes the upstream derivative on unchanged.

# %%
orange, n_orange = 150, 3
mul_a, mul_o, add, mul_t = backprop.MulLayer(), backprop.MulLayer(), backprop.AddLayer(), backprop.MulLayer()
total = mul_t.forward(add.forward(mul_a.forward(apple, num), mul_o.forward(orange, n_orange)), tax)
d_sum, d_tax = mul_t.backward(1)
d_apples, d_oranges = add.backward(d_sum)
print(f"total {total:.2f}; d apple = {mul_a.backward(d_apples)[0]:.2f}, d orange = {mul_o.backward(d_oranges)[0]:.2f}, "
      f"d tax = {d_tax:.2f}")

# %% tags=["check"]
check(backprop, "MulLayer", "AddLayer")

# %% [markdown]
# ## 2. 各层的前向与反向传播 / Forward and backward passes of layers
#
# 每个反向传播都和中心差分比较（`shared.gradcheck`，与测试所用的相同）：把 $L = \sum out \odot dout$
# 对输入求数值梯度，$dout$ 是随机的上游梯度。相对误差应在 $10^{-7}$ 以下。
#
# Each backward pass against central differences of $L = \sum out \odot dout$ for a random upstream
# $dout$ (the same check the tests use). Relative errors should be below about $10^{-7}$.

# %%
rng = np.random.default_rng(0)
x, W, b = rng.standard_normal((4, 5)), rng.standard_normal((5, 3)), rng.standard_normal(3)
dout = rng.standard_normal((4, 3))
out, cache = backprop.affine_forward(x, W, b)
dx, dW, db = backprop.affine_backward(dout, cache)
for name, analytic, wrt in (("dx", dx, 0), ("dW", dW, 1), ("db", db, 2)):
    numeric = central_differences(backprop.affine_forward, (x, W, b), wrt=wrt, dout=dout, pick=0)
    print(f"affine_backward {name}: relative error {rel_error(analytic, numeric):.1e}")

# %%
rng = np.random.default_rng(1)
x = rng.standard_normal((4, 6))
x = np.where(np.abs(x) < 0.05, 0.5, x)  # keep away from ReLU's kink
dout = rng.standard_normal((4, 6))
for name in ("sigmoid", "relu", "tanh"):
    forward, backward = getattr(backprop, name + "_forward"), getattr(backprop, name + "_backward")
    if plots.attempt(forward, x) is None:
        continue
    out, cache = forward(x)
    dx = plots.attempt(backward, dout, cache)
    if dx is not None:
        numeric = central_differences(forward, (x,), dout=dout, pick=0)
        print(f"{name}_backward: relative error {rel_error(dx, numeric):.1e}")

# %% tags=["check"]
check(backprop, "affine_forward", "affine_backward", "sigmoid_forward", "sigmoid_backward",
      "relu_forward", "relu_backward", "tanh_forward", "tanh_backward")

# %% [markdown]
# ## 3. 数值梯度 / Numerical gradient (003 §4.1)
#
# `numerical_gradient(f, x)` 原地扰动 `x` 的每个元素、调用不带参数的 `f()`，最后把 `x` 恢复原样。
# 对 $f = \sum x^2$，梯度应为 $2x$。
#
# `numerical_gradient(f, x)` perturbs each entry of `x` in place, calls `f()` (which reads `x`)
# and restores `x`. For $f = \sum x^2$ the gradient is $2x$.

# %%
x = np.array([[3.0, -4.0], [0.5, 2.0]])
before = x.copy()
g = backprop.numerical_gradient(lambda: np.sum(x ** 2), x)
print("numerical gradient:\n", g)
print("relative error vs 2x:", f"{rel_error(g, 2 * x):.1e}", "| x restored:", np.array_equal(x, before))

# %% tags=["check"]
check(backprop, "numerical_gradient")

# %% [markdown]
# ## 4. 三层网络与 BP 算法 / The three-layer network and the BP algorithm (004 §5.2.4)
#
# ### 4.1 讲义中的手算例子 / The handout's worked example (Mazur's 2-2-2 network)
#
# 期望值 / expected: outputs $(0.75136507, 0.772928465)$, $E = 0.298371109$,
# $\partial E/\partial W_2[0,0] = 0.082167041$, $\partial E/\partial W_1[0,0] = 0.000438568$。

# %%
net = backprop.ThreeLayerNet(2, 2, 2)
net.params["W1"] = np.array([[0.15, 0.25], [0.20, 0.30]])
net.params["b1"] = np.array([0.35, 0.35])
net.params["W2"] = np.array([[0.40, 0.50], [0.45, 0.55]])
net.params["b2"] = np.array([0.60, 0.60])
x, t = np.array([[0.05, 0.10]]), np.array([[0.01, 0.99]])
print("outputs:", net.forward(x))
print("E =", net.loss(x, t))
grads = net.gradient(x, t)
print("dE/dW2[0,0] =", grads["W2"][0, 0], " dE/dW1[0,0] =", grads["W1"][0, 0])
net.train_step(x, t, lr=0.5)
print("W2 after one step:\n", net.params["W2"])

# %% [markdown]
# ### 4.2 梯度检验 / Gradient check
#
# 反向传播得到的梯度与数值梯度比较：ReLU 隐藏层、softmax 输出、带权重衰减、一批 5 个样本。
# Backpropagation against the numerical gradient: ReLU hidden layer, softmax output, weight decay, N = 5.

# %%
rng = np.random.default_rng(2)
net = backprop.ThreeLayerNet(4, 6, 3, hidden_activation="relu", output_activation="softmax",
                             init="he", weight_decay=0.1, seed=3)
X, labels = rng.standard_normal((5, 4)), np.array([0, 2, 1, 2, 0])
analytic, numeric = net.gradient(X, labels), net.numerical_gradient(X, labels)
for key in ("W1", "b1", "W2", "b2"):
    print(f"{key}: relative error {rel_error(analytic[key], numeric[key]):.1e}")

# %% [markdown]
# ### 4.3 初始化 / Initialisation (003 §6.2)
#
# 同一批输入（100 个特征）经过第一层和 tanh 之后的隐藏层输出分布：标准差 0.01 的 `"normal"`
# 让所有输出挤在 0 附近（信号越传越弱），`"xavier"` 保持了合适的分布，`"he"` 更宽，更多输出接近 ±1（饱和）；
# He 初始化是为 ReLU 设计的。
#
# The hidden outputs (after the first layer and tanh) for one batch of 100-feature inputs under
# each initialisation: `"normal"` (std 0.01) squeezes everything near 0, `"xavier"` keeps a healthy
# spread, `"he"` (meant for ReLU) pushes more outputs towards the saturated ±1.

# %% tags=["figure"]
X = np.random.default_rng(0).standard_normal((500, 100))
hidden = {}
for init in ("normal", "xavier", "he"):
    net = backprop.ThreeLayerNet(100, 100, 1, hidden_activation="tanh", init=init, seed=0)
    pre, _ = backprop.affine_forward(X, net.params["W1"], net.params["b1"])
    hidden[init], _ = backprop.tanh_forward(pre)

fig, axes = plt.subplots(1, 3, figsize=(13, 3.4), sharey=True)
for ax, (init, h) in zip(axes, hidden.items()):
    ax.hist(h.ravel(), bins=50, range=(-1, 1), color="C0")
    ax.set(title=f'init="{init}": std of outputs {h.std():.2f}', xlabel="tanh output of the hidden layer")
axes[0].set_ylabel("count")
plt.show()

# %% tags=["check"]
check(backprop, "ThreeLayerNet")

# %% [markdown]
# ## 5. 学会异或 / Learning XOR
#
# 作业 01 中单个感知机学不会异或；一个隐藏层就够了。用你的 `train_step` 训练 2000 步（4 个隐藏单元，
# sigmoid 输出，学习率 2）：左图是损失，另两幅是网络输出大于 0.5 的区域。tanh 隐藏层得到弯曲的边界，
# ReLU 隐藏层的边界由直线段拼成。
#
# A single perceptron cannot learn XOR (assignment 01); one hidden layer can. 2000 steps of your
# `train_step` (4 hidden units, sigmoid output, learning rate 2): the loss on the left, and where
# the output exceeds 0.5. A tanh hidden layer bends the boundary; with ReLU it is made of straight
# pieces.

# %% tags=["figure", "key-figure"]
X, y = data.xor_data()
T = y[:, None]
xx, yy = plots.grid((-0.5, 1.5))
curves, surfaces = {}, {}
for hidden_activation in ("tanh", "sigmoid", "relu"):
    net = backprop.ThreeLayerNet(2, 4, 1, hidden_activation=hidden_activation, seed=0)
    curves[hidden_activation] = [net.train_step(X, T, lr=2.0) for _ in range(2000)]
    surfaces[hidden_activation] = net.forward(np.c_[xx.ravel(), yy.ravel()]).reshape(xx.shape)
    curves[hidden_activation].append(net.loss(X, T))

fig, axes = plt.subplots(1, 3, figsize=(14, 4))
for name, losses in curves.items():
    axes[0].semilogy(losses, label=f"hidden {name}: final loss {losses[-1]:.1e}")
axes[0].set(title="training loss on XOR", xlabel="step", ylabel="loss")
axes[0].legend(loc="lower left")
for ax, name in zip(axes[1:], ("tanh", "relu")):
    shade = ax.contourf(xx, yy, surfaces[name], levels=np.linspace(0, 1, 11), cmap="PuOr", alpha=0.55)
    plots.decision_region(ax, xx, yy, surfaces[name], f"hidden {name}: output, and where it is 0.5", X, y, fill=False)
    ax.set_xlabel("$x_1$")
axes[1].set_ylabel("$x_2$")
fig.colorbar(shade, ax=axes[1:], shrink=0.8, label="network output")
plt.show()

# %% tags=["check"]
check(backprop, "ThreeLayerNet.train_step", "ThreeLayerNet.predict")

# %% [markdown]
# ## 6. 全部公开测试 / All public tests
#
# 与在终端运行 `dlkit check 04` 相同；评分时还会运行检查同样函数的隐藏测试。
# The same table as `dlkit check 04`; grading adds hidden tests of the same functions.

# %% tags=["check"]
from autograder import catalog
from autograder.check import run_check

_ = run_check(catalog.resolve("04"), path=".")
