#!/usr/bin/env python3
"""Builds src/LiveBot.Offers/Data/departements.outlines.gz: the 101 département outlines, simplified, for
the strict area filter of !offres (an item without a known commune is placed by its coordinates).

Usage: python3 src/LiveBot.Offers/tools/build_outlines.py [SOURCE_DIR]
SOURCE_DIR holds departements-avec-outre-mer.geojson.gz (default ../shared/data). Deterministic output
(sorted by code, gzip without timestamp). Source and licence: docs/DATA.md.

Format (little-endian, inside gzip): "LBO1", 7-bit-encoded count of départements; per département: code
(length byte + ASCII), ring count; per ring: point count, then each point as the zigzag 7-bit-encoded
difference from the previous point (the first from 0,0) of longitude then latitude in micro-degrees.
Rings are not closed (the last point joins the first). Holes and islands are plain rings: the reader
tests a point with the even-odd rule over all the rings of a département.
"""
import gzip
import io
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Data", "departements.outlines.gz")
TOLERANCE = 0.001  # degrees (about 100 m): Douglas-Peucker tolerance
MIN_SPAN = 0.002    # rings smaller than this on both axes (islets of a few hundred metres) are dropped


def perpendicular(p, a, b):
    (x, y), (x1, y1), (x2, y2) = p, a, b
    dx, dy = x2 - x1, y2 - y1
    if dx == 0 and dy == 0:
        return ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / (dx * dx + dy * dy) ** 0.5


def simplify(points, tol):
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        i, j = stack.pop()
        best, at = 0.0, -1
        for k in range(i + 1, j):
            d = perpendicular(points[k], points[i], points[j])
            if d > best:
                best, at = d, k
        if at >= 0 and best > tol:
            keep[at] = True
            stack.append((i, at))
            stack.append((at, j))
    return [p for p, k in zip(points, keep) if k]


def simplify_ring(ring):
    if ring[0] == ring[-1]:
        ring = ring[:-1]
    if len(ring) < 3:
        return []
    # Split the ring at its first point and the point farthest from it, simplify both halves.
    far = max(range(len(ring)), key=lambda k: (ring[k][0] - ring[0][0]) ** 2 + (ring[k][1] - ring[0][1]) ** 2)
    first = simplify(ring[: far + 1], TOLERANCE * 1e6)
    second = simplify(ring[far:] + [ring[0]], TOLERANCE * 1e6)
    out = first[:-1] + second[:-1]
    return out if len(out) >= 3 else []


def varint(value, buf):
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            buf.append(byte | 0x80)
        else:
            buf.append(byte)
            return


def zigzag(value):
    return (value << 1) ^ (value >> 63)


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "..", "..", "shared", "data")
    with gzip.open(os.path.join(src, "departements-avec-outre-mer.geojson.gz"), "rt", encoding="utf-8") as f:
        data = json.load(f)
    outlines = {}
    for feature in data["features"]:
        code = feature["properties"]["code"]
        geometry = feature["geometry"]
        polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
        rings = []
        for polygon in polygons:
            for ring in polygon:
                xs = [p[0] for p in ring]
                ys = [p[1] for p in ring]
                if max(xs) - min(xs) < MIN_SPAN and max(ys) - min(ys) < MIN_SPAN:
                    continue
                simple = simplify_ring([(round(p[0] * 1e6), round(p[1] * 1e6)) for p in ring])
                if simple:
                    rings.append(simple)
        outlines[code] = rings
    buf = bytearray(b"LBO1")
    varint(len(outlines), buf)
    points = 0
    for code in sorted(outlines):
        rings = outlines[code]
        buf.append(len(code))
        buf.extend(code.encode("ascii"))
        varint(len(rings), buf)
        for ring in rings:
            varint(len(ring), buf)
            px = py = 0
            for x, y in ring:
                varint(zigzag(x - px), buf)
                varint(zigzag(y - py), buf)
                px, py = x, y
                points += 1
    out = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=out, mtime=0, compresslevel=9) as gz:
        gz.write(bytes(buf))
    with open(OUT, "wb") as f:
        f.write(out.getvalue())
    print(f"{len(outlines)} départements, {sum(len(r) for r in outlines.values())} rings, {points} points, "
          f"{len(out.getvalue())} bytes")


if __name__ == "__main__":
    main()
