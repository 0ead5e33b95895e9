#!/usr/bin/env python3
"""Draw the bundled eastern Aleppo 2016 scenario for Cordon.

Every file in this folder except README.md is written by this script from the
tables below and from the Aleppo neighbourhood file of the Columbia Center for
Spatial Research (MIT licence; see README.md, "Licence"), which it reads from
../shared/geodata (or $CORDON_SHARED/geodata) and never copies:
districts.geojson, map.geojson, routes.geojson, scenario.yaml.

    python3 geodata/aleppo-2016/draw.py          # rewrite the files
    python3 geodata/aleppo-2016/draw.py --check  # also print the checks

How the geometry is made (see README.md, "How it was drawn"):
  * the city: the 133 neighbourhood polygons, merged by name; the street gaps
    between them (up to 2 x CLOSE_M wide) are closed and given to the nearest
    neighbourhood, holes are filled, and the result is simplified as a coverage
    (SIMPLIFY_M), so neighbours share their edges exactly;
  * ground the neighbourhood file does not cover, inside the first version's
    hand-drawn city outline ("fringe"): cut by the Voronoi cells of the first
    version's neighbourhood centres (SITES) and given to that centre's zone;
  * countryside sectors: hand-drawn dividing lines between the outline and the
    study-area box;
  * all of that line work is noded together on a 1e-6 degree grid and
    polygonised, so every face shares its edges exactly with its neighbours;
    districts and control areas are unions of those faces, hence a clean
    coverage on every date.
Needs shapely >= 2.1, numpy, pyproj (only for --check).
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
# The neighbourhood shapes: Columbia Center for Spatial Research, "Conflict Urbanism: Aleppo"
# (MIT licence, (c) 2019 CSR; README.md, "Licence"). Read from ../shared/geodata, never copied.
CSR_FILE = "aleppo_neighbourhoods_csr.geojson"
CLOSE_M = 50      # street gaps up to 2 x 50 m between neighbourhoods are closed (most are 10-60 m)
SIMPLIFY_M = 10   # coverage simplification tolerance, about 10 m: keeps the files small

# ---------------------------------------------------------------------------
# Study area and city outline (lon, lat). Hand-drawn from general knowledge of
# Aleppo's built-up extent in the 2010s (OpenStreetMap-style basemaps); the
# outline is deliberately coarse.
# ---------------------------------------------------------------------------
BOX = (36.96, 36.04, 37.38, 36.36)  # west, south, east, north: ~37 x 35 km

PT = {
    # city outline, counter-clockwise from the south
    # the south-east drawn close to the neighbourhood file's edge (the first version bulged out
    # to 36.146 N here), keeping Sheikh Lutfi, which the neighbourhood file does not cover
    "o_s": (37.160, 36.154),    # south of Sheikh Said
    "o_sse": (37.178, 36.172),  # south of Marjeh
    "o_se": (37.198, 36.180),   # south of Sheikh Lutfi, towards the airport road
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
    # the Castello hills between the Mallah farms and the road: taken about 13 July, when
    # troops were "within a few hundred metres" of the road; its south edge is ~330 m from it
    "c_w": (37.118, 36.2745),
    "c_e": (37.1667, 36.2745),
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
    ["o_n2", "c_e", "m_e", "l1_top"],     # Handarat | Castello, Castello hills, Mallah
    ["o_ne2", "l2_top"],                  # Handarat | north-east (government)
    ["p_nw", "l1_top"],                   # Mallah | northern front
    ["m_e", "l2_top"],                    # Handarat | northern front
    ["m_w", "m_e"],                       # Castello | Mallah
    ["o_n4", "c_w", "m_w", "p_nw"],       # Kafr Hamra | Castello, Castello hills, Mallah
    ["c_w", "c_e"],                       # Castello | Castello hills
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
    # Castello hills: troops "within a few hundred metres" of the road, about 13 July
    "castellohills": [(OPP, None, "2016-07-13"), (GOV, "2016-07-13", None)],
    # Castello Road cut, 17 July
    "castello": [(OPP, None, "2016-07-17"), (GOV, "2016-07-17", None)],
    # Bani Zeid and Layramoun taken in the last week of July (we use 27 July)
    "banizeid": [(OPP, None, "2016-07-27"), (GOV, "2016-07-27", None)],
    # Ramouseh breach 6 August, lost again 4 September
    "ramouseh": [(GOV, None, "2016-08-06"), (OPP, "2016-08-06", "2016-09-04"), (GOV, "2016-09-04", None)],
    # Handarat camp, 24 September
    "handarat": [(OPP, None, "2016-09-24"), (GOV, "2016-09-24", None)],
    # the outskirts north of the east: al-Uwayjah and the Jandoul roundabout taken on 8 October
    # (AMN, 8 Oct 2016); the hills north and east of Hanano (Talat Bureij, Tal Oweija, Tal
    # al-Asfar) on 13 October (al-Alam, 14 Oct 2016): README, "Dates"
    "uwayjah": [(OPP, None, "2016-10-08"), (GOV, "2016-10-08", None)],
    "bureij": [(OPP, None, "2016-10-13"), (GOV, "2016-10-13", None)],
    # the north falls, 26-28 November (Haydariya and Sheikh Faris on 28 November)
    "n1": [(OPP, None, "2016-11-26"), (GOV, "2016-11-26", None)],
    "n2": [(OPP, None, "2016-11-27"), (GOV, "2016-11-27", None)],
    "nk": [(OPP, None, "2016-11-28"), (KRD, "2016-11-28", None)],
    "n3": [(OPP, None, "2016-11-28"), (GOV, "2016-11-28", None)],
    # the east of the Citadel fell over 30 November - 5 December: the Ma'asaraniya youth housing
    # on 30 November (SouthFront), Tariq al-Bab (al-Helwaniyeh) and Karm al-Jazmati on 3 December
    # (SOHR via AFP), the rest with Shaar and Karm al-Jabal on 5-6 December (README, "Dates")
    "d1a": [(OPP, None, "2016-11-30"), (GOV, "2016-11-30", None)],
    "d1b": [(OPP, None, "2016-12-03"), (GOV, "2016-12-03", None)],
    # east of the Citadel (Shaar and Karm al-Jabal, 5-6 December), then Marjeh and Sheikh
    # Lutfi with the south-eastern outskirts and the Old City (7 December: the date the case's
    # review against the record gives; one report has Marjeh on 6 December: README, "Dates")
    "d1": [(OPP, None, "2016-12-05"), (GOV, "2016-12-05", None)],
    "d2m": [(OPP, None, "2016-12-07"), (GOV, "2016-12-07", None)],
    "d2": [(OPP, None, "2016-12-07"), (GOV, "2016-12-07", None)],
    # Sheikh Said and the southern outskirts next to it: taken overnight 11-12 December
    "d3s": [(OPP, None, "2016-12-12"), (GOV, "2016-12-12", None)],
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
    "uwayjah": ("East Aleppo: al-Uwayjah and the Jandoul roundabout", "uwayjah"),
    "bureij": ("East Aleppo: the hills north and east of Hanano", "bureij"),
    "n1": ("East Aleppo: Masaken Hanano", "n1"),
    "n2": ("East Aleppo: Ba'edin, Jandoul and Ayn al-Tal, Jabal Badro", "n2"),
    "nk": ("East Aleppo: Sheikh Faris", "nk"),
    "n3": ("East Aleppo: Haydariya, Sakhour, Sheikh Khodr", "n3"),
    "d1a": ("East Aleppo: Ma'asaraniya youth housing", "d1a"),
    "d1b": ("East Aleppo: Tariq al-Bab and Karm al-Jazmati", "d1b"),
    "d1": ("East Aleppo: districts east of the Citadel", "d1"),
    "d2m": ("East Aleppo: Marjeh and Sheikh Lutfi", "d2m"),
    "d2": ("East Aleppo: Old City quarters", "d2"),
    "d3s": ("East Aleppo: Sheikh Said", "d3s"),
    "d3": ("East Aleppo: central and southern districts", "d3"),
    "last": ("East Aleppo: the last pocket", "last"),
    # countryside sectors
    "handarat": ("Handarat camp and hills", "handarat"),
    "castello": ("Castello Road (Layramoun-Jandoul stretch)", "castello"),
    "mallah": ("Mallah farms", "mallah"),
    "castellohills": ("Castello hills (between the Mallah farms and the road)", "castellohills"),
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
# City sites: the first version's approximate neighbourhood centres (lon, lat),
# from general knowledge of Aleppo (Wikipedia / OpenStreetMap-style place
# positions), rounded to about 0.001 degree (~100 m). They no longer draw the
# districts: a CSR neighbourhood takes the zone and density weight of the site
# nearest its label point (zone_of, weight_of, unless ZONE_OF or WEIGHT_OF name
# it), and the outskirts beyond the CSR file are cut by the sites' Voronoi cells.
# density weight: share of the side's population per km^2 (see populations).
# ---------------------------------------------------------------------------
# (district, part or "", lon, lat, zone, density weight)
SITES = [
    # --- east (opposition-held in mid-2016) ---
    ("Masaken Hanano", "", 37.204, 36.226, "n1", 0.7),
    ("Jabal Badro", "", 37.208, 36.212, "n2", 0.7),
    ("Haydariya", "", 37.195, 36.237, "n3", 0.7),
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
    ("Sheikh Lutfi", "", 37.196, 36.185, "d2m", 0.7),
    ("Old City: Bab al-Hadid and Aqyul", "", 37.167, 36.206, "d2", 0.5),
    ("Old City: Bab al-Nayrab", "", 37.171, 36.196, "d2", 0.6),
    ("Old City: Bab al-Maqam", "", 37.158, 36.190, "d2", 0.5),
    ("Old City: souqs and Jalloum", "", 37.155, 36.196, "d2", 0.3),
    ("Marjeh", "", 37.177, 36.183, "d2m", 1.0),
    ("Kallaseh", "", 37.149, 36.194, "d3", 1.2),
    ("Bustan al-Qasr", "", 37.144, 36.189, "d3", 1.3),
    ("Fardous", "", 37.151, 36.187, "d3", 1.3),
    ("Salihin", "", 37.165, 36.183, "d3", 1.1),
    ("Karm al-Daadaa", "", 37.155, 36.178, "d3", 1.0),
    ("Sheikh Said", "", 37.157, 36.162, "d3s", 0.4),
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
    ("Castello hills (between the Mallah farms and the road)", 37.140, 36.278, "castellohills", 0),
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
# The east's population is a range (README, "Populations"): from what was counted afterwards,
# over 36,000 evacuated plus about 90,500 still in the city (OCHA, 4 Jan 2017), to the UN's
# estimate of 250,000-275,000 (OCHA, Aug-Nov 2016). The central run takes the middle of the range.
POP_EAST_RANGE = (36_000 + 90_500, 275_000)
POP_EAST = 200_000      # the middle of POP_EAST_RANGE (200,750), rounded
POP_WEST = 1_300_000    # rough: reporting in 2016 ranged about 1.2-1.5 million
POP_MAQSOUD = 30_000    # rough: 2016 reporting gave some tens of thousands
POP_BANIZEID = 3_000    # rough: front-line districts, largely emptied
EAST_ZONES = {"uwayjah", "bureij", "n1", "n2", "nk", "n3", "d1a", "d1b", "d1", "d2m", "d2", "d3s", "d3", "last"}

# Neighbourhoods (CSR names) whose zone is not that of the first version's nearest centre
# (zone_of): those beyond the first outline, and the last pocket of 12-13 December, which
# reporting names by district (README, "Dates"). The first version split Sukkari, Mashhad and
# Amiriyah across the last pocket's edge; the neighbourhood file's shapes are kept whole.
ZONE_OF = {
    "Sheikh Najjar": "north",
    "Aleppo International Airport": "east", "an-Nayrab": "east", "Jibreen": "east", "Industrial Area Jibreen": "east",
    "Ad-Ramouseh Industrial District I": "ramouseh",
    # the breach took "the ar-Ramouseh Artillery complex and industrial district" (The Aleppo Project)
    "Ad-Ramouseh Industrial District III": "ramouseh", "Ad-Ramouseh Industrial District IV": "ramouseh",
    "al-Hamdaniyeh V": "west",
    # SOHR, 6 Dec: Shaar, Dahret Awwad, Jouret Awwad, Karm al-Beik and Karm al-Jabal taken
    "Muhammad Bek": "d1",
    # SouthFront, 30 Nov: the Ma'asaraniya youth housing taken; SOHR via AFP, 3 Dec: Tariq al-Bab
    # (al-Helwaniyeh) retaken, with Karm al-Jazmati (News Front, 4 Dec: "during the night")
    "al-Ma'asaraniyeh Youth Housing": "d1a", "al-Helwaniyeh": "d1b", "Karm aj-Jazmati": "d1b",
    # al-Manar, 7 Dec: the opposition withdrew to Kallaseh, Bustan al-Qasr, Ansari, Mashhad,
    # Sukkari, Salheen, Karm al-Daadaa and Sheikh Said
    "as-Salheen": "d3", "az-Zebdiyeh": "d3", "Ard As-Sabbagh": "d3", "al-Ansari": "d3",
    "Tal az-Zarazir": "d3",
    # OCHA, 13 Dec: only Seif al-Dawla, Salah al-Din and pockets of Sukkari, Mashhad and Amiriyah
    # remain (the neighbourhood file's Sukkari, Mashhad and Amiriyah are kept whole, with
    # Ansari Sharqi, which lies between Sukkari and Mashhad and holds the scenario's focus)
    "as-Sukkari": "last", "Ansari Sharqi": "last", "al-Ansari Mashhad": "last", "Sayf ad-Dauleh": "last", "Salah ad-Deen": "last",
    "al-\u2018Amiriyeh": "last",
}
# Outskirts whose zone is not that of their centre: the Bab al-Nayrab cell's sliver of
# outskirts (0.07 km2) lies between Karm al-Maysar (5 Dec) and Marjeh (7 Dec), away from the
# Old City; it goes with Marjeh
OUTSKIRTS_OF = {"Old City: Bab al-Nayrab": "d2m",
                # the outskirts north of Ayn at-Tal and Haydariya are al-Uwayjah and the Jandoul
                # roundabout, taken on 8 October; those of Hanano are the hills north and east of
                # it, taken on 13 October (README, "Dates"): not the districts' 26-28 November
                "Jandoul and Ayn al-Tal": "uwayjah", "Haydariya": "uwayjah", "Masaken Hanano": "bureij",
                # the outskirts go with the district beside them
                "Ma'asaraniya": "d1a", "Karm al-Jazmati": "d1b"}
# Unpeopled neighbourhoods: no share of the population
WEIGHT_OF = {
    "Aleppo Citadel": 0.0, "Jamal Abd an-Naser Park": 0.0, "The Public Park": 0.0, "Karazdada Cemetery": 0.0,
    "ash-Sheikh Yusef Cemetery": 0.0, "Maysaloon Cemetery": 0.0, "Aleppo International Airport": 0.0,
    "Hanano Barrack": 0.0, "Industrial Area Jibreen": 0.1, "Sheikh Najjar": 0.05,
    # industrial districts on the front line, largely emptied (the first version's 0.1)
    "Ad-Ramouseh Industrial District I": 0.1, "Ad-Ramouseh Industrial District II": 0.1,
    "Ad-Ramouseh Industrial District III": 0.1, "Ad-Ramouseh Industrial District IV": 0.1,
}

# Dated falls that the checks print (district as named in districts.geojson, first day held by
# the other side); sources in README.md, "Dates".
FALLS = [("al-Haydariyeh", "2016-11-28"), ("ash-Sheikh Fares", "2016-11-28"),
         ("al-Ma'asaraniyeh Youth Housing", "2016-11-30"), ("al-Helwaniyeh", "2016-12-03"), ("ash-Sha'ar", "2016-12-05"),
         ("Karm aj-Jabal", "2016-12-05"), ("al-Marjeh", "2016-12-07"),
         ("East Aleppo: Marjeh and Sheikh Lutfi: outskirts beyond the neighbourhood file", "2016-12-07"),
         ("Aghyor", "2016-12-07"), ("Sheikh Sa\u2019eed", "2016-12-12"),
         ("East Aleppo: Sheikh Said: outskirts beyond the neighbourhood file", "2016-12-12")]

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
    # the four corridors announced on 28 July 2016 (Russian Defence Ministry / Syrian
    # government), as SOHR listed them that day: three for civilians, one for fighters. The
    # crossing points are approximate (README, "Routes and corridors").
    {"name": "Bustan al-Qasr corridor", "kind": "corridor", "use": "civilians",
     "coords": [(37.1445, 36.1885), (37.1430, 36.1945), (37.1430, 36.2005)],     # -> Masharqa
     "capacity_per_day": 2000, "hours_per_day": 12, "from": "2016-07-28"},
    {"name": "Seif al-Dawla corridor", "kind": "corridor", "use": "civilians",
     "coords": [(37.1265, 36.1905), (37.1180, 36.1880), (37.1085, 36.1865)],     # park -> Hamdaniya stadium
     "capacity_per_day": 2000, "hours_per_day": 12, "from": "2016-07-28"},
    {"name": "Sheikh Said corridor", "kind": "corridor", "use": "civilians",
     "coords": [(37.1565, 36.1640), (37.1560, 36.1540), (37.1560, 36.1440)],     # mosque -> south
     "capacity_per_day": 2000, "hours_per_day": 12, "from": "2016-07-28"},
    {"name": "Layramoun corridor", "kind": "corridor", "use": "fighters",         # northern roundabout -> Layramoun
     "coords": [JANDOUL, (37.181, 36.258), (37.170, 36.266), (37.150, 36.271), (37.130, 36.271),
                (37.1230, 36.2600), (37.1180, 36.2500)],
     "capacity_per_day": 500, "hours_per_day": 12, "from": "2016-07-28"},
]


# ---------------------------------------------------------------------------
# scenario.yaml. Figures and their sources: README.md, "Supplies". Where a
# figure is our assumption the comment in the YAML says so.
# ---------------------------------------------------------------------------
FOOD_NEED = 0.333          # kg/person/day: WFP's Syria ration, 10 kg/person/month (Jan 2013); a ration, not a need
UN_FOOD = 145_000 * 30 * FOOD_NEED  # UN via Reuters, 13 July 2016: food for 145,000 people for one month
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
roads: roads.geojson    # the main roads, drawn by draw_roads.py (README, "Roads")
besieged: opposition
allies: []
snap: 0                # map.geojson is an exact coverage: no gaps to join
fire_range_m: 1500
walk_m: 3000
focus: [37.139, 36.178]   # Ansari Sharqi, between Sukkari and Mashhad: inside the east until its last day
events: events.csv        # hand-compiled from public reporting, a source on every row (README, Evidence)
prices: prices.csv        # likewise; beside the model, never part of it

supplies:
  - commodity: food
    unit: kg
    # UN stock (Reuters, 13 Jul 2016: "food for 145,000 people for one month";
    # 145,000 x 30 days x {FOOD_NEED} kg = {UN_FOOD:,.0f} kg) plus local stocks
    # {LOCAL_FOOD[1]:,} kg (assumption: the council's flour, wheat, sugar and rice
    # stockpiles, traders and households; no total was published; range in uncertainty)
    stock: {FOOD_STOCK[1]:.0f}
    # WFP's ration, 10 kg/person/month: a ration, not a need (with bread about
    # 1,700 kcal a day, WFP); the model counts kg, not kcal
    need_per_person_day: {FOOD_NEED}
    spoilage_per_day: 0.001    # assumption: 0.1 %/day losses in storage and bombing
    # price index, a model (docs/design.md): multiple = min(cap, (D0/D)^elasticity);
    # elasticity 2 = 1/0.5, a staple's demand elasticity of about -0.5; cap 20: assumption
    price: {{elasticity: 2, cap: 20}}
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
  # 1: goods through the Ramouseh breach (assumption); the route was always under
  # fire, so the figure is what got through. Its useful window ended about 25 Aug,
  # when the government took Umm al-Qara hill and held the road under fire control
  - commodity: food
    per_day: 30000
    route: Ramouseh road
    until: 2016-08-25
    under_fire_factor: 1.0
  # 2, 3: fuel by the same routes (assumption: the east's own need)
  - commodity: fuel
    per_day: 40000
    route: Castello Road
    under_fire_factor: 0.3
  - commodity: fuel
    per_day: 15000
    route: Ramouseh road
    until: 2016-08-25
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
  # mostly by the Salah al-Din crossing, at the Seif al-Dawla - Hamdaniya
  # corridor (SOHR, TASS, 30 July). 20 a day: assumption
  - from: 2016-07-28
    until: 2016-12-22
    per_day: 20
    max_total: 2000
    corridor: Seif al-Dawla corridor
  # 1: flight into government- and Kurdish-held districts as the east fell
  # (assumption, in line with reports of tens of thousands leaving)
  - from: 2016-11-26
    until: 2016-12-13
    per_day: 5000
    max_total: 80000
  # 2, 3: the evacuation of 15-22 December (ICRC: about 35,000 people), halted
  # from 16 December until late on 18 December; the daily figures spread the
  # ICRC's total over the days it ran (assumption)
  - from: 2016-12-15
    until: 2016-12-17
    per_day: 4500
    max_total: 9000
  - from: 2016-12-18
    until: 2016-12-23
    per_day: 5200
    max_total: 26000

uncertainty:
  runs: 1000
  seed: 2016
  vary:
    # from OCHA's counts afterwards (36,000 + 90,500) to the UN's estimate
    population: {{uniform: [{POP_EAST_RANGE[0]}, {POP_EAST_RANGE[1]}]}}
    supplies.food.stock: {{triangular: [{FOOD_STOCK[0]:.0f}, {FOOD_STOCK[1]:.0f}, {FOOD_STOCK[2]:.0f}]}}
    supplies.food.need_per_person_day: {{triangular: [0.28, {FOOD_NEED}, 0.4]}}
    supplies.fuel.stock: {{lognormal: [13.59, 0.5]}}   # median about 800,000 l
    inflows.0.per_day: {{uniform: [60000, 120000]}}
    inflows.0.under_fire_factor: {{uniform: [0.0, 0.6]}}
    inflows.1.per_day: {{uniform: [10000, 60000]}}
    evacuation.1.max_total: {{uniform: [40000, 120000]}}

# What was seen to happen, for `cordon hindcast` (README, "Observations"). "UN stocks"
# are the UN's food, not all food in the east; the model's food is all of it. Figures
# with no form here (bakeries, cigarettes, evacuation counts) are in the README's table.
observations:
  - date: 2016-07-13
    what: food.price_multiple
    value: 3
    source: "Reuters (Tom Miles), Geneva, 13 Jul 2016: U.N. emergency stocks too thin to feed Syria's Aleppo if under siege"
    note: "prices of non-perishable staples tripled; tomatoes at least five times the price before the blockade"
  - date: 2016-08-03
    what: food.price_multiple
    value: 6
    source: "Iqtissad via The Syrian Observer, 'Food, Fuel Prices Soar in Eastern Aleppo as Siege Drags On', after 27 days of siege (about 3 Aug 2016)"
    note: "eggplant, parsley and mint 'more than six times their usual price'; tomatoes, potatoes and cucumbers gone from the stalls"
  - date: 2016-11-10
    what: food.depleted
    source: "Jan Egeland (UN), Geneva, 10 Nov 2016: 'the last food rations are being distributed as we speak'; The Independent and BBC, 10 Nov 2016"
    note: "UN food rations handed out for the last time (UN stocks, not all food)"
  - date: 2016-11-13
    what: food.depleted
    source: "UN spokesman Stephane Dujarric, Nov 2016: 'Supplies provided by the World Food Programme ran out on 13 November' (Al Jazeera, 'UN: Eastern Aleppo residents at risk of mass starvation', as copied by chroniclesofshame.com)"
    note: "WFP's stocks in the east exhausted (UN stocks, not all food)"
  - date: 2016-11-15
    what: food.price_multiple
    value: 6.5
    source: "WFP Syria Market Price Watch Bulletin, issue 24, November 2016"
    note: "food basket SYP 232,000 in east Aleppo: up 256 % on October and about 6.5 times the national average (SYP 35,920), taken as the multiple of the price before the siege"
  - date: 2016-11-17
    what: food.depleted
    source: "UN deputy spokesman Farhan Haq: 'all UN food stocks have run out' in eastern Aleppo (RT Arabic via El Watan, masress.com/elwatan/1604796; the copy shows no date: 17 Nov is the issue's, approximate)"
    note: "all UN stocks gone (UN stocks, not all food); local charities' depots empty by 15 Nov (al-Sham Humanitarian Foundation, The New Arab, 18 Nov 2016)"
  - date: 2016-11-25
    what: food.price_multiple
    value: 5
    source: "Reuters (Suleiman Al-Khalidi), Amman, Friday 25 Nov 2016: a pack of four loaves 'at least five times higher than it was before the siege began in July'"
    note: "bread at least fivefold; a kilo of sugar $18 (the same report); only three bakeries left (Anadolu Agency, 26 Nov 2016)"
  - date: 2016-12-15
    what: population
    value: 50000
    source: "Staffan de Mistura (UN), Paris, 15 Dec 2016 (Sputnik and Europe 1, 15 Dec 2016)"
    note: "about 50,000 still in the last pocket, 40,000 of them civilians; the evacuation then counted about 35,000"
  - date: 2016-12-22
    what: siege.end
    source: "ICRC via OCHA Aleppo Situation Report No. 10, 23 Dec 2016"
    note: "evacuation complete: about 35,000 evacuated from 15 to 22 Dec (over 36,000, OCHA, 4 Jan 2017); about 4,000 fighters among 34,000 (ICRC's Robert Mardini, 22 Dec, Middle East Eye); halted 16-18 Dec"
"""


