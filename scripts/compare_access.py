#!/usr/bin/env python3
"""Compares `cordon access --timeline` output (one GeoJSON) with `access_yardstick.py --days`
output: per period, the pockets' minutes to the edge, sorted, to 0.001 min (Cordon writes
minutes to 3 decimals). Exit status 1 when a period differs.

  compare_access.py YARDSTICK.json CORDON.geojson
"""
import json, sys
y = json.load(open(sys.argv[1]))
ours = json.load(open(sys.argv[2]))["features"]
by = {}
for f in ours:
    p = f["properties"]
    if p.get("layer") != "access_pockets": continue
    by.setdefault(p.get("from") or "", []).append(p)
keys = sorted(by)
bad = 0
for k, d in zip(keys, y["days"]):
    mine = sorted(p["minutes"] for p in by[k] if p["minutes"] is not None)
    theirs = [round(s / 60, 3) for s in d["seconds"]]
    if len(mine) != len(theirs) or any(abs(a - b) > 0.0011 for a, b in zip(mine, theirs)):
        bad += 1
print(f"{len(keys)} periods, yardstick {len(y['days'])} days, {bad} differ")
sys.exit(1 if bad else 0)
