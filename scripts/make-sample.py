#!/usr/bin/env python3
"""Writes data/clinics.json: the sample catalogue of FICTIONAL clinics used by the demo and tests.

Seeded, so the file is reproducible: `python3 scripts/make-sample.py > data/clinics.json`.
Towns and coordinates are real; every clinic, name, phone number and answer is invented.
"""
import json
import random

rng = random.Random(20261124)

UK_TOWNS = [
    ("London", "Greater London", "E1", 51.5154, -0.0722), ("London", "Greater London", "SE1", 51.5010, -0.0948),
    ("Manchester", "Greater Manchester", "M4", 53.4839, -2.2250), ("Salford", "Greater Manchester", "M5", 53.4875, -2.2901),
    ("Birmingham", "West Midlands", "B5", 52.4740, -1.8950), ("Leeds", "West Yorkshire", "LS2", 53.8008, -1.5491),
    ("Liverpool", "Merseyside", "L1", 53.4034, -2.9800), ("Bristol", "Bristol", "BS1", 51.4545, -2.5879),
    ("Sheffield", "South Yorkshire", "S1", 53.3811, -1.4701), ("Newcastle upon Tyne", "Tyne and Wear", "NE1", 54.9738, -1.6132),
    ("Nottingham", "Nottinghamshire", "NG1", 52.9548, -1.1581), ("Leicester", "Leicestershire", "LE1", 52.6369, -1.1398),
    ("Glasgow", "Scotland", "G1", 55.8609, -4.2514), ("Edinburgh", "Scotland", "EH1", 55.9533, -3.1883),
    ("Cardiff", "Wales", "CF10", 51.4816, -3.1791), ("Belfast", "Northern Ireland", "BT1", 54.5973, -5.9301),
    ("Brighton", "East Sussex", "BN1", 50.8225, -0.1372), ("Worcester", "Worcestershire", "WR1", 52.1920, -2.2200),
    ("Norwich", "Norfolk", "NR1", 52.6309, 1.2974), ("Plymouth", "Devon", "PL1", 50.3755, -4.1427),
    ("Middlesbrough", "North Yorkshire", "TS1", 54.5742, -1.2350), ("Blackpool", "Lancashire", "FY1", 53.8175, -3.0357),
    ("York", "North Yorkshire", "YO1", 53.9590, -1.0815), ("Exeter", "Devon", "EX1", 50.7184, -3.5339),
    ("Bournemouth", "Dorset", "BH1", 50.7192, -1.8808), ("Stoke-on-Trent", "Staffordshire", "ST1", 53.0027, -2.1794),
]
US_TOWNS = [
    ("Boston", "MA", "02118", 42.3389, -71.0700), ("Worcester", "MA", "01608", 42.2626, -71.8023),
    ("Albany", "NY", "12207", 42.6526, -73.7562), ("New York", "NY", "10027", 40.8116, -73.9465),
    ("Philadelphia", "PA", "19134", 39.9926, -75.1102), ("Baltimore", "MD", "21201", 39.2946, -76.6252),
    ("Columbus", "OH", "43215", 39.9612, -82.9988), ("Cincinnati", "OH", "45202", 39.1031, -84.5120),
    ("Louisville", "KY", "40202", 38.2527, -85.7585), ("Charleston", "WV", "25301", 38.3498, -81.6326),
    ("Chicago", "IL", "60612", 41.8807, -87.6742), ("Denver", "CO", "80204", 39.7392, -104.9903),
    ("Phoenix", "AZ", "85004", 33.4484, -112.0740), ("Seattle", "WA", "98104", 47.6062, -122.3321),
    ("Portland", "ME", "04101", 43.6591, -70.2568), ("Manchester", "NH", "03101", 42.9956, -71.4548),
    ("Burlington", "VT", "05401", 44.4759, -73.2121), ("Nashville", "TN", "37203", 36.1627, -86.7816),
    ("Austin", "TX", "78701", 30.2672, -97.7431), ("San Diego", "CA", "92101", 32.7157, -117.1611),
]

FIRST = ["Harbour", "Northgate", "Riverside", "Meadow", "Beacon", "Willow", "Oakfield", "Lantern", "Elm Tree", "Cedar",
         "Horizon", "Bridgeway", "Fernhill", "Clearwater", "Hillcrest", "Stonebridge", "Kestrel", "Larkspur", "Maple",
         "Brookside", "Ashdown", "Greenway", "Lighthouse", "Pathways", "Summit", "Crossroads", "Foxglove", "Haven",
         "Thistle", "Juniper", "Redwood", "Marigold", "Anchor", "Compass", "Solace", "Evergreen"]

