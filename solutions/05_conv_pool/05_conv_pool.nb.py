# %% [markdown]
# # 作业 05：卷积与池化
# # Assignment 05: convolution and pooling
#
# 这个笔记本和讲义（`README.md` / `README.en.md`）配套使用，按讲义的顺序：互相关与卷积、输出尺寸、
# 多通道卷积层及其反向传播、池化、全局平均池化、高斯核。图中的滤波、模糊和池化都由你的 `cnn.py` 计算，
# 图像是 `shared.data.sample_image()` 程序生成的 64×64 灰度图。
#
# This notebook follows the handout: cross-correlation, output sizes, the multi-channel convolutional
# layer and its backward pass, pooling, global average pooling and the Gaussian kernel. Every
# filtered, blurred or pooled image is computed by *your* `cnn.py` (the picture is the 64×64 test
# image `shared.data.sample_image()` draws).
#
# - 代码写在同一文件夹的 `cnn.py` 里；保存后重新运行第一个代码单元（`importlib.reload`）。
#   Write your code in `cnn.py`; after saving, re-run the first code cell.
# - 未实现的函数抛出 `NotImplementedError`，实现之后再运行即可。
#   Functions you have not written raise `NotImplementedError` until you write them.
# - 最后一个单元格给出与 `dlkit check 05` 相同的表格。The last cell prints the `dlkit check 05` table.

# %% tags=["setup"]
# %matplotlib inline
import importlib
import os
import sys

import matplotlib.pyplot as plt
import numpy as np

if os.getcwd() not in sys.path:
    sys.path.insert(0, os.getcwd())  # the notebook sits next to cnn.py
import cnn

importlib.reload(cnn)  # re-run this cell after every edit of cnn.py

from shared import data, plots
from shared.checks import rel_error
from shared.gradcheck import numerical_gradient as central_differences
from shared.plots import check

plots.style()
SOBEL_X = np.array([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]])  # responds to left-right changes
SOBEL_Y = SOBEL_X.T                                                        # responds to up-down changes
LAPLACE = np.array([[0.0, 1.0, 0.0], [1.0, -4.0, 1.0], [0.0, 1.0, 0.0]])
print("testing", cnn.__file__)

# %% [markdown]
# ## 1–2. 互相关 / Cross-correlation (004 eq 5-31)
#
# 教材图 5-15 的例子：5×5 图像、3×3 滤波器、步长 1 得到 `[[4, 3, 4], [2, 4, 3], [2, 3, 4]]`，
# 步长 2 得到 `[[4, 4], [2, 4]]`。卷积核不翻转。
#
# The textbook's example (004 fig 5-15): stride 1 gives `[[4, 3, 4], [2, 4, 3], [2, 3, 4]]`,
# stride 2 gives `[[4, 4], [2, 4]]`. The kernel is not flipped.

# %%
x = np.array([[1, 1, 1, 0, 0], [0, 1, 1, 1, 0], [0, 0, 1, 1, 1], [0, 0, 1, 1, 0], [0, 1, 1, 0, 0]])
w = np.array([[1, 0, 1], [0, 1, 0], [1, 0, 1]])
print("stride 1:\n", cnn.conv2d_single(x, w))
print("stride 2:\n", cnn.conv2d_single(x, w, stride=2))

# %% [markdown]
# 边缘检测滤波器：Sobel 核对水平方向（$x$）或竖直方向（$y$）的亮度变化有响应，符号表示变化的方向；
# 两者合成的梯度幅值勾出所有边缘；拉普拉斯核对各个方向的二阶变化有响应（也放大了噪声）。
#
# Edge filters: a Sobel kernel responds to changes of brightness from left to right ($x$) or top to
# bottom ($y$), with a sign for the direction; their combined magnitude outlines every edge; the
# Laplacian responds to second-order changes in all directions (and amplifies the noise).
#
# 图像四周的亮框来自零填充（`padding=1`）：图像之外被当作 0，边界处于是出现一条"边缘"。
# The frame around each result comes from the zero padding: outside the image counts as 0, so the
# image's border looks like an edge.

# %% tags=["figure"]
image = data.sample_image()
gx = cnn.conv2d_single(image, SOBEL_X, padding=1)
gy = cnn.conv2d_single(image, SOBEL_Y, padding=1)
laplace = cnn.conv2d_single(image, LAPLACE, padding=1)

