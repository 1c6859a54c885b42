//! The catalogue document as site owners write it (JSON), and as the widget holds it after loading.
//!
//! Coded values (settings, medications, therapies, …) are kept as plain strings here and checked
//! against [`super::vocabulary`] during validation, so an unknown code is a warning, not a failure.

use litemap::LiteMap;

use serde::{Deserialize, Serialize};

/// The whole file a site owner publishes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Catalogue {
    /// Format version of this file. This widget reads version 1.
    pub schema_version: u32,
    pub publisher: Publisher,
    /// The "questions to ask a treatment centre" checklist. Empty means the standard six.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<Question>,
    /// Features this catalogue uses beyond the shared vocabulary, with their own labels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra_features: Vec<ExtraFeature>,
    /// The catalogue's own texts in another language the widget speaks (`"es"`), by language and
    /// then by what they translate: `"attribution"` (the publisher's), `"question/<id>"` (one of
    /// the catalogue's questions), `"feature/<code>"` (an extra feature's label). The widget shows
    /// them when it shows that language; anything not translated shows as written above.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub translations: std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>>,
    pub clinics: Vec<Clinic>,
}

/// Who publishes the catalogue, and how fresh it is.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Publisher {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// An email address or phone number for corrections.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// Date of the last update, `YYYY-MM-DD`.
    pub updated: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence: Option<String>,
    /// Attribution or source text shown under the results (e.g. "Source: SAMHSA, FindTreatment.gov").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
}

/// One checklist question. Clinics answer it by `id` in [`Clinic::answers`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Question {
    pub id: String,
    pub text: String,
}

/// A catalogue-specific feature, usable in [`Clinic::extra_features`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct ExtraFeature {
    /// snake_case code.
    pub code: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<String>,
    /// False: information about the clinics that is not offered as a filter (e.g. a source
    /// directory's clinical detail). Default true. Clinics list such features in
    /// `info_features`, which the widget does not read, so only the native tools have the flag.
    #[cfg(any(not(target_arch = "wasm32"), feature = "import"))]
    #[serde(default = "yes", skip_serializing_if = "is_yes")]
    pub filter: bool,
}

#[cfg(any(not(target_arch = "wasm32"), feature = "import"))]
fn yes() -> bool {
    true
}

#[cfg(any(not(target_arch = "wasm32"), feature = "import"))]
fn is_yes(b: &bool) -> bool {
    *b
}

/// One treatment service.
// Empty lists and objects are left out when a catalogue is written (the reader takes an absent
// field as empty): about 75 bytes a clinic in a directory import.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Clinic {
    /// Stable identifier, unique in the catalogue (letters, digits, `-`, `_`).
    pub id: String,
    pub name: String,
    /// One or two plain sentences about the service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    pub location: Location,
    #[serde(default, skip_serializing_if = "Contact::is_empty")]
    pub contact: Contact,
    /// Care settings (vocabulary group `setting`), e.g. `residential`, `outpatient`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub settings: Vec<String>,
    /// Detox kinds (vocabulary group `detox`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub detox: Vec<String>,
    /// Medications offered, each with the forms available.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub medications: Vec<MedicationOffer>,
    /// Overall approach (vocabulary group `stance`): `abstinence_based`, `maintenance`, `both`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stance: Option<String>,
    /// Therapies (vocabulary group `therapy`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub therapies: Vec<String>,
    /// Co-occurring mental-health conditions treated (vocabulary group `condition`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<String>,
    /// Groups the service specially caters for (vocabulary group `special_group`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<String>,
    /// Who the service takes (vocabulary group `accepts`): `women`, `men`, age groups,
    /// `on_medication`. Empty: not stated.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accepts: Vec<String>,
    /// Help beyond the main treatment (vocabulary group `service`), e.g. `telehealth`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<String>,
    /// Programme lengths offered, in days (e.g. `[28, 60, 90]`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub programme_days: Vec<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aftercare: Option<Aftercare>,
    #[serde(default, skip_serializing_if = "Cost::is_empty")]
    pub cost: Cost,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub credentials: Vec<Credential>,
    /// Languages therapy is offered in, as BCP 47 codes (`en`, `es`, `pl`, …).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    /// Visiting policy, in the clinic's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visiting: Option<String>,
    /// Policy on residents' phones and calls.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_policy: Option<String>,
    /// How family can take part (family therapy, visiting days, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family_involvement: Option<String>,
    /// The clinic's published answers to checklist questions, by question id.
    // A flat sorted map: a handful each, and no B-tree code in the widget. (Skipped when empty:
    // litemap writes an empty map as `[]`.)
    #[serde(
        default,
        skip_serializing_if = "LiteMap::is_empty",
        deserialize_with = "answers_object"
    )]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(with = "std::collections::BTreeMap<String, String>")
    )]
    pub answers: LiteMap<String, String>,
    /// Outcome claims; each must name its source.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcomes: Vec<OutcomeClaim>,
    /// Codes declared in the catalogue's `extra_features`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extra_features: Vec<String>,
    /// Codes of the catalogue's information-only extra features (`"filter": false`): facts kept
    /// with the data (e.g. a source directory's clinical detail), not offered as filters. The
    /// widget does not read them, so they cost a large catalogue nothing to load (and the field
    /// is not in the widget's build).
    #[cfg(any(not(target_arch = "wasm32"), feature = "import"))]
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub info_features: Vec<String>,
    /// When this entry was last checked with the clinic, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_verified: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Location {
    /// Street address lines, without town and postcode.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub address: Vec<String>,
    pub town: String,
    /// County, state or nation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// UK postcode or US ZIP code, as text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postcode: Option<String>,
    /// ISO 3166-1 alpha-2 country code, e.g. `GB`, `US`.
    pub country: String,
    /// Latitude in degrees, −90 to 90.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude in degrees, −180 to 180.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Contact {
    /// Main phone number. Shown as a `tel:` link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Admissions / intake line, if different.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intake_phone: Option<String>,
    /// `https://` or `http://` address. Anything else is dropped with a warning.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

