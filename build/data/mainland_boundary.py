#!/usr/bin/env python3
"""Derives src/Outbound.Core/Detection/Data/cn-mainland-boundary.txt from Natural Earth via the world-atlas package.

Usage:
    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python3 build/data/mainland_boundary.py package/countries-10m.json > src/Outbound.Core/Detection/Data/cn-mainland-boundary.txt

Input: world-atlas 2.0.2 (ISC), countries-10m.json, a TopoJSON build of Natural Earth 1:10m admin-0 countries
(public domain). China (ISO 3166 numeric 156) there excludes Hong Kong (344), Macao (446) and Taiwan (158).

Output, one record a line:
    M <count>            a mainland ring follows: <count> vertices, the last equal to the first
    X <count>            an exclusion ring follows (Hong Kong, Macao, Taiwan with Kinmen and Matsu, North Korea, Vietnam)
    <lon> <lat> <c|b>    a vertex in degrees (3 decimals); c when the edge from it to the next vertex is coast
                         (an arc China shares with no other country), b when it is a land border
Every ring is kept whatever its size (small islands keep at least three distinct vertices). Arcs are simplified once
each (Douglas-Peucker), so a border shared with a neighbour is simplified the same way on both sides: land borders
with BORDER_TOLERANCE, coasts with COAST_TOLERANCE (the recognizer adds a coastal band wider than that).
"""
import json
import math
import sys

BORDER_TOLERANCE = 0.02
COAST_TOLERANCE = 0.1
EXCLUSION_TOLERANCE = 0.06
SMALL_EXCLUSION_TOLERANCE = 0.01
SMALL_EXCLUSION_AREA = 0.2
EXCLUSION_REACH = 0.3
MAINLAND = "156"
EXCLUDED = ["344", "446", "158", "408", "704"]


def simplify(points, tolerance):
    """Douglas-Peucker on an open polyline; keeps both ends."""
    n = len(points)
    if n <= 2:
        return points
    keep = [False] * n
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    if points[0] == points[-1]:
        # A closed arc: split at the vertex farthest from its start so the chord is not degenerate.
        far = max(range(n), key=lambda i: (points[i][0] - points[0][0]) ** 2 + (points[i][1] - points[0][1]) ** 2)
        keep[far] = True
        stack = [(0, far), (far, n - 1)]
    while stack:
        a, b = stack.pop()
        ax, ay = points[a]
        bx, by = points[b]
        dx, dy = bx - ax, by - ay
        length = dx * dx + dy * dy
        best, best_index = -1.0, -1
        for i in range(a + 1, b):
            px, py = points[i]
            t = 0.0 if length == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
            d = math.hypot(px - ax - t * dx, py - ay - t * dy)
            if d > best:
                best, best_index = d, i
        if best > tolerance:
            keep[best_index] = True
            stack.append((a, best_index))
            stack.append((best_index, b))
    return [p for p, k in zip(points, keep) if k]


def main(path):
    topology = json.load(open(path, encoding="utf-8"))
    sx, sy = topology["transform"]["scale"]
    tx, ty = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((round(x * sx + tx, 3), round(y * sy + ty, 3)))
        arcs.append(points)

    geometries = topology["objects"]["countries"]["geometries"]
    uses = [0] * len(arcs)

    def count(node):
        if isinstance(node, int):
            uses[node if node >= 0 else ~node] += 1
        else:
            for child in node:
                count(child)

    for geometry in geometries:
        count(geometry.get("arcs", []))

    simplified = {}

    def arc_points(index, tolerance):
        key = (index if index >= 0 else ~index, tolerance)
        if key not in simplified:
            simplified[key] = simplify(arcs[key[0]], tolerance)
        points = simplified[key]
        return points if index >= 0 else points[::-1]

    def raw_ring(ring_arcs):
        points = []
        for index in ring_arcs:
            arc = arcs[index if index >= 0 else ~index]
            arc = arc if index >= 0 else arc[::-1]
            points.extend(arc if not points else arc[1:])
        return points

    def area(points):
        return abs(sum(points[i][0] * points[i + 1][1] - points[i + 1][0] * points[i][1] for i in range(len(points) - 1))) / 2

    def rings_of(country_id, exclusion):
        geometry = next(g for g in geometries if g.get("id") == country_id)
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            for ring_arcs in polygon:
                raw = raw_ring(ring_arcs)
                small = area(raw) < SMALL_EXCLUSION_AREA
                vertices = []
                for index in ring_arcs:
                    coast = uses[index if index >= 0 else ~index] == 1
                    if exclusion:
                        tolerance = SMALL_EXCLUSION_TOLERANCE if small else EXCLUSION_TOLERANCE
                    else:
                        tolerance = COAST_TOLERANCE if coast else BORDER_TOLERANCE
                    points = arc_points(index, tolerance)
                    flag = "c" if coast else "b"
                    if vertices:
                        vertices[-1] = (vertices[-1][0], vertices[-1][1], flag)
                    for p in points[0 if not vertices else 1:]:
                        vertices.append((p[0], p[1], flag))
                if len({(v[0], v[1]) for v in vertices}) < 3:
                    # An island smaller than the tolerance keeps its extreme points.
                    picks = sorted({min(raw), max(raw), min(raw, key=lambda p: p[1]), max(raw, key=lambda p: p[1])},
                                   key=raw.index)
                    if len(picks) < 3:
                        continue
                    vertices = [(p[0], p[1], "c") for p in picks] + [(picks[0][0], picks[0][1], "c")]
                yield raw, vertices

    mainland = [vertices for _, vertices in rings_of(MAINLAND, False)]
    coast_points = [(v[0], v[1]) for ring in mainland for v in ring if v[2] == "c"]

    def reaches_coast(raw):
        # Exclusions only matter where the coastal band could reach them.
        return any(abs(p[0] - q[0]) < EXCLUSION_REACH and abs(p[1] - q[1]) < EXCLUSION_REACH
                   for p in raw[::4] for q in coast_points)

    exclusions = [vertices for country_id in EXCLUDED
                  for raw, vertices in rings_of(country_id, True) if reaches_coast(raw)]

    out = sys.stdout
    out.write("# Mainland China boundary, simplified from Natural Earth 1:10m admin-0 countries (public domain)\n")
    out.write("# via world-atlas 2.0.2 (ISC); derived by build/data/mainland_boundary.py. Format: see that script.\n")
    for kind, rings in (("M", mainland), ("X", exclusions)):
        for ring in rings:
            out.write(f"{kind} {len(ring)}\n")
            for lon, lat, flag in ring:
                out.write(f"{lon:.3f} {lat:.3f} {flag}\n")


if __name__ == "__main__":
    main(sys.argv[1])
