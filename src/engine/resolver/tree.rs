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

use hickory_proto::rr::rdata::A;
use hickory_proto::rr::{LowerName, Name, RData, Record, RecordType};

use super::builtin::builtin_zones;
use super::hosted::{static_zone_data, ZoneData};
use super::servers::{awsdns_address, NameServer, ROOT_SERVERS};
use super::{Authorities, ClientLocation};
use crate::engine::lookup::{lookup_with, Answer, AuthZone, Catalog, ZoneError, ZoneSource};
use crate::engine::route53::aws_alias::AwsResources;
use crate::engine::route53::HostedZone;
use crate::engine::time::SimTime;
use crate::engine::world::{ManagedHost, ManagedKind, World};

mod complete;

use complete::complete;

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

fn lower(n: &Name) -> LowerName {
    LowerName::new(n)
}

impl DnsTree {
    /// The tree for `zones` (Route 53 hosted zones, in creation order; the
    /// first public zone of a name wins, as only one can be delegated) and
    /// the managed hosts of `world`, each routed name answering as
    /// [`static_zone_data`] assumes (every set healthy).
    pub fn build(zones: &[HostedZone], world: &World) -> DnsTree {
        DnsTree::build_serving(zones, world, |z| {
            let (records, aliases) = static_zone_data(z);
            AuthZone::new(z.name.clone(), records, aliases)
        })
    }

    /// [`DnsTree::build`], with each public hosted zone served as `serve`
    /// makes it (Route 53's snapshot at one instant, for one client:
    /// [`super::served_tree`]). `serve` is called once per delegated
    /// hosted zone; the generated zones around them do not depend on it, as
    /// delegations are written only into generated zones. A zone `serve`
    /// refuses is left out and named in [`DnsTree::problems`].
    pub fn build_serving(
        zones: &[HostedZone],
        world: &World,
        mut serve: impl FnMut(&HostedZone) -> Result<AuthZone, ZoneError>,
    ) -> DnsTree {
        let mut served: BTreeMap<LowerName, Result<AuthZone, ZoneError>> = BTreeMap::new();
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
            served.insert(key.clone(), serve(z));
            drafts.insert(
                key,
                Draft {
                    origin: z.name.clone(),
                    servers,
                    data: (Vec::new(), Vec::new()),
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
        for (key, d) in drafts {
            let zone = match served.remove(&key) {
                Some(hosted) if !d.generated => hosted,
                _ => {
                    let (records, aliases) = d.data;
                    AuthZone::new(d.origin.clone(), records, aliases)
                }
            };
            match zone {
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
