//! FindTreatment.gov facility-listing CSV exports (SAMHSA's public treatment locator) as a catalogue.
//!
//! The format is described in `findtreatment-format.md` (shared notes) and `docs/catalogue.md`:
//! 17 identity columns, then one `1`/empty flag column per SAMHSA service code. A site listed in
//! both the substance-use (`SU`) and mental-health (`MH`) directories has one row in each; rows
//! of one site are merged (flags OR-ed, the SU row's contact details preferred). Sites with no SU
//! row are left out. Each service code maps onto the shared vocabulary where it has an
//! equivalent ([`mapping`]); the others become catalogue extra features labelled with their
//! official meaning, so nothing is dropped silently.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{
    check, csv_reader, normalise_phone, normalise_website, stable_id, today, ImportError, Imported, Skipped, Summary,
};
use crate::catalogue::vocabulary::{self, Group};
use crate::catalogue::{
    Aftercare, Catalogue, Clinic, Contact, Credential, ExtraFeature, Location, MedicationOffer, Publisher,
};

/// What one service code means in our vocabulary. A code may map to several targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Setting(&'static str),
    Detox(&'static str),
    /// A medication, and the form the code implies, if any.
    Medication(&'static str, Option<&'static str>),
    Therapy(&'static str),
    Condition(&'static str),
    SpecialGroup(&'static str),
    Aftercare(&'static str),
    Funding(&'static str),
    Credential(&'static str),
    /// A BCP 47 language code.
    Language(&'static str),
}

use Target::*;

/// The vocabulary targets of a service code (lower case, as in the CSV header). Empty: the code has
/// no equivalent and is kept as an extra feature. `dt` (detoxification) and the maintenance and
/// detox medication codes also feed the derived detox kind and stance (see [`import`]).
pub fn mapping(code: &str) -> &'static [Target] {
    match code {
        // Service settings.
        "hi" | "hit" => &[Setting("inpatient")],
        "hid" => &[Setting("inpatient"), Detox("medically_supervised")],
        "res" | "rs" | "rl" => &[Setting("residential")],
        "rd" => &[Setting("residential"), Detox("medically_supervised")],
        "op" | "ort" | "oit" | "omb" => &[Setting("outpatient")],
        "od" => &[Setting("outpatient"), Detox("outpatient_detox")],
        "phdt" | "odt" | "ph" => &[Setting("day_programme")],
        // Medications for opioid use disorder, with the forms the code names.
        "mm" | "dm" | "meth" | "mu" => &[Medication("methadone", None)],
        "bum" | "db" | "bu" | "ub" => &[Medication("buprenorphine", None)],
        "bwon" => &[Medication("buprenorphine", Some("sublingual"))],
        "beri" => &[Medication("buprenorphine", Some("depot_injection"))],
        "bsdm" => &[Medication("buprenorphine", Some("implant"))],
        "bwn" => &[Medication("buprenorphine_naloxone", Some("sublingual"))],
        "rpn" | "nu" | "un" => &[Medication("naltrexone", None)],
        "nxn" => &[Medication("naltrexone", Some("oral"))],
        "vtrl" => &[Medication("naltrexone", Some("depot_injection"))],
        "lfxd" => &[Medication("lofexidine", None)],
        "clnd" => &[Medication("clonidine", None)],
        "otp" | "sotp" => &[Credential("certified_otp")],
        // Treatment approaches.
        "cbt" => &[Therapy("cbt")],
        "cmi" => &[Therapy("contingency_management")],
        "twfa" => &[Therapy("twelve_step")],
        "crv" => &[Therapy("community_reinforcement")],
        "cft" | "fco" => &[Therapy("family_therapy")],
        "moti" => &[Therapy("motivational")],
        "mxm" => &[Therapy("matrix_model")],
        "gt" | "gco" => &[Therapy("group_therapy")],
        "ipt" | "ico" => &[Therapy("individual_therapy")],
        "trc" => &[Therapy("trauma_therapy")],
        "saca" => &[Therapy("counselling")],
        // Co-occurring conditions.
        "ptsd" => &[Condition("ptsd")],
        "ped" => &[Condition("eating_disorders")],
        "pefp" => &[Condition("psychosis")],
        // Special programmes and groups.
        "wn" => &[SpecialGroup("women")],
        "mn" => &[SpecialGroup("men")],
        "pw" => &[SpecialGroup("pregnant_women")],
        "bc" | "ccc" => &[SpecialGroup("parents_with_children")],
        "ad" => &[SpecialGroup("young_people")],
        "tay" => &[SpecialGroup("young_adults")],
        "se" => &[SpecialGroup("older_adults")],
        "vet" | "adm" => &[SpecialGroup("veterans")],
        "cj" => &[SpecialGroup("criminal_justice")],
        // Recovery support and aftercare.
        "acc" => &[Aftercare("counsellor_access")],
        "hh" | "sh" => &[Aftercare("sober_living")],
        "peer" | "shg" | "rc" => &[Aftercare("peer_support")],
        "emp" | "semp" | "voc" | "vrs" | "hs" => &[Aftercare("employment_support")],
        "fpsy" => &[Aftercare("family_support")],
        // Payment.
        "md" => &[Funding("medicaid")],
        "mc" => &[Funding("medicare")],
        "pi" => &[Funding("insurance")],
        "mi" | "vaf" => &[Funding("military_insurance")],
        "sf" => &[Funding("self_pay")],
        "ss" => &[Funding("sliding_scale")],
        "si" | "fsa" | "samf" | "smha" | "swfs" | "scjj" | "sef" | "osf" | "clf" | "csbg" | "cmhg" | "itu" | "fg"
        | "pcf" => &[Funding("public_funding")],
        // Licences and accreditation.
        "carf" => &[Credential("carf")],
        "jc" => &[Credential("joint_commission")],
        "stag" | "stmh" | "stdh" => &[Credential("state_licence")],
        // Languages other than English.
        "sp" => &[Language("es")],
        "ah" => &[Language("sgn-us")],
        "f17" => &[Language("zh")],
        "f25" => &[Language("fa")],
        "f28" => &[Language("fr")],
        "f30" => &[Language("de")],
        "f31" => &[Language("el")],
        "f35" => &[Language("he")],
        "f36" => &[Language("hi")],
        "f37" => &[Language("hmn")],
        "f4" => &[Language("ar")],
        "f42" => &[Language("it")],
        "f43" => &[Language("ja")],
        "f47" => &[Language("ko")],
        "f66" => &[Language("pl")],
        "f67" => &[Language("pt")],
        "f70" => &[Language("ru")],
        "f81" => &[Language("tl")],
        "f92" => &[Language("vi")],
        "n24" => &[Language("oj")],
        "n40" => &[Language("ypk")],
        _ => &[],
    }
}

/// Codes that say nothing beyond "this row is in the substance-use directory", which every
/// imported clinic is. `dt` is turned into a detox kind by a rule instead (see [`import`]).
pub const IMPLIED: [&str; 2] = ["sa", "dt"];

/// The identity, contact and location columns; every other column is a service flag.
pub const IDENTITY_COLUMNS: [&str; 17] = [
    "name1",
    "name2",
    "street1",
    "street2",
    "city",
    "state",
    "zip",
    "zip4",
    "county",
    "phone",
    "intake_prompt",
    "intake1",
    "intake2",
    "website",
    "latitude",
    "longitude",
    "type_facility",
];

/// Columns without which rows cannot be told apart or placed.
pub const REQUIRED_COLUMNS: [&str; 6] = ["name1", "street1", "city", "state", "zip", "type_facility"];

/// Every service code in the locator's key: code, official meaning (empty where the key does not
/// confirm one), and its category in the key.
pub static CODES: &[(&str, &str, &str)] = &[
    ("mh", "Mental health treatment", "Type of Care"),
    ("sa", "Substance use treatment", "Type of Care"),
    ("dt", "Detoxification", "Type of Care"),
    (
        "hh",
        "Transitional housing, halfway house, or sober home",
        "Type of Care",
    ),
    (
        "sumh",
        "Treatment for co-occurring substance use plus serious mental health illness",
        "Type of Care",
    ),
    ("hi", "Hospital inpatient/24-hour hospital inpatient", "Service Setting"),
    ("res", "Residential/24-hour residential", "Service Setting"),
    ("phdt", "Partial hospitalization/day treatment", "Service Setting"),
    ("op", "Outpatient", "Service Setting"),
    ("rs", "Short-term residential", "Service Setting"),
    ("rl", "Long-term residential", "Service Setting"),
    ("rd", "Residential detoxification", "Service Setting"),
    ("od", "Outpatient detoxification", "Service Setting"),
    (
        "omb",
        "Outpatient methadone/buprenorphine or naltrexone treatment",
        "Service Setting",
    ),
    (
        "odt",
        "Outpatient day treatment or partial hospitalization",
        "Service Setting",
    ),
    ("oit", "Intensive outpatient treatment", "Service Setting"),
    ("ort", "Regular outpatient treatment", "Service Setting"),
    ("hid", "Hospital inpatient detoxification", "Service Setting"),
    ("hit", "Hospital inpatient treatment", "Service Setting"),
    ("gh", "General Hospital (including VA hospital)", "Hospitals"),
    ("psyh", "Psychiatric hospital", "Hospitals"),
    ("psy", "Psychiatric hospital", "Facility Type (mental-health directory)"),
    (
        "rtcc",
        "Residential treatment center (RTC) for children",
        "Facility Type (mental-health directory)",
    ),
    (
        "rtca",
        "Residential treatment center (RTC) for adults",
        "Facility Type (mental-health directory)",
    ),
    (
        "ores",
        "Other residential treatment facility",
        "Facility Type (mental-health directory)",
    ),
    (
        "ph",
        "Partial hospitalization/day treatment",
        "Facility Type (mental-health directory)",
    ),
    (
        "omh",
        "Outpatient mental health facility",
        "Facility Type (mental-health directory)",
    ),
    (
        "cmhc",
        "Community mental health center",
        "Facility Type (mental-health directory)",
    ),
    (
        "msmh",
        "Multi-setting mental health facility",
        "Facility Type (mental-health directory)",
    ),
    (
        "cbhc",
        "Certified Community Behavioral Health Clinic",
        "Facility Type (mental-health directory)",
    ),
    (
        "ipsy",
        "Separate inpatient psychiatric unit of a general hospital",
        "Facility Type (mental-health directory)",
    ),
    ("shp", "State hospital", "Facility Type (mental-health directory)"),
    (
        "vahc",
        "Veterans Affairs Medical Center or other VA healthcare facility",
        "Facility Type (mental-health directory)",
    ),
    (
        "bu",
        "Buprenorphine used in Treatment",
        "Opioid Medications used in Treatment",
    ),
    (
        "nu",
        "Naltrexone used in Treatment",
        "Opioid Medications used in Treatment",
    ),
    (
        "mu",
        "Methadone used in Treatment",
        "Opioid Medications used in Treatment",
    ),
    (
        "inpe",
        "In-network prescribing entity",
        "External Opioid Medications Source",
    ),
    (
        "rpe",
        "Other contracted prescribing entity",
        "External Opioid Medications Source",
    ),
    (
        "pc",
        "No formal relationship with prescribing entity",
        "External Opioid Medications Source",
    ),
    ("mm", "Methadone maintenance", "Type of Opioid Treatment (MAT services)"),
    (
        "dm",
        "Methadone detoxification",
        "Type of Opioid Treatment (MAT services)",
    ),
    (
        "bum",
        "Buprenorphine maintenance",
        "Type of Opioid Treatment (MAT services)",
    ),
    (
        "db",
        "Buprenorphine detoxification",
        "Type of Opioid Treatment (MAT services)",
    ),
    (
        "rpn",
        "Relapse prevention with naltrexone",
        "Type of Opioid Treatment (MAT services)",
    ),
    (
        "noop",
        "Does not treat opioid use disorders",
        "Type of Opioid Treatment (MAT services)",
    ),
    (
        "pain",
        "Use methadone/buprenorphine for pain management or emergency dosing",
        "Type of Opioid Treatment (MAT services)",
    ),
    (
        "nmoa",
        "Does not use MAT for opioid use disorders",
        "Type of Opioid Treatment (MAT services)",
    ),
    (
        "moa",
        "Accepts clients using MAT but prescribed elsewhere",
        "Type of Opioid Treatment (MAT services)",
    ),
    (
        "otp",
        "Federally-certified Opioid Treatment Program",
        "Type of Opioid Treatment (MAT services)",
    ),
    (
        "ub",
        "Prescribes buprenorphine",
        "Type of Opioid Treatment (MAT services)",
    ),
    ("un", "Prescribes naltrexone", "Type of Opioid Treatment (MAT services)"),
    (
        "dlc",
        "Lofexidine or Clonidine detoxification",
        "Type of Opioid Treatment (MAT services)",
    ),
    (
        "mws",
        "Maintenance service with medically supervised withdrawal after stabilization",
        "Type of Opioid Treatment (MAT services)",
    ),
    (
        "naut",
        "Does not treat alcohol use disorder",
        "Type of Alcohol Use Disorder Treatment",
    ),
    (
        "nmaut",
        "Does not use medication assisted treatment for alcohol use disorder",
        "Type of Alcohol Use Disorder Treatment",
    ),
    (
        "acma",
        "Accepts clients using medication assisted treatment for alcohol use disorder but prescribed elsewhere",
        "Type of Alcohol Use Disorder Treatment",
    ),
    (
        "pmat",
        "This facility administers/prescribes medication for alcohol use disorder",
        "Type of Alcohol Use Disorder Treatment",
    ),
    (
        "auinpe",
        "In-network prescribing entity",
        "External Source of Medications for Alcohol Use Disorder Treatment",
    ),
    (
        "aurpe",
        "Other contracted prescribing entity",
        "External Source of Medications for Alcohol Use Disorder Treatment",
    ),
    (
        "aupc",
        "No formal relationship with prescribing entity",
        "External Source of Medications for Alcohol Use Disorder Treatment",
    ),
    (
        "nxn",
        "Naltrexone (oral)",
        "Pharmacotherapies (substance-use directory)",
    ),
    (
        "vtrl",
        "Naltrexone (extended-release, injectable)",
        "Pharmacotherapies (substance-use directory)",
    ),
    ("meth", "Methadone", "Pharmacotherapies (substance-use directory)"),
    (
        "nrt",
        "Nicotine replacement",
        "Pharmacotherapies (substance-use directory)",
    ),
    (
        "nsc",
        "Non-nicotine smoking/tobacco cessation",
        "Pharmacotherapies (substance-use directory)",
    ),
    (
        "acm",
        "Acamprosate (Campral®)",
        "Pharmacotherapies (substance-use directory)",
    ),
    ("dsf", "Disulfiram", "Pharmacotherapies (substance-use directory)"),
    (
        "bsdm",
        "Buprenorphine sub-dermal implant",
        "Pharmacotherapies (substance-use directory)",
    ),
    (
        "bwn",
        "Buprenorphine with naloxone",
        "Pharmacotherapies (substance-use directory)",
    ),
    (
        "bwon",
        "Buprenorphine without naloxone",
        "Pharmacotherapies (substance-use directory)",
    ),
    (
        "beri",
        "Buprenorphine (extended-release, injectable)",
        "Pharmacotherapies (substance-use directory)",
    ),
    (
        "mhiv",
        "Medications for HIV treatment",
        "Pharmacotherapies (substance-use directory)",
    ),
    (
        "mhcv",
        "Medications for Hepatitis C treatment",
        "Pharmacotherapies (substance-use directory)",
    ),
    ("lfxd", "Lofexidine", "Pharmacotherapies (substance-use directory)"),
    ("clnd", "Clonidine", "Pharmacotherapies (substance-use directory)"),
    (
        "mmd",
        "Medication for mental disorders",
        "Pharmacotherapies (substance-use directory)",
    ),
    (
        "mpep",
        "Medications for pre-exposure to prophylaxis",
        "Pharmacotherapies (substance-use directory)",
    ),
    (
        "chlor",
        "Chlorpromazine",
        "Pharmacotherapies (mental-health directory: antipsychotics)",
    ),
    (
        "drope",
        "Droperidol",
        "Pharmacotherapies (mental-health directory: antipsychotics)",
    ),
    (
        "fluph",
        "Fluphenazine",
        "Pharmacotherapies (mental-health directory: antipsychotics)",
    ),
    (
        "halop",
        "Haloperidol",
        "Pharmacotherapies (mental-health directory: antipsychotics)",
    ),
    (
        "loxap",
        "Loxapine",
        "Pharmacotherapies (mental-health directory: antipsychotics)",
    ),
    (
        "perph",
        "Perphenazine",
        "Pharmacotherapies (mental-health directory: antipsychotics)",
    ),
    (
        "pimoz",
        "Pimozide",
        "Pharmacotherapies (mental-health directory: antipsychotics)",
    ),
    (
        "proch",
        "Prochlorperazine",
        "Pharmacotherapies (mental-health directory: antipsychotics)",
    ),
    (
        "thiot",
        "Thiothixene",
        "Pharmacotherapies (mental-health directory: antipsychotics)",
    ),
    (
        "thior",
        "Thioridazine",
        "Pharmacotherapies (mental-health directory: antipsychotics)",
    ),
    (
        "trifl",
        "Trifluoperazine",
        "Pharmacotherapies (mental-health directory: antipsychotics)",
    ),
    (
        "aripi",
        "Aripiprazole",
        "Pharmacotherapies (mental-health directory: antipsychotics)",
    ),
    (
        "asena",
        "Asenapine",
        "Pharmacotherapies (mental-health directory: antipsychotics)",
    ),
    (
        "brexp",
        "Brexpiprazole",
        "Pharmacotherapies (mental-health directory: antipsychotics)",
    ),
    (
        "carip",
        "Cariprazine",
        "Pharmacotherapies (mental-health directory: antipsychotics)",
    ),
    (
        "cloza",
        "Clozapine",
        "Pharmacotherapies (mental-health directory: antipsychotics)",
    ),
    (
        "ilope",
        "Iloperidone",
        "Pharmacotherapies (mental-health directory: antipsychotics)",
    ),
    (
        "luras",
        "Lurasidone",
        "Pharmacotherapies (mental-health directory: antipsychotics)",
    ),
    (
        "olanz",
        "Olanzapine",
        "Pharmacotherapies (mental-health directory: antipsychotics)",
    ),
    (
        "olanzf",
        "Olanzapine/Fluoxetine combination",
        "Pharmacotherapies (mental-health directory: antipsychotics)",
    ),
    (
        "palip",
        "Paliperidone",
        "Pharmacotherapies (mental-health directory: antipsychotics)",
    ),
    (
        "queti",
        "Quetiapine",
        "Pharmacotherapies (mental-health directory: antipsychotics)",
    ),
    (
        "rispe",
        "Risperidone",
        "Pharmacotherapies (mental-health directory: antipsychotics)",
    ),
    (
        "zipra",
        "Ziprasidone",
        "Pharmacotherapies (mental-health directory: antipsychotics)",
    ),
    (
        "antpych",
        "Antipsychotics used in treatment of SMI",
        "Pharmacotherapies (mental-health directory: antipsychotics)",
    ),
    ("ipt", "Individual psychotherapy", "Treatment Approaches"),
    ("cft", "Couples/family therapy", "Treatment Approaches"),
    ("gt", "Group therapy", "Treatment Approaches"),
    ("cbt", "Cognitive behavioral therapy", "Treatment Approaches"),
    ("dbt", "Dialectical behavior therapy", "Treatment Approaches"),
    (
        "idd",
        "Integrated Mental and Substance Use Disorder treatment",
        "Treatment Approaches",
    ),
    ("at", "Activity therapy", "Treatment Approaches"),
    ("ect", "Electroconvulsive therapy", "Treatment Approaches"),
    ("tele", "Telemedicine/telehealth therapy", "Treatment Approaches"),
    ("saca", "Substance use disorder counseling", "Treatment Approaches"),
    ("trc", "Trauma-related counseling", "Treatment Approaches"),
    ("twfa", "12-step facilitation", "Treatment Approaches"),
    ("bia", "Brief intervention", "Treatment Approaches"),
    (
        "cmi",
        "Contingency management/motivational incentives",
        "Treatment Approaches",
    ),
    ("moti", "Motivational interviewing", "Treatment Approaches"),
    ("ang", "Anger management", "Treatment Approaches"),
    ("mxm", "Matrix Model", "Treatment Approaches"),
    ("crv", "Community reinforcement plus vouchers", "Treatment Approaches"),
    ("relp", "Relapse prevention", "Treatment Approaches"),
    ("crt", "Cognitive remediation therapy", "Treatment Approaches"),
    (
        "emdr",
        "Eye Movement Desensitization and Reprocessing therapy",
        "Treatment Approaches",
    ),
    ("kit", "Ketamine Infusion Therapy", "Treatment Approaches"),
    ("tms", "Transcranial Magnetic Stimulation", "Treatment Approaches"),
    ("aim", "Abnormal involuntary movement scale", "Treatment Approaches"),
    (
        "cit",
        "Crisis intervention team",
        "Emergency Services (mental-health directory)",
    ),
    (
        "wi",
        "Psychiatric emergency walk-in services",
        "Emergency Services (mental-health directory)",
    ),
    (
        "peon",
        "Psychiatric emergency onsite services",
        "Emergency Services (mental-health directory)",
    ),
    (
        "peoff",
        "Psychiatric emergency mobile/off-site services",
        "Emergency Services (mental-health directory)",
    ),
    ("vamc", "U.S. Department of Veterans Affairs", "Facility Operation"),
    ("tbg", "Tribal government", "Facility Operation"),
    ("ih", "Indian Health Services", "Facility Operation"),
    ("stg", "State government", "Facility Operation"),
    ("lccg", "Local, county, or community government", "Facility Operation"),
    ("ddf", "Department of Defense", "Facility Operation"),
    ("pvtp", "Private for-profit organization", "Facility Operation"),
    ("pvtn", "Private non-profit organization", "Facility Operation"),
    ("fed", "Federal Government", "Facility Operation"),
    (
        "stag",
        "State Substance use treatment agency",
        "License/Certification/Accreditation",
    ),
    (
        "stmh",
        "State mental health department",
        "License/Certification/Accreditation",
    ),
    (
        "stdh",
        "State department of health",
        "License/Certification/Accreditation",
    ),
    (
        "hla",
        "Hospital licensing authority",
        "License/Certification/Accreditation",
    ),
    ("jc", "The Joint Commission", "License/Certification/Accreditation"),
    (
        "carf",
        "Commission on Accreditation of Rehabilitation Facilities (CARF)",
        "License/Certification/Accreditation",
    ),
    (
        "ncqa",
        "National Committee for Quality Assurance (NCQA)",
        "License/Certification/Accreditation",
    ),
    (
        "coa",
        "Council on Accreditation (COA)",
        "License/Certification/Accreditation",
    ),
    (
        "hfap",
        "Healthcare Facilities Accreditation Program (HFAP)",
        "License/Certification/Accreditation",
    ),
    (
        "fqhc",
        "Federally Qualified Health Center",
        "License/Certification/Accreditation",
    ),
    (
        "sotp",
        "SAMHSA certification for opioid treatment program (OTP)",
        "License/Certification/Accreditation",
    ),
    (
        "dea",
        "Drug Enforcement Agency (DEA)",
        "License/Certification/Accreditation",
    ),
    (
        "mhc",
        "Mental health clinic or mental health center",
        "License/Certification/Accreditation",
    ),
    ("np", "No payment accepted", "Payment Accepted"),
    ("sf", "Cash or self-payment", "Payment Accepted"),
    ("md", "Medicaid", "Payment Accepted"),
    ("mc", "Medicare", "Payment Accepted"),
    (
        "si",
        "State-financed health insurance plan other than Medicaid",
        "Payment Accepted",
    ),
    ("pi", "Private health insurance", "Payment Accepted"),
    ("mi", "Federal military insurance (e.g., TRICARE)", "Payment Accepted"),
    ("smha", "State mental health agency funds", "Payment Accepted"),
    (
        "swfs",
        "State welfare or child and family services funds",
        "Payment Accepted",
    ),
    (
        "scjj",
        "State corrections or juvenile justice funds",
        "Payment Accepted",
    ),
    ("sef", "State education agency funds", "Payment Accepted"),
    ("osf", "Other State funds", "Payment Accepted"),
    ("clf", "County or local government funds", "Payment Accepted"),
    ("csbg", "Community Service Block Grants", "Payment Accepted"),
    ("cmhg", "Community Mental Health Block Grants", "Payment Accepted"),
    ("vaf", "U.S. Department of VA funds", "Payment Accepted"),
    (
        "fsa",
        "Federal, or any government funding for substance use treatment programs",
        "Payment Accepted",
    ),
    ("itu", "IHS/Tribal/Urban (ITU) funds", "Payment Accepted"),
    ("fg", "Federal Grants", "Payment Accepted"),
    ("pcf", "Private or Community foundation", "Payment Accepted"),
    ("samf", "SAMHSA funding/block grants", "Payment Accepted"),
    (
        "ss",
        "Sliding fee scale (fee is based on income and other factors)",
        "Payment Assistance",
    ),
    (
        "pa",
        "Payment assistance (check with facility for details)",
        "Payment Assistance",
    ),
    (
        "co",
        "Clients with co-occurring mental and substance use disorders",
        "Special Programs/Groups",
    ),
    ("vet", "Veterans", "Special Programs/Groups"),
    ("adm", "Active duty military", "Special Programs/Groups"),
    ("mf", "Members of military families", "Special Programs/Groups"),
    (
        "cj",
        "Criminal justice (other than DUI/DWI)/Forensic clients",
        "Special Programs/Groups",
    ),
    ("se", "Seniors or older adults", "Special Programs/Groups"),
    ("ad", "Adolescents", "Special Programs/Groups"),
    ("pw", "Pregnant/postpartum women", "Special Programs/Groups"),
    ("wn", "Adult women", "Special Programs/Groups"),
    ("mn", "Adult men", "Special Programs/Groups"),
    ("hv", "Clients with HIV or AIDS", "Special Programs/Groups"),
    ("trma", "Clients who have experienced trauma", "Special Programs/Groups"),
    (
        "xa",
        "Clients who have experienced sexual abuse",
        "Special Programs/Groups",
    ),
    (
        "dv",
        "Clients who have experienced intimate partner violence, domestic violence",
        "Special Programs/Groups",
    ),
    (
        "sed",
        "Children/adolescents with serious emotional disturbance (SED)",
        "Special Programs/Groups",
    ),
    (
        "smi",
        "Persons 18 and older with serious mental illness (SMI)",
        "Special Programs/Groups",
    ),
    ("alz", "Persons with Alzheimer's or dementia", "Special Programs/Groups"),
    (
        "ptsd",
        "Persons with post-traumatic stress disorder (PTSD)",
        "Special Programs/Groups",
    ),
    (
        "tbi",
        "Persons with traumatic brain injury (TBI)",
        "Special Programs/Groups",
    ),
    ("tay", "Young adults", "Special Programs/Groups"),
    ("ped", "Persons with eating disorders", "Special Programs/Groups"),
    (
        "copsu",
        "Clients with co-occurring pain and substance use disorders",
        "Special Programs/Groups",
    ),
    (
        "pefp",
        "Persons experiencing first-episode psychosis",
        "Special Programs/Groups",
    ),
    ("stu", "Screening for tobacco use", "Assessment/Pre-treatment"),
    (
        "cmha",
        "Comprehensive mental health assessment",
        "Assessment/Pre-treatment",
    ),
    (
        "csaa",
        "Comprehensive substance use assessment",
        "Assessment/Pre-treatment",
    ),
    ("isc", "Interim services for clients", "Assessment/Pre-treatment"),
    (
        "opc",
        "Outreach to persons in the community",
        "Assessment/Pre-treatment",
    ),
    ("smhd", "Screening for mental disorders", "Assessment/Pre-treatment"),
    ("ssa", "Screening for substance use", "Assessment/Pre-treatment"),
    (
        "piec",
        "Professional interventionist/educational consultant",
        "Assessment/Pre-treatment",
    ),
    (
        "mhpa",
        "Complete medical history/physical exam",
        "Assessment/Pre-treatment",
    ),
    ("baba", "Breathalyzer or blood alcohol testing", "Testing"),
    ("daut", "Drug or alcohol urine screening", "Testing"),
    ("hivt", "HIV testing", "Testing"),
    ("stdt", "STD testing", "Testing"),
    ("tbs", "TB screening", "Testing"),
    ("daof", "Drug and alcohol oral fluid testing", "Testing"),
    ("mst", "Metabolic syndrome monitoring", "Testing"),
    ("hbt", "Testing for Hepatitis B (HBV)", "Testing"),
    ("hct", "Testing for Hepatitis C (HCV)", "Testing"),
    ("labt", "Laboratory testing", "Testing"),
    ("acc", "Aftercare/continuing care", "Transitional Services"),
    ("dp", "Discharge Planning", "Transitional Services"),
    ("noe", "Naloxone and overdose education", "Transitional Services"),
    ("ofd", "Outcome follow-up after discharge", "Transitional Services"),
    ("peer", "Mentoring/peer support", "Recovery Support Services"),
    ("hs", "Housing services", "Recovery Support Services"),
    ("emp", "Employment counseling or training", "Recovery Support Services"),
    ("shg", "Self-help groups", "Recovery Support Services"),
    ("rc", "Recovery coach", "Recovery Support Services"),
    (
        "tcc",
        "Smoking/vaping/tobacco cessation counseling",
        "Education and Counseling Services",
    ),
    ("ico", "Individual counseling", "Education and Counseling Services"),
    ("gco", "Group counseling", "Education and Counseling Services"),
    ("fco", "Family counseling", "Education and Counseling Services"),
    ("mco", "Marital/couples counseling", "Education and Counseling Services"),
    (
        "haec",
        "HIV or AIDS education, counseling, or support",
        "Education and Counseling Services",
    ),
    (
        "sae",
        "Substance use disorder education",
        "Education and Counseling Services",
    ),
    (
        "taec",
        "Hepatitis education, counseling, or support",
        "Education and Counseling Services",
    ),
    (
        "voc",
        "Vocational training or educational support",
        "Education and Counseling Services",
    ),
    ("hav", "Hepatitis A (HAV) vaccination", "Medical Services"),
    ("hbv", "Hepatitis B (HBV) vaccination", "Medical Services"),
    ("tgd", "Treatment for gambling disorder", "Other Services"),
    ("tod", "Treatment for other addiction disorder", "Other Services"),
    (
        "adtx",
        "Alcohol Detoxification",
        "Detoxification (medical withdrawal) Services",
    ),
    (
        "bdtx",
        "Benzodiazepines Detoxification",
        "Detoxification (medical withdrawal) Services",
    ),
    (
        "cdtx",
        "Cocaine Detoxification",
        "Detoxification (medical withdrawal) Services",
    ),
    (
        "mdtx",
        "Methamphetamines detoxification",
        "Detoxification (medical withdrawal) Services",
    ),
    (
        "odtx",
        "Opioids detoxification",
        "Detoxification (medical withdrawal) Services",
    ),
    (
        "mdet",
        "Medication routinely used during detoxification",
        "Detoxification (medical withdrawal) Services",
    ),
    ("act", "Assertive community treatment", "Ancillary Services"),
    ("icm", "Intensive case management", "Ancillary Services"),
    ("cm", "Case management service", "Ancillary Services"),
    ("cdm", "Chronic disease/illness management", "Ancillary Services"),
    ("coot", "Court-ordered outpatient treatment", "Ancillary Services"),
    ("dec", "Diet and exercise counseling", "Ancillary Services"),
    ("es", "Education services", "Ancillary Services"),
    ("fpsy", "Family psychoeducation", "Ancillary Services"),
    ("imr", "Illness management and recovery", "Ancillary Services"),
    ("ipc", "Integrated primary care services", "Ancillary Services"),
    ("lad", "Legal advocacy", "Ancillary Services"),
    ("prs", "Psychosocial rehabilitation services", "Ancillary Services"),
    ("sps", "Suicide prevention services", "Ancillary Services"),
    ("semp", "Supported employment", "Ancillary Services"),
    ("sh", "Supported housing", "Ancillary Services"),
    ("tpc", "Therapeutic foster care", "Ancillary Services"),
    ("vrs", "Vocational rehabilitation services", "Ancillary Services"),
    ("bc", "Residential beds for clients' children", "Ancillary Services"),
    ("acu", "Acupuncture", "Ancillary Services"),
    ("ccc", "Child care for clients' children", "Ancillary Services"),
    (
        "dvfp",
        "Domestic violence services, including family or partner",
        "Ancillary Services",
    ),
    ("eih", "Early intervention for HIV", "Ancillary Services"),
    ("mhs", "Mental health services", "Ancillary Services"),
    ("ssd", "Social skills development", "Ancillary Services"),
    ("ta", "Transportation assistance", "Ancillary Services"),
    ("aot", "Assisted Outpatient Treatment", "Ancillary Services"),
    ("chld", "Children/Adolescents", "Age Groups Accepted"),
    ("yad", "Young Adults", "Age Groups Accepted"),
    ("adlt", "Adults", "Age Groups Accepted"),
    ("snr", "Seniors", "Age Groups Accepted"),
    ("fem", "Female", "Gender/Sex Accepted"),
    ("male", "Male", "Gender/Sex Accepted"),
    (
        "du",
        "Specially designed program for DUI/DWI clients",
        "Exclusive Services",
    ),
    ("duo", "Serves only DUI/DWI clients", "Exclusive Services"),
    ("audo", "Alcohol use disorder clients only", "Exclusive Services"),
    ("oudo", "Opioid use disorder clients only", "Exclusive Services"),
    (
        "ah",
        "Sign language services for the deaf and hard of hearing",
        "Language Services",
    ),
    ("sp", "Spanish", "Language Services"),
    ("nx", "American Indian or Alaska Native languages", "Language Services"),
    ("fx", "Other languages (excluding Spanish)", "Language Services"),
    ("f17", "Any Chinese Language", "Language Services"),
    ("f19", "Creole", "Language Services"),
    ("f25", "Farsi", "Language Services"),
    ("f28", "French", "Language Services"),
    ("f30", "German", "Language Services"),
    ("f31", "Greek", "Language Services"),
    ("f35", "Hebrew", "Language Services"),
    ("f36", "Hindi", "Language Services"),
    ("f37", "Hmong", "Language Services"),
    ("f4", "Arabic", "Language Services"),
    ("f42", "Italian", "Language Services"),
    ("f43", "Japanese", "Language Services"),
    ("f47", "Korean", "Language Services"),
    ("f66", "Polish", "Language Services"),
    ("f67", "Portuguese", "Language Services"),
    ("f70", "Russian", "Language Services"),
    ("f81", "Tagalog", "Language Services"),
    ("f92", "Vietnamese", "Language Services"),
    ("n24", "Ojibwa", "Language Services"),
    ("n40", "Yupik", "Language Services"),
    ("smon", "Smoking not permitted", "Facility Smoking Policy"),
    (
        "smpd",
        "Smoking permitted in designated area",
        "Facility Smoking Policy",
    ),
    (
        "smop",
        "Smoking permitted without restriction",
        "Facility Smoking Policy",
    ),
    ("vapn", "Vaping not permitted", "Facility Vaping Policy"),
    ("vapp", "Vaping permitted without restriction", "Facility Vaping Policy"),
    ("vppd", "Vaping permitted in designated area", "Facility Vaping Policy"),
    ("ubn", "", "Unconfirmed"),
    ("ct", "", "Unconfirmed"),
    ("msnh", "", "Unconfirmed"),
    (
        "heoh",
        "Health education services other than HIV/AIDS or hepatitis (probable)",
        "Unconfirmed",
    ),
];

/// The official meaning of a code, if the key confirms one.
pub fn meaning(code: &str) -> Option<(&'static str, &'static str)> {
    CODES
        .iter()
        .find(|(c, _, _)| *c == code)
        .filter(|(_, m, _)| !m.is_empty())
        .map(|(_, m, cat)| (*m, *cat))
}

/// The catalogue extra-feature code for a service code with no vocabulary equivalent.
pub fn extra_code(code: &str) -> String {
    format!("findtreatment_{code}")
}

/// Settings for an import.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The export date, `YYYY-MM-DD`, when known (see [`export_date_from_file_name`]).
    pub export_date: Option<String>,
}

/// The date in an export's file name, e.g. `FindTreament_Facility_listing_2025_08_19_150020.csv`
/// → `2025-08-19`.
pub fn export_date_from_file_name(name: &str) -> Option<String> {
    let bytes = name.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|i| {
        let window = &name.get(i..i + 10)?;
        let b = window.as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        let sep = b[4];
        let date = (digits(0..4)
            && digits(5..7)
            && digits(8..10)
            && matches!(sep, b'_' | b'-')
            && b[7] == sep
            && (i == 0 || !bytes[i - 1].is_ascii_digit())
            && bytes.get(i + 10).is_none_or(|c| !c.is_ascii_digit()))
        .then(|| format!("{}-{}-{}", &window[0..4], &window[5..7], &window[8..10]))?;
        crate::catalogue::load::is_date(&date).then_some(date)
    })
}

/// One data row, as read.
struct Row {
    line: usize,
    su: bool,
    text: HashMap<&'static str, String>,
    flags: BTreeSet<String>,
}

impl Row {
    fn get(&self, column: &str) -> &str {
        self.text.get(column).map(String::as_str).unwrap_or("")
    }
}

/// Reads a FindTreatment.gov export (text already decoded, see [`super::decode`]).
pub fn import(text: &str, options: &Options) -> Result<Imported, ImportError> {
    let (mut reader, headers) = csv_reader(text, |h| h.trim().to_ascii_lowercase())?;
    let missing: Vec<&str> = REQUIRED_COLUMNS
        .iter()
        .copied()
        .filter(|c| !headers.iter().any(|h| h == c))
        .collect();
    if !missing.is_empty() {
        return Err(ImportError::new(format!(
            "this does not look like a FindTreatment.gov export: the header has no {} column{} (found: {})",
            missing.join(", "),
            if missing.len() == 1 { "" } else { "s" },
            headers.iter().take(8).cloned().collect::<Vec<_>>().join(", ")
        )));
    }
    let mut summary = Summary::default();
    let unknown_columns: Vec<&str> = headers
        .iter()
        .filter(|h| !h.is_empty() && !IDENTITY_COLUMNS.contains(&h.as_str()))
        .filter(|h| !CODES.iter().any(|(c, _, _)| c == h))
        .map(String::as_str)
        .collect();
    if !unknown_columns.is_empty() {
        summary.notes.push(format!(
            "columns not in the service-code key, kept as extra features labelled with their code: {}",
            unknown_columns.join(", ")
        ));
    }
    let absent = CODES.iter().filter(|(c, _, _)| !headers.iter().any(|h| h == c)).count();
    if absent > 0 {
        summary.notes.push(format!(
            "{absent} service codes of the key are not columns of this export; they are unknown, not \"no\", for every clinic"
        ));
    }

    let mut rows = Vec::new();
    let mut odd_flags: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut lines = super::LineCounter::new(text);
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        summary.rows_read += 1;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                summary.skipped.push(Skipped {
                    row: line,
                    reason: format!("unreadable CSV row ({e})"),
                });
                continue;
            }
        };
        let line = lines.line_of(&record, line);
        if record.len() != headers.len() {
            summary.notes.push(format!(
                "row {line}: has {} fields where the header has {}; read by column name",
                record.len(),
                headers.len()
            ));
        }
        let mut row = Row {
            line,
            su: false,
            text: HashMap::new(),
            flags: BTreeSet::new(),
        };
        for (header, value) in headers.iter().zip(record.iter()) {
            let value = value.trim();
            if let Some(column) = IDENTITY_COLUMNS.iter().find(|c| *c == header) {
                row.text.insert(column, value.to_string());
            } else if value == "1" {
                row.flags.insert(header.clone());
            } else if !value.is_empty() {
                odd_flags.entry(format!("{header}={value}")).or_default().push(line);
            }
        }
        match row.get("type_facility").to_ascii_uppercase().as_str() {
            "SU" => row.su = true,
            "MH" => {}
            other => {
                summary.skipped.push(Skipped {
                    row: line,
                    reason: format!("type_facility is \"{other}\", not SU or MH"),
                });
                continue;
            }
        }
        let blank: Vec<&str> = ["name1", "street1", "city"]
            .into_iter()
            .filter(|c| row.get(c).is_empty())
            .collect();
        if !blank.is_empty() {
            summary.skipped.push(Skipped {
                row: line,
                reason: format!("no {}", blank.join(", ")),
            });
            continue;
        }
        rows.push(row);
    }
    for (flag, lines) in &odd_flags {
        summary.notes.push(format!(
            "flag value {flag} on {} row(s) (first: row {}) counted as no; only 1 means yes",
            lines.len(),
            lines[0]
        ));
    }

    // Group rows by site, in file order.
    let mut sites: Vec<Vec<Row>> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for row in rows {
        let key = ["name1", "street1", "city", "state"]
            .map(|c| {
                row.get(c)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ")
                    .to_lowercase()
            })
            .join("|");
        match by_key.get(&key) {
            Some(&i) => sites[i].push(row),
            None => {
                by_key.insert(key, sites.len());
                sites.push(vec![row]);
            }
        }
    }

    let mut clinics = Vec::new();
    let mut used_extras: BTreeSet<String> = BTreeSet::new();
    let mut ids: BTreeSet<String> = BTreeSet::new();
    for mut site in sites {
        if !site.iter().any(|r| r.su) {
            for r in &site {
                summary.skipped.push(Skipped {
                    row: r.line,
                    reason: "mental-health directory only (no substance-use row for this site)".into(),
                });
            }
            continue;
        }
        summary.rows_merged += site.len() - 1;
        // SU rows first: their contact details are preferred.
        site.sort_by_key(|r| (!r.su, r.line));
        let mut clinic = build_clinic(&site, &mut summary);
        if !ids.insert(clinic.id.clone()) {
            let mut n = 2;
            while ids.contains(&format!("{}-{n}", clinic.id)) {
                n += 1;
            }
            clinic.id = format!("{}-{n}", clinic.id);
            ids.insert(clinic.id.clone());
        }
        for code in &clinic.extra_features {
            *summary
                .unmapped
                .entry(code.trim_start_matches("findtreatment_").to_string())
                .or_default() += 1;
            used_extras.insert(code.clone());
        }
        clinics.push(clinic);
    }
    if clinics.is_empty() {
        return Err(ImportError::new(format!(
            "no substance-use facilities in this file ({} rows read, {} skipped)",
            summary.rows_read,
            summary.skipped.len()
        )));
    }

    let extra_features = used_extras
        .iter()
        .map(|code| {
            let raw = code.trim_start_matches("findtreatment_");
            let (label, category) = match meaning(raw) {
                Some((m, cat)) => (m.to_string(), cat.to_string()),
                None if CODES.iter().any(|(c, _, _)| *c == raw) => (
                    format!(
                        "FindTreatment.gov code {} (meaning not confirmed)",
                        raw.to_ascii_uppercase()
                    ),
                    "Unconfirmed".to_string(),
                ),
                None => (
                    format!(
                        "FindTreatment.gov code {} (not in our code key)",
                        raw.to_ascii_uppercase()
                    ),
                    "Unknown".to_string(),
                ),
            };
            ExtraFeature {
                code: code.clone(),
                label,
                explanation: Some(format!(
                    "FindTreatment.gov service code {} ({category}), as reported by the facility to SAMHSA.",
                    raw.to_ascii_uppercase()
                )),
            }
        })
        .collect();

    let date = options.export_date.clone();
    if date.is_none() {
        summary
            .notes
            .push("export date unknown (not in the file name): the catalogue is dated today".into());
    }
    let attribution = match &date {
        Some(d) => format!(
            "Source: SAMHSA, FindTreatment.gov (export of {d}). Services change: confirm them with the facility."
        ),
        None => "Source: SAMHSA, FindTreatment.gov. Services change: confirm them with the facility.".to_string(),
    };
    let catalogue = Catalogue {
        schema_version: 1,
        publisher: Publisher {
            name: "FindTreatment.gov facility listing".into(),
            url: Some("https://findtreatment.gov/".into()),
            contact: None,
            updated: date.unwrap_or_else(today),
            licence: Some(
                "US federal government data (SAMHSA): public domain; not to be resold or redistributed for a fee without SAMHSA's permission"
                    .into(),
            ),
            attribution: Some(attribution),
        },
        questions: Vec::new(),
        extra_features,
        clinics,
    };
    check(catalogue, summary)
}

/// The first non-empty value of a column, SU rows first.
fn first<'a>(site: &'a [Row], column: &str) -> &'a str {
    site.iter().map(|r| r.get(column)).find(|v| !v.is_empty()).unwrap_or("")
}