fig, axes = plt.subplots(1, 5, figsize=(16, 3.6))
plots.show_image(axes[0], image, "input 64×64", vmin=0, vmax=1)
plots.show_image(axes[1], gx, "Sobel x", cmap="RdBu_r", vmin=-3, vmax=3)
plots.show_image(axes[2], gy, "Sobel y", cmap="RdBu_r", vmin=-3, vmax=3)
plots.show_image(axes[3], np.hypot(gx, gy), "edge magnitude $\\sqrt{g_x^2 + g_y^2}$", cmap="magma")
plots.show_image(axes[4], laplace, "Laplacian", cmap="RdBu_r", vmin=-2, vmax=2)
plt.show()

# %% tags=["check"]
check(cnn, "conv2d_single")

# %% [markdown]
# ## 3. 输出尺寸 / Output size (004 eq 5-32)
#
# $W_2 = (W_1 - F + 2P)/S + 1$ 必须是正整数，否则窗口无法铺满输入，应该抛出 `ValueError`，而不是悄悄向下取整。
# $W_2 = (W_1 - F + 2P)/S + 1$ must be a positive integer; otherwise raise `ValueError`, never round down.

# %%
for args in [(5, 3, 0, 1), (5, 3, 0, 2), (7, 3, 1, 2), (64, 3, 1, 1), (7, 3, 0, 3)]:
    try:
        print(f"in {args[0]}, filter {args[1]}, padding {args[2]}, stride {args[3]} -> {cnn.conv_output_size(*args)}")
    except ValueError as e:
        print(f"in {args[0]}, filter {args[1]}, padding {args[2]}, stride {args[3]} -> ValueError: {e}")

# %% tags=["check"]
check(cnn, "conv_output_size")

# %% [markdown]
# ## 4. 多通道卷积层 / A convolutional layer with several channels
#
# 每个滤波器同时看所有 $C$ 个输入通道：它的输出等于各通道单独做 `conv2d_single` 之后相加，再加偏置。
# 然后用中心差分检验 `conv_backward`（带填充、步长 2，输入很小）。
#
# Each filter looks at all $C$ channels at once: its output is the sum over channels of
# `conv2d_single`, plus the bias. Then `conv_backward` against central differences (padding 1,
# stride 2, a small input).

# %%
image = data.sample_image()
x = np.stack([image, image.T, 1 - image])[None]             # (N, C, H, W) = (1, 3, 64, 64)
w = np.stack([np.stack([SOBEL_X, SOBEL_Y, LAPLACE])] * 2)   # (F, C, HH, WW) = (2, 3, 3, 3)
w[1] *= -1
b = np.array([0.5, -0.5])
out, _ = cnn.conv_forward(x, w, b, stride=1, pad=1)
by_channel = sum(cnn.conv2d_single(x[0, c], w[0, c], padding=1) for c in range(3)) + b[0]
print("out shape:", out.shape, "| filter 0 vs the sum of conv2d_single:", f"{np.max(np.abs(out[0, 0] - by_channel)):.1e}")

# %%
rng = np.random.default_rng(0)
x, w, b = rng.standard_normal((2, 3, 7, 7)), rng.standard_normal((4, 3, 3, 3)), rng.standard_normal(4)
out, cache = cnn.conv_forward(x, w, b, stride=2, pad=1)
dout = rng.standard_normal(out.shape)
dx, dw, db = cnn.conv_backward(dout, cache)
for name, analytic, wrt in (("dx", dx, 0), ("dw", dw, 1), ("db", db, 2)):
    numeric = central_differences(cnn.conv_forward, (x, w, b), {"stride": 2, "pad": 1}, wrt=wrt, dout=dout, pick=0)
    print(f"conv_backward {name}: relative error {rel_error(analytic, numeric):.1e}")

# %% tags=["check"]
check(cnn, "conv_forward", "conv_backward")

# %% [markdown]
# ## 5. 池化 / Pooling
#
# 2×2 窗口、步长 2：最大池化取每个窗口的最大值，平均池化取平均值。最大池化的反向传播只把梯度交给窗口中的最大值
# （下图红框，由你的 `max_pool_backward` 对全 1 的上游梯度算出）。右边两幅：图像连续做两次 2×2 池化（64→16）。
#
# 2×2 windows, stride 2: max pooling keeps each window's maximum, average pooling its mean. Max
# pooling's backward pass hands the gradient to the maximum only (red boxes: *your*
# `max_pool_backward` applied to an all-ones upstream gradient). Right: the image pooled twice (64 → 16).

