#!/usr/bin/env python3
"""The yardstick for `cordon simulate`: the same supply rules, written independently in numpy.

All Monte Carlo runs advance together, one numpy operation per rule per day over arrays of runs.
It reads the same scenario files (YAML or JSON; the supply keys only, no routes) and writes the
same timeline.csv and summary.json, so its output can be compared byte for byte with cordon's,
and timed against it (scripts/bench-supply).

The random numbers follow the documented scheme of CordonSupply, vectorised over runs: run i
draws from xoshiro256** seeded with four SplitMix64 outputs starting at seed + i * 0xD1B54A32D192ED03
(mod 2^64); uniforms are the top 53 bits over 2^53; normals come from Box-Muller with two
uniforms, redrawn (up to 64 times) while the value is negative.

usage: supply_yardstick.py SCENARIO [--runs N] [--seed S] [-o timeline.csv] [--summary summary.json]
The compute time (after reading the file) is printed on stderr as `yardstick_seconds=...`.
"""
import argparse
import datetime as dt
import math
import sys
import time

import numpy as np
import yaml

M64 = (1 << 64) - 1
U = np.uint64
# A band (or a worse one) is reached on the first day the share of need met falls below its ceiling.
BANDS = [("reduced", 1.0), ("crisis", 0.8), ("emergency", 0.5), ("catastrophe", 0.2)]


# --- random numbers -----------------------------------------------------------------------------

def splitmix_states(seeds):
    """Four SplitMix64 outputs from each seed (Python ints, exact)."""
    out = []
    for s in seeds:
        words = []
        for _ in range(4):
            s = (s + 0x9E3779B97F4A7C15) & M64
            z = s
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
            words.append(z ^ (z >> 31))
        out.append(words)
    return np.array(out, dtype=U).T.copy()  # shape (4, runs)


class Streams:
    """One xoshiro256** generator per run, advanced together (or only where `mask` is set)."""

    def __init__(self, seed, runs):
        self.s = splitmix_states([(seed + i * 0xD1B54A32D192ED03) & M64 for i in range(runs)])

    @staticmethod
    def _rotl(x, k):
        return (x << U(k)) | (x >> U(64 - k))

    def next(self, mask=None):
        s = self.s if mask is None else self.s[:, mask]
        s0, s1, s2, s3 = s[0].copy(), s[1].copy(), s[2].copy(), s[3].copy()
        result = self._rotl(s1 * U(5), 7) * U(9)
        t = s1 << U(17)
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = self._rotl(s3, 45)
        new = np.stack([s0, s1, s2, s3])
        if mask is None:
            self.s = new
        else:
            self.s[:, mask] = new
        return result

    def unit(self, mask=None):
        return (self.next(mask) >> U(11)).astype(np.float64) * 2.0 ** -53

    def normal(self, mask=None):
        u1 = self.unit(mask)
        u2 = self.unit(mask)
        return np.sqrt(-2 * np.log(1 - u1)) * np.cos(2 * math.pi * u2)


def draw(dist, streams, runs):
    (kind, p), = dist.items()
    if kind == "uniform":
        a, b = p
        return a + (b - a) * streams.unit()
    if kind == "triangular":
        a, c, b = p
        u = streams.unit()
        if not b > a:
            return np.full(runs, float(a))
        split = (c - a) / (b - a)
        return np.where(u < split, a + np.sqrt(u * (b - a) * (c - a)), b - np.sqrt((1 - u) * (b - a) * (b - c)))
    if kind == "normal":
        mean, sd = p
        out = np.zeros(runs)
        pending = np.ones(runs, dtype=bool)
        for _ in range(64):
            if not pending.any():
                break
            x = mean + sd * streams.normal(pending)
            idx = np.flatnonzero(pending)
            ok = x >= 0
            out[idx[ok]] = x[ok]
            pending[idx[ok]] = False
        return out
    if kind == "lognormal":
        mu, sigma = p
        return np.exp(mu + sigma * streams.normal())
    raise ValueError(kind)


# --- scenario -----------------------------------------------------------------------------------

def as_day(v):
    return v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v))


