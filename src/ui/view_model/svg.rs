//! Small helpers for writing SVG attributes.

/// A coordinate for an SVG attribute, rounded to one decimal (plenty on
/// screen, and it keeps the DOM small); whole numbers print without `.0`,
/// and a non-finite value prints as `0` rather than breaking the drawing.
pub fn num(v: f64) -> String {
    if !v.is_finite() {
        return "0".to_string();
    }
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
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
        ] {
            assert_eq!(num(v), want, "{v}");
        }
    }
}
