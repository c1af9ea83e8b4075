//! Which addresses Route 53's checkers cannot reach: "Route 53 cannot check
//! the health of endpoints for which the IP address is in local, private,
//! nonroutable, or multicast ranges" (DG `health-checks-creating-values`,
//! citing RFC 5735, RFC 6598 and RFC 5156). The playground still probes
//! them, and [`crate::engine::lint`] says so.

use std::net::{IpAddr, Ipv4Addr};

/// Whether real Route 53 refuses to probe `ip`: "Route 53 cannot check the
/// health of endpoints for which the IP address is in local, private,
/// nonroutable, or multicast ranges" (RFC 5735, RFC 6598, RFC 5156; DG
/// `health-checks-creating-values`). Returns the range's name.
pub fn unprobeable_range(ip: IpAddr) -> Option<&'static str> {
    match ip {
        IpAddr::V4(v4) => v4_range(v4),
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return v4_range(v4);
            }
            let s = v6.segments();
            if v6.is_loopback() || v6.is_unspecified() {
                Some("loopback or unspecified (RFC 5156)")
            } else if s[0] & 0xfe00 == 0xfc00 {
                Some("unique local fc00::/7 (RFC 5156)")
            } else if s[0] & 0xffc0 == 0xfe80 {
                Some("link-local fe80::/10 (RFC 5156)")
            } else if s[0] & 0xff00 == 0xff00 {
                Some("multicast ff00::/8 (RFC 5156)")
            } else if s[0] == 0x2001 && s[1] == 0x0db8 {
                Some("documentation 2001:db8::/32 (RFC 5156)")
            } else {
                None
            }
        }
    }
}

fn v4_range(ip: Ipv4Addr) -> Option<&'static str> {
    let [a, b, c, _] = ip.octets();
    match (a, b, c) {
        (0, _, _) => Some("this network 0.0.0.0/8 (RFC 5735)"),
        (10, _, _) => Some("private 10.0.0.0/8 (RFC 1918)"),
        (100, 64..=127, _) => Some("shared address space 100.64.0.0/10 (RFC 6598)"),
        (127, _, _) => Some("loopback 127.0.0.0/8 (RFC 5735)"),
        (169, 254, _) => Some("link-local 169.254.0.0/16 (RFC 5735)"),
        (172, 16..=31, _) => Some("private 172.16.0.0/12 (RFC 1918)"),
        (192, 0, 0) => Some("IETF protocol assignments 192.0.0.0/24 (RFC 5735)"),
        (192, 0, 2) | (198, 51, 100) | (203, 0, 113) => Some("documentation TEST-NET (RFC 5737)"),
        (192, 168, _) => Some("private 192.168.0.0/16 (RFC 1918)"),
        (198, 18..=19, _) => Some("benchmarking 198.18.0.0/15 (RFC 5735)"),
        (224..=239, _, _) => Some("multicast 224.0.0.0/4 (RFC 5735)"),
        (240..=255, _, _) => Some("reserved 240.0.0.0/4 (RFC 5735)"),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// DG `health-checks-creating-values` ranges (RFC 1918, 5735, 6598, 5156).
    #[test]
    fn unprobeable_ranges() {
        let rows = [
            ("192.168.49.2", true),
            ("10.1.2.3", true),
            ("172.16.0.1", true),
            ("172.32.0.1", false),
            ("100.63.255.255", false),
            ("100.64.0.0", true),
            ("100.127.255.255", true),
            ("100.128.0.0", false),
            ("169.254.1.1", true),
            ("224.0.0.1", true),
            ("8.8.8.8", false),
            ("::1", true),
            ("fd00::1", true),
            ("fe80::1", true),
            ("::ffff:192.168.1.1", true),
            ("2600:1f18::1", false),
        ];
        for (ip, private) in rows {
            let ip: IpAddr = ip.parse().unwrap();
            assert_eq!(unprobeable_range(ip).is_some(), private, "{ip}");
        }
    }
}
