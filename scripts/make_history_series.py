#!/usr/bin/env python3
"""A daily series of snapshots for `cordon history` benchmarks, from a map of gen_control_map.py.

Every day a front moves: a patch of touching cells of one side (about --share of the cells)
falls to the side next to it. Every day's file rewrites every cell, on odd days with each
ring started at another vertex, so only the ground that changed hands is new.

    make_history_series.py MAP.geojson OUTDIR --days 365 --share 0.01 --seed 1

Writes OUTDIR/snap-YYYY-MM-DD.geojson and prints the change count on standard error.
"""
import argparse
import datetime as dt
import json
import os
import random
import sys

import shapely


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("map")
    ap.add_argument("outdir")
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--share", type=float, default=0.01, help="share of the cells that change hands each day")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", default="2024-01-01")
    a = ap.parse_args()
    rng = random.Random(a.seed)
    feats = json.load(open(a.map))["features"]
    geoms = shapely.from_geojson([json.dumps(f["geometry"]) for f in feats])
    tree = shapely.STRtree(geoms)
    left, right = tree.query(geoms, predicate="touches")
    neigh = [[] for _ in feats]
    for x, y in zip(left, right):
        if x != y:
            neigh[x].append(y)
    owner = [f["properties"]["controller"] for f in feats]
    rings = [f["geometry"]["coordinates"] for f in feats]
    patch = max(1, round(len(feats) * a.share))
    os.makedirs(a.outdir, exist_ok=True)
    start = dt.date.fromisoformat(a.start)
    changed = 0
    for day in range(a.days):
        today = 0
        while day > 0 and today < patch:
            front = [i for i in range(len(feats)) if any(owner[j] != owner[i] for j in neigh[i])]
            seed = rng.choice(front)
            taker = rng.choice([owner[j] for j in neigh[seed] if owner[j] != owner[seed]])
            loser = owner[seed]
            todo, seen = [seed], {seed}
            while todo and today < patch:
                i = todo.pop(0)
                owner[i] = taker
                today += 1
                for j in neigh[i]:
                    if j not in seen and owner[j] == loser:
                        seen.add(j)
                        todo.append(j)
        changed += today
        out = []
        for i, f in enumerate(feats):
            coords = rings[i]
            if day % 2 == 1:
                # The same ring, started one vertex later.
                coords = [r[1:-1] + [r[0], r[1]] for r in coords]
            props = dict(f["properties"], controller=owner[i])
            out.append({"type": "Feature", "properties": props, "geometry": {"type": "Polygon", "coordinates": coords}})
        name = (start + dt.timedelta(days=day)).isoformat()
        with open(os.path.join(a.outdir, f"snap-{name}.geojson"), "w") as fh:
            json.dump({"type": "FeatureCollection", "features": out}, fh, separators=(",", ":"))
    print(f"cells={len(feats)} days={a.days} cells_changed={changed}", file=sys.stderr)


if __name__ == "__main__":
    main()
