# %% [markdown]
# # 作业 06：循环神经网络的前向传播
# # Assignment 06: the forward pass of a recurrent neural network
#
# 这个笔记本和讲义（`README.md` / `README.en.md`）配套使用，按讲义的顺序：循环体的一步、沿时间展开、
# 读出层，并用教材 004 §5.4.3 的例子核对数字。图中的隐藏状态都由你的 `rnn.py` 计算。
#
# This notebook follows the handout: one step of the loop body, unrolling in time, the read-out
# layer, checked against the textbook's worked example (004 §5.4.3). Every hidden state in the
# figures is computed by *your* `rnn.py`.
#
# - 代码写在同一文件夹的 `rnn.py` 里；保存后重新运行第一个代码单元（`importlib.reload`）。
#   Write your code in `rnn.py`; after saving, re-run the first code cell.
# - 未实现的函数抛出 `NotImplementedError`，实现之后再运行即可。
#   Functions you have not written raise `NotImplementedError` until you write them.
# - 最后一个单元格给出与 `dlkit check 06` 相同的表格。The last cell prints the `dlkit check 06` table.

# %% tags=["setup"]
# %matplotlib inline
import importlib
import os
import sys

import matplotlib.pyplot as plt
import numpy as np

if os.getcwd() not in sys.path:
    sys.path.insert(0, os.getcwd())  # the notebook sits next to rnn.py
import rnn

importlib.reload(rnn)  # re-run this cell after every edit of rnn.py

from shared import data, plots
from shared.plots import check

plots.style()
# The textbook's worked example (004 §5.4.3): state size 2, inputs 1 then 2, h0 = 0.
EXAMPLE = {
    "x": np.array([[[1.0], [2.0]]]),        # (N, T, D) = (1, 2, 1)
    "h0": np.zeros((1, 2)),
    "Wx": np.array([[0.5, 0.6]]),          # (D, H)
    "Wh": np.array([[0.1, 0.2], [0.3, 0.4]]),
    "b": np.array([0.1, -0.1]),
}
W_OUT, B_OUT = np.array([[1.0], [2.0]]), np.array([0.1])
print("testing", rnn.__file__)

# %% [markdown]
# ## 1–2. 循环体的一步 / One step of the loop body
#
# $h_t = \tanh(x_t W_x + h_{t-1} W_h + b)$。例子的第一步：预激活 $[0.6, 0.5]$，状态 $\approx [0.537, 0.462]$。
# First step of the example: pre-activation $[0.6, 0.5]$, state $\approx [0.537, 0.462]$.

# %%
e = EXAMPLE
h1, _ = rnn.rnn_step_forward(e["x"][:, 0], e["h0"], e["Wx"], e["Wh"], e["b"])
print("h after step 0:", h1)
h2, _ = rnn.rnn_step_forward(e["x"][:, 1], h1, e["Wx"], e["Wh"], e["b"])
print("h after step 1:", h2, " (expected about [0.860, 0.884])")

# %% tags=["check"]
check(rnn, "rnn_step_forward")

# %% [markdown]
# ## 2. 沿时间展开 / Unrolling in time
#
# `rnn_forward` 返回每一步之后的状态，形状 $(N, T, H)$，同一组参数在每一步共享。
# 下图：一条输入序列（正弦波加两个脉冲）和一个 16 维隐藏状态随时间的变化。每个单元以自己的方式混合当前输入
# 和上一步的状态：脉冲过后的几步里状态仍"记得"它。
#
# `rnn_forward` returns the state after every step, shape $(N, T, H)$, with the same parameters at
# every step. Below: an input sequence (a sine wave plus two pulses) and the 16 hidden units over
# time. Each unit mixes the current input with the previous state in its own way; for a few steps
# after a pulse the state still "remembers" it.

# %%
h, _ = rnn.rnn_forward(**EXAMPLE)
print("states, shape", h.shape, ":\n", h[0])

