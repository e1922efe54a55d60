#!/usr/bin/env python3
"""Draws the two Teams app icons into Bot/TeamsApp (run once; the PNGs are committed).

color.png   192x192: a gold shield with a red star on a deep blue background.
outline.png  32x32:  the same shield as a white outline with a white star on a transparent background,
                     as Teams requires for the outline icon (white and transparent only).
"""
import math
import struct
import sys
import zlib
from pathlib import Path


def shield_half_width(y, top=0.16, shoulder=0.52, bottom=0.9, half=0.32):
    if y < top or y > bottom:
        return -1.0
    if y <= shoulder:
        return half
    t = (y - shoulder) / (bottom - shoulder)
    return half * math.sqrt(max(0.0, 1 - t * t))


def in_shield(x, y, shrink=0.0):
    # shrink > 0 gives the inner edge of an outline of that thickness.
    hw = shield_half_width(y, 0.16 + shrink, 0.52, 0.9 - shrink * 1.4, 0.32 - shrink)
    return hw >= 0 and abs(x - 0.5) <= hw


STAR = [(0.5 + (0.15 if i % 2 == 0 else 0.06) * math.sin(i * math.pi / 5),
         0.47 - (0.15 if i % 2 == 0 else 0.06) * math.cos(i * math.pi / 5)) for i in range(10)]


def in_star(x, y):
    inside = False
    for (x1, y1), (x2, y2) in zip(STAR, STAR[1:] + STAR[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def render(size, shade, samples=4):
    rows = []
    for py in range(size):
        row = bytearray()
        for px in range(size):
            acc = [0.0, 0.0, 0.0, 0.0]
            for sy in range(samples):
                for sx in range(samples):
                    r, g, b, a = shade((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size)
                    acc[0] += r * a; acc[1] += g * a; acc[2] += b * a; acc[3] += a
            n = samples * samples
            alpha = acc[3] / n
            rgb = [round(c / acc[3]) if acc[3] else 255 for c in acc[:3]]
            row += bytes(rgb) + bytes([round(alpha * 255)])
        rows.append(bytes(row))
    return rows


def color_shade(x, y):
    if in_star(x, y):
        return (200, 16, 46, 1.0)
    if in_shield(x, y):
        return (242, 201, 76, 1.0)
    return (15, 76, 129, 1.0)


def outline_shade(x, y):
    if in_star(x, y) or (in_shield(x, y) and not in_shield(x, y, shrink=0.07)):
        return (255, 255, 255, 1.0)
    return (255, 255, 255, 0.0)


def write_png(path, rows):
    size = len(rows)
    raw = b"".join(b"\x00" + r for r in rows)
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)) \
        + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
    Path(path).write_bytes(png)


if __name__ == "__main__":
    out = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "Bot" / "TeamsApp")
    write_png(out / "color.png", render(192, color_shade))
    write_png(out / "outline.png", render(32, outline_shade, samples=8))
