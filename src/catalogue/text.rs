//! The widget's own words (headings, buttons, messages), in every language it speaks.
//!
//! How to show a string to families:
//! 1. Add a variant to [`Ui`] in the table below, with its English text (British spelling: en-US is
//!    respelt by [`crate::catalogue::vocabulary::us_spelling`]). Keep the table in the order of the
//!    keys (a test checks): the key is the variant's name in snake_case, `ui/<name>`.
//! 2. Show it with `Ui::Name.text(locale)`, or `Ui::Name.fill(locale, &[("count", &n)])` for a text
//!    with `{count}`-style placeholders.
//! 3. Write its Spanish in `data/locales/es/ui.toml` (`"ui/<name>" = "…"`, same placeholders): a
//!    test fails on any key without Spanish, or Spanish without a key.
//!
//! English is compiled into the widget; the other languages travel in the language's glossary file
//! (`clinic-compare-glossary.<hash>.es.json`, see [`super::glossary`]), loaded only when that
//! language is in use. The widget finds a text by its place in the table (the file's `ui/` keys are
//! sorted, as the table is), so the key names never weigh on the download. A language whose file
//! has not loaded, or lacks a text, shows English.

use super::vocabulary::Locale;

macro_rules! ui_table {
    ($($name:ident = $english:literal,)*) => {
        /// A string the widget shows, by name. Its English text is [`Ui::english`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Ui { $($name,)* }

        impl Ui {
            /// Every string, in table order.
            pub const ALL: &[Ui] = &[$(Ui::$name,)*];

            /// The text in British English, as written here.
            pub fn english(self) -> &'static str {
                // One text of NUL-separated strings, found by place: no table of addresses, which
                // would weigh more in the download than the few steps of looking.
                const ENGLISH: &str = concat!($($english, "\0",)*);
                nth_text(ENGLISH, self as usize)
            }

            /// The variant's name ("NotStated"), natively only: the wasm never needs it.
            #[cfg(not(target_arch = "wasm32"))]
            fn name(self) -> &'static str {
                match self { $(Ui::$name => stringify!($name),)* }
            }
        }
    };
}

