//! [`DnsTree`]: the public DNS around the user's zones, generated from the
//! scenario rather than typed by the user.
//!
//! * a root zone served by real root servers ([`super::servers::ROOT_SERVERS`]);
//! * a zone per TLD the other zones need, delegating each zone below it to
//!   its servers, with glue for server names inside the TLD (RFC 1034 §4.2.1:
//!   the parent holds the NS set of the cut; the addresses of in-bailiwick
//!   servers go along as glue);
//! * the user's Route 53 hosted zones, served by their four `awsdns`
//!   servers, and a small zone for each server's own domain
//!   (`awsdns-07.net`) so its name resolves; an alias to an AWS resource
//!   (a load balancer...) answers with the addresses the world gives the
//!   resource at the time asked, as Route 53 does
//!   ([`crate::engine::route53::aws_alias`]);
//! * built-in zones: `amazonaws.com` (API Gateway names, whose addresses
//!   change, answered from [`World::managed`] at the time asked),
//!   `localstack.cloud` (`localhost.localstack.cloud` and, by wildcard,
//!   every `*.localhost.localstack.cloud` name at 127.0.0.1, as LocalStack's
//!   public DNS answers) and `example.com` (93.184.216.34). A hosted zone with
//!   the same name replaces a built-in.
//!
//! Private hosted zones are left out: the public tree never reaches them.
//! A hosted zone below another hosted zone is not delegated automatically:
//! as in Route 53, the parent zone needs NS records for it.

use std::collections::{BTreeMap, BTreeSet};
use std::net::IpAddr;

use hickory_proto::rr::rdata::{A, NS, SOA};
use hickory_proto::rr::{LowerName, Name, RData, Record, RecordType};

use super::builtin::builtin_zones;
use super::hosted::{static_zone_data, ZoneData};
use super::servers::{awsdns_address, tld_servers, NameServer, ROOT_SERVERS};
use super::{Authorities, ClientLocation};
use crate::engine::lookup::{lookup_with, Answer, AuthZone, Catalog, ZoneSource};
use crate::engine::route53::aws_alias::AwsResources;
use crate::engine::route53::HostedZone;
use crate::engine::time::SimTime;
use crate::engine::world::{ManagedHost, ManagedKind, World};

/// TTL of delegation NS sets and glue in the root and TLD zones (the root
/// zone and com use two days).
pub const DELEGATION_TTL: u32 = 172_800;
/// TTL of API Gateway's A records (what `dig` shows for an execute-api name).
pub const MANAGED_TTL: u32 = 60;
/// TTL of the built-in zones' data.
pub const BUILTIN_TTL: u32 = 300;

/// One zone being put together.
pub(super) struct Draft {
    pub(super) origin: Name,
    pub(super) servers: Vec<NameServer>,
    pub(super) data: ZoneData,
    /// Whether the tree generated it (and may add records to it).
    pub(super) generated: bool,
}

/// A server: the names it was given and the zones it serves.
#[derive(Debug, Clone, Default)]
struct Server {
    names: BTreeSet<Name>,
    catalog: Catalog,
}

/// The generated DNS: which zones each server address serves.
#[derive(Debug, Clone, Default)]
pub struct DnsTree {
    roots: Vec<NameServer>,
    servers: BTreeMap<IpAddr, Server>,
    managed: Vec<ManagedHost>,
    seed: u64,
    /// The world, for the addresses of AWS resources that aliases point at
    /// (Route 53 answers those aliases itself, at the time asked).
    world: World,
    /// The ids of the account's hosted zones: an alias into another zone
    /// id points at an AWS resource.
    account_zone_ids: Vec<String>,
    /// Zones that could not be built, with the reason (a hosted zone whose
    /// data BIND would refuse to load).
    pub problems: Vec<String>,
}

fn name(text: &str) -> Option<Name> {
    let mut n = Name::from_ascii(text).ok()?;
    n.set_fqdn(true);
    Some(n)
}

fn soa(origin: &Name, mname: &Name, ttl: u32, minimum: u32) -> Record {
    let rname = Name::from_ascii("hostmaster.")
        .ok()
        .and_then(|h| h.append_domain(origin).ok())
        .unwrap_or_else(Name::root);
    Record::from_rdata(
        origin.clone(),
        ttl,
        RData::SOA(SOA::new(
            mname.clone(),
            rname,
            2_026_112_401,
            1800,
            900,
            604_800,
            minimum,
        )),
    )
}

fn lower(n: &Name) -> LowerName {
    LowerName::new(n)
}

fn is_under(name: &Name, zone: &Name) -> bool {
    lower(zone).zone_of(&lower(name))
}

