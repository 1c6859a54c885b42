//! Coordinates for clinics that have none, from the place files the widget uses (data/places/,
//! read by [`crate::search::places`]): `clinic-catalogue places`. The catalogue is edited as JSON,
//! so everything else in the file stays as written; each fill says how approximate it is.

use std::collections::BTreeMap;

use serde_json::value::RawValue;
use serde_json::Value;

use crate::catalogue::load::country_from_name;
use crate::search::places::{locate_address, Gazetteer, Place, Precision};

/// A clinic without usable coordinates, and what the place files make of its address.
#[derive(Debug, Clone, PartialEq)]
pub struct Missing {
    /// Position in the file's `clinics` list (0-based).
    pub index: usize,
    pub id: String,
    pub name: String,
    /// The address as the place files were asked: "LS1 4AP, Leeds, West Yorkshire, GB".
    pub address: String,
    /// The place found and how closely it stands for the address, or why there is none.
    pub fill: Result<(Place, Precision), String>,
}

/// Every clinic whose `location` lacks a usable `lat` and `lon` (missing, only one of them, not a
/// number or out of range), each looked up in the place file of its country in `files`.
pub fn missing_coordinates(catalogue: &Value, files: &[&Gazetteer]) -> Vec<Missing> {
    let clinics = catalogue.get("clinics").and_then(Value::as_array);
    clinics
        .into_iter()
        .flatten()
        .enumerate()
        .filter(|(_, clinic)| !has_coordinates(&clinic["location"]))
        .map(|(index, clinic)| look_up(index, clinic, files))
        .collect()
}

fn has_coordinates(location: &Value) -> bool {
    let within = |key: &str, limit: f64| {
        location[key]
            .as_f64()
            .is_some_and(|v| v.is_finite() && v.abs() <= limit)
    };
    within("lat", 90.0) && within("lon", 180.0)
}

fn look_up(index: usize, clinic: &Value, files: &[&Gazetteer]) -> Missing {
    let text = |value: &Value| {
        value
            .as_str()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
    };
    let location = &clinic["location"];
    let (postcode, region) = (text(&location["postcode"]), text(&location["region"]));
    let town = text(&location["town"]).unwrap_or_default();
    let written = text(&location["country"]).unwrap_or_default().to_ascii_uppercase();
    let country = country_from_name(&written).unwrap_or(&written).to_string();
    let parts = [
        postcode.clone(),
        Some(town.clone()),
        region.clone(),
        Some(country.clone()),
    ];
    let address: Vec<String> = parts.into_iter().flatten().filter(|p| !p.is_empty()).collect();
    let fill = match files.iter().find(|g| g.country == country) {
        Some(g) => locate_address(g, postcode.as_deref(), &town, region.as_deref()),
        None => Err(format!(
            "no place file for the country “{written}” (there are files for GB and US)"
        )),
    };
    Missing {
        index,
        id: text(&clinic["id"]).unwrap_or_else(|| "no id".into()),
        name: text(&clinic["name"]).unwrap_or_default(),
        address: address.join(", "),
        fill,
    }
}

/// The catalogue's text with each found point written into its clinic's `location` (rounded to a
/// thousandth of a degree, as precise as the place files), and how many clinics were filled. Only
/// `lat` and `lon` are written or replaced: every other byte of the file stays as it was, so a
/// hand-kept file keeps its order, layout and comments-in-fields.
pub fn fill(text: &str, missing: &[Missing]) -> Result<(String, usize), String> {
    let file: Spans = serde_json::from_str(text).map_err(|e| format!("not a catalogue: {e}"))?;
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    let mut filled = 0;
    for m in missing {
        let (Ok((place, _)), Some(clinic)) = (&m.fill, file.clinics.get(m.index)) else {
            continue;
        };
        let clinic: ClinicSpan =
            serde_json::from_str(clinic.get()).map_err(|e| format!("clinic {}: {e}", m.index + 1))?;
        edits.extend(point_edits(text, clinic.location.get(), place.point)?);
        filled += 1;
    }
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_string();
    for (start, end, with) in edits {
        out.replace_range(start..end, &with);
    }
    Ok((out, filled))
}

