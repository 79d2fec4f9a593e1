#!/usr/bin/env python3
"""Turns hand-marked sentences into labelled JSON lines for the accuracy harness.

Input: one record per line, `ID<TAB>TEXT`, where TEXT marks each span by hand as
`[[TYPE|value]]` (TYPE is a wire name such as CN_MOBILE) or `[[none:KIND|value]]` for a look-alike.
Lines starting with '#' and blank lines are skipped. Output: one line per record,
{"id": ..., "text": ..., "spans": [{"start", "end", "type"[, "decoy"]}]}
with UTF-16 offsets (C# string indices), end exclusive.

The values are checked with the identifiers' own rules (a third implementation, independent of the
product and of the C# harness), so a typo in a hand-written number fails here, not in a score.

Usage: python3 build/data/label-sentences.py INPUT.txt OUTPUT.jsonl
"""
import json
import re
import sys

WIRE_TYPES = {
    "CN_RESIDENT_ID", "CN_MOBILE", "CN_LANDLINE", "BANK_CARD", "CN_USCC", "CN_PLATE", "VIN", "GPS_COORD",
    "EMAIL", "IP_ADDRESS", "PERSON_NAME", "ADDRESS", "CN_PASSPORT", "CN_HMT_PERMIT", "IMEI", "MAC_ADDRESS",
}
MARK = re.compile(r"\[\[([A-Za-z_:0-9]+)\|([^\]]+)\]\]")
MOBILE_PREFIXES = {str(p) for p in list(range(130, 140)) + [145, 147, 150, 151, 152, 153, 155, 156, 157, 158, 159,
                                                              166, 170, 171, 173, 175, 176, 177, 178] + list(range(180, 190)) + [191, 193, 195, 198, 199]}
USCC = "0123456789ABCDEFGHJKLMNPQRTUWXY"
VIN_VALUES = dict(zip("ABCDEFGHJKLMNPRSTUVWXYZ", [1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9]))


def utf16_len(text):
    return len(text.encode("utf-16-le")) // 2


def resident_id_ok(v):
    if len(v) == 15:
        return v.isdigit()
    if len(v) != 18 or not v[:17].isdigit():
        return False
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(c) * w for c, w in zip(v, weights)) % 11] == v[17].upper()


def luhn_ok(v):
    if not v.isdigit():
        return False
    total = 0
    for i, c in enumerate(reversed(v)):
        d = int(c) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def uscc_ok(v):
    if len(v) != 18 or any(c not in USCC for c in v):
        return False
    weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    return USCC[(31 - sum(USCC.index(c) * w for c, w in zip(v, weights)) % 31) % 31] == v[17]


def vin_ok(v):
    if len(v) != 17 or any(c in "IOQ" for c in v):
        return False
    weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2]
    r = sum((int(c) if c.isdigit() else VIN_VALUES[c]) * w for c, w in zip(v, weights)) % 11
    return ("X" if r == 10 else str(r)) == v[8]


def mobile_ok(v):
    digits = re.sub(r"[^0-9]", "", v)
    if len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    elif len(digits) == 15 and digits.startswith("0086"):
        digits = digits[4:]
    return len(digits) == 11 and digits[:3] in MOBILE_PREFIXES


CHECKS = {
    "CN_RESIDENT_ID": resident_id_ok,
    "BANK_CARD": lambda v: 16 <= len(v) <= 19 and luhn_ok(v),
    "IMEI": lambda v: len(v) == 15 and luhn_ok(v),
    "CN_USCC": uscc_ok,
    "VIN": vin_ok,
    "CN_MOBILE": mobile_ok,
    "CN_LANDLINE": lambda v: re.fullmatch(r"\(?0[1-9][0-9]{1,2}\)?[- ]?[2-8][0-9]{6,7}", v) is not None,
    "CN_PASSPORT": lambda v: re.fullmatch(r"E[0-9]{8}|E[A-HJ-NP-Z][0-9]{7}", v) is not None,
    "CN_HMT_PERMIT": lambda v: re.fullmatch(r"C[0-9]{8}|C[A-HJ-NP-Z][0-9]{7}", v) is not None,
    "MAC_ADDRESS": lambda v: re.fullmatch(r"[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}", v) is not None,
    "EMAIL": lambda v: re.fullmatch(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", v) is not None,
    "GPS_COORD": lambda v: re.fullmatch(r"[0-9]{1,3}\.[0-9]{4,8}", v) is not None,
}

# What a look-alike must fail.
DECOY_CHECKS = {
    "order_no_18": lambda v: len(v) == 18 and v.isdigit() and not resident_id_ok(v) and not luhn_ok(v),
    "resident_id_bad_check": lambda v: not resident_id_ok(v),
    "uscc_bad_check": lambda v: len(v) == 18 and not uscc_ok(v),
    "part_no_17": lambda v: len(v) == 17 and not vin_ok(v),
    "luhn_failing_16": lambda v: len(v) == 16 and not luhn_ok(v),
    "imei_bad_check": lambda v: len(v) == 15 and not luhn_ok(v),
    "unallocated_mobile_11": lambda v: len(v) == 11 and v.isdigit() and v[:3] not in MOBILE_PREFIXES,
    "epoch_ms_13": lambda v: len(v) == 13 and v.isdigit(),
    "hex_hash": lambda v: len(v) in (32, 40, 64) and re.fullmatch(r"[0-9a-fA-F]+", v) is not None,
    "firmware_ipv4_like": lambda v: v.startswith(("v", "V")) or any(int(p) > 255 for p in v.split(".")),
}


def parse(line_number, record_id, marked):
    text, spans, at = "", [], 0
    for match in MARK.finditer(marked):
        text += marked[at:match.start()]
        label, value = match.group(1), match.group(2)
        start = utf16_len(text)
        text += value
        end = utf16_len(text)
        if label.startswith("none:"):
            kind = label[5:]
            check = DECOY_CHECKS.get(kind)
            if check is not None and not check(value):
                sys.exit(f"line {line_number} ({record_id}): look-alike {kind} '{value}' passes the check it should fail")
            spans.append({"start": start, "end": end, "type": "none", "decoy": kind})
        else:
            if label not in WIRE_TYPES:
                sys.exit(f"line {line_number} ({record_id}): unknown type {label}")
            check = CHECKS.get(label)
            if check is not None and not check(value):
                sys.exit(f"line {line_number} ({record_id}): {label} '{value}' fails its check")
            spans.append({"start": start, "end": end, "type": label})
        at = match.end()
    text += marked[at:]
    if "[[" in text or "]]" in text:
        sys.exit(f"line {line_number} ({record_id}): unbalanced mark")
    return {"id": record_id, "text": text, "spans": spans}


def main(source, target):
    records, seen = [], set()
    with open(source, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            record_id, _, marked = line.partition("\t")
            if not marked or record_id in seen:
                sys.exit(f"line {number}: expected a new ID, a tab and the text")
            seen.add(record_id)
            records.append(parse(number, record_id, marked))
    with open(target, "w", encoding="utf-8", newline="\n") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"wrote {len(records)} records to {target}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
