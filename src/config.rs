//! The widget's settings, read from the element's attributes. Invalid values fall back to defaults,
//! each with one warning naming the attribute.

use crate::catalogue::vocabulary::Locale;

/// Distance units shown to the family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Units {
    #[default]
    Miles,
    Kilometres,
}

/// Colour scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    Light,
    Dark,
    #[default]
    Auto,
}

/// Everything a site owner can set on `<clinic-compare>`.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// URL of the catalogue JSON, relative to the host page.
    pub catalogue: Option<String>,
    pub locale: Locale,
    /// The English offered beside Spanish in the widget's language switch, when the site offers
    /// both (`languages="en-US es"`); no switch otherwise.
    pub switch: Option<Locale>,
    pub units: Units,
    /// How many clinics can be compared side by side.
    pub max_compare: usize,
    /// Whether the family may opt in to keeping their shortlist and notes on this device.
    pub persist: bool,
    /// Emergency number shown in the overdose panel; defaults by locale (999 / 911).
    pub emergency_number: Option<String>,
    /// ISO country used to bias place look-ups.
    pub country: Option<String>,
    pub theme: Theme,
    /// Filters applied at start, as `group:code` pairs separated by commas or spaces.
    pub initial_filters: Vec<(String, String)>,
    /// Seconds to wait for the catalogue to download (the answer and the whole file) before saying so.
    pub timeout_seconds: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            catalogue: None,
            locale: Locale::EnGb,
            switch: None,
            units: Units::Miles,
            max_compare: 4,
            persist: false,
            emergency_number: None,
            country: None,
            theme: Theme::Auto,
            initial_filters: Vec::new(),
            timeout_seconds: 20,
        }
    }
}

/// An attribute whose value could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigWarning {
    pub attribute: &'static str,
    pub message: String,
}

impl std::fmt::Display for ConfigWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<clinic-compare {}>: {}", self.attribute, self.message)
    }
}

/// The attributes the element observes, in the order they are read.
pub const ATTRIBUTES: [&str; 12] = [
    "catalogue",
    "lang",
    "languages",
    "units",
    "max-compare",
    "persist",
    "emergency-number",
    "country",
    "theme",
    "initial-filters",
    "timeout",
    "src",
];

/// A language tag the widget speaks: en-GB (and plain "en"), en-US, and Spanish (es, es-US or any
/// es-*, all shown as Spanish for US families).
pub fn parse_locale(tag: &str) -> Option<Locale> {
    let tag = tag.trim().to_ascii_lowercase();
    match tag.as_str() {
        "en-gb" | "en" | "" => Some(Locale::EnGb),
        "en-us" => Some(Locale::EnUs),
        _ if tag == "es" || tag.starts_with("es-") => Some(Locale::Es),
        _ => None,
    }
}

/// The switch's English (`"en-US es"` → en-US) if the list has an English and Spanish, and
/// whether every item is a language the widget speaks.
fn parse_languages(value: &str) -> (Option<Locale>, bool) {
    let (mut english, mut spanish, mut known) = (None, false, true);
    for item in value.split([',', ' ']).filter(|s| !s.is_empty()) {
        match parse_locale(item) {
            Some(Locale::Es) => spanish = true,
            Some(other) => english = english.or(Some(other)),
            None => known = false,
        }
    }
    (english.filter(|_| spanish), known)
}

/// `group:code` pairs separated by commas or spaces, and the items that are not one, named.
fn parse_filters(value: &str) -> (Vec<(String, String)>, String) {
    let (mut filters, mut bad) = (Vec::new(), Vec::new());
    for item in value.split([',', ' ']).filter(|s| !s.is_empty()) {
        match item.split_once(':') {
            Some((group, code)) if !group.is_empty() && !code.is_empty() => {
                filters.push((group.to_string(), code.to_string()))
            }
            _ => bad.push(item),
        }
    }
    (filters, bad.join(", "))
}

impl Config {
    /// Reads settings through `attr`, which returns an attribute's value if it is present.
    pub fn from_attributes(attr: impl Fn(&str) -> Option<String>) -> (Config, Vec<ConfigWarning>) {
        Config::from_page(attr, None)
    }

