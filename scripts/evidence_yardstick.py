#!/usr/bin/env python3
"""The yardstick for `cordon evidence`: GeoPandas sjoin + groupby doing the same counting.

    evidence_yardstick.py POCKETS.geojson EVENTS.csv -o counted.geojson [--max-precision 2]
    evidence_yardstick.py POCKETS.geojson EVENTS.csv -o counts.json
    evidence_yardstick.py POCKETS.geojson EVENTS.csv --check CORDON_OUTPUT.geojson

Reads the pockets (with `from`/`until`) and an ACLED-style CSV, keeps events with
geo_precision <= max-precision, joins each event to the pockets that intersect its point (the
boundary included, as cordon's covers), keeps the pockets whose period holds the event's day,
gives an event on a boundary of two pockets of one period to the first listed (docs/design.md#evidence),
and counts events and fatalities per pocket. --check compares those counts with cordon's
`events` and `fatalities` on every feature and exits 1 on a difference.
Needs geopandas (scripts/setup).
"""
import argparse
import json
import sys

import geopandas as gpd
import numpy as np
import pandas as pd


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pockets")
    ap.add_argument("events")
    ap.add_argument("-o", "--output")
    ap.add_argument("--max-precision", type=int, default=2)
    ap.add_argument("--check")
    a = ap.parse_args()

    pockets = gpd.read_file(a.pockets)
    pockets["k"] = np.arange(len(pockets))
    ev = pd.read_csv(a.events, usecols=["event_date", "latitude", "longitude", "geo_precision", "fatalities"])
    ev = ev[ev["geo_precision"] <= a.max_precision]
    ev["day"] = pd.to_datetime(ev["event_date"]).values.astype("datetime64[D]").astype(np.int64)
    first, last = ev["day"].min(), ev["day"].max()
    lo = pd.to_datetime(pockets["from"]).values.astype("datetime64[D]").astype(np.int64)
    hi = pd.to_datetime(pockets["until"]).values.astype("datetime64[D]").astype(np.int64)
    pockets["lo"] = np.where(pockets["from"].isna(), first, lo)
    pockets["hi"] = np.where(pockets["until"].isna(), last + 1, hi)
    points = gpd.GeoDataFrame(ev, geometry=gpd.points_from_xy(ev["longitude"], ev["latitude"]), crs=pockets.crs)
    # One spatial join per period (pockets of a period share from/until), events of its days only:
    # joining every event to every period's pockets at once would multiply the rows by the periods.
    parts = []
    for (lo_day, hi_day), group in pockets.groupby(["lo", "hi"]):
        days = points[(points["day"] >= lo_day) & (points["day"] < hi_day)]
        if len(days):
            parts.append(gpd.sjoin(days, group[["k", "geometry"]], predicate="intersects", how="inner"))
    joined = pd.concat(parts)
    # One pocket per event: the first listed, as cordon's boundary rule.
    joined = joined.reset_index().sort_values(["index", "k"]).drop_duplicates("index")
    counts = joined.groupby("k").agg(events=("index", "size"), fatalities=("fatalities", "sum"))
    events = np.zeros(len(pockets), dtype=np.int64)
    deaths = np.zeros(len(pockets))
    events[counts.index.values] = counts["events"].values
    deaths[counts.index.values] = counts["fatalities"].values
    if a.output and a.output.endswith(".geojson"):
        # The same work as cordon's: the pockets written again with their counts.
        pockets["events"] = events
        pockets["fatalities"] = deaths
        pockets.drop(columns=["k", "lo", "hi"]).to_file(a.output, driver="GeoJSON")
    elif a.output:
        json.dump({"events": events.tolist(), "fatalities": deaths.tolist()}, open(a.output, "w"))
    if a.check:
        ours = json.load(open(a.check))["features"]
        bad = [i for i, f in enumerate(ours)
               if f["properties"].get("events") != events[i] or abs(f["properties"].get("fatalities", 0) - deaths[i]) > 1e-9]
        if len(ours) != len(pockets) or bad:
            print(f"differ: {len(bad)} of {len(ours)} pockets, first {bad[:5]}")
            sys.exit(1)
        print(f"match: {len(ours)} pockets, {int(events.sum())} events placed")


if __name__ == "__main__":
    main()