# %% tags=["figure"]
m = np.array([[1.0, 3.0, 2.0, 1.0], [4.0, 2.0, 0.0, 1.0], [1.0, 1.0, 3.0, 5.0], [0.0, 2.0, 4.0, 2.0]])
max_out, max_cache = cnn.max_pool_forward(m[None, None])
avg_out, _ = cnn.avg_pool_forward(m[None, None])
routed = plots.attempt(cnn.max_pool_backward, np.ones_like(max_out), max_cache)
image = data.sample_image()[None, None]
max_twice, _ = cnn.max_pool_forward(cnn.max_pool_forward(image)[0])
avg_twice, _ = cnn.avg_pool_forward(cnn.avg_pool_forward(image)[0])

fig, axes = plt.subplots(1, 5, figsize=(16, 3.6))
plots.annotated_matrix(axes[0], m, "input 4×4", fmt="{:g}", highlight=None if routed is None else routed[0, 0] != 0)
plots.annotated_matrix(axes[1], max_out[0, 0], "max pool 2×2, stride 2", fmt="{:g}")
plots.annotated_matrix(axes[2], avg_out[0, 0], "average pool 2×2, stride 2", fmt="{:g}")
plots.show_image(axes[3], max_twice[0, 0], "image, max pool twice (16×16)", vmin=0, vmax=1)
plots.show_image(axes[4], avg_twice[0, 0], "image, average pool twice (16×16)", vmin=0, vmax=1)
axes[0].axhline(1.5, color="k", lw=1.5)  # the four 2×2 windows
axes[0].axvline(1.5, color="k", lw=1.5)
plt.show()

# %% tags=["check"]
check(cnn, "max_pool_forward", "max_pool_backward", "avg_pool_forward", "avg_pool_backward")

# %% [markdown]
# ## 6. 全局平均池化 / Global average pooling
#
# $(N, C, H, W) \to (N, C)$：每个特征图取平均。反向传播把 $dout/(HW)$ 均匀分给每个位置。
# Each feature map becomes its mean; the backward pass spreads $dout/(HW)$ evenly.

# %%
x = np.arange(24, dtype=float).reshape(1, 2, 3, 4)
out, cache = cnn.global_avg_pool_forward(x)
print("GAP:", out, "| backward of ones, first map:\n", cnn.global_avg_pool_backward(np.ones_like(out), cache)[0, 0])

# %% tags=["check"]
check(cnn, "global_avg_pool_forward", "global_avg_pool_backward")

# %% [markdown]
# ## 7. 高斯核与图像平滑 / The Gaussian kernel and smoothing
#
# 高斯核中心最大、向外衰减、总和为 1。先用它模糊图像可以去掉噪声，之后的边缘检测结果干净得多：
# 比较右边两幅边缘图。
#
# The Gaussian kernel is largest at the centre, decays outwards and sums to 1. Blurring first
# removes the noise, and the edges found afterwards are much cleaner: compare the two edge maps.

# %% tags=["figure", "key-figure"]
image = data.sample_image()
g = cnn.gaussian_kernel(7, 1.5)
blurred = cnn.conv2d_single(image, g, padding=3)
edges = np.hypot(cnn.conv2d_single(image, SOBEL_X, padding=1), cnn.conv2d_single(image, SOBEL_Y, padding=1))
edges_blurred = np.hypot(cnn.conv2d_single(blurred, SOBEL_X, padding=1), cnn.conv2d_single(blurred, SOBEL_Y, padding=1))

fig, axes = plt.subplots(1, 5, figsize=(17, 3.7))
plots.show_image(axes[0], g, f"Gaussian kernel 7×7, σ = 1.5\n(sum {g.sum():.3f})", cmap="viridis", colorbar=True)
plots.show_image(axes[1], image, "input (with noise)", vmin=0, vmax=1)
plots.show_image(axes[2], blurred, "Gaussian blur", vmin=0, vmax=1)
plots.show_image(axes[3], edges, "Sobel edges of the input", cmap="magma", vmin=0, vmax=2)
plots.show_image(axes[4], edges_blurred, "Sobel edges after the blur", cmap="magma", vmin=0, vmax=2)
plt.show()

# %% tags=["check"]
check(cnn, "gaussian_kernel")

# %% [markdown]
# ## 8. 全部公开测试 / All public tests
#
# 与在终端运行 `dlkit check 05` 相同；评分时还会运行检查同样函数的隐藏测试。
# The same table as `dlkit check 05`; grading adds hidden tests of the same functions.

# %% tags=["check"]
from autograder import catalog
from autograder.check import run_check

_ = run_check(catalog.resolve("05"), path=".")
