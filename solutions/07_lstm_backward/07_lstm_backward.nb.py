# %% [markdown]
# # 作业 07：LSTM 的前向与反向传播
# # Assignment 07: LSTM forward and backward
#
# 这个笔记本和讲义（`README.md` / `README.en.md`）配套使用，按讲义的顺序：一步前向（可手算的例子）、
# 一步反向（梯度检验）、整个序列与随时间反向传播（BPTT），最后比较梯度在普通 RNN 和 LSTM 中
# 沿时间往回流动时的大小。
#
# This notebook follows the handout: one step forward (an example you can check by hand), one step
# backward (gradient check), whole sequences and backpropagation through time, and finally how the
# gradient's size changes as it flows back through time in a vanilla RNN and in *your* LSTM.
#
# - 代码写在同一文件夹的 `lstm.py` 里；保存后重新运行第一个代码单元（`importlib.reload`）。
#   Write your code in `lstm.py`; after saving, re-run the first code cell.
# - 未实现的函数抛出 `NotImplementedError`，实现之后再运行即可。
#   Functions you have not written raise `NotImplementedError` until you write them.
# - 最后一个单元格给出与 `dlkit check 07` 相同的表格。The last cell prints the `dlkit check 07` table.

# %% tags=["setup"]
# %matplotlib inline
import importlib
import os
import sys

import matplotlib.pyplot as plt
import numpy as np

if os.getcwd() not in sys.path:
    sys.path.insert(0, os.getcwd())  # the notebook sits next to lstm.py
import lstm

importlib.reload(lstm)  # re-run this cell after every edit of lstm.py

from shared import data, plots
from shared.checks import rel_error
from shared.gradcheck import numerical_gradient as central_differences
from shared.plots import check

plots.style()
print("testing", lstm.__file__)

# %% [markdown]
# ## 2. 一步前向 / One step forward
#
# 门的顺序是 i、f、o、g。选择预激活为简单数的对数，使每个门都是分数：$\sigma(\ln k) = k/(k+1)$，
# $\tanh(\ln k) = (k^2-1)/(k^2+1)$。这里 $i = 2/3$，$f = 3/4$，$o = 1/4$，$g = 3/5$，$c_{t-1} = 0.4$，
# 于是 $c = 0.7$，$h = \tfrac14\tanh 0.7 \approx 0.151092$。
#
# Gate order i, f, o, g. Pre-activations that are logarithms make every gate a fraction: here
# $i = 2/3$, $f = 3/4$, $o = 1/4$, $g = 3/5$ and $c_{t-1} = 0.4$, so $c = 0.7$ and
# $h = \tfrac14\tanh 0.7 \approx 0.151092$.

# %%
x = np.array([[1.0]])
Wx = np.log([[2.0, 3.0, 1 / 3, 2.0]])    # one input, H = 1: the blocks i, f, o, g
h, c, _ = lstm.lstm_step_forward(x, np.zeros((1, 1)), np.array([[0.4]]), Wx, np.zeros((1, 4)), np.zeros(4))
print(f"c = {c[0, 0]:.6f} (expected 0.7), h = {h[0, 0]:.6f} (expected {0.25 * np.tanh(0.7):.6f})")

# %% tags=["check"]
check(lstm, "lstm_step_forward")

# %% [markdown]
# ## 3. 一步反向 / One step backward
#
# 与中心差分比较 $L = \sum h \odot dh + \sum c \odot dc$ 对六个输入的梯度（与测试所用的检验相同）。
# The six gradients of $L = \sum h \odot dh + \sum c \odot dc$ against central differences.

# %%
rng = np.random.default_rng(0)
N, D, H = 3, 4, 5
args = (rng.standard_normal((N, D)), rng.standard_normal((N, H)), rng.standard_normal((N, H)),
        rng.standard_normal((D, 4 * H)), rng.standard_normal((H, 4 * H)), rng.standard_normal(4 * H))
dh, dc = rng.standard_normal((N, H)), rng.standard_normal((N, H))


