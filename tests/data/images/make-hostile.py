#!/usr/bin/env python3
"""Makes the damaged and rotated photos the hardening tests use, from rgb.jpg
(64x32, left half red, right half blue) and alpha.png. Run it here; its
output is committed, so the tests need no Python."""
import struct
import zlib

rgb = open("rgb.jpg", "rb").read()


def exif_app1(orientation):
    # Big-endian TIFF with one IFD entry: Orientation (0x0112), SHORT, 1 value.
    tiff = b"MM\x00\x2a\x00\x00\x00\x08" + struct.pack(">H", 1)
    tiff += struct.pack(">HHIHH", 0x0112, 3, 1, orientation, 0) + b"\x00\x00\x00\x00"
    payload = b"Exif\x00\x00" + tiff
    return b"\xff\xe1" + struct.pack(">H", len(payload) + 2) + payload


for o in (2, 3, 6, 8):
    open(f"rgb-exif{o}.jpg", "wb").write(rgb[:2] + exif_app1(o) + rgb[2:])

# Cut inside the entropy-coded data: the header is fine, the picture is not.
open("truncated.jpg", "wb").write(rgb[:300])

# The frame header (SOF0 at offset 158) claiming 20000 x 20000 and 65535 x 65535 pixels.
sof = 158 + 4 + 1  # marker, length, precision
open("huge-header.jpg", "wb").write(rgb[:sof] + struct.pack(">HH", 20000, 20000) + rgb[sof + 4:])
open("huge-header-65535.jpg", "wb").write(rgb[:sof] + struct.pack(">HH", 65535, 65535) + rgb[sof + 4:])

# A PNG whose IHDR (with a valid CRC) claims 20000 x 20000 pixels.
png = open("alpha.png", "rb").read()
ihdr = b"IHDR" + struct.pack(">II", 20000, 20000) + png[24:29]
open("huge-header.png", "wb").write(png[:12] + ihdr + struct.pack(">I", zlib.crc32(ihdr)) + png[33:])

# A PNG cut before its end.
open("truncated.png", "wb").write(png[: len(png) - 30])

# alpha.png with an eXIf chunk (after IHDR) saying "rotate 90° clockwise".
tiff = exif_app1(6)[10:]  # the TIFF block without the APP1 marker, length and "Exif\0\0"
chunk = b"eXIf" + tiff
open("alpha-exif6.png", "wb").write(png[:33] + struct.pack(">I", len(tiff)) + chunk +
                                     struct.pack(">I", zlib.crc32(chunk)) + png[33:])
