//! The API Gateway picture from a scenario at one instant: the first
//! API Gateway endpoint of the world, its addresses now and in the period
//! before ([`ManagedHost::addresses`], which the resolver and the
//! `a-record-pinned-to-managed-address` lint also use), the names that
//! reach it by CNAME, and the A/AAAA records that hold one of the
//! addresses it has at some point of the run.

use std::collections::BTreeMap;
use std::net::IpAddr;

use hickory_proto::rr::{RData, RecordType};

use crate::engine::name::format_name;
use crate::engine::route53::zone_lints::MAX_PERIODS;
use crate::engine::time::SimTime;
use crate::engine::world::{ManagedHost, ManagedKind};
use crate::scenario::model::Scenario;
use crate::ui::view_model::api_gateway::{ApiGatewayView, Pinned};
use crate::ui::view_model::timeline::format_clock;

fn bare(name: &str) -> String {
    name.trim_end_matches('.').to_ascii_lowercase()
}

/// Every address `host` has in the run, with the start of the first
/// period that had it and the end (exclusive, at most the horizon) of the
/// last one, in ms.
fn history(
    host: &ManagedHost,
    seed: u64,
    period_ms: u64,
    horizon: u64,
) -> BTreeMap<IpAddr, (u64, u64)> {
    let periods = (horizon / period_ms).saturating_add(1).min(MAX_PERIODS);
    let mut out: BTreeMap<IpAddr, (u64, u64)> = BTreeMap::new();
    for p in 0..periods {
        let start = p.saturating_mul(period_ms);
        let end = start.saturating_add(period_ms).min(horizon);
        for ip in host.addresses(seed, SimTime(start)) {
            out.entry(ip).or_insert((start, end)).1 = end;
        }
    }
    out
}

/// The picture at `at`, or `None` when the world has no API Gateway
/// endpoint.
pub fn api_gateway_view(scenario: &Scenario, at: SimTime) -> Option<ApiGatewayView> {
    let host = scenario
        .world
        .managed
        .iter()
        .find(|m| matches!(m.kind, ManagedKind::ApiGateway { .. }))?;
    let ManagedKind::ApiGateway { rotate_every_s } = host.kind else {
        return None;
    };
    let seed = scenario.seed;
    let period_ms = rotate_every_s.max(1).saturating_mul(1000);
    let t = at.as_millis();
    let since = t - t % period_ms;
    let next = since.saturating_add(period_ms);
    let current = host.addresses(seed, at);
    let retired: Vec<IpAddr> = if since == 0 {
        Vec::new()
    } else {
        host.addresses(seed, SimTime(since - 1))
            .into_iter()
            .filter(|ip| !current.contains(ip))
            .collect()
    };
    let endpoint = bare(&host.name);
    let history = history(host, seed, period_ms, scenario.horizon_ms);
    let (mut friendly, mut pinned) = (Vec::new(), Vec::new());
    for set in scenario.route53.zones.iter().flat_map(|z| z.sets()) {
        let name = format_name(&set.name).trim_end_matches('.').to_string();
        match set.rtype {
            RecordType::CNAME if set.values().iter().any(|v| bare(&v.text) == endpoint) => {
                friendly.push(name);
            }
            RecordType::A | RecordType::AAAA => {
                for v in set.values() {
                    let ip = match &v.rdata {
                        RData::A(a) => IpAddr::V4(a.0),
                        RData::AAAA(a) => IpAddr::V6(a.0),
                        _ => continue,
                    };
                    if let Some((from, to)) = history.get(&ip) {
                        let is_current = current.contains(&ip);
                        let note = if is_current {
                            format!("valid until {}", format_clock(next))
                        } else if *to <= t {
                            format!("stale since {}", format_clock(*to))
                        } else {
                            format!("not the API's until {}", format_clock(*from))
                        };
                        pinned.push(Pinned {
                            name: name.clone(),
                            ip: ip.to_string(),
                            current: is_current,
                            held: format!("{}–{}", format_clock(*from), format_clock(*to)),
                            note,
                        });
                    }
                }
            }
            _ => {}
        }
    }
    Some(ApiGatewayView {
        endpoint,
        friendly,
        current: current.iter().map(IpAddr::to_string).collect(),
        retired: retired.iter().map(IpAddr::to_string).collect(),
        since_ms: since,
        until_ms: (next <= scenario.horizon_ms).then_some(next),
        pinned,
    })
}

