#!/usr/bin/env python3
"""Where a catalogue's bytes go: for each field path of its clinics, the bytes it takes when written
as compact JSON (its name, quotes, colon and comma included), and how many of all the clinics'
string values are repeats of a string another clinic (or field) already has.

    python3 scripts/catalogue-bytes.py target/bench/data/catalogue-national.json

Used for issue 18's national case (docs/performance.md, "The real-shaped national case")."""
import collections
import json
import sys


def compact(value):
    return len(json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode())


def main(path):
    raw = open(path, "rb").read()
    clinics = json.loads(raw)["clinics"]
    per_path, count, names = collections.Counter(), collections.Counter(), 0

    def walk(obj, prefix):
        nonlocal names
        for key, value in obj.items():
            at = f"{prefix}.{key}" if prefix else key
            name = len(key.encode()) + 4  # "key": and the comma after the value
            per_path[at] += compact(value) + name
            count[at] += 1
            names += name
            if isinstance(value, dict):
                walk(value, at)
            elif isinstance(value, list):
                for item in value:
                    if isinstance(item, dict):
                        walk(item, at + "[]")

    for clinic in clinics:
        walk(clinic, "")
    total = len(raw)
    print(f"{path}: {total:,} bytes, {len(clinics):,} clinics")
    print(f"field names in clinics (with quotes, colon, comma): {names:,} bytes ({100 * names / total:.1f} %)")
    print(f"{'field':34} {'bytes':>12} {'share':>6} {'given in':>9}")
    for at, size in per_path.most_common():
        print(f"{at:34} {size:>12,} {100 * size / total:5.1f}% {count[at]:>9,}")

    strings = collections.Counter()

    def collect(value):
        if isinstance(value, str):
            strings[value] += 1
        elif isinstance(value, list):
            for v in value:
                collect(v)
        elif isinstance(value, dict):
            for v in value.values():
                collect(v)

    for clinic in clinics:
        collect(clinic)
    repeats = sum(compact(s) * (n - 1) for s, n in strings.items() if n > 1)
    print(f"string values: {sum(strings.values()):,} ({len(strings):,} different); "
          f"repeats of one already written: {repeats:,} bytes ({100 * repeats / total:.1f} %)")
    long = {s: n for s, n in strings.items() if n > 1 and len(s) >= 40}
    long_bytes = sum(compact(s) * (n - 1) for s, n in long.items())
    print(f"of which texts of 40 characters or more: {long_bytes:,} bytes ({len(long):,} texts); the largest:")
    for s, n in sorted(long.items(), key=lambda sn: -compact(sn[0]) * sn[1])[:5]:
        print(f"  {n:>6} x {s[:80]!r}")


if __name__ == "__main__":
    main(sys.argv[1])