def h_and_c(*step_args):
    """Both outputs of one step side by side, so that one upstream array [dh, dc] covers them."""
    h, c, _ = lstm.lstm_step_forward(*step_args)
    return np.concatenate([h, c], axis=1)


_, _, cache = lstm.lstm_step_forward(*args)
grads = lstm.lstm_step_backward(dh, dc, cache)
for i, name in enumerate(("dx", "dh_prev", "dc_prev", "dWx", "dWh", "db")):
    numeric = central_differences(h_and_c, args, wrt=i, dout=np.concatenate([dh, dc], axis=1))
    print(f"lstm_step_backward {name:>7}: relative error {rel_error(grads[i], numeric):.1e}")

# %% tags=["check"]
check(lstm, "lstm_step_backward")

# %% [markdown]
# ## 4. 整个序列与 BPTT / Whole sequences and BPTT
#
# `lstm_forward` 从 $c_0 = 0$ 和给定的 $h_0$ 出发；下图是它在作业 06 那条输入序列上的隐藏状态。
# `lstm_backward` 沿时间反向，每一步都把 `dh_prev` 和 `dc_prev` 带到前一步，权重的梯度对所有步求和。
#
# `lstm_forward` starts from $c_0 = 0$ and the given $h_0$; below, its hidden states on the input
# sequence of assignment 06. `lstm_backward` walks back in time carrying `dh_prev` and `dc_prev`
# from step to step and sums the weight gradients over all steps.

# %% tags=["figure"]
x = data.sequence(T=60)
rng = np.random.default_rng(0)
H = 16
Wx, Wh, b = rng.standard_normal((1, 4 * H)), rng.standard_normal((H, 4 * H)) / np.sqrt(H), np.zeros(4 * H)
b[H:2 * H] = 1.0  # forget gates start mostly open
h, _ = lstm.lstm_forward(x, np.zeros((1, H)), Wx, Wh, b)

fig, (ax_in, ax_h) = plt.subplots(2, 1, figsize=(11, 5.2), sharex=True, gridspec_kw={"height_ratios": [1, 2.6]})
ax_in.plot(x[0, :, 0], color="k")
ax_in.set(title="input sequence $x_t$", ylabel="$x_t$")
im = ax_h.imshow(h[0].T, aspect="auto", cmap="RdBu_r", vmin=-1, vmax=1, interpolation="nearest")
ax_h.set(title="LSTM hidden state $h_t$ (16 units)", xlabel="time step t", ylabel="unit")
ax_h.grid(False)
fig.colorbar(im, ax=ax_h, label="$h_t$", shrink=0.9)
plt.show()

# %%
rng = np.random.default_rng(1)
N, T, D, H = 2, 4, 3, 3
args = (rng.standard_normal((N, T, D)), rng.standard_normal((N, H)), rng.standard_normal((D, 4 * H)),
        rng.standard_normal((H, 4 * H)), rng.standard_normal(4 * H))
dh = rng.standard_normal((N, T, H))
_, cache = lstm.lstm_forward(*args)
grads = lstm.lstm_backward(dh, cache)
for i, name in enumerate(("dx", "dh0", "dWx", "dWh", "db")):
    numeric = central_differences(lstm.lstm_forward, args, wrt=i, dout=dh, pick=0)
    print(f"lstm_backward {name:>3}: relative error {rel_error(grads[i], numeric):.1e}")

# %% tags=["check"]
check(lstm, "lstm_forward", "lstm_backward")