fn build_clinic(site: &[Row], summary: &mut Summary) -> Clinic {
    let main = &site[0];
    let line = main.line;
    let flags: BTreeSet<&str> = site.iter().flat_map(|r| r.flags.iter().map(String::as_str)).collect();

    let mut targets: Vec<Target> = flags.iter().flat_map(|f| mapping(f).iter().copied()).collect();
    // `dt` (detoxification) says detox is offered; where it is not only at home, it is supervised.
    let home_only = flags.contains("od") && !flags.contains("rd") && !flags.contains("hid");
    if flags.contains("dt") && !home_only {
        targets.push(Detox("medically_supervised"));
    }
    let extras: Vec<String> = flags
        .iter()
        .filter(|f| mapping(f).is_empty() && !IMPLIED.contains(f))
        .map(|f| extra_code(f))
        .collect();

    let mut sets: BTreeMap<Group, BTreeSet<&'static str>> = BTreeMap::new();
    let mut meds: BTreeMap<&'static str, BTreeSet<&'static str>> = BTreeMap::new();
    let mut languages = vec!["en".to_string()];
    for t in targets {
        let (group, code) = match t {
            Setting(c) => (Group::Setting, c),
            Detox(c) => (Group::Detox, c),
            Medication(c, form) => {
                meds.entry(c).or_default().extend(form);
                continue;
            }
            Therapy(c) => (Group::Therapy, c),
            Condition(c) => (Group::Condition, c),
            SpecialGroup(c) => (Group::SpecialGroup, c),
            Aftercare(c) => (Group::Aftercare, c),
            Funding(c) => (Group::Funding, c),
            Credential(c) => (Group::Credential, c),
            Language(c) => {
                if !languages.iter().any(|l| l == c) {
                    languages.push(c.to_string());
                }
                continue;
            }
        };
        sets.entry(group).or_default().insert(code);
    }
    let mut take = |g: Group| -> Vec<String> { vocab_order(g, &sets.remove(&g).unwrap_or_default()) };
    let settings = take(Group::Setting);
    let detox = take(Group::Detox);
    let therapies = take(Group::Therapy);
    let conditions = take(Group::Condition);
    let groups = take(Group::SpecialGroup);
    let aftercare = take(Group::Aftercare);
    let funding = take(Group::Funding);
    let credentials = take(Group::Credential);
    let medications: Vec<MedicationOffer> = vocabulary::terms(Group::Medication)
        .filter_map(|t| {
            meds.get(t.code).map(|forms| MedicationOffer {
                code: t.code.to_string(),
                forms: vocab_order(Group::MedicationForm, forms),
                purpose: None,
            })
        })
        .collect();

    // Stance: maintenance on methadone or buprenorphine; withdrawal with medication towards
    // being opioid-free; or no medication for opioid use disorder at all.
    let maintenance = ["mm", "bum"].iter().any(|c| flags.contains(c));
    let to_abstinence = ["dm", "db", "rpn", "mws"].iter().any(|c| flags.contains(c));
    let stance = match (maintenance, to_abstinence, flags.contains("nmoa")) {
        (true, true, _) => Some("both"),
        (true, false, _) => Some("maintenance"),
        (false, _, true) if meds.is_empty() => Some("abstinence_based"),
        _ => None,
    }
    .map(str::to_string);

    // Contact: the SU row's numbers first; other rows' only where it has none.
    let mut about = Vec::new();
    let programmes: Vec<&str> = {
        let mut seen = Vec::new();
        for r in site {
            let n = r.get("name2");
            if !n.is_empty() && !seen.contains(&n) {
                seen.push(n);
            }
        }
        seen
    };
    if !programmes.is_empty() {
        about.push(format!("Programmes listed at this site: {}.", programmes.join("; ")));
    }
    let mut phone_of = |column: &str, raw: &str| -> Option<(String, Option<String>)> {
        if raw.is_empty() {
            return None;
        }
        let parsed = normalise_phone(raw, true);
        if parsed.is_none() {
            summary.notes.push(format!(
                "row {line}: {column} \"{raw}\" is not a phone number; left out"
            ));
        }
        parsed
    };
    let phone = phone_of("phone", first(site, "phone"));
    let mut intakes: Vec<(String, Option<String>)> = Vec::new();
    for r in site {
        for column in ["intake1", "intake2"] {
            if let Some(p) = phone_of(column, r.get(column)) {
                if !intakes.contains(&p) && phone.as_ref() != Some(&p) {
                    intakes.push(p);
                }
            }
        }
    }
    let spoken = |(n, ext): &(String, Option<String>)| match ext {
        Some(e) => format!("{n} extension {e}"),
        None => n.clone(),
    };
    if let Some(p @ (_, Some(_))) = &phone {
        about.push(format!("Main phone: {}.", spoken(p)));
    }
    if intakes.len() > 1 || intakes.first().is_some_and(|p| p.1.is_some()) {
        about.push(format!(
            "Intake lines: {}.",
            intakes.iter().map(spoken).collect::<Vec<_>>().join("; ")
        ));
    }
    let website_raw = first(site, "website");
    let website = normalise_website(website_raw);
    if website.is_none() && !website_raw.is_empty() {
        summary.notes.push(format!(
            "row {line}: website \"{website_raw}\" is not a web address; left out"
        ));
    }

    // Location: the SU row's, ZIP kept as text.
    let zip = main.get("zip");
    let postcode = match zip.len() {
        5 if zip.chars().all(|c| c.is_ascii_digit()) => Some(zip.to_string()),
        1..=4 if zip.chars().all(|c| c.is_ascii_digit()) => {
            let padded = format!("{zip:0>5}");
            summary.notes.push(format!(
                "row {line}: ZIP \"{zip}\" lost its leading zeros (spreadsheet?); repaired to {padded}"
            ));
            Some(padded)
        }
        0 => None,
        _ => {
            summary
                .notes
                .push(format!("row {line}: ZIP \"{zip}\" is not 5 digits; kept as written"));
            Some(zip.to_string())
        }
    }
    .map(|z| {
        let zip4 = main.get("zip4");
        if zip4.len() == 4 && zip4.chars().all(|c| c.is_ascii_digit()) && z.len() == 5 {
            format!("{z}-{zip4}")
        } else {
            z
        }
    });
    let coordinate = |column: &str, range: f64| -> Option<f64> {
        main.get(column)
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite() && v.abs() <= range)
    };
    let (lat, lon) = match (coordinate("latitude", 90.0), coordinate("longitude", 180.0)) {
        (Some(lat), Some(lon)) => (Some(lat), Some(lon)),
        _ => {
            if !main.get("latitude").is_empty() || !main.get("longitude").is_empty() {
                summary
                    .notes
                    .push(format!("row {line}: coordinates are not usable; distances not shown"));
            }
            (None, None)
        }
    };
    let state = main.get("state");
    let county = main.get("county");
    let region = match (county.is_empty(), state.is_empty()) {
        (false, false) => Some(format!("{county} County, {state}")),
        (false, true) => Some(format!("{county} County")),
        (true, false) => Some(state.to_string()),
        (true, true) => None,
    };
    let address: Vec<String> = ["street1", "street2"]
        .iter()
        .map(|c| main.get(c).to_string())
        .filter(|v| !v.is_empty())
        .collect();

    let name = main.get("name1").to_string();
    Clinic {
        id: stable_id(&name, &[main.get("street1")], zip),
        name,
        summary: (!about.is_empty()).then(|| about.join(" ")),
        location: Location {
            address,
            town: main.get("city").to_string(),
            region,
            postcode,
            country: "US".into(),
            lat,
            lon,
        },
        contact: Contact {
            phone: phone.map(|p| p.0),
            intake_phone: intakes.first().map(|p| p.0.clone()),
            website,
            email: None,
        },
        settings,
        detox,
        medications,
        stance,
        therapies,
        conditions,
        groups,
        aftercare: (!aftercare.is_empty()).then(|| Aftercare {
            kinds: aftercare,
            ..Aftercare::default()
        }),
        cost: crate::catalogue::Cost { funding, price: None },
        credentials: credentials.into_iter().map(Credential::from).collect(),
        languages,
        extra_features: extras,
        ..Clinic::default()
    }
}

