//! Reading a scenario file, shared by every subcommand that takes one, so
//! they all word a missing file or a bad document the same way.

use dnsplay::scenario::model::Scenario;

/// The scenario in `path`: "cannot read PATH: reason" when the file can't be
/// read, "PATH: reason" (line, column and field) when it is not a scenario.
pub fn load(path: &str) -> Result<Scenario, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    Scenario::from_json(&text).map_err(|e| format!("{path}: {e}"))
}