# %% tags=["figure", "key-figure"]
x = data.sequence(T=60)                         # (1, 60, 1)
rng = np.random.default_rng(0)
H = 16
Wx, Wh, b = rng.standard_normal((1, H)), data.recurrent_matrix(H, 0.9, seed=1), np.zeros(H)
h, _ = rnn.rnn_forward(x, np.zeros((1, H)), Wx, Wh, b)

fig, (ax_in, ax_h) = plt.subplots(2, 1, figsize=(11, 5.2), sharex=True, gridspec_kw={"height_ratios": [1, 2.6]})
ax_in.plot(x[0, :, 0], color="k")
ax_in.set(title="input sequence $x_t$", ylabel="$x_t$")
im = ax_h.imshow(h[0].T, aspect="auto", cmap="RdBu_r", vmin=-1, vmax=1, interpolation="nearest")
ax_h.set(title="hidden state $h_t$ (16 units, $W_h$ with spectral radius 0.9)", xlabel="time step t", ylabel="unit")
ax_h.grid(False)
fig.colorbar(im, ax=ax_h, label="$h_t$", shrink=0.9)
plt.show()

# %% [markdown]
# 记忆有多长，取决于 $W_h$ 的谱半径 $\rho$（最大特征值的模）：只在 $t = 0$ 给一个输入脉冲，之后输入全为 0，
# 看状态的大小 $\|h_t\|$。$\rho < 1$ 时状态按 $\rho^t$ 衰减；$\rho > 1$ 时状态不会消失，而是停在 tanh 的饱和区。
#
# How long the memory lasts depends on the spectral radius $\rho$ of $W_h$: one input pulse at
# $t = 0$ and zeros afterwards. For $\rho < 1$ the state fades like $\rho^t$; for $\rho > 1$ it
# does not fade but settles in tanh's saturated range.

# %% tags=["figure"]
T, H = 40, 16
pulse = np.zeros((1, T, 1))
pulse[0, 0, 0] = 1.0
Wx = np.random.default_rng(0).standard_normal((1, H))
norms = {}
for radius in (0.5, 0.9, 1.0, 1.5):
    h, _ = rnn.rnn_forward(pulse, np.zeros((1, H)), Wx, data.recurrent_matrix(H, radius, seed=1), np.zeros(H))
    norms[radius] = np.linalg.norm(h[0], axis=1)

fig, ax = plt.subplots(figsize=(8, 3.8))
for radius, n in norms.items():
    ax.semilogy(n, marker="o", ms=3, label=f"spectral radius {radius}")
ax.set(title="memory of one input pulse at t = 0", xlabel="time step t", ylabel="$\\|h_t\\|$", ylim=(1e-12, 10))
ax.legend()
plt.show()

# %% tags=["check"]
check(rnn, "rnn_forward")

# %% [markdown]
# ## 3. 读出层 / The read-out layer
#
# $o_t = h_t W_{out} + b_{out}$：多对多（`rnn_output`）在每一步读出，多对一（`rnn_many_to_one`）只读最后一步。
# 例子的输出应为 $\approx 1.561$ 和 $2.727$。
#
# Many-to-many (`rnn_output`) reads out every step, many-to-one (`rnn_many_to_one`) only the last.
# The example's outputs should be about 1.561 and 2.727.

# %%
h = np.array([[[0.53704957, 0.46211716], [0.85973818, 0.88366641]]])  # the example's states, (N, T, H)
print("rnn_output:     ", rnn.rnn_output(h, W_OUT, B_OUT).ravel())

# %%
print("rnn_many_to_one:", rnn.rnn_many_to_one(**EXAMPLE, W_out=W_OUT, b_out=B_OUT).ravel())

# %% tags=["check"]
check(rnn, "rnn_output", "rnn_many_to_one")

# %% [markdown]
# ## 4. 全部公开测试 / All public tests
#
# 与在终端运行 `dlkit check 06` 相同；评分时还会运行检查同样函数的隐藏测试。
# The same table as `dlkit check 06`; grading adds hidden tests of the same functions.

# %% tags=["check"]
from autograder import catalog
from autograder.check import run_check

_ = run_check(catalog.resolve("06"), path=".")
