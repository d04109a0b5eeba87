#!/usr/bin/env python3
"""Builds Data/departements-map.tsv.gz, the map of France drawn by the report, from the IGN Admin Express
outlines of the 101 départements (france-geojson, Licence Ouverte; see docs/DATA.md).

    python3 src/LiveBot.Reporting/tools/build_map.py ../shared/data/departements-avec-outre-mer.geojson.gz

Metropolitan France is projected (equirectangular, scaled by cos 46.5°) into SVG units; the five overseas
départements are drawn as insets in a column on the left. Outlines are simplified (Douglas-Peucker) and
islands smaller than a pixel dropped. Output lines, tab-separated:
    viewbox  W  H
    inset    code  x  y  w  h          (frame of an overseas inset)
    dep      code  name  cx  cy  path  (cx, cy: where a label would go)
Deterministic: same input, byte-identical output.
"""
import gzip, json, math, sys, os

SOURCE = sys.argv[1]
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Data", "departements-map.tsv.gz")
OVERSEAS = ["971", "972", "973", "974", "976"]
SCALE = 60.0
COS = math.cos(math.radians(46.5))
LON0, LAT0 = -5.3, 51.2
INSET = 96.0
GAP = 14.0
LEFT = INSET + 2 * GAP
TOL = 0.7

def dp(points, tol):
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        a, b = stack.pop()
        ax, ay = points[a]; bx, by = points[b]
        dx, dy = bx - ax, by - ay
        norm = math.hypot(dx, dy)
        best, idx = -1.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            d = abs(dy * (px - ax) - dx * (py - ay)) / norm if norm > 0 else math.hypot(px - ax, py - ay)
            if d > best:
                best, idx = d, i
        if best > tol and idx > 0:
            keep[idx] = True
            stack.append((a, idx)); stack.append((idx, b))
    return [p for p, k in zip(points, keep) if k]

def area(ring):
    s = 0.0
    for i in range(len(ring)):
        x1, y1 = ring[i]; x2, y2 = ring[(i + 1) % len(ring)]
        s += x1 * y2 - x2 * y1
    return abs(s) / 2

def polygons(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    return geometry["coordinates"]

def to_path(rings):
    parts = []
    for ring in rings:
        pts = dp(ring, TOL)
        if len(pts) < 4 or area(pts) < 1.0:
            continue
        if pts[0] == pts[-1]:
            pts = pts[:-1]
        cmd = "M" + "L".join(f"{x:.0f},{y:.0f}" for x, y in pts) + "Z"
        parts.append(cmd)
    return "".join(parts)

def centroid(rings):
    best = max(rings, key=area)
    xs = [p[0] for p in best]; ys = [p[1] for p in best]
    return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2

with gzip.open(SOURCE, "rt", encoding="utf-8") as f:
    features = json.load(f)["features"]
by_code = {ft["properties"]["code"]: ft for ft in features}

lines = []
metro = []
max_x = max_y = 0.0
for code in sorted(by_code):
    if code in OVERSEAS:
        continue
    ft = by_code[code]
    rings = []
    for poly in polygons(ft["geometry"]):
        for ring in poly[:1]:
            rings.append([(LEFT + (lon - LON0) * COS * SCALE, (LAT0 - lat) * SCALE) for lon, lat in ring])
    for r in rings:
        for x, y in r:
            max_x = max(max_x, x); max_y = max(max_y, y)
    metro.append((code, ft["properties"]["nom"], rings))

width = math.ceil(max_x + GAP)
height = math.ceil(max(max_y + GAP, GAP + len(OVERSEAS) * (INSET + GAP)))
lines.append(f"viewbox\t{width}\t{height}")
for i, code in enumerate(OVERSEAS):
    ft = by_code[code]
    raw = [ring for poly in polygons(ft["geometry"]) for ring in poly[:1]]
    lat_mid = sum(p[1] for r in raw for p in r) / sum(len(r) for r in raw)
    cos = math.cos(math.radians(lat_mid))
    proj = [[(lon * cos, -lat) for lon, lat in r] for r in raw]
    xs = [p[0] for r in proj for p in r]; ys = [p[1] for r in proj for p in r]
    span = max(max(xs) - min(xs), max(ys) - min(ys))
    k = (INSET - 12) / span
    x0 = GAP; y0 = GAP + i * (INSET + GAP)
    ox = x0 + (INSET - (max(xs) - min(xs)) * k) / 2 - min(xs) * k
    oy = y0 + (INSET - (max(ys) - min(ys)) * k) / 2 - min(ys) * k
    rings = [[(ox + x * k, oy + y * k) for x, y in r] for r in proj]
    lines.append(f"inset\t{code}\t{x0:.0f}\t{y0:.0f}\t{INSET:.0f}\t{INSET:.0f}")
    metro.append((code, ft["properties"]["nom"], rings))

for code, name, rings in sorted(metro):
    path = to_path(rings)
    cx, cy = centroid(rings)
    lines.append(f"dep\t{code}\t{name}\t{cx:.0f}\t{cy:.0f}\t{path}")

data = ("\n".join(lines) + "\n").encode("utf-8")
with open(OUT, "wb") as f:
    with gzip.GzipFile(fileobj=f, mode="wb", mtime=0, filename="") as g:
        g.write(data)
print(f"{len(metro)} départements, {len(data)} bytes, {os.path.getsize(OUT)} gzip'd -> {OUT}")
