//! The record table's rows, the editable fields of a row, and the per-cell
//! errors the engine's validation returns.
//!
//! Every field is text: the table shows and edits what the user typed, and
//! the engine parses it (so its messages, in Route 53's words, reach the
//! cell that is wrong).

use std::fmt;

/// A stable id for one record set, chosen by whoever builds the rows (for
/// example `www.example.com.|A|primary`). Lints and "show me" refer to rows by it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct RowId(pub String);

impl fmt::Display for RowId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for RowId {
    fn from(s: &str) -> Self {
        RowId(s.to_string())
    }
}

/// The columns of the table, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Column {
    /// The record name, e.g. `www.example.com.`.
    Name,
    /// The record type, e.g. `A`.
    Type,
    /// Routing policy summary: policy, set id, role, weight, region, location.
    Routing,
    /// TTL in seconds (empty for alias records, which take the target's).
    Ttl,
    /// Values, one per line, or the alias target.
    Values,
    /// The health check id, or empty.
    HealthCheck,
}

impl Column {
    /// Every column, in display order.
    pub const ALL: [Column; 6] = [
        Column::Name,
        Column::Type,
        Column::Routing,
        Column::Ttl,
        Column::Values,
        Column::HealthCheck,
    ];

    /// The column heading.
    pub fn title(self) -> &'static str {
        match self {
            Column::Name => "Name",
            Column::Type => "Type",
            Column::Routing => "Routing",
            Column::Ttl => "TTL",
            Column::Values => "Values / alias target",
            Column::HealthCheck => "Health check",
        }
    }

    /// A short key for element ids and CSS classes.
    pub fn key(self) -> &'static str {
        match self {
            Column::Name => "name",
            Column::Type => "type",
            Column::Routing => "routing",
            Column::Ttl => "ttl",
            Column::Values => "values",
            Column::HealthCheck => "health",
        }
    }
}

/// The text of one record set's cells; also what an edit sends back.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RowFields {
    /// Record name.
    pub name: String,
    /// Record type (one of the table's `types`).
    pub rtype: String,
    /// Routing summary, e.g. `failover PRIMARY · set app-a`; `simple` when plain.
    pub routing: String,
    /// TTL in seconds as typed; empty for alias records.
    pub ttl: String,
    /// Values, one per line; for an alias record, its target's DNS name.
    pub values: String,
    /// Health check id, or empty.
    pub health_check: String,
    /// The rest of an alias target (Route 53 extension); `None` for a
    /// record with TTL and values.
    pub alias: Option<AliasFields>,
}

/// An alias target beside its DNS name (which sits in [`RowFields::values`]):
/// API `AliasTarget.HostedZoneId` and `EvaluateTargetHealth`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AliasFields {
    /// The hosted zone of the target (`Z...`; the record's own zone for a
    /// target in the same zone).
    pub hosted_zone_id: String,
    /// Answer the target only while it is healthy.
    pub evaluate_target_health: bool,
}

impl RowFields {
    /// Turns the row into an alias (or back into values). The text of the
    /// values box and of the alias target are different things, so the
    /// one put away comes back in `stash` and the one stashed before
    /// takes its place: toggling twice restores both. A new alias targets
    /// `zone_id` (the record's own zone) until the user says otherwise.
    pub fn toggle_alias(&self, stash: &str, zone_id: &str) -> (RowFields, String) {
        let mut next = self.clone();
        next.values = stash.to_string();
        next.alias = match &self.alias {
            Some(_) => None,
            None => Some(AliasFields {
                hosted_zone_id: zone_id.to_string(),
                evaluate_target_health: false,
            }),
        };
        (next, self.values.clone())
    }
}

impl RowFields {
    /// The text of one column.
    pub fn get(&self, col: Column) -> &str {
        match col {
            Column::Name => &self.name,
            Column::Type => &self.rtype,
            Column::Routing => &self.routing,
            Column::Ttl => &self.ttl,
            Column::Values => &self.values,
            Column::HealthCheck => &self.health_check,
        }
    }

    /// Replaces the text of one column.
    pub fn set(&mut self, col: Column, text: String) {
        match col {
            Column::Name => self.name = text,
            Column::Type => self.rtype = text,
            Column::Routing => self.routing = text,
            Column::Ttl => self.ttl = text,
            Column::Values => self.values = text,
            Column::HealthCheck => self.health_check = text,
        }
    }
}

/// One record set as the table shows it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RecordRow {
    /// Stable id.
    pub id: RowId,
    /// The cells' text (also the starting text of an edit).
    pub fields: RowFields,
    /// An alias record (Route 53 extension): values hold the alias target
    /// and the TTL cell shows that the target's TTL applies. Always equal
    /// to `fields.alias.is_some()`.
    pub is_alias: bool,
}

/// The validation messages for one edited row, one per cell, plus one for
/// problems that belong to no single cell (e.g. a conflict with another set).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CellErrors {
    /// Name cell.
    pub name: Option<String>,
    /// Type cell.
    pub rtype: Option<String>,
    /// Routing cell.
    pub routing: Option<String>,
    /// TTL cell.
    pub ttl: Option<String>,
    /// Values cell.
    pub values: Option<String>,
    /// Health check cell.
    pub health_check: Option<String>,
    /// The row as a whole.
    pub row: Option<String>,
}

