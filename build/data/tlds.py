#!/usr/bin/env python3
"""Derives src/Outbound.Core/Detection/Data/tlds.txt: the IANA root zone's top-level domains, ASCII (IDNs as xn--).

Usage:
    npm pack tlds@1.261.0 && tar xzf tlds-1.261.0.tgz
    python3 build/data/tlds.py package/index.json > src/Outbound.Core/Detection/Data/tlds.txt

Input: the tlds package (MIT), which lists IANA's tlds-alpha-by-domain.txt with IDN TLDs in Unicode; they are
written here in their ASCII (punycode) form, which is what an e-mail address in ASCII text carries.
"""
import json
import sys


def main(path):
    names = json.load(open(path, encoding="utf-8"))
    ascii_names = sorted({name if name.isascii() else name.encode("idna").decode("ascii") for name in names})
    print("# IANA top-level domains, lower case, IDNs in punycode; from the tlds npm package (build/data/tlds.py).")
    for name in ascii_names:
        print(name)


if __name__ == "__main__":
    main(sys.argv[1])
