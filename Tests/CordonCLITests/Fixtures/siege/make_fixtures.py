#!/usr/bin/env python3
"""Makes the constructed Castello fixtures and the figures expected of them.

The map is drawn in UTM 37N metres around (334000, 4008000) and written in lon/lat. The
opposition holds a 10 km square; the Castello Road runs west-east across it at y = 5000 m and
a corridor runs north from (5000, 2000) to (5000, 8000). A government block x 4000-6000 m
reaches down from y = 9000 m:

    period                    block's southern edge   government frame (500 m along every edge)
    before 7 July 2016        7000 (2 km north of the road)     no
    7 July - 17 July          6000 (1 km north)                 no
    17 July - 1 August        4000 (across the road)            no
    1 August - 10 August      4000                              yes: encircled
    10 August - 20 August     3000                              yes: still encircled (since 1 August)
    20 August - 4 September   3000                              no: reopened
    from 4 September          3000                              yes: encircled again (since 4 September)

The corridor is declared open from 28 July (capacity 2,400 a day for 6 hours).

    python3 Tests/CordonCLITests/Fixtures/siege/make_fixtures.py [OUT]

run from the repository root with ../shared beside it (or $CORDON_SHARED), writes into OUT
(default: this folder) castello-map.geojson, castello-routes.geojson and castello.expected.json.
The expected figures come from outside Cordon:

- per pocket: encircled, area_km2, perimeter_km, hostile_share and population from the Shapely
  yardstick ../shared/bench/reference_enclosure.py (analyse() on the first day of each period);
- per route: status, length_km, hostile_km, exposed_km and min_distance_m from
  scripts/routes_yardstick.py (analyse() on the first day of each period);
- closed forms worked out from the drawing above, in UTM metres: closure_m (the block grown by d
  overruns the pocket when d reaches its farthest corner; no piece is cut off from the edge first,
  since distance to a convex block has no maximum inside the square), hostile_share (the hole's
  ring, plus the outer ring when the frame is there, over the whole boundary), the stretches of
  each route (the road at distance e from the block is exposed over 2000 + 2 sqrt(R^2 - e^2) m)
  measured geodesically, reach_population (areal weighting over the 3 km walking circle, Shapely),
  daily_capacity (2400 x 6 / 24) and since (the dates of the table above; checked here against
  the documented rule run on the yardstick's pockets).

The output depends only on this script and the libraries' arithmetic: no dates, versions or paths.
"""
import json, math, os, sys

import numpy as np
import shapely
from pyproj import Geod, Transformer
from shapely.geometry import LineString, box, mapping

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "../../../.."))
SHARED = os.environ.get("CORDON_SHARED") or os.path.join(ROOT, "..", "shared")
sys.path.insert(0, os.path.join(SHARED, "bench"))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
import reference_enclosure  # noqa: E402  (../shared/bench)
import routes_yardstick  # noqa: E402  (scripts/)

out_dir = sys.argv[1] if len(sys.argv) > 1 else HERE
tr = Transformer.from_crs(32637, 4326, always_xy=True)
to_utm = Transformer.from_crs(4326, 32637, always_xy=True)
ox, oy = 334000, 4008000
ll = lambda g: shapely.transform(g, lambda xy: np.column_stack(tr.transform(xy[:, 0] + ox, xy[:, 1] + oy)))
rnd = lambda g: shapely.set_precision(g, 1e-6)
geod = Geod(ellps="WGS84")

SIDE, FRAME, R, WALK = 10000.0, 500.0, 1500.0, 3000.0
extent = box(0, 0, SIDE, SIDE)
frame = extent.difference(box(FRAME, FRAME, SIDE - FRAME, SIDE - FRAME))
# (from, until, southern edge of the block, frame held, since as the table above says)
PERIODS = [(None, "2016-07-07", 7000, False, None),
           ("2016-07-07", "2016-07-17", 6000, False, None),
           ("2016-07-17", "2016-08-01", 4000, False, None),
           ("2016-08-01", "2016-08-10", 4000, True, "2016-08-01"),
           ("2016-08-10", "2016-08-20", 3000, True, "2016-08-01"),
           ("2016-08-20", "2016-09-04", 3000, False, None),
           ("2016-09-04", None, 3000, True, "2016-09-04")]
block = lambda y0: box(4000, y0, 6000, 9000)


