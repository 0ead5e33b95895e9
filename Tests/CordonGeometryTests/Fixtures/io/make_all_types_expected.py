#!/usr/bin/env python3
"""Writes all-types.expected.geojson: what the GeoJSON writer must make of all-types.geojson,
worked out here from the written rules alone (docs/design.md#determinism, #numbers-and-rounding;
RFC 7946), not from Cordon's output:

- a FeatureCollection with `bbox` (the least and greatest longitude and latitude of every
  position) and then `features`, one feature a line; no `crs`, no other foreign members;
- each feature's members in the order type, id (when given), properties (`{}` for null), geometry;
- positions cut to longitude and latitude (a third number is dropped);
- polygon exterior rings counter-clockwise and holes clockwise: a ring the other way round is
  written reversed, a ring already right is written as it came;
- coordinates with at most 6 decimals, rounded half away from zero, trailing zeros and a bare
  `.` dropped, never `-0`.

    python3 Tests/CordonGeometryTests/Fixtures/io/make_all_types_expected.py [OUT]

reads all-types.geojson beside this script and writes all-types.expected.geojson into OUT
(default: this folder). Only the standard library; the same input gives the same bytes.
"""
import json, math, os, sys
from decimal import ROUND_HALF_UP, Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
out_dir = sys.argv[1] if len(sys.argv) > 1 else HERE


def number(x):
    """6 decimals, half away from zero (Decimal of the double's exact value), trimmed, no -0."""
    d = Decimal(x).quantize(Decimal("0.000001"), rounding=ROUND_HALF_UP)
    text = format(d, "f").rstrip("0").rstrip(".")  # quantized, so there is always a "."
    return "0" if text == "-0" else text


def signed_area(ring):
    return sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:])) / 2


def oriented(ring, exterior):
    area = signed_area(ring)
    return ring[::-1] if (area < 0 if exterior else area > 0) else ring


positions = []


def coords(c, depth):
    """Positions (depth 0), lists of them, ...: cut to 2 numbers and formatted."""
    if depth == 0:
        positions.append(c[:2])
        return "[" + ",".join(number(v) for v in c[:2]) + "]"
    return "[" + ",".join(coords(x, depth - 1) for x in c) + "]"


def polygon(rings):
    return [oriented(r, i == 0) for i, r in enumerate(rings)]


def geometry(g):
    if g is None:
        return "null"
    t = g["type"]
    if t == "GeometryCollection":
        return '{"type":"GeometryCollection","geometries":[' + ",".join(geometry(x) for x in g["geometries"]) + "]}"
    c = g["coordinates"]
    depth = {"Point": 0, "LineString": 1, "MultiPoint": 1, "Polygon": 2, "MultiLineString": 2, "MultiPolygon": 3}[t]
    if t == "Polygon":
        c = polygon(c)
    elif t == "MultiPolygon":
        c = [polygon(p) for p in c]
    body = "[]" if c == [] else coords(c, depth)
    return '{"type":"' + t + '","coordinates":' + body + "}"


def plain(value):
    """Property values as JSON; this fixture holds only strings, whole numbers and lists of them."""
    assert not isinstance(value, float), "write a rule for fractional property values first"
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


source = json.load(open(os.path.join(HERE, "all-types.geojson"), encoding="utf-8"))
lines = []
for f in source["features"]:
    members = ['"type":"Feature"']
    if "id" in f:
        members.append('"id":' + plain(f["id"]))
    members.append('"properties":' + plain(f.get("properties") or {}))
    members.append('"geometry":' + geometry(f.get("geometry")))
    lines.append("{" + ",".join(members) + "}")
xs, ys = [p[0] for p in positions], [p[1] for p in positions]
bbox = ",".join(number(v) for v in (min(xs), min(ys), max(xs), max(ys)))
text = '{"type":"FeatureCollection","bbox":[' + bbox + '],"features":[\n' + ",\n".join(lines) + "\n]}\n"
with open(os.path.join(out_dir, "all-types.expected.geojson"), "w", encoding="utf-8") as fh:
    fh.write(text)