/// Just the parts of the file that `fill` edits, borrowed from its text (so their places in it are known).
#[derive(serde::Deserialize)]
struct Spans<'a> {
    #[serde(borrow)]
    clinics: Vec<&'a RawValue>,
}

#[derive(serde::Deserialize)]
struct ClinicSpan<'a> {
    #[serde(borrow)]
    location: &'a RawValue,
}

/// Where `part` (a slice of `text`) starts in it.
fn offset(text: &str, part: &str) -> usize {
    part.as_ptr() as usize - text.as_ptr() as usize
}

/// The edits that give one `location` object (a slice of `text`) its point: a `lat` or `lon`
/// already there (out of range, or a word) gets the new value in place; a missing one is added
/// after the last field, laid out like the object's first field.
fn point_edits(text: &str, location: &str, point: (f64, f64)) -> Result<Vec<(usize, usize, String)>, String> {
    let fields: BTreeMap<String, &RawValue> =
        serde_json::from_str(location).map_err(|e| format!("a location is not an object: {e}"))?;
    let number = |v: f64| serde_json::to_string(&((v * 1000.0).round() / 1000.0)).unwrap_or_default();
    let layout = Layout::of(location);
    let mut edits = Vec::new();
    let mut added = Vec::new();
    for (key, value) in [("lat", number(point.0)), ("lon", number(point.1))] {
        match fields.get(key) {
            Some(raw) => {
                let start = offset(text, raw.get());
                edits.push((start, start + raw.get().len(), value));
            }
            None => added.push(format!("\"{key}\"{}{value}", layout.colon)),
        }
    }
    if !added.is_empty() {
        let body = location[..location.len() - 1].trim_end();
        let mut insert = added.join(&layout.gap);
        if body != "{" {
            insert = format!("{}{insert}", layout.gap);
        }
        let at = offset(text, location) + body.len();
        edits.push((at, at, insert));
    }
    Ok(edits)
}

/// How an object's fields are written: what goes between them (", ", ",", or a new line and
/// indent) and between a key and its value.
struct Layout {
    gap: String,
    colon: &'static str,
}

impl Layout {
    fn of(object: &str) -> Layout {
        let inside = &object[1..];
        let lead = &inside[..inside.len() - inside.trim_start().len()];
        let compact = !object.contains("\": ");
        let gap = match (lead.contains('\n'), compact) {
            (true, _) => format!(",{lead}"),
            (false, true) => ",".into(),
            (false, false) => ", ".into(),
        };
        Layout {
            gap,
            colon: if compact { ":" } else { ": " },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;

    fn files() -> [&'static Gazetteer; 2] {
        static FILES: OnceLock<[Gazetteer; 2]> = OnceLock::new();
        let [gb, us] = FILES.get_or_init(|| {
            let read = |text| Gazetteer::decode(text).unwrap();
            [
                read(include_str!("../../data/places/places-gb.txt")),
                read(include_str!("../../data/places/places-us.txt")),
            ]
        });
        [gb, us]
    }

    /// A hand-kept file: fields in the owner's order, laid out, one location on one line.
    const TEXT: &str = r#"{
  "schema_version": 1,
  "clinics": [
    { "id": "placed", "name": "Has both", "location": { "town": "York", "country": "GB", "lat": 53.96, "lon": -1.08 } },
    {
      "id": "leeds",
      "name": "Sector",
      "location": {
        "town": "Leeds",
        "postcode": "LS1 4AP",
        "country": "UK"
      }
    },
    { "id": "half", "name": "Only lat", "location": { "town": "Worcester", "region": "MA", "country": "US", "lat": 42.2 } },
    { "id": "bad", "name": "Out of range", "location": { "town": "Leeds", "postcode": "90210", "country": "US", "lat": 95, "lon": 0 } },
    { "id": "shared", "name": "Which one", "location": { "town": "Springfield", "country": "US" } },
    { "id": "dublin", "name": "Elsewhere", "location": { "town": "Dublin", "country": "IE" } }
  ]
}
"#;

    fn catalogue() -> Value {
        serde_json::from_str(TEXT).unwrap()
    }

    #[test]
    fn clinics_without_usable_coordinates_are_found_and_placed() {
        let missing = missing_coordinates(&catalogue(), &files());
        let ids: Vec<&str> = missing.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["leeds", "half", "bad", "shared", "dublin"]);
        let precision = |i: usize| missing[i].fill.as_ref().map(|f| f.1).map_err(String::as_str);
        assert_eq!(precision(0), Ok(Precision::Sector));
        assert_eq!(missing[0].address, "LS1 4AP, Leeds, GB");
        assert_eq!(precision(1), Ok(Precision::Town));
        assert_eq!(precision(2), Ok(Precision::Zip), "the ZIP wins over the town");
        assert!(precision(3).unwrap_err().contains("give the county or state"));
        assert!(precision(4).unwrap_err().contains("no place file for the country “IE”"));
    }

