#!/usr/bin/env python3
"""Draws Parley's icon once, with no packages beyond the standard library.

Two overlapping speech bubbles (a conversation between two people) on a rounded blue square.
Writes PNGs of 16..256 px into resources' icons folder, and from them the Windows .ico and the
macOS .icns that jpackage wants (both formats can hold PNGs as they are).
Run from the repository root:  python3 app/src/packaging/draw-icon.py
"""
import os
import struct
import zlib

ICONS = "resources/src/main/resources/dev/parley/resources/icons"
PACKAGING = "app/src/packaging"
SIZES = [16, 32, 48, 64, 128, 256]
SUPERSAMPLE = 4


def rounded_rect(x, y, x0, y0, x1, y1, r):
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r and x0 <= x <= x1 and y0 <= y <= y1


def ellipse(x, y, cx, cy, rx, ry):
    return ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1


def triangle(x, y, a, b, c):
    def side(p, q):
        return (x - q[0]) * (p[1] - q[1]) - (p[0] - q[0]) * (y - q[1])
    d1, d2, d3 = side(a, b), side(b, c), side(c, a)
    neg = d1 < 0 or d2 < 0 or d3 < 0
    pos = d1 > 0 or d2 > 0 or d3 > 0
    return not (neg and pos)


def bubble_back(x, y):
    return ellipse(x, y, 0.40, 0.42, 0.27, 0.21) or triangle(x, y, (0.22, 0.52), (0.30, 0.60), (0.16, 0.74))


def bubble_front(x, y):
    return ellipse(x, y, 0.60, 0.58, 0.27, 0.21) or triangle(x, y, (0.78, 0.68), (0.70, 0.74), (0.84, 0.86))


def colour(x, y):
    """RGBA at unit coordinates (0..1), or None outside the icon."""
    if not rounded_rect(x, y, 0.04, 0.04, 0.96, 0.96, 0.2):
        return None
    if bubble_front(x, y):
        # The front bubble's dots: "someone is talking".
        for cx in (0.50, 0.60, 0.70):
            if ellipse(x, y, cx, 0.58, 0.035, 0.035):
                return (37, 99, 235, 255)
        return (255, 255, 255, 255)
    # A rim of background around the front bubble separates the two.
    if bubble_back(x, y) and not (ellipse(x, y, 0.60, 0.58, 0.31, 0.25)):
        return (191, 219, 254, 255)
    t = (x + y) / 2  # diagonal gradient, light top-left to deep bottom-right
    return (int(59 - 30 * t), int(130 - 60 * t), int(246 - 40 * t), 255)


def render(size):
    rows = []
    n = SUPERSAMPLE
    for py in range(size):
        row = bytearray([0])  # PNG filter type 0 per row
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(n):
                for sx in range(n):
                    c = colour((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size)
                    if c is not None:
                        a = c[3]
                        acc[0] += c[0] * a
                        acc[1] += c[1] * a
                        acc[2] += c[2] * a
                        acc[3] += a
            alpha = acc[3] / (n * n)
            if acc[3]:
                row += bytes([round(acc[0] / acc[3]), round(acc[1] / acc[3]), round(acc[2] / acc[3]), round(alpha)])
            else:
                row += bytes(4)
        rows.append(bytes(row))
    return png(size, b"".join(rows))


def png(size, raw):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def ico(pngs):
    entries, images = b"", b""
    offset = 6 + 16 * len(pngs)
    for size, data in pngs:
        dim = 0 if size >= 256 else size  # 0 means 256 in ICO
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return struct.pack("<HHH", 0, 1, len(pngs)) + entries + images


def icns(pngs):
    types = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08"}
    body = b"".join(types[s] + struct.pack(">I", 8 + len(d)) + d for s, d in pngs if s in types)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main():
    os.makedirs(ICONS, exist_ok=True)
    pngs = []
    for size in SIZES:
        data = render(size)
        with open(os.path.join(ICONS, "parley-%d.png" % size), "wb") as f:
            f.write(data)
        pngs.append((size, data))
    with open(os.path.join(PACKAGING, "windows", "Parley.ico"), "wb") as f:
        f.write(ico(pngs))
    with open(os.path.join(PACKAGING, "macos", "Parley.icns"), "wb") as f:
        f.write(icns(pngs))


if __name__ == "__main__":
    main()
