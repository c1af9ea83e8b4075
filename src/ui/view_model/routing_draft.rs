//! The routing cell as structured fields, and its compact text.
//!
//! A row keeps its routing as one short text (`failover PRIMARY · set
//! app-a`): that is what the read-only row shows and what prompts match on.
//! The editor reads the text into a [`RoutingDraft`] (one field per API
//! member: policy, SetIdentifier, Failover, Weight, Region, GeoLocation),
//! lets the user change each field with its own control, and writes the
//! text back. The grammar, one policy word then its arguments then
//! `· set ID`:
//!
//! ```text
//! simple
//! failover PRIMARY · set app-a
//! weighted 10 · set blue
//! latency eu-west-1 · set eu
//! geolocation continent EU · set europe
//! geolocation country US subdivision WA · set wa
//! geolocation default · set rest          (CountryCode "*")
//! multivalue · set one
//! ```
//!
//! Geoproximity and IP-based routing are not offered: the engine does not
//! route them.
//!
//! A field left empty survives the round trip (`weighted · set blue`), so a
//! half-filled editor never loses what was typed; whether the request can
//! be built is decided when the row is committed.

use std::fmt;

/// A routing policy (API `ResourceRecordSet`: which of Weight, Region,
/// Failover, GeoLocation or MultiValueAnswer is present).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum PolicyKind {
    /// No SetIdentifier, one set per name and type.
    #[default]
    Simple,
    /// `Failover`: PRIMARY or SECONDARY.
    Failover,
    /// `Weight`: 0–255.
    Weighted,
    /// `Region`: an AWS region.
    Latency,
    /// `GeoLocation`: continent, country (and subdivision), or default.
    Geolocation,
    /// `MultiValueAnswer: true`.
    MultiValue,
}

impl PolicyKind {
    /// Every policy, in the order the select lists them.
    pub const ALL: [PolicyKind; 6] = [
        PolicyKind::Simple,
        PolicyKind::Failover,
        PolicyKind::Weighted,
        PolicyKind::Latency,
        PolicyKind::Geolocation,
        PolicyKind::MultiValue,
    ];

    /// The word the routing text starts with (also the select's value).
    pub fn word(self) -> &'static str {
        match self {
            PolicyKind::Simple => "simple",
            PolicyKind::Failover => "failover",
            PolicyKind::Weighted => "weighted",
            PolicyKind::Latency => "latency",
            PolicyKind::Geolocation => "geolocation",
            PolicyKind::MultiValue => "multivalue",
        }
    }

    /// What the select shows.
    pub fn label(self) -> &'static str {
        match self {
            PolicyKind::Simple => "Simple",
            PolicyKind::Failover => "Failover",
            PolicyKind::Weighted => "Weighted",
            PolicyKind::Latency => "Latency",
            PolicyKind::Geolocation => "Geolocation",
            PolicyKind::MultiValue => "Multivalue answer",
        }
    }

    /// The policy named by `word` (case-insensitive).
    pub fn from_word(word: &str) -> Option<PolicyKind> {
        PolicyKind::ALL
            .into_iter()
            .find(|p| p.word().eq_ignore_ascii_case(word))
    }
}

/// Failover roles (API `ResourceRecordSet.Failover`).
pub const ROLES: [&str; 2] = ["PRIMARY", "SECONDARY"];

/// Continent codes with their names (API `GeoLocation.ContinentCode`).
pub const CONTINENTS: [(&str, &str); 7] = [
    ("AF", "Africa"),
    ("AN", "Antarctica"),
    ("AS", "Asia"),
    ("EU", "Europe"),
    ("NA", "North America"),
    ("OC", "Oceania"),
    ("SA", "South America"),
];

/// Regions suggested for latency records (any region may be typed; Route
/// 53 judges it).
pub const REGIONS: [&str; 12] = [
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
    "ca-central-1",
    "sa-east-1",
    "eu-west-1",
    "eu-central-1",
    "eu-north-1",
    "ap-northeast-1",
    "ap-southeast-1",
    "ap-southeast-2",
];

/// One routing cell as fields. Fields that the policy does not use are
/// kept (switching policy and back restores them) but not written out.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RoutingDraft {
    /// The policy.
    pub policy: PolicyKind,
    /// SetIdentifier (every policy but simple).
    pub set_id: String,
    /// PRIMARY or SECONDARY.
    pub role: String,
    /// Weight as typed.
    pub weight: String,
    /// AWS region.
    pub region: String,
    /// Continent code.
    pub continent: String,
    /// Country code, `*` for the default location.
    pub country: String,
    /// Subdivision code (US states).
    pub subdivision: String,
}

/// Why a routing text could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoutingTextError(pub String);

impl fmt::Display for RoutingTextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

const GRAMMAR: &str = "routing reads `simple`, `failover PRIMARY · set ID`, `weighted 10 · set ID`, `latency REGION · set ID`, `geolocation continent EU · set ID` (or `country DE`, `country US subdivision WA`, `default`) or `multivalue · set ID`";

