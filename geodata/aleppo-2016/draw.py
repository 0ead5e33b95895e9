#!/usr/bin/env python3
"""Draw the bundled eastern Aleppo 2016 scenario for Cordon.

Every file in this folder except README.md is written by this script from the
tables below: districts.geojson, map.geojson, routes.geojson, scenario.yaml.

    python3 geodata/aleppo-2016/draw.py          # rewrite the files
    python3 geodata/aleppo-2016/draw.py --check  # also print the checks

How the geometry is made (all approximate, see README.md):
  * a hand-drawn city outline and a study-area box about 18 km around it;
  * city cells: Voronoi cells of approximate neighbourhood centres (computed
    with longitude scaled by cos(latitude) so that cells are roughly metric),
    clipped to the outline;
  * countryside sectors: hand-drawn dividing lines between the outline and
    the box;
  * all of that line work is noded together on a 1e-6 degree grid and
    polygonised, so every face shares its edges exactly with its neighbours;
    districts and control areas are unions of those faces, hence a clean
    coverage on every date.
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
LAT0 = 36.2  # for the cos(latitude) scaling of the Voronoi diagram
KX = math.cos(math.radians(LAT0))

# ---------------------------------------------------------------------------
# Study area and city outline (lon, lat). Hand-drawn from general knowledge of
# Aleppo's built-up extent in the 2010s (OpenStreetMap-style basemaps); the
# outline is deliberately coarse.
# ---------------------------------------------------------------------------
BOX = (36.96, 36.04, 37.38, 36.36)  # west, south, east, north: ~37 x 35 km

PT = {
    # city outline, counter-clockwise from the south
    "o_s": (37.158, 36.146),    # south of Sheikh Said
    "o_sse": (37.180, 36.158),
    "o_se": (37.198, 36.173),   # towards the airport road
    "o_e1": (37.214, 36.188),
    "o_e2": (37.222, 36.215),   # east of Jabal Badro / Masaken Hanano
    "o_ne": (37.220, 36.236),
    "o_ne2": (37.207, 36.246),  # north-east of Haydariya
    "o_n1": (37.189, 36.252),   # north of Ba'edin / Jandoul
    "o_n2": (37.166, 36.253),
    "o_n3": (37.140, 36.255),   # north of Sheikh Maqsoud
    "o_n4": (37.120, 36.258),
    "o_n5": (37.100, 36.258),   # north of Layramoun
    "o_nw": (37.082, 36.244),
    "o_w1": (37.078, 36.215),   # west of Zahraa
    "o_w2": (37.076, 36.185),   # west of New Aleppo
    "o_sw": (37.085, 36.160),
    "o_sw2": (37.105, 36.145),  # Ramouseh, south-west
    "o_s2": (37.132, 36.141),
    # countryside line work
    "m_e": (37.167, 36.283),    # Mallah farms, south-east corner
    "m_w": (37.117, 36.283),    # Mallah farms, south-west corner
    "p_nw": (37.115, 36.300),   # where Mallah, Kafr Hamra, Hreitan and the north meet
    "l1_top": (37.168, 36.300),
    "l2_top": (37.206, 36.283),   # Handarat, north-east corner
    "n_box": (37.100, BOX[3]),
    "kh_w": (37.060, 36.296),   # Kafr Hamra, north-west corner
    "w_box_n": (BOX[0], 36.225),
    "w_box_s": (BOX[0], 36.150),
    "j_w": (37.092, 36.112),    # academies, south-west corner
    "j_e": (37.150, 36.104),    # academies, south-east corner
    "s_box": (37.075, BOX[1]),
    "e_box_s": (BOX[2], 36.150),
    "e_box_n": (BOX[2], 36.228),
}
OUTLINE = ["o_s", "o_sse", "o_se", "o_e1", "o_e2", "o_ne", "o_ne2", "o_n1", "o_n2",
           "o_n3", "o_n4", "o_n5", "o_nw", "o_w1", "o_w2", "o_sw", "o_sw2", "o_s2"]
# dividing lines of the countryside; each ends on an outline vertex, a box side
# or another line's vertex, so the noding is exact
LINES = [
    ["o_n2", "m_e", "l1_top"],            # Handarat | Castello, Mallah
    ["o_ne2", "l2_top"],                  # Handarat | north-east (government)
    ["p_nw", "l1_top"],                   # Mallah | northern front
    ["m_e", "l2_top"],                    # Handarat | northern front
    ["m_w", "m_e"],                       # Castello | Mallah
    ["o_n4", "m_w", "p_nw"],              # Kafr Hamra | Castello, Mallah
    ["p_nw", "n_box"],                    # Hreitan | northern front
    ["p_nw", "kh_w", "o_nw"],             # Hreitan | Kafr Hamra
    ["o_w1", "w_box_n"],                  # Hreitan | western countryside
    ["o_sw", "w_box_s"],                  # western | south-western countryside
    ["o_sw2", "j_w", "s_box"],            # south-west | academies, south
    ["j_w", "j_e", "o_s"],                # academies | south
    ["o_se", "e_box_s"],                  # south | east
    ["o_e2", "e_box_n"],                  # east | north-east
]

# ---------------------------------------------------------------------------
# Control timelines. Dates are ISO; 'from' inclusive, 'until' exclusive.
# Sources for each date are in README.md, section "Dates".
# ---------------------------------------------------------------------------
OPP, GOV, KRD = "opposition", "government", "kurdish"
TIMELINES = {
    "always_gov": [(GOV, None, None)],
    "always_opp": [(OPP, None, None)],
    "always_krd": [(KRD, None, None)],
    # Mallah farms: government within fire range of the Castello Road, 7 July
    "mallah": [(OPP, None, "2016-07-07"), (GOV, "2016-07-07", None)],
    # Castello Road cut, 17 July
    "castello": [(OPP, None, "2016-07-17"), (GOV, "2016-07-17", None)],
    # Bani Zeid and Layramoun taken in the last week of July (we use 27 July)
    "banizeid": [(OPP, None, "2016-07-27"), (GOV, "2016-07-27", None)],
    # Ramouseh breach 6 August, lost again 4 September
    "ramouseh": [(GOV, None, "2016-08-06"), (OPP, "2016-08-06", "2016-09-04"), (GOV, "2016-09-04", None)],
    # Handarat camp, 24 September
    "handarat": [(OPP, None, "2016-09-24"), (GOV, "2016-09-24", None)],
    # the north falls, 26-28 November
    "n1": [(OPP, None, "2016-11-26"), (GOV, "2016-11-26", None)],
    "n2": [(OPP, None, "2016-11-27"), (GOV, "2016-11-27", None)],
    "nk": [(OPP, None, "2016-11-27"), (KRD, "2016-11-27", None)],
    "n3": [(OPP, None, "2016-11-28"), (GOV, "2016-11-28", None)],
    # east of the Citadel (Shaar fell 4 December), then the Old City (7 December)
    "d1": [(OPP, None, "2016-12-05"), (GOV, "2016-12-05", None)],
    "d2": [(OPP, None, "2016-12-07"), (GOV, "2016-12-07", None)],
    # all but the last pocket by 13 December
    "d3": [(OPP, None, "2016-12-13"), (GOV, "2016-12-13", None)],
    # the last pocket, evacuated 15-22 December
    "last": [(OPP, None, "2016-12-22"), (GOV, "2016-12-22", None)],
}

# Zones: areas that change hands together. Each becomes one map feature per
# period of its timeline.
ZONES = {
    # key: (feature name, timeline)
    "west": ("West Aleppo (government-held districts)", "always_gov"),
    "maqsoud": ("Sheikh Maqsoud (Kurdish-held)", "always_krd"),
    "banizeid": ("Bani Zeid and Layramoun", "banizeid"),
    "ramouseh": ("Ramouseh", "ramouseh"),
    "n1": ("East Aleppo: Masaken Hanano", "n1"),
    "n2": ("East Aleppo: Haydariya, Ba'edin, Jandoul, Jabal Badro", "n2"),
    "nk": ("East Aleppo: Sheikh Faris", "nk"),
    "n3": ("East Aleppo: Sakhour, Sheikh Khodr", "n3"),
    "d1": ("East Aleppo: districts east of the Citadel", "d1"),
    "d2": ("East Aleppo: Old City quarters", "d2"),
    "d3": ("East Aleppo: central and southern districts", "d3"),
    "last": ("East Aleppo: the last pocket", "last"),
    # countryside sectors
    "handarat": ("Handarat camp and hills", "handarat"),
    "castello": ("Castello Road (Layramoun-Jandoul stretch)", "castello"),
    "mallah": ("Mallah farms", "mallah"),
    "kafrhamra": ("Kafr Hamra and the Castello approaches", "always_opp"),
    "hreitan": ("Hreitan, Anadan and Bayanoun countryside", "always_opp"),
    "western": ("Western countryside (Kafr Naha, Urum al-Kubra road)", "always_opp"),
    "southwest": ("South-western countryside (Khan al-Asal, Khan Touman)", "always_opp"),
    "academies": ("Ramouseh military academies", "ramouseh"),
    "north": ("Northern front (Bashkoy), Sheikh Najjar and the Central Prison", "always_gov"),
    "east": ("Airport, Nayrab and the Kuweires road", "always_gov"),
    "south": ("Southern approaches (Sheikh Said hills, Khanasir road)", "always_gov"),
}

# ---------------------------------------------------------------------------
# City sites: approximate neighbourhood centres (lon, lat), from general
# knowledge of Aleppo (Wikipedia / OpenStreetMap-style place positions),
# rounded to about 0.001 degree (~100 m). A district may have several sites when
# only part of it changed hands on a date (Sukkari, Mashhad).
# density weight: share of the side's population per km^2 (see populations).
# ---------------------------------------------------------------------------
# (district, part or "", lon, lat, zone, density weight)
SITES = [
    # --- east (opposition-held in mid-2016) ---
    ("Masaken Hanano", "", 37.204, 36.226, "n1", 0.7),
    ("Jabal Badro", "", 37.208, 36.212, "n2", 0.7),
    ("Haydariya", "", 37.195, 36.237, "n2", 0.7),
    ("Ba'edin", "", 37.184, 36.237, "n2", 0.7),
    ("Jandoul and Ayn al-Tal", "", 37.180, 36.247, "n2", 0.3),
    ("Sakhour", "", 37.190, 36.221, "n3", 0.9),
    ("Sheikh Khodr", "", 37.182, 36.227, "n3", 0.8),
    ("Sheikh Faris", "", 37.172, 36.228, "nk", 0.6),
    ("Shaar", "", 37.186, 36.209, "d1", 1.2),
    ("Qadi Askar", "", 37.175, 36.203, "d1", 1.0),
    ("Karm al-Jabal", "", 37.177, 36.212, "d1", 1.0),
    ("Tariq al-Bab", "", 37.197, 36.207, "d1", 1.1),
    ("Karm al-Jazmati", "", 37.201, 36.196, "d1", 0.9),
    ("Karm al-Maysar", "", 37.189, 36.196, "d1", 1.0),
    ("Karm al-Qaterji", "", 37.182, 36.201, "d1", 1.0),
    ("Ma'asaraniya", "", 37.212, 36.199, "d1", 0.6),
    ("Sheikh Lutfi", "", 37.196, 36.185, "d2", 0.7),
    ("Old City: Bab al-Hadid and Aqyul", "", 37.167, 36.206, "d2", 0.5),
    ("Old City: Bab al-Nayrab", "", 37.171, 36.196, "d2", 0.6),
    ("Old City: Bab al-Maqam", "", 37.158, 36.190, "d2", 0.5),
    ("Old City: souqs and Jalloum", "", 37.155, 36.196, "d2", 0.3),
    ("Marjeh", "", 37.177, 36.183, "d3", 1.0),
    ("Kallaseh", "", 37.149, 36.194, "d3", 1.2),
    ("Bustan al-Qasr", "", 37.144, 36.189, "d3", 1.3),
    ("Fardous", "", 37.151, 36.187, "d3", 1.3),
    ("Salihin", "", 37.165, 36.183, "d3", 1.1),
    ("Karm al-Daadaa", "", 37.155, 36.178, "d3", 1.0),
    ("Sheikh Said", "", 37.157, 36.162, "d3", 0.4),
    ("Ansari", "", 37.141, 36.183, "d3", 1.2),
    ("Sukkari", "south-east", 37.147, 36.172, "d3", 1.3),
    ("Sukkari", "north-west", 37.140, 36.177, "last", 1.3),
    ("Mashhad", "south", 37.135, 36.173, "d3", 1.2),
    ("Mashhad", "north", 37.133, 36.180, "last", 1.2),
    ("Amiriyah", "north", 37.127, 36.173, "last", 0.8),
    ("Amiriyah", "south", 37.125, 36.164, "d3", 0.8),
    ("Seif al-Dawla", "", 37.128, 36.191, "last", 1.0),
    ("Salah al-Din", "", 37.121, 36.181, "last", 0.6),
    # --- west (government-held) ---
    ("Citadel", "", 37.163, 36.1995, "west", 0.0),
    ("Bab al-Faraj and the Serail", "", 37.157, 36.2025, "west", 0.6),
    ("Jdeideh", "", 37.156, 36.208, "west", 0.8),
    ("Aziziyah", "", 37.149, 36.210, "west", 1.0),
    ("Jamiliyah", "", 37.142, 36.206, "west", 1.0),
    ("Masharqa", "", 37.140, 36.199, "west", 0.8),
    ("Suleimaniyah", "", 37.159, 36.218, "west", 1.0),
    ("Midan", "", 37.167, 36.219, "west", 1.0),
    ("Siryan and Sheikh Taha", "", 37.150, 36.220, "west", 1.0),
    ("Ashrafiyah", "", 37.143, 36.228, "west", 0.8),
    ("Sabil", "", 37.132, 36.218, "west", 1.0),
    ("Muhafaza", "", 37.135, 36.210, "west", 1.0),
    ("Furqan", "", 37.121, 36.202, "west", 1.0),
    ("Shahba", "", 37.117, 36.218, "west", 1.0),
    ("Khalidiya", "", 37.119, 36.231, "west", 0.7),
    ("Zahraa", "", 37.097, 36.225, "west", 0.6),
    ("New Aleppo", "", 37.093, 36.201, "west", 0.9),
    ("Azamiyah", "", 37.119, 36.192, "west", 1.0),
    ("Hamdaniya", "", 37.110, 36.183, "west", 1.0),
    ("Tishreen and the 1070 project", "", 37.096, 36.167, "west", 0.4),
    ("Ramouseh", "", 37.128, 36.156, "ramouseh", 0.1),
    ("Bani Zeid", "", 37.134, 36.244, "banizeid", 1.0),
    ("Layramoun", "", 37.105, 36.244, "banizeid", 0.2),
    # --- Kurdish-held ---
    ("Sheikh Maqsoud", "", 37.150, 36.235, "maqsoud", 1.0),
]

# Countryside sectors: a point inside each (the face that holds it gets its
# name), the zone, and a rough population (see README, "Populations").
COUNTRY = [
    # (name, lon, lat, zone, population)
    ("Handarat camp and hills", 37.186, 36.270, "handarat", 1000),
    ("Castello Road (Layramoun-Jandoul stretch)", 37.140, 36.266, "castello", 500),
    ("Mallah farms", 37.140, 36.292, "mallah", 500),
    ("Kafr Hamra and the Castello approaches", 37.090, 36.275, "kafrhamra", 8000),
    ("Hreitan, Anadan and Bayanoun countryside", 37.020, 36.300, "hreitan", 40000),
    ("Western countryside (Kafr Naha, Urum al-Kubra road)", 37.010, 36.190, "western", 20000),
    ("South-western countryside (Khan al-Asal, Khan Touman)", 37.020, 36.100, "southwest", 20000),
    ("Ramouseh military academies", 37.120, 36.125, "academies", 0),
    ("Northern front (Bashkoy), Sheikh Najjar and the Central Prison", 37.260, 36.300, "north", 15000),
    ("Airport, Nayrab and the Kuweires road", 37.280, 36.190, "east", 15000),
    ("Southern approaches (Sheikh Said hills, Khanasir road)", 37.200, 36.090, "south", 10000),
]

# ---------------------------------------------------------------------------
# Populations. East: the UN's 250,000-275,000 for eastern Aleppo (OCHA,
# August-September 2016); we take 265,000 and share it out by area x density
# weight. West, Sheikh Maqsoud, Bani Zeid/Layramoun and countryside: rough
# estimates, labelled as such in README.md.
# ---------------------------------------------------------------------------
POP_EAST = 265_000      # UN OCHA, Aug-Sep 2016: 250,000-275,000
POP_WEST = 1_300_000    # rough: reporting in 2016 ranged about 1.2-1.5 million
POP_MAQSOUD = 30_000    # rough: 2016 reporting gave some tens of thousands
POP_BANIZEID = 3_000    # rough: front-line districts, largely emptied
EAST_ZONES = {"n1", "n2", "nk", "n3", "d1", "d2", "d3", "last"}

# ---------------------------------------------------------------------------
# Routes (lon, lat), approximate. The Castello Road leaves the Jandoul
# roundabout and runs north-west past Castello and Kafr Hamra towards Hreitan.
# Drawn about 1-1.5 km north of its true line past Sheikh Maqsoud (see README,
# "What is approximate").
# ---------------------------------------------------------------------------
JANDOUL = (37.186, 36.247)
ROUTES = [
    {"name": "Castello Road", "kind": "supply",
     "coords": [JANDOUL, (37.181, 36.258), (37.170, 36.266), (37.150, 36.271), (37.130, 36.271),
                (37.112, 36.272), (37.095, 36.276), (37.080, 36.282), (37.060, 36.292), (37.040, 36.300)]},
    {"name": "Ramouseh road", "kind": "supply",
     "coords": [(37.127, 36.168), (37.126, 36.158), (37.118, 36.146), (37.105, 36.130),
                (37.085, 36.115), (37.060, 36.100)]},
    # the four corridors announced on 28 July 2016 (Russian Defence Ministry /
    # Syrian government): three for civilians, one in the north for fighters.
    # Entry and exit points are approximate.
    {"name": "Bustan al-Qasr corridor", "kind": "corridor", "use": "civilians",
     "coords": [(37.1445, 36.1885), (37.1430, 36.1945), (37.1405, 36.2000)],
     "capacity_per_day": 2000, "hours_per_day": 12, "from": "2016-07-28"},
    {"name": "Salah al-Din corridor", "kind": "corridor", "use": "civilians",
     "coords": [(37.1225, 36.1805), (37.1160, 36.1830), (37.1100, 36.1840)],
     "capacity_per_day": 2000, "hours_per_day": 12, "from": "2016-07-28"},
    {"name": "Sheikh Maqsoud corridor", "kind": "corridor", "use": "civilians",
     "coords": [(37.1720, 36.2280), (37.1620, 36.2320), (37.1520, 36.2350)],
     "capacity_per_day": 1000, "hours_per_day": 12, "from": "2016-07-28"},
    {"name": "Castello corridor", "kind": "corridor", "use": "fighters",
     "coords": [JANDOUL, (37.181, 36.258), (37.170, 36.266), (37.150, 36.271)],
     "capacity_per_day": 500, "hours_per_day": 12, "from": "2016-07-28"},
]


# ---------------------------------------------------------------------------
# scenario.yaml. Figures and their sources: README.md, "Supplies". Where a
# figure is our assumption the comment in the YAML says so.
# ---------------------------------------------------------------------------
FOOD_NEED = 0.333          # kg/person/day: WFP Syria planning figure, 10 kg/person/month (Jan 2013)
UN_FOOD = 145_000 * 30 * FOOD_NEED  # UN, mid-July 2016: food for 145,000 people for one month
LOCAL_FOOD = (1_000_000, 2_000_000, 4_000_000)  # kg; assumption: traders', councils' and household stocks
FOOD_STOCK = [round(UN_FOOD + x, -4) for x in LOCAL_FOOD]
SCENARIO = f"""# Eastern Aleppo, 2016: the bundled Cordon scenario.
# Written by draw.py; figures and sources in README.md. Every number marked
# "assumption" is ours, not a reported figure; the uncertainty block gives
# each a range. Nothing here was tuned to reproduce a known outcome.
name: Eastern Aleppo 2016
start: 2016-07-01
end: 2016-12-22
map: map.geojson
routes: routes.geojson
districts: districts.geojson
besieged: opposition
allies: []
snap: 0                # map.geojson is an exact coverage: no gaps to join
fire_range_m: 1500
walk_m: 3000
focus: [37.139, 36.178]   # Sukkari (north-west part): inside the east until its last day
events: events.csv        # hand-compiled from public reporting, a source on every row (README, Evidence)
prices: prices.csv        # likewise; beside the model, never part of it

