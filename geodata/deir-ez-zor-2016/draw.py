#!/usr/bin/env python3
"""Draw the bundled Deir ez-Zor 2016-2017 scenario for Cordon.

Every file in this folder except README.md is written by this script from the
tables below: districts.geojson, map.geojson, routes.geojson, scenario.yaml.

    python3 geodata/deir-ez-zor-2016/draw.py          # rewrite the files
    python3 geodata/deir-ez-zor-2016/draw.py --check  # also print the checks

How the geometry is made (all approximate, see README.md):
  * a hand-drawn city outline and a study-area box about 12 km around it;
  * city cells: Voronoi cells of approximate neighbourhood centres (longitude
    scaled by cos(latitude) so that cells are roughly metric), clipped to the
    outline;
  * outside the city: hand-drawn sectors (the airbase, the cemetery and drop
    zone, the Tharda hills, Panorama, the Brigade 137 base, Baghiliyah, the
    western approach and the ISIS-held countryside), bounded by dividing lines
    that end on the outline, the box or each other;
  * all line work is noded together on a 1e-6 degree grid and polygonised, so
    every face shares its edges exactly with its neighbours; districts and
    control areas are unions of faces, hence a clean coverage on every date.
Needs shapely >= 2.0, numpy, pyproj (only for --check).
"""
import json
import math
import os
import sys

import numpy as np
import shapely
from shapely.geometry import LineString, MultiPoint, Point, Polygon

HERE = os.path.dirname(os.path.abspath(__file__))
# The GeoJSON writing the bundled cases share: geodata/casefiles.py, or a copy beside this file.
sys.path[:0] = [HERE, os.path.dirname(HERE)]
from casefiles import coords_json, geom_json, load_fc, num, oriented, share_out, valid_on, write_fc  # noqa: E402
GRID = 1e-6  # output precision: 6 decimals, about 0.1 m
LAT0 = 35.32  # for the cos(latitude) scaling of the Voronoi diagram
KX = math.cos(math.radians(LAT0))

# ---------------------------------------------------------------------------
# Study area and city outline (lon, lat), hand-drawn and coarse. The city's
# position was checked against Natural Earth's populated place "Dayr az Zawr"
# (40.130 E, 35.330 N); the airbase against its published aerodrome position
# (35.28528 N, 40.17583 E, DAFIF via Wikipedia). Nothing was traced.
# ---------------------------------------------------------------------------
BOX = (40.00, 35.22, 40.26, 35.42)  # west, south, east, north: about 24 x 22 km
AIRBASE = (40.17583, 35.28528)      # aerodrome reference point (OSDZ)
DROP_ZONE = (40.143, 35.287)         # "three kilometres west of the airport" (OCHA, 20 Jan 2017)

