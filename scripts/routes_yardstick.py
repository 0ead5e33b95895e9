#!/usr/bin/env python3
"""Route fire control with Shapely 2 + pyproj, the yardstick for `cordon routes` on one
date (docs/design.md#routes): hostile_km, exposed_km, min_distance_m, status.
Lengths are geodesic (pyproj Geod) of the stretches found in UTM.

    routes_yardstick.py MAP ROUTES --besieged B [--allies a,b] [--fire-range 1500] [--date D] [-o OUT]

With --date, only the areas held on D count (from <= D < until); the UTM zone is still that of
the centre of every area's bounding box, on all dates, as Cordon chooses it. min_distance_m is
the planar distance (UTM) to the nearest hostile ground, 0 when the route is cut, null when the
map has no hostile ground. `analyse()` is importable (Tests/CordonCLITests/Fixtures/siege/make_fixtures.py).
"""
import argparse, json, sys, time
import numpy as np, shapely
from pyproj import CRS, Geod, Transformer
try:
    import orjson; loads = orjson.loads
except ImportError:
    loads = json.loads


def held_on(props, date):
    """Whether an area is held on `date` (ISO text; None takes every area)."""
    if date is None:
        return True
    return not (props.get("from") and props["from"] > date) and not (props.get("until") and props["until"] <= date)


def analyse(fc, rfc, besieged, allies=(), fire_range=1500.0, date=None):
    """One dict per route of the routes collection `rfc` on the map collection `fc`."""
    every = shapely.from_geojson([json.dumps(f["geometry"]) for f in fc["features"]])
    held = np.array([held_on(f.get("properties") or {}, date) for f in fc["features"]], dtype=bool)
    ctrl = np.array([f["properties"]["controller"] for f in fc["features"]], dtype=object)
    passable = {besieged} | {x for x in allies if x}
    hostile = every[held & ~np.isin(ctrl, list(passable))]
    routes = shapely.from_geojson([json.dumps(f["geometry"]) for f in rfc["features"]])
    bx0, by0, bx1, by1 = shapely.total_bounds(every)
    lon, lat = (bx0 + bx1) / 2, (by0 + by1) / 2
    utm = CRS.from_epsg((32600 if lat >= 0 else 32700) + int((lon + 180) // 6) + 1)
    fwd = Transformer.from_crs(4326, utm, always_xy=True); inv = Transformer.from_crs(utm, 4326, always_xy=True)
    to_m = lambda g: shapely.transform(g, lambda xy: np.column_stack(fwd.transform(xy[:, 0], xy[:, 1])))
    to_ll = lambda g: shapely.transform(g, lambda xy: np.column_stack(inv.transform(xy[:, 0], xy[:, 1])))
    hostile_m = to_m(hostile); routes_m = to_m(routes)
    tree = shapely.STRtree(hostile_m)
    geod = Geod(ellps="WGS84")
    R = fire_range
    out = []
    for i, r in enumerate(routes_m):
        idx = tree.query(r, predicate="dwithin", distance=R)
        if len(idx) == 0:
            hk = ek = 0.0
            md = float(tree.query_nearest(r, return_distance=True)[1][0]) if len(hostile_m) else None
        else:
            x0, y0, x1, y1 = r.bounds
            h = shapely.union_all(shapely.clip_by_rect(hostile_m[idx], x0 - R - 10, y0 - R - 10, x1 + R + 10, y1 + R + 10))
            hk = geod.geometry_length(to_ll(shapely.intersection(r, h))) / 1000
            ek = geod.geometry_length(to_ll(shapely.intersection(r, shapely.buffer(h, R, quad_segs=32)))) / 1000
            md = float(shapely.distance(r, h))
        status = "cut" if hk > 0 else "under_fire" if ek > 0 else "open"
        out.append({"route": rfc["features"][i]["properties"].get("name"), "status": status,
                    "length_km": geod.geometry_length(routes[i]) / 1000,
                    "hostile_km": hk, "exposed_km": ek, "min_distance_m": 0.0 if hk > 0 else md})
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("map"); ap.add_argument("routes"); ap.add_argument("--besieged", required=True)
    ap.add_argument("--allies", default=""); ap.add_argument("--fire-range", type=float, default=1500)
    ap.add_argument("--date", default=None)
    ap.add_argument("-o", "--output", default="-")
    a = ap.parse_args()
    t0 = time.perf_counter()
    fc = loads(open(a.map, "rb").read())
    rfc = loads(open(a.routes, "rb").read())
    out = analyse(fc, rfc, a.besieged, a.allies.split(","), a.fire_range, a.date)
    json.dump(out, sys.stdout if a.output == "-" else open(a.output, "w"))
    print(json.dumps({"routes": len(out), "seconds": round(time.perf_counter() - t0, 3)}), file=sys.stderr)


if __name__ == "__main__":
    main()
