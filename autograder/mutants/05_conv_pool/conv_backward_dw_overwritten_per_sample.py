"""conv_backward assigns dw sample by sample, so only the last sample's gradient is kept (kits.md #46)."""
BREAKS = ["conv_backward"]
REPLACE = [('            dw[:, :, m, k] = np.einsum("nfhw,nchw->fc", dout, xp[:, :, rows, cols])\n',
            '            for n in range(N):\n'
            '                dw[:, :, m, k] = np.einsum("fhw,chw->fc", dout[n], xp[n, :, rows, cols])\n')]
