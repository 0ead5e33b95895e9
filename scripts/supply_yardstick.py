#!/usr/bin/env python3
"""The yardstick for `cordon simulate`: the same supply rules, written independently in numpy.

All Monte Carlo runs advance together, one numpy operation per rule per day over arrays of runs.
It reads the same scenario files (YAML or JSON; the supply keys only) and writes the same
timeline.csv and summary.json, so its output can be compared byte for byte with cordon's,
and timed against it (scripts/bench-supply).

It knows no maps. For a scenario of `cordon run` (inflows along a `route`, evacuation through a
`corridor`, population from the map), give what the map would: `--population N` and
`--access FILE`, a JSON object
    {"routes": {"Castello Road": [["2016-07-01", "open"], ["2016-07-07", "under_fire"], ...], ...},
     "corridors": {"Seif al-Dawla corridor": {"from": "2016-07-28", "until": null, "daily_capacity": 1000}}}
Each route's status holds from its date until the next change, `cut` before the first; an inflow
along a route gets per_day x 1 when open, x under_fire_factor (default 0) when under fire, nothing
when cut (docs/design.md#the-supply-day). An evacuation rule naming a corridor runs only on the
days in both its own window and the corridor's, and takes the corridor's daily_capacity when it
has no per_day (docs/design.md#corridors).

The random numbers follow the documented scheme of CordonSupply, vectorised over runs: run i
draws from xoshiro256** seeded with four SplitMix64 outputs starting at seed + i * 0xD1B54A32D192ED03
(mod 2^64); uniforms are the top 53 bits over 2^53; normals come from Box-Muller with two
uniforms, redrawn (up to 64 times) while the value is negative.

usage: supply_yardstick.py SCENARIO [--runs N] [--seed S] [--population N] [--access FILE]
                           [-o timeline.csv] [--summary summary.json]
The compute time (after reading the file) is printed on stderr as `yardstick_seconds=...`.
"""
import argparse
import datetime as dt
import json
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

    def __init__(self, seed, runs, first=0):
        self.s = splitmix_states([(seed + i * 0xD1B54A32D192ED03) & M64 for i in range(first, first + runs)])

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

    def __init__(self, sc, runs, corridors=None):
        full = lambda x: np.full(runs, float(x))
        corridors = corridors or {}
        self.population = full(sc["population"])
        self.supplies = [{k: full(s.get(k, 0)) for k in ("stock", "need_per_person_day", "spoilage_per_day")}
                         for s in sc["supplies"]]
        # The price index (a model): its two numbers may vary too.
        for s, d in zip(sc["supplies"], self.supplies):
            if s.get("price"):
                d["price.elasticity"] = full(s["price"]["elasticity"])
                d["price.cap"] = full(s["price"]["cap"])
        self.inflows = [{k: full(f[k]) for k in ("per_day", "amount", "under_fire_factor") if k in f}
                        for f in sc.get("inflows") or []]
        self.names = inflow_names(sc)
        self.evacuation = [{"per_day": full(e["per_day"] if "per_day" in e else corridors[e["corridor"]]["daily_capacity"]),
                            "max_total": full(e.get("max_total", math.inf))}
                           for e in sc.get("evacuation") or []]

    def set(self, path, value, names):
        parts = path.split(".")
        if parts[0] == "population":
            self.population = value
        elif parts[0] == "supplies":
            key = ".".join(parts[2:])
            self.supplies[names.index(parts[1])][key] = np.minimum(value, 1) if key == "spoilage_per_day" else value
        elif parts[0] == "inflows":
            item = ".".join(parts[1:-1])
            index = int(item) if item.isdigit() else self.names.index(item)
            self.inflows[index][parts[-1]] = value
        else:
            self.evacuation[int(parts[1])][parts[2]] = value


def window(rule, start, days, frm="from", until="until"):
    lo = max(0, (as_day(rule[frm]) - start).days) if rule.get(frm) is not None else 0
    hi = min(days, (as_day(rule[until]) - start).days) if rule.get(until) is not None else days
    return range(lo, hi) if lo < hi else range(0)


def route_status(changes, day):
    """The status in force on `day`: the last change on or before it, `cut` before any."""
    status = "cut"
    for date, s in sorted((as_day(d), s) for d, s in changes):
        if date <= day:
            status = s
    return status


