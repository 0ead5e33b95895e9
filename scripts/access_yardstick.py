#!/usr/bin/env python3
"""Yardstick for `cordon access` (docs/design.md#roads), written apart from the Swift code:
Shapely for geometry, pyproj's Geod for lengths, scipy.sparse.csgraph for shortest paths.

It generates a control map of square cells (opposition, besieged; sdf, allied; government, hostile) and a
road network of straight lines across it at offsets that never fall on a cell border, nodes the
lines where they cross (they are axis-aligned, so at each (x_i, y_j)), cuts every edge with more
than 1 m inside hostile ground, and, with no fire range, finds for each pocket the quickest road
to the study area's edge (where every line ends). All roads are `residential` (25 km/h).

  access_yardstick.py --cells 20 --lines 40 --seed 1 --out DIR

writes DIR/map.geojson and DIR/roads.geojson and prints JSON: the pockets' least seconds to
the edge, sorted, those without a road out, and the seconds the solving took.

  access_yardstick.py --cells 45 --lines 100 --days 365 --share 0.01 --seed 1 --out DIR

makes the map dated: from 2024-01-01, each day a share of the cells changes hands between
opposition and government. It then solves every day afresh, looping over the dates, and
prints one answer per day (`days`, in date order) and the seconds all of it took.
"""
import argparse, json, os, random, time

import numpy as np
from pyproj import Geod
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import dijkstra
from shapely.geometry import LineString, Point, box, mapping
from shapely.ops import unary_union
from shapely.prepared import prep

GEOD = Geod(ellps="WGS84")
SPEED = 25 / 3.6
LON0, LAT0, CELL = 37.0, 36.0, 0.01


def generate(cells, lines, seed):
    rng = random.Random(seed)
    areas = []
    for i in range(cells):
        for j in range(cells):
            r = rng.random()
            who = "government" if r < 0.35 else "sdf" if r < 0.65 else "opposition"
            areas.append((box(LON0 + i * CELL, LAT0 + j * CELL, LON0 + (i + 1) * CELL, LAT0 + (j + 1) * CELL), who))
    extent = cells * CELL
    def offsets():
        # Away from cell borders by at least 5 % of a cell.
        out = set()
        while len(out) < lines:
            k, f = rng.randrange(cells), rng.uniform(0.05, 0.95)
            out.add(round((k + f) * CELL, 9))
        return sorted(out)
    xs, ys = offsets(), offsets()
    return areas, xs, ys, extent


def daily(areas, days, share, seed):
    """Per-day controllers: day 0 as generated, then each day `share` of the cells flips."""
    rng = random.Random(seed + 1000)
    states = [[w for _, w in areas]]
    flippable = [i for i, (_, w) in enumerate(areas) if w != "sdf"]
    for _ in range(days):
        now = list(states[-1])
        for i in rng.sample(flippable, max(1, int(len(flippable) * share))):
            now[i] = "government" if now[i] == "opposition" else "opposition"
        states.append(now)
    return states


def solve(areas, xs, ys, extent):
    started = time.perf_counter()
    hostile = unary_union([g for g, w in areas if w == "government"])
    hostile_p = prep(hostile)
    pockets = list(getattr(unary_union([g for g, w in areas if w == "opposition"]), "geoms", None) or
                   [unary_union([g for g, w in areas if w == "opposition"])])
    gx = [LON0] + [LON0 + x for x in xs] + [LON0 + extent]
    gy = [LAT0] + [LAT0 + y for y in ys] + [LAT0 + extent]
    # Nodes: every crossing, and the lines' ends on the edge of the study area.
    index = {}
    def node(x, y):
        return index.setdefault((x, y), len(index))
    rows, cols, weights = [], [], []
    def edge(a, b):
        line = LineString([a, b])
        if hostile_p.intersects(line):
            inside = line.intersection(hostile)
            if inside.length > 0 and GEOD.geometry_length(inside) > 1:
                node(*a), node(*b)
                return
        length = GEOD.geometry_length(line)
        rows.append(node(*a)); cols.append(node(*b)); weights.append(length / SPEED)
    for y in gy[1:-1]:
        for k in range(len(gx) - 1):
            edge((gx[k], y), (gx[k + 1], y))
    for x in gx[1:-1]:
        for k in range(len(gy) - 1):
            edge((x, gy[k]), (x, gy[k + 1]))
    n = len(index)
    graph = coo_matrix((weights, (rows, cols)), shape=(n, n)).tocsr()
    exits = [i for (x, y), i in index.items() if x in (gx[0], gx[-1]) or y in (gy[0], gy[-1])]
    seconds = dijkstra(graph, directed=False, indices=exits, min_only=True)
    coords = sorted(index.items(), key=lambda kv: kv[1])
    found, stuck = [], 0
    for p in pockets:
        pp = prep(p)
        inside = [i for (x, y), i in coords if pp.intersects(Point(x, y))]
        best = min((seconds[i] for i in inside), default=np.inf)
        if np.isfinite(best):
            found.append(float(best))
        elif inside:
            stuck += 1
    return {"seconds": sorted(found), "without_road_out": stuck, "pockets": len(pockets),
            "solve_seconds": time.perf_counter() - started, "edges": len(weights)}


def write(areas, xs, ys, extent, out, states=None):
    os.makedirs(out, exist_ok=True)
    features = []
    if states is None:
        features = [{"type": "Feature", "properties": {"controller": w}, "geometry": mapping(g)} for g, w in areas]
    else:
        import datetime
        day = lambda k: (datetime.date(2024, 1, 1) + datetime.timedelta(days=k)).isoformat()
        for i, (g, _) in enumerate(areas):
            start = 0
            for k in range(1, len(states) + 1):
                if k == len(states) or states[k][i] != states[start][i]:
                    p = {"controller": states[start][i]}
                    if start > 0:
                        p["from"] = day(start)
                    if k < len(states):
                        p["until"] = day(k)
                    features.append({"type": "Feature", "properties": p, "geometry": mapping(g)})
                    start = k
    fc = {"type": "FeatureCollection", "features": features}
    with open(os.path.join(out, "map.geojson"), "w") as f:
        json.dump(fc, f)
    roads = [[(LON0, LAT0 + y), (LON0 + extent, LAT0 + y)] for y in ys] + \
            [[(LON0 + x, LAT0), (LON0 + x, LAT0 + extent)] for x in xs]
    fc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"highway": "residential"},
         "geometry": {"type": "LineString", "coordinates": r}} for r in roads]}
    with open(os.path.join(out, "roads.geojson"), "w") as f:
        json.dump(fc, f)


if __name__ == "__main__":
    a = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    a.add_argument("--cells", type=int, default=20)
    a.add_argument("--lines", type=int, default=40)
    a.add_argument("--seed", type=int, default=1)
    a.add_argument("--days", type=int, default=0)
    a.add_argument("--share", type=float, default=0.01)
    a.add_argument("--out", required=True)
    args = a.parse_args()
    areas, xs, ys, extent = generate(args.cells, args.lines, args.seed)
    if args.days == 0:
        write(areas, xs, ys, extent, args.out)
        print(json.dumps(solve(areas, xs, ys, extent)))
    else:
        states = daily(areas, args.days, args.share, args.seed)
        write(areas, xs, ys, extent, args.out, states)
        started = time.perf_counter()
        answers = [solve([(g, w) for (g, _), w in zip(areas, state)], xs, ys, extent) for state in states]
        print(json.dumps({"days": answers, "solve_seconds": time.perf_counter() - started,
                          "edges": answers[0]["edges"]}))
