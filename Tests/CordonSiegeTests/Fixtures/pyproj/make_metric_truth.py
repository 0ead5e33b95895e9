#!/usr/bin/env python3
"""Records the maps and the geodesic truth that MetricTruthTests checks Cordon's metric work
against (docs/design.md#metric-work-and-projections). Run from the repository root:

    python3 Tests/CordonSiegeTests/Fixtures/pyproj/make_metric_truth.py [OUT]

and it writes metric_truth.json into OUT (default: this folder). Every shape is drawn on the
ellipsoid with pyproj's Geod (WGS84): blocks of 2 km by 2 km and roads 1 or 2 km from them,
their edges cut every 100 m so that straight lon/lat edges and geodesics agree to a millimetre.

Truth: distances by Geod.inv between the nearest points that Shapely finds in a transverse
Mercator centred on the block (its scale error is below 1e-6 within 5 km of its centre);
exposed lengths are the length of the road inside the block grown by the fire range in that
plane, with 256 segments per quarter circle (chords shorter by under 1 mm); overlap areas by
Geod.geometry_area_perimeter of the Shapely intersection in lon/lat. The output depends only
on these computations (no versions or paths), so CordonCLITests.FixtureGeneratorTests can check
that running this again gives the committed bytes.
"""
import json, os, sys
import numpy as np
import shapely
from pyproj import Geod, Transformer

HERE = os.path.dirname(os.path.abspath(__file__))
out_dir = sys.argv[1] if len(sys.argv) > 1 else HERE
geod = Geod(ellps="WGS84")
RANGE = 1500.0


def fwd(p, azimuth, metres):
    lon, lat, _ = geod.fwd(p[0], p[1], azimuth, metres)
    return (lon, lat)


def path(a, b, step=100.0):
    """The geodesic from a to b with a vertex every `step` metres or less."""
    n = max(1, int(np.ceil(geod.inv(a[0], a[1], b[0], b[1])[2] / step)))
    inner = geod.npts(a[0], a[1], b[0], b[1], n - 1) if n > 1 else []
    return [a] + [tuple(p) for p in inner] + [b]


def ring(corners):
    pts = []
    for a, b in zip(corners, corners[1:] + corners[:1]):
        pts += path(a, b)[:-1]
    return pts + [pts[0]]


def rounded(pts):
    return [[round(x, 9), round(y, 9)] for x, y in pts]


def unwrap(pts, centre):
    return [(x + 360 * round((centre - x) / 360), y) for x, y in pts]


def block(sw):
    """A 2 km by 2 km block from its south-west corner, drawn eastwards and northwards."""
    se = fwd(sw, 90, 2000)
    nw = fwd(sw, 0, 2000)
    ne = fwd(nw, 90, 2000)
    return [sw, se, ne, nw]


def truth(block_corners, road, ranged=True):
    """Distance from the road to the block, and the road's length within RANGE of it."""
    c = np.mean(np.array(block_corners), axis=0)
    plane = f"+proj=tmerc +lon_0={c[0]} +lat_0={c[1]} +ellps=WGS84 +units=m"
    to_m = Transformer.from_crs("EPSG:4326", plane, always_xy=True)
    to_ll = Transformer.from_crs(plane, "EPSG:4326", always_xy=True)
    b = shapely.Polygon([to_m.transform(*p) for p in unwrap(ring(block_corners), c[0])])
    r = shapely.LineString([to_m.transform(*p) for p in unwrap(road, c[0])])
    p, q = shapely.ops.nearest_points(r, b)
    (lon1, lat1), (lon2, lat2) = to_ll.transform(p.x, p.y), to_ll.transform(q.x, q.y)
    out = {"min_distance_m": round(geod.inv(lon1, lat1, lon2, lat2)[2], 4)}
    if ranged:
        out["exposed_km"] = round(shapely.length(shapely.intersection(r, b.buffer(RANGE, quad_segs=256))) / 1000, 7)
    return out


import shapely.ops  # noqa: E402