ARCHETYPES = {
    "nhs_community": dict(country="GB", names=["Community Drug and Alcohol Service", "Recovery Service", "Drug Service"]),
    "uk_residential": dict(country="GB", names=["House", "Recovery Centre", "Rehab", "Lodge"]),
    "uk_charity_residential": dict(country="GB", names=["Trust Residential Service", "Recovery Community"]),
    "uk_hat": dict(country="GB", names=["Supervised Treatment Clinic"]),
    "uk_women": dict(country="GB", names=["Women's Recovery House"]),
    "uk_young": dict(country="GB", names=["Young People's Service"]),
    "us_otp": dict(country="US", names=["Opioid Treatment Program", "Methadone Clinic", "Comprehensive Treatment Center"]),
    "us_office_bup": dict(country="US", names=["Recovery Medicine", "Addiction Medicine Practice", "Bridge Clinic"]),
    "us_residential": dict(country="US", names=["Recovery Center", "Treatment Center", "Ranch"]),
    "us_veterans": dict(country="US", names=["Veterans Recovery Program"]),
    "us_lgbtq": dict(country="US", names=["Pride Recovery Center"]),
    "us_rapid": dict(country="US", names=["Rapid Detox Institute"]),
    "us_ibogaine": dict(country="US", names=["Ibogaine Retreat Referral Service"]),
    "us_day": dict(country="US", names=["Intensive Outpatient Program"]),
}

PLAN = (["nhs_community"] * 14 + ["uk_residential"] * 9 + ["uk_charity_residential"] * 3 + ["uk_hat"] + ["uk_women"] * 2
        + ["uk_young"] + ["us_otp"] * 9 + ["us_office_bup"] * 8 + ["us_residential"] * 8 + ["us_veterans"] * 2
        + ["us_lgbtq"] + ["us_rapid"] + ["us_ibogaine"] + ["us_day"] * 4)


def pick(options, k_min, k_max):
    return rng.sample(options, rng.randint(k_min, min(k_max, len(options))))


def med(code, *forms):
    return {"code": code, "forms": list(forms)}


def phone(country):
    if country == "GB":
        return f"0{rng.choice(['161', '113', '117', '121', '141', '20', '29'])} {rng.randint(496, 496)} {rng.randint(1000, 9999)}"
    return f"+1 ({rng.choice(['617', '518', '215', '614', '312', '720', '602', '206'])}) 555-{rng.randint(100, 199):04d}"


# Keyed by the default checklist's question ids (src/catalogue/vocabulary.rs). Six lists, of the
# same lengths as before, so the seeded generator draws the same numbers and the rest of the sample
# stays as it was.
ANSWERS = {
    "results": ["We agree goals with each person. Last year 58% of people who started were still with us at 6 months (our own audit, 2025).",
                "We count how many people are still in treatment at 6 and 12 months, and publish it each year.",
                "We aim for stability first: fewer overdoses, better health, getting back to work or family life."],
    "wait": ["Usually one to two weeks after a first call.", "We can often see people the same week.",
             "About four weeks for a live-in place; sooner for a first talk.", "There is a waiting list; call us to check how long it is now."],
    "medication": ["Yes: methadone and buprenorphine, including the monthly injection.", "No. We are an abstinence-based service.",
                   "Yes, we prescribe buprenorphine and can arrange methadone through a partner clinic."],
    "detox": ["Yes, lofexidine and a short reducing dose of buprenorphine, with a doctor on call 24 hours.",
              "Yes: medication is prescribed and checked daily by our nurses.", "We do not provide detox; we refer to a hospital unit."],
    "use_again": ["We talk it through and change the plan with them. No one is asked to leave for using.",
                  "Using on site means leaving the house, but we help plan what comes next and keep a place open.",
                  "It is part of recovery for many people; we review their care and check they are safe."],
    "aftercare": ["Yes, 12 months of free weekly groups.", "Yes: aftercare groups every week for as long as people want them.",
                  "We hand over to a local community service and check in after one month."],
}


def answers():
    out = {}
    for qid, options in ANSWERS.items():
        if rng.random() < 0.7:
            out[qid] = rng.choice(options)
    return out