ui_table! {
    AWeek = "{amount} a week",
    About = "About this information",
    ActiveFilters = "Active filters",
    Admissions = "Admissions",
    Aftercare = "Aftercare",
    AnswersToQuestions = "Their answers to the questions to ask",
    AnyAftercare = "Any aftercare",
    AnyDistance = "any distance",
    AnyLength = "Any length",
    AnyPrice = "Any price",
    Approach = "Approach",
    Asked = "Asked",
    BackToResults = "← Back to results",
    Call = "Call {number}",
    CallNow = "If someone may have overdosed, call {number} now.",
    Canada = "Canada",
    CheckWithService = ". Always check details with the service.",
    ChecklistEmpty = "Add clinics to your shortlist with “Compare” to get a checklist for each of them.",
    ChecklistIntro = "Ask each place these questions when you call. Tick them off and write down what they say.",
    Chosen = "{group} ({count} chosen)",
    ClearAll = "Clear all",
    ClinicGone = "That clinic is no longer in the list.",
    Clinics = "{count} clinics",
    Close = "Close",
    CodeNotFound = "We couldn't find the {code} “{place}”. Check it, or type your town.",
    Compare = "Compare",
    CompareClinics = "Compare clinics",
    CompareEmpty = "Choose “Compare” on up to four clinics in the results to see them side by side here.",
    Comparing = "Comparing {count} clinics",
    ComparingText = "Comparing: {names}",
    ConditionsTreated = "Mental health conditions treated",
    Copied = "Copied.",
    CopyAsText = "Copy as text",
    CopyUnavailable = "Sorry, copying is not available in this browser.",
    Cost = "Cost",
    CostAndFunding = "Cost and funding",
    Crashed = "Sorry, the clinic finder stopped working. Please reload the page to try again.",
    CrashedListLink = " You can also open the clinic list directly.",
    Credentials = "Credentials",
    Days = "{count} days",
    Details = "Details",
    Detox = "Detox",
    DetoxOnly = "Medicine for detox only",
    Email = "Email",
    EmergencySummary = "Emergency? Overdose signs",
    EmergencyText = "Emergency? If someone may have overdosed, call {number} now.\nSigns:",
    FamilyInvolvement = "Family involvement",
    Fentanyl = "Fentanyl and nitazenes are far stronger than heroin. More naloxone may be needed. Mixing opioids with alcohol, sleeping pills or benzodiazepines adds to the risk.",
    Filters = "Filters",
    FiltersCount = "Filters ({count})",
    ForgetEverything = "Forget everything",
    Forgotten = "Your shortlist and notes have been cleared from this device.",
    Forms = "Forms",
    Frank = "FRANK",
    FrankNote = "free, private advice about drugs",
    Free = "free",
    From = "From {amount}",
    Funding = "Funding",
    GiveNaloxone = "Give naloxone if you have it. If they are breathing, lie them on their side. Stay with them: naloxone can wear off before the opioid does, and a second dose may be needed.",
    HelplinesIn = "Helplines in {place}",
    InformationFrom = "Information from {publisher}",
    Intro = "Find and compare treatment services for opioid and heroin use, and keep a list of questions to ask them.",
    Ireland = "Ireland",
    KeepOnDevice = "Keep my shortlist and notes on this device",
    KindsOfAftercare = "Kinds of aftercare",
    Languages = "Languages",
    LastChecked = "Last checked {date}",
    LastCheckedLabel = "Last checked",
    LengthChip = "Programme up to {count} days, or no fixed length",
    LengthUpTo = "Programme length, up to",
    Lifeline988 = "988 Suicide & Crisis Lifeline",
    Lifeline988Note = "call or text, any time",
    LoadOffline = "Sorry, we couldn't load the list of clinics. Please check your connection and try again.",
    LoadTooSlow = "Sorry, we couldn't load the list of clinics. The server took too long to answer. Please try again.",
    LoadTryAgain = "Sorry, we couldn't load the list of clinics. Please try again.",
    LoadTryLater = "Sorry, we couldn't load the list of clinics. Please try again later.",
    LoadUnreadable = "Sorry, we couldn't load the list of clinics. The list is not in a form this finder can read.",
    Loading = "Loading clinics…",
    LocationAndContact = "Location and contact",
    LocationFailed = "We couldn't get your location. Type a town, postcode or ZIP code instead.",
    LocationUnavailable = "Your browser can't share your location. Type a town, postcode or ZIP code instead.",
    Medication = "Medication",
    MedicationOffered = "Medication offered",
    MedicineAs = "{medicine} as {form}",
    MentalHealth = "Mental health (dual diagnosis)",
    Miles = "miles",
    Month01 = "January",
    Month02 = "February",
    Month03 = "March",
    Month04 = "April",
    Month05 = "May",
    Month06 = "June",
    Month07 = "July",
    Month08 = "August",
    Month09 = "September",
    Month10 = "October",
    Month11 = "November",
    Month12 = "December",
    MonthYear = "{month} {year}",
    Months = "{count} months",
    MyNotes = "My notes",
    Near = "Near (town, postcode or ZIP code)",
    NearPlace = "Near {place}",
    NearestTo = "Nearest to {place}",
    Nhs111 = "NHS 111",
    Nhs111Note = "urgent medical help when it is not an emergency",
    NoCatalogue = "This clinic finder has no clinic list to show yet.",
    NoMatch = "No clinics match all of these choices.",
    NotExplained = "The explanations of terms and the standard questions could not be loaded. Reloading the page may help.",
    NotPublished = "Not published — ask them.",
    NotStated = "Not stated — ask them",
    NotesOn = " on {about}",
    NotesPrivacy = "Your notes stay on this device only if you choose to keep them.",
    NumberIn = "{number} in {place}",
    OfClinic = " of {name}",
    OneClinic = "{count} clinic",
    OneMonth = "{count} month",
    OnlyDifferences = "Only show differences",
    OnlyForDetox = "Only for detox",
    Or = " or ",
    Outcomes = "Outcomes they report",
    Paid = "paid",
    Phone = "Phone",
    PhonesAndCalls = "Phones and calls",
    PlaceElsewhere = "“{place}” is in {country}, and this list has no services there.",
    PlaceFormLabel = "Find clinics near a place",
    PlaceTooLong = "That is too long for a place. Type a town, postcode or ZIP code.",
    PlacesUnavailable = "Sorry, we can't look up places outside this list right now. Try a town from the list.",
    Price = "Price",
    PriceAndLength = "Price and programme length",
    PriceUpTo = "Price per week, up to",
    Print = "Print",
    ProgrammeLength = "Programme length",
    PublishedAnswer = "Their published answer",
    Rated = "rated {rating}",
    Registration = "Registration and accreditation",
    Remove = "Remove",
    RemoveChoice = "Remove “{choice}” ({count})",
    RemoveFilter = " — remove this filter",
    RemovingWouldBringBack = "Removing one of these would bring back:",
    Results = "Results",
    Samhsa = "SAMHSA National Helpline",
    SamhsaNote = "free, 24/7, in English and Spanish",
    Search = "Search",
    SearchByName = "Search by name or town",
    ShortlistFull = "You can compare up to {max} clinics. Remove one to add another.",
    ShowCount = "Show {count}",
    ShowMore = "Show more ({shown} of {total} shown)",
    SignBlueLips = "Blue or grey lips or fingertips",
    SignBreathing = "Slow, shallow or no breathing",
    SignGurgling = "Gurgling or snoring sounds",
    SignLimp = "A limp body",
    SignNoResponse = "No response when you shout or shake them",
    SignPupils = "Tiny, pinpoint pupils",
    SignsTitle = "Signs of an opioid overdose:",
    SkippedForOwner = "For the website's owner: these records have problems. The other clinics are shown as normal.",
    SkippedMany = "{count} entries in this list could not be shown",
    SkippedMore = "…and {count} more; the browser console and `clinic-catalogue validate` list them all.",
    SkippedOne = "{count} entry in this list could not be shown",
    SortBy = "Sort by ",
    SortLength = "Shortest programme first",
    SortName = "Name (A to Z)",
    SortNearest = "Nearest first",
    SortPrice = "Lowest price first",
    SortRelevance = "Best match",
    SortVerified = "Most recently checked",
    Source = "source: {source}",
    StillLoading = "Still loading the list of clinics. This can take a moment on a slow connection.",
    TabCompare = "Compare ({count})",
    TabFind = "Find clinics",
    TabQuestions = "Questions to ask",
    TableCaption = "Clinics side by side",
    TableLabel = "Comparison table, scrolls sideways",
    TabsLabel = "Clinic finder",
    TheUk = "the UK",
    TheUs = "the US",
    TheirAnswer = "Their answer",
    TheirAnswers = "Their answers",
    Therapies = "Therapies",
    Tolerance = "After a detox, or any time without using, the body can no longer cope with the old amount. A usual dose can kill.",
    Town = "Town",
    TownNotFound = "We couldn't find “{place}”. Check the spelling, or type a postcode or ZIP code.",
    TryAgain = "Try again",
    TryDifferent = "Try a different search, or a larger distance.",
    TypeOfCare = "Type of care",
    UkPostcode = "UK postcode",
    UnitedKingdom = "United Kingdom",
    UnitedStates = "United States",
    UpToAWeek = "Up to {amount} a week",
    Updated = ", updated {date}",
    UsZip = "US ZIP code",
    UseMyLocation = "Use my location",
    Visiting = "Visiting",
    VisitingPhonesFamily = "Visiting, phones and family",
    Website = "Website",
    WebsiteOf = " of {name} (opens in a new tab)",
    WhatIsThis = "What is this?",
    WhereAndContact = "Where and how to contact",
    WhichPlace = "Which {place} do you mean?",
    WhoFor = "Who the service is for",
    Within = "Within ",
    YourLocation = "your location",
    YourNotes = "Your notes",
}