impl Contact {
    fn is_empty(&self) -> bool {
        *self == Contact::default()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct MedicationOffer {
    /// Vocabulary group `medication`, e.g. `methadone`, `buprenorphine`.
    pub code: String,
    /// Vocabulary group `medication_form`: `oral`, `depot_injection`, `implant`, …
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forms: Vec<String>,
    /// What the medicine is for here: `detox` (only to ease withdrawal during a detox) or `ongoing`
    /// (it can be taken for as long as it helps). Absent: not stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
}

/// The values of [`MedicationOffer::purpose`].
pub const MEDICATION_PURPOSES: [&str; 2] = ["detox", "ongoing"];

impl MedicationOffer {
    /// Given only during a detox: not a medicine the person can stay on.
    pub fn detox_only(&self) -> bool {
        self.purpose.as_deref() == Some("detox")
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Aftercare {
    /// Vocabulary group `aftercare`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kinds: Vec<String>,
    /// Months of aftercare included after discharge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub months: Option<u32>,
    /// Whether the included aftercare is free of charge.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub free: Option<bool>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Cost {
    /// Vocabulary group `funding`: `nhs`, `insurance`, `medicaid`, `self_pay`, …
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub funding: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<Price>,
}

impl Cost {
    fn is_empty(&self) -> bool {
        self.funding.is_empty() && self.price.is_none()
    }
}

/// A price range per week.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Price {
    pub from: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<f64>,
    /// ISO 4217 currency code: `GBP`, `USD`, `EUR`.
    pub currency: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Credential {
    /// Vocabulary group `credential`, e.g. `cqc_registered`, `carf`.
    pub code: String,
    /// A rating, where the scheme has one (CQC: `outstanding`, `good`, `requires_improvement`, `inadequate`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<String>,
    /// Registration or licence number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
}

impl From<String> for Credential {
    /// A credential with no rating or reference.
    fn from(code: String) -> Self {
        Credential {
            code,
            rating: None,
            reference: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct OutcomeClaim {
    pub claim: String,
    /// Where the figure comes from. Claims without a source are dropped.
    pub source: String,
}

/// `answers` is a JSON object only (litemap's own reading would also take a list of pairs, which
/// the schema does not allow).
fn answers_object<'de, D: serde::Deserializer<'de>>(d: D) -> Result<LiteMap<String, String>, D::Error> {
    struct Answers;
    impl<'de> serde::de::Visitor<'de> for Answers {
        type Value = LiteMap<String, String>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an object of answers by question id")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut answers = LiteMap::new();
            while let Some((question, answer)) = map.next_entry()? {
                answers.insert(question, answer);
            }
            Ok(answers)
        }
    }
    d.deserialize_map(Answers)
}