/// Longest routing text read; anything longer is refused before parsing
/// (a SetIdentifier is at most 128 characters).
const MAX_TEXT: usize = 512;

/// A code as the API spells it: no spaces, upper case.
fn code(s: &str) -> String {
    s.split_whitespace()
        .collect::<String>()
        .to_ascii_uppercase()
}

/// A word-like field (region, weight): no spaces.
fn word(s: &str) -> String {
    s.split_whitespace().collect()
}

impl RoutingDraft {
    /// Reads a routing text. Missing arguments are kept empty; unknown
    /// words are an error naming the grammar.
    pub fn parse(text: &str) -> Result<RoutingDraft, RoutingTextError> {
        if text.len() > MAX_TEXT {
            return Err(RoutingTextError(format!(
                "routing text is longer than {MAX_TEXT} characters"
            )));
        }
        let text = text.trim();
        let (policy_part, set_id) = match text.split_once('·') {
            Some((p, s)) => {
                let s = s.trim();
                let id = s.strip_prefix("set").map_or(s, str::trim_start);
                (p.trim(), id.to_string())
            }
            None => (text, String::new()),
        };
        let mut words = policy_part.split_whitespace();
        let kind = words.next().unwrap_or("simple");
        let policy =
            PolicyKind::from_word(kind).ok_or_else(|| RoutingTextError(GRAMMAR.to_string()))?;
        let mut d = RoutingDraft {
            policy,
            set_id,
            ..RoutingDraft::default()
        };
        let rest: Vec<&str> = words.collect();
        let ok = match (policy, rest.as_slice()) {
            (PolicyKind::Simple, []) => d.set_id.is_empty(),
            (PolicyKind::MultiValue, []) => true,
            (PolicyKind::Failover, []) => true,
            (PolicyKind::Failover, [role]) => {
                d.role = code(role);
                true
            }
            (PolicyKind::Weighted, []) | (PolicyKind::Latency, []) => true,
            (PolicyKind::Weighted, [w]) => {
                d.weight = (*w).to_string();
                true
            }
            (PolicyKind::Latency, [r]) => {
                d.region = (*r).to_string();
                true
            }
            (PolicyKind::Geolocation, words) => d.read_location(words),
            _ => false,
        };
        if ok {
            Ok(d)
        } else {
            Err(RoutingTextError(GRAMMAR.to_string()))
        }
    }

    /// `continent X`, `country X`, `subdivision X` and `default`, each at
    /// most once; false on anything else.
    fn read_location(&mut self, words: &[&str]) -> bool {
        let mut i = 0;
        while let Some(w) = words.get(i) {
            let (slot, value) = match w.to_ascii_lowercase().as_str() {
                "default" => (&mut self.country, Some("*")),
                "continent" => (&mut self.continent, words.get(i + 1).copied()),
                "country" => (&mut self.country, words.get(i + 1).copied()),
                "subdivision" => (&mut self.subdivision, words.get(i + 1).copied()),
                _ => return false,
            };
            let Some(v) = value else { return false };
            if !slot.is_empty() {
                return false;
            }
            *slot = code(v);
            i += if w.eq_ignore_ascii_case("default") {
                1
            } else {
                2
            };
        }
        true
    }

    /// The location part of a geolocation text (`continent EU`,
    /// `country US subdivision WA`, `default`); empty when none is set.
    pub fn location_text(&self) -> String {
        let mut parts = Vec::new();
        if !self.continent.trim().is_empty() {
            parts.push(format!("continent {}", code(&self.continent)));
        }
        match code(&self.country).as_str() {
            "" => {}
            "*" => parts.push("default".to_string()),
            c => parts.push(format!("country {c}")),
        }
        if !self.subdivision.trim().is_empty() {
            parts.push(format!("subdivision {}", code(&self.subdivision)));
        }
        parts.join(" ")
    }

    /// The compact text: what the row shows and [`RoutingDraft::parse`] reads back.
    pub fn text(&self) -> String {
        let arg = match self.policy {
            PolicyKind::Simple => return "simple".to_string(),
            PolicyKind::MultiValue => String::new(),
            PolicyKind::Failover => code(&self.role),
            PolicyKind::Weighted => word(&self.weight),
            PolicyKind::Latency => word(&self.region),
            PolicyKind::Geolocation => self.location_text(),
        };
        let head = if arg.is_empty() {
            self.policy.word().to_string()
        } else {
            format!("{} {arg}", self.policy.word())
        };
        let id = self.set_id.trim();
        if id.is_empty() {
            head
        } else {
            format!("{head} · set {id}")
        }
    }

