"""conv_forward flips every filter (true convolution, kits.md #42)."""
BREAKS = ["conv_forward"]
REPLACE = [('out += np.einsum("nchw,fc->nfhw", patch, w[:, :, m, k])',
            'out += np.einsum("nchw,fc->nfhw", patch, w[:, :, HH - 1 - m, WW - 1 - k])')]
