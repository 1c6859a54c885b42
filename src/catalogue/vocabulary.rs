//! The shared vocabulary: every coded value a catalogue may use, with its plain-language glossary.

use std::borrow::Cow;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::substring;

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
    /// Who the service takes: sexes, ages, people on medication from elsewhere.
    Accepts,
    /// Help beyond the main treatment: telehealth, naloxone training, testing, transport…
    Service,
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
            Group::Accepts => "accepts",
            Group::Service => "service",
        }
    }

    pub const ALL: [Group; 13] = [
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
        Group::Accepts,
        Group::Service,
    ];
}

/// The language and its variant for labels and explanations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Locale {
    #[default]
    EnGb,
    EnUs,
    /// Spanish for families in the US: US units, numbers and helplines. Its texts come from the
    /// Spanish file (`es`); a text it lacks shows in US English.
    Es,
}

impl Locale {
    /// The language whose glossary file the locale reads ("en"): regional variants share one file,
    /// and differ only by the respelling and the few US-specific texts in it.
    pub fn language(self) -> &'static str {
        match self {
            Locale::EnGb | Locale::EnUs => "en",
            Locale::Es => "es",
        }
    }

    /// Whether the locale follows US English where it has no text of its own (spelling, the
    /// US versions of texts, units and helplines).
    pub fn is_us(self) -> bool {
        self != Locale::EnGb
    }

    /// The BCP 47 tag for the browser's formatting of numbers and dates (`Intl`) and `lang`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::EnGb => "en-GB",
            Locale::EnUs => "en-US",
            Locale::Es => "es-US",
        }
    }
}

use super::glossary::spanish;

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
    /// One to four short, plain sentences (empty in the WebAssembly build).
    explanation_gb: &'static str,
    explanation_us: Option<&'static str>,
    /// Shown beside the option wherever it appears, for risky or weakly-evidenced options (its text
    /// is empty in the WebAssembly build).
    caution: Option<&'static str>,
}

