#!/usr/bin/python3
"""Reference values for StatisticsTest, computed independently with SciPy 1.10.1 and NumPy 1.24.2 (Debian 12's
python3-scipy and python3-numpy). Run from this folder: /usr/bin/python3 make_fixtures.py > fixtures.json"""
import json

import numpy as np
from scipy import stats

out = {"generator": "scipy " + __import__("scipy").__version__ + ", numpy " + np.__version__}

out["tQuantile"] = [
    {"p": p, "df": df, "t": float(stats.t.ppf(p, df))}
    for df in [1, 2, 3, 4, 5, 7, 9, 10, 19, 29, 30, 100, 2.5, 7.3, 1000]
    for p in [0.6, 0.9, 0.975, 0.995]
]
out["tCdf"] = [
    {"t": t, "df": df, "p": float(stats.t.cdf(t, df))}
    for df in [1, 3, 8.5, 30]
    for t in [-3.0, -1.0, 0.0, 0.5, 2.0, 4.0]
]

# accuracies of five seeds, as a sweep would have them
samples = [
    [0.8915, 0.8870, 0.8935, 0.8890, 0.8960],
    [0.8015, 0.8225],
    [0.7440, 0.7505, 0.7390],
    [0.90, 0.91, 0.905, 0.899, 0.912, 0.903, 0.907],
]
out["samples"] = []
for xs in samples:
    a = np.array(xs)
    low, high = stats.t.interval(0.95, len(a) - 1, loc=a.mean(), scale=stats.sem(a))
    out["samples"].append({"values": xs, "mean": float(a.mean()), "sd": float(a.std(ddof=1)),
                           "ci95Low": float(low), "ci95High": float(high)})

pairs = [
    ([0.8915, 0.8870, 0.8935, 0.8890, 0.8960], [0.8880, 0.8850, 0.8905, 0.8900, 0.8930]),
    ([0.81, 0.83, 0.80, 0.82, 0.84], [0.79, 0.80, 0.78, 0.81, 0.80]),
]
out["paired"] = []
for a, b in pairs:
    d = np.array(a) - np.array(b)
    low, high = stats.t.interval(0.95, len(d) - 1, loc=d.mean(), scale=stats.sem(d))
    res = stats.ttest_rel(a, b)
    out["paired"].append({"a": a, "b": b, "difference": float(d.mean()), "ci95Low": float(low),
                          "ci95High": float(high), "p": float(res.pvalue)})

welch = [
    ([0.8915, 0.8870, 0.8935], [0.8880, 0.8850, 0.8905, 0.8900, 0.8930]),
    ([0.70, 0.74, 0.69, 0.75], [0.66, 0.67]),
]
out["welch"] = []
for a, b in welch:
    a, b = np.array(a), np.array(b)
    va, vb = a.var(ddof=1) / len(a), b.var(ddof=1) / len(b)
    df = (va + vb) ** 2 / (va ** 2 / (len(a) - 1) + vb ** 2 / (len(b) - 1))
    diff = a.mean() - b.mean()
    half = stats.t.ppf(0.975, df) * np.sqrt(va + vb)
    res = stats.ttest_ind(a, b, equal_var=False)
    out["welch"].append({"a": a.tolist(), "b": b.tolist(), "difference": float(diff), "df": float(df),
                         "ci95Low": float(diff - half), "ci95High": float(diff + half), "p": float(res.pvalue)})

# Wilson score interval, z from scipy's normal quantile
out["wilson"] = []
z = stats.norm.ppf(0.975)
for p, n in [(0.8, 2000), (0.9244, 10000), (0.5, 10), (0.0, 50), (1.0, 200), (0.36, 256)]:
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    out["wilson"].append({"accuracy": p, "testImages": n, "se": float(np.sqrt(p * (1 - p) / n)),
                          "low": float(max(0.0, centre - half)), "high": float(min(1.0, centre + half))})
out["normalQuantile"] = [{"p": p, "z": float(stats.norm.ppf(p))} for p in [0.001, 0.01, 0.025, 0.3, 0.5, 0.975, 0.999]]

print(json.dumps(out, indent=1))
