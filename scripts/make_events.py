#!/usr/bin/env python3
"""Random conflict events in ACLED's columns over a map's box and a span of days, for scripts/bench.

    make_events.py MAP.geojson --count 1000000 --start 2016-01-01 --days 365 --seed 1 > events.csv

A tenth of the events get geo_precision 3 (counted apart by cordon's default --max-precision 2);
types and sub-types are drawn from four ACLED pairs; fatalities from 0 to 9. Deterministic for a seed.
"""
import argparse
import datetime as dt
import json
import random
import sys

TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Explosions/Remote violence", "Air/drone strike"), ("Violence against civilians", "Attack")]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("map")
    ap.add_argument("--count", type=int, default=1_000_000)
    ap.add_argument("--start", default="2016-01-01")
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    fc = json.load(open(a.map))
    xs, ys = [], []
    def walk(c):
        if isinstance(c[0], (int, float)):
            xs.append(c[0]); ys.append(c[1])
        else:
            for p in c:
                walk(p)
    for f in fc["features"]:
        walk(f["geometry"]["coordinates"])
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    rng = random.Random(a.seed)
    start = dt.date.fromisoformat(a.start)
    days = [(start + dt.timedelta(days=d)).isoformat() for d in range(a.days)]
    out = sys.stdout
    out.write("event_date,event_type,sub_event_type,latitude,longitude,geo_precision,fatalities\n")
    lines = []
    for _ in range(a.count):
        t, s = TYPES[rng.randrange(4)]
        lines.append(f"{days[rng.randrange(a.days)]},{t},{s},{rng.uniform(y0, y1):.5f},{rng.uniform(x0, x1):.5f},"
                     f"{3 if rng.random() < 0.1 else 1 + rng.randrange(2)},{rng.randrange(10)}\n")
        if len(lines) >= 100_000:
            out.write("".join(lines)); lines = []
    out.write("".join(lines))


if __name__ == "__main__":
    main()
