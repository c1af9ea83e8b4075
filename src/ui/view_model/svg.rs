//! Small helpers for writing SVG attributes.

/// A coordinate for an SVG attribute, rounded to one decimal (plenty on
/// screen, and it keeps the DOM small); whole numbers print without `.0`,
/// and a non-finite value prints as `0` rather than breaking the drawing.
///
/// Formatted through integers on purpose: Rust's float `Display` costs
/// about 20 KiB of wasm, more than every diagram together.
pub fn num(v: f64) -> String {
    if !v.is_finite() {
        return "0".to_string();
    }
    // `as` saturates, so absurd coordinates cannot overflow.
    let tenths = (v * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let abs = tenths.unsigned_abs();
    if abs.is_multiple_of(10) {
        format!("{sign}{}", abs / 10)
    } else {
        format!("{sign}{}.{}", abs / 10, abs % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_to_one_decimal() {
        for (v, want) in [
            (0.0, "0"),
            (12.0, "12"),
            (12.04, "12"),
            (12.06, "12.1"),
            (-3.26, "-3.3"),
            (f64::NAN, "0"),
            (f64::INFINITY, "0"),
            (-0.04, "0"),
            (0.95, "1"),
            (-0.5, "-0.5"),
            (1e30, "922337203685477580.7"), // saturated, not wrapped
        ] {
            assert_eq!(num(v), want, "{v}");
        }
    }
}
