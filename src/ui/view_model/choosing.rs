//! The Choosing page's decision: what the name points at and where it sits
//! lead to an A record, a CNAME or a Route 53 alias, with every option's
//! verdict and a short reason in our own words.
//!
//! The rules behind the verdicts:
//! * a CNAME cannot sit at the zone apex, which always holds SOA and NS
//!   (RFC 1034 §3.6.2, RFC 2181 §10.1; Route 53 refuses it, reference #11);
//! * an alias reaches AWS resources and records of the same zone only
//!   (DG `resource-record-sets-choosing-alias-non-alias`, reference #37),
//!   is allowed at the apex (#41), has no TTL of its own (#38) and queries
//!   to an alias of an AWS resource are not charged;
//! * an A record holds addresses, so it only stays right while the
//!   addresses do.

/// What the name should lead to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// An IPv4 address you run and keep (your own server).
    OwnAddress,
    /// A host name someone else runs (a SaaS shop, a hosting provider).
    OtherHostname,
    /// An AWS resource Route 53 can alias (load balancer, CloudFront, an
    /// API Gateway custom domain...).
    AwsResource,
}

/// Where the name sits in the zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Placement {
    /// The zone's own name (`example.com`).
    Apex,
    /// A name below it (`www.example.com`).
    BelowApex,
}

/// The three ways of pointing a name somewhere.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordKind {
    /// An A record with addresses.
    A,
    /// A CNAME to another name.
    Cname,
    /// A Route 53 alias (type A) to an AWS resource.
    Alias,
}

/// How well one kind of record fits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// The one to use.
    Best,
    /// Works, with a cost the reason names.
    Works,
    /// Works today and breaks silently when the target moves.
    Fragile,
    /// Route 53 refuses the change batch.
    Refused,
    /// Cannot express this target at all.
    Impossible,
}

/// One kind of record with its verdict for the chosen answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Choice {
    /// The kind of record.
    pub kind: RecordKind,
    /// How it fits.
    pub verdict: Verdict,
    /// Why, in a sentence or two.
    pub why: &'static str,
}

/// The advice for one combination of answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Advice {
    /// The recommended kind (the one choice whose verdict is `Best`).
    pub best: RecordKind,
    /// Every kind, in the order A, CNAME, Alias.
    pub choices: [Choice; 3],
}

/// A "try it live" request: this kind of record, for this target, here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TryRequest {
    /// The answer to the first question.
    pub target: Target,
    /// The answer to the second question.
    pub placement: Placement,
    /// The record to try.
    pub kind: RecordKind,
}

/// What came of a try.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TryOutcome {
    /// Whether Route 53 accepted the batch.
    pub accepted: bool,
    /// What to tell the reader (Route 53's own words when refused).
    pub text: String,
}

impl Advice {
    /// The choices from the best fit to the worst (a stable order: A,
    /// CNAME, Alias among equals), as the page lists them.
    pub fn ranked(&self) -> Vec<Choice> {
        let mut out = self.choices.to_vec();
        out.sort_by_key(|c| c.verdict.rank());
        out
    }
}

impl Target {
    /// Every target, in the order the form offers them.
    pub const ALL: [Target; 3] = [
        Target::OwnAddress,
        Target::OtherHostname,
        Target::AwsResource,
    ];

    /// The radio button's value.
    pub fn slug(self) -> &'static str {
        match self {
            Target::OwnAddress => "own-address",
            Target::OtherHostname => "other-hostname",
            Target::AwsResource => "aws-resource",
        }
    }

    /// The radio button's label.
    pub fn label(self) -> &'static str {
        match self {
            Target::OwnAddress => "An IP address you control",
            Target::OtherHostname => "A host name someone else runs",
            Target::AwsResource => "An AWS resource Route 53 can alias",
        }
    }

    /// An example under the label.
    pub fn example(self) -> &'static str {
        match self {
            Target::OwnAddress => "your own server at 203.0.113.10",
            Target::OtherHostname => "a hosted shop at storefront.partner-host.net",
            Target::AwsResource => {
                "a load balancer, a CloudFront distribution, an API Gateway custom domain"
            }
        }
    }
}

impl Placement {
    /// Both placements, in the order the form offers them.
    pub const ALL: [Placement; 2] = [Placement::Apex, Placement::BelowApex];

    /// The radio button's value.
    pub fn slug(self) -> &'static str {
        match self {
            Placement::Apex => "apex",
            Placement::BelowApex => "below-apex",
        }
    }

    /// The radio button's label.
    pub fn label(self) -> &'static str {
        match self {
            Placement::Apex => "Yes, the zone's own name",
            Placement::BelowApex => "No, a name below it",
        }
    }
}

