//! "Emergency? Overdose signs": always one tap away, in plain words, with the numbers for the
//! country (or countries) the clinics are in. The same numbers go on everything a family prints or
//! copies ([`Helplines::text`]).

use yew::prelude::*;

use super::say::say;

use crate::catalogue::substring;
use crate::catalogue::text::Ui;
use crate::catalogue::vocabulary::Locale;

/// A free phone line: who answers and when to call.
#[derive(Debug, PartialEq)]
struct Line {
    name: Ui,
    number: &'static str,
    note: Ui,
}

impl Line {
    /// "FRANK 0300 123 6600"; "NHS 111" (the name already says the number).
    fn label(&self, locale: Locale) -> String {
        let name = self.name.text(locale);
        if substring::contains(name, self.number) {
            name.to_string()
        } else {
            format!("{name} {}", self.number)
        }
    }
}

/// One country's emergency number and helplines.
#[derive(Debug, PartialEq)]
pub struct Country {
    pub code: &'static str,
    name: Ui,
    emergency: &'static str,
    lines: &'static [Line],
}

const UK: Country = Country {
    code: "GB",
    name: Ui::TheUk,
    emergency: "999",
    lines: &[
        Line {
            name: Ui::Nhs111,
            number: "111",
            note: Ui::Nhs111Note,
        },
        Line {
            name: Ui::Frank,
            number: "0300 123 6600",
            note: Ui::FrankNote,
        },
    ],
};

const US: Country = Country {
    code: "US",
    name: Ui::TheUs,
    emergency: "911",
    lines: &[
        Line {
            name: Ui::Lifeline988,
            number: "988",
            note: Ui::Lifeline988Note,
        },
        Line {
            name: Ui::Samhsa,
            number: "1-800-662-4357",
            note: Ui::SamhsaNote,
        },
    ],
};

/// The countries whose numbers we know, in the order a mixed list shows them.
const COUNTRIES: [&Country; 2] = [&UK, &US];

const SIGNS: [Ui; 6] = [
    Ui::SignNoResponse,
    Ui::SignBreathing,
    Ui::SignGurgling,
    Ui::SignBlueLips,
    Ui::SignLimp,
    Ui::SignPupils,
];

/// The numbers a page shows: by the clinics' countries and the family's.
#[derive(Debug, PartialEq)]
pub struct Helplines {
    /// Family's country first, then the others the clinics are in.
    pub countries: Vec<&'static Country>,
    /// The site owner's own emergency number (`emergency-number`), shown instead of the countries'.
    pub site_number: Option<String>,
}

impl Helplines {
    /// `family` is the `country` setting; `clinic_countries` the clinics' country codes. Every
    /// country with clinics is shown, and the family's own (the locale's when the setting is absent
    /// and no clinic is in a country we know).
    pub fn new<'a>(
        family: Option<&str>,
        locale: Locale,
        site_number: Option<String>,
        clinic_countries: impl IntoIterator<Item = &'a str>,
    ) -> Helplines {
        let mut has = [false; COUNTRIES.len()];
        for code in clinic_countries {
            if let Some(i) = COUNTRIES.iter().position(|c| c.code == code) {
                has[i] = true;
            }
        }
        let by_locale = if locale.is_us() { &US } else { &UK };
        let family = family.and_then(|f| COUNTRIES.iter().copied().find(|c| c.code == f));
        let first = family.or((!has.contains(&true)).then_some(by_locale));
        let mut countries: Vec<&'static Country> = first.into_iter().collect();
        for (i, country) in COUNTRIES.iter().enumerate() {
            if has[i] && first != Some(*country) {
                countries.push(country);
            }
        }
        Helplines { countries, site_number }
    }

    /// The numbers to call in an emergency, with their country when there is more than one.
    fn emergency_numbers(&self, locale: Locale) -> Vec<(String, Option<&'static str>)> {
        match &self.site_number {
            Some(n) => vec![(n.clone(), None)],
            None => {
                let several = self.countries.len() > 1;
                self.countries
                    .iter()
                    .map(|c| (c.emergency.to_string(), several.then(|| c.name.text(locale))))
                    .collect()
            }
        }
    }

    /// "999", or "999 in the UK or 911 in the US".
    fn call_line(&self, locale: Locale) -> String {
        let numbers: Vec<String> = self
            .emergency_numbers(locale)
            .into_iter()
            .map(|(n, place)| match place {
                Some(place) => Ui::NumberIn.fill(locale, &[("number", &n), ("place", place)]),
                None => n,
            })
            .collect();
        numbers.join(Ui::Or.text(locale))
    }

    /// The emergency line, the signs and the helplines as plain text: the end of every printed or
    /// copied comparison and checklist.
    pub fn text(&self, locale: Locale) -> String {
        let mut out = Ui::EmergencyText.fill(locale, &[("number", &self.call_line(locale))]);
        // The signs begin with a capital (ASCII); mid-sentence they do not. (`str::to_lowercase`
        // would add Unicode's case tables to the download.)
        for (i, sign) in SIGNS.iter().enumerate() {
            let sign = sign.text(locale);
            let (first, rest) = sign.split_at(1);
            let end = if i + 1 == SIGNS.len() { ".\n" } else { ";" };
            out.push_str(&format!(" {}{rest}{end}", first.to_ascii_lowercase()));
        }
        for country in &self.countries {
            out.push_str(&Ui::HelplinesIn.fill(locale, &[("place", country.name.text(locale))]));
            out.push_str(":\n");
            for line in country.lines {
                out.push_str(&format!("  {}: {}\n", line.label(locale), line.note.text(locale)));
            }
        }
        out
    }
}