def build(archetype, n, town):
    gb = archetype.startswith("uk") or archetype.startswith("nhs")
    t, region, area, lat, lon = town
    name_word = FIRST[n % len(FIRST)]
    suffix = rng.choice(ARCHETYPES[archetype]["names"])
    clinic = {
        "id": f"{name_word.lower().replace(' ', '-')}-{t.lower().replace(' ', '-')}-{n}",
        "name": f"{name_word} {suffix}" if archetype != "nhs_community" else f"{t} {suffix}",
        "location": {
            "address": [f"{rng.randint(1, 180)} {rng.choice(['High Street', 'Station Road', 'Church Lane', 'Mill Street', 'Park Road', 'Main Street', 'Elm Avenue', 'Water Street'])}"],
            "town": t, "region": region,
            "postcode": f"{area} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}" if gb else area,
            "country": "GB" if gb else "US",
            "lat": round(lat + rng.uniform(-0.02, 0.02), 4), "lon": round(lon + rng.uniform(-0.02, 0.02), 4),
        },
        "contact": {"phone": phone("GB" if gb else "US")},
        "languages": ["en"],
        "answers": answers(),
        "last_verified": f"{rng.choice([2025, 2026, 2026])}-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}",
    }
    slug = clinic["id"].split("-")[0]
    if rng.random() < 0.85:
        clinic["contact"]["website"] = f"https://www.{slug}-{'recovery.example.org.uk' if gb else 'recovery.example.org'}"
    if rng.random() < 0.5:
        clinic["contact"]["email"] = f"hello@{slug}.example.org"
    if rng.random() < 0.4:
        clinic["contact"]["intake_phone"] = phone("GB" if gb else "US")
    a = archetype
    if a == "nhs_community":
        clinic.update(
            summary=f"The free NHS-commissioned drug service for {t}. Walk in or refer yourself; no GP letter needed.",
            settings=["outpatient"] + (["day_programme"] if rng.random() < 0.3 else []),
            detox=["outpatient_detox"] + (["medically_supervised"] if rng.random() < 0.3 else []),
            medications=[med("methadone", "oral"), med("buprenorphine", "sublingual", *(["depot_injection"] if rng.random() < 0.6 else [])),
                         med("naloxone_kit")] + ([med("lofexidine", "oral")] if rng.random() < 0.4 else []),
            stance=rng.choice(["maintenance", "both", "both"]),
            therapies=pick(["counselling", "cbt", "group_therapy", "contingency_management", "motivational", "individual_therapy"], 2, 5),
            conditions=pick(["anxiety", "depression", "ptsd"], 0, 2),
            groups=pick(["criminal_justice", "homeless", "parents_with_children", "older_adults"], 0, 2),
            aftercare={"kinds": pick(["peer_support", "counsellor_access", "family_support", "employment_support"], 1, 3), "free": True},
            cost={"funding": ["nhs"]},
            credentials=[{"code": "cqc_registered", "rating": rng.choice(["good", "good", "outstanding", "requires_improvement"])},
                         {"code": "registered_doctors"}] + ([{"code": "written_privacy_policy"}] if rng.random() < 0.5 else []),
            visiting="Not applicable: you live at home during treatment.",
            family_involvement=rng.choice(["Family members can join appointments with the client's agreement, and there is a monthly carers' group.", "A separate support group for families meets every Tuesday evening."]),
        )
        if rng.random() < 0.4:
            clinic["languages"] += pick(["pl", "ur", "pa", "ro", "cy", "bn"], 1, 2)
    elif a in ("uk_residential", "uk_charity_residential"):
        charity = a == "uk_charity_residential"
        low = rng.choice([950, 1200, 1500, 1800, 2400])
        clinic.update(
            summary=rng.choice(["A residential rehab in a quiet setting, with medically supervised detox and a structured therapy timetable.",
                                "A small, abstinence-based rehab with a strong 12-step programme and a family week.",
                                "A residential service offering detox followed by therapy, with step-down support at home."]),
            settings=["residential"] + (["inpatient"] if rng.random() < 0.5 else []) + (["mixed_pathway"] if rng.random() < 0.3 else []),
            detox=["medically_supervised"],
            medications=[med("lofexidine", "oral")] + ([med("clonidine", "oral")] if rng.random() < 0.4 else [])
                        + ([med("buprenorphine", "sublingual")] if rng.random() < 0.5 else []) + ([med("sleep_and_mood", "oral")] if rng.random() < 0.4 else []),
            stance="abstinence_based",
            therapies=pick(["twelve_step", "cbt", "family_therapy", "group_therapy", "individual_therapy", "workshops", "trauma_therapy", "rebt", "counselling", "community_reinforcement"], 3, 6),
            conditions=pick(["anxiety", "depression", "ptsd", "ocd", "eating_disorders", "bipolar", "adhd"], 1, 4),
            groups=pick(["women", "men", "young_adults", "lgbtq", "veterans"], 0, 1),
            programme_days=sorted(rng.sample([28, 42, 60, 90, 120], rng.randint(1, 3))),
            aftercare={"kinds": pick(["weekly_groups", "relapse_prevention_plan", "family_support", "sober_living", "return_if_struggling", "counsellor_access"], 2, 4),
                       "months": rng.choice([6, 12, 12, 24]), "free": rng.random() < 0.7},
            cost={"funding": (["free_charity", "nhs"] if charity else ["self_pay"] + (["insurance"] if rng.random() < 0.6 else [])),
                  **({} if charity else {"price": {"from": low, "to": low + rng.choice([600, 900, 1500]), "currency": "GBP"}})},
            credentials=[{"code": "cqc_registered", "rating": rng.choice(["good", "outstanding", "good", "requires_improvement", "inadequate"])},
                         {"code": "bacp_counsellors"}] + ([{"code": "registered_doctors"}] if rng.random() < 0.6 else []),
            visiting=rng.choice(["Visits on Sunday afternoons after the first two weeks.", "No visits in the first week; then Saturdays 2–5pm.", None]),
            phone_policy=rng.choice(["Phones are handed in on arrival; supervised calls home twice a week.", "Personal phones are allowed in the evenings.", None]),
            family_involvement=rng.choice(["A family weekend every month and optional family therapy sessions.", "Families are invited to a day of workshops halfway through.", None]),
        )
        if charity:
            clinic["summary"] = "A charity-run residential rehab with free places funded by local councils and donations. There may be a waiting list."
        if rng.random() < 0.3:
            clinic["outcomes"] = [{"claim": f"{rng.randint(55, 75)}% of residents completed their programme in 2025.", "source": "Our own annual report, 2025"}]
    elif a == "uk_hat":
        clinic.update(summary="An NHS clinic offering prescribed diamorphine, taken under supervision, for people not helped by other treatments.",
                      settings=["outpatient"], medications=[med("diamorphine", "injectable"), med("methadone", "oral"), med("naloxone_kit")],
                      stance="maintenance", therapies=["individual_therapy", "counselling"], groups=["homeless", "criminal_justice"],
                      conditions=["psychosis", "personality_disorders", "depression"],
                      aftercare={"kinds": ["peer_support", "employment_support"], "free": True}, cost={"funding": ["nhs"]},
                      credentials=[{"code": "cqc_registered", "rating": "good"}, {"code": "registered_doctors"}])
    elif a == "uk_women":
        clinic.update(summary="A residential service for women, including pregnant women and mothers, with a nursery on site.",
                      settings=["residential"], detox=["medically_supervised"],
                      medications=[med("buprenorphine", "sublingual"), med("methadone", "oral")], stance="both",
                      therapies=["trauma_therapy", "group_therapy", "family_therapy", "counselling"], conditions=["ptsd", "anxiety", "eating_disorders"],
                      groups=["women", "pregnant_women", "parents_with_children"], programme_days=[90, 180],
                      aftercare={"kinds": ["sober_living", "family_support", "peer_support"], "months": 12, "free": True},
                      cost={"funding": ["nhs", "free_charity"]}, credentials=[{"code": "cqc_registered", "rating": "outstanding"}, {"code": "bacp_counsellors"}],
                      visiting="Children live with their mothers; other visitors at weekends.")
    elif a == "uk_young":
        clinic.update(summary="A service for young people under 18 and their families, with outreach in schools and youth centres.",
                      settings=["outpatient"], medications=[med("buprenorphine", "sublingual")], stance="both",
                      therapies=["family_therapy", "motivational", "individual_therapy"], conditions=["anxiety", "depression", "adhd"],
                      groups=["young_people"], aftercare={"kinds": ["family_support"], "free": True}, cost={"funding": ["nhs"]},
                      credentials=[{"code": "cqc_registered", "rating": "good"}])
    elif a == "us_otp":
        clinic.update(summary="A certified opioid treatment program dispensing methadone daily, with counseling and take-home doses as people progress.",
                      settings=["outpatient"], detox=["outpatient_detox"],
                      medications=[med("methadone", "oral"), med("buprenorphine_naloxone", "sublingual"), med("naloxone_kit")]
                      + ([med("naltrexone", "depot_injection")] if rng.random() < 0.4 else []),
                      stance="maintenance", therapies=pick(["counselling", "contingency_management", "group_therapy", "individual_therapy", "motivational"], 2, 4),
                      conditions=pick(["depression", "anxiety", "bipolar", "ptsd"], 0, 2), groups=pick(["pregnant_women", "criminal_justice", "older_adults"], 0, 2),
                      aftercare={"kinds": ["counsellor_access", "peer_support"], "free": rng.random() < 0.5},
                      cost={"funding": pick(["medicaid", "medicare", "insurance", "self_pay", "sliding_scale", "military_insurance"], 3, 5),
                            "price": {"from": rng.choice([90, 110, 125, 140]), "currency": "USD"}},
                      credentials=[{"code": "certified_otp"}, {"code": "state_licence", "reference": f"OTP-{rng.randint(1000, 9999)}"},
                                   {"code": rng.choice(["carf", "joint_commission"])}])
        if rng.random() < 0.5:
            clinic["languages"] += ["es"]
    elif a == "us_office_bup":
        clinic.update(summary="An office-based practice prescribing buprenorphine, including the monthly injection, usually with same-week appointments.",
                      settings=["outpatient"], detox=["outpatient_detox"],
                      medications=[med("buprenorphine", "sublingual", *(["depot_injection"] if rng.random() < 0.7 else []), *(["implant"] if rng.random() < 0.3 else [])),
                                   med("buprenorphine_naloxone", "sublingual")] + ([med("naltrexone", "oral", "depot_injection")] if rng.random() < 0.6 else [])
                      + ([med("clonidine", "oral")] if rng.random() < 0.3 else []),
                      stance="both", therapies=pick(["matrix_model", "motivational", "cbt", "individual_therapy", "counselling"], 1, 3),
                      conditions=pick(["depression", "anxiety", "adhd", "ptsd"], 1, 3),
                      aftercare={"kinds": ["counsellor_access"], "free": False},
                      cost={"funding": pick(["insurance", "medicaid", "medicare", "self_pay", "sliding_scale"], 2, 4),
                            "price": {"from": rng.choice([75, 100, 150]), "to": rng.choice([200, 250]), "currency": "USD"}},
                      credentials=[{"code": "state_licence"}, {"code": "registered_doctors"}])
        if rng.random() < 0.4:
            clinic["languages"] += pick(["es", "vi", "zh", "ht", "pt"], 1, 2)
    elif a == "us_residential":
        low = rng.choice([3500, 5000, 7500, 9000])
        clinic.update(summary=rng.choice(["A residential treatment center with medical detox, daily groups and family programming.",
                                          "A 12-step based residential program on a rural campus, with sober living on site."]),
                      settings=["residential"] + (["inpatient"] if rng.random() < 0.5 else []), detox=["medically_supervised"],
                      medications=[med("buprenorphine", "sublingual"), med("clonidine", "oral")] + ([med("naltrexone", "depot_injection")] if rng.random() < 0.5 else []),
                      stance=rng.choice(["abstinence_based", "both"]),
                      therapies=pick(["twelve_step", "cbt", "family_therapy", "group_therapy", "matrix_model", "trauma_therapy", "workshops", "community_reinforcement"], 3, 6),
                      conditions=pick(["anxiety", "depression", "ptsd", "bipolar", "ocd", "eating_disorders"], 1, 4),
                      groups=pick(["men", "women", "young_adults", "veterans"], 0, 1),
                      programme_days=sorted(rng.sample([30, 45, 60, 90], rng.randint(1, 3))),
                      aftercare={"kinds": pick(["weekly_groups", "sober_living", "relapse_prevention_plan", "family_support", "return_if_struggling"], 2, 4),
                                 "months": rng.choice([3, 6, 12]), "free": rng.random() < 0.5},
                      cost={"funding": pick(["insurance", "self_pay", "military_insurance", "medicaid"], 1, 3),
                            "price": {"from": low, "to": low + rng.choice([2000, 4000]), "currency": "USD"}},
                      credentials=[{"code": "state_licence"}, {"code": rng.choice(["joint_commission", "carf"])}],
                      visiting=rng.choice(["Family visits on Sundays.", "Visits after the first 7 days.", None]),
                      phone_policy=rng.choice(["Phones are kept by staff; calls allowed in the evening.", None]))
    elif a == "us_veterans":
        clinic.update(summary="A program for veterans and service members, with staff who have served.",
                      settings=["residential", "outpatient"], detox=["medically_supervised"],
                      medications=[med("buprenorphine", "sublingual", "depot_injection"), med("naltrexone", "depot_injection")], stance="both",
                      therapies=["trauma_therapy", "cbt", "group_therapy"], conditions=["ptsd", "depression", "anxiety"], groups=["veterans"],
                      programme_days=[30, 60], aftercare={"kinds": ["peer_support", "employment_support", "sober_living"], "months": 12, "free": True},
                      cost={"funding": ["military_insurance", "public_funding"]}, credentials=[{"code": "carf"}, {"code": "state_licence"}])
    elif a == "us_lgbtq":
        clinic.update(summary="An affirming outpatient and residential program run by and for LGBTQ+ people.",
                      settings=["residential", "outpatient"], medications=[med("buprenorphine", "sublingual")], stance="both",
                      therapies=["group_therapy", "trauma_therapy", "individual_therapy"], conditions=["depression", "anxiety", "ptsd"],
                      groups=["lgbtq", "young_adults"], programme_days=[30, 60],
                      aftercare={"kinds": ["peer_support", "weekly_groups"], "months": 6, "free": True},
                      cost={"funding": ["insurance", "sliding_scale", "medicaid"], "price": {"from": 2800, "currency": "USD"}},
                      credentials=[{"code": "joint_commission"}])
    elif a == "us_rapid":
        clinic.update(summary="A private clinic offering rapid detox, including under general anesthesia, followed by a naltrexone implant.",
                      settings=["inpatient"], detox=["rapid_detox", "anaesthesia_rapid_detox"], medications=[med("naltrexone", "implant")],
                      stance="abstinence_based", therapies=["individual_therapy"], programme_days=[3],
                      cost={"funding": ["self_pay"], "price": {"from": 12000, "currency": "USD"}}, credentials=[{"code": "state_licence"}])
    elif a == "us_ibogaine":
        clinic.update(summary="A referral service that arranges ibogaine treatment at a partner clinic abroad, with preparation and follow-up calls at home.",
                      settings=["residential"], medications=[med("ibogaine")], stance="abstinence_based", therapies=["individual_therapy", "workshops"],
                      programme_days=[7, 14], aftercare={"kinds": ["counsellor_access"], "months": 3, "free": False},
                      cost={"funding": ["self_pay"], "price": {"from": 6500, "to": 9500, "currency": "USD"}})
    elif a == "us_day":
        clinic.update(summary="An intensive outpatient program: three hours a day, several days a week, around work or school.",
                      settings=["day_programme", "outpatient"], medications=[med("buprenorphine", "sublingual"), med("naltrexone", "oral")],
                      stance="both", therapies=pick(["matrix_model", "cbt", "group_therapy", "contingency_management", "family_therapy"], 2, 4),
                      conditions=pick(["anxiety", "depression", "adhd"], 1, 2), groups=pick(["young_adults", "women", "men"], 0, 1),
                      programme_days=[56, 84], aftercare={"kinds": ["weekly_groups", "relapse_prevention_plan"], "months": 6, "free": True},
                      cost={"funding": pick(["insurance", "medicaid", "sliding_scale", "self_pay"], 2, 3), "price": {"from": 450, "to": 900, "currency": "USD"}},
                      credentials=[{"code": "state_licence"}, {"code": "carf"}])
    follow_nation_and_kind(clinic, a, region, n)
    follow_the_fields(clinic, a, n)
    # Drop empty or unknown values so the file reads like a real one.
    for key in list(clinic):
        if clinic[key] in (None, [], {}):
            del clinic[key]
    for key in ("visiting", "phone_policy", "family_involvement"):
        if key in clinic and clinic[key] is None:
            del clinic[key]
    return clinic