impl RecordKind {
    /// How the page names it.
    pub fn label(self) -> &'static str {
        match self {
            RecordKind::A => "A",
            RecordKind::Cname => "CNAME",
            RecordKind::Alias => "Alias",
        }
    }
}

impl Verdict {
    /// The verdict in words.
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Best => "Recommended",
            Verdict::Works => "Works",
            Verdict::Fragile => "Works until the target moves",
            Verdict::Refused => "Route 53 refuses it",
            Verdict::Impossible => "Cannot point there",
        }
    }

    /// A shape beside the words, so the verdict never rests on colour.
    pub fn mark(self) -> &'static str {
        match self {
            Verdict::Best => "✓",
            Verdict::Works => "○",
            Verdict::Fragile => "△",
            Verdict::Refused => "✕",
            Verdict::Impossible => "–",
        }
    }

    /// The class for styling (`choosing-best`...).
    pub fn class(self) -> &'static str {
        match self {
            Verdict::Best => "choosing-best",
            Verdict::Works => "choosing-works",
            Verdict::Fragile => "choosing-fragile",
            Verdict::Refused => "choosing-refused",
            Verdict::Impossible => "choosing-impossible",
        }
    }

    /// Best first: recommended, works, fragile, refused, impossible.
    fn rank(self) -> u8 {
        match self {
            Verdict::Best => 0,
            Verdict::Works => 1,
            Verdict::Fragile => 2,
            Verdict::Refused => 3,
            Verdict::Impossible => 4,
        }
    }

    /// Whether the record can be tried in the table: everything that can
    /// be written down, including what Route 53 will refuse.
    pub fn can_try(self) -> bool {
        self != Verdict::Impossible
    }
}

const A_OWN: &str = "You hold the address and it stays put, so the record can simply carry it. An A record is fine at the apex too: it sits beside SOA and NS without trouble.";
const A_OTHER_APEX: &str = "Nothing follows someone else's name at the apex: Route 53 refuses a CNAME there and an alias only reaches AWS. Use the fixed addresses the provider publishes for apex names, if it has them, and revisit them when it says so; otherwise serve the site on www and redirect the apex.";
const A_OTHER_BELOW: &str = "A copy of today's addresses works until the provider moves its servers, and nobody will tell your zone when that happens.";
const A_AWS: &str = "AWS moves a load balancer's addresses as it scales and replaces nodes; a copy of today's answer goes stale without a word.";
const CNAME_OWN: &str = "A CNAME points at a name, and here there is only an address. Give the address a name (an A record) first, or use that A record directly.";
const CNAME_OTHER_BELOW: &str = "Their name is the stable part: the CNAME follows it, and the resolver looks up whatever addresses the provider gives that name today.";
const CNAME_APEX: &str = "The apex already holds SOA and NS, and a CNAME must have its name to itself, so Route 53 refuses the batch and the zone stays as it was.";
const CNAME_AWS_BELOW: &str = "Works, but the resolver needs a second lookup for the resource's name, and Route 53 bills the query; an alias answers with addresses in one step.";
const ALIAS_NOT_AWS: &str = "An alias can only point at AWS resources and at records in the same hosted zone; this target is neither.";
const ALIAS_AWS: &str = "Route 53 looks up the resource's current addresses itself and answers with plain A records, even at the apex. The alias has no TTL of its own (the resource's applies), and queries to it are free.";

/// The advice for `target` at `placement`.
pub fn advise(target: Target, placement: Placement) -> Advice {
    use Placement::{Apex, BelowApex};
    use Target::{AwsResource, OtherHostname, OwnAddress};
    use Verdict::{Best, Fragile, Impossible, Refused, Works};
    let (a, cname, alias) = match (target, placement) {
        (OwnAddress, _) => (
            (Best, A_OWN),
            (Impossible, CNAME_OWN),
            (Impossible, ALIAS_NOT_AWS),
        ),
        (OtherHostname, Apex) => (
            (Best, A_OTHER_APEX),
            (Refused, CNAME_APEX),
            (Impossible, ALIAS_NOT_AWS),
        ),
        (OtherHostname, BelowApex) => (
            (Fragile, A_OTHER_BELOW),
            (Best, CNAME_OTHER_BELOW),
            (Impossible, ALIAS_NOT_AWS),
        ),
        (AwsResource, Apex) => ((Fragile, A_AWS), (Refused, CNAME_APEX), (Best, ALIAS_AWS)),
        (AwsResource, BelowApex) => (
            (Fragile, A_AWS),
            (Works, CNAME_AWS_BELOW),
            (Best, ALIAS_AWS),
        ),
    };
    let choice = |kind, (verdict, why)| Choice { kind, verdict, why };
    let choices = [
        choice(RecordKind::A, a),
        choice(RecordKind::Cname, cname),
        choice(RecordKind::Alias, alias),
    ];
    let best = choices
        .iter()
        .find(|c| c.verdict == Best)
        .map_or(RecordKind::A, |c| c.kind);
    Advice { best, choices }
}