PT = {
    # city outline, counter-clockwise from the south-west (Panorama side)
    "o1": (40.095, 35.318),
    "o2": (40.125, 35.310),
    "o3": (40.150, 35.305),
    "o4": (40.172, 35.301),
    "o5": (40.186, 35.310),
    "o6": (40.172, 35.328),   # on the Euphrates, south-west bank
    "o7": (40.150, 35.343),
    "o8": (40.128, 35.353),
    "o9": (40.105, 35.350),
    "o10": (40.092, 35.335),
    # Baghiliyah and Ayyash, north-west along the river
    "bg_n": (40.078, 35.372),
    "bg_w": (40.040, 35.384),
    "bg_s": (40.045, 35.356),
    # Brigade 137 base, west of the city
    "b7_n": (40.066, 35.338),
    "b7_w": (40.050, 35.318),
    "b7_s": (40.066, 35.302),
    # Panorama (south-western entrance)
    "pw": (40.092, 35.298),
    "ps": (40.112, 35.291),
    # the cemetery and drop-zone ground between Panorama and the airbase
    "cw": (40.125, 35.281),
    # the airbase and its perimeter
    "a_w": (40.150, 35.292),
    "t_ne": (40.150, 35.280),
    "a_sw": (40.153, 35.272),
    "a_se": (40.203, 35.273),
    "a_e": (40.206, 35.296),
    # the Tharda hills, south and south-west of the airbase
    "t_s": (40.160, 35.250),
    "t_w": (40.115, 35.257),
    # the western approach: the road from Kabajeb and Shoula to Brigade 137
    "wa_n": (BOX[0], 35.318),
    "wa_s": (BOX[0], 35.302),
    # dividing lines of the ISIS-held countryside
    "n_box": (40.128, BOX[3]),
    "w_box": (BOX[0], 35.384),
    "e_box": (BOX[2], 35.296),
    "e_box_s": (BOX[2], 35.250),
    "s_box": (40.160, BOX[1]),
}
OUTLINE = ["o1", "o2", "o3", "o4", "o5", "o6", "o7", "o8", "o9", "o10"]
LINES = [
    ["o9", "bg_n", "bg_w", "bg_s", "b7_n", "o10"],   # Baghiliyah and Ayyash
    ["b7_n", "b7_w", "b7_s", "pw", "o1"],            # Brigade 137 base
    ["pw", "ps", "o2"],                              # Panorama
    ["ps", "cw", "t_ne"],                            # cemetery | Tharda
    ["o3", "a_w", "t_ne", "a_sw", "a_se", "a_e", "o5"],  # the airbase perimeter
    ["t_ne", "a_sw"],
    ["a_sw", "t_s", "t_w", "cw"],                    # Tharda hills
    ["b7_w", "wa_n"], ["b7_s", "wa_s"],              # western approach
    ["o8", "n_box"], ["bg_w", "w_box"], ["a_e", "e_box"], ["t_s", "s_box"], ["a_se", "e_box_s"],
]

# ---------------------------------------------------------------------------
# Control timelines. 'from' inclusive, 'until' exclusive. Sources: README.md,
# section "Dates".
# ---------------------------------------------------------------------------
GOV, ISIS = "government", "isis"
TIMELINES = {
    "always_gov": [(GOV, None, None)],
    "always_isis": [(ISIS, None, None)],
    # ISIS takes Baghiliyah, Ayyash and the Mari'iyah farms, 16 January 2016
    "baghiliyah": [(GOV, None, "2016-01-16"), (ISIS, "2016-01-16", None)],
    # ISIS takes the Tharda hills after the coalition air raid of 17 September 2016
    "tharda": [(GOV, None, "2016-09-17"), (ISIS, "2016-09-17", None)],
    # the enclave is cut in two "as of 17 January" 2017 (OCHA): the ground west of
    # the airbase, with the drop zone, goes to ISIS
    "cemetery": [(GOV, None, "2017-01-17"), (ISIS, "2017-01-17", None)],
    # the army reaches the Brigade 137 base from the west, 5 September 2017
    "approach": [(ISIS, None, "2017-09-05"), (GOV, "2017-09-05", None)],
}

ZONES = {
    # key: (feature name, timeline)
    "west": ("Western enclave: Joura, Qusour, Muhajireen (government)", "always_gov"),
    "east": ("Eastern pocket: Harabesh and Rasafa (government)", "always_gov"),
    "city_isis": ("ISIS-held city: centre, Hamidiyah, Hawiqa, Old Airport, industrial area", "always_isis"),
    "airbase": ("Deir ez-Zor airbase and perimeter", "always_gov"),
    "brigade": ("Brigade 137 base", "always_gov"),
    "panorama": ("Panorama (south-western entrance)", "always_gov"),
    "cemetery": ("Cemetery and drop zone, between Panorama and the airbase", "cemetery"),
    "tharda": ("Tharda hills", "tharda"),
    "baghiliyah": ("Baghiliyah, Ayyash and the Mari'iyah farms", "baghiliyah"),
    "approach": ("Western approach (Kabajeb-Shoula road)", "approach"),
    "nw": ("North-west: Ayyash road and the Raqqa road", "always_isis"),
    "north": ("North bank: Husseiniyah, Hatla, Saqr island", "always_isis"),
    "east_country": ("East: Jafra, Mari'iyah and the Bukamal road", "always_isis"),
    "south": ("South: desert south of the airbase", "always_isis"),
    "sw": ("South-west: desert west of Panorama", "always_isis"),
    "w": ("West: countryside north of the Shoula road", "always_isis"),
}

