#!/usr/bin/env python3
"""Compares `cordon access` output (one GeoJSON) with `access_yardstick.py` output: per period
(`--days`; one date otherwise), the pockets' minutes to the edge, sorted, and, when the yardstick
placed points, each point's minutes to the way out, in file order; to 0.0011 min (Cordon writes
minutes to 3 decimals). Exit status 1 when anything differs.

  compare_access.py YARDSTICK.json CORDON.geojson
"""
import datetime, json, sys
y = json.load(open(sys.argv[1]))
days = y["days"] if "days" in y else [y]
ours = json.load(open(sys.argv[2]))["features"]
# The yardstick's dates start on 2024-01-01; a timeline feature holds from its `from` (open: the
# first day) until its `until` (open: past the last), as `cordon access --timeline` writes it once per run.
dates = [(datetime.date(2024, 1, 1) + datetime.timedelta(days=k)).isoformat() for k in range(len(days))]
pockets, places = {}, {}
for f in ours:
    p = f["properties"]
    if "days" not in y:
        held = [""]  # one date: every feature is that date's
    else:  # a feature with neither end holds over the whole timeline
        held = [d for d in dates if p.get("from", "") <= d and ("until" not in p or d < p["until"])]
    for key in held:
        if p.get("layer") == "access_pockets":
            pockets.setdefault(key, []).append(p)
        elif p.get("layer") == "access_places":
            places.setdefault(key, []).append(p)
keys = sorted(pockets)
bad = 0
close = lambda a, b: abs(a - b) <= 0.0011
for k, d in zip(keys, days):
    mine = sorted(p["minutes"] for p in pockets[k] if p["minutes"] is not None)
    theirs = [round(s / 60, 3) for s in d["seconds"]]
    wrong = len(mine) != len(theirs) or not all(close(a, b) for a, b in zip(mine, theirs))
    if d.get("place_seconds"):
        # In the yardstick's order: its points are named `point N`, N their place in its file.
        got = [p["minutes_to_way_out"] for p in sorted(places.get(k, []), key=lambda p: int(p["name"].split()[-1]))]
        want = [None if s is None else round(s / 60, 3) for s in d["place_seconds"]]
        wrong |= len(got) != len(want) or not all(
            (a is None and b is None) or (a is not None and b is not None and close(a, b)) for a, b in zip(got, want))
    bad += wrong
points = f", {len(days[0]['place_seconds'])} points" if days[0].get("place_seconds") else ""
print(f"{len(keys)} days, yardstick {len(days)} days{points}, {bad} differ")
sys.exit(1 if bad or len(keys) != len(days) else 0)
