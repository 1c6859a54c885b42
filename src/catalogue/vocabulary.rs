//! The shared vocabulary: every coded value a catalogue may use, with its plain-language glossary.

use std::borrow::Cow;
use std::sync::OnceLock;

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
    /// The group's name in catalogues and the glossary file ("medication_form").
    pub fn key(self) -> &'static str {
        match self {
            Group::Setting => "setting",
            Group::Detox => "detox",
            Group::Medication => "medication",
            Group::MedicationForm => "medication_form",
            Group::Stance => "stance",
            Group::Therapy => "therapy",
            Group::Condition => "condition",
            Group::SpecialGroup => "special_group",
            Group::Aftercare => "aftercare",
            Group::Funding => "funding",
            Group::Credential => "credential",
        }
    }

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

impl Locale {
    /// The language whose glossary file the locale reads ("en"): regional variants share one file,
    /// and differ only by the respelling and the few US-specific texts in it.
    pub fn language(self) -> &'static str {
        match self {
            Locale::EnGb | Locale::EnUs => "en",
        }
    }
}

/// One coded value and how to explain it to a worried family member.
///
/// The explanation and caution are long prose that not every page needs, so they do not travel in
/// the widget's download: in the WebAssembly build the constructors below drop them, and the widget
/// reads them from the glossary file (`glossary`), which the build writes from this same table. Read
/// them through [`Term::explanation`] and [`Term::caution`], which work in both builds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    pub group: Group,
    /// Stable snake_case code used in catalogues.
    pub code: &'static str,
    pub label_gb: &'static str,
    /// Only where US spelling or wording differs.
    pub label_us: Option<&'static str>,
    /// One to three plain sentences (empty in the WebAssembly build).
    explanation_gb: &'static str,
    explanation_us: Option<&'static str>,
    /// Shown beside the option wherever it appears, for risky or weakly-evidenced options (its text
    /// is empty in the WebAssembly build).
    caution: Option<&'static str>,
}

impl Term {
    /// The label in the locale's spelling (an explicit US label, or the GB one respelt).
    pub fn label(&self, locale: Locale) -> Cow<'static, str> {
        match (locale, self.label_us) {
            (Locale::EnUs, Some(us)) => Cow::Borrowed(us),
            (Locale::EnUs, None) => us_spelling(self.label_gb),
            (Locale::EnGb, _) => Cow::Borrowed(self.label_gb),
        }
    }

    /// What the term means, in plain words. In the widget, `None` until the glossary file has
    /// loaded (or if it could not be).
    pub fn explanation(&self, locale: Locale) -> Option<Cow<'static, str>> {
        #[cfg(target_arch = "wasm32")]
        let (gb, us) = {
            let glossary = super::glossary::installed(locale.language())?;
            let text = |variant| glossary.term(self.group, self.code, variant);
            (text(None)?, text(Some("us")))
        };
        #[cfg(not(target_arch = "wasm32"))]
        let (gb, us) = (self.explanation_gb, self.explanation_us);
        Some(match (locale, us) {
            (Locale::EnUs, Some(us)) => Cow::Borrowed(us),
            (Locale::EnUs, None) => us_spelling(gb),
            (Locale::EnGb, _) => Cow::Borrowed(gb),
        })
    }

    /// Whether the option carries a caution (known even when its text has not loaded).
    pub fn has_caution(&self) -> bool {
        self.caution.is_some()
    }

    /// The caution shown wherever the option appears, if it has one. In the widget, when the
    /// glossary file could not be loaded, a short stand-in asks the family to check the risks.
    pub fn caution(&self, locale: Locale) -> Option<Cow<'static, str>> {
        #[cfg(target_arch = "wasm32")]
        let text = self.caution.map(|_| {
            super::glossary::installed(locale.language())
                .and_then(|g| g.term(self.group, self.code, Some("caution")))
                .unwrap_or(CAUTION_NOT_LOADED)
        });
        #[cfg(not(target_arch = "wasm32"))]
        let text = self.caution;
        text.map(|t| localise(t, locale))
    }

    /// The explanation as written in the source table, for the tools that build the glossary file.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn source_text(&self) -> (&'static str, Option<&'static str>, Option<&'static str>) {
        (self.explanation_gb, self.explanation_us, self.caution)
    }
}