    #[test]
    fn fill_writes_rounded_points_and_leaves_every_other_byte() {
        let missing = missing_coordinates(&catalogue(), &files());
        let (filled, count) = fill(TEXT, &missing).unwrap();
        assert_eq!(count, 3);
        let after: Value = serde_json::from_str(&filled).unwrap();
        let location = |i: usize| &after["clinics"][i]["location"];
        assert_eq!(location(0)["lat"], 53.96, "a clinic with coordinates is left alone");
        let (lat, lon) = (
            location(1)["lat"].as_f64().unwrap(),
            location(1)["lon"].as_f64().unwrap(),
        );
        assert!((lat - 53.8).abs() < 0.02 && (lat * 1000.0).fract() == 0.0, "{lat}");
        assert!(
            location(3)["lat"].as_f64().unwrap() < 40.0,
            "the out-of-range latitude is replaced"
        );
        assert!(location(4).get("lat").is_none() && location(5).get("lat").is_none());
        assert_eq!(
            missing_coordinates(&after, &files()).len(),
            2,
            "filled clinics are no longer missing"
        );
        // Laid out like the file: the new fields on lines of their own, indented like the others.
        let added = format!(",\n        \"lat\": {lat},\n        \"lon\": {lon}");
        assert!(
            filled.contains(&format!("\"country\": \"UK\"{added}\n      }}")),
            "{filled}"
        );
        // Nothing else changed: without the new and replaced points, the file is as it was.
        let worcester = &location(2);
        let undo = filled
            .replacen(&added, "", 1)
            .replacen(
                &format!(", \"lat\": {}, \"lon\": {} }}", worcester["lat"], worcester["lon"]),
                ", \"lat\": 42.2 }",
                1,
            )
            .replacen(
                &format!("\"lat\": {}, \"lon\": {} }}", location(3)["lat"], location(3)["lon"]),
                "\"lat\": 95, \"lon\": 0 }",
                1,
            );
        assert_eq!(undo, TEXT);
    }

    #[test]
    fn fill_follows_a_one_line_or_compact_layout() {
        let point = (53.8, -1.55);
        let edit = |text: &str| {
            let mut out = text.to_string();
            for (start, end, with) in point_edits(text, text, point).unwrap().into_iter().rev() {
                out.replace_range(start..end, &with);
            }
            out
        };
        assert_eq!(
            edit(r#"{"town": "Leeds", "country": "GB"}"#),
            r#"{"town": "Leeds", "country": "GB", "lat": 53.8, "lon": -1.55}"#
        );
        assert_eq!(
            edit(r#"{"town":"Leeds","lat":"north"}"#),
            r#"{"town":"Leeds","lat":53.8,"lon":-1.55}"#
        );
        assert_eq!(edit("{}"), r#"{"lat":53.8,"lon":-1.55}"#);
    }
}
