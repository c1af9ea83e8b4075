//! The built-in zones the blog needs besides the user's: `amazonaws.com`
//! (API Gateway names, answered at the time asked by
//! [`super::DnsTree`]), `localstack.cloud` (`localhost.localstack.cloud`
//! and every `*.localhost.localstack.cloud` name at 127.0.0.1, as
//! LocalStack's public DNS answers) and `example.com` (93.184.216.34).

use std::net::Ipv4Addr;

use hickory_proto::rr::rdata::A;
use hickory_proto::rr::{Name, RData, Record};

use super::servers::{invented_octet, NameServer};
use super::tree::{Draft, BUILTIN_TTL};

fn name(text: &str) -> Option<Name> {
    let mut n = Name::from_ascii(text).ok()?;
    n.set_fqdn(true);
    Some(n)
}

/// The built-in zones of the blog's world.
pub(super) fn builtin_zones() -> Vec<Draft> {
    let mut out = Vec::new();
    let a = |owner: &str, ip: Ipv4Addr| {
        name(owner).map(|n| Record::from_rdata(n, BUILTIN_TTL, RData::A(A(ip))))
    };
    let invented = |n: &str| NameServer::v4(n, [198, 51, 100, invented_octet(n)]);
    // amazonaws.com: API Gateway names are answered at the time asked
    // (DnsTree::managed_answer), so the zone holds no data of its own.
    let aws: Vec<Record> = Vec::new();
    if let Some(origin) = name("amazonaws.com.") {
        out.push(Draft {
            origin,
            servers: ["ns1.amzndns.com.", "ns1.amzndns.net."]
                .iter()
                .filter_map(|n| invented(n))
                .collect(),
            data: (aws, Vec::new()),
            generated: true,
        });
    }
    if let Some(origin) = name("localstack.cloud.") {
        let records = [
            a("localhost.localstack.cloud.", Ipv4Addr::LOCALHOST),
            a("*.localhost.localstack.cloud.", Ipv4Addr::LOCALHOST),
        ]
        .into_iter()
        .flatten()
        .collect();
        out.push(Draft {
            origin,
            servers: invented("ns1.localstack.cloud.").into_iter().collect(),
            data: (records, Vec::new()),
            generated: true,
        });
    }
    if let Some(origin) = name("example.com.") {
        let records = [
            a("example.com.", Ipv4Addr::new(93, 184, 216, 34)),
            a("www.example.com.", Ipv4Addr::new(93, 184, 216, 34)),
        ]
        .into_iter()
        .flatten()
        .collect();
        out.push(Draft {
            origin,
            servers: [
                ("a.iana-servers.net.", [199, 43, 135, 53]),
                ("b.iana-servers.net.", [199, 43, 133, 53]),
            ]
            .iter()
            .filter_map(|(n, ip)| NameServer::v4(n, *ip))
            .collect(),
            data: (records, Vec::new()),
            generated: true,
        });
    }
    out
}