class Params:
    """Every number a run may vary, as arrays over runs."""

    def __init__(self, sc, runs):
        full = lambda x: np.full(runs, float(x))
        self.population = full(sc["population"])
        self.supplies = [{k: full(s.get(k, 0)) for k in ("stock", "need_per_person_day", "spoilage_per_day")}
                         for s in sc["supplies"]]
        self.inflows = [{k: full(f[k]) for k in ("per_day", "amount", "under_fire_factor") if k in f}
                        for f in sc.get("inflows") or []]
        self.evacuation = [{"per_day": full(e["per_day"]), "max_total": full(e.get("max_total", math.inf))}
                           for e in sc.get("evacuation") or []]

    def set(self, path, value, names):
        parts = path.split(".")
        if parts[0] == "population":
            self.population = value
        elif parts[0] == "supplies":
            self.supplies[names.index(parts[1])][parts[2]] = np.minimum(value, 1) if parts[2] == "spoilage_per_day" else value
        elif parts[0] == "inflows":
            self.inflows[int(parts[1])][parts[2]] = value
        else:
            self.evacuation[int(parts[1])][parts[2]] = value


def window(rule, start, days, frm="from", until="until"):
    lo = max(0, (as_day(rule[frm]) - start).days) if rule.get(frm) is not None else 0
    hi = min(days, (as_day(rule[until]) - start).days) if rule.get(until) is not None else days
    return range(lo, hi) if lo < hi else range(0)


def simulate(sc, p, runs, full=False):
    """The daily rules over all runs at once. Returns stocks (runs, commodities, days), depletion
    day indices (-1 when never) and, with `full`, per-day columns of run 0."""
    start, end = as_day(sc["start"]), as_day(sc["end"])
    days = (end - start).days + 1
    supplies = sc["supplies"]
    names = [s["commodity"] for s in supplies]
    inflows = sc.get("inflows") or []
    for f in inflows:
        if f.get("route"):
            raise SystemExit("yardstick: routes need an access timeline")
    in_windows = [range((as_day(f["date"]) - start).days, (as_day(f["date"]) - start).days + 1)
                  if "date" in f else window(f, start, days) for f in inflows]
    evac = sc.get("evacuation") or []
    ev_windows = [window(e, start, days) for e in evac]
    rules = sorted(((float(r["below_days"]), float(r["ration"])) for r in sc.get("rationing") or []))

    C = len(supplies)
    stocks = np.empty((runs, C, days))
    depleted = np.full((runs, C), -1)
    stock = [p.supplies[c]["stock"].copy() for c in range(C)]
    pop = p.population.copy()
    evacuated = np.zeros(runs)
    taken = [np.zeros(runs) for _ in evac]
    rows = []
    for d in range(days):
        for r, e in enumerate(evac):
            if d in ev_windows[r]:
                take = np.maximum(0, np.minimum(np.minimum(p.evacuation[r]["per_day"], p.evacuation[r]["max_total"] - taken[r]), pop))
                taken[r] = taken[r] + take
                pop = pop - take
                evacuated = evacuated + take
        row = [pop[0], evacuated[0]] if full else None
        for c in range(C):
            inflow = np.zeros(runs)
            for i, f in enumerate(inflows):
                if names.index(f["commodity"]) == c and d in in_windows[i]:
                    inflow = inflow + (p.inflows[i]["amount"] if "date" in f else p.inflows[i]["per_day"])
            s = stock[c] + inflow
            spoiled = s * p.supplies[c]["spoilage_per_day"]
            s = s - spoiled
            need = pop * p.supplies[c]["need_per_person_day"]
            with np.errstate(divide="ignore", invalid="ignore"):
                days_left = np.where(need > 0, s / need, math.inf)
            ration = np.ones(runs)
            for below, share in rules:
                ration = np.where(below > days_left, np.minimum(ration, share), ration)
            wanted = need * ration
            enough = wanted <= s
            consumed = np.where(enough, wanted, s)
            with np.errstate(divide="ignore", invalid="ignore"):
                met = np.where(enough, np.where(need > 0, ration, 1.0), s / need)
            s = s - consumed
            stock[c] = s
            stocks[:, c, d] = s
            depleted[:, c] = np.where((s == 0) & (depleted[:, c] < 0), d, depleted[:, c])
            if full:
                row.append((s[0], ration[0], days_left[0], inflow[0], consumed[0], need[0] - consumed[0], met[0]))
        if full:
            rows.append(row)
    return stocks, depleted, rows


# --- output -------------------------------------------------------------------------------------

def fixed(x, places=3):
    """Rounded half away from zero, trailing zeros trimmed, empty for infinities (as cordon)."""
    if not math.isfinite(x):
        return ""
    scale = 10 ** places
    units = int(math.floor(abs(x) * scale + 0.5)) * (1 if x >= 0 else -1)
    whole, frac = divmod(abs(units), scale)
    text = ("-" if units < 0 else "") + str(whole)
    if frac:
        text += "." + str(frac).rjust(places, "0").rstrip("0")
    return text