supplies:
  - commodity: food
    unit: kg
    # UN stock (145,000 people x 30 days x {FOOD_NEED} kg = {UN_FOOD:,.0f} kg)
    # plus local stocks {LOCAL_FOOD[1]:,} kg (assumption; range in uncertainty)
    stock: {FOOD_STOCK[1]:.0f}
    need_per_person_day: {FOOD_NEED}   # WFP Syria planning figure, 10 kg/person/month
    spoilage_per_day: 0.001    # assumption: 0.1 %/day losses in storage and bombing
  - commodity: fuel
    unit: l
    # illustrative only (assumption): diesel for generators, bakeries and
    # water wells at 0.15 l/person/day, 20 days' stock
    stock: 800000
    need_per_person_day: 0.15

inflows:
  # 0: trade and aid by the Castello Road while open (assumption: about
  # the east's own food need); under fire, 30 % of that got through (assumption)
  - commodity: food
    per_day: 90000
    route: Castello Road
    under_fire_factor: 0.3
  # 1: goods through the Ramouseh breach, 6 Aug - 4 Sep (assumption); the
  # route was always under fire, so the figure is what got through
  - commodity: food
    per_day: 30000
    route: Ramouseh road
    under_fire_factor: 1.0
  # 2, 3: fuel by the same routes (assumption: the east's own need)
  - commodity: fuel
    per_day: 40000
    route: Castello Road
    under_fire_factor: 0.3
  - commodity: fuel
    per_day: 15000
    route: Ramouseh road
    under_fire_factor: 1.0

