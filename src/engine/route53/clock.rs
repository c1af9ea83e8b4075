//! Simulated time as Route 53 prints it.
//!
//! dnsplay fixes the scenario start, [`SimTime::ZERO`], at
//! **2025-01-01T00:00:00.000Z** so that `SubmittedAt` looks like a real
//! timestamp and every run prints the same one. Route 53 returns
//! `SubmittedAt` as ISO 8601 in UTC with milliseconds
//! (`2025-01-01T00:00:00.000Z`, API `ChangeInfo`).
//!
//! Changes are `PENDING` for [`PROPAGATION_MILLIS`] after submission and
//! `INSYNC` from then on: API `ChangeResourceRecordSets` says changes
//! "generally propagate to all Route 53 name servers ... within 60
//! seconds" (#2), so dnsplay takes exactly 60 s of simulated time.

use crate::engine::time::SimTime;

/// Milliseconds from 1970-01-01T00:00:00Z to the scenario start
/// (2025-01-01T00:00:00Z).
pub const EPOCH_UNIX_MILLIS: u64 = 1_735_689_600_000;

/// How long a change stays `PENDING` (60 s of simulated time).
pub const PROPAGATION_MILLIS: u64 = 60_000;

/// `SubmittedAt` for `t`: `YYYY-MM-DDTHH:MM:SS.mmmZ`.
pub fn iso8601(t: SimTime) -> String {
    let unix_ms = EPOCH_UNIX_MILLIS.saturating_add(t.as_millis());
    let ms = unix_ms % 1000;
    let secs = unix_ms / 1000;
    let (days, rem) = (secs / 86_400, secs % 86_400);
    let (h, m, s) = (rem / 3600, rem % 3600 / 60, rem % 60);
    let (y, mo, d) = civil_from_days(days);
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{m:02}:{s:02}.{ms:03}Z")
}

/// `PENDING` or `INSYNC` for a change submitted at `submitted`, seen at `now`.
pub fn change_status(submitted: SimTime, now: SimTime) -> &'static str {
    if now >= submitted.plus_millis(PROPAGATION_MILLIS) {
        "INSYNC"
    } else {
        "PENDING"
    }
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's
/// `civil_from_days`, unsigned because dnsplay never goes before 2025).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + u64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// API `ChangeInfo.SubmittedAt`: ISO 8601, UTC, milliseconds.
    #[test]
    fn submitted_at_format() {
        let cases = [
            (SimTime::ZERO, "2025-01-01T00:00:00.000Z"),
            (SimTime(1), "2025-01-01T00:00:00.001Z"),
            (
                SimTime::from_secs(86_399).plus_millis(999),
                "2025-01-01T23:59:59.999Z",
            ),
            (SimTime::from_secs(59 * 86_400), "2025-03-01T00:00:00.000Z"),
            (SimTime::from_secs(365 * 86_400), "2026-01-01T00:00:00.000Z"),
            // 2028 is a leap year: 2028-02-29 exists.
            (
                SimTime::from_secs((365 * 3 + 31 + 28) * 86_400),
                "2028-02-29T00:00:00.000Z",
            ),
        ];
        for (t, want) in cases {
            assert_eq!(iso8601(t), want, "{t}");
        }
    }

    /// API `ChangeResourceRecordSets` (#2): PENDING for 60 s, then INSYNC.
    #[test]
    fn status_flips_at_sixty_seconds() {
        let at = SimTime::from_secs(10);
        assert_eq!(change_status(at, at), "PENDING");
        assert_eq!(
            change_status(at, SimTime::from_secs(70).plus_millis(0)),
            "INSYNC"
        );
        assert_eq!(change_status(at, SimTime(69_999)), "PENDING");
        assert_eq!(change_status(at, SimTime(70_000)), "INSYNC");
    }
}