def nearest_rank(p, n):
    return max(1, (p * n + 99) // 100)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("scenario")
    ap.add_argument("--runs", type=int)
    ap.add_argument("--seed", type=int)
    ap.add_argument("-o", "--output")
    ap.add_argument("--summary")
    a = ap.parse_args()
    with open(a.scenario) as f:
        sc = yaml.safe_load(f)

    t0 = time.perf_counter()
    start, end = as_day(sc["start"]), as_day(sc["end"])
    names = [s["commodity"] for s in sc["supplies"]]
    _, depleted0, rows = simulate(sc, Params(sc, 1), 1, full=True)
    unc = sc.get("uncertainty") or {}
    runs = a.runs if a.runs is not None else unc.get("runs", 0)
    seed = a.seed if a.seed is not None else unc.get("seed", 0)
    bands = None
    if runs > 0:
        p = Params(sc, runs)
        streams = Streams(seed, runs)
        for path, dist in (unc.get("vary") or {}).items():
            p.set(path, draw(dist, streams, runs), names)
        stocks, depleted, _ = simulate(sc, p, runs)
        ks = [nearest_rank(q, runs) - 1 for q in (5, 50, 95)]
        bands = np.partition(stocks, ks, axis=0)[ks]  # (3, C, days)
        spreads = []
        for c in range(len(names)):
            dd = np.sort(np.where(depleted[:, c] < 0, np.iinfo(np.int64).max, depleted[:, c]))
            pick = lambda k: None if dd[k] == np.iinfo(np.int64).max else start + dt.timedelta(days=int(dd[k]))
            spreads.append(([pick(k) for k in ks], float(np.mean(depleted[:, c] < 0))))
    seconds = time.perf_counter() - t0

    header = ["date", "population", "evacuated"]
    for c in names:
        header += [f"{c}_{k}" for k in ("stock", "ration", "days_left", "inflow", "consumed", "shortfall")]
        if bands is not None:
            header += [f"{c}_stock_p5", f"{c}_stock_p50", f"{c}_stock_p95"]
    lines = [",".join(header)]
    for d, row in enumerate(rows):
        cells = [str(start + dt.timedelta(days=d)), fixed(row[0]), fixed(row[1])]
        for c, (s, ration, left, inflow, consumed, short, _) in enumerate(row[2:]):
            cells += [fixed(s), fixed(ration, 6), fixed(left), fixed(inflow), fixed(consumed), fixed(short)]
            if bands is not None:
                cells += [fixed(bands[k, c, d]) for k in range(3)]
        lines.append(",".join(cells))
    csv = "\n".join(lines) + "\n"

    if a.output and a.output != "-":
        with open(a.output, "w") as f:
            f.write(csv)
    else:
        sys.stdout.write(csv)

    if a.summary:
        date = lambda x: "null" if x is None else f'"{x}"'
        out = ["{", f'  "start": "{start}",', f'  "end": "{end}",', f'  "evacuated": {fixed(rows[-1][1])},', '  "commodities": {']
        items = []
        for c, name in enumerate(names):
            dep = None if depleted0[0, c] < 0 else start + dt.timedelta(days=int(depleted0[0, c]))
            first = {}
            for d, row in enumerate(rows):
                met = row[2 + c][6]
                for band, ceiling in BANDS:
                    if met < ceiling and band not in first:
                        first[band] = start + dt.timedelta(days=d)
            b = ", ".join(f'"{band}": {date(first.get(band))}' for band, _ in BANDS)
            items.append(f'    "{name}": {{"depleted": {date(dep)}, "bands": {{{b}}}}}')
        out.append(",\n".join(items))
        if bands is None:
            out.append("  }")
        else:
            out += ["  },", '  "monte_carlo": {', f'    "runs": {runs},', f'    "seed": {seed},', '    "commodities": {']
            out.append(",\n".join(
                f'      "{name}": {{"depleted": {{"p5": {date(q[0])}, "p50": {date(q[1])}, "p95": {date(q[2])}, '
                f'"never": {fixed(never, 6)}}}}}' for name, (q, never) in zip(names, spreads)))
            out += ["    }", "  }"]
        out.append("}")
        with open(a.summary, "w") as f:
            f.write("\n".join(out) + "\n")
    print(f"yardstick_seconds={seconds:.4f}", file=sys.stderr)


if __name__ == "__main__":
    main()