/// Codes of one group in the vocabulary's display order.
fn vocab_order(group: Group, codes: &BTreeSet<&str>) -> Vec<String> {
    vocabulary::terms(group)
        .filter(|t| codes.contains(t.code))
        .map(|t| t.code.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mapping_target_is_in_the_vocabulary() {
        for (code, _, _) in CODES {
            for t in mapping(code) {
                let ok = match *t {
                    Setting(c) => vocabulary::term(Group::Setting, c).is_some(),
                    Detox(c) => vocabulary::term(Group::Detox, c).is_some(),
                    Medication(c, f) => {
                        vocabulary::term(Group::Medication, c).is_some()
                            && f.is_none_or(|f| vocabulary::term(Group::MedicationForm, f).is_some())
                    }
                    Therapy(c) => vocabulary::term(Group::Therapy, c).is_some(),
                    Condition(c) => vocabulary::term(Group::Condition, c).is_some(),
                    SpecialGroup(c) => vocabulary::term(Group::SpecialGroup, c).is_some(),
                    Aftercare(c) => vocabulary::term(Group::Aftercare, c).is_some(),
                    Funding(c) => vocabulary::term(Group::Funding, c).is_some(),
                    Credential(c) => vocabulary::term(Group::Credential, c).is_some(),
                    Language(c) => !c.is_empty(),
                };
                assert!(ok, "{code} → {t:?}");
            }
        }
    }

    #[test]
    fn every_code_has_a_meaning_or_is_marked_unconfirmed() {
        assert_eq!(CODES.len(), 315);
        let mut seen = BTreeSet::new();
        for (code, m, cat) in CODES {
            assert!(seen.insert(code), "{code} twice");
            assert!(!m.is_empty() || *cat == "Unconfirmed", "{code}");
        }
    }

    #[test]
    fn export_dates_from_file_names() {
        assert_eq!(
            export_date_from_file_name("FindTreament_Facility_listing_2025_08_19_150020.csv").as_deref(),
            Some("2025-08-19")
        );
        assert_eq!(
            export_date_from_file_name("listing-2024-02-29.csv").as_deref(),
            Some("2024-02-29")
        );
        assert_eq!(export_date_from_file_name("listing_2025_13_19.csv"), None);
        assert_eq!(export_date_from_file_name("listing.csv"), None);
        assert_eq!(export_date_from_file_name("x12025_08_19.csv"), None);
    }
}