# ---------------------------------------------------------------------------
# geometry
# ---------------------------------------------------------------------------
def scaled(xy):
    return np.column_stack([xy[:, 0] * KX, xy[:, 1]])


def unscaled(xy):
    return np.column_stack([xy[:, 0] / KX, xy[:, 1]])


def shared_file(name):
    """A file of the shared reference data: $CORDON_SHARED, or ../shared beside the checkout
    (from the working folder, then from this script's folder)."""
    roots = [os.environ.get("CORDON_SHARED", ""), os.path.join(os.getcwd(), "..", "shared"),
             os.path.join(HERE, "..", "..", "..", "shared")]
    for root in roots:
        path = os.path.join(root, "geodata", name)
        if root and os.path.exists(path):
            return path
    raise SystemExit(f"draw.py: {name} not found in $CORDON_SHARED/geodata or ../shared/geodata; "
                     "the case's shapes are derived from it (README.md, 'How it was drawn')")


def neighbourhoods():
    """The CSR neighbourhoods merged by name (a name's pieces share an Id), sorted by Id and
    name so that the output does not depend on the file's order: [(name, props, geometry)]."""
    with open(shared_file(CSR_FILE), encoding="utf-8") as fh:
        fc = json.load(fh)
    by_name = {}
    for f in fc["features"]:
        p = f["properties"]
        g = shapely.from_geojson(json.dumps(f["geometry"]))
        by_name.setdefault(p["NAME"], (p, []))[1].append(g)
    out = [(n, p, shapely.union_all(gs)) for n, (p, gs) in by_name.items()]
    return sorted(out, key=lambda t: (t[1]["Id"], t[0]))