# ---------------------------------------------------------------------------
# City sites: approximate neighbourhood centres (lon, lat), from general
# knowledge of the city (place positions in Wikipedia- and OpenStreetMap-style
# maps and the OCHA maps of January 2017), rounded to about 0.001 degree. The
# positions are rough: the aim is which side of the front each lies on.
# (district, lon, lat, zone, density weight)
# ---------------------------------------------------------------------------
SITES = [
    ("Joura", 40.107, 35.331, "west", 1.2),
    ("Qusour", 40.119, 35.343, "west", 1.2),
    ("Muhajireen", 40.101, 35.321, "west", 0.8),
    ("Harabesh", 40.168, 35.305, "east", 1.0),
    ("Rasafa", 40.180, 35.311, "east", 1.0),
    ("Kanamat", 40.128, 35.331, "city_isis", 0.0),
    ("Sheikh Yassin", 40.137, 35.340, "city_isis", 0.0),
    ("Hawiqa", 40.137, 35.349, "city_isis", 0.0),
    ("Hamidiyah", 40.150, 35.334, "city_isis", 0.0),
    ("Rashdiyeh", 40.137, 35.322, "city_isis", 0.0),
    ("Jubaylah", 40.161, 35.327, "city_isis", 0.0),
    ("Old Airport", 40.165, 35.317, "city_isis", 0.0),
    ("Industrial area", 40.148, 35.312, "city_isis", 0.0),
    ("Ommal", 40.176, 35.321, "city_isis", 0.0),
]

# Sectors outside the city: a point inside each (the face holding it takes
# its name) and its zone.
COUNTRY = [
    ("Deir ez-Zor airbase and perimeter", AIRBASE[0], AIRBASE[1], "airbase"),
    ("Brigade 137 base", 40.072, 35.320, "brigade"),
    ("Panorama", 40.105, 35.305, "panorama"),
    ("Cemetery and drop zone", 40.135, 35.295, "cemetery"),
    ("Tharda hills", 40.140, 35.268, "tharda"),
    ("Baghiliyah, Ayyash and the Mari'iyah farms", 40.070, 35.355, "baghiliyah"),
    ("Western approach (Kabajeb-Shoula road)", 40.025, 35.310, "approach"),
    ("North-west: Ayyash road and the Raqqa road", 40.060, 35.400, "nw"),
    ("North bank: Husseiniyah, Hatla, Saqr island", 40.200, 35.380, "north"),
    ("East: Jafra, Mari'iyah and the Bukamal road", 40.235, 35.280, "east_country"),
    ("South: desert south of the airbase", 40.200, 35.240, "south"),
    ("South-west: desert west of Panorama", 40.060, 35.260, "sw"),
    ("West: countryside north of the Shoula road", 40.020, 35.345, "w"),
]

# ---------------------------------------------------------------------------
# Populations. The UN's 93,500 for the government-held areas (OCHA Flash
# Update No. 2, 28 January 2017), of whom about 6,000 in Harabesh and Rasafa;
# the rest shared among the western districts by cell area x density weight.
# ISIS-held districts and all sectors outside the city: 0 in the map (their
# people are not in the besieged enclave).
# ---------------------------------------------------------------------------
POP_ENCLAVE = 93_500
POP_EAST = 6_000
POP_WEST = POP_ENCLAVE - POP_EAST

# ---------------------------------------------------------------------------
# Routes (lon, lat), approximate.
# ---------------------------------------------------------------------------
ROUTES = [
    # the Palmyra-Deir ez-Zor road (M20) from the west to the Brigade 137 base
    # and on to Panorama, drawn through the western approach
    {"name": "Palmyra road", "kind": "supply",
     "coords": [(BOX[0], 35.310), (40.030, 35.310), (40.058, 35.310), (40.075, 35.312), (40.095, 35.312)]},
    # the road from Panorama past the cemetery to the airbase
    {"name": "Airport road", "kind": "supply",
     "coords": [(40.100, 35.313), (40.115, 35.300), (40.135, 35.296), (40.152, 35.291), (40.166, 35.287)]},
]

