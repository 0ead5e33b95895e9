#!/usr/bin/env python3
"""Records pyproj's geodesic area and perimeter of every feature of the shared Aleppo
neighbourhood file, for MeasureAgainstPyprojTests. Run from the repository root:

    python3 Tests/CordonGeometryTests/Fixtures/pyproj/make_aleppo_measures.py

pyproj's Geod(ellps="WGS84").geometry_area_perimeter: area signed by winding (taken absolute
here), perimeter of the exterior rings.
"""
import json, shapely, pyproj
from shapely.geometry import shape

src = "../shared/geodata/aleppo_neighbourhoods_csr.geojson"
geod = pyproj.Geod(ellps="WGS84")
rows = []
for i, f in enumerate(json.load(open(src))["features"]):
    area, perimeter = geod.geometry_area_perimeter(shape(f["geometry"]))
    rows.append({"feature": i, "area_m2": abs(area), "perimeter_m": perimeter})
out = {"source": src, "pyproj": pyproj.__version__, "shapely": shapely.__version__,
       "command": "python3 Tests/CordonGeometryTests/Fixtures/pyproj/make_aleppo_measures.py", "features": rows}
json.dump(out, open("Tests/CordonGeometryTests/Fixtures/pyproj/aleppo_measures.json", "w"), indent=0)
