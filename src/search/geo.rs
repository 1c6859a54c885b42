//! Great-circle distances and the units families read them in.

/// Mean Earth radius (IUGG), km.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;
pub const KM_PER_MILE: f64 = 1.609_344;

/// A point as (latitude, longitude) in degrees.
pub type Point = (f64, f64);

/// Haversine distance in km.
pub fn distance_km(a: Point, b: Point) -> f64 {
    let (la1, lo1, la2, lo2) = (a.0.to_radians(), a.1.to_radians(), b.0.to_radians(), b.1.to_radians());
    let h = sin((la2 - la1) / 2.0).powi(2) + cos(la1) * cos(la2) * sin((lo2 - lo1) / 2.0).powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// Sine by its Taylor series, which is exact to about 1e-11 over one turn: angles here come from
/// latitudes and longitudes, so they never need the general argument reduction `f64::sin` carries
/// (about 3 KB compressed in the widget).
pub fn sin(x: f64) -> f64 {
    use std::f64::consts::{PI, TAU};
    // Into [-π, π]; `floor` is a single WebAssembly instruction.
    let x = if x.abs() > PI {
        x - (x / TAU + 0.5).floor() * TAU
    } else {
        x
    };
    let x2 = x * x;
    // Horner's scheme over x - x³/3! + x⁵/5! - …, down from x²³/23!.
    let mut sum = 1.0;
    for k in (1..=11).rev() {
        let n = (2 * k) as f64;
        sum = 1.0 - x2 / (n * (n + 1.0)) * sum;
    }
    x * sum
}

/// Cosine, through [`sin`].
pub fn cos(x: f64) -> f64 {
    sin(x + std::f64::consts::FRAC_PI_2)
}

pub fn km_to_miles(km: f64) -> f64 {
    km / KM_PER_MILE
}

/// Postcodes and ZIPs compared without case or spaces: "m1 2ab" → "M12AB".
pub fn normalise_postcode(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// The outward part of a UK postcode ("M1 2AB" → "M1"), or the first five digits of a ZIP+4.
pub fn postcode_area(text: &str) -> String {
    let trimmed = text.trim();
    if let Some((outward, _)) = trimmed.split_once(' ') {
        return normalise_postcode(outward);
    }
    let n = normalise_postcode(trimmed);
    if n.len() > 5 && n.chars().all(|c| c.is_ascii_digit()) {
        return n[..5].to_string();
    }
    // A UK postcode without its space: the inward part is always digit + two letters.
    if n.len() >= 5 && n.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) {
        return n[..n.len() - 3].to_string();
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_distances() {
        let london = (51.5074, -0.1278);
        let manchester = (53.4808, -2.2426);
        let d = distance_km(london, manchester);
        assert!((d - 262.0).abs() < 3.0, "{d}");
        let new_york = (40.7128, -74.0060);
        let los_angeles = (34.0522, -118.2437);
        assert!((km_to_miles(distance_km(new_york, los_angeles)) - 2445.0).abs() < 15.0);
        assert_eq!(distance_km(london, london), 0.0);
    }

    #[test]
    fn sine_and_cosine_match_the_standard_library() {
        for i in -4000..=4000 {
            let x = f64::from(i) / 1000.0;
            assert!((sin(x) - x.sin()).abs() < 1e-10, "sin {x}");
            assert!((cos(x) - x.cos()).abs() < 1e-10, "cos {x}");
        }
        assert!((sin(100.0) - 100f64.sin()).abs() < 1e-9);
    }

    #[test]
    fn postcodes() {
        assert_eq!(normalise_postcode(" m1 2ab "), "M12AB");
        assert_eq!(postcode_area("M1 2AB"), "M1");
        assert_eq!(postcode_area("SW1A1AA"), "SW1A");
        assert_eq!(postcode_area("10001-1234"), "10001");
        assert_eq!(postcode_area("M1"), "M1");
    }
}
