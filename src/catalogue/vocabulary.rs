//! The shared vocabulary: every coded value a catalogue may use, with its plain-language glossary.

use serde::{Deserialize, Serialize};

/// A family of coded values. Each group is one filter group in the widget.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    Setting,
    Detox,
    Medication,
    MedicationForm,
    Stance,
    Therapy,
    Condition,
    SpecialGroup,
    Aftercare,
    Funding,
    Credential,
}

impl Group {
    pub const ALL: [Group; 11] = [
        Group::Setting,
        Group::Detox,
        Group::Medication,
        Group::MedicationForm,
        Group::Stance,
        Group::Therapy,
        Group::Condition,
        Group::SpecialGroup,
        Group::Aftercare,
        Group::Funding,
        Group::Credential,
    ];
}

/// Spelling/wording variant for labels and explanations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    #[default]
    EnGb,
    EnUs,
}

/// One coded value and how to explain it to a worried family member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    pub group: Group,
    /// Stable snake_case code used in catalogues.
    pub code: &'static str,
    pub label_gb: &'static str,
    /// Only where US spelling or wording differs.
    pub label_us: Option<&'static str>,
    /// One to three plain sentences.
    pub explanation_gb: &'static str,
    pub explanation_us: Option<&'static str>,
    /// Shown beside the option wherever it appears, for risky or weakly-evidenced options.
    pub caution: Option<&'static str>,
}

impl Term {
    pub fn label(&self, locale: Locale) -> &'static str {
        match locale {
            Locale::EnUs => self.label_us.unwrap_or(self.label_gb),
            Locale::EnGb => self.label_gb,
        }
    }

    pub fn explanation(&self, locale: Locale) -> &'static str {
        match locale {
            Locale::EnUs => self.explanation_us.unwrap_or(self.explanation_gb),
            Locale::EnGb => self.explanation_gb,
        }
    }
}

/// Looks a code up in one group.
pub fn term(group: Group, code: &str) -> Option<&'static Term> {
    TERMS.iter().find(|t| t.group == group && t.code == code)
}

/// All terms of one group, in display order.
pub fn terms(group: Group) -> impl Iterator<Item = &'static Term> {
    TERMS.iter().filter(move |t| t.group == group)
}

const fn t(group: Group, code: &'static str, label_gb: &'static str, explanation_gb: &'static str) -> Term {
    Term {
        group,
        code,
        label_gb,
        label_us: None,
        explanation_gb,
        explanation_us: None,
        caution: None,
    }
}

/// Every term, grouped, in display order. (Filled in fully by the catalogue work.)
pub static TERMS: &[Term] = &[
    t(Group::Setting, "inpatient", "Inpatient", "Your loved one lives at the clinic, with medical and therapy staff on hand day and night."),
    t(Group::Setting, "residential", "Residential", "Your loved one lives at the service while they are treated, away from where they used."),
    t(Group::Setting, "outpatient", "Outpatient", "Your loved one lives at home and comes in for appointments, counselling and medicine."),
    t(Group::Medication, "methadone", "Methadone", "A long-acting opioid medicine, usually a daily liquid, that stops withdrawal and cravings without a high."),
    t(Group::Medication, "buprenorphine", "Buprenorphine", "A medicine that eases cravings and withdrawal, taken as a tablet under the tongue, a monthly injection or an implant."),
];

/// The standard "questions to ask a treatment centre", used when a catalogue has none of its own.
pub fn default_questions() -> Vec<crate::catalogue::Question> {
    [
        ("outcomes", "What are the expected outcomes of treatment?"),
        ("programme_length", "Are your programmes short-term or long-term?"),
        ("substitution", "Do you have drug substitution programmes?"),
        ("detox_medication", "Do you use medication to manage the detox period?"),
        ("therapies", "What counselling and therapy services do you provide?"),
        ("aftercare", "Do you provide aftercare services?"),
    ]
    .into_iter()
    .map(|(id, text)| crate::catalogue::Question {
        id: id.into(),
        text: text.into(),
    })
    .collect()
}