def corridor_window(rule, corridor, start, days):
    """An evacuation rule's days within the corridor's declared [from, until)."""
    later = lambda a, b: b if a is None else a if b is None else max(as_day(a), as_day(b))
    earlier = lambda a, b: b if a is None else a if b is None else min(as_day(a), as_day(b))
    both = {"from": later(rule.get("from"), corridor.get("from")), "until": earlier(rule.get("until"), corridor.get("until"))}
    return window(both, start, days)


def inflow_names(sc):
    """Each inflow's name: its own, else "<commodity> by <route or corridor>" ("+" between the
    routes of a chain), "<commodity> inflow" without a route, "<commodity> on <date>" for a
    delivery; a default already taken gets " 2", " 3", ... (docs/design.md#inflows)."""
    inflows = sc.get("inflows") or []
    taken = {f["name"] for f in inflows if "name" in f}
    out = []
    for f in inflows:
        if "name" in f:
            out.append(f["name"])
            continue
        if "date" in f:
            base = f"{f['commodity']} on {as_day(f['date'])}"
        else:
            chain = f.get("route") or []
            ways = ([chain] if isinstance(chain, str) else list(chain)) + ([f["corridor"]] if "corridor" in f else [])
            ways += ["air"] if "airport" in f else []
            base = f"{f['commodity']} by " + " + ".join(ways) if ways else f"{f['commodity']} inflow"
        name, k = base, 1
        while name in taken:
            k += 1
            name = f"{base} {k}"
        taken.add(name)
        out.append(name)
    return out


def simulate(sc, p, runs, access, full=False):
    """The daily rules over all runs at once. Returns stocks (runs, commodities, days), depletion
    day indices (-1 when never) and, with `full`, per-day columns of run 0."""
    start, end = as_day(sc["start"]), as_day(sc["end"])
    days = (end - start).days + 1
    supplies = sc["supplies"]
    names = [s["commodity"] for s in supplies]
    inflows = sc.get("inflows") or []
    statuses = []  # per inflow: each day's status (worst link of a chain, cut while suspended), or None
    worst = lambda a, b: max(a, b, key=["open", "under_fire", "cut"].index)
    for f in inflows:
        for key in ("corridor", "airport"):
            if key in f:
                raise SystemExit(f"yardstick: an inflow by {key} needs the map; it knows routes only")
        chain = f.get("route") or []
        chain = [chain] if isinstance(chain, str) else chain
        status = None
        for route in chain:
            if route not in (access or {}).get("routes", {}):
                raise SystemExit(f"yardstick: route {route!r} needs its statuses in --access")
            own = [route_status(access["routes"][route], start + dt.timedelta(days=d)) for d in range(days)]
            status = own if status is None else [worst(a, b) for a, b in zip(status, own)]
        if f.get("suspended"):
            status = status or ["open"] * days
            for w in f["suspended"]:
                for d in window(w, start, days):
                    status[d] = "cut"
        statuses.append(status)
    in_windows = [range((as_day(f["date"]) - start).days, (as_day(f["date"]) - start).days + 1)
                  if "date" in f else window(f, start, days) for f in inflows]
    evac = sc.get("evacuation") or []
    # Without --access this is `cordon simulate`, which knows no corridors: rules run on their own dates.
    through = lambda e: access is not None and e.get("corridor")
    for e in evac:
        if through(e) and e["corridor"] not in access.get("corridors", {}):
            raise SystemExit(f"yardstick: corridor {e['corridor']!r} needs its declared window in --access")
    ev_windows = [corridor_window(e, access["corridors"][e["corridor"]], start, days) if through(e)
                  else window(e, start, days) for e in evac]
    rules = sorted(((float(r["below_days"]), float(r["ration"])) for r in sc.get("rationing") or []))
    # Population changes close each day, after eating (docs/design.md#the-supply-day).
    changes = sc.get("population_changes") or []
    ch_windows = [window(x, start, days) for x in changes]
    moved_by = [np.zeros(runs) for _ in changes]
    moved = {"deaths": np.zeros(runs), "arrivals": np.zeros(runs), "departures": np.zeros(runs)}

    C = len(supplies)
    stocks = np.empty((runs, C, days))
    depleted = np.full((runs, C), -1)
    stock = [p.supplies[c]["stock"].copy() for c in range(C)]
    pop = p.population.copy()
    evacuated = np.zeros(runs)
    taken = [np.zeros(runs) for _ in evac]
    rows = []
    delivered = [[0.0, 0] for _ in inflows]  # run 0: each inflow's total and days flowing
    for d in range(days):
        for r, e in enumerate(evac):
            if d in ev_windows[r]:
                take = np.maximum(0, np.minimum(np.minimum(p.evacuation[r]["per_day"], p.evacuation[r]["max_total"] - taken[r]), pop))
                taken[r] = taken[r] + take
                pop = pop - take
                evacuated = evacuated + take
        row = [pop[0], evacuated[0]] if full else None
        eaters = pop.copy()
        kcal = np.zeros(runs)
        short = []
        month = (start + dt.timedelta(days=d)).month
        for c in range(C):
            inflow = np.zeros(runs)
            for i, f in enumerate(inflows):
                if names.index(f["commodity"]) == c and d in in_windows[i]:
                    status = statuses[i][d] if statuses[i] else "open"
                    amount = np.zeros(runs)
                    if "date" in f:
                        amount = p.inflows[i]["amount"]
                    elif status == "open":
                        amount = p.inflows[i]["per_day"]
                    elif status == "under_fire":
                        factor = p.inflows[i].get("under_fire_factor", np.zeros(runs))
                        amount = p.inflows[i]["per_day"] * factor
                    if status != "cut" or "date" in f:
                        inflow = inflow + amount
                    delivered[i][0] += amount[0]
                    delivered[i][1] += amount[0] > 0
            s = stock[c] + inflow
            spoiled = s * p.supplies[c]["spoilage_per_day"]
            s = s - spoiled
            factors = supplies[c].get("need_by_month")
            need = pop * p.supplies[c]["need_per_person_day"] * (float(factors[month - 1]) if factors else 1.0)
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
            short.append(consumed < need)
            if supplies[c].get("kcal_per_unit") is not None:
                with np.errstate(divide="ignore", invalid="ignore"):
                    kcal = kcal + np.where(eaters > 0, consumed * float(supplies[c]["kcal_per_unit"]) / eaters, 0)
            if full:
                row.append((s[0], ration[0], days_left[0], inflow[0], consumed[0], need[0] - consumed[0], met[0]))
        for r, x in enumerate(changes):
            if d not in ch_windows[r]:
                continue
            gate = short[names.index(x["while_short"])] if x.get("while_short") else np.ones(runs, dtype=bool)
            amount = float(x["per_day"]) if "per_day" in x else pop * float(x["per_10k_day"]) / 10_000
            cap = float(x.get("max_total", math.inf))
            move = np.where(gate, np.maximum(0, np.minimum(amount, cap - moved_by[r])), 0)
            if x["kind"] != "arrivals":
                move = np.minimum(move, pop)
            moved_by[r] = moved_by[r] + move
            moved[x["kind"]] = moved[x["kind"]] + move
            pop = pop + move if x["kind"] == "arrivals" else pop - move
        if full:
            row[0] = pop[0]
            row.append(({k: v[0] for k, v in moved.items()}, kcal[0] if eaters[0] > 0 else None))
            rows.append(row)
    return stocks, depleted, (rows, delivered)


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


