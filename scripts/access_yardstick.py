#!/usr/bin/env python3
"""Yardstick for `cordon access` (docs/design.md#roads), written apart from the Swift code:
Shapely for geometry, pyproj's Geod for lengths, scipy.sparse.csgraph for shortest paths.

It generates a control map of square cells (opposition, besieged; sdf, allied; government, hostile) and a
road network of straight lines across it at offsets that never fall on a cell border, nodes the
lines where they cross (they are axis-aligned, so at each (x_i, y_j)), cuts every edge with more
than 1 m inside hostile ground, and, with no fire range, finds for each pocket the quickest road
to the study area's edge (where every line ends). All roads are `residential` (25 km/h).

With --oneway SHARE that share of the lines is one-way (OSM `oneway=yes`, driven as drawn, or
`-1`, against it): the graph is directed, and times are those of driving forward from each node
to the edge (Dijkstra from the edge over the reversed graph). With --points N, N population
points lie on the roads, between crossings (DIR/points.geojson); each gets its least seconds to
the edge, driving from where it lies to either end of its stretch of road the way the road allows,
or null when its stretch is cut or no road out is left.

  access_yardstick.py --cells 20 --lines 40 --seed 1 [--oneway 0.2] [--points 100] --out DIR

writes DIR/map.geojson and DIR/roads.geojson and prints JSON: the pockets' least seconds to
the edge, sorted, those without a road out, the points' seconds (`place_seconds`, in file
order) and the seconds the solving took (wall and CPU).

  access_yardstick.py --cells 45 --lines 100 --days 365 --share 0.01 --seed 1 --out DIR

makes the map dated: from 2024-01-01, each day a share of the cells changes hands between
opposition and government. It then solves every day afresh, looping over the dates, and
prints one answer per day (`days`, in date order) and the seconds all of it took.

What is built once and what afresh, so that the comparison is fair: the road network does not
change, so its lines, their geodesic lengths (a two-point line's is one inverse problem), its
nodes and which of them lie on the study area's edge are built once (`Network`), as any program
routing over a fixed network day after day would, and as Cordon does. Each day's `solve` then
starts from the controllers alone: it dissolves the hostile ground, finds the roads in it
through an index of its dissolved parts (Shapely's STRtree) and measures their pieces inside,
builds that day's graph, runs Dijkstra from the edge, dissolves the pockets and locates every
node in them through an index. (Until December 2026 it built a Shapely Point per pocket and
node in a Python loop and intersected every road with the whole hostile multipolygon: over an
hour for 365 days, bit-for-bit the same answers, and a ratio that flattered Cordon.) The one-date
time counts the network's building too, as Cordon's counts its reading and noding.
"""
import argparse, bisect, json, os, random, time

import numpy as np
import shapely
from pyproj import Geod
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import dijkstra
from shapely import STRtree
from shapely.geometry import box, mapping
from shapely.ops import unary_union

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


def oneways(xs, ys, share, seed):
    """Per line (horizontal ones first, as written): 0 both ways, 1 as drawn, -1 against it."""
    rng = random.Random(seed + 7)
    return [0 if rng.random() >= share else rng.choice((1, -1)) for _ in range(len(ys) + len(xs))]


def places(xs, ys, extent, count, seed):
    """Points on the roads: (line, x, y), never within 10 % of a cell's stretch of a crossing."""
    rng = random.Random(seed + 11)
    gx = [0.0] + list(xs) + [extent]
    gy = [0.0] + list(ys) + [extent]
    out = []
    for _ in range(count):
        line = rng.randrange(len(ys) + len(xs))
        if line < len(ys):
            k = rng.randrange(len(gx) - 1)
            x = gx[k] + rng.uniform(0.1, 0.9) * (gx[k + 1] - gx[k])
            out.append((line, LON0 + x, LAT0 + ys[line]))
        else:
            k = rng.randrange(len(gy) - 1)
            y = gy[k] + rng.uniform(0.1, 0.9) * (gy[k + 1] - gy[k])
            out.append((line, LON0 + xs[line - len(ys)], LAT0 + y))
    return out