# Each UK nation has its own regulators (the CQC is England's): live-in and day services register
# with the care regulator; the healthcare one inspects NHS services and registers private clinics
# that give medical care such as detox.
REGULATORS = {
    "Scotland": ("care_inspectorate", "healthcare_improvement_scotland"),
    "Wales": ("ciw", "hiw"),
    "Northern Ireland": ("rqia", "rqia"),
}


def follow_nation_and_kind(clinic, archetype, region, n):
    """Fixed choices that follow where a clinic is and what kind it is (no random draws, so the rest
    of the seeded sample is unchanged)."""
    if region in REGULATORS:
        care, health = REGULATORS[region]
        settings = clinic.get("settings", [])
        codes = []
        if "residential" in settings or "day_programme" in settings:
            codes.append(care)
        if "residential" not in settings or "inpatient" in settings or "medically_supervised" in clinic.get("detox", []):
            codes.append(health)
        regulators = [{"code": c} for c in dict.fromkeys(codes)]
        others = [c for c in clinic.get("credentials", []) if c["code"] != "cqc_registered"]
        clinic["credentials"] = regulators + others
    if archetype == "nhs_community":
        clinic["therapies"] = clinic.get("therapies", []) + ["keyworker"]
    if archetype == "us_day":
        php = n % 2 == 0
        clinic["settings"] = ["partial_hospitalisation" if php else "intensive_outpatient", "outpatient"]
        if php:
            clinic["summary"] = "A partial hospitalization program: treatment for most of the day, five days a week, going home each night."
    for m in clinic.get("medications", []):
        if m["code"] == "naltrexone" and "implant" in m.get("forms", []):
            m["code"] = "naltrexone_implant"