impl Term {
    /// The label in the locale's spelling (an explicit US label, or the GB one respelt).
    pub fn label(&self, locale: Locale) -> Cow<'static, str> {
        if locale == Locale::Es {
            if let Some(es) = spanish(&format!("label/{}/{}", self.group.key(), self.code)) {
                return Cow::Borrowed(es);
            }
        }
        match (locale.is_us(), self.label_us) {
            (true, Some(us)) => Cow::Borrowed(us),
            (true, None) => us_spelling(self.label_gb),
            (false, _) => Cow::Borrowed(self.label_gb),
        }
    }

    /// What the term means, in plain words. In the widget, `None` until the glossary file has
    /// loaded (or if it could not be).
    pub fn explanation(&self, locale: Locale) -> Option<Cow<'static, str>> {
        if locale == Locale::Es {
            if let Some(es) = spanish(&format!("{}/{}", self.group.key(), self.code)) {
                return Some(Cow::Borrowed(es));
            }
        }
        #[cfg(target_arch = "wasm32")]
        let (gb, us) = {
            // English: the Spanish file has no text for this term.
            let glossary = super::glossary::installed("en")?;
            let text = |variant| glossary.term(self.group, self.code, variant);
            (text(None)?, text(Some("us")))
        };
        #[cfg(not(target_arch = "wasm32"))]
        let (gb, us) = (self.explanation_gb, self.explanation_us);
        Some(match (locale.is_us(), us) {
            (true, Some(us)) => Cow::Borrowed(us),
            (true, None) => us_spelling(gb),
            (false, _) => Cow::Borrowed(gb),
        })
    }

    /// Whether the option carries a caution (known even when its text has not loaded).
    pub fn has_caution(&self) -> bool {
        self.caution.is_some()
    }

    /// The caution shown wherever the option appears, if it has one. In the widget, when the
    /// glossary file could not be loaded, a short stand-in asks the family to check the risks.
    pub fn caution(&self, locale: Locale) -> Option<Cow<'static, str>> {
        if locale == Locale::Es && self.caution.is_some() {
            if let Some(es) = spanish(&format!("{}/{}/caution", self.group.key(), self.code)) {
                return Some(Cow::Borrowed(es));
            }
        }
        #[cfg(target_arch = "wasm32")]
        let text = self.caution.map(|_| {
            super::glossary::installed("en")
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
    if !RESPELLINGS.iter().any(|(gb, _)| substring::contains(text, gb)) {
        return Cow::Borrowed(text);
    }
    let mut out = text.to_string();
    for (gb, us) in RESPELLINGS {
        out = substring::replace(&out, gb, us);
    }
    Cow::Owned(out)
}

/// Text in the locale's spelling.
pub fn localise(text: &str, locale: Locale) -> Cow<'_, str> {
    match locale {
        Locale::EnUs | Locale::Es => us_spelling(text),
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
            || loose(substring::before(t.label_gb, " (")) == wanted
            || substring::split_once(t.label_gb, " (")
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
    t(Setting, "inpatient", "Inpatient (live in, medical care day and night)", "Your loved one stays in a hospital or clinic, with doctors and nurses there day and night. It is for people whose detox could be risky, or who have other serious health needs. Visits and phone calls are often limited."),
    t(Setting, "residential", "Residential rehab (live in)", "Your loved one lives at the service for some weeks or months, with therapy every day, away from the places where they used. Some let people go out for work, school or family. Ask if they can stay on methadone or buprenorphine there."),
    t(Setting, "outpatient", "Outpatient (live at home)", "Your loved one lives at home and comes in for appointments, talking therapy and medicine. This is how most people start treatment in the UK and US, however long they have used. At first, visits may be daily."),
    t(Setting, "day_programme", "Day programme", "A full day of treatment on several days a week, going home each evening. It sits between outpatient visits and living in."),
    us(t(Setting, "intensive_outpatient", "Intensive outpatient programme (IOP)", "Group and one-to-one sessions for 9 hours a week or more, often in the evenings, while living at home. It gives more support than weekly visits."), "Intensive outpatient program (IOP)", "Group and one-to-one sessions for 9 hours a week or more, often in the evenings, while living at home. It gives more support than weekly visits."),
    us(t(Setting, "partial_hospitalisation", "Partial hospitalisation (PHP)", "Treatment for most of the day, 5 days a week, while going home at night. It is for people who need close care but not a bed."), "Partial hospitalization program (PHP)", "Treatment for most of the day, 5 days a week, while going home at night. It is for people who need close care but not a bed."),
    us(t(Setting, "mixed_pathway", "Mixed: live in, then at home", "A stay of a few weeks at the service, then regular sessions while living at home. It gives a break from old places, and support when going back to them."), "Mixed: live in, then at home", "A stay of a few weeks at the facility, then regular sessions while living at home. It gives a break from old places, and support when going back to them."),
    // Detox.
    t(Detox, "medically_supervised", "Medically supervised detox (in a clinic)", "Coming off opioids in a clinic or hospital. Staff check heart rate, blood pressure and breathing, and give medicine to ease withdrawal. It is often worst on days 2 and 3, and eases after about a week."),
    t(Detox, "outpatient_detox", "Detox at home with check-ins", "Coming off opioids at home, with medicine and regular check-ins with the team. It needs a safe home and someone to keep an eye on your loved one."),
    caution(t(Detox, "rapid_detox", "Rapid detox", "Withdrawal is brought on fast with a drug that blocks opioids. It is given by drip over a few hours, while your loved one is sedated."), "It can harm the heart and lungs, and it has not been shown to work better than a normal detox. Ask who looks after your loved one and what happens in an emergency."),
    caution(us(t(Detox, "anaesthesia_rapid_detox", "Rapid detox under general anaesthetic", "The same rapid detox, but done under general anaesthetic. Your loved one is fully asleep."), "Rapid detox under general anesthesia", "The same rapid detox, but done under general anesthesia. Your loved one is fully asleep."), "UK and US health bodies advise against it. Serious harm and deaths have been reported. It does not help people stay off opioids for longer."),
    // Medication.
    t(Medication, "methadone", "Methadone", "A long-acting opioid medicine, usually a daily liquid. It stops withdrawal and cravings without a high, and has been used since the 1960s. At first it is often taken in front of a pharmacist or nurse."),
    us(t(Medication, "buprenorphine", "Buprenorphine", "A medicine that eases cravings and withdrawal, with less risk of overdose than other opioids. It comes as a tablet or film under the tongue, or as an injection once a week or once a month (Buvidal). An implant exists but is rarely offered."), "Buprenorphine", "A medicine that eases cravings and withdrawal, with less risk of overdose than other opioids. It comes as a tablet or film under the tongue, or as an injection once a week or once a month (Brixadi, Sublocade). The implant is no longer made."),
    t(Medication, "buprenorphine_naloxone", "Buprenorphine with naloxone (e.g. Suboxone)", "Buprenorphine with naloxone added. Under the tongue the naloxone does nothing. But if someone injects the medicine, it makes them feel unwell."),
    t(Medication, "naltrexone", "Naltrexone", "A medicine that blocks the effect of heroin and other opioids, to help someone stay off them. It can only start after 7 to 10 days with no opioids, and does not ease withdrawal. In the UK it is a daily tablet; in the US there is also a monthly shot."),
    caution(t(Medication, "naltrexone_implant", "Naltrexone implant", "A small pellet put under the skin that slowly lets out naltrexone for some months."), "Naltrexone implants are not approved in the UK or US, so no one has checked that they are safe and work. When one wears off, the risk of overdose is high."),
    t(Medication, "lofexidine", "Lofexidine (eases withdrawal)", "A medicine that is not an opioid. It eases some signs of withdrawal, such as sweats, chills and a racing heart, but not cravings. In the UK it has been hard to get at times."),
    t(Medication, "clonidine", "Clonidine (eases withdrawal)", "A blood pressure medicine sometimes used to ease withdrawal. It can make people sleepy and dizzy. In the UK, NICE advises against its routine use, as it can make blood pressure drop too far."),
    t(Medication, "diamorphine", "Heroin-assisted treatment (prescribed diamorphine)", "A few UK clinics prescribe medical heroin (diamorphine) for people whom other treatments have not helped. It is taken at the clinic, with staff there. It is not allowed in the US."),
    t(Medication, "naloxone_kit", "Naloxone kit to take home", "Naloxone can reverse an opioid overdose for long enough for help to arrive. It comes as a nose spray or an injection. Many services give a kit to clients and families and show them how to use it."),
    t(Medication, "sleep_and_mood", "Medicine for sleep and mood", "Short-term help with poor sleep, low mood or worry after detox. Some sleeping tablets, mixed with opioids or alcohol, make an overdose more likely, so ask which ones are used."),
    caution(t(Medication, "ibogaine", "Ibogaine", "A psychedelic drug from a plant, which some clinics abroad offer to stop withdrawal."), "It is experimental and not approved in the UK or US. It has only been tried in small studies. It can cause dangerous heart rhythm problems, and people have died."),
    // Medication forms.
    t(MedicationForm, "oral", "Liquid or tablet to swallow", "Taken by mouth, usually once a day."),
    t(MedicationForm, "sublingual", "Tablet or film under the tongue", "It melts under the tongue, usually once a day."),
    t(MedicationForm, "depot_injection", "Weekly or monthly injection (depot)", "A slow-release injection given by a nurse each week or month. There is no daily dose to take or collect."),
    t(MedicationForm, "implant", "Six-month implant", "Small rods put under the skin of the arm that let out the medicine for about six months. Few services offer it."),
    t(MedicationForm, "injectable", "Supervised injection at the clinic", "The medicine is injected at the clinic, with staff watching."),
    // Approach.
    t(Stance, "abstinence_based", "Abstinence-based (aim: no opioids at all)", "The aim is to stop all opioids after a detox, even methadone and buprenorphine. Many live-in and 12-step programmes work this way. After a detox, the body is no longer used to opioids. Using again can then easily lead to an overdose."),
    t(Stance, "maintenance", "Ongoing medication (methadone or buprenorphine)", "The aim is to stay well and stable on methadone or buprenorphine for as long as it helps, often years. The UK calls this opioid substitution treatment (OST); the US calls it medication for opioid use disorder (MOUD). Staying on it roughly halves the risk of dying."),
    t(Stance, "both", "Either, depending on the person", "The service offers both and agrees the goal with each person. The goal can change over time."),
    // Therapies.
    t(Therapy, "cbt", "Cognitive behavioural therapy (CBT)", "A talking therapy. It helps people spot the thoughts and places that lead to using, and practise other ways to respond."),
    t(Therapy, "contingency_management", "Rewards for progress (contingency management)", "Small rewards, such as vouchers, for clear drug tests and kept appointments. There is good proof that it helps people stay in treatment."),
    t(Therapy, "twelve_step", "12-step facilitation", "Help to join free groups such as Narcotics Anonymous, which follow 12 steps and offer a sponsor. The steps include belief in a 'higher power'. The groups do not treat withdrawal."),
    t(Therapy, "community_reinforcement", "Community reinforcement approach", "Helps the person build a life where not using pays off more: work, family, hobbies and friends who do not use."),
    t(Therapy, "family_therapy", "Family therapy", "Sessions with the family. They help rebuild trust, help everyone talk, and support recovery at home."),
    t(Therapy, "motivational", "Motivational interviewing / enhancement", "Short, kind talks that help someone find their own reasons to change, and make those reasons stronger."),
    t(Therapy, "rebt", "Rational emotive behaviour therapy (REBT)", "A talking therapy. It helps people question beliefs that hold them back, such as 'I can't cope without using'."),
    t(Therapy, "matrix_model", "Matrix model", "A set plan of about 16 weeks while living at home. It mixes therapy, lessons for the family and support groups."),
    t(Therapy, "group_therapy", "Group therapy", "Sessions with others in treatment, led by a therapist, to share what they have been through and learn from each other."),
    t(Therapy, "individual_therapy", "One-to-one therapy", "Private talks with a counsellor or therapist, often once a week."),
    t(Therapy, "trauma_therapy", "Trauma-focused therapy", "Help with the effects of past harm or trauma, which often lies behind drug use."),
    t(Therapy, "workshops", "Workshops and life skills", "Hands-on sessions on things like money, cooking, finding work and how to avoid a relapse."),
    us(t(Therapy, "counselling", "Counselling", "Talking with a trained counsellor about what led to using and how to stay well."), "Counseling", "Talking with a trained counselor about what led to using and how to stay well."),
    t(Therapy, "keyworker", "A named keyworker", "In UK drug services, the keyworker is the person your loved one sees most. They plan care together, give support and link them to other help."),
    // Mental health.
    t(Condition, "anxiety", "Anxiety", "Ongoing worry, panic or fear that gets in the way of daily life."),
    t(Condition, "depression", "Depression", "Low mood, and loss of interest and energy, that lasts for weeks or longer."),
    t(Condition, "bipolar", "Bipolar disorder", "Big swings between very low moods and very high, restless moods."),
    t(Condition, "ptsd", "Post-traumatic stress (PTSD)", "Flashbacks, bad dreams and feeling on edge after something scary or harmful. It can last for years."),
    t(Condition, "ocd", "Obsessive-compulsive disorder (OCD)", "Unwanted thoughts that keep coming back, and the urge to do things over and over to ease them."),
    t(Condition, "eating_disorders", "Eating disorders", "Eating too little, too much or in ways that do harm, such as anorexia, bulimia or binge eating."),
    t(Condition, "adhd", "ADHD", "Trouble paying attention, sitting still or stopping to think before acting."),
    t(Condition, "psychosis", "Psychosis", "Losing touch with what is real, such as hearing voices or holding beliefs others do not share."),
    t(Condition, "personality_disorders", "Personality disorders", "Long-lasting ways of thinking, feeling and getting on with others that cause distress."),
    // Who the service is for.
    t(SpecialGroup, "women", "Women only", "A service or programme just for women."),
    t(SpecialGroup, "men", "Men only", "A service or programme just for men."),
    t(SpecialGroup, "pregnant_women", "Pregnant women", "Care for pregnant women, with the maternity team. Most doctors advise starting or staying on methadone or buprenorphine while pregnant. Stopping opioids all at once can harm the baby."),
    t(SpecialGroup, "parents_with_children", "Parents with children", "Parents can bring their children, or childcare is arranged during treatment."),
    t(SpecialGroup, "young_people", "Young people (under 18)", "A service for teenagers that involves their parents or carers."),
    t(SpecialGroup, "young_adults", "Young adults (18–25)", "Programmes made for people in their late teens and early twenties."),
    t(SpecialGroup, "older_adults", "Older adults", "Care that takes account of the health needs of people over about 55."),
    t(SpecialGroup, "veterans", "Veterans and armed forces", "Staff who understand military life and the trauma it can bring."),
    t(SpecialGroup, "lgbtq", "LGBTQ+ people", "A service that welcomes lesbian, gay, bisexual, trans and queer people, with staff who know their needs."),
    t(SpecialGroup, "criminal_justice", "People in contact with the justice system", "Support for people sent by courts or probation, or leaving prison. The weeks after prison carry a high risk of overdose."),
    t(SpecialGroup, "homeless", "People who are homeless", "Outreach and care for people without a settled home."),
    t(SpecialGroup, "women_programme", "Programme for women", "A programme set up for women. The service may take men too."),
    t(SpecialGroup, "men_programme", "Programme for men", "A programme set up for men. The service may take women too."),
    // Aftercare.
    t(Aftercare, "weekly_groups", "Weekly aftercare groups", "Group meetings each week after treatment ends, to keep progress going."),
    t(Aftercare, "counsellor_access", "Continued access to counsellors and doctors", "People who have left can still see or call the team."),
    t(Aftercare, "relapse_prevention_plan", "Relapse prevention plan", "A written plan made before leaving: warning signs, who to call and what to do."),
    t(Aftercare, "family_support", "Support for families", "Groups or sessions for family members, during and after treatment."),
    t(Aftercare, "sober_living", "Sober living / supported housing", "A shared home with others in recovery, with rules and support, as a step back to living on their own."),
    t(Aftercare, "return_if_struggling", "A place to come back to if struggling", "People who have left can come back for a short stay or extra help if things get hard."),
    t(Aftercare, "peer_support", "Peer support and mutual aid", "Meeting people who have been through recovery, as mentors or in groups. Examples are NA and SMART Recovery."),
    t(Aftercare, "employment_support", "Help with work, training and housing", "Practical help to find work, study or somewhere stable to live."),
    // Cost and funding.
    t(Funding, "nhs", "Free on the NHS", "Free treatment through the NHS or a local council drug service. Your loved one can usually refer themselves."),
    t(Funding, "public_funding", "Free or low-cost public programme", "Paid for by a state, county or charity programme."),
    t(Funding, "insurance", "Private health insurance", "Paid for by private insurance, if the policy covers it. Check with the insurer what they will pay for."),
    t(Funding, "medicaid", "Medicaid", "US public health cover for people on low incomes. It pays for methadone and buprenorphine treatment."),
    t(Funding, "medicare", "Medicare", "US public health cover for people over 65 and some disabled people."),
    t(Funding, "military_insurance", "Military insurance (TRICARE, VA)", "Cover for people who serve in the forces, veterans and their families."),
    t(Funding, "self_pay", "Self-funded (you pay)", "Paid by your loved one or the family. Ask for a written quote that says what is included."),
    t(Funding, "sliding_scale", "Sliding scale (fees by income)", "Fees are lower for people with lower incomes."),
    t(Funding, "free_charity", "Free (charity-funded)", "Treatment paid for by a charity, at no cost to the family."),
    t(Funding, "payment_help", "Help with paying", "The service may help with the cost. Ask them what help there is."),
    // Credentials.
    t(Credential, "cqc_registered", "Registered with the CQC", "The Care Quality Commission (CQC) checks health and care in England. It inspects each service and rates it. The ratings are outstanding, good, requires improvement or inadequate."),
    t(Credential, "care_inspectorate", "Registered with the Care Inspectorate (Scotland)", "The Care Inspectorate checks care services in Scotland, such as live-in rehab. It inspects them and grades them from 1 (poor) to 6 (excellent)."),
    t(Credential, "healthcare_improvement_scotland", "Inspected by Healthcare Improvement Scotland", "Healthcare Improvement Scotland checks hospitals and clinics in Scotland, both NHS and private. It inspects them and posts its reports online."),
    t(Credential, "hiw", "Inspected by Healthcare Inspectorate Wales (HIW)", "HIW checks hospitals and clinics in Wales, both NHS and private. It inspects them and posts its reports online."),
    t(Credential, "ciw", "Registered with Care Inspectorate Wales (CIW)", "CIW checks care services in Wales, such as live-in rehab. It inspects them and posts its reports online."),
    t(Credential, "rqia", "Registered with the RQIA (Northern Ireland)", "The RQIA checks health and care services in Northern Ireland. It inspects them and posts its reports online."),
    t(Credential, "bacp_counsellors", "BACP-registered counsellors", "The counsellors are on the list kept by the BACP, a UK body for counsellors and therapists. It sets rules for their training and how they work."),
    t(Credential, "carf", "CARF accredited", "CARF is a body that checks rehab services against its own standards. This service has passed its checks."),
    t(Credential, "joint_commission", "Joint Commission accredited", "The Joint Commission is a US body that checks health care for quality and safety. This service has passed its checks."),
    us(t(Credential, "state_licence", "State licence", "The state's health or drug treatment department has given the service a licence to treat people."), "State license", "The state's health or drug treatment department has given the service a license to treat people."),
    t(Credential, "certified_otp", "Certified opioid treatment programme (OTP)", "In the US, only clinics certified by SAMHSA can give methadone to treat opioid use. SAMHSA is the US agency for drug treatment."),
    t(Credential, "registered_doctors", "Registered doctors on staff", "Doctors lead the medical care, and are on the medical register (in the UK, the GMC's)."),
    t(Credential, "written_privacy_policy", "Written confidentiality policy", "The service has a written policy on how it keeps your details private."),
    // Who the service takes (a service that takes only women is also in the "women" group above).
    t(Accepts, "women", "Women", "The service takes women."),
    t(Accepts, "men", "Men", "The service takes men."),
    t(Accepts, "under_18", "Children and teenagers (under 18)", "The service takes people under 18. A parent or carer is often involved."),
    t(Accepts, "young_adults", "Young adults (18–25)", "The service takes people in their late teens and early twenties."),
    t(Accepts, "adults", "Adults", "The service takes adults."),
    t(Accepts, "older_adults", "Older adults", "The service takes older people, often those over 65."),
    t(Accepts, "on_medication", "People on medicine from another clinic", "People who get their medicine from another clinic can come here and keep taking it."),
    // Other help on offer.
    t(Service, "telehealth", "Video or phone appointments (telehealth)", "Some appointments can happen by video call or phone, so your loved one does not always have to travel."),
    t(Service, "overdose_training", "Naloxone and overdose training", "Staff show how to spot an overdose and how to use naloxone. Naloxone is a medicine that stops an overdose."),
    t(Service, "hiv_testing", "HIV testing", "A test for HIV at the service. Shared needles can spread HIV, and treatment works best when it starts early."),
    t(Service, "hepatitis_testing", "Hepatitis testing", "Tests for hepatitis B and C, liver infections that shared needles can spread. Both can be treated or managed."),
    t(Service, "transport", "Help with transport", "Help getting to and from appointments, such as rides or bus fares."),
    t(Service, "housing_help", "Help with housing", "Help finding or keeping a safe place to live."),
    t(Service, "case_management", "A case worker", "A worker who helps arrange other things your loved one needs, such as benefits, health care or housing."),
    t(Service, "stop_smoking", "Help to stop smoking", "Patches, gum or talks to help quit smoking or vaping."),
    t(Service, "physical_health", "Physical health care", "Doctors or nurses at the service also look after general health."),
];

/// The "questions to ask a treatment centre", used when a catalogue has none of its own: what
/// families most need to know, in plain words (no "substitution", no "success rates"). Like the
/// explanations, their text travels in the glossary file (`question/<id>`), not in the widget.
const DEFAULT_QUESTIONS: [(&str, &str); 12] = [
    (
        "medication",
        prose("Can my relative start or stay on methadone or buprenorphine with you? And after they leave?"),
    ),
    (
        "cost",
        prose("What will it cost in total, and what does that price include?"),
    ),
    ("wait", prose("How long is the wait to start?")),
    (
        "use_again",
        prose("What happens if they use again during treatment? Would they have to leave?"),
    ),
    (
        "naloxone",
        prose("Will they get naloxone, a medicine that reverses an overdose, to take home when they leave?"),
    ),
    (
        "staff",
        prose("Who are the staff, and what training do they have? What did your last inspection say?"),
    ),
    ("family", prose("How is the family involved? Can we visit or call?")),
    (
        "confidentiality",
        prose("What do you keep private, and who would you share details with?"),
    ),
    (
        "results",
        prose("How many people are still in treatment after 6 months, and after 12 months?"),
    ),
    (
        "detox",
        prose("If they need a detox, is a doctor or nurse in charge of it?"),
    ),
    (
        "mental_health",
        prose("Can you help with mental health problems at the same time?"),
    ),
    ("aftercare", prose("What help is there after treatment ends?")),
];

/// The default checklist, as written (British English).
pub fn default_questions() -> Vec<crate::catalogue::Question> {
    default_questions_in(Locale::EnGb)
}

/// The default checklist in the locale's language. In the widget, empty until the language's
/// glossary file has loaded (the finder fills it in then; see `ui::app`).
pub fn default_questions_in(locale: Locale) -> Vec<crate::catalogue::Question> {
    let translated = |id: &str| {
        (locale == Locale::Es)
            .then(|| spanish(&format!("question/{id}")))
            .flatten()
    };
    #[cfg(target_arch = "wasm32")]
    let text = |id: &str, _| translated(id).or_else(|| super::glossary::installed("en")?.question(id));
    #[cfg(not(target_arch = "wasm32"))]
    let text = |id: &str, source: &'static str| translated(id).or(Some(source));
    DEFAULT_QUESTIONS
        .iter()
        .filter_map(|&(id, source)| {
            Some(crate::catalogue::Question {
                id: id.into(),
                text: text(id, source)?.into(),
            })
        })
        .collect()
}

/// The default checklist's question ids: known in every build, also before the widget has the
/// question texts, so clinics' answers to them are kept while a catalogue loads.
pub fn default_question_ids() -> impl Iterator<Item = &'static str> {
    DEFAULT_QUESTIONS.iter().map(|&(id, _)| id)
}

/// The default questions as written, for the tool that builds the glossary file.
#[cfg(not(target_arch = "wasm32"))]
pub fn default_question_source() -> &'static [(&'static str, &'static str)] {
    &DEFAULT_QUESTIONS
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
            // Short sentences read more easily than long ones (tests/reading_grade.rs), so up to four.
            assert!(
                explanation.ends_with('.') && sentences <= 4,
                "{}: one to four short sentences",
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
            (Group::Medication, "naltrexone_implant"),
        ] {
            assert!(term(g, code).and_then(|t| t.caution(Locale::EnGb)).is_some(), "{code}");
        }
        assert_eq!(default_questions().len(), 12);
    }
}