/// Shown for a risky option when its caution could not be loaded.
#[cfg(target_arch = "wasm32")]
const CAUTION_NOT_LOADED: &str = "Ask the service about the risks of this option and how they keep people safe.";

/// British to American spelling for the words our own texts use.
const RESPELLINGS: [(&str, &str); 12] = [
    ("programme", "program"),
    ("Programme", "Program"),
    ("centre", "center"),
    ("Centre", "Center"),
    ("counsell", "counsel"),
    ("Counsell", "Counsel"),
    ("behaviour", "behavior"),
    ("licence", "license"),
    ("anaesth", "anesth"),
    ("organis", "organiz"),
    ("practise", "practice"),
    ("oedema", "edema"),
];

/// Respells British words in our own texts for US readers ("programme" → "program").
pub fn us_spelling(text: &str) -> Cow<'_, str> {
    if !RESPELLINGS.iter().any(|(gb, _)| text.contains(gb)) {
        return Cow::Borrowed(text);
    }
    let mut out = text.to_string();
    for (gb, us) in RESPELLINGS {
        out = out.replace(gb, us);
    }
    Cow::Owned(out)
}

/// Text in the locale's spelling.
pub fn localise(text: &str, locale: Locale) -> Cow<'_, str> {
    match locale {
        Locale::EnUs => us_spelling(text),
        Locale::EnGb => Cow::Borrowed(text),
    }
}

/// Looks a code up in one group.
pub fn term(group: Group, code: &str) -> Option<&'static Term> {
    // Called for every code of every clinic while a catalogue loads: search one group, not all.
    terms_of(group).iter().find(|t| t.code == code)
}

/// One group's terms. TERMS is kept in group order (a test checks), so each group is a slice
/// whose bounds are found once.
fn terms_of(group: Group) -> &'static [Term] {
    static STARTS: OnceLock<[usize; Group::ALL.len() + 1]> = OnceLock::new();
    let starts = STARTS.get_or_init(|| {
        let mut starts = [TERMS.len(); Group::ALL.len() + 1];
        for (start, g) in starts.iter_mut().zip(Group::ALL) {
            *start = TERMS.partition_point(|t| t.group < g);
        }
        starts
    });
    let g = group as usize;
    &TERMS[starts[g]..starts[g + 1]]
}

