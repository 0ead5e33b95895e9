#!/usr/bin/env python3
"""Random straight routes of a given length inside a map's bounding box, for benchmarks.

    make_routes.py MAP --count 1000 --km 10 --seed 1 > routes.geojson

Every tenth route is a corridor; the rest are supply routes. Reproducible for a seed.
"""
import argparse, json, math, random

ap = argparse.ArgumentParser()
ap.add_argument("map"); ap.add_argument("--count", type=int, default=1000)
ap.add_argument("--km", type=float, default=10.0); ap.add_argument("--seed", type=int, default=1)
a = ap.parse_args()
xs, ys = [], []
for f in json.load(open(a.map))["features"]:
    def walk(c):
        if isinstance(c[0], (int, float)): xs.append(c[0]); ys.append(c[1])
        else:
            for x in c: walk(x)
    walk(f["geometry"]["coordinates"])
x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
rng = random.Random(a.seed)
lat = (y0 + y1) / 2
dlat = a.km / 111.0
dlon = a.km / (111.0 * math.cos(math.radians(lat)))
feats = []
for i in range(a.count):
    ang = rng.uniform(0, 2 * math.pi)
    dx, dy = dlon * math.cos(ang), dlat * math.sin(ang)
    sx = rng.uniform(x0 + abs(dx), x1 - abs(dx)); sy = rng.uniform(y0 + abs(dy), y1 - abs(dy))
    line = [[round(sx + dx * t / 4, 6), round(sy + dy * t / 4, 6)] for t in range(5)]
    kind = "corridor" if i % 10 == 0 else "supply"
    feats.append({"type": "Feature", "properties": {"name": f"route-{i}", "kind": kind},
                  "geometry": {"type": "LineString", "coordinates": line}})
json.dump({"type": "FeatureCollection", "features": feats}, open("/dev/stdout", "w"))