/// The advice once both questions are answered.
pub fn advise_answers(target: Option<Target>, placement: Option<Placement>) -> Option<Advice> {
    Some(advise(target?, placement?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Placement::{Apex, BelowApex};
    use RecordKind::{Alias, Cname, A};
    use Target::{AwsResource, OtherHostname, OwnAddress};
    use Verdict::{Best, Fragile, Impossible, Refused, Works};

    /// Every combination: the recommendation and each kind's verdict
    /// (A, CNAME, Alias). RFC 1034 §3.6.2 / Route 53 #11 put CNAME at the
    /// apex out; DG `resource-record-sets-choosing-alias-non-alias` (#37)
    /// limits alias to AWS resources; #41 allows alias at the apex.
    #[test]
    fn every_combination_has_its_recommendation() {
        let rows = [
            (OwnAddress, Apex, A, [Best, Impossible, Impossible]),
            (OwnAddress, BelowApex, A, [Best, Impossible, Impossible]),
            (OtherHostname, Apex, A, [Best, Refused, Impossible]),
            (OtherHostname, BelowApex, Cname, [Fragile, Best, Impossible]),
            (AwsResource, Apex, Alias, [Fragile, Refused, Best]),
            (AwsResource, BelowApex, Alias, [Fragile, Works, Best]),
        ];
        assert_eq!(rows.len(), Target::ALL.len() * Placement::ALL.len());
        for (target, placement, best, verdicts) in rows {
            let advice = advise(target, placement);
            assert_eq!(advice.best, best, "{target:?} {placement:?}");
            let got: Vec<(RecordKind, Verdict)> =
                advice.choices.iter().map(|c| (c.kind, c.verdict)).collect();
            assert_eq!(
                got,
                [(A, verdicts[0]), (Cname, verdicts[1]), (Alias, verdicts[2])],
                "{target:?} {placement:?}"
            );
        }
    }

    /// Invariants over all six: exactly one recommendation, never a CNAME
    /// that works at the apex (RFC 1034 §3.6.2), never an alias to
    /// something that is not an AWS resource (#37), and every reason said.
    #[test]
    fn rules_hold_for_every_combination() {
        for target in Target::ALL {
            for placement in Placement::ALL {
                let advice = advise(target, placement);
                let best = advice.choices.iter().filter(|c| c.verdict == Best);
                assert_eq!(best.count(), 1, "{target:?} {placement:?}");
                let cname = advice.choices[1];
                if placement == Apex {
                    assert!(matches!(cname.verdict, Refused | Impossible));
                }
                let alias = advice.choices[2];
                assert_eq!(
                    alias.verdict == Impossible,
                    target != AwsResource,
                    "{target:?}"
                );
                assert!(advice.choices.iter().all(|c| c.why.len() > 40));
            }
        }
    }

    /// The page lists the recommendation first, then what works, what is
    /// fragile, what Route 53 refuses, and what cannot point there.
    #[test]
    fn choices_are_ranked_best_first() {
        let kinds =
            |t, p| -> Vec<RecordKind> { advise(t, p).ranked().iter().map(|c| c.kind).collect() };
        assert_eq!(kinds(AwsResource, Apex), [Alias, A, Cname]);
        assert_eq!(kinds(AwsResource, BelowApex), [Alias, Cname, A]);
        assert_eq!(kinds(OtherHostname, BelowApex), [Cname, A, Alias]);
        assert_eq!(kinds(OwnAddress, Apex), [A, Cname, Alias]);
    }

    /// Nothing is advised until both questions have an answer.
    #[test]
    fn both_answers_are_needed() {
        assert_eq!(advise_answers(None, None), None);
        assert_eq!(advise_answers(Some(AwsResource), None), None);
        assert_eq!(advise_answers(None, Some(Apex)), None);
        assert_eq!(
            advise_answers(Some(AwsResource), Some(Apex)).map(|a| a.best),
            Some(Alias)
        );
    }

    /// The refused CNAME can be tried (to see Route 53's refusal); only
    /// what cannot be written down has no button. Slugs are distinct.
    #[test]
    fn what_can_be_tried_and_slugs() {
        let rows = [
            (Best, true),
            (Works, true),
            (Fragile, true),
            (Refused, true),
            (Impossible, false),
        ];
        for (v, can) in rows {
            assert_eq!(v.can_try(), can, "{v:?}");
            assert!(!v.label().is_empty() && !v.mark().is_empty());
        }
        let slugs: std::collections::BTreeSet<&str> = Target::ALL
            .iter()
            .map(|t| t.slug())
            .chain(Placement::ALL.iter().map(|p| p.slug()))
            .collect();
        assert_eq!(slugs.len(), 5);
    }
}
