"""What the bundled cases' draw.py scripts share: writing GeoJSON with fixed precision and
key order (so the same drawing gives the same bytes), reading it back for their checks, and
sharing a population out in whole hundreds. Imported by geodata/*/draw.py; no figures here."""
import json
import os

import numpy as np
import shapely

GRID = 1e-6  # output precision: 6 decimals, about 0.1 m


def oriented(g):
    g = shapely.set_precision(g, GRID)
    return shapely.orient_polygons(g, exterior_cw=False)


def num(x):
    s = f"{x:.6f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def coords_json(c):
    return "[" + ",".join("[" + num(x) + "," + num(y) + "]" for x, y in c) + "]"


def geom_json(g):
    if g.geom_type == "Polygon":
        rings = [g.exterior] + list(g.interiors)
        return '{"type":"Polygon","coordinates":[' + ",".join(coords_json(r.coords) for r in rings) + "]}"
    if g.geom_type == "MultiPolygon":
        polys = []
        for p in g.geoms:
            rings = [p.exterior] + list(p.interiors)
            polys.append("[" + ",".join(coords_json(r.coords) for r in rings) + "]")
        return '{"type":"MultiPolygon","coordinates":[' + ",".join(polys) + "]}"
    if g.geom_type == "LineString":
        return '{"type":"LineString","coordinates":' + coords_json(g.coords) + "}"
    raise ValueError(g.geom_type)


def write_fc(path, feats):
    bounds = shapely.total_bounds([g for g, _ in feats])
    out = ['{"type":"FeatureCollection","bbox":[' + ",".join(num(b) for b in bounds) + '],"features":[']
    rows = []
    for g, props in feats:
        rows.append('{"type":"Feature","properties":' + json.dumps(props, ensure_ascii=False, separators=(",", ":"))
                    + ',"geometry":' + geom_json(g) + "}")
    out.append(",\n".join(rows))
    out.append("]}\n")
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write("\n".join(out))
    os.replace(tmp, path)


def share_out(total, weights):
    """Integer shares of total proportional to weights, rounded to hundreds,
    largest remainders first, summing exactly to total."""
    w = np.asarray(weights, dtype=float)
    raw = total / 100 * w / w.sum()
    base = np.floor(raw).astype(int)
    rest = int(round(total / 100)) - base.sum()
    order = sorted(range(len(w)), key=lambda i: (-(raw[i] - base[i]), i))
    for i in order[:rest]:
        base[i] += 1
    return [int(b) * 100 for b in base]


def load_fc(folder, name):
    with open(os.path.join(folder, name), encoding="utf-8") as fh:
        fc = json.load(fh)
    return [(shapely.from_geojson(json.dumps(f["geometry"])), f["properties"]) for f in fc["features"]]


def valid_on(props, date):
    return (not props.get("from") or props["from"] <= date) and (not props.get("until") or date < props["until"])