# %% [markdown]
# ## 5. 梯度沿时间往回流 / How the gradient flows back through time
#
# 损失只取决于最后一步的隐藏状态 $h_{T-1}$，看它对更早输入的梯度 $\|\partial L/\partial x_t\|$ 随着往回走的步数如何变化
# （除以最后一步的值）。普通 RNN 每往回一步都要乘以 $W_h^\mathsf{T}$ 和 $\tanh'$，梯度指数衰减（梯度消失）；
# 作业 06 没有反向传播，所以普通 RNN 的 BPTT 在下面的单元格里直接写出。LSTM 的细胞状态梯度每一步只乘以遗忘门 $f$
# （"常数误差传送带"）：遗忘门接近 1（偏置 $b_f = 3$）时，梯度能传回几十步；遗忘门偏置为 0 时它同样会消失。
#
# The loss depends on the last hidden state $h_{T-1}$ only; how large is its gradient on earlier
# inputs, $\|\partial L/\partial x_t\|$, as we go back in time (relative to the last step)? A
# vanilla RNN multiplies by $W_h^\mathsf{T}$ and $\tanh'$ at every step back, so the gradient
# vanishes exponentially (assignment 06 has no backward pass, so its BPTT is written out in the
# cell below). The LSTM's cell-state gradient is only multiplied by the forget gate $f$ at each step
# (the "constant error carousel"): with forget gates near 1 (bias $b_f = 3$) the gradient survives
# dozens of steps; with $b_f = 0$ it vanishes as well.

# %% tags=["figure", "key-figure"]
T, D, H = 60, 4, 16
rng = np.random.default_rng(0)
x = rng.standard_normal((1, T, D))
dh_last = rng.standard_normal((1, H))


def vanilla_rnn_input_gradients(x, Wx, Wh, dh_last):
    """||dL/dx_t|| for every t, for L = sum(h_{T-1} * dh_last) in h_t = tanh(x_t Wx + h_{t-1} Wh), h_{-1} = 0."""
    states = [np.zeros((x.shape[0], Wh.shape[0]))]
    for t in range(x.shape[1]):
        states.append(np.tanh(x[:, t] @ Wx + states[-1] @ Wh))
    upstream, norms = dh_last, np.zeros(x.shape[1])
    for t in range(x.shape[1] - 1, -1, -1):
        through_tanh = upstream * (1 - states[t + 1] ** 2)
        norms[t] = np.linalg.norm(through_tanh @ Wx.T)
        upstream = through_tanh @ Wh.T
    return norms


curves = {"vanilla RNN (tanh, spectral radius of $W_h$ = 1)":
          vanilla_rnn_input_gradients(x, 0.5 * rng.standard_normal((D, H)), data.recurrent_matrix(H, 1.0, seed=1), dh_last)}
weights = np.random.default_rng(1)
Wx, Wh = weights.standard_normal((D, 4 * H)) / np.sqrt(D), weights.standard_normal((H, 4 * H)) / np.sqrt(H)
dh = np.zeros((1, T, H))
dh[:, -1] = dh_last  # the loss sees only the last hidden state
for forget_bias in (0.0, 1.0, 3.0):
    b = np.zeros(4 * H)
    b[H:2 * H] = forget_bias
    _, cache = lstm.lstm_forward(x, np.zeros((1, H)), Wx, Wh, b)
    dx = lstm.lstm_backward(dh, cache)[0]
    curves[f"LSTM, forget-gate bias $b_f$ = {forget_bias:g}"] = np.linalg.norm(dx[0], axis=1)

fig, ax = plt.subplots(figsize=(9, 4.2))
for i, (name, norms) in enumerate(curves.items()):
    steps_back = np.arange(T)[::-1]          # x_t is T-1-t steps before the loss
    ax.semilogy(steps_back, norms / norms[-1], color="k" if i == 0 else f"C{i}", ls="--" if i == 0 else "-", label=name)
ax.set(title="gradient flowing back through time", xlabel="steps back from the loss (T - 1 - t)",
       ylabel="$\\|\\partial L / \\partial x_t\\|$ / value at the last step", ylim=(1e-16, 1e3))
ax.legend(loc="lower left")
plt.show()

# %% [markdown]
# ## 6. 全部公开测试 / All public tests
#
# 与在终端运行 `dlkit check 07` 相同；评分时还会运行检查同样函数的隐藏测试。
# The same table as `dlkit check 07`; grading adds hidden tests of the same functions.

# %% tags=["check"]
from autograder import catalog
from autograder.check import run_check

_ = run_check(catalog.resolve("07"), path=".")
