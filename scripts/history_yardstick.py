#!/usr/bin/env python3
"""What `cordon history` does, the plain way, for benchmarks: Shapely 2, one snapshot at a time.

Each snapshot (dated by the YYYY-MM-DD in its file name) is dissolved per controller and
compared with the one before; a controller whose dissolved ground differs (symmetric
difference with any area) ends its span. One feature per controller per span, holding the
whole dissolved ground, with `from`/`until` (the last until the day after the last snapshot).

    history_yardstick.py SNAPSHOT... -o OUT.geojson [--check HISTORY.geojson]

With --check, also says whether HISTORY (cordon's output) holds, on every snapshot date, the
same ground per controller as the snapshot (exit status 1 when not).
Summary on standard error: snapshots, changes, spans, features.
"""
import argparse
import datetime as dt
import json
import re
import sys

import shapely


def read(path):
    fs = json.load(open(path))["features"]
    by = {}
    for f in fs:
        by.setdefault(f["properties"]["controller"], []).append(shapely.from_geojson(json.dumps(f["geometry"])))
    return {k: shapely.union_all(v) for k, v in by.items()}


def date_of(path):
    m = re.search(r"\d{4}-\d{2}-\d{2}", path.rsplit("/", 1)[-1])
    if not m:
        sys.exit(f"{path}: no date in its name")
    return m.group(0)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("snapshots", nargs="+")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--check")
    a = ap.parse_args()
    series = sorted((date_of(p), p) for p in a.snapshots)
    open_spans, out, changes, spans, grounds = {}, [], 0, 0, []
    for day, path in series:
        ground = read(path)
        changed = False
        for k in sorted(set(open_spans) | set(ground)):
            old, new = open_spans.get(k), ground.get(k)
            if old is not None and new is not None and old[1].symmetric_difference(new).area == 0:
                continue
            changed = True
            if old is not None:
                out.append((k, old[0], day, old[1]))
                del open_spans[k]
            if new is not None:
                open_spans[k] = (day, new)
                spans += 1
        if changed and len(grounds) > 0:
            changes += 1
        if a.check:
            grounds.append((day, ground))
        else:
            grounds.append(None)
    last = (dt.date.fromisoformat(series[-1][0]) + dt.timedelta(days=1)).isoformat()
    for k, (d0, g) in open_spans.items():
        out.append((k, d0, last, g))
    features = [{"type": "Feature", "properties": {"controller": k, "from": d0, "until": d1},
                 "geometry": json.loads(shapely.to_geojson(g))} for k, d0, d1, g in out]
    with open(a.output, "w") as fh:
        json.dump({"type": "FeatureCollection", "features": features}, fh, separators=(",", ":"))
    print(json.dumps({"snapshots": len(series), "changes": changes, "spans": spans, "features": len(features)}),
          file=sys.stderr)
    if a.check:
        hist = json.load(open(a.check))["features"]
        geoms = shapely.from_geojson([json.dumps(f["geometry"]) for f in hist])
        for day, ground in grounds:
            held = {}
            for f, g in zip(hist, geoms):
                p = f["properties"]
                if p["from"] <= day < p["until"]:
                    held.setdefault(p["controller"], []).append(g)
            if set(held) != set(ground):
                sys.exit(f"{day}: controllers {sorted(held)} against {sorted(ground)}")
            for k, g in ground.items():
                # Cordon writes 6 decimals, as the snapshots are drawn: no difference beyond that.
                diff = shapely.union_all(held[k]).symmetric_difference(g).area
                if diff > 1e-10:
                    sys.exit(f"{day}: {k} differs by {diff} square degrees")
        print(f"check: {len(grounds)} dates hold the same ground", file=sys.stderr)


if __name__ == "__main__":
    main()
