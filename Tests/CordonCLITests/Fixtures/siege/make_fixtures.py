#!/usr/bin/env python3
"""Makes the constructed Castello fixtures: drawn in UTM 37N metres around (334000, 4008000),
written in lon/lat. A road runs west-east at y = 5000 m; government ground 2 km north of it
(before 7 July 2016), 1 km north (7-17 July), across it (from 17 July). The opposition holds
the rest of a 10 km square whose western and eastern edges are the way out.

    python3 make_fixtures.py   (writes castello-map.geojson and castello-routes.geojson here)
"""
import json, shapely
from shapely.geometry import box, mapping, LineString
from pyproj import Transformer

tr = Transformer.from_crs(32637, 4326, always_xy=True)
ox, oy = 334000, 4008000
ll = lambda g: shapely.transform(g, lambda xy: __import__("numpy").column_stack(tr.transform(xy[:, 0] + ox, xy[:, 1] + oy)))
rnd = lambda g: shapely.set_precision(g, 1e-6)
extent = box(0, 0, 10000, 10000)
blocks = [(None, "2016-07-07", box(4000, 7000, 6000, 9000)),
          ("2016-07-07", "2016-07-17", box(4000, 6000, 6000, 9000)),
          ("2016-07-17", None, box(4000, 4000, 6000, 9000))]
feats = []
for frm, until, block in blocks:
    for controller, g, pop in (("opposition", extent.difference(block), 50000), ("government", block, 0)):
        p = {"controller": controller, "population": pop}
        if frm: p["from"] = frm
        if until: p["until"] = until
        feats.append({"type": "Feature", "properties": p, "geometry": mapping(rnd(ll(g)))})
json.dump({"type": "FeatureCollection", "features": feats}, open("castello-map.geojson", "w"), indent=1)
routes = [{"type": "Feature", "properties": {"name": "Castello Road", "kind": "supply"},
           "geometry": mapping(rnd(ll(LineString([(0, 5000), (10000, 5000)]))))},
          {"type": "Feature", "properties": {"name": "north corridor", "kind": "corridor", "capacity_per_day": 2400,
                                             "hours_per_day": 6, "from": "2016-07-28"},
           "geometry": mapping(rnd(ll(LineString([(5000, 2000), (5000, 8000)]))))}]
json.dump({"type": "FeatureCollection", "features": routes}, open("castello-routes.geojson", "w"), indent=1)