def city_cover(nbh):
    """The neighbourhoods as an exact coverage of the closed city: street gaps narrower than
    2 x CLOSE_M and holes are given to the nearest neighbourhood (the Voronoi cells of points
    every ~20 m along their edges), then the coverage is simplified. [geometry], in nbh order."""
    geoms = [g for _, _, g in nbh]
    r = CLOSE_M / 111_000
    u = shapely.transform(shapely.union_all(geoms), scaled)
    closed = u.buffer(r, join_style="mitre").buffer(-r, join_style="mitre")
    closed = shapely.union_all([Polygon(p.exterior) for p in shapely.get_parts(closed)])  # no holes
    closed = shapely.transform(closed, unscaled)
    gap = closed.difference(shapely.union_all(geoms))
    # Voronoi of edge points, in scaled space, each cell owned by its point's neighbourhood
    pts, owner = [], []
    for i, g in enumerate(geoms):
        c = shapely.get_coordinates(shapely.segmentize(g.boundary, 2e-4))
        pts.append(c)
        owner += [i] * len(c)
    pts = np.unique(np.column_stack([np.concatenate(pts), owner]), axis=0)  # deterministic, no twins
    pts = pts[np.unique(pts[:, :2], axis=0, return_index=True)[1]]
    owner = pts[:, 2].astype(int)
    vor = shapely.voronoi_polygons(MultiPoint(scaled(pts[:, :2])), ordered=True,
                                   extend_to=shapely.transform(closed.envelope, scaled))
    cells = np.array([shapely.transform(c, unscaled) for c in shapely.get_parts(vor)])
    hit = shapely.STRtree(cells).query(gap, predicate="intersects")
    share = {}
    for k in hit:
        piece = cells[k].intersection(gap)
        if not piece.is_empty:
            share.setdefault(owner[k], []).append(piece)
    regions = [shapely.set_precision(shapely.union_all([g] + share.get(i, [])), GRID) for i, g in enumerate(geoms)]
    # node the regions' edges together and give each face to the region it overlaps most
    work = shapely.union_all([g.boundary for g in regions])
    faces = list(shapely.get_parts(shapely.polygonize(shapely.get_parts(work))))
    tree = shapely.STRtree(regions)
    mine = {}
    for f in faces:
        near = tree.query(f, predicate="intersects")
        if len(near) == 0:
            continue  # a hole no region covers: cannot happen after filling, but keep it out
        k = max(near, key=lambda j: (f.intersection(regions[j]).area, -j))
        mine.setdefault(int(k), []).append(f)
    cover = [dissolve(mine[i]) for i in range(len(geoms))]
    simple = shapely.coverage_simplify(cover, SIMPLIFY_M / 111_000)
    return [shapely.make_valid(shapely.set_precision(g, GRID)) for g in simple]