# Opioid medicines a person can stay on (opioid agonist treatment), and medicines that only ease
# withdrawal.
AGONISTS = ("methadone", "buprenorphine", "buprenorphine_naloxone", "diamorphine")
WITHDRAWAL_ONLY = ("lofexidine", "clonidine")
NAMES = {"methadone": "methadone", "buprenorphine": "buprenorphine", "buprenorphine_naloxone": "buprenorphine with naloxone",
         "diamorphine": "prescribed heroin (diamorphine)", "lofexidine": "lofexidine", "clonidine": "clonidine", "ibogaine": "ibogaine",
         "anxiety": "anxiety", "depression": "depression", "ptsd": "PTSD", "ocd": "OCD", "eating_disorders": "eating disorders",
         "bipolar": "bipolar disorder", "adhd": "ADHD", "psychosis": "psychosis", "personality_disorders": "personality disorders",
         "weekly_groups": "weekly groups", "peer_support": "peer support", "counsellor_access": "a counsellor to call on",
         "family_support": "family support", "employment_support": "help with work", "sober_living": "sober living",
         "relapse_prevention_plan": "a plan for staying well", "return_if_struggling": "a place to come back to",
         "care_inspectorate": "Care Inspectorate", "healthcare_improvement_scotland": "Healthcare Improvement Scotland",
         "ciw": "Care Inspectorate Wales", "hiw": "Healthcare Inspectorate Wales", "rqia": "RQIA"}