def wide_map(name, west, east, lat):
    """A band of besieged ground from `west` to `east`, 0.1° either side of `lat`, with a
    hostile block near each end and, under each block, roads 1 km and 2 km to its south."""
    band = [(west, lat - 0.1), (east, lat - 0.1), (east, lat + 0.1), (west, lat + 0.1), (west, lat - 0.1)]
    features, roads, holes = [], [], []
    for end, lon in (("west", west + 0.1), ("east", east - 0.2)):
        corners = block((lon, lat))
        holes.append(ring(corners)[::-1])
        features.append({"controller": "government", "rings": [rounded(ring(corners))]})
        for d in (1000, 2000):
            start = fwd(fwd(corners[0], 180, d), 270, 3000)
            end_ = fwd(fwd(corners[1], 180, d), 90, 3000)
            road = path(start, end_)
            roads.append({"name": f"{end} {d} m", "coordinates": rounded(road), **truth(corners, road, ranged=(d == 1000))})
    features.insert(0, {"controller": "opposition", "rings": [rounded(band)] + [rounded(h) for h in holes]})
    return {"name": name, "features": features, "roads": roads}


def antimeridian():
    """A besieged square of about 4 km at 17° S cut at 180° into two features, ringed by hostile
    ground also cut there; and a road west of 180° 1 km from a hostile block east of it."""
    def square(w, s, e, n):
        return [(w, s), (e, s), (e, n), (w, n), (w, s)]
    lat = -17.0
    features = []
    # Besieged: 179.98…180.02 (as 179.98…180 and −180…−179.98), lat −17.02…−16.98.
    features.append({"controller": "opposition", "rings": [rounded(square(179.98, lat - 0.02, 180.0, lat + 0.02))]})
    features.append({"controller": "opposition", "rings": [rounded(square(-180.0, lat - 0.02, -179.98, lat + 0.02))]})
    # Hostile ring 179.9…180.1 around it, cut the same way: two C shapes open towards 180°.
    s, n = lat - 0.02, lat + 0.02
    features.append({"controller": "government", "rings": [rounded(
        [(179.9, lat - 0.1), (180.0, lat - 0.1), (180.0, s), (179.98, s), (179.98, n), (180.0, n), (180.0, lat + 0.1),
         (179.9, lat + 0.1), (179.9, lat - 0.1)])]})
    features.append({"controller": "government", "rings": [rounded(
        [(-180.0, lat - 0.1), (-179.9, lat - 0.1), (-179.9, lat + 0.1), (-180.0, lat + 0.1), (-180.0, n), (-179.98, n),
         (-179.98, s), (-180.0, s), (-180.0, lat - 0.1)])]})
    area = sum(abs(geod.polygon_area_perimeter(*zip(*r))[0]) for r in
               (square(179.98, lat - 0.02, 180.0, lat + 0.02), square(-180.0, lat - 0.02, -179.98, lat + 0.02)))
    # Besieged ground 0.2° north, across 180° too, with a hostile block just east of 180°
    # and a road west of 180°, 1 km from the block's west side.
    north = lat + 0.3
    features.append({"controller": "opposition", "rings": [rounded(square(179.9, north - 0.1, 180.0, north + 0.1))]})
    corners = block((-179.995, north - 0.01))
    features.append({"controller": "opposition", "rings": [rounded(square(-180.0, north - 0.1, -179.9, north + 0.1)),
                                                           rounded(ring(corners)[::-1])]})
    features.append({"controller": "government", "rings": [rounded(ring(corners))]})
    top = fwd(fwd(corners[3], 270, 1000), 0, 3000)
    bottom = fwd(fwd(corners[0], 270, 1000), 180, 3000)
    road = path(top, bottom)
    return {"features": features, "pocket_area_km2": round(area / 1e6, 9),
            "roads": [{"name": "west of 180°", "coordinates": rounded(road), **truth(corners, road)}]}


