//! English names of the language codes catalogues use (BCP 47, lower case), so no list ever shows
//! a bare code.
//!
//! The widget asks the browser (`Intl.DisplayNames`, see `ui::query::language_name`), which knows
//! every common language and will name them in Spanish too, so only [`special_name`] ships in the
//! wasm: codes the browser names badly or not at all. Native tools (importers, `stats`, tests)
//! use [`common_name`] as well.

/// Codes the browser does not name, or names unhelpfully ("sgn-US", language families).
pub fn special_name(code: &str) -> Option<&'static str> {
    Some(match code {
        "asl" | "sgn-us" => "American Sign Language",
        "bsl" | "sgn-gb" => "British Sign Language",
        "nai" => "American Indian or Alaska Native languages",
        "crp" => "Creole",
        "ypk" => "Yupik",
        "oj" => "Ojibwa",
        "hmn" => "Hmong",
        _ => return None,
    })
}

/// Names of the other codes importers write and the templates suggest (native tools only).
#[cfg(not(target_arch = "wasm32"))]
pub fn common_name(code: &str) -> Option<&'static str> {
    Some(match code {
        "en" => "English",
        "es" => "Spanish",
        "pl" => "Polish",
        "ur" => "Urdu",
        "pa" => "Punjabi",
        "bn" => "Bengali",
        "gu" => "Gujarati",
        "ar" => "Arabic",
        "zh" => "Chinese",
        "vi" => "Vietnamese",
        "ro" => "Romanian",
        "pt" => "Portuguese",
        "fr" => "French",
        "cy" => "Welsh",
        "ht" => "Haitian Creole",
        "ru" => "Russian",
        "so" => "Somali",
        "ko" => "Korean",
        "tl" => "Tagalog",
        "fa" => "Persian (Farsi)",
        "de" => "German",
        "el" => "Greek",
        "he" => "Hebrew",
        "hi" => "Hindi",
        "it" => "Italian",
        "ja" => "Japanese",
        "uk" => "Ukrainian",
        "tr" => "Turkish",
        "ga" => "Irish",
        "gd" => "Scottish Gaelic",
        _ => return None,
    })
}

/// What a list shows for a code no table or browser knows: never the bare code alone.
pub fn other_language(code: &str) -> String {
    format!("Other language ({code})")
}

/// The English name, for native tools: special names, then common ones, then "Other language (xx)".
#[cfg(not(target_arch = "wasm32"))]
pub fn english_name(code: &str) -> String {
    special_name(code)
        .or_else(|| common_name(code))
        .map(str::to_string)
        .unwrap_or_else(|| other_language(code))
}
