"""Draws the app's source icon (1024x1024 RGBA PNG) with the standard library only.

A rounded square in Tablestore blue holding a three-row table whose rows flow, through an
arrow, into a stack of columns (Parquet). `tauri icon icons/source.png -o icons` derives the rest.
"""
import struct
import zlib

SIZE = 1024


def rounded_rect(x, y, x0, y0, x1, y1, r):
    if x < x0 or x > x1 or y < y0 or y > y1:
        return False
    cx = min(max(x, x0 + r), x1 - r)
    cy = min(max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def pixel(x, y):
    if not rounded_rect(x, y, 40, 40, 984, 984, 200):
        return (0, 0, 0, 0)
    t = (x + y) / (2 * SIZE)
    bg = (int(16 + 20 * t), int(104 + 40 * t), int(230 - 40 * t), 255)
    white = (255, 255, 255, 255)
    pale = (200, 225, 255, 255)
    # Table on the left: header and three rows.
    if rounded_rect(x, y, 170, 250, 520, 330, 24):
        return white
    for i in range(3):
        top = 370 + i * 130
        if rounded_rect(x, y, 170, top, 520, top + 90, 20):
            return pale
    # Arrow in the middle.
    if 560 <= x <= 650 and 490 <= y <= 540:
        return white
    if 650 <= x <= 720 and abs(y - 515) <= (720 - x) * 0.9:
        return white
    # Parquet columns on the right.
    for i in range(3):
        left = 740 + i * 75
        if rounded_rect(x, y, left, 250, left + 55, 760, 22):
            return white if i % 2 == 0 else pale
    return bg


def png(width, height, rows):
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(c for px in row for c in px) for row in rows)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    import pathlib

    rows = [[pixel(x, y) for x in range(SIZE)] for y in range(SIZE)]
    out = pathlib.Path(__file__).with_name("source.png")
    out.write_bytes(png(SIZE, SIZE, rows))
    print(out)
