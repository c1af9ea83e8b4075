//! Share-link migrations: every link version ever released decodes, through
//! a chain of steps, to the document the current code reads.
//!
//! A link is `#s=<version>.<payload>`. The version names two things that
//! change together: how the payload is packed (the deflate dictionary, see
//! [`super::codec`]) and the shape of the JSON inside (the
//! [`super::codec::SharedState`] envelope and its
//! [`super::model::Scenario`]). Decoding unpacks with the link's own
//! version, then runs `STEPS[v - 1]` for every `v` from the link's version
//! up to [`LATEST`]: step `v` turns a version-`v` document into a
//! version-`v + 1` one (renaming fields, filling a new field with the value
//! that keeps the old meaning, raising `scenario.version`). A step that only
//! changes the packing is the identity. Steps are never edited once
//! released; the golden links in `tests/fixtures/links/v<N>/` check it.
//!
//! The pattern follows the Rust playground's and Compiler Explorer's
//! versioned saved state: old state is upgraded step by step, never
//! reinterpreted by newer code.

use serde_json::Value;

/// The link version this code writes.
pub const LATEST: u32 = 1;

/// One step: a document of version `v` to version `v + 1`.
type Step = fn(Value) -> Result<Value, String>;

/// `STEPS[v - 1]` upgrades version `v`; empty while only v1 exists.
const STEPS: &[Step] = &[];

/// Why a document cannot be brought to [`LATEST`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MigrateError {
    /// Version 0 or a version no release ever wrote.
    Unknown(u32),
    /// A version newer than this code: the link was made by a newer dnsplay.
    Newer(u32),
    /// A step refused the document (it lacks what that version always had).
    Step {
        /// The version the step starts from.
        from: u32,
        /// What is missing or wrong.
        message: String,
    },
}

impl std::fmt::Display for MigrateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MigrateError::Unknown(v) => write!(f, "unknown link version {v}"),
            MigrateError::Newer(v) => write!(
                f,
                "link version {v} was made by a newer dnsplay; this one reads versions 1 to {LATEST}"
            ),
            MigrateError::Step { from, message } => {
                write!(f, "cannot upgrade a version {from} link: {message}")
            }
        }
    }
}

/// Whether links of `version` can be read at all.
pub fn check(version: u32) -> Result<(), MigrateError> {
    match version {
        0 => Err(MigrateError::Unknown(0)),
        v if v > LATEST => Err(MigrateError::Newer(v)),
        _ => Ok(()),
    }
}

/// `value`, a document of link version `version`, as a [`LATEST`] one.
pub fn migrate(version: u32, value: Value) -> Result<Value, MigrateError> {
    check(version)?;
    let mut value = value;
    // Bounded by LATEST: each round moves one version up.
    for from in version..LATEST {
        let step = usize::try_from(from - 1)
            .ok()
            .and_then(|i| STEPS.get(i))
            .ok_or(MigrateError::Unknown(from))?;
        value = step(value).map_err(|message| MigrateError::Step { from, message })?;
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Every released version has a step up to the next (the chain has no
    /// gap), so every old link reaches LATEST.
    #[test]
    fn chain_has_a_step_per_released_version() {
        assert_eq!(STEPS.len(), usize::try_from(LATEST - 1).unwrap_or(0));
    }

    /// The latest version passes through untouched; 0 and future versions
    /// are refused by name.
    #[test]
    fn versions_table() {
        let doc = json!({"scenario": {"version": 1}, "page": "route53-failover"});
        let cases: &[(u32, Result<Value, MigrateError>)] = &[
            (0, Err(MigrateError::Unknown(0))),
            (LATEST, Ok(doc.clone())),
            (LATEST + 1, Err(MigrateError::Newer(LATEST + 1))),
            (u32::MAX, Err(MigrateError::Newer(u32::MAX))),
        ];
        for (version, want) in cases {
            assert_eq!(&migrate(*version, doc.clone()), want, "v{version}");
        }
        assert_eq!(
            MigrateError::Newer(2).to_string(),
            "link version 2 was made by a newer dnsplay; this one reads versions 1 to 1"
        );
    }
}