def build_faces():
    """Node all line work and polygonise it; label each face: ("district", i) for a
    neighbourhood, ("fringe", site) for ground inside the first outline that the
    neighbourhood file does not cover, ("country", i) for a countryside sector."""
    box = shapely.box(*BOX)
    outline = Polygon([PT[k] for k in OUTLINE])
    assert outline.is_valid and outline.exterior.is_ccw
    nbh = neighbourhoods()
    cover = city_cover(nbh)
    city = shapely.union_all(cover)
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
    # The first version's Voronoi edges, only where the neighbourhoods leave the outline
    # uncovered; they overshoot into the city and the outline a little, so the noding meets
    # both exactly, and the stubs are dangles that polygonize drops
    fringe_area = outline.buffer(1e-4, join_style="mitre").difference(city.buffer(-2e-5, join_style="mitre"))
    lines = country_lines + [g.boundary for g in cover] + [shapely.intersection(c.boundary, fringe_area) for c in cells]
    work = shapely.set_precision(shapely.union_all(lines), GRID)  # snap-round and node
    faces = list(shapely.get_parts(shapely.polygonize(shapely.get_parts(work))))
    labelled = {}  # face label -> list of faces
    sxy = scaled(sites)
    tree = shapely.STRtree(cover)
    for f in faces:
        rp = f.representative_point()
        if city.contains(rp):
            near = tree.query(f, predicate="intersects")
            key = ("district", int(max(near, key=lambda j: (f.intersection(cover[j]).area, -j))))
        elif outline.contains(rp):
            d = np.hypot(sxy[:, 0] - rp.x * KX, sxy[:, 1] - rp.y)
            key = ("fringe", int(np.argmin(d)))
        else:
            hits = [i for sp, i in sector_of if sp.contains(rp)]
            if len(hits) != 1:
                raise SystemExit(f"face at {rp.wkt} lies in {len(hits)} sectors")
            key = ("country", hits[0])
        labelled.setdefault(key, []).append(f)
    missing = [c[0] for i, c in enumerate(COUNTRY) if ("country", i) not in labelled]
    missing += [n for i, (n, _, _) in enumerate(nbh) if ("district", i) not in labelled]
    if missing:
        raise SystemExit(f"no face for: {missing}")
    return nbh, labelled