impl CellErrors {
    /// The message for one cell.
    pub fn get(&self, col: Column) -> Option<&str> {
        match col {
            Column::Name => self.name.as_deref(),
            Column::Type => self.rtype.as_deref(),
            Column::Routing => self.routing.as_deref(),
            Column::Ttl => self.ttl.as_deref(),
            Column::Values => self.values.as_deref(),
            Column::HealthCheck => self.health_check.as_deref(),
        }
    }

    /// Sets the message for one cell (builder style, for callers and tests).
    pub fn with(mut self, col: Column, message: impl Into<String>) -> Self {
        let slot = match col {
            Column::Name => &mut self.name,
            Column::Type => &mut self.rtype,
            Column::Routing => &mut self.routing,
            Column::Ttl => &mut self.ttl,
            Column::Values => &mut self.values,
            Column::HealthCheck => &mut self.health_check,
        };
        *slot = Some(message.into());
        self
    }

    /// True when the edit was accepted: no message anywhere.
    pub fn is_empty(&self) -> bool {
        Column::ALL.iter().all(|c| self.get(*c).is_none()) && self.row.is_none()
    }
}

/// An edit of an existing row, sent by `on_commit`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowEdit {
    /// The row edited.
    pub id: RowId,
    /// Its new text.
    pub fields: RowFields,
}

/// An edit made for the user (a "try this" prompt): the table opens the
/// row in edit mode with this text and commits it, so the verdict shows in
/// the cells exactly as if the user had typed it. `seq` tells two equal
/// requests apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditRequest {
    /// Increases with every request.
    pub seq: u32,
    /// The edit to make.
    pub edit: RowEdit,
}

/// The record types offered in the type select, most common first.
pub const DEFAULT_TYPES: &[&str] = &[
    "A", "AAAA", "CNAME", "MX", "TXT", "NS", "SOA", "SRV", "CAA", "PTR",
];

/// Lines of a values cell, dropping blank ones (how the table lists them).
pub fn value_lines(values: &str) -> Vec<&str> {
    values
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

/// The position of the first row whose id is in `ids`, to scroll it into view.
pub fn first_index_of(rows: &[RecordRow], ids: &[RowId]) -> Option<usize> {
    rows.iter().position(|r| ids.contains(&r.id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_empty_only_when_no_cell_and_no_row_message() {
        assert!(CellErrors::default().is_empty());
        for col in Column::ALL {
            let e = CellErrors::default().with(col, "bad");
            assert!(!e.is_empty(), "{col:?}");
            assert_eq!(e.get(col), Some("bad"), "{col:?}");
            let others = Column::ALL.iter().filter(|c| **c != col);
            assert!(others.clone().all(|c| e.get(*c).is_none()), "{col:?}");
        }
        let row_only = CellErrors {
            row: Some("conflicts with www CNAME".into()),
            ..CellErrors::default()
        };
        assert!(!row_only.is_empty());
    }

    #[test]
    fn fields_get_what_was_set_for_every_column() {
        let mut f = RowFields::default();
        for (i, col) in Column::ALL.into_iter().enumerate() {
            f.set(col, format!("text {i}"));
        }
        for (i, col) in Column::ALL.into_iter().enumerate() {
            assert_eq!(f.get(col), format!("text {i}"));
        }
        let keys: std::collections::BTreeSet<_> = Column::ALL.iter().map(|c| c.key()).collect();
        assert_eq!(keys.len(), Column::ALL.len(), "column keys are unique ids");
    }

    /// Route 53 takes either `AliasTarget` or `TTL` + `ResourceRecords`
    /// (#16): toggling swaps one text for the other and back.
    #[test]
    fn toggling_alias_twice_restores_both_texts() {
        let values = RowFields {
            values: "192.0.2.1".into(),
            ttl: "60".into(),
            ..RowFields::default()
        };
        let (alias, stash) = values.toggle_alias("", "Z1");
        assert_eq!(
            alias.alias,
            Some(AliasFields {
                hosted_zone_id: "Z1".into(),
                evaluate_target_health: false
            })
        );
        assert_eq!((alias.values.as_str(), stash.as_str()), ("", "192.0.2.1"));
        let mut alias = alias;
        alias.values = "lb.example.com".into();
        let (back, stash) = alias.toggle_alias(&stash, "Z1");
        assert_eq!(back.alias, None);
        assert_eq!(
            (back.values.as_str(), stash.as_str()),
            ("192.0.2.1", "lb.example.com")
        );
        assert_eq!(back.ttl, "60", "the TTL is kept for the way back");
    }

    #[test]
    fn value_lines_drop_blanks_and_trim() {
        assert_eq!(
            value_lines("192.0.2.1\n\n  192.0.2.2  \n"),
            ["192.0.2.1", "192.0.2.2"]
        );
        assert!(value_lines("").is_empty());
    }

    #[test]
    fn first_index_finds_the_earliest_highlighted_row() {
        let rows: Vec<RecordRow> = ["a", "b", "c"]
            .iter()
            .map(|id| RecordRow {
                id: RowId::from(*id),
                ..RecordRow::default()
            })
            .collect();
        assert_eq!(first_index_of(&rows, &["c".into(), "b".into()]), Some(1));
        assert_eq!(first_index_of(&rows, &["z".into()]), None);
        assert_eq!(first_index_of(&rows, &[]), None);
    }
}