class Network:
    """The roads, built once, as any program would that routes over a fixed network day after
    day: each stretch between crossings (its line, its seconds), its ends as graph nodes, and the
    nodes on the study area's edge. Nothing here depends on who holds what."""

    def __init__(self, xs, ys, extent, ways=None):
        ways = ways or [0] * (len(xs) + len(ys))
        self.gx = [LON0] + [LON0 + x for x in xs] + [LON0 + extent]
        self.gy = [LAT0] + [LAT0 + y for y in ys] + [LAT0 + extent]
        gx, gy = self.gx, self.gy
        self.ways, self.nys = ways, len(ys)
        self.index = {}
        ends, way = [], []
        for j, y in enumerate(gy[1:-1]):
            for k in range(len(gx) - 1):
                ends.append(((gx[k], y), (gx[k + 1], y))); way.append(ways[j])
        for j, x in enumerate(gx[1:-1]):
            for k in range(len(gy) - 1):
                ends.append(((x, gy[k]), (x, gy[k + 1]))); way.append(ways[len(ys) + j])
        self.ends = ends
        node = lambda c: self.index.setdefault(c, len(self.index))
        self.a = np.array([node(a) for a, _ in ends])
        self.b = np.array([node(b) for _, b in ends])
        self.way = np.array(way)
        coords = np.array([[a, b] for a, b in ends])
        self.lines = shapely.linestrings(coords)
        # A two-point line's geodesic length is the one inverse problem between its ends.
        _, _, metres = GEOD.inv(coords[:, 0, 0], coords[:, 0, 1], coords[:, 1, 0], coords[:, 1, 1])
        self.seconds = metres / SPEED
        xy = np.array(sorted(self.index, key=self.index.get))
        self.points = shapely.points(xy)
        self.exits = np.array([i for (x, y), i in self.index.items()
                               if x in (gx[0], gx[-1]) or y in (gy[0], gy[-1])])


def solve(areas, net, points=()):
    """One day afresh: hostile ground dissolved, roads in it cut, the graph built and Dijkstra
    run from the edge, the pockets dissolved and every node located in them."""
    started, cpu = time.perf_counter(), time.process_time()
    # Hostile ground dissolved; each road's metres inside it, from its pieces in the dissolved
    # parts near it (an index finds them) and the geodesic length of every piece's segments.
    hostile = shapely.get_parts(unary_union([g for g, w in areas if w == "government"]))
    edge, part = STRtree(hostile).query(net.lines, predicate="intersects")
    # (A piece may be a collection of lines and points: taken apart twice, each part keeps its pair.)
    parts, pair = shapely.get_parts(shapely.intersection(net.lines[edge], hostile[part]), return_index=True)
    parts, inner = shapely.get_parts(parts, return_index=True)
    xy, owner = shapely.get_coordinates(parts, return_index=True)
    run = owner[1:] == owner[:-1]
    _, _, d = GEOD.inv(xy[:-1, 0][run], xy[:-1, 1][run], xy[1:, 0][run], xy[1:, 1][run])
    metres = np.zeros(len(net.ends))
    np.add.at(metres, edge[pair[inner[owner[:-1][run]]]], d)
    cut = metres > 1
    kept = ~cut
    # The reversed graph: an entry (v, u) for each way u -> v a road may be driven, so that
    # Dijkstra from the edge gives each node's time driving forward to it.
    fwd, back = kept & (net.way >= 0), kept & (net.way <= 0)
    rows = np.concatenate([net.b[fwd], net.a[back]])
    cols = np.concatenate([net.a[fwd], net.b[back]])
    weights = np.concatenate([net.seconds[fwd], net.seconds[back]])
    n = len(net.index)
    graph = coo_matrix((weights, (rows, cols)), shape=(n, n)).tocsr()
    seconds = dijkstra(graph, directed=True, indices=net.exits, min_only=True)
    # Each point: to the stretch's ends it may drive to (towards the lower end against the drawing).
    gx, gy, ways = net.gx, net.gy, net.ways
    cut_ends = {net.ends[e] for e in np.nonzero(cut)[0]}
    place_seconds = []
    for line, px, py in points:
        along = gx if line < net.nys else gy
        v = px if line < net.nys else py
        k = min(bisect.bisect_right(along, v), len(along) - 1) - 1
        if line < net.nys:
            a, b = (along[k], py), (along[k + 1], py)
        else:
            a, b = (px, along[k]), (px, along[k + 1])
        if (a, b) in cut_ends:
            place_seconds.append(None)
            continue
        best = np.inf
        for end, way in ((a, -1), (b, 1)):
            if ways[line] in (0, way):
                best = min(best, seconds[net.index[end]] + GEOD.line_length([px, end[0]], [py, end[1]]) / SPEED)
        place_seconds.append(float(best) if np.isfinite(best) else None)
    held = unary_union([g for g, w in areas if w == "opposition"])
    pockets = list(getattr(held, "geoms", None) or [held])
    node, pocket = STRtree(pockets).query(net.points, predicate="intersects")
    best = np.full(len(pockets), np.inf)
    np.minimum.at(best, pocket, seconds[node])
    has_nodes = np.bincount(pocket, minlength=len(pockets)) > 0
    found = sorted(float(s) for s in best[np.isfinite(best)])
    stuck = int(np.count_nonzero(has_nodes & ~np.isfinite(best)))
    return {"seconds": found, "without_road_out": stuck, "pockets": len(pockets), "place_seconds": place_seconds,
            "solve_seconds": time.perf_counter() - started, "solve_cpu_seconds": time.process_time() - cpu,
            "edges": int(np.count_nonzero(kept))}