rationing:   # assumption: rations cut as the days of supply fall
  - below_days: 60
    ration: 0.9
  - below_days: 30
    ration: 0.7
  - below_days: 10
    ration: 0.5

evacuation:
  # 0: the corridors of 28 July were hardly used; the few who left went
  # mostly through Salah al-Din (SOHR, TASS, 30 July). 20 a day: assumption
  - from: 2016-07-28
    until: 2016-12-22
    per_day: 20
    max_total: 2000
    corridor: Salah al-Din corridor
  # 1: flight into government- and Kurdish-held districts as the east fell
  # (assumption, in line with reports of tens of thousands leaving)
  - from: 2016-11-26
    until: 2016-12-13
    per_day: 5000
    max_total: 80000
  # 2: the evacuation of 15-22 December (ICRC: about 35,000 people)
  - from: 2016-12-15
    until: 2016-12-23
    per_day: 4500
    max_total: 35000

uncertainty:
  runs: 1000
  seed: 2016
  vary:
    population: {{uniform: [250000, 275000]}}   # UN OCHA, Aug-Sep 2016
    supplies.food.stock: {{triangular: [{FOOD_STOCK[0]:.0f}, {FOOD_STOCK[1]:.0f}, {FOOD_STOCK[2]:.0f}]}}
    supplies.food.need_per_person_day: {{triangular: [0.28, {FOOD_NEED}, 0.4]}}
    supplies.fuel.stock: {{lognormal: [13.59, 0.5]}}   # median about 800,000 l
    inflows.0.per_day: {{uniform: [60000, 120000]}}
    inflows.0.under_fire_factor: {{uniform: [0.0, 0.6]}}
    inflows.1.per_day: {{uniform: [10000, 60000]}}
    evacuation.1.max_total: {{uniform: [40000, 120000]}}
