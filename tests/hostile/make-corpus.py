#!/usr/bin/env python3
"""Writes the hostile catalogue corpus in tests/hostile/ and its manifest expected.json.

Each file is small; the huge cases (60,000 clinics, 50,000-character strings, deep nesting) are built
by tests/hostile.rs itself. Run: python3 tests/hostile/make-corpus.py
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
PUB = {"name": "Hostile corpus", "updated": "2026-01-01"}


def clinic(i, **over):
    c = {"id": f"c{i}", "name": f"Clinic {i}", "location": {"town": "Leeds", "country": "GB", "lat": 53.8, "lon": -1.55}}
    for k, v in over.items():
        if k == "location" and isinstance(v, dict):
            c["location"].update(v)
        else:
            c[k] = v
    return c


def doc(clinics, **extra):
    d = {"schema_version": 1, "publisher": PUB, "clinics": clinics}
    d.update(extra)
    return json.dumps(d, ensure_ascii=False)


cases = {}  # name → (bytes, expected) ; expected: {"clinics": n} or {"fatal": substring}


def put(name, content, **expected):
    cases[name] = (content.encode("utf-8") if isinstance(content, str) else content, expected)


good = doc([clinic(1), clinic(2)])
put("not-json.json", "this is not json", fatal="not valid JSON")
put("truncated.json", good[: len(good) // 2], fatal="not valid JSON")
put("bom.json", "\ufeff" + good, clinics=2)
put("utf16.json", good.encode("utf-16"), fatal="UTF-16")
put("empty.json", "", fatal="empty")
put("whitespace.json", "  \n\t ", fatal="empty")
put("null.json", "null", fatal="found null")
put("array.json", "[" + good + "]", fatal="found an array")
put("string.json", '"clinics"', fatal="found text")
put("schema-missing.json", json.dumps({"publisher": PUB, "clinics": []}), fatal="schema_version")
put("schema-string.json", json.dumps({"schema_version": "1", "publisher": PUB, "clinics": []}), fatal="schema_version")
put("schema-future.json", json.dumps({"schema_version": 7, "publisher": PUB, "clinics": []}), fatal="newer")
put("schema-zero.json", json.dumps({"schema_version": 0, "publisher": PUB, "clinics": []}), fatal="schema_version")
put("clinics-object.json", json.dumps({"schema_version": 1, "publisher": PUB, "clinics": {}}), fatal="clinics")
put("clinics-missing.json", json.dumps({"schema_version": 1, "publisher": PUB}), fatal="clinics")
put("no-clinics.json", doc([]), clinics=0)
put("publisher-missing.json", json.dumps({"schema_version": 1, "clinics": [clinic(1)]}), clinics=1)
put("publisher-wrong-type.json", json.dumps({"schema_version": 1, "publisher": 5, "clinics": [clinic(1)]}), clinics=1)

# Every field with the wrong type: the bad record is skipped, the good one loads.
wrong = {
    "id": 5, "name": ["x"], "summary": 3, "location": "Leeds", "contact": "phone", "settings": "residential",
    "detox": {}, "medications": "methadone", "stance": 1, "therapies": 2, "conditions": True, "groups": 1.5,
    "programme_days": ["28"], "aftercare": "yes", "cost": 100, "credentials": "CQC", "languages": "en",
    "visiting": [], "phone_policy": {}, "family_involvement": 0, "answers": [], "outcomes": "90%",
    "extra_features": 1, "last_verified": 20260101,
}
for field, value in wrong.items():
    put(f"wrong-type-{field.replace('_', '-')}.json", doc([clinic(1), clinic(2, **{field: value})]), clinics=1)
for field, value in {"town": 5, "lat": "north", "lon": [], "address": "1 High St", "country": None}.items():
    put(f"wrong-type-location-{field}.json", doc([clinic(1), clinic(2, location={field: value})]), clinics=1)

put("lat-out-of-range.json", doc([clinic(1, location={"lat": 123.4})]), clinics=1)
put("lon-huge.json", doc([clinic(1, location={"lon": 1e308})]), clinics=1)
put("lat-overflow.json", '{"schema_version":1,"publisher":{"name":"P","updated":"2026-01-01"},"clinics":[{"id":"a","name":"A","location":{"town":"T","country":"GB","lat":1e999,"lon":0}}]}', clinics=0)
put("nan-literal.json", '{"schema_version":1,"clinics":[{"id":"a","lat":NaN}]}', fatal="not valid JSON")
put("duplicate-ids.json", doc([clinic(1), clinic(1, name="Copy"), clinic(2)]), clinics=2)
put("unknown-codes.json", doc([clinic(1, therapies=["cbt", "horse_whispering"], settings=["spa"])]), clinics=1)
put("unknown-fields.json", doc([clinic(1)], colour="blue"), clinics=1)
put("rtl-override.json", doc([clinic(1, name="\u202etxt.exe\u202c Clinic", summary="\u202e evil \u202c")]), clinics=1)
put("links-javascript.json", doc([clinic(1, contact={"website": "javascript:alert(1)", "phone": "javascript:alert(1)", "email": "javascript:alert(1)@x.org"})]), clinics=1)
put("links-data.json", doc([clinic(1, contact={"website": "data:text/html,<script>alert(1)</script>"})]), clinics=1)
put("links-attribute-break.json", doc([clinic(1, contact={"website": "https://x.org/\" onmouseover=\"alert(1)"})]), clinics=1)
put("html-in-text.json", doc([clinic(1, name="<img src=x onerror=alert(1)>", summary="<script>alert(1)</script>")]), clinics=1)
put("empty-name.json", doc([clinic(1, name="   "), clinic(2)]), clinics=1)
put("bad-id.json", doc([clinic(1), dict(clinic(2), id="has spaces/and<slashes>")]), clinics=1)
put("negative-price.json", doc([clinic(1, cost={"price": {"from": -5, "currency": "GBP"}})]), clinics=1)
put("claim-without-source.json", doc([clinic(1, outcomes=[{"claim": "95% success", "source": ""}])]), clinics=1)

manifest = {}
for name, (content, expected) in sorted(cases.items()):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(content)
    manifest[name] = expected
with open(os.path.join(HERE, "expected.json"), "w") as f:
    json.dump(manifest, f, indent=1, sort_keys=True)
print(f"wrote {len(cases)} files")
