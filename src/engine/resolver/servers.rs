//! The name servers of the world around the user's zones: root servers,
//! TLD servers, Route 53's `awsdns` servers and the servers of the built-in
//! zones.
//!
//! Root server names and addresses are the real ones (IANA root hints,
//! `named.root`); so are Verisign's `gtld-servers.net` for com/net, Nominet's
//! `dns1.nic.uk` and IANA's `iana-servers.net`. A TLD missing from
//! [`TLD_SERVERS`] gets an invented `a.nic.<tld>` in 198.51.100.0/24
//! (RFC 5737 documentation space), and so do the servers we invent for
//! built-in zones: the playground needs them consistent, not real.

use std::net::{IpAddr, Ipv4Addr};

use hickory_proto::rr::Name;

/// A name server: its name and the one address the playground gives it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct NameServer {
    /// The server's host name, fully qualified.
    pub name: Name,
    /// Its address.
    pub ip: IpAddr,
}

impl NameServer {
    /// A server from a name text and IPv4 octets; `None` on a bad name.
    pub fn v4(name: &str, ip: [u8; 4]) -> Option<NameServer> {
        let mut name = Name::from_ascii(name).ok()?;
        name.set_fqdn(true);
        Some(NameServer {
            name,
            ip: IpAddr::V4(Ipv4Addr::from(ip)),
        })
    }
}

/// Four of the thirteen root servers, from IANA's root hints (`named.root`).
pub const ROOT_SERVERS: [(&str, [u8; 4]); 4] = [
    ("a.root-servers.net.", [198, 41, 0, 4]),
    ("b.root-servers.net.", [170, 247, 170, 2]),
    ("c.root-servers.net.", [192, 33, 4, 12]),
    ("m.root-servers.net.", [202, 12, 27, 33]),
];

/// A server's name and IPv4 address.
pub type ServerEntry = (&'static str, [u8; 4]);

/// TLD servers we know by their real names and addresses.
pub const TLD_SERVERS: &[(&str, &[ServerEntry])] = &[
    (
        "com",
        &[
            ("a.gtld-servers.net.", [192, 5, 6, 30]),
            ("b.gtld-servers.net.", [192, 33, 14, 30]),
        ],
    ),
    (
        "net",
        &[
            ("a.gtld-servers.net.", [192, 5, 6, 30]),
            ("b.gtld-servers.net.", [192, 33, 14, 30]),
        ],
    ),
    ("uk", &[("dns1.nic.uk.", [213, 248, 216, 1])]),
];

/// The servers of `tld` (one label, lower case): the real ones when known,
/// else an invented `a.nic.<tld>` in RFC 5737 space.
pub fn tld_servers(tld: &str) -> Vec<NameServer> {
    if let Some((_, known)) = TLD_SERVERS.iter().find(|(t, _)| *t == tld) {
        return known
            .iter()
            .filter_map(|(n, ip)| NameServer::v4(n, *ip))
            .collect();
    }
    NameServer::v4(
        &format!("a.nic.{tld}."),
        [198, 51, 100, invented_octet(tld)],
    )
    .into_iter()
    .collect()
}

/// A stable last octet (1..=250) for an invented address.
pub fn invented_octet(key: &str) -> u8 {
    let h = key.bytes().fold(2_166_136_261u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(16_777_619)
    });
    (h % 250) as u8 + 1
}

/// The address of a Route 53 name server. Route 53's `ns-N.awsdns-SS.tld`
/// servers live in 205.251.192.0/21: `ns-N` is 205.251.(192 + N/256).(N %
/// 256) whatever the TLD (for example `ns-1536.awsdns-00.co.uk` is
/// 205.251.198.0). A name of another shape gets an address in that block
/// from its text.
pub fn awsdns_address(name: &str) -> IpAddr {
    let n = name
        .strip_prefix("ns-")
        .and_then(|rest| rest.split('.').next())
        .and_then(|digits| digits.parse::<u16>().ok())
        .filter(|n| *n < 2048)
        .unwrap_or_else(|| u16::from(invented_octet(name)));
    IpAddr::V4(Ipv4Addr::new(
        205,
        251,
        192 + (n / 256) as u8,
        (n % 256) as u8,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Route 53's delegation-set addresses follow the server number.
    #[test]
    fn awsdns_addresses_follow_the_server_number() {
        let cases = [
            ("ns-1536.awsdns-00.co.uk", "205.251.198.0"),
            ("ns-0.awsdns-00.com", "205.251.192.0"),
            ("ns-2047.awsdns-63.org", "205.251.199.255"),
            ("ns-513.awsdns-01.net.", "205.251.194.1"),
        ];
        for (name, want) in cases {
            assert_eq!(awsdns_address(name).to_string(), want, "{name}");
        }
        assert!(awsdns_address("weird.example")
            .to_string()
            .starts_with("205.251.192."));
    }

    #[test]
    fn known_tlds_have_real_servers_others_invented_ones() {
        assert_eq!(tld_servers("com")[0].ip.to_string(), "192.5.6.30");
        assert_eq!(tld_servers("uk")[0].name.to_ascii(), "dns1.nic.uk.");
        let io = tld_servers("io");
        assert_eq!(io[0].name.to_ascii(), "a.nic.io.");
        assert!(io[0].ip.to_string().starts_with("198.51.100."));
    }
}
