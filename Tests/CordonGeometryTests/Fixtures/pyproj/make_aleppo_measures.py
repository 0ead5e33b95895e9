#!/usr/bin/env python3
"""Records pyproj's geodesic area and perimeter of every feature of the shared Aleppo
neighbourhood file, for MeasureAgainstPyprojTests. Run from the repository root:

    python3 Tests/CordonGeometryTests/Fixtures/pyproj/make_aleppo_measures.py [OUT]

It reads ../shared/geodata/aleppo_neighbourhoods_csr.geojson ($CORDON_SHARED instead of
../shared when set) and writes aleppo_measures.json into OUT (default: this folder).
pyproj's Geod(ellps="WGS84").geometry_area_perimeter: area signed by winding (taken absolute
here), perimeter of the exterior rings. The output depends on the input and pyproj's geodesic
arithmetic only (no versions or paths), so CordonCLITests.FixtureGeneratorTests can check that
running this again gives the committed bytes.
"""
import json, os, sys
import pyproj
from shapely.geometry import shape

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "../../../.."))
SHARED = os.environ.get("CORDON_SHARED") or os.path.join(ROOT, "..", "shared")
src = os.path.join(SHARED, "geodata/aleppo_neighbourhoods_csr.geojson")
out_dir = sys.argv[1] if len(sys.argv) > 1 else HERE
geod = pyproj.Geod(ellps="WGS84")
rows = []
for i, f in enumerate(json.load(open(src))["features"]):
    area, perimeter = geod.geometry_area_perimeter(shape(f["geometry"]))
    rows.append({"feature": i, "area_m2": abs(area), "perimeter_m": perimeter})
out = {"source": "../shared/geodata/aleppo_neighbourhoods_csr.geojson",
       "command": "python3 Tests/CordonGeometryTests/Fixtures/pyproj/make_aleppo_measures.py", "features": rows}
json.dump(out, open(os.path.join(out_dir, "aleppo_measures.json"), "w"), indent=0)