def spoken(codes):
    """'a', 'a and b', 'a, b and c'."""
    words = [NAMES.get(c, c.replace("_", " ")) for c in codes]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def follow_the_fields(clinic, archetype, n):
    """Makes the sample agree with itself: each medicine's purpose follows the approach, and each
    published answer is written from the structured fields (which answers a clinic publishes is
    still the seeded draw). No random draws, so nothing else in the sample moves."""
    stance = clinic.get("stance")
    meds = clinic.get("medications", [])
    for m in meds:
        if m["code"] in WITHDRAWAL_ONLY or (m["code"] in AGONISTS and stance == "abstinence_based"):
            m["purpose"] = "detox"
        elif m["code"] in AGONISTS or m["code"].startswith("naltrexone"):
            m["purpose"] = "ongoing"
        # The US buprenorphine implant (Probuphine) is no longer made.
        if clinic["location"]["country"] == "US" and m["code"] == "buprenorphine" and "implant" in m["forms"]:
            m["forms"].remove("implant")
    if clinic["location"]["country"] == "GB":
        # NICE advises against using clonidine routinely for withdrawal.
        clinic["medications"] = meds = [m for m in meds if m["code"] != "clonidine"]
    answers = clinic.get("answers", {})
    for qid in list(answers):
        answers[qid] = ANSWER_FROM_FIELDS[qid](clinic, archetype)
    # The newer questions: answered by about two in three services.
    for qid in ("cost", "naloxone", "staff", "mental_health"):
        text = ANSWER_FROM_FIELDS[qid](clinic, archetype)
        if text and (n + len(qid)) % 3:
            answers[qid] = text
    clinic["answers"] = {q: a for q, a in answers.items() if a}


