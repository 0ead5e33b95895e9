#!/usr/bin/env python3
"""Makes cases.json: small polygon sets (WKT) and their union by Shapely, for
CoverageDissolveTests. Run from the repository root:

    .venv-yardsticks/bin/python Tests/CordonGeometryTests/Fixtures/dissolve/make_cases.py

Each case records Shapely's union_all of its parts (area, length, number of polygons and of
holes, validity) and whether the parts form a clean coverage (checked with shapely.coverage_is_valid
when Shapely has it), which is when Cordon's edge-cancelling dissolve must succeed without falling back.
The 'voronoi' case is a 60-cell Voronoi map made the way ../shared/bench/gen_control_map.py
makes its cells (clipped to a box, rounded to 6 decimals), one controller's cells dissolved.
"""
import json, random, os
import shapely
from shapely import wkt

def sq(x, y, s=1.0):
    return shapely.box(x, y, x + s, y + s)

cases = {}
def case(name, parts, clean):
    u = shapely.union_all(parts)
    polys = list(u.geoms) if u.geom_type == "MultiPolygon" else [u]
    cases[name] = {
        "parts": [p.wkt for p in parts],
        "clean": clean,
        "area": u.area, "length": u.length,
        "polygons": len(polys), "holes": sum(len(p.interiors) for p in polys),
        "valid": bool(u.is_valid),
    }

# 3 x 3 unit squares without the centre: one polygon, one hole.
case("grid_with_hole", [sq(x, y) for x in range(3) for y in range(3) if (x, y) != (1, 1)], True)
# Without the centre and the top right corner: the hole touches the shell at (2, 2).
case("hole_touching_shell", [sq(x, y) for x in range(3) for y in range(3) if (x, y) not in {(1, 1), (2, 2)}], True)
# Two squares meeting at one corner only: two polygons.
case("corner_only", [sq(0, 0), sq(1, 1)], True)
# A chessboard 4 x 4 of black squares: eight polygons meeting at corners.
case("chessboard", [sq(x, y) for x in range(4) for y in range(4) if (x + y) % 2 == 0], True)
# A donut drawn as four strips (with vertices where the strips meet), and an island in its
# hole: two polygons, one hole.
case("island_in_hole", [shapely.Polygon([(0, 0), (10, 0), (10, 2), (8, 2), (2, 2), (0, 2)]),
                        shapely.Polygon([(0, 8), (2, 8), (8, 8), (10, 8), (10, 10), (0, 10)]),
                        shapely.box(0, 2, 2, 8), shapely.box(8, 2, 10, 8), sq(4, 4, 2)], True)
# A polygon with a hole and the cell filling that hole: one polygon, no hole.
case("filled_hole", [shapely.Polygon([(0, 0), (10, 0), (10, 10), (0, 10)], [[(4, 4), (4, 6), (6, 6), (6, 4)]]), sq(4, 4, 2)], True)
# Rings given clockwise and counter-clockwise.
case("mixed_orientation", [shapely.Polygon([(0, 0), (0, 1), (1, 1), (1, 0)]), shapely.Polygon([(1, 0), (2, 0), (2, 1), (1, 1)])], True)
# Overlapping squares: not a coverage.
case("overlap", [sq(0, 0, 2), shapely.box(1, 0, 3, 2)], False)
# The same square twice.
case("duplicate", [sq(0, 0), sq(0, 0)], False)
# One side has a vertex in the middle of the shared edge, the other does not (mis-noded).
case("mis_noded", [sq(0, 0), shapely.Polygon([(1, 0), (2, 0), (2, 1), (1, 1), (1, 0.5)])], False)
# A square inside another, sharing no edge.
case("nested", [sq(0, 0, 4), sq(1, 1)], False)

rng = random.Random(5)
frame = shapely.box(36.6, 35.9, 36.7, 36.0)
pts = shapely.multipoints([(rng.uniform(36.6, 36.7), rng.uniform(35.9, 36.0)) for _ in range(60)])
cells = shapely.intersection(shapely.get_parts(shapely.voronoi_polygons(pts, extend_to=frame)), frame)
cells = [shapely.set_precision(c, 1e-6) for c in cells]
mine = [c for i, c in enumerate(cells) if rng.random() < 0.5 and c.geom_type == "Polygon" and not c.is_empty]
case("voronoi", mine, True)

for name, c in cases.items():
    parts = [wkt.loads(w) for w in c["parts"]]
    if hasattr(shapely, "coverage_is_valid") and c["clean"]:
        assert bool(shapely.coverage_is_valid(parts)), name

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases.json")
with open(out, "w") as f:
    json.dump(cases, f, indent=1, sort_keys=True)
    f.write("\n")