impl DnsTree {
    /// The tree for `zones` (Route 53 hosted zones, in creation order; the
    /// first public zone of a name wins, as only one can be delegated) and
    /// the managed hosts of `world`.
    pub fn build(zones: &[HostedZone], world: &World) -> DnsTree {
        let mut drafts: BTreeMap<LowerName, Draft> = BTreeMap::new();
        let roots: Vec<NameServer> = ROOT_SERVERS
            .iter()
            .filter_map(|(n, ip)| NameServer::v4(n, *ip))
            .collect();
        drafts.insert(
            lower(&Name::root()),
            Draft {
                origin: Name::root(),
                servers: roots.clone(),
                data: (Vec::new(), Vec::new()),
                generated: true,
            },
        );
        for z in zones.iter().filter(|z| !z.private_zone) {
            let key = lower(&z.name);
            if drafts.contains_key(&key) || z.name.is_root() {
                continue;
            }
            let servers = z
                .name_servers
                .iter()
                .filter_map(|n| {
                    name(n).map(|name| NameServer {
                        ip: awsdns_address(n),
                        name,
                    })
                })
                .collect();
            drafts.insert(
                key,
                Draft {
                    origin: z.name.clone(),
                    servers,
                    data: static_zone_data(z),
                    generated: false,
                },
            );
        }
        for d in builtin_zones() {
            drafts.entry(lower(&d.origin)).or_insert(d);
        }
        complete(&mut drafts);
        let mut tree = DnsTree {
            roots,
            managed: world.managed.clone(),
            seed: world.seed,
            world: world.clone(),
            account_zone_ids: zones.iter().map(|z| z.id.clone()).collect(),
            ..DnsTree::default()
        };
        for d in drafts.into_values() {
            let (records, aliases) = d.data;
            match AuthZone::new(d.origin.clone(), records, aliases) {
                Ok(zone) => {
                    for s in &d.servers {
                        let server = tree.servers.entry(s.ip).or_default();
                        server.names.insert(s.name.clone());
                        server.catalog.insert(zone.clone());
                    }
                }
                Err(e) => tree
                    .problems
                    .push(format!("zone {} left out of the DNS tree: {e}", d.origin)),
            }
        }
        tree
    }

    /// The zones `server` serves (origins), empty for an unknown address.
    pub fn zones_of(&self, server: IpAddr) -> Vec<Name> {
        self.servers
            .get(&server)
            .map(|s| s.catalog.zones().map(|z| z.origin().clone()).collect())
            .unwrap_or_default()
    }

    /// Every server, by address, with the first name it was given.
    pub fn servers(&self) -> Vec<NameServer> {
        self.servers
            .iter()
            .filter_map(|(ip, s)| {
                s.names.iter().next().map(|n| NameServer {
                    name: n.clone(),
                    ip: *ip,
                })
            })
            .collect()
    }

    /// The server with this host name (case-insensitive).
    pub fn server_named(&self, host: &Name) -> Option<NameServer> {
        let want = lower(host);
        self.servers.iter().find_map(|(ip, s)| {
            s.names
                .iter()
                .find(|n| lower(n) == want)
                .map(|n| NameServer {
                    name: n.clone(),
                    ip: *ip,
                })
        })
    }

    /// The AWS resources aliases point at, as they are at `now`.
    fn resources(&self, now: SimTime) -> AwsResources<'_> {
        AwsResources::new(&self.world, &self.account_zone_ids, now)
    }

    /// An API Gateway name answers with the addresses it has at `now`
    /// (they change, [`ManagedKind::ApiGateway`]): the zone is rebuilt with
    /// them for this one question.
    fn managed_answer(
        &self,
        zone: &AuthZone,
        qname: &Name,
        qtype: RecordType,
        now: SimTime,
    ) -> Option<Answer> {
        let host = self.managed.iter().find(|m| {
            matches!(m.kind, ManagedKind::ApiGateway { .. })
                && name(&m.name).is_some_and(|n| lower(&n) == lower(qname))
        })?;
        let owner = name(&host.name)?;
        let mut records = zone.records();
        records.extend(
            host.addresses(self.seed, now)
                .into_iter()
                .filter_map(|ip| match ip {
                    IpAddr::V4(v4) => Some(Record::from_rdata(
                        owner.clone(),
                        MANAGED_TTL,
                        RData::A(A(v4)),
                    )),
                    IpAddr::V6(_) => None,
                }),
        );
        let fresh = AuthZone::new(zone.origin().clone(), records, zone.aliases()).ok()?;
        Some(lookup_with(&fresh, &self.resources(now), qname, qtype))
    }
}

impl Authorities for DnsTree {
    fn root_hints(&self) -> Vec<NameServer> {
        self.roots.clone()
    }

    fn ask(
        &self,
        server: IpAddr,
        qname: &Name,
        qtype: RecordType,
        now: SimTime,
        _client: &ClientLocation,
    ) -> Option<Answer> {
        let s = self.servers.get(&server)?;
        if let Some(zone) = s.catalog.find_zone(&lower(qname)) {
            if let Some(a) = self.managed_answer(zone, qname, qtype, now) {
                return Some(a);
            }
        }
        Some(lookup_with(&s.catalog, &self.resources(now), qname, qtype))
    }

    fn server_name(&self, server: IpAddr) -> Option<Name> {
        self.servers
            .get(&server)
            .and_then(|s| s.names.iter().next().cloned())
    }
}