/// Finds a term written loosely: any case, spaces or hyphens for underscores, or its GB or US label
/// ("CBT", "group therapy", "Residential rehab (live in)").
pub fn find(group: Group, text: &str) -> Option<&'static Term> {
    let loose = |s: &str| -> String {
        s.trim()
            .chars()
            .map(|c| {
                if c == ' ' || c == '-' {
                    '_'
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    };
    let wanted = loose(text);
    terms(group).find(|t| {
        t.code == wanted
            || loose(t.label_gb) == wanted
            || t.label_us.is_some_and(|l| loose(l) == wanted)
            || loose(t.label_gb.split(" (").next().unwrap_or("")) == wanted
            || t.label_gb
                .split_once(" (")
                .is_some_and(|(_, inner)| loose(inner.trim_end_matches(')')) == wanted)
    })
}

/// All terms of one group, in display order.
pub fn terms(group: Group) -> impl Iterator<Item = &'static Term> {
    terms_of(group).iter()
}

/// Long prose, kept out of the WebAssembly build (it travels in the glossary file instead). The text
/// is only ever an argument here, so the compiler leaves it out of the binary.
const fn prose(text: &'static str) -> &'static str {
    if cfg!(target_arch = "wasm32") {
        ""
    } else {
        text
    }
}

const fn t(group: Group, code: &'static str, label_gb: &'static str, explanation_gb: &'static str) -> Term {
    Term {
        group,
        code,
        label_gb,
        label_us: None,
        explanation_gb: prose(explanation_gb),
        explanation_us: None,
        caution: None,
    }
}

/// A term whose label is spelt differently in US English.
const fn us(mut term: Term, label_us: &'static str, explanation_us: &'static str) -> Term {
    term.label_us = Some(label_us);
    term.explanation_us = Some(prose(explanation_us));
    term
}

const fn caution(mut term: Term, text: &'static str) -> Term {
    term.caution = Some(prose(text));
    term
}

use Group::*;

/// Every term, grouped, in display order. Labels put the plain words first; explanations are
/// written for a worried family member, not a clinician.
pub static TERMS: &[Term] = &[
    // Where treatment happens.
    t(Setting, "inpatient", "Inpatient (live in, medical care day and night)", "Your loved one stays at the clinic or hospital, with doctors, nurses and therapists on hand around the clock. It suits people who have used heavily for a long time or whose withdrawal could be risky. Visits and phone calls are often limited."),
    t(Setting, "residential", "Residential rehab (live in)", "Your loved one lives at the service for a few weeks or months, away from the places where they used, with therapy every day. Some let residents go out for work, school or family duties."),
    t(Setting, "outpatient", "Outpatient (live at home)", "Your loved one lives at home and comes in for appointments, counselling and medicine, often several times a week at first. It suits people with a stable home and shorter drug use."),
    t(Setting, "day_programme", "Day programme", "A full day of treatment several days a week, going home each evening. It sits between outpatient appointments and living in."),
    us(t(Setting, "mixed_pathway", "Mixed: live in, then at home", "A stay of a few weeks at the service, followed by regular outpatient sessions at home. It gives a break from old surroundings and support when returning to them."), "Mixed: live in, then at home", "A stay of a few weeks at the facility, followed by regular outpatient sessions at home. It gives a break from old surroundings and support when returning to them."),
    // Detox.
    t(Detox, "medically_supervised", "Medically supervised detox (in a clinic)", "Coming off opioids in a clinic, with staff checking heart rate, temperature, blood pressure and breathing and giving medicine to ease withdrawal. Withdrawal usually peaks on days 2 to 3 and lasts about a week."),
    t(Detox, "outpatient_detox", "Detox at home with check-ins", "Withdrawal is managed at home with prescribed medicine and regular appointments or calls with the team. It needs a safe home and someone to keep an eye on your loved one."),
    caution(t(Detox, "rapid_detox", "Rapid detox", "Withdrawal is brought on quickly with a drug that blocks opioids, given by drip over a few hours under sedation."), "It carries risks to the heart and lungs and has not been shown to work better than a standard detox. Ask who supervises it and what happens in an emergency."),
    caution(us(t(Detox, "anaesthesia_rapid_detox", "Rapid detox under general anaesthetic", "The same rapid detox, carried out while your loved one is under general anaesthetic."), "Rapid detox under general anesthesia", "The same rapid detox, carried out while your loved one is under general anesthesia."), "Health bodies advise against it: serious harm, including heart problems and deaths, has been reported, and it does not improve long-term recovery."),
    // Medication.
    t(Medication, "methadone", "Methadone", "A long-acting opioid medicine, usually a daily liquid, that stops withdrawal and cravings without giving a high. It has been used since the 1960s and is often collected from a clinic or pharmacy."),
    t(Medication, "buprenorphine", "Buprenorphine (e.g. Subutex)", "A medicine that eases cravings and withdrawal with less risk of overdose than other opioids. It comes as a tablet or film under the tongue, a weekly or monthly injection, or a six-month implant."),
    t(Medication, "buprenorphine_naloxone", "Buprenorphine with naloxone (e.g. Suboxone)", "Buprenorphine combined with naloxone, which makes the medicine unpleasant if someone tries to inject it. It is taken under the tongue."),
    t(Medication, "naltrexone", "Naltrexone", "A medicine that blocks the effect of heroin and other opioids, to help prevent relapse. It can only start once detox is complete and does not ease withdrawal. It comes as a daily tablet or a monthly injection."),
    t(Medication, "lofexidine", "Lofexidine (eases withdrawal)", "A non-opioid medicine that calms withdrawal symptoms such as sweating, chills and anxiety during detox."),
    t(Medication, "clonidine", "Clonidine (eases withdrawal)", "A blood-pressure medicine also used to ease withdrawal symptoms during detox. It can make people sleepy, which some find helpful at night."),
    t(Medication, "diamorphine", "Heroin-assisted treatment (prescribed diamorphine)", "For people who have not been helped by other treatments, some clinics prescribe pharmaceutical heroin, taken under supervision at the clinic."),
    t(Medication, "naloxone_kit", "Naloxone kit to take home", "Naloxone reverses an opioid overdose for long enough for help to arrive. Many services give families and clients a kit and show them how to use it."),
    t(Medication, "sleep_and_mood", "Medicine for sleep and mood", "Short-term help with sleep problems, low mood or anxiety that often follow detox."),
    caution(t(Medication, "ibogaine", "Ibogaine", "A psychedelic plant drug some overseas clinics offer to interrupt withdrawal."), "It is experimental: it has only been studied in small trials, is not approved in the UK or US, and can cause dangerous heart rhythm problems. It needs 24-hour medical monitoring."),
    // Medication forms.
    t(MedicationForm, "oral", "Liquid or tablet to swallow", "Taken by mouth, usually once a day."),
    t(MedicationForm, "sublingual", "Tablet or film under the tongue", "Dissolves under the tongue, usually once a day."),
    t(MedicationForm, "depot_injection", "Weekly or monthly injection (depot)", "A slow-release injection given by a nurse, so there is no daily dose to remember or collect."),
    t(MedicationForm, "implant", "Six-month implant", "Small rods placed under the skin of the arm that release the medicine steadily for about six months."),
    t(MedicationForm, "injectable", "Supervised injection at the clinic", "The medicine is injected at the clinic under the eye of staff."),
    // Approach.
    t(Stance, "abstinence_based", "Abstinence-based (aim: no opioids at all)", "The aim is to stop all opioids, including substitute medicines, after detox. Many residential and 12-step programmes work this way."),
    t(Stance, "maintenance", "Medication maintenance (harm reduction)", "The aim is to stay well and stable on a prescribed medicine such as methadone or buprenorphine, for as long as it helps. This lowers the risk of overdose, infection and crime."),
    t(Stance, "both", "Either, depending on the person", "The service offers both routes and agrees the goal with each person, which may change over time."),
    // Therapies.
    t(Therapy, "cbt", "Cognitive behavioural therapy (CBT)", "A talking therapy that helps people notice the thoughts and situations that lead to using, and practise other ways to respond."),
    t(Therapy, "contingency_management", "Rewards for progress (contingency management)", "Small rewards such as vouchers or prizes for clear drug tests and kept appointments. It has good evidence for helping people stay in treatment."),
    t(Therapy, "twelve_step", "12-step facilitation", "Support to join and use groups such as Narcotics Anonymous, which follow 12 steps, meet for free and offer a sponsor. The steps include belief in a 'higher power'."),
    t(Therapy, "community_reinforcement", "Community reinforcement approach", "Helps the person build a life where not using is more rewarding: work, relationships, hobbies and sober friends."),
    t(Therapy, "family_therapy", "Family therapy", "Sessions with the family, to rebuild trust, improve how everyone talks and support recovery at home."),
    t(Therapy, "motivational", "Motivational interviewing / enhancement", "Short, respectful conversations that help someone find and strengthen their own reasons to change."),
    t(Therapy, "rebt", "Rational emotive behaviour therapy (REBT)", "A talking therapy that challenges unhelpful beliefs, such as 'I can't cope without using'."),
    t(Therapy, "matrix_model", "Matrix model", "A structured outpatient programme over about 16 weeks that combines therapy, family education and support groups."),
    t(Therapy, "group_therapy", "Group therapy", "Sessions with others in treatment, led by a therapist, to share experience and learn from each other."),
    t(Therapy, "individual_therapy", "One-to-one therapy", "Regular private sessions with a counsellor or therapist."),
    t(Therapy, "trauma_therapy", "Trauma-focused therapy", "Therapy for the effects of past trauma, which often lies behind drug use."),
    t(Therapy, "workshops", "Workshops and life skills", "Practical sessions on things like budgeting, cooking, job seeking and relapse prevention."),
    us(t(Therapy, "counselling", "Counselling", "Talking with a trained counsellor about what led to using and how to stay well."), "Counseling", "Talking with a trained counselor about what led to using and how to stay well."),
    // Mental health.
    t(Condition, "anxiety", "Anxiety", "Ongoing worry, panic or fear that gets in the way of daily life."),
    t(Condition, "depression", "Depression", "Low mood, loss of interest and energy that lasts for weeks or longer."),
    t(Condition, "bipolar", "Bipolar disorder", "Big swings between very low moods and very high, energetic moods."),
    t(Condition, "ptsd", "Post-traumatic stress (PTSD)", "Flashbacks, nightmares and feeling on edge after a frightening or harmful experience."),
    t(Condition, "ocd", "Obsessive-compulsive disorder (OCD)", "Unwanted repeated thoughts and the urge to do things over and over to ease them."),
    t(Condition, "eating_disorders", "Eating disorders", "Harmful patterns of eating, such as anorexia, bulimia or binge eating."),
    t(Condition, "adhd", "ADHD", "Difficulty with attention, restlessness and acting on impulse."),
    t(Condition, "psychosis", "Psychosis", "Losing touch with reality, such as hearing voices or holding beliefs others do not share."),
    t(Condition, "personality_disorders", "Personality disorders", "Long-standing patterns of thinking and relating to others that cause distress."),
    // Who the service is for.
    t(SpecialGroup, "women", "Women only", "A service or programme just for women."),
    t(SpecialGroup, "men", "Men only", "A service or programme just for men."),
    t(SpecialGroup, "pregnant_women", "Pregnant women", "Care set up for pregnancy, when stopping opioids suddenly can harm the baby; staff work with maternity teams."),
    t(SpecialGroup, "parents_with_children", "Parents with children", "Parents can bring their children, or childcare is arranged during treatment."),
    t(SpecialGroup, "young_people", "Young people (under 18)", "A service for teenagers, involving parents or carers."),
    t(SpecialGroup, "young_adults", "Young adults (18–25)", "Programmes designed for people in their late teens and early twenties."),
    t(SpecialGroup, "older_adults", "Older adults", "Care that takes account of the health needs of people over about 55."),
    t(SpecialGroup, "veterans", "Veterans and armed forces", "Staff who understand military life and the trauma it can bring."),
    t(SpecialGroup, "lgbtq", "LGBTQ+ people", "A service that is welcoming and experienced with lesbian, gay, bisexual, trans and queer people."),
    t(SpecialGroup, "criminal_justice", "People in contact with the justice system", "Support for people referred by courts, probation or after leaving prison, a time of high overdose risk."),
    t(SpecialGroup, "homeless", "People who are homeless", "Outreach and care for people without a settled home."),
    // Aftercare.
    t(Aftercare, "weekly_groups", "Weekly aftercare groups", "Regular group meetings after treatment ends, to keep progress going."),
    t(Aftercare, "counsellor_access", "Continued access to counsellors and doctors", "Former clients can still see or call the team after they leave."),
    t(Aftercare, "relapse_prevention_plan", "Relapse prevention plan", "A written plan made before leaving: warning signs, who to call and what to do."),
    t(Aftercare, "family_support", "Support for families", "Groups or sessions for family members, during and after treatment."),
    t(Aftercare, "sober_living", "Sober living / supported housing", "A shared home with others in recovery, with rules and support, as a step back to independent life."),
    t(Aftercare, "return_if_struggling", "A place to come back to if struggling", "Former clients can return for a short stay or extra support if things get hard."),
    t(Aftercare, "peer_support", "Peer support and mutual aid", "Meeting people with lived experience of recovery, such as mentors or groups like NA and SMART Recovery."),
    t(Aftercare, "employment_support", "Help with work, training and housing", "Practical help to find work, study or somewhere stable to live."),
    // Cost and funding.
    t(Funding, "nhs", "Free on the NHS", "Free treatment through the NHS or a local council drug service. Your loved one can usually refer themselves."),
    t(Funding, "public_funding", "Free or low-cost public programme", "Paid for by a state, county or charity programme."),
    t(Funding, "insurance", "Private health insurance", "Covered by private insurance, depending on the policy. Check with the insurer what they will pay for."),
    t(Funding, "medicaid", "Medicaid", "The US public health coverage for people on low incomes."),
    t(Funding, "medicare", "Medicare", "The US public health coverage for people over 65 and some disabled people."),
    t(Funding, "military_insurance", "Military insurance (TRICARE, VA)", "Coverage for service members, veterans and their families."),
    t(Funding, "self_pay", "Self-funded (you pay)", "Paid by your loved one or the family. Ask for a written quote that says what is included."),
    t(Funding, "sliding_scale", "Sliding scale (fees by income)", "Fees are lower for people with lower incomes."),
    t(Funding, "free_charity", "Free (charity-funded)", "Treatment paid for by a charity, at no cost to the family."),
    // Credentials.
    t(Credential, "cqc_registered", "Registered with the CQC", "The Care Quality Commission is the independent regulator of health and social care in England. It inspects services and rates them outstanding, good, requires improvement or inadequate."),
    t(Credential, "bacp_counsellors", "BACP-registered counsellors", "Counsellors are on the register of the British Association for Counselling and Psychotherapy, which sets training and ethical standards."),
    t(Credential, "carf", "CARF accredited", "Accredited by CARF, an independent body that checks the quality of rehabilitation services."),
    t(Credential, "joint_commission", "Joint Commission accredited", "Accredited by the Joint Commission, which inspects US healthcare organisations against quality and safety standards."),
    us(t(Credential, "state_licence", "State licence", "Licensed by the state's health or substance-use department to provide treatment."), "State license", "Licensed by the state's health or substance-use department to provide treatment."),
    t(Credential, "certified_otp", "Certified opioid treatment programme (OTP)", "In the US, only programmes certified by SAMHSA may dispense methadone for opioid use disorder."),
    t(Credential, "registered_doctors", "Registered doctors on staff", "Doctors registered with the medical regulator (in the UK the GMC) lead medical care."),
    t(Credential, "written_privacy_policy", "Written confidentiality policy", "The service gives a written policy on how it keeps personal information private."),
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

// The texts are only in the native build.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn codes_are_unique_snake_case_and_explained() {
        let mut seen = BTreeSet::new();
        for t in TERMS {
            assert!(seen.insert((t.group, t.code)), "duplicate {:?} {}", t.group, t.code);
            assert!(
                t.code
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{}",
                t.code
            );
            assert!(!t.label_gb.is_empty());
            let explanation = t.explanation(Locale::EnGb).unwrap();
            let sentences = explanation.matches(". ").count() + 1;
            assert!(
                explanation.ends_with('.') && sentences <= 3,
                "{}: one to three sentences",
                t.code
            );
        }
        for g in Group::ALL {
            assert!(terms(g).count() >= 3, "{g:?} has terms");
        }
        assert!(
            TERMS.is_sorted_by_key(|t| t.group),
            "TERMS is in group order (term() relies on it)"
        );
        assert!(
            Group::ALL.iter().enumerate().all(|(i, g)| *g as usize == i),
            "ALL is in declaration order"
        );
        assert_eq!(Group::ALL.map(|g| terms(g).count()).iter().sum::<usize>(), TERMS.len());
    }

    #[test]
    fn us_spelling_follows_locale() {
        let otp = term(Group::Credential, "certified_otp").unwrap();
        assert_eq!(otp.label(Locale::EnGb), "Certified opioid treatment programme (OTP)");
        assert_eq!(otp.label(Locale::EnUs), "Certified opioid treatment program (OTP)");
        let licence = term(Group::Credential, "state_licence").unwrap();
        assert_eq!(licence.label(Locale::EnUs), "State license");
        assert_eq!(
            term(Group::Therapy, "counselling").unwrap().label(Locale::EnUs),
            "Counseling"
        );
        assert_eq!(us_spelling("Therapy centre"), "Therapy center");
        assert_eq!(us_spelling("cognitive behavioural"), "cognitive behavioral");
        for t in TERMS {
            let us = t.explanation(Locale::EnUs).unwrap();
            for (gb, _) in RESPELLINGS {
                assert!(!us.contains(gb), "{} still says {gb} in en-US", t.code);
            }
        }
    }

    #[test]
    fn risky_options_carry_a_caution() {
        for (g, code) in [
            (Group::Detox, "rapid_detox"),
            (Group::Detox, "anaesthesia_rapid_detox"),
            (Group::Medication, "ibogaine"),
        ] {
            assert!(term(g, code).and_then(|t| t.caution(Locale::EnGb)).is_some(), "{code}");
        }
        assert_eq!(default_questions().len(), 6);
    }
}