def tile_borders():
    """Roads along tile borders: the equator (a border of every row), and the prime meridian
    (a border of every column), each 1 km from a hostile block across the border."""
    features, roads = [], []
    # Along the equator, a block to the south.
    corners = block(fwd(fwd((10.04, 0.0), 180, 1000), 180, 2000))
    ground = [(10.0, -0.1), (10.2, -0.1), (10.2, 0.1), (10.0, 0.1), (10.0, -0.1)]
    features.append({"controller": "opposition", "rings": [rounded(ground), rounded(ring(corners)[::-1])]})
    features.append({"controller": "government", "rings": [rounded(ring(corners))]})
    road = path((10.01, 0.0), (10.15, 0.0))
    roads.append({"name": "equator", "coordinates": rounded(road), **truth(corners, road)})
    # Along the prime meridian at 10° N, a block to the west.
    sw = fwd(fwd(fwd((0.0, 10.05), 270, 1000), 270, 2000), 180, 1000)
    corners = block(sw)
    ground = [(-0.1, 10.0), (0.1, 10.0), (0.1, 10.2), (-0.1, 10.2), (-0.1, 10.0)]
    features.append({"controller": "opposition", "rings": [rounded(ground), rounded(ring(corners)[::-1])]})
    features.append({"controller": "government", "rings": [rounded(ring(corners))]})
    road = path((0.0, 10.01), (0.0, 10.15))
    roads.append({"name": "prime meridian", "coordinates": rounded(road), **truth(corners, road)})
    return {"features": features, "roads": roads}


def overlaps():
    """At 48° N, long lon/lat edges with T-junctions: a government strip drawn with a vertex
    every 0.01°, an exact duplicate of it (same controller: allowed), opposition ground below it
    drawn by its four corners, whose top edge is one straight lon/lat edge 74 km long with the
    strip's vertices on it (an exact coverage; projected by its two ends, that edge would bow
    120 m into the strip), and an opposition strip that truly overlaps the top of the
    government strip by 0.0001° (11 m) along its whole length. The overlap's edges have a
    vertex every 0.01°, so straight lon/lat edges and geodesics bound the same ground (to 2 mm)."""
    def xs(w, e):
        return list(np.round(np.linspace(w, e, int(round((e - w) / 0.01)) + 1), 9))

    def dense(w, s, e, n):
        return [(x, s) for x in xs(w, e)] + [(x, n) for x in xs(w, e)[::-1]] + [(w, s)]
    strip = dense(10.0, 48.0, 11.0, 48.05)
    below = [(10.0, 47.95), (11.0, 47.95), (11.0, 48.0), (10.0, 48.0), (10.0, 47.95)]
    over = dense(10.0, 48.0499, 11.0, 48.07)
    coverage = [{"controller": "government", "rings": [rounded(strip)]},
                {"controller": "opposition", "rings": [rounded(below)]}]
    overlapping = coverage[:1] + [{"controller": "government", "rings": [rounded(strip)]}] + coverage[1:] + \
        [{"controller": "opposition", "rings": [rounded(over)]}]
    inter = shapely.Polygon(strip).intersection(shapely.Polygon(over))
    return {"coverage": coverage, "overlapping": overlapping,
            "overlap": {"features": [0, 3], "area_m2": round(abs(geod.geometry_area_perimeter(inter)[0]), 3)}}


out = {
    "command": "python3 Tests/CordonSiegeTests/Fixtures/pyproj/make_metric_truth.py",
    "fire_range_m": RANGE,
    "wide_maps": [wide_map("22-40 E at 48 N", 22.0, 40.0, 48.0), wide_map("-10-40 E at 15 N", -10.0, 40.0, 15.0),
                  wide_map("30-150 E at 55 N", 30.0, 150.0, 55.0)],
    "antimeridian": antimeridian(),
    "tile_borders": tile_borders(),
    "overlaps": overlaps(),
}
with open(os.path.join(out_dir, "metric_truth.json"), "w") as f:
    json.dump(out, f, separators=(",", ":"))
    f.write("\n")