def dump(obj, name):
    with open(os.path.join(out_dir, name), "w") as fh:
        json.dump(obj, fh, indent=1)
        fh.write("\n")


# --- the inputs ----------------------------------------------------------------------------------
feats = []
for frm, until, y0, framed, _ in PERIODS:
    government = block(y0).union(frame) if framed else block(y0)
    for controller, g, pop in (("opposition", extent.difference(government), 50000), ("government", government, 0)):
        p = {"controller": controller, "population": pop}
        if frm: p["from"] = frm
        if until: p["until"] = until
        feats.append({"type": "Feature", "properties": p, "geometry": mapping(rnd(ll(g)))})
map_fc = {"type": "FeatureCollection", "features": feats}
road, corridor = LineString([(0, 5000), (SIDE, 5000)]), LineString([(5000, 2000), (5000, 8000)])
routes_fc = {"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"name": "Castello Road", "kind": "supply"}, "geometry": mapping(rnd(ll(road)))},
    {"type": "Feature", "properties": {"name": "north corridor", "kind": "corridor", "capacity_per_day": 2400,
                                       "hours_per_day": 6, "from": "2016-07-28"},
     "geometry": mapping(rnd(ll(corridor)))}]}
# Read back as cordon reads them: the written lon/lat, rounded to 1e-6 degrees.
map_fc, routes_fc = json.loads(json.dumps(map_fc)), json.loads(json.dumps(routes_fc))


# --- periods, as docs/design.md#control-maps cuts them ---------------------------------------------
def periods(changes):
    """[(from, until, the day analysed)] between consecutive change dates."""
    import datetime as dt
    days = sorted(set(changes))
    out = [(None, days[0], str(dt.date.fromisoformat(days[0]) - dt.timedelta(days=1)))]
    out += [(a, b, a) for a, b in zip(days, days[1:])]
    return out + [(days[-1], None, days[-1])]


map_changes = [f["properties"][k] for f in map_fc["features"] for k in ("from", "until") if k in f["properties"]]
route_changes = map_changes + [f["properties"][k] for f in routes_fc["features"] for k in ("from", "until")
                               if k in f["properties"]]
table = {(frm, until): (y0, framed, since) for frm, until, y0, framed, since in PERIODS}


def geodesic_m(lines_utm):
    """Geodesic length (metres) of UTM stretches given as (x0, y0, x1, y1)."""
    return sum(geod.geometry_length(ll(LineString([(a, b), (c, d)]))) for a, b, c, d in lines_utm)


def merged(intervals):
    out = []
    for a, b in sorted(intervals):
        if out and a <= out[-1][1]:
            out[-1][1] = max(out[-1][1], b)
        else:
            out.append([a, b])
    return out


# --- pockets ------------------------------------------------------------------------------------
pockets, previous = [], []
for frm, until, day in periods(map_changes):
    y0, framed, since = table[(frm, until)]
    kept = [f for f in map_fc["features"]
            if not (f["properties"].get("from") and f["properties"]["from"] > day)
            and not (f["properties"].get("until") and f["properties"]["until"] <= day)]
    geoms = shapely.from_geojson([json.dumps(f["geometry"]) for f in kept])
    found = reference_enclosure.analyse(geoms, [f["properties"] for f in kept], "opposition")
    # since by the documented rule (docs/design.md#since), on the yardstick's pockets: the
    # previous period's pocket sharing the most area (planar in degrees) passes its date on.
    current = []
    for f in found:
        g = shapely.from_geojson(json.dumps(f["geometry"]))
        rule = None
        if f["properties"]["encircled"] and frm is not None:
            best = max(((shapely.area(shapely.intersection(g, q)), q, qs, qfrom, qenc) for q, qs, qfrom, qenc in previous),
                       key=lambda t: t[0], default=None)
            if best and best[0] > 0 and best[4]:
                rule = best[2] or best[3]
            else:
                rule = frm
        current.append((g, rule, frm, f["properties"]["encircled"]))
        assert rule == since, f"{frm}: the rule gives since {rule}, the table {since}"
    previous = current
    assert len(found) == 1, f"{frm}: {len(found)} pockets"
    p = found[0]["properties"]
    hole = 2 * (2000 + (9000 - y0))  # the block's ring, all of it against government ground
    share = 1.0 if framed else hole / (4 * SIDE + hole)
    # Without the frame the block, grown by d, overruns the pocket last at the southern corners.
    closure = 0 if p["encircled"] else round(math.hypot(4000, y0), 3)
    pockets.append({"from": frm, "until": until, "pocket": 0, "status": "encircled" if p["encircled"] else "open",
                    "encircled": p["encircled"], "area_km2": p["area_km2"], "perimeter_km": p["perimeter_km"],
                    "hostile_share": p["hostile_share"], "population": p["population"], "since": since,
                    "closed_form": {"closure_m": closure, "hostile_share": round(share, 6)}})

