//! Failover routing (DG `health-checks-how-route-53-chooses-records`; API
//! `ResourceRecordSet.Failover`; reference notes D.49–D.51).

use super::{records, Answer, Candidate, FailoverRole, Health, Policy, RoutingError};

fn role(c: &Candidate) -> Option<FailoverRole> {
    match c.policy {
        Policy::Failover(r) => Some(r),
        _ => None,
    }
}

/// Primary while it counts healthy; else the secondary, unless the secondary
/// has a health check that is unhealthy too, in which case the primary
/// ("When the secondary resource record set is unhealthy, Route 53 responds
/// … from the primary resource record set regardless of the health of the
/// primary"). A secondary without a health check is used whenever the
/// primary is unhealthy ("This is true even if the secondary record is
/// unhealthy").
pub(super) fn select(candidates: &[Candidate]) -> Result<Answer, RoutingError> {
    let pick = |want: FailoverRole| -> Result<Option<&Candidate>, RoutingError> {
        let mut found = candidates.iter().filter(|c| role(c) == Some(want));
        let first = found.next();
        if found.next().is_some() {
            return Err(RoutingError::DuplicateFailoverRole(want));
        }
        Ok(first)
    };
    let primary = pick(FailoverRole::Primary)?;
    let secondary = pick(FailoverRole::Secondary)?;
    let answer = match (primary, secondary) {
        (Some(p), _) if p.health.counts_healthy() => records(
            &[p],
            format!("failover: PRIMARY {} is {}", p.set_id, p.health.word()),
        ),
        (Some(p), Some(s)) if s.health.counts_healthy() => records(
            &[s],
            format!(
                "failover: PRIMARY {} is unhealthy and SECONDARY {} is {}",
                p.set_id,
                s.set_id,
                s.health.word()
            ),
        ),
        (Some(p), Some(s)) => records(
            &[p],
            format!(
                "failover: PRIMARY {} and SECONDARY {} are both unhealthy, so Route 53 answers with the PRIMARY",
                p.set_id, s.set_id
            ),
        ),
        (Some(p), None) => records(
            &[p],
            format!(
                "failover: PRIMARY {} is unhealthy but there is no SECONDARY; if no record is healthy, all are",
                p.set_id
            ),
        ),
        (None, Some(s)) => {
            let why = if s.health == Health::Unhealthy {
                "unhealthy, but it is the only record"
            } else {
                s.health.word()
            };
            records(
                &[s],
                format!("failover: no PRIMARY; SECONDARY {} is {why}", s.set_id),
            )
        }
        (None, None) => Answer::NoData {
            reason: "failover: no records".to_string(),
        },
    };
    Ok(answer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Health::{Healthy as H, NoCheck as N, Unhealthy as U};

    fn c(id: &str, role: FailoverRole, health: Health) -> Candidate {
        Candidate {
            set_id: id.into(),
            policy: Policy::Failover(role),
            health,
            values: vec![format!("{id}-value")],
        }
    }

    fn chosen(a: &Answer) -> Vec<String> {
        match a {
            Answer::Records { chosen, .. } => chosen.clone(),
            Answer::NoData { .. } => vec![],
        }
    }

    /// Each row: primary health, secondary health, who answers.
    /// DG D.49 (both checked), D.50 (secondary without check), D.51
    /// (primary without check never fails over).
    #[test]
    fn failover_table() {
        let rows = [
            (H, H, "primary"),
            (H, U, "primary"),
            (U, H, "secondary"),
            (U, U, "primary"),   // both unhealthy → primary
            (U, N, "secondary"), // secondary without a check is used even if it is down
            (N, U, "primary"),   // a primary without a check never fails over
            (N, H, "primary"),
            (H, N, "primary"),
        ];
        for (p, s, want) in rows {
            let set = [
                c("primary", FailoverRole::Primary, p),
                c("secondary", FailoverRole::Secondary, s),
            ];
            assert_eq!(
                chosen(&select(&set).unwrap()),
                [want],
                "primary {p:?}, secondary {s:?}"
            );
        }
    }

    #[test]
    fn lone_records_and_duplicates() {
        assert_eq!(
            chosen(&select(&[c("p", FailoverRole::Primary, U)]).unwrap()),
            ["p"]
        );
        assert_eq!(
            chosen(&select(&[c("s", FailoverRole::Secondary, U)]).unwrap()),
            ["s"]
        );
        assert_eq!(
            select(&[
                c("p", FailoverRole::Primary, H),
                c("q", FailoverRole::Primary, H)
            ]),
            Err(RoutingError::DuplicateFailoverRole(FailoverRole::Primary))
        );
    }

    #[test]
    fn reasons_name_the_rule() {
        let set = [
            c("app-a", FailoverRole::Primary, U),
            c("app-b", FailoverRole::Secondary, U),
        ];
        match select(&set).unwrap() {
            Answer::Records { reason, values, .. } => {
                assert_eq!(values, ["app-a-value"]);
                assert_eq!(reason, "failover: PRIMARY app-a and SECONDARY app-b are both unhealthy, so Route 53 answers with the PRIMARY");
            }
            other => panic!("{other:?}"),
        }
    }
}