def answer_medication(c, _):
    meds = c.get("medications", [])
    ongoing = [m for m in meds if m["code"] in AGONISTS and m.get("purpose") == "ongoing"]
    detox = [m["code"] for m in meds if m["code"] in AGONISTS and m.get("purpose") == "detox"]
    naltrexone = any(m["code"].startswith("naltrexone") for m in meds)
    if ongoing:
        codes = list(dict.fromkeys(m["code"] for m in ongoing))
        text = f"Yes: {spoken(codes)}"
        if any("depot_injection" in m["forms"] for m in ongoing):
            text += ", including the monthly injection"
        text += ". There is no time limit, and it can go on after they leave."
        if "methadone" not in codes and c["location"]["country"] == "US":
            text += " For methadone we refer to an opioid treatment program."
        return text
    if c.get("stance") == "abstinence_based":
        text = (f"We use {spoken(detox)} only to ease withdrawal during detox, then reduce it to nothing. " if detox else "No. ")
        text += "We are an abstinence-based service. If someone needs to stay on methadone or buprenorphine, we help them find a service that can."
        if naltrexone:
            text += " After detox we can start naltrexone, which blocks opioids."
        return text
    return "No. We do not prescribe methadone or buprenorphine."


def answer_detox(c, _):
    detox = c.get("detox", [])
    used = [m["code"] for m in c.get("medications", []) if m.get("purpose") == "detox"]
    if "rapid_detox" in detox:
        return "Yes: a doctor gives naltrexone under sedation or anesthesia, in our hospital suite."
    if "medically_supervised" in detox:
        text = "Yes. A doctor is in charge, and nurses check on them day and night."
        return text + (f" We may use {spoken(used)} to ease withdrawal." if used else "")
    if "outpatient_detox" in detox:
        return "Yes. A doctor prescribes the medicine, and we see them often while the dose is brought down at home."
    return "We do not provide detox; we refer people to a hospital unit or community service."


def live_in(c):
    return any(s in c.get("settings", []) for s in ("residential", "inpatient"))


def answer_use_again(c, _):
    if c.get("stance") == "abstinence_based" and live_in(c):
        return "Using on site means leaving the house, but we help plan what comes next and keep a place open."
    if c.get("stance") == "abstinence_based":
        return "We review their care with them and check they are safe."
    return "We talk it through and change the plan with them. No one is asked to leave for using."


def answer_wait(c, archetype):
    if archetype == "uk_charity_residential":
        return "There is a waiting list; call us to check how long it is now."
    if live_in(c):
        return "About four weeks for a live-in place; sooner for a first talk."
    if archetype == "nhs_community":
        return "Usually one to two weeks after a first call."
    return "We can often see people the same week."


def answer_aftercare(c, _):
    a = c.get("aftercare")
    if not a:
        return "We do not run aftercare; we give everyone a list of local services."
    kinds = spoken(a["kinds"]) if a.get("kinds") else "support"
    cost = {True: ", free", False: ", at extra cost"}.get(a.get("free"), "")
    if a.get("months"):
        return f"Yes: {a['months']} months of {kinds}{cost}."
    return f"Yes: {kinds}, for as long as people want it{cost}."