# ---------------------------------------------------------------------------
# scenario.yaml. Figures and sources: README.md, "Supplies". Every figure that
# is our assumption says so.
# ---------------------------------------------------------------------------
FOOD_NEED = 0.333   # kg/person/day: WFP Syria planning figure, 10 kg/person/month (as for Aleppo)
DROPS_T = 3340      # WFP, 31 Jan 2017: 179 airdrops, more than 3,340 t since April 2016
DROP_DAYS = (280 + 3)  # 10 Apr 2016 - 14 Jan 2017 (280 days) and 29-31 Jan 2017 (3 days)
WFP_PER_DAY = round(DROPS_T * 1000 / DROP_DAYS, -2)  # kg/day, about 11,800
STOCK_DAYS = 60      # assumption: food in the enclave on 1 January 2016, in days of full need
FOOD_STOCK = round(POP_ENCLAVE * FOOD_NEED * STOCK_DAYS, -4)
STOCK_RANGE = [round(POP_ENCLAVE * FOOD_NEED * d, -4) for d in (20, STOCK_DAYS, 120)]
SHELLING_DEATHS = 19  # OCHA Flash Update No. 2: 19 civilians killed by shelling, 15-23 January 2017
# 15-20 starvation deaths reported in 2015 (unverified; OCHA, 15 Jan 2016) among about
# 200,000 then counted: per 10,000 people per day of shortage
STARVATION_PER_10K_DAY = round(20 / 365 / 20, 4)

# What was seen to happen, for cordon hindcast and cordon calibrate (README, "Observations").
OBSERVATIONS = """
observations:
  - date: 2017-01-28
    what: food.depleted
    source: "OCHA, Syria: Deir ez-Zor Flash Update No. 2, 28 January 2017: SARC food stocks almost depleted"
    note: almost depleted, while the airdrops were halted (15-28 January)
  - date: 2017-01-29
    what: food.restored
    source: "Reuters wire, 31 January 2017, as republished by the Daily Mail (http://www.dailymail.co.uk/wires/reuters/article-4175046/WFP-resumes-air-drops-Syrian-town-besieged-Islamic-State.html): WFP resumed airdrops on 29 January on a new drop zone"
  - date: 2017-01-28
    what: population
    value: 93500
    source: "OCHA Flash Update No. 2, 28 January 2017; WFP, 31 January 2017: some 93,500 people"
    note: the whole enclave; the model's focus pocket leaves out the 6,000 of Harabesh and Rasafa from 17 January
  - date: 2017-09-05
    what: siege.end
    source: "the army's 17th Division reaches the Brigade 137 base (README, Map: https://au.news.yahoo.com/syrian-forces-meet-after-three-year-islamic-state-siege-36973029.html)"
"""


