#!/usr/bin/env python3
"""Draw the main roads of Aleppo in 2016 for Cordon's road access (`roads.geojson`).

    python3 geodata/aleppo-2016/draw_roads.py      # rewrite roads.geojson

A schematic network, at the precision of the bundled map (see README.md, "Roads"): each road
is a chain of approximate positions of the places it is reported to pass, not a trace of its
course. The Castello and Ramouseh roads reuse the vertices of routes.geojson and are carried
on to the study area's edge (the way out) in the direction the road runs. The inner roads of
the east are cut into one feature per stretch between named places, so every named place is
a node of the network. Only the standard library is needed.
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

# Approximate positions (lon, lat) of named places; see README.md, "Roads". Neighbourhood
# centres are those of draw.py's table of neighbourhoods.
JANDOUL = (37.186, 36.247)        # Jandoul roundabout, start of the Castello Road (routes.geojson)
HAYDARIYA = (37.195, 36.237)      # draw.py: Haydariya
SAKHOUR = (37.190, 36.221)        # draw.py: Sakhour
QADI_ASKAR = (37.175, 36.203)     # draw.py: Qadi Askar, east of the Citadel
BUSTAN_AL_QASR = (37.1445, 36.1885)   # entry of the Bustan al-Qasr corridor (routes.geojson)
SALAH_AL_DIN = (37.1225, 36.1805)     # entry of the Salah al-Din corridor (routes.geojson)
AMIRIYAH = (37.127, 36.168)           # start of the Ramouseh road (routes.geojson)
SHEIKH_FARIS = (37.172, 36.228)       # entry of the Sheikh Maqsoud corridor (routes.geojson)

ROADS = [
    # name, highway class, vertices
    ("Castello Road", "trunk", [JANDOUL, (37.181, 36.258), (37.17, 36.266), (37.15, 36.271), (37.13, 36.271),
                                (37.112, 36.272), (37.095, 36.276), (37.08, 36.282), (37.06, 36.292), (37.04, 36.3),
                                # on towards Anadan and Hreitan, past the map's western edge (36.96 E)
                                (37.0, 36.32), (36.95, 36.345)]),
    ("Ramouseh road", "primary", [AMIRIYAH, (37.126, 36.158), (37.118, 36.146), (37.105, 36.13), (37.085, 36.115),
                                  (37.06, 36.1),
                                  # on towards Khan Touman, past the map's western edge
                                  (37.0, 36.08), (36.95, 36.07)]),
    # The east's inner ring, from the Castello Road's start round to the Ramouseh road's.
    ("Jandoul - Haydariya", "secondary", [JANDOUL, HAYDARIYA]),
    ("Haydariya - Sakhour", "secondary", [HAYDARIYA, SAKHOUR]),
    ("Sakhour - Qadi Askar", "secondary", [SAKHOUR, QADI_ASKAR]),
    ("Qadi Askar - Bustan al-Qasr", "secondary", [QADI_ASKAR, BUSTAN_AL_QASR]),
    ("Bustan al-Qasr - Salah al-Din", "secondary", [BUSTAN_AL_QASR, SALAH_AL_DIN]),
    ("Salah al-Din - Amiriyah", "secondary", [SALAH_AL_DIN, AMIRIYAH]),
    ("Sheikh Faris - Haydariya", "tertiary", [SHEIKH_FARIS, HAYDARIYA]),
    # The corridors' crossings (routes.geojson), as roads across the front.
    ("Bustan al-Qasr crossing", "tertiary", [BUSTAN_AL_QASR, (37.143, 36.1945), (37.1405, 36.2)]),
    ("Salah al-Din crossing", "tertiary", [SALAH_AL_DIN, (37.116, 36.183), (37.11, 36.184)]),
    ("Sheikh Maqsoud crossing", "tertiary", [SHEIKH_FARIS, (37.162, 36.232), (37.152, 36.235)]),
]


def main():
    features = [{"type": "Feature", "properties": {"name": name, "highway": cls},
                 "geometry": {"type": "LineString", "coordinates": [list(c) for c in coords]}}
                for name, cls, coords in ROADS]
    with open(os.path.join(HERE, "roads.geojson"), "w") as f:
        json.dump({"type": "FeatureCollection", "features": features}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
