#!/usr/bin/env python3
"""Derives data/dk/postnumre_centroider.csv from the postal districts' GeoJSON.

The GeoJSON (2.2 MB of polygons) is too large to embed for the one thing we need from it: a
centre for each postal district, to place an organisation on a map and to measure distances.
This script keeps only that, one line per district, sorted by postcode:

    postnr;lon;lat

The centre is DAWA's `visueltcenter` [lon, lat], digits copied as they stand (no float
rounding), except where that point lies far outside the district's land. DAWA's districts
include the sea, so for coastal districts such as 6950 Ringkøbing (4.07 E, some 250 km out in the
North Sea) the visual centre is in the water. The GeoJSON's geometry is clipped to the coastline,
so when `visueltcenter` is more than MAX_OFFSHORE_KM from the clipped geometry, the area centroid
of the district's largest land polygon is used instead (rounded to 8 decimals, about 1 mm).
Stormodtager (large-recipient) postcodes have no district and so no line.

Usage (from the repository root):
    python3 scripts/derive-postcode-centroids.py \
        ../shared/data/dk/postnumre_dawa_clipped_simplified.geojson > data/dk/postnumre_centroider.csv
The replaced points are listed on stderr.
"""

import json
import math
import re
import sys

# Small districts in central Copenhagen and simplified coastlines put many visual centres a few
# hundred metres outside the simplified polygons; those are kept. The sea-centred ones are 5 km
# and more out.
MAX_OFFSHORE_KM = 2.0
KM_PER_DEGREE_LAT = 111.195


def polygons(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["coordinates"]
    sys.exit(f"unexpected geometry {geometry['type']}")


def inside_ring(x, y, ring):
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            inside = not inside
    return inside


def inside(x, y, polys):
    return any(inside_ring(x, y, p[0]) and not any(inside_ring(x, y, h) for h in p[1:]) for p in polys)


def km_to_segment(x, y, a, b, kx):
    # Equirectangular projection around the point: accurate enough at a few km.
    ax, ay, bx, by = (a[0] - x) * kx, (a[1] - y) * KM_PER_DEGREE_LAT, (b[0] - x) * kx, (b[1] - y) * KM_PER_DEGREE_LAT
    dx, dy = bx - ax, by - ay
    t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, -(ax * dx + ay * dy) / (dx * dx + dy * dy)))
    return math.hypot(ax + t * dx, ay + t * dy)


def km_outside(x, y, polys):
    if inside(x, y, polys):
        return 0.0
    kx = KM_PER_DEGREE_LAT * math.cos(math.radians(y))
    return min(km_to_segment(x, y, a, b, kx) for p in polys for ring in p for a, b in zip(ring, ring[1:] + ring[:1]))


def ring_area_and_centroid(ring):
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    area /= 2
    return abs(area), (cx / (6 * area), cy / (6 * area))


def largest_polygon_centroid(polys):
    _, (x, y) = max(ring_area_and_centroid(p[0]) for p in polys)
    return f"{x:.8f}", f"{y:.8f}"


def centre(feature):
    props = feature["properties"]
    lon, lat = props["visueltcenter"]
    # The geometry is parsed as floats; the visual centre's digits are kept as text.
    polys = [[[(float(x), float(y)) for x, y in ring] for ring in p] for p in polygons(feature["geometry"])]
    offshore = km_outside(float(lon), float(lat), polys)
    if offshore <= MAX_OFFSHORE_KM:
        return lon, lat
    new = largest_polygon_centroid(polys)
    print(f"{props['nr']} {props['navn']}: visueltcenter {lon},{lat} is {offshore:.0f} km off land;"
          f" using {new[0]},{new[1]}", file=sys.stderr)
    return new


def centres(geojson):
    rows = {}
    for feature in geojson["features"]:
        postcode = feature["properties"]["nr"]
        if not re.fullmatch(r"[0-9]{4}", postcode):
            sys.exit(f"postcode {postcode!r} is not four digits")
        if postcode in rows:
            sys.exit(f"postcode {postcode} appears twice")
        rows[postcode] = centre(feature)
    return rows


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    with open(sys.argv[1], encoding="utf-8") as f:
        # parse_float=str keeps the source's digits exactly (converted where needed).
        geojson = json.load(f, parse_float=str)
    out = sys.stdout
    out.write("postnr;lon;lat\n")
    for postcode, (lon, lat) in sorted(centres(geojson).items()):
        out.write(f"{postcode};{lon};{lat}\n")


if __name__ == "__main__":
    main()