# --- routes -------------------------------------------------------------------------------------
walk_circle = shapely.buffer(shapely.Point(5000, 2000), WALK, quad_segs=16)
routes = []
for frm, until, day in periods(route_changes):
    key = next(k for k in table if (k[0] is None or k[0] <= day) and (k[1] is None or day < k[1]))
    y0, framed, _ = table[key]
    found = routes_yardstick.analyse(map_fc, routes_fc, "opposition", fire_range=R, date=day)
    # The road (y = 5000): inside the block when it reaches below 5000 m, inside the frame's two ends.
    e = y0 - 5000
    hostile = ([(4000, 5000, 6000, 5000)] if e <= 0 else []) + ([(0, 5000, FRAME, 5000), (SIDE - FRAME, 5000, SIDE, 5000)] if framed else [])
    fire = []
    if e < R:
        c = 1000 + (R if e <= 0 else math.sqrt(R * R - e * e))  # half the exposed chord around x = 5000
        fire.append((5000 - c, 5000 + c))
    if framed:
        fire += [(0, FRAME + R), (SIDE - FRAME - R, SIDE)]
    exposed = [(a, 5000, b, 5000) for a, b in merged(fire)]
    road_form = {"hostile_km": geodesic_m(hostile) / 1000, "exposed_km": geodesic_m(exposed) / 1000,
                 "min_distance_m": 0 if hostile else e}
    # The corridor (x = 5000, y 2000-8000): inside the block above y0; under fire from y0 - R.
    corridor_form = {"hostile_km": geodesic_m([(5000, y0, 5000, 8000)]) / 1000,
                     "exposed_km": geodesic_m([(5000, max(2000, y0 - R), 5000, 8000)]) / 1000, "min_distance_m": 0}
    # Residents within 3 km of the corridor's start: areal weighting of every populated area held.
    reach = 0.0
    for f in map_fc["features"]:
        q = f["properties"]
        if q["population"] and (not q.get("from") or q["from"] <= day) and (not q.get("until") or day < q["until"]):
            g = shapely.transform(shapely.from_geojson(json.dumps(f["geometry"])),
                                  lambda xy: np.column_stack(to_utm.transform(xy[:, 0], xy[:, 1])) - [ox, oy])
            reach += q["population"] * shapely.area(shapely.intersection(g, walk_circle)) / shapely.area(g)
    for r, form in zip(found, (road_form, corridor_form)):
        row = {"from": frm, "until": until, "route": r["route"], "status": r["status"],
               "length_km": round(r["length_km"], 9), "hostile_km": round(r["hostile_km"], 9),
               "exposed_km": round(r["exposed_km"], 9), "min_distance_m": round(r["min_distance_m"], 3),
               "pocket": 0}
        if r["route"] == "north corridor":
            row.update({"origin": "opposition", "destination": "government", "open": day >= "2016-07-28",
                        "reach_population": round(reach, 3), "daily_capacity": 2400 * 6 / 24})
        row["closed_form"] = {k: round(v, 9) for k, v in form.items()}
        routes.append(row)

dump(map_fc, "castello-map.geojson")
dump(routes_fc, "castello-routes.geojson")
dump({"made_by": "python3 Tests/CordonCLITests/Fixtures/siege/make_fixtures.py (from the repository root, "
                 "../shared beside it): pockets from ../shared/bench/reference_enclosure.py analyse(), routes from "
                 "scripts/routes_yardstick.py analyse(), each on the first day of every period; closed_form, since, "
                 "origin, destination, open, reach_population and daily_capacity worked out in that script from the "
                 "drawing (see its docstring)",
      "besieged": "opposition", "fire_range_m": R, "walk_m": WALK, "pockets": pockets, "routes": routes},
     "castello.expected.json")
