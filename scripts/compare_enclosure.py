#!/usr/bin/env python3
"""Compare Cordon's pockets with the yardstick's (../shared/bench/reference_enclosure.py).

    compare_enclosure.py REFERENCE.geojson CORDON.geojson [--area-rel 1e-6] [--share 0.001] [--pop-rel 0.005]

Every yardstick pocket must be matched by a Cordon pocket holding its representative
point; counts and encircled flags must agree; area, hostile_share and population must
agree within the given tolerances. Prints one line per mismatch and exits 1 on any.
"""
import argparse, json, sys
import shapely

ap = argparse.ArgumentParser()
ap.add_argument("reference"); ap.add_argument("cordon")
ap.add_argument("--area-rel", type=float, default=1e-6)
ap.add_argument("--share", type=float, default=0.001)
ap.add_argument("--pop-rel", type=float, default=0.005)
a = ap.parse_args()
ref = json.load(open(a.reference))["features"]
ours = json.load(open(a.cordon))["features"]
faults = []
if len(ref) != len(ours):
    faults.append(f"pocket count: reference {len(ref)}, cordon {len(ours)}")
geoms = [shapely.from_geojson(json.dumps(f["geometry"])) for f in ours]
tree = shapely.STRtree(geoms)
worst = {"area": 0.0, "share": 0.0, "pop": 0.0}
for f in ref:
    p = f["properties"]
    rp = shapely.point_on_surface(shapely.from_geojson(json.dumps(f["geometry"])))
    hits = tree.query(rp, predicate="intersects")
    if len(hits) != 1:
        faults.append(f"reference pocket {p['pocket']}: {len(hits)} cordon pockets hold its representative point"); continue
    q = ours[hits[0]]["properties"]
    if bool(q["encircled"]) != bool(p["encircled"]):
        faults.append(f"reference pocket {p['pocket']}: encircled {p['encircled']} vs cordon {q['encircled']}")
    da = abs(q["area_km2"] - p["area_km2"]) / max(p["area_km2"], 1e-12)
    ds = abs(q["hostile_share"] - p["hostile_share"])
    dp = abs(q["population"] - p["population"]) / max(p["population"], 1)
    worst = {"area": max(worst["area"], da), "share": max(worst["share"], ds), "pop": max(worst["pop"], dp)}
    # the yardstick rounds area to 6 decimals (1 m²): allow that rounding on top
    if da > a.area_rel and abs(q["area_km2"] - p["area_km2"]) > 6e-7:
        faults.append(f"reference pocket {p['pocket']}: area {p['area_km2']} vs {q['area_km2']} km²")
    if ds > a.share:
        faults.append(f"reference pocket {p['pocket']}: hostile_share {p['hostile_share']} vs {q['hostile_share']}")
    if dp > a.pop_rel and abs(q["population"] - p["population"]) > 1:
        faults.append(f"reference pocket {p['pocket']}: population {p['population']} vs {q['population']}")
for line in faults:
    print(line)
print(json.dumps({"pockets": len(ref), "faults": len(faults), "worst_area_rel": worst["area"],
                  "worst_share": worst["share"], "worst_pop_rel": worst["pop"]}))
sys.exit(1 if faults else 0)