/// The nearest draft strictly above `name` (or at it when `inclusive`).
fn nearest<'a>(
    drafts: &'a BTreeMap<LowerName, Draft>,
    name: &Name,
    inclusive: bool,
) -> Option<&'a Draft> {
    let mut n = lower(name);
    if !inclusive {
        if n.is_root() {
            return None;
        }
        n = n.base_name();
    }
    // At most 128 labels.
    loop {
        if let Some(d) = drafts.get(&n) {
            return Some(d);
        }
        if n.is_root() {
            return None;
        }
        n = n.base_name();
    }
}

/// Adds TLD zones and server-domain zones until every zone has a parent
/// that can delegate to it and every server name has a zone that holds its
/// address; then writes SOA, NS, delegations, glue and server addresses.
fn complete(drafts: &mut BTreeMap<LowerName, Draft>) {
    // A new zone can need a new TLD whose servers need a new zone: a few
    // rounds reach the fixed point (root, TLD, server domain, its TLD).
    for _round in 0..6 {
        let mut added: Vec<Draft> = Vec::new();
        let mut tlds: BTreeSet<Name> = BTreeSet::new();
        let mut server_domains: BTreeMap<Name, Vec<NameServer>> = BTreeMap::new();
        for d in drafts.values() {
            if d.origin.num_labels() > 1 || (d.origin.num_labels() == 1 && !d.generated) {
                tlds.insert(d.origin.trim_to(1));
            }
            for s in &d.servers {
                let holder = nearest(drafts, &s.name, true);
                if holder.is_none_or(|h| h.origin.num_labels() <= 1) && s.name.num_labels() > 2 {
                    server_domains
                        .entry(s.name.base_name())
                        .or_default()
                        .push(s.clone());
                }
                if s.name.num_labels() >= 1 {
                    tlds.insert(s.name.trim_to(1));
                }
            }
        }
        for tld in tlds {
            if !drafts.contains_key(&lower(&tld)) && !tld.is_root() {
                let label = tld.to_ascii().trim_end_matches('.').to_ascii_lowercase();
                added.push(Draft {
                    origin: tld,
                    servers: tld_servers(&label),
                    data: (Vec::new(), Vec::new()),
                    generated: true,
                });
            }
        }
        for (origin, mut servers) in server_domains {
            servers.sort();
            servers.dedup();
            if !drafts.contains_key(&lower(&origin)) {
                added.push(Draft {
                    origin,
                    servers,
                    data: (Vec::new(), Vec::new()),
                    generated: true,
                });
            }
        }
        if added.is_empty() {
            break;
        }
        for d in added {
            drafts.entry(lower(&d.origin)).or_insert(d);
        }
    }
    // Apex SOA and NS of generated zones. Negative TTL = min(SOA TTL,
    // MINIMUM) (RFC 2308 §5): 86400/86400 at the root, 900/86400 in TLDs as
    // com publishes, 300/300 elsewhere.
    for d in drafts.values_mut().filter(|d| d.generated) {
        let Some(first) = d.servers.first() else {
            continue;
        };
        let (ttl, minimum) = match d.origin.num_labels() {
            0 => (86_400, 86_400),
            1 => (900, 86_400),
            _ => (BUILTIN_TTL, BUILTIN_TTL),
        };
        let ns_ttl = if d.origin.num_labels() <= 1 {
            DELEGATION_TTL
        } else {
            BUILTIN_TTL
        };
        let mname = first.name.clone();
        d.data.0.push(soa(&d.origin, &mname, ttl, minimum));
        for s in d.servers.clone() {
            d.data.0.push(Record::from_rdata(
                d.origin.clone(),
                ns_ttl,
                RData::NS(NS(s.name)),
            ));
        }
    }
    // Delegations with glue, and each server's own address record.
    let mut additions: Vec<(LowerName, Record)> = Vec::new();
    for d in drafts.values() {
        if let Some(parent) = nearest(drafts, &d.origin, false).filter(|p| p.generated) {
            for s in &d.servers {
                additions.push((
                    lower(&parent.origin),
                    Record::from_rdata(
                        d.origin.clone(),
                        DELEGATION_TTL,
                        RData::NS(NS(s.name.clone())),
                    ),
                ));
                if is_under(&s.name, &parent.origin) {
                    if let Some(r) = a_record(s, DELEGATION_TTL) {
                        additions.push((lower(&parent.origin), r));
                    }
                }
            }
        }
        for s in &d.servers {
            if let Some(holder) = nearest(drafts, &s.name, true).filter(|h| h.generated) {
                if let Some(r) = a_record(s, DELEGATION_TTL) {
                    additions.push((lower(&holder.origin), r));
                }
            }
        }
    }
    for (key, r) in additions {
        if let Some(d) = drafts.get_mut(&key) {
            d.data.0.push(r);
        }
    }
}

fn a_record(s: &NameServer, ttl: u32) -> Option<Record> {
    match s.ip {
        IpAddr::V4(v4) => Some(Record::from_rdata(s.name.clone(), ttl, RData::A(A(v4)))),
        IpAddr::V6(_) => None,
    }
}