SCENARIO = f"""# Deir ez-Zor, 2016-2017: the second bundled Cordon scenario.
# Written by draw.py; figures and sources in README.md. Every number marked
# "assumption" is ours, not a reported figure; the uncertainty block gives
# each a range. Nothing here was tuned to reproduce a known outcome.
name: Deir ez-Zor 2016-2017
start: 2016-01-01
end: 2017-09-05
map: map.geojson
routes: routes.geojson
districts: districts.geojson
besieged: government
allies: []
snap: 0                # map.geojson is an exact coverage: no gaps to join
fire_range_m: 1500
walk_m: 3000
focus: [40.107, 35.331]   # Joura: inside the western enclave on every date

supplies:
  - commodity: food
    unit: kg
    # assumption: {STOCK_DAYS} days of full need for {POP_ENCLAVE:,} people on 1 January 2016
    # (government grain reserve, traders and households; no published figure)
    stock: {FOOD_STOCK:.0f}
    need_per_person_day: {FOOD_NEED}   # WFP Syria planning figure, 10 kg/person/month
    spoilage_per_day: 0.001    # assumption: 0.1 %/day

inflows:
  # WFP high-altitude airdrops from 10 April 2016: 3,340 t in 179 drops by 31 January
  # 2017 (WFP), spread over the {DROP_DAYS} days they ran, about {WFP_PER_DAY:,.0f} kg a day;
  # counted as food (the cargo was mostly food). Halted 15 January 2017 when ISIS took the
  # drop zone, resumed 29 January on a new one (WFP)
  - name: WFP airdrops
    commodity: food
    per_day: {WFP_PER_DAY:.0f}
    from: 2016-04-10
    suspended:
      - {{from: 2017-01-15, until: 2017-01-29}}
  # WFP's first drop, 24 February 2016: 21 t, of which about half was lost
  # (10 of 21 pallets unaccounted for)
  - name: WFP first airdrop
    commodity: food
    date: 2016-02-24
    amount: 11000
  # Russian and Syrian government air drops from 15 January 2016 (Russia: 22 t that
  # day; OCHA, January 2017: further drops reported). The volume is an assumption
  - name: Russian and Syrian air drops
    commodity: food
    per_day: 2000
    from: 2016-01-15
  # government helicopter flights into the airbase (assumption: 3,000 kg a day): they land
  # while the government holds the airbase, and reach the city by the airport road, cut
  # from the split of 17 January 2017
  - name: Helicopters by the airbase
    commodity: food
    per_day: 3000
    airport: [{AIRBASE[0]}, {AIRBASE[1]}]
    route: Airport road
    under_fire_factor: 1.0

rationing:   # assumption: the same steps as the Aleppo scenario
  - below_days: 60
    ration: 0.9
  - below_days: 30
    ration: 0.7
  - below_days: 10
    ration: 0.5

population_changes:
  # the split of 17 January 2017: about 6,000 people in Harabesh and Rasafa are cut off
  # from the western enclave (OCHA) and no longer fed from its stock
  - kind: departures
    per_day: {POP_EAST}
    from: 2017-01-17
    until: 2017-01-18
    max_total: {POP_EAST}
  # deaths from shelling in the January 2017 offensive: 19 civilians, 15-23 January (OCHA)
  - kind: deaths
    per_day: 2.2
    from: 2017-01-15
    until: 2017-01-24
    max_total: {SHELLING_DEATHS}

uncertainty:
  runs: 1000
  seed: 2017
  vary:
    population: {{uniform: [80000, 110000]}}   # Siege Watch 80,000; UN 93,500; WFP 110,000
    supplies.food.stock: {{triangular: [{STOCK_RANGE[0]:.0f}, {STOCK_RANGE[1]:.0f}, {STOCK_RANGE[2]:.0f}]}}
    supplies.food.need_per_person_day: {{triangular: [0.28, {FOOD_NEED}, 0.4]}}
    inflows.0.per_day: {{uniform: [9000, 12500]}}
    inflows.2.per_day: {{uniform: [0, 8000]}}
    inflows.3.per_day: {{uniform: [0, 8000]}}
""" + OBSERVATIONS


# ---------------------------------------------------------------------------
# geometry (the same method as geodata/aleppo-2016/draw.py)
# ---------------------------------------------------------------------------
def scaled(xy):
    return np.column_stack([xy[:, 0] * KX, xy[:, 1]])


def unscaled(xy):
    return np.column_stack([xy[:, 0] / KX, xy[:, 1]])