"""


# ---------------------------------------------------------------------------
# geometry
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
    sites = np.array([(s[2], s[3]) for s in SITES])
    # Voronoi in scaled space (ordered=True keeps cell i for site i)
    vor = shapely.voronoi_polygons(MultiPoint(scaled(sites)), extend_to=shapely.transform(box, scaled),
                                   ordered=True)
    cells = [shapely.transform(c, unscaled) for c in shapely.get_parts(vor)]
    country_lines = [box.boundary, outline.boundary] + [LineString([PT[k] for k in ln]) for ln in LINES]
    # the countryside sectors alone, to label faces outside the outline
    sectors = list(shapely.get_parts(shapely.polygonize(shapely.get_parts(shapely.union_all(country_lines)))))
    sector_of = []  # (sector polygon, country index)
    for sp in sectors:
        if outline.contains(sp.representative_point()):
            continue
        hits = [i for i, c in enumerate(COUNTRY) if sp.contains(Point(c[1], c[2]))]
        if len(hits) != 1:
            raise SystemExit(f"countryside sector at {sp.representative_point().wkt} holds {len(hits)} label points")
        sector_of.append((sp, hits[0]))
    # Voronoi edges clipped to a slightly larger outline: they overshoot it,
    # so the noding meets the outline exactly; the stubs outside are dangles
    # that polygonize drops (or split a sector face, which is then rejoined)
    wide = outline.buffer(1e-4, join_style="mitre")
    lines = country_lines + [shapely.intersection(c.boundary, wide) for c in cells]
    work = shapely.set_precision(shapely.union_all(lines), GRID)  # snap-round and node
    faces = list(shapely.get_parts(shapely.polygonize(shapely.get_parts(work))))
    labelled = {}  # face label -> list of faces
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
    if not u.is_valid:  # should not happen on our noded faces
        u = shapely.union_all(geoms)
    return u


# ---------------------------------------------------------------------------
# output
# ---------------------------------------------------------------------------
def main():
    box, outline, labelled = build_faces()
    # planar areas in a local metric frame are enough for population shares
    to_m = lambda g: shapely.transform(g, lambda xy: np.column_stack([xy[:, 0] * KX * 111320, xy[:, 1] * 110950]))

    site_geom = {i: dissolve(labelled[("site", i)]) for i in range(len(SITES))}
    country_geom = {i: dissolve(labelled[("country", i)]) for i in range(len(COUNTRY))}
    site_area = {i: to_m(g).area for i, g in site_geom.items()}

    # district populations (a district's sites share its number by area)
    districts = {}  # name -> dict
    for i, s in enumerate(SITES):
        d = districts.setdefault(s[0], {"sites": [], "zone": s[4], "w": s[5]})
        d["sites"].append(i)
    def side(zone):
        if zone in EAST_ZONES:
            return "east"
        return {"west": "west", "ramouseh": "west", "maqsoud": "kurdish", "banizeid": "north-west"}[zone]
    groups = {"east": POP_EAST, "west": POP_WEST, "kurdish": POP_MAQSOUD, "north-west": POP_BANIZEID}
    for grp, total in groups.items():
        names = [n for n, d in districts.items() if side(d["zone"]) == grp]
        weights = [sum(site_area[i] for i in districts[n]["sites"]) * districts[n]["w"] for n in names]
        for n, p in zip(names, share_out(total, weights)):
            districts[n]["population"] = p
    site_pop = {}
    for n, d in districts.items():
        a = sum(site_area[i] for i in d["sites"])
        for i in d["sites"]:
            site_pop[i] = d["population"] * site_area[i] / a

    side_label = {"east": OPP, "west": GOV, "kurdish": KRD, "north-west": OPP}
    # ---- districts.geojson
    dfeats = []
    for n, d in districts.items():
        g = oriented(dissolve([site_geom[i] for i in d["sites"]]))
        grp = side(d["zone"])
        props = {"name": n, "side_2016": side_label[grp], "part": grp, "population": d["population"],
                 "population_note": "UN 250,000-275,000 shared by area and density" if grp == "east"
                 else "rough estimate"}
        dfeats.append((g, props))
    for i, c in enumerate(COUNTRY):
        ctrl = TIMELINES[ZONES[c[3]][1]][0][0]
        props = {"name": c[0], "side_2016": ctrl, "part": "countryside", "population": c[4],
                 "population_note": "rough estimate"}
        dfeats.append((oriented(country_geom[i]), props))
    write_fc(os.path.join(HERE, "districts.geojson"), dfeats)

    # ---- map.geojson: one feature per zone per period of its timeline
    zone_members = {z: ([], []) for z in ZONES}
    for i, s in enumerate(SITES):
        zone_members[s[4]][0].append(i)
    for i, c in enumerate(COUNTRY):
        zone_members[c[3]][1].append(i)
    mfeats = []
    for z, (fname, tl) in ZONES.items():
        sites_i, country_i = zone_members[z]
        parts = [site_geom[i] for i in sites_i] + [country_geom[i] for i in country_i]
        g = oriented(dissolve(parts))
        # the map carries city populations only: the countryside's rough
        # figures stay in districts.geojson (see README, "Populations")
        pop = int(round(sum(site_pop[i] for i in sites_i)))
        names = sorted({SITES[i][0] for i in sites_i} | {COUNTRY[i][0] for i in country_i})
        for ctrl, frm, until in TIMELINES[tl]:
            props = {"name": fname, "controller": ctrl}
            if frm:
                props["from"] = frm
            if until:
                props["until"] = until
            props["population"] = pop
            props["districts"] = "; ".join(names)
            mfeats.append((g, props))
    write_fc(os.path.join(HERE, "map.geojson"), mfeats)

    # ---- routes.geojson
    rfeats = []
    for r in ROUTES:
        props = {"name": r["name"], "kind": r["kind"]}
        for k in ("use", "capacity_per_day", "hours_per_day", "from", "until"):
            if k in r:
                props[k] = r[k]
        rfeats.append((LineString(r["coords"]), props))
    write_fc(os.path.join(HERE, "routes.geojson"), rfeats)

    # ---- scenario.yaml
    tmp = os.path.join(HERE, "scenario.yaml.tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(SCENARIO)
    os.replace(tmp, os.path.join(HERE, "scenario.yaml"))

    east_total = sum(d["population"] for d in districts.values() if side(d["zone"]) == "east")
    print(f"districts: {len(dfeats)}, map features: {len(mfeats)}, routes: {len(rfeats)}, "
          f"east population {east_total:,}", file=sys.stderr)
    if "--check" in sys.argv:
        check()


# ---------------------------------------------------------------------------
# checks (python3 draw.py --check)
# ---------------------------------------------------------------------------
def check():
    from pyproj import Transformer
    fwd = Transformer.from_crs(4326, 32637, always_xy=True)
    to_m = lambda g: shapely.transform(g, lambda xy: np.column_stack(fwd.transform(xy[:, 0], xy[:, 1])))
    feats = load_fc(HERE, "map.geojson")
    dates = sorted({p[k] for _, p in feats for k in ("from", "until") if p.get(k)})
    box_area = to_m(shapely.box(*BOX)).area
    ok = True
    for d in ["2016-06-30"] + dates:
        cur = [(to_m(g), p) for g, p in feats if valid_on(p, d)]
        geoms = [g for g, _ in cur]
        bad = [p["name"] for g, p in cur if not g.is_valid]
        over = 0.0
        for i in range(len(geoms)):
            for j in range(i + 1, len(geoms)):
                if geoms[i].intersects(geoms[j]):
                    over += geoms[i].intersection(geoms[j]).area
        # gap measured in degrees (projecting the 4-corner box would bend differently)
        gap = (shapely.box(*BOX).area - shapely.union_all([g for g, p in feats if valid_on(p, d)]).area) \
            * box_area / shapely.box(*BOX).area
        print(f"{d}: {len(cur)} features, invalid {bad}, overlap {over:.3f} m2, gap {gap:.3f} m2")
        ok &= not bad and over < 1.0 and abs(gap) < 1.0
    routes = load_fc(HERE, "routes.geojson")
    for d in ["2016-07-01", "2016-07-06", "2016-07-07", "2016-07-10", "2016-07-16", "2016-07-17", "2016-07-20",
              "2016-08-05", "2016-08-06", "2016-08-10", "2016-09-03", "2016-09-04", "2016-09-10"]:
        cur = [(to_m(g), p) for g, p in feats if valid_on(p, d)]
        gov = shapely.union_all([g for g, p in cur if p["controller"] == GOV])
        hostile = shapely.union_all([g for g, p in cur if p["controller"] != OPP])
        for g, p in routes:
            if p["kind"] != "supply":
                continue
            r = to_m(g)
            status = "cut" if r.intersection(hostile).length > 0 else (
                "under_fire" if r.intersection(hostile.buffer(1500)).length > 0 else "open")
            print(f"{d} {p['name']}: to government {r.distance(gov):.0f} m, inside government "
                  f"{r.intersection(gov).length:.0f} m; to any hostile {r.distance(hostile):.0f} m -> {status}")
    for g, p in routes:
        if p["kind"] != "corridor":
            continue
        d = p["from"]
        cur = [(gg, pp) for gg, pp in feats if valid_on(pp, d)]
        def at(pt):
            for gg, pp in cur:
                if gg.intersects(pt):
                    return pp["controller"] + " / " + pp["name"]
        c = list(g.coords)
        print(f"{p['name']}: on {d} starts in {at(Point(c[0]))}, ends in {at(Point(c[-1]))}")
    print("coverage OK" if ok else "coverage PROBLEMS")


if __name__ == "__main__":
    main()