impl Ui {
    /// The text in the locale's language (English where a translation is missing). A plain
    /// `&'static str`, as a literal would be: the views then carry no more code than with one.
    pub fn text(self, locale: Locale) -> &'static str {
        match locale {
            Locale::EnGb => self.english(),
            Locale::Es => translated(self).unwrap_or_else(|| us_english(self)),
            Locale::EnUs => us_english(self),
        }
    }

    /// The text with each `{name}` replaced by its value.
    pub fn fill(self, locale: Locale, values: &[(&str, &str)]) -> String {
        let mut text = self.text(locale).to_string();
        for (name, value) in values {
            text = super::substring::replace(&text, &format!("{{{name}}}"), value);
        }
        text
    }

    /// The key in the locale files: `ui/` and the name in snake_case ("ui/not_stated").
    #[cfg(not(target_arch = "wasm32"))]
    pub fn key(self) -> String {
        let mut key = String::from("ui/");
        for (i, c) in self.name().chars().enumerate() {
            if c.is_ascii_uppercase() {
                if i > 0 {
                    key.push('_');
                }
                key.push(c.to_ascii_lowercase());
            } else {
                key.push(c);
            }
        }
        key
    }
}

/// The `n`th of the NUL-separated texts in `all` (a plain byte loop: `str::split` brings its
/// searcher into the download).
fn nth_text(all: &'static str, n: usize) -> &'static str {
    let (mut start, mut seen) = (0, 0);
    for (i, b) in all.bytes().enumerate() {
        if b == 0 {
            if seen == n {
                return all.get(start..i).unwrap_or_default();
            }
            seen += 1;
            start = i + 1;
        }
    }
    ""
}

/// The texts whose US spelling differs (a test holds each equal to its British text respelt by
/// `vocabulary::us_spelling`): written out, so the widget needs no respelling of its own words.
const US: [(Ui, &str); 5] = [
    (Ui::LengthChip, "Program up to {count} days, or no fixed length"),
    (Ui::LengthUpTo, "Program length, up to"),
    (Ui::PriceAndLength, "Price and program length"),
    (Ui::ProgrammeLength, "Program length"),
    (Ui::SortLength, "Shortest program first"),
];

/// The text in US spelling.
fn us_english(ui: Ui) -> &'static str {
    US.iter()
        .find(|(u, _)| *u == ui)
        .map_or_else(|| ui.english(), |(_, us)| us)
}