# --- the price index, a model (docs/design.md, "The price index") --------------------------------

def priced(sc, commodity):
    return any(s["commodity"] == commodity and s.get("price") for s in sc["supplies"])


def price_multiple(elasticity, cap, left, at_start):
    """min(cap, max(1, (D0 / D) ** elasticity)); the cap once nothing is left, 1 when as well off as at the start."""
    if left <= 0:
        return max(1.0, cap)
    if left >= at_start:
        return 1.0
    return min(max(1.0, cap), max(1.0, (at_start / left) ** elasticity))


# --- calibration: ABC rejection on depletion dates (what `cordon calibrate` does) ---------------

def calibrate(sc, access, runs, seed, accept, keys, block=10_000):
    """Draws `runs` runs from the uncertainty ranges named by `keys` (all when empty), in blocks,
    and keeps those whose run-out nearest each `<commodity>.depleted` observation's date lies
    within ±accept of it. A run-out is a day whose stock ends at 0 after a day that ended with
    some (day 0 counts); a refilled stock can run out again, and the observation is compared
    with the run-out nearest its date, the earlier on a tie (docs/scenario.md, observations).
    Returns the accepted count and the P5/P50/P95 of each drawn input."""
    start = as_day(sc["start"])
    names = [s["commodity"] for s in sc["supplies"]]
    vary = [(k, v) for k, v in ((sc.get("uncertainty") or {}).get("vary") or {}).items() if not keys or k in keys]
    targets = []
    for o in sc.get("observations") or []:
        what = o["what"]
        if not what.endswith(".depleted"):
            continue
        targets.append((names.index(what[: -len(".depleted")]), (as_day(o["date"]) - start).days))
    if not targets:
        raise SystemExit("yardstick: calibrate needs a <commodity>.depleted observation")
    corridors = (access or {}).get("corridors", {})
    kept = [[] for _ in vary]
    accepted = 0
    for first in range(0, runs, block):
        n = min(block, runs - first)
        p = Params(sc, n, corridors)
        streams = Streams(seed, n, first)
        drawn = []
        for path, dist in vary:
            x = draw(dist, streams, n)
            drawn.append(x)
            p.set(path, x, names)
        stocks, _, _ = simulate(sc, p, n, access)
        ok = np.ones(n, dtype=bool)
        for c, day in targets:
            s = stocks[:, c, :]
            before = np.concatenate([np.full((n, 1), np.inf), s[:, :-1]], axis=1)
            days = np.arange(s.shape[1])
            # Twice the distance, plus one past the date: the earlier of two as near wins.
            rank = np.where((s == 0) & (before > 0), 2 * np.abs(days - day) + (days > day), np.iinfo(np.int64).max)
            nearest = rank.argmin(axis=1)
            ok &= (rank[np.arange(n), nearest] < np.iinfo(np.int64).max) & (np.abs(nearest - day) <= accept)
        accepted += int(ok.sum())
        for j, x in enumerate(drawn):
            kept[j].append(x[ok])
    inputs = []
    for (path, _), parts in zip(vary, kept):
        v = np.sort(np.concatenate(parts)) if parts else np.array([])
        pick = lambda q: float(v[nearest_rank(q, len(v)) - 1]) if len(v) else None
        inputs.append({"name": path, "p5": pick(5), "p50": pick(50), "p95": pick(95)})
    return accepted, inputs


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("scenario")
    ap.add_argument("--runs", type=int)
    ap.add_argument("--seed", type=int)
    ap.add_argument("--population", type=float, help="the people at start, as the map gives them to `cordon run`")
    ap.add_argument("--access", help="route statuses and corridor windows (JSON), as the map gives them")
    ap.add_argument("-o", "--output")
    ap.add_argument("--summary")
    ap.add_argument("--calibrate", type=int, metavar="RUNS",
                    help="ABC rejection on the depletion observations over RUNS runs; prints JSON and stops")
    ap.add_argument("--accept", type=float, default=14, help="days either side of a depletion observation (--calibrate)")
    ap.add_argument("--vary", default="", help="comma-separated uncertainty.vary paths to draw (--calibrate; default all)")
    a = ap.parse_args()
    with open(a.scenario) as f:
        sc = yaml.safe_load(f)
    access = None
    if a.access:
        with open(a.access) as f:
            access = json.load(f)
    if a.population is not None:
        sc["population"] = a.population
    corridors = (access or {}).get("corridors", {})

    if a.calibrate is not None:
        unc = sc.get("uncertainty") or {}
        seed = a.seed if a.seed is not None else unc.get("seed", 0)
        t0 = time.perf_counter()
        accepted, inputs = calibrate(sc, access, a.calibrate, seed, a.accept, [k for k in a.vary.split(",") if k])
        seconds = time.perf_counter() - t0
        print(json.dumps({"runs": a.calibrate, "accepted": accepted, "inputs": inputs}))
        print(f"yardstick_seconds={seconds:.3f}", file=sys.stderr)
        return

    t0 = time.perf_counter()
    start, end = as_day(sc["start"]), as_day(sc["end"])
    names = [s["commodity"] for s in sc["supplies"]]
    _, depleted0, (rows, delivered) = simulate(sc, Params(sc, 1, corridors), 1, access, full=True)
    unc = sc.get("uncertainty") or {}
    runs = a.runs if a.runs is not None else unc.get("runs", 0)
    seed = a.seed if a.seed is not None else unc.get("seed", 0)
    bands = None
    if runs > 0:
        p = Params(sc, runs, corridors)
        streams = Streams(seed, runs)
        for path, dist in (unc.get("vary") or {}).items():
            p.set(path, draw(dist, streams, runs), names)
        stocks, depleted, _ = simulate(sc, p, runs, access)
        ks = [nearest_rank(q, runs) - 1 for q in (5, 50, 95)]
        bands = np.partition(stocks, ks, axis=0)[ks]  # (3, C, days)
        spreads = []
        for c in range(len(names)):
            dd = np.sort(np.where(depleted[:, c] < 0, np.iinfo(np.int64).max, depleted[:, c]))
            pick = lambda k: None if dd[k] == np.iinfo(np.int64).max else start + dt.timedelta(days=int(dd[k]))
            spreads.append(([pick(k) for k in ks], float(np.mean(depleted[:, c] < 0))))
    seconds = time.perf_counter() - t0

    header = ["date", "population", "evacuated"]
    with_moves = bool(sc.get("population_changes"))
    with_kcal = any(x.get("kcal_per_unit") is not None for x in sc["supplies"])
    if with_moves:
        header += ["deaths", "arrivals", "departures"]
    if with_kcal:
        header.append("kcal_per_person_day")
    for c in names:
        header += [f"{c}_{k}" for k in ("stock", "ration", "days_left", "inflow", "consumed", "shortfall")]
        if bands is not None:
            header += [f"{c}_stock_p5", f"{c}_stock_p50", f"{c}_stock_p95"]
        if priced(sc, c):
            header.append(f"{c}_price_index")
    lines = [",".join(header)]
    first_left = [rows[0][2 + c][2] for c in range(len(names))] if rows else []
    for d, row in enumerate(rows):
        cells = [str(start + dt.timedelta(days=d)), fixed(row[0]), fixed(row[1])]
        people, kcal = row[-1]
        if with_moves:
            cells += [fixed(people[k]) for k in ("deaths", "arrivals", "departures")]
        if with_kcal:
            cells.append("" if kcal is None else fixed(kcal))
        for c, (s, ration, left, inflow, consumed, short, _) in enumerate(row[2:-1]):
            cells += [fixed(s), fixed(ration, 6), fixed(left), fixed(inflow), fixed(consumed), fixed(short)]
            if bands is not None:
                cells += [fixed(bands[k, c, d]) for k in range(3)]
            if priced(sc, names[c]):
                price = sc["supplies"][c]["price"]
                cells.append(fixed(price_multiple(float(price["elasticity"]), float(price["cap"]), left, first_left[c])))
        lines.append(",".join(cells))
    csv = "\n".join(lines) + "\n"

    if a.output and a.output != "-":
        with open(a.output, "w") as f:
            f.write(csv)
    else:
        sys.stdout.write(csv)

    if a.summary:
        date = lambda x: "null" if x is None else f'"{x}"'
        out = ["{", f'  "start": "{start}",', f'  "end": "{end}",', f'  "evacuated": {fixed(rows[-1][1])},']
        listed = [f'    {{"name": {json.dumps(n, ensure_ascii=False)}, "commodity": {json.dumps(f["commodity"], ensure_ascii=False)}, '
                  f'"delivered": {fixed(total)}, "days_flowing": {flowing}}}'
                  for n, f, (total, flowing) in zip(inflow_names(sc), sc.get("inflows") or [], delivered)]
        out.append('  "inflows": [\n' + ",\n".join(listed) + "\n  ]," if listed else '  "inflows": [],')
        if with_moves:
            out += [f'  "{k}": {fixed(rows[-1][-1][0][k])},' for k in ("deaths", "arrivals", "departures")]
        out.append('  "commodities": {')
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
            # Shortages: runs of consecutive days whose shortfall is above 0; `until` is the first
            # day without, null when the run reaches the last day.
            short = [row[2 + c][5] > 0 for row in rows]
            periods, since = [], None
            for d, is_short in enumerate(short + [False]):
                if is_short and since is None:
                    since = d
                elif not is_short and since is not None:
                    until = None if d == len(short) else start + dt.timedelta(days=d)
                    periods.append(f'{{"from": {date(start + dt.timedelta(days=since))}, "until": {date(until)}}}')
                    since = None
            items.append(f'    "{name}": {{"depleted": {date(dep)}, "bands": {{{b}}}, "shortages": [{", ".join(periods)}]}}')
        out.append(",\n".join(items))
        energy = [row[-1][1] for row in rows if row[-1][1] is not None]
        kcal_line = None
        if with_kcal:
            kcal_line = ("null" if not energy else
                         f'{{"mean": {fixed(sum(energy) / len(energy))}, "min": {fixed(min(energy))}, '
                         f'"days_below_2100": {sum(1 for e in energy if e < 2100)}}}')
        if bands is None:
            out.append("  }" + (f',\n  "kcal": {kcal_line}' if kcal_line else ""))
        else:
            out += ["  }" + (f',\n  "kcal": {kcal_line}' if kcal_line else "") + ",", '  "monte_carlo": {', f'    "runs": {runs},', f'    "seed": {seed},', '    "commodities": {']
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