def write(areas, xs, ys, extent, out, states=None, ways=None, points=()):
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
    ways = ways or [0] * len(roads)
    tag = {0: {}, 1: {"oneway": "yes"}, -1: {"oneway": "-1"}}
    fc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"highway": "residential", **tag[w]},
         "geometry": {"type": "LineString", "coordinates": r}} for r, w in zip(roads, ways)]}
    with open(os.path.join(out, "roads.geojson"), "w") as f:
        json.dump(fc, f)
    if points:
        fc = {"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"name": f"point {i}", "population": 10},
             "geometry": {"type": "Point", "coordinates": [x, y]}} for i, (_, x, y) in enumerate(points)]}
        with open(os.path.join(out, "points.geojson"), "w") as f:
            json.dump(fc, f)


if __name__ == "__main__":
    a = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    a.add_argument("--cells", type=int, default=20)
    a.add_argument("--lines", type=int, default=40)
    a.add_argument("--seed", type=int, default=1)
    a.add_argument("--days", type=int, default=0)
    a.add_argument("--share", type=float, default=0.01)
    a.add_argument("--oneway", type=float, default=0.0)
    a.add_argument("--points", type=int, default=0)
    a.add_argument("--out", required=True)
    args = a.parse_args()
    areas, xs, ys, extent = generate(args.cells, args.lines, args.seed)
    ways = oneways(xs, ys, args.oneway, args.seed)
    points = places(xs, ys, extent, args.points, args.seed)
    if args.days == 0:
        write(areas, xs, ys, extent, args.out, ways=ways, points=points)
        started, cpu = time.perf_counter(), time.process_time()
        net = Network(xs, ys, extent, ways)
        answer = solve(areas, net, points)
        # The one date's time counts the network's building too.
        answer["solve_seconds"], answer["solve_cpu_seconds"] = time.perf_counter() - started, time.process_time() - cpu
        print(json.dumps(answer))
    else:
        states = daily(areas, args.days, args.share, args.seed)
        write(areas, xs, ys, extent, args.out, states, ways=ways, points=points)
        started, cpu = time.perf_counter(), time.process_time()
        net = Network(xs, ys, extent, ways)
        answers = [solve([(g, w) for (g, _), w in zip(areas, state)], net, points) for state in states]
        print(json.dumps({"days": answers, "solve_seconds": time.perf_counter() - started,
                          "solve_cpu_seconds": time.process_time() - cpu,
                          "edges": answers[0]["edges"]}))