/// The Spanish text of a string: from the installed Spanish file in the widget, from
/// `data/locales/es/ui.toml` natively.
fn translated(ui: Ui) -> Option<&'static str> {
    #[cfg(target_arch = "wasm32")]
    return super::glossary::installed("es")?.ui(ui as usize, Ui::ALL.len());
    #[cfg(not(target_arch = "wasm32"))]
    return super::glossary::spanish_source(&ui.key());
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::catalogue::vocabulary::localise;
    use std::collections::BTreeSet;

    /// The placeholders of a text: `{count}` → "count".
    fn placeholders(text: &str) -> BTreeSet<&str> {
        text.split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}'))
            .map(|(name, _)| name)
            .collect()
    }

    #[test]
    fn the_table_is_in_key_order() {
        let keys: Vec<String> = Ui::ALL.iter().map(|u| u.key()).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(
            keys, sorted,
            "keep the ui_table in the order of its keys (the widget reads by place)"
        );
    }

    #[test]
    fn every_string_has_spanish_with_the_same_placeholders_and_no_spanish_is_left_over() {
        let keys: BTreeSet<String> = Ui::ALL.iter().map(|u| u.key()).collect();
        let translation = super::super::glossary::translation("es").unwrap();
        let spanish: BTreeSet<String> = translation
            .into_iter()
            .map(|(k, _)| k)
            .filter(|k| k.starts_with("ui/"))
            .collect();
        let missing: Vec<_> = keys.difference(&spanish).collect();
        let extra: Vec<_> = spanish.difference(&keys).collect();
        assert!(
            missing.is_empty(),
            "no Spanish in data/locales/es/ui.toml for {missing:?}"
        );
        assert!(
            extra.is_empty(),
            "data/locales/es/ui.toml has keys the widget does not use: {extra:?}"
        );
        for ui in Ui::ALL {
            let es = ui.text(Locale::Es);
            assert_eq!(placeholders(ui.english()), placeholders(es), "{}", ui.key());
            assert!(!es.trim().is_empty(), "{}", ui.key());
        }
    }

    #[test]
    fn the_spanish_file_carries_the_strings_in_the_tables_order() {
        let file = super::super::glossary::file_json("es").unwrap();
        let glossary = super::super::glossary::Glossary::parse(&file).unwrap();
        assert_eq!(glossary.language, "es");
        for (i, ui) in Ui::ALL.iter().enumerate() {
            assert_eq!(glossary.ui(i, Ui::ALL.len()), Some(ui.text(Locale::Es)), "{}", ui.key());
        }
        assert_eq!(
            glossary.ui(0, Ui::ALL.len() + 1),
            None,
            "a file for another table is not read"
        );
    }

    #[test]
    fn us_english_is_the_british_respelt() {
        for ui in Ui::ALL {
            assert_eq!(
                ui.text(Locale::EnUs),
                localise(ui.english(), Locale::EnUs),
                "{}",
                ui.key()
            );
        }
    }

    #[test]
    fn placeholders_are_filled_and_us_english_is_respelt() {
        assert_eq!(Ui::About.text(Locale::EnGb), "About this information");
        assert_eq!(
            placeholders("Show {count} of {total}"),
            BTreeSet::from(["count", "total"])
        );
    }
}