fn tel(number: &str) -> String {
    let digits: String = number.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
    format!("tel:{digits}")
}

/// The panel. A plain function rather than a component: it has no state, and each component type
/// adds its own copy of Yew's lifecycle code (about 0.3 KB of the download).
pub fn emergency(helplines: &Helplines, locale: Locale) -> Html {
    let call = Ui::CallNow.fill(locale, &[("number", &helplines.call_line(locale))]);
    html! {
        <>
            <details class="cc-emergency" part="emergency">
                <summary>{ say(Ui::EmergencySummary, locale) }</summary>
                <div class="cc-emergency-body">
                    <p><strong>{ call }</strong></p>
                    <p class="cc-inline">
                        { for helplines.emergency_numbers(locale).into_iter().map(|(n, place)| html! {
                            <a class="cc-button cc-button-danger" href={tel(&n)}>
                                { Ui::Call.fill(locale, &[("number", &n)]) }
                                if let Some(place) = place { { format!(" ({place})") } }
                            </a>
                        }) }
                    </p>
                    <p>{ say(Ui::SignsTitle, locale) }</p>
                    <ul>{ for SIGNS.iter().map(|s| html! { <li>{ s.text(locale) }</li> }) }</ul>
                    <p>{ say(Ui::GiveNaloxone, locale) }</p>
                    <p>{ say(Ui::Fentanyl, locale) }</p>
                    <p>{ say(Ui::Tolerance, locale) }</p>
                    { for helplines.countries.iter().map(|c| country_lines(c, locale)) }
                </div>
            </details>
            <p class="cc-print-helplines">{ helplines.text(locale) }</p>
        </>
    }
}

/// A country's helplines, headed with the country so that a mixed list is clear.
fn country_lines(country: &Country, locale: Locale) -> Html {
    html! {
        <>
            <h2 class="cc-helplines-title">{ Ui::HelplinesIn.fill(locale, &[("place", country.name.text(locale))]) }</h2>
            <ul class="cc-helplines">
                { for country.lines.iter().map(|l| html! {
                    <li><a href={tel(l.number)}>{ l.label(locale) }</a>{ l.note.text(locale) }</li>
                }) }
            </ul>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(h: &Helplines) -> Vec<&str> {
        h.countries.iter().map(|c| c.code).collect()
    }

    #[test]
    fn the_clinics_countries_decide_and_the_locale_is_the_fallback() {
        let none: [&str; 0] = [];
        assert_eq!(codes(&Helplines::new(None, Locale::EnGb, None, none)), ["GB"]);
        assert_eq!(codes(&Helplines::new(None, Locale::EnUs, None, none)), ["US"]);
        // An en-GB page listing US clinics shows the US numbers only.
        assert_eq!(codes(&Helplines::new(None, Locale::EnGb, None, ["US", "US"])), ["US"]);
        // Clinics in both countries: both, whatever the locale.
        assert_eq!(
            codes(&Helplines::new(None, Locale::EnUs, None, ["US", "GB"])),
            ["GB", "US"]
        );
        // The family's country comes first, and is shown even if no clinic is there.
        assert_eq!(
            codes(&Helplines::new(Some("US"), Locale::EnGb, None, ["GB", "US"])),
            ["US", "GB"]
        );
        assert_eq!(
            codes(&Helplines::new(Some("GB"), Locale::EnGb, None, ["US"])),
            ["GB", "US"]
        );
        // Countries we have no numbers for fall back to the locale's.
        assert_eq!(codes(&Helplines::new(Some("IE"), Locale::EnGb, None, ["IE"])), ["GB"]);
    }

    #[test]
    fn text_names_every_number_and_the_site_number_replaces_the_emergency_ones() {
        let both = Helplines::new(None, Locale::EnGb, None, ["GB", "US"]);
        let text = both.text(Locale::EnGb);
        for needle in [
            "999 in the UK or 911 in the US",
            "111",
            "FRANK 0300 123 6600",
            "988",
            "1-800-662-4357",
        ] {
            assert!(text.contains(needle), "{needle} missing from {text}");
        }
        assert!(text.contains("pinpoint pupils"));
        let own = Helplines::new(None, Locale::EnGb, Some("112".into()), ["GB"]);
        assert!(own
            .text(Locale::EnGb)
            .starts_with("Emergency? If someone may have overdosed, call 112 now."));
        assert!(own.text(Locale::EnGb).contains("FRANK"));
        let es = Helplines::new(None, Locale::Es, None, ["US"]).text(Locale::Es);
        for needle in ["911", "988", "oprima 2", "1-800-662-4357", "SAMHSA"] {
            assert!(es.contains(needle), "{needle} missing from {es}");
        }
        assert_eq!(tel("1-800-662-4357"), "tel:18006624357");
    }
}
