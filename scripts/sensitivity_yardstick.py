#!/usr/bin/env python3
"""The yardstick for `cordon sensitivity`: the same Sobol computation, with numpy and SALib.

The supply model is scripts/supply_yardstick.py's (numpy, all runs at once); the sample is
cordon's own Saltelli design, drawn with the same random streams (row j of A and B from run j's
xoshiro256** stream, A's inputs then B's, in `uncertainty.vary` order), so the two compute the
same runs; the indices come from SALib's `sobol.analyze` (first order by Saltelli 2010, total by
Jansen, on outputs centred and scaled as SALib does), with its own bootstrap of
`--bootstrap` resamples.

Measures: each commodity's depletion day (1 = start; a stock that lasts counts as days + 1).

usage: sensitivity_yardstick.py SCENARIO --samples N [--seed S] [--bootstrap B] [-o indices.json]
The compute time (after reading the file) is printed on stderr as `yardstick_seconds=...`.
"""
import argparse
import json
import os
import sys
import time

import numpy as np
import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import supply_yardstick as sy  # noqa: E402
from SALib.analyze import sobol  # noqa: E402


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("scenario")
    ap.add_argument("--samples", type=int, required=True)
    ap.add_argument("--seed", type=int)
    ap.add_argument("--bootstrap", type=int, default=1000)
    ap.add_argument("-o", "--output")
    a = ap.parse_args()
    with open(a.scenario) as f:
        sc = yaml.safe_load(f)
    unc = sc.get("uncertainty") or {}
    vary = list((unc.get("vary") or {}).items())
    seed = a.seed if a.seed is not None else unc.get("seed", 0)
    n, k = a.samples, len(vary)
    names = [s["commodity"] for s in sc["supplies"]]
    days = (sy.as_day(sc["end"]) - sy.as_day(sc["start"])).days + 1

    t0 = time.perf_counter()
    streams = sy.Streams(seed, n)
    A = np.column_stack([sy.draw(dist, streams, n) for _, dist in vary])
    B = np.column_stack([sy.draw(dist, streams, n) for _, dist in vary])
    # SALib's layout (calc_second_order=False): for each row j, A_j, A_B^(1)_j ... A_B^(k)_j, B_j.
    X = np.empty((n, k + 2, k))
    X[:, 0] = A
    for i in range(k):
        X[:, i + 1] = A
        X[:, i + 1, i] = B[:, i]
    X[:, k + 1] = B
    X = X.reshape(n * (k + 2), k)
    depleted = []
    for lo in range(0, len(X), 8192):  # blocks of runs, so the stocks of all days stay small
        chunk = X[lo:lo + 8192]
        p = sy.Params(sc, len(chunk))
        for i, (path, _) in enumerate(vary):
            p.set(path, chunk[:, i].copy(), names)
        _, d, _ = sy.simulate(sc, p, len(chunk), None)
        depleted.append(d)
    depleted = np.concatenate(depleted)
    problem = {"num_vars": k, "names": [path for path, _ in vary], "bounds": [[0, 1]] * k}
    out = {"inputs": problem["names"], "measures": {}}
    for c, name in enumerate(names):
        y = np.where(depleted[:, c] < 0, days, depleted[:, c]).astype(float) + 1
        if np.ptp(y) == 0:
            out["measures"][f"{name}.depleted_day"] = None
            continue
        s = sobol.analyze(problem, y, calc_second_order=False, num_resamples=a.bootstrap, conf_level=0.95, seed=seed)
        out["measures"][f"{name}.depleted_day"] = {"first": [float(x) for x in s["S1"]], "total": [float(x) for x in s["ST"]]}
    print(f"yardstick_seconds={time.perf_counter() - t0:.3f}", file=sys.stderr)
    text = json.dumps(out, indent=1)
    if a.output:
        with open(a.output, "w") as f:
            f.write(text + "\n")
    else:
        print(text)


if __name__ == "__main__":
    main()