def nearest_site(lon, lat):
    """The first version's neighbourhood centre nearest to a point (cos-latitude metric)."""
    d = [math.hypot((s[2] - lon) * KX, s[3] - lat) for s in SITES]
    return int(np.argmin(d))


def zone_of(name, props):
    """A neighbourhood's zone: named in ZONE_OF, or else that of the first version's nearest
    centre to its label point (so the first version's reading of the fronts carries over)."""
    return ZONE_OF.get(name) or SITES[nearest_site(props["label_lon"], props["label_lat"])][4]


def weight_of(name, props):
    """A neighbourhood's density weight: 0 for the unpeopled (WEIGHT_OF), else that of the
    first version's nearest centre."""
    if name in WEIGHT_OF:
        return WEIGHT_OF[name]
    return SITES[nearest_site(props["label_lon"], props["label_lat"])][5]


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
def side(zone):
    """Which part of the city a zone belongs to, for the population share-out."""
    if zone in EAST_ZONES:
        return "east"
    return {"west": "west", "ramouseh": "west", "maqsoud": "kurdish", "banizeid": "north-west",
            "north": "west", "east": "west", "south": "west"}.get(zone, "countryside")


def main():
    nbh, labelled = build_faces()
    # planar areas in a local metric frame are enough for population shares
    to_m = lambda g: shapely.transform(g, lambda xy: np.column_stack([xy[:, 0] * KX * 111320, xy[:, 1] * 110950]))

    # districts: the neighbourhoods, then the fringe of each zone, then the countryside sectors
    districts = []  # dicts: name, geom, zone, weight, part, extra properties
    for i, (name, p, _) in enumerate(nbh):
        z = zone_of(name, p)
        districts.append({"name": name, "geom": dissolve(labelled[("district", i)]), "zone": z,
                          "w": weight_of(name, p), "part": side(z),
                          "extra": {"name_ar": p.get("NAME_A") or "", "csr_id": p["Id"]}})
    fringe = {}
    for key, faces in sorted(labelled.items()):
        if key[0] == "fringe":
            site = SITES[key[1]]
            fringe.setdefault(OUTSKIRTS_OF.get(site[0], site[4]), []).extend(faces)
    for z, faces in sorted(fringe.items(), key=lambda t: list(ZONES).index(t[0])):
        districts.append({"name": f"{ZONES[z][0]}: outskirts beyond the neighbourhood file", "geom": dissolve(faces),
                          "zone": z, "w": 0.0, "part": "fringe", "extra": {}})
    for i, c in enumerate(COUNTRY):
        districts.append({"name": c[0], "geom": dissolve(labelled[("country", i)]), "zone": c[3], "w": 0.0,
                          "part": "countryside", "population": c[4], "extra": {}})

    # populations: each side's figure shared by area x density weight over its neighbourhoods;
    # fringe 0 (outskirts), countryside its rough figure
    groups = {"east": POP_EAST, "west": POP_WEST, "kurdish": POP_MAQSOUD, "north-west": POP_BANIZEID}
    for grp, total in groups.items():
        mine = [d for d in districts if d["part"] == grp]
        for d, p in zip(mine, share_out(total, [to_m(d["geom"]).area * d["w"] for d in mine])):
            d["population"] = p
    for d in districts:
        d.setdefault("population", 0)

    side_label = {"east": OPP, "west": GOV, "kurdish": KRD, "north-west": OPP}
    notes = {"east": f"eastern Aleppo's central figure {POP_EAST:,} shared by area and density (README, Populations)",
             "fringe": "outskirts: none counted", "countryside": "rough estimate"}
    # ---- districts.geojson
    dfeats = []
    for d in districts:
        props = {"name": d["name"], "side_2016": side_label.get(d["part"], TIMELINES[ZONES[d["zone"]][1]][0][0]),
                 "part": d["part"], **d["extra"], "population": d["population"],
                 "population_note": notes.get(d["part"], "rough estimate")}
        dfeats.append((oriented(d["geom"]), props))
    write_fc(os.path.join(HERE, "districts.geojson"), dfeats)

    # ---- map.geojson: one feature per zone per period of its timeline
    mfeats = []
    for z, (fname, tl) in ZONES.items():
        mine = [d for d in districts if d["zone"] == z]
        g = oriented(dissolve([d["geom"] for d in mine]))
        # the map carries city populations only: the countryside's rough
        # figures stay in districts.geojson (see README, "Populations")
        pop = sum(d["population"] for d in mine if d["part"] != "countryside")
        names = sorted(d["name"] for d in mine)
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

    east_total = sum(d["population"] for d in districts if d["part"] == "east")
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
    check_record(feats, to_m)