def build_faces():
    """Node all line work and polygonise it; label each face."""
    box = shapely.box(*BOX)
    outline = Polygon([PT[k] for k in OUTLINE])
    assert outline.is_valid and outline.exterior.is_ccw
    sites = np.array([(s[1], s[2]) for s in SITES])
    vor = shapely.voronoi_polygons(MultiPoint(scaled(sites)), extend_to=shapely.transform(box, scaled),
                                   ordered=True)
    cells = [shapely.transform(c, unscaled) for c in shapely.get_parts(vor)]
    country_lines = [box.boundary, outline.boundary] + [LineString([PT[k] for k in ln]) for ln in LINES]
    sectors = list(shapely.get_parts(shapely.polygonize(shapely.get_parts(shapely.union_all(country_lines)))))
    sector_of = []
    for sp in sectors:
        if outline.contains(sp.representative_point()):
            continue
        hits = [i for i, c in enumerate(COUNTRY) if sp.contains(Point(c[1], c[2]))]
        if len(hits) != 1:
            raise SystemExit(f"sector at {sp.representative_point().wkt} holds {len(hits)} label points")
        sector_of.append((sp, hits[0]))
    wide = outline.buffer(1e-4, join_style="mitre")
    lines = country_lines + [shapely.intersection(c.boundary, wide) for c in cells]
    work = shapely.set_precision(shapely.union_all(lines), GRID)
    faces = list(shapely.get_parts(shapely.polygonize(shapely.get_parts(work))))
    labelled = {}
    sxy = scaled(sites)
    for f in faces:
        rp = f.representative_point()
        if outline.contains(rp):
            d = np.hypot(sxy[:, 0] - rp.x * KX, sxy[:, 1] - rp.y)
            key = ("site", int(np.argmin(d)))
        else:
            hits = [i for sp, i in sector_of if sp.contains(rp)]
            if len(hits) != 1:
                raise SystemExit(f"face at {rp.wkt} lies in {len(hits)} sectors")
            key = ("country", hits[0])
        labelled.setdefault(key, []).append(f)
    missing = [c[0] for i, c in enumerate(COUNTRY) if ("country", i) not in labelled]
    missing += [s[0] for i, s in enumerate(SITES) if ("site", i) not in labelled]
    if missing:
        raise SystemExit(f"no face for: {missing}")
    return box, outline, labelled


def dissolve(geoms):
    geoms = list(geoms)
    if len(geoms) == 1:
        return geoms[0]
    u = shapely.coverage_union_all(geoms)
    if not u.is_valid:
        u = shapely.union_all(geoms)
    return u