def answer_results(c, archetype):
    if archetype in ("us_rapid", "us_ibogaine"):
        return None
    return f"Last year {50 + len(c['id']) % 30}% of people who started were still in treatment at 6 months (our own figures, 2025)."


def answer_cost(c, _):
    cost = c.get("cost", {})
    funding, price = cost.get("funding", []), cost.get("price")
    if "nhs" in funding:
        return "It is free on the NHS." + (" Some places are also funded by charity." if "free_charity" in funding else "")
    if price:
        sign = "£" if price["currency"] == "GBP" else "$"
        text = f"From {sign}{price['from']:,} a week" + (f", up to {sign}{price['to']:,}" if price.get("to") else "")
        text += ", including meals and therapy." if live_in(c) else "."
        if any(f in funding for f in ("insurance", "medicaid", "medicare", "military_insurance")):
            text += " Insurance may cover some or all of it; we can check."
        return text
    return None


def answer_naloxone(c, _):
    if any(m["code"] == "naloxone_kit" for m in c.get("medications", [])):
        return "Yes. Everyone is offered a naloxone kit and shown how to use it. Family can have one too."
    return None


def answer_staff(c, _):
    for cred in c.get("credentials", []):
        if cred["code"] == "cqc_registered" and cred.get("rating"):
            return f"Doctors, nurses and counsellors. Our last CQC inspection rated us {cred['rating'].replace('_', ' ')}."
        if cred["code"] in NAMES:
            return f"Doctors, nurses and counsellors. The {NAMES[cred['code']]} report on our last inspection is on its website."
    if any(cred["code"] == "state_licence" for cred in c.get("credentials", [])):
        return "Licensed counselors, nurses and a doctor who can prescribe. We are licensed by the state."
    return None


def answer_mental_health(c, _):
    if c.get("conditions"):
        return f"Yes. Our team can help with {spoken(c['conditions'])} at the same time."
    return "We work with local mental health services and can refer people to them."


ANSWER_FROM_FIELDS = {"medication": answer_medication, "detox": answer_detox, "use_again": answer_use_again,
                      "wait": answer_wait, "aftercare": answer_aftercare, "results": answer_results, "cost": answer_cost,
                      "naloxone": answer_naloxone, "staff": answer_staff, "mental_health": answer_mental_health}


def who_and_help(clinics):
    """Who each US service takes and the other help it offers, as a FindTreatment.gov import gives
    them. A second generator, so the rest of the sample stays as it was."""
    r = random.Random(2026)
    us = [c for c in clinics if c["location"]["country"] == "US"]
    for n, c in enumerate(us):
        groups = c.get("groups", [])
        if "young_people" in groups:
            accepts = ["under_18"]
        elif "women" in groups or "men" in groups:
            accepts = ["women" if "women" in groups else "men", "adults"]
        else:
            accepts = ["women", "men", "adults"]
            accepts += [a for a in ("young_adults", "older_adults") if r.random() < 0.5]
            if n % 9 == 4:
                accepts.append("under_18")
        if c.get("medications") and r.random() < 0.6:
            accepts.append("on_medication")
        order = ["women", "men", "under_18", "young_adults", "adults", "older_adults", "on_medication"]
        c["accepts"] = [a for a in order if a in accepts]
        help_ = ["telehealth", "overdose_training", "hiv_testing", "hepatitis_testing", "transport",
                 "housing_help", "case_management", "stop_smoking", "physical_health"]
        c["services"] = [h for h in help_ if r.random() < (0.8 if h in ("telehealth", "overdose_training") else 0.3)]
        if n % 7 == 0 and "women" not in groups and "men" not in groups:
            c["groups"] = groups + ["women_programme" if n % 14 == 0 else "men_programme"]
        if n % 5 == 0:
            c["cost"]["funding"] = c["cost"]["funding"] + ["payment_help"]


def main():
    clinics = []
    uk = list(UK_TOWNS)
    us = list(US_TOWNS)
    names = set()
    for n, archetype in enumerate(PLAN):
        pool = uk if ARCHETYPES[archetype]["country"] == "GB" else us
        town = pool[n % len(pool)]
        clinic = build(archetype, n, town)
        # Names are unique in the sample, so families (and tests) can tell entries apart by name.
        if clinic["name"] in names:
            clinic["name"] = f"{FIRST[n % len(FIRST)]} {clinic['name']}"
        names.add(clinic["name"])
        clinics.append(clinic)
    who_and_help(clinics)
    doc = {
        "$schema": "catalogue.schema.json",
        "schema_version": 1,
        "publisher": {
            "name": "clinic-compare sample catalogue",
            "url": "https://clinic-compare.example/",
            "contact": "catalogue@clinic-compare.example",
            "updated": "2026-11-01",
            "attribution": "All clinics in this sample are fictional. Towns and places are real; names, numbers and answers are invented.",
        },
        "clinics": clinics,
    }
    print(json.dumps(doc, indent=1, ensure_ascii=False))


main()