def check_record(feats, to_m):
    """The redrawn map against what was reported (README, "Checks"): the districts' fall dates,
    the share of the east lost by 6 December, the last pocket's area and people."""
    districts = load_fc(HERE, "districts.geojson")
    def holder(name, date):
        g = next(g for g, p in districts if p["name"] == name)
        pt = g.representative_point()
        return next(p["controller"] for gg, p in feats if valid_on(p, date) and gg.contains(pt))
    for name, fell in FALLS:
        before = (np.datetime64(fell) - np.timedelta64(1, "D")).astype(str)
        print(f"check: {name}: {holder(name, before)} on {before}, {holder(name, fell)} on {fell}")
    east = [(to_m(g), p) for g, p in feats if p["name"].startswith("East Aleppo") and p["controller"] == OPP]
    def held(date):
        return sum(g.area for g, p in east if valid_on(p, date)) / 1e6
    # the built-up east: the eastern neighbourhoods of the CSR file alone, without the outskirts
    # beyond it (README, "Checks": the reported shares are of an east of about 45 km2)
    built = {p["name"]: to_m(g).area / 1e6 for g, p in districts if p["part"] == "east"}
    def held_built(date):
        return sum(built.get(n, 0.0) for _, p in east if valid_on(p, date) for n in p["districts"].split("; "))
    before, before_built = held("2016-11-25"), held_built("2016-11-25")
    print(f"check: east held on 2016-11-25: {before:.2f} km2 with the outskirts, {before_built:.2f} km2 built-up "
          f"(neighbourhoods only) (reported: about 45 km2, Syrian army, 28 Nov and 6 Dec)")
    reported = {  # README, "Checks"
        "2016-11-28": "a third, SOHR via The Guardian; 20 of about 45 km2, 44 %, Syrian army; over 40 %, Russian centre",
        "2016-11-30": "no share reported that day",
        "2016-12-03": "about 60 %, SOHR via AFP, 3 Dec",
        "2016-12-05": "more than 70 %, SOHR, 6 Dec; about 73 % of about 45 km2, about 32.9 km2, Syrian army, 6 Dec",
        "2016-12-06": "more than 70 %, SOHR, 6 Dec; about 73 % of about 45 km2, about 32.9 km2, Syrian army, 6 Dec",
        "2016-12-07": "75 %, AFP/SOHR, 7 Dec; 78 %, al-Manar, 7 Dec",
    }
    for date, said in reported.items():
        print(f"check: east area lost by {date}: {100 * (1 - held(date) / before):.1f} % of "
              f"{before:.2f} km2 held on 2016-11-25 (reported: {said})")
        print(f"check: built-up east lost by {date}: {100 * (1 - held_built(date) / before_built):.1f} % of "
              f"{before_built:.2f} km2 of neighbourhoods held on 2016-11-25")
        # the same in km2: the reported shares are of a smaller east (about 45 km2) than the map's
        print(f"check: east km2 lost by {date}: {before - held(date):.2f} km2 with the outskirts, "
              f"{before_built - held_built(date):.2f} km2 built-up")
    print(f"check: east held on 2016-12-12: {held('2016-12-12'):.2f} km2, {held_built('2016-12-12'):.2f} km2 built-up (reported that day: five square kilometres, "
          f"Syria Direct; seven, Ekhbariyeh via Xinhua; not above ten, the Russian reconciliation centre)")
    last = held("2016-12-13")
    pop = sum(p["population"] for g, p in east if valid_on(p, "2016-12-13"))
    print(f"check: last pocket on 2016-12-13: {last:.2f} km2, {100 * last / before:.1f} % of the east of 2016-11-25, "
          f"{held_built('2016-12-13'):.2f} km2 built-up, "
          f"{pop:,} people on the map (reported: five square kilometres, Syria Direct, 12 Dec; 5 per cent of "
          f"former east Aleppo, OCHA, 13-14 Dec; 50,000 people, de Mistura, 15 Dec)")


if __name__ == "__main__":
    main()