    /// The draft with another policy; a failover draft starts as PRIMARY.
    pub fn with_policy(mut self, policy: PolicyKind) -> RoutingDraft {
        self.policy = policy;
        if policy == PolicyKind::Failover && self.role.trim().is_empty() {
            self.role = "PRIMARY".to_string();
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(policy: PolicyKind, set_id: &str) -> RoutingDraft {
        RoutingDraft {
            policy,
            set_id: set_id.into(),
            ..RoutingDraft::default()
        }
    }

    /// Each policy's API members (API `ResourceRecordSet`: Failover,
    /// Weight, Region, GeoLocation, MultiValueAnswer) print and read back.
    #[test]
    fn every_policy_round_trips_through_its_text() {
        let cases = [
            (d(PolicyKind::Simple, ""), "simple"),
            (
                RoutingDraft {
                    role: "PRIMARY".into(),
                    ..d(PolicyKind::Failover, "app-a")
                },
                "failover PRIMARY · set app-a",
            ),
            (
                RoutingDraft {
                    weight: "10".into(),
                    ..d(PolicyKind::Weighted, "blue")
                },
                "weighted 10 · set blue",
            ),
            (
                RoutingDraft {
                    region: "eu-west-1".into(),
                    ..d(PolicyKind::Latency, "eu")
                },
                "latency eu-west-1 · set eu",
            ),
            (
                RoutingDraft {
                    continent: "EU".into(),
                    ..d(PolicyKind::Geolocation, "europe")
                },
                "geolocation continent EU · set europe",
            ),
            (
                RoutingDraft {
                    country: "US".into(),
                    subdivision: "WA".into(),
                    ..d(PolicyKind::Geolocation, "wa")
                },
                "geolocation country US subdivision WA · set wa",
            ),
            (
                RoutingDraft {
                    country: "*".into(),
                    ..d(PolicyKind::Geolocation, "rest")
                },
                "geolocation default · set rest",
            ),
            (d(PolicyKind::MultiValue, "one"), "multivalue · set one"),
            // Half-filled editors survive the trip.
            (d(PolicyKind::Weighted, "blue"), "weighted · set blue"),
            (d(PolicyKind::Latency, ""), "latency"),
            (d(PolicyKind::Geolocation, "x"), "geolocation · set x"),
            // A set id may hold spaces and the separator.
            (
                d(PolicyKind::MultiValue, "web 1 · b"),
                "multivalue · set web 1 · b",
            ),
        ];
        for (draft, text) in cases {
            assert_eq!(draft.text(), text);
            assert_eq!(RoutingDraft::parse(text), Ok(draft), "{text}");
        }
    }

    #[test]
    fn codes_are_read_in_upper_case_and_words_without_spaces() {
        let g = RoutingDraft::parse("Geolocation country de · set de").unwrap_or_default();
        assert_eq!(
            (g.policy, g.country.as_str()),
            (PolicyKind::Geolocation, "DE")
        );
        let f = RoutingDraft::parse("failover secondary · set b").unwrap_or_default();
        assert_eq!(f.role, "SECONDARY");
        let w = RoutingDraft {
            weight: " 1 0 ".into(),
            ..d(PolicyKind::Weighted, " a ")
        };
        assert_eq!(w.text(), "weighted 10 · set a");
        assert_eq!(
            RoutingDraft::parse("").map(|r| r.policy),
            Ok(PolicyKind::Simple)
        );
    }

    #[test]
    fn unreadable_texts_name_the_grammar() {
        for bad in [
            "round robin",
            "simple · set a",
            "weighted 10 20 · set a",
            "failover PRIMARY SECONDARY",
            "geolocation planet Mars · set x",
            "geolocation country · set x",
            "geolocation country DE country FR · set x",
            "multivalue yes · set x",
        ] {
            let e = RoutingDraft::parse(bad).err();
            assert!(
                e.as_ref().is_some_and(|e| e.0.contains("routing reads")),
                "{bad}: {e:?}"
            );
        }
        let long = "x".repeat(MAX_TEXT + 1);
        assert!(RoutingDraft::parse(&long).is_err());
    }

    #[test]
    fn switching_policy_keeps_fields_and_starts_failover_as_primary() {
        let w = RoutingDraft {
            weight: "5".into(),
            ..d(PolicyKind::Weighted, "a")
        };
        let f = w.clone().with_policy(PolicyKind::Failover);
        assert_eq!(f.text(), "failover PRIMARY · set a");
        assert_eq!(
            f.with_policy(PolicyKind::Weighted).text(),
            "weighted 5 · set a"
        );
        assert_eq!(w.with_policy(PolicyKind::Simple).text(), "simple");
        let words: std::collections::BTreeSet<_> =
            PolicyKind::ALL.iter().map(|p| p.word()).collect();
        assert_eq!(words.len(), PolicyKind::ALL.len());
        assert!(PolicyKind::ALL
            .iter()
            .all(|p| PolicyKind::from_word(&p.word().to_uppercase()) == Some(*p)));
    }
}