def main():
    box, outline, labelled = build_faces()
    to_m = lambda g: shapely.transform(g, lambda xy: np.column_stack([xy[:, 0] * KX * 111320, xy[:, 1] * 110950]))
    site_geom = {i: dissolve(labelled[("site", i)]) for i in range(len(SITES))}
    country_geom = {i: dissolve(labelled[("country", i)]) for i in range(len(COUNTRY))}

    # district populations: the enclave's share by area x density weight
    pop = {}
    for zone, total in (("west", POP_WEST), ("east", POP_EAST)):
        idx = [i for i, s in enumerate(SITES) if s[3] == zone]
        weights = [to_m(site_geom[i]).area * SITES[i][4] for i in idx]
        for i, p in zip(idx, share_out(total, weights)):
            pop[i] = p

    # ---- districts.geojson: city districts and the sectors outside
    dfeats = []
    for i, s in enumerate(SITES):
        held = TIMELINES[ZONES[s[3]][1]][0][0]
        note = ("UN 93,500 (OCHA, Jan 2017) shared by area and density" if s[3] in ("west", "east")
                else "ISIS-held: not in the besieged enclave")
        dfeats.append((oriented(site_geom[i]), {"name": s[0], "side_2016": held, "part": "city",
                                                "population": pop.get(i, 0), "population_note": note}))
    for i, c in enumerate(COUNTRY):
        held = TIMELINES[ZONES[c[3]][1]][0][0]
        dfeats.append((oriented(country_geom[i]), {"name": c[0], "side_2016": held, "part": "outside the city",
                                                   "population": 0, "population_note": "not counted"}))
    write_fc(os.path.join(HERE, "districts.geojson"), dfeats)

    # ---- map.geojson: one feature per zone per period of its timeline
    mfeats = []
    for z, (fname, tl) in ZONES.items():
        sites_i = [i for i, s in enumerate(SITES) if s[3] == z]
        country_i = [i for i, c in enumerate(COUNTRY) if c[3] == z]
        g = oriented(dissolve([site_geom[i] for i in sites_i] + [country_geom[i] for i in country_i]))
        zone_pop = sum(pop.get(i, 0) for i in sites_i)
        names = sorted({SITES[i][0] for i in sites_i} | {COUNTRY[i][0] for i in country_i})
        for ctrl, frm, until in TIMELINES[tl]:
            props = {"name": fname, "controller": ctrl}
            if frm:
                props["from"] = frm
            if until:
                props["until"] = until
            props["population"] = zone_pop
            props["districts"] = "; ".join(names)
            mfeats.append((g, props))
    write_fc(os.path.join(HERE, "map.geojson"), mfeats)

    # ---- routes.geojson
    rfeats = [(LineString(r["coords"]), {"name": r["name"], "kind": r["kind"]}) for r in ROUTES]
    write_fc(os.path.join(HERE, "routes.geojson"), rfeats)

    # ---- scenario.yaml
    tmp = os.path.join(HERE, "scenario.yaml.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(SCENARIO)
    os.replace(tmp, os.path.join(HERE, "scenario.yaml"))

    print(f"districts: {len(dfeats)}, map features: {len(mfeats)}, routes: {len(rfeats)}, "
          f"enclave population {sum(pop.values()):,}", file=sys.stderr)
    if "--check" in sys.argv:
        check()


# ---------------------------------------------------------------------------
# checks (python3 draw.py --check)
# ---------------------------------------------------------------------------
def check():
    from pyproj import Transformer
    fwd = Transformer.from_crs(4326, 32637, always_xy=True)  # UTM 37N covers 36-42 E
    to_m = lambda g: shapely.transform(g, lambda xy: np.column_stack(fwd.transform(xy[:, 0], xy[:, 1])))
    feats = load_fc(HERE, "map.geojson")
    dates = sorted({p[k] for _, p in feats for k in ("from", "until") if p.get(k)})
    box_area = to_m(shapely.box(*BOX)).area
    ok = True
    for d in ["2015-12-31"] + dates:
        cur = [(to_m(g), p) for g, p in feats if valid_on(p, d)]
        geoms = [g for g, _ in cur]
        bad = [p["name"] for g, p in cur if not g.is_valid]
        over = 0.0
        for i in range(len(geoms)):
            for j in range(i + 1, len(geoms)):
                if geoms[i].intersects(geoms[j]):
                    over += geoms[i].intersection(geoms[j]).area
        gap = (shapely.box(*BOX).area - shapely.union_all([g for g, p in feats if valid_on(p, d)]).area) \
            * box_area / shapely.box(*BOX).area
        gov = shapely.union_all([g for g, p in feats if valid_on(p, d) and p["controller"] == GOV])
        parts = sorted(shapely.get_parts(gov), key=lambda g: -g.area)
        edge = shapely.box(*BOX).boundary
        desc = ", ".join(f"{to_m(g).area / 1e6:.2f} km2{' (touches box)' if g.intersects(edge) else ''}"
                         f"{' [focus]' if g.contains(Point(40.107, 35.331)) else ''}"
                         f"{' [airbase]' if g.contains(Point(*AIRBASE)) else ''}" for g in parts)
        print(f"{d}: {len(cur)} features, invalid {bad}, overlap {over:.3f} m2, gap {gap:.3f} m2; "
              f"government pockets: {desc}")
        ok &= not bad and over < 1.0 and abs(gap) < 1.0
    for d in ["2016-01-01", "2016-09-17", "2017-01-16", "2017-01-17", "2017-09-04", "2017-09-05"]:
        cur = [(to_m(g), p) for g, p in feats if valid_on(p, d)]
        hostile = shapely.union_all([g for g, p in cur if p["controller"] != GOV])
        for g, p in load_fc(HERE, "routes.geojson"):
            r = to_m(g)
            status = "cut" if r.intersection(hostile).length > 0 else (
                "under_fire" if r.intersection(hostile.buffer(1500)).length > 0 else "open")
            print(f"{d} {p['name']}: inside hostile {r.intersection(hostile).length:.0f} m, "
                  f"to hostile {r.distance(hostile):.0f} m -> {status}")
    drop = Point(*DROP_ZONE)
    for g, p in feats:
        if g.contains(drop):
            print(f"drop zone of 2016 lies in: {p['name']} ({p['controller']}, {p.get('from')}..{p.get('until')})")
    print("coverage OK" if ok else "coverage PROBLEMS")


if __name__ == "__main__":
    main()
