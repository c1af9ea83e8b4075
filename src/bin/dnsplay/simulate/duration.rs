//! Durations on the command line: `90s`, `10m`, `2h`, `1h30m`, `250ms`.

use dnsplay::engine::time::SimTime;

/// The largest duration accepted: 30 simulated days, far past anything the
/// event budget lets a run reach, and far below u64 overflow.
pub const MAX_DURATION_MS: u64 = 30 * 24 * 3_600_000;

/// `90s`, `10m`, `2h`, `1h30m`, `250ms`: numbers each followed by a unit
/// (`h`, `m`, `s`, `ms`), units from largest to smallest, each at most once.
pub fn parse_duration(text: &str) -> Result<SimTime, String> {
    let bad = |why: &str| {
        Err(format!(
            "invalid duration '{text}': {why} (examples: 90s, 10m, 2h, 1h30m, 250ms)"
        ))
    };
    if text.is_empty() {
        return bad("empty");
    }
    let units: [(&str, u64); 4] = [("h", 3_600_000), ("m", 60_000), ("s", 1_000), ("ms", 1)];
    let mut rest = text;
    let mut total: u64 = 0;
    let mut next_unit = 0usize;
    while !rest.is_empty() {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return bad("expected a number");
        }
        let (number, after) = rest.split_at(digits);
        let Ok(n) = number.parse::<u64>() else {
            return bad("number too large");
        };
        let unit_len = after.bytes().take_while(u8::is_ascii_alphabetic).count();
        let (unit, after) = after.split_at(unit_len);
        if unit.is_empty() {
            return bad("missing unit after the number");
        }
        let Some(i) = units.iter().position(|(u, _)| *u == unit) else {
            return bad(&format!("unknown unit '{unit}'"));
        };
        if i < next_unit {
            return bad("units must go from hours to milliseconds, each once");
        }
        next_unit = i + 1;
        total = match n
            .checked_mul(units[i].1)
            .and_then(|ms| total.checked_add(ms))
        {
            Some(t) if t <= MAX_DURATION_MS => t,
            _ => return bad("longer than 30 days"),
        };
        rest = after;
    }
    Ok(SimTime(total))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each row: a duration and its milliseconds, or the error's start.
    #[test]
    fn durations() {
        let ok = [
            ("90s", 90_000),
            ("10m", 600_000),
            ("2h", 7_200_000),
            ("1h30m", 5_400_000),
            ("1m30s250ms", 90_250),
            ("0s", 0),
            ("720h", MAX_DURATION_MS),
        ];
        for (text, ms) in ok {
            assert_eq!(parse_duration(text), Ok(SimTime(ms)), "{text}");
        }
        let bad = [
            ("", "empty"),
            ("10", "missing unit"),
            ("10x", "unknown unit 'x'"),
            ("m", "expected a number"),
            ("30m1h", "units must go"),
            ("1h1h", "units must go"),
            ("721h", "longer than 30 days"),
            ("99999999999999999999s", "number too large"),
            ("-5s", "expected a number"),
            ("1h 30m", "expected a number"),
        ];
        for (text, why) in bad {
            let err = parse_duration(text).err().unwrap_or_default();
            assert!(
                err.starts_with(&format!("invalid duration '{text}': {why}")),
                "{text}: {err}"
            );
        }
    }
}