    /// As [`Config::from_attributes`], with the page's own language (`<html lang>`), which sets
    /// the widget's when the `lang` attribute is absent. A page language the widget does not speak
    /// gives English without a warning: the site owner asked for nothing.
    pub fn from_page(attr: impl Fn(&str) -> Option<String>, page_lang: Option<String>) -> (Config, Vec<ConfigWarning>) {
        let mut config = Config::default();
        let mut warnings = Vec::new();
        let mut warn = |attribute: &'static str, value: &str, expected: &str| {
            warnings.push(ConfigWarning {
                attribute,
                message: format!("\"{value}\" is not valid; expected {expected}. Using the default."),
            });
        };

        config.catalogue = attr("catalogue")
            .or_else(|| attr("src"))
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty());
        match attr("lang") {
            Some(v) => match parse_locale(&v) {
                Some(locale) => config.locale = locale,
                None => warn("lang", &v, "en-GB, en-US or es"),
            },
            None => config.locale = page_lang.as_deref().and_then(parse_locale).unwrap_or_default(),
        }
        if let Some(v) = attr("languages") {
            let known;
            (config.switch, known) = parse_languages(&v);
            if !known {
                warn("languages", &v, "languages such as en-US es");
            }
        }
        if let Some(v) = attr("units") {
            match v.trim().to_ascii_lowercase().as_str() {
                "mi" | "miles" => config.units = Units::Miles,
                "km" | "kilometres" | "kilometers" => config.units = Units::Kilometres,
                _ => warn("units", &v, "mi or km"),
            }
        } else if config.locale.is_us() {
            config.units = Units::Miles;
        }
        if let Some(v) = attr("max-compare") {
            match v.trim().parse::<usize>() {
                Ok(n @ 2..=6) => config.max_compare = n,
                _ => warn("max-compare", &v, "a whole number from 2 to 6"),
            }
        }
        if let Some(v) = attr("persist") {
            match v.trim().to_ascii_lowercase().as_str() {
                "" | "true" | "on" | "yes" | "persist" => config.persist = true,
                "false" | "off" | "no" => config.persist = false,
                _ => warn("persist", &v, "on or off"),
            }
        }
        if let Some(v) = attr("emergency-number") {
            let v = v.trim();
            if !v.is_empty()
                && v.len() <= 20
                && v.chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')'))
            {
                config.emergency_number = Some(v.to_string());
            } else {
                warn("emergency-number", v, "a phone number such as 999 or 911");
            }
        }
        if let Some(v) = attr("country") {
            let v = v.trim();
            if v.len() == 2 && v.chars().all(|c| c.is_ascii_alphabetic()) {
                config.country = Some(v.to_ascii_uppercase());
            } else {
                warn("country", v, "a two-letter country code such as GB or US");
            }
        }
        if let Some(v) = attr("theme") {
            match v.trim().to_ascii_lowercase().as_str() {
                "light" => config.theme = Theme::Light,
                "dark" => config.theme = Theme::Dark,
                "auto" | "" => config.theme = Theme::Auto,
                _ => warn("theme", &v, "light, dark or auto"),
            }
        }
        if let Some(v) = attr("initial-filters") {
            let bad;
            (config.initial_filters, bad) = parse_filters(&v);
            // One warning for the attribute, naming every item that was left out.
            if !bad.is_empty() {
                warn("initial-filters", &bad, "group:code pairs such as medication:methadone");
            }
        }
        if let Some(v) = attr("timeout") {
            match v.trim().parse::<u32>() {
                Ok(n @ 1..=120) => config.timeout_seconds = n,
                _ => warn("timeout", &v, "a number of seconds from 1 to 120"),
            }
        }
        (config, warnings)
    }

    /// The number to call in an emergency: the site's own, or the locale's.
    pub fn emergency_number(&self) -> &str {
        match (&self.emergency_number, self.locale) {
            (Some(n), _) => n,
            (None, Locale::EnUs | Locale::Es) => "911",
            (None, Locale::EnGb) => "999",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn read(pairs: &[(&str, &str)]) -> (Config, Vec<ConfigWarning>) {
        let map: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Config::from_attributes(|name| map.get(name).cloned())
    }

    /// The loader (www/clinic-compare.js) tells the widget when these attributes change: its list
    /// must be this one, or a changed attribute would be missed or one read before it is set.
    #[test]
    fn the_loader_observes_exactly_these_attributes() {
        let loader = include_str!("../www/clinic-compare.js");
        let list = loader
            .split("var OBSERVED = [")
            .nth(1)
            .and_then(|rest| rest.split(']').next())
            .expect("www/clinic-compare.js declares var OBSERVED = [...]");
        let observed: Vec<&str> = list.split(',').map(|a| a.trim().trim_matches('"')).collect();
        assert_eq!(observed, ATTRIBUTES);
    }

    #[test]
    fn defaults_when_no_attributes() {
        let (config, warnings) = read(&[]);
        assert_eq!(config, Config::default());
        assert!(warnings.is_empty());
        assert_eq!(config.emergency_number(), "999");
    }

    #[test]
    fn reads_every_attribute() {
        let (config, warnings) = read(&[
            ("catalogue", " data/clinics.json "),
            ("lang", "en-US"),
            ("units", "km"),
            ("max-compare", "3"),
            ("persist", ""),
            ("emergency-number", "112"),
            ("country", "us"),
            ("theme", "dark"),
            ("initial-filters", "medication:methadone, setting:outpatient"),
        ]);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(config.catalogue.as_deref(), Some("data/clinics.json"));
        assert_eq!(config.locale, Locale::EnUs);
        assert_eq!(config.units, Units::Kilometres);
        assert_eq!(config.max_compare, 3);
        assert!(config.persist);
        assert_eq!(config.emergency_number(), "112");
        assert_eq!(config.country.as_deref(), Some("US"));
        assert_eq!(config.theme, Theme::Dark);
        assert_eq!(
            config.initial_filters,
            vec![
                ("medication".into(), "methadone".into()),
                ("setting".into(), "outpatient".into())
            ]
        );
    }

    #[test]
    fn spanish_from_the_attribute_or_the_page_and_the_switchs_languages() {
        for tag in ["es", "ES", "es-US", "es-MX", " es-419 "] {
            assert_eq!(read(&[("lang", tag)]).0.locale, Locale::Es, "{tag}");
        }
        let page = |lang: Option<&str>, attrs: &[(&str, &str)]| {
            let map: HashMap<String, String> = attrs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
            Config::from_page(|name| map.get(name).cloned(), lang.map(String::from))
        };
        assert_eq!(page(Some("es-US"), &[]).0.locale, Locale::Es);
        assert_eq!(page(Some("en-US"), &[]).0.locale, Locale::EnUs);
        let (french, warnings) = page(Some("fr"), &[]);
        assert_eq!(
            (french.locale, warnings.len()),
            (Locale::EnGb, 0),
            "the page asked nothing of the widget"
        );
        assert_eq!(
            page(Some("es"), &[("lang", "en-US")]).0.locale,
            Locale::EnUs,
            "the attribute wins"
        );
        let (spanish, _) = read(&[("lang", "es")]);
        assert_eq!((spanish.emergency_number(), spanish.units), ("911", Units::Miles));
        let (config, warnings) = read(&[("languages", "en-US es, klingon")]);
        assert_eq!(config.switch, Some(Locale::EnUs));
        assert_eq!(read(&[("languages", "es")]).0.switch, None, "one language is no choice");
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].to_string().contains("languages") && warnings[0].message.contains("klingon"));
    }

    #[test]
    fn invalid_values_fall_back_with_one_warning_each() {
        let (config, warnings) = read(&[
            ("lang", "fr"),
            ("units", "furlongs"),
            ("max-compare", "40"),
            ("emergency-number", "<script>"),
            ("theme", "neon"),
        ]);
        assert_eq!(config.locale, Locale::EnGb);
        assert_eq!(config.units, Units::Miles);
        assert_eq!(config.max_compare, 4);
        assert_eq!(config.emergency_number(), "999");
        assert_eq!(config.theme, Theme::Auto);
        let named: Vec<_> = warnings.iter().map(|w| w.attribute).collect();
        assert_eq!(named, ["lang", "units", "max-compare", "emergency-number", "theme"]);
        assert!(warnings[0].to_string().contains("lang"));
    }
}
