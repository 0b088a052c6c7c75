"""fit_linear_regression averages each mini-batch gradient over N instead of over the batch size B."""
BREAKS = ["fit_linear_regression"]
REPLACE = [("dw = 2.0 / len(idx) * (Xb.T @ err)", "dw = 2.0 / N * (Xb.T @ err)"),
           ("db = 2.0 / len(idx) * np.sum(err)", "db = 2.0 / N * np.sum(err)")]