/// The first instant after `at` at which the first API Gateway endpoint
/// changes address, if that is within the run.
pub fn next_change(scenario: &Scenario, at: SimTime) -> Option<u64> {
    api_gateway_view(scenario, at).and_then(|v| v.until_ms)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::aws::{AwsApi, CallContext};
    use crate::scenario::presets::api_gateway::{build, ENDPOINT, FRIENDLY, ROTATE_EVERY_S};
    use serde_json::json;

    fn pin(s: &mut Scenario, ip: &str) {
        let id = s.route53.zones[0].id.clone();
        let r = s.route53.call(
            "route53",
            "ChangeResourceRecordSets",
            &json!({"HostedZoneId": id, "ChangeBatch": {"Changes": [
                {"Action": "CREATE", "ResourceRecordSet": {
                    "Name": "pinned.example.com", "Type": "A", "TTL": 300,
                    "ResourceRecords": [{"Value": ip}]}}]}}),
            CallContext { now: SimTime::ZERO },
        );
        assert!(r.is_ok(), "{r:?}");
    }

    /// ManagedKind::ApiGateway: the addresses hold for one period; at the
    /// boundary the old ones are listed as retired and the new ones as
    /// current, and the next change is one period later.
    #[test]
    fn addresses_rotate_and_the_old_ones_are_retired() {
        let s = build(1).unwrap_or_else(|e| panic!("{e}"));
        let p = ROTATE_EVERY_S * 1000;
        let first = api_gateway_view(&s, SimTime(p - 1)).unwrap_or_default();
        assert_eq!(first.friendly, [FRIENDLY]);
        assert_eq!(first.endpoint, ENDPOINT);
        assert_eq!(first.current.len(), 3);
        assert!(first.retired.is_empty());
        assert_eq!((first.since_ms, first.until_ms), (0, Some(p)));
        let second = api_gateway_view(&s, SimTime(p)).unwrap_or_default();
        assert_eq!(second.retired, first.current);
        assert_ne!(second.current, first.current);
        assert_eq!(second.since_ms, p);
        assert_eq!(next_change(&s, SimTime(p)), Some(2 * p));
        // The last period of the ten-minute run has no change inside it.
        assert_eq!(next_change(&s, SimTime(s.horizon_ms)), None);
    }

    /// A pinned A record is current in its period and stale after it,
    /// while the CNAME's name keeps following the endpoint.
    #[test]
    fn a_pinned_address_goes_stale_at_the_next_change() {
        let mut s = build(1).unwrap_or_else(|e| panic!("{e}"));
        let now = api_gateway_view(&s, SimTime::ZERO).unwrap_or_default();
        pin(&mut s, &now.current[0]);
        let p = ROTATE_EVERY_S * 1000;
        let before = api_gateway_view(&s, SimTime(p - 1)).unwrap_or_default();
        let after = api_gateway_view(&s, SimTime(p)).unwrap_or_default();
        let row = |v: &ApiGatewayView| {
            v.pinned
                .iter()
                .map(|x| (x.ip.clone(), x.current, x.held.clone(), x.note.clone()))
                .collect::<Vec<_>>()
        };
        let ip = now.current[0].clone();
        let held = format!("0:00–{}", format_clock(p));
        assert_eq!(
            row(&before),
            [(
                ip.clone(),
                true,
                held.clone(),
                format!("valid until {}", format_clock(p))
            )]
        );
        assert_eq!(
            row(&after),
            [(ip, false, held, format!("stale since {}", format_clock(p)))]
        );
        assert_eq!(after.pinned[0].name, "pinned.example.com");
        assert_eq!(after.friendly, [FRIENDLY]);
    }

    /// Scrubbed back before the pinned address's period, the record is
    /// wrong too, and says from when the address will be the API's.
    #[test]
    fn a_pinned_address_from_a_later_period_is_not_yet_valid() {
        let mut s = build(1).unwrap_or_else(|e| panic!("{e}"));
        let p = ROTATE_EVERY_S * 1000;
        let later = api_gateway_view(&s, SimTime(2 * p)).unwrap_or_default();
        pin(&mut s, &later.current[0]);
        let v = api_gateway_view(&s, SimTime::ZERO).unwrap_or_default();
        assert!(!v.pinned[0].current);
        assert_eq!(
            v.pinned[0].note,
            format!("not the API's until {}", format_clock(2 * p))
        );
    }

    /// An address that was never the endpoint's is not "pinned"; a world
    /// without an API Gateway has no picture.
    #[test]
    fn unrelated_addresses_and_worlds_are_left_out() {
        let mut s = build(1).unwrap_or_else(|e| panic!("{e}"));
        pin(&mut s, "192.0.2.1");
        let v = api_gateway_view(&s, SimTime::ZERO).unwrap_or_default();
        assert!(v.pinned.is_empty());
        s.world.managed.clear();
        assert_eq!(api_gateway_view(&s, SimTime::ZERO), None);
    }
}
