//! The API Gateway picture: the zone's friendly names with a CNAME to the
//! endpoint name, the endpoint's addresses now and the ones it just gave
//! up, and any A record that pinned one of its addresses. Placed by
//! [`super::api_gateway_layout`].

/// An A record that holds one of the endpoint's addresses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pinned {
    /// The record's name.
    pub name: String,
    /// The address it holds.
    pub ip: String,
    /// Whether the endpoint has that address at the current instant.
    pub current: bool,
    /// When the endpoint had it, e.g. `0:00–2:00`.
    pub held: String,
    /// What that means now, e.g. `stale since 2:00`.
    pub note: String,
}

/// What the diagram shows at one instant.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ApiGatewayView {
    /// The endpoint name (`abc123.execute-api.us-east-1.amazonaws.com`).
    pub endpoint: String,
    /// Names in the zone with a CNAME to it.
    pub friendly: Vec<String>,
    /// Its addresses now.
    pub current: Vec<String>,
    /// The addresses of the period before this one (empty in the first).
    pub retired: Vec<String>,
    /// When the current addresses came in (ms).
    pub since_ms: u64,
    /// When they go, if within the run (ms).
    pub until_ms: Option<u64>,
    /// A records holding one of its addresses.
    pub pinned: Vec<Pinned>,
}

/// The endpoint name split for two lines: the API id, then the rest
/// (`abc123.` / `execute-api.us-east-1.amazonaws.com`).
pub fn endpoint_lines(name: &str) -> (String, String) {
    match name.split_once('.') {
        Some((id, rest)) => (format!("{id}."), rest.to_string()),
        None => (name.to_string(), String::new()),
    }
}

/// What the screen reader hears for the whole picture.
pub fn summary(v: &ApiGatewayView) -> String {
    let mut s = format!(
        "{} is a CNAME to {}, which answers {} now",
        if v.friendly.is_empty() {
            "No name".to_string()
        } else {
            v.friendly.join(" and ")
        },
        v.endpoint,
        if v.current.is_empty() {
            "nothing".to_string()
        } else {
            v.current.join(", ")
        }
    );
    if !v.retired.is_empty() {
        s.push_str(&format!("; retired: {}", v.retired.join(", ")));
    }
    for p in &v.pinned {
        s.push_str(&format!(
            "; {} is pinned to {}, {}",
            p.name,
            p.ip,
            if p.current {
                "still one of its addresses"
            } else {
                "no longer one of its addresses"
            }
        ));
    }
    s
}

/// A view with `nf` friendly names, `nc` current and `nr` retired
/// addresses and `np` pinned records: the fixture of this module's tests
/// and of the layout's.
#[cfg(test)]
pub(crate) fn sample_view(nf: usize, nc: usize, nr: usize, np: usize) -> ApiGatewayView {
    let ips = |n: usize, p: &str| (0..n).map(|i| format!("{p}.{i}")).collect();
    ApiGatewayView {
        endpoint: "abc123.execute-api.us-east-1.amazonaws.com".into(),
        friendly: ips(nf, "name"),
        current: ips(nc, "3.0.0"),
        retired: ips(nr, "54.0.0"),
        pinned: (0..np)
            .map(|i| Pinned {
                name: format!("pinned{i}.example.com"),
                ip: "54.0.0.0".into(),
                current: false,
                held: "0:00–2:00".into(),
                note: "stale since 2:00".into(),
            })
            .collect(),
        ..ApiGatewayView::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoint_name_splits_after_the_api_id() {
        assert_eq!(
            endpoint_lines("abc123.execute-api.us-east-1.amazonaws.com"),
            (
                "abc123.".to_string(),
                "execute-api.us-east-1.amazonaws.com".to_string()
            )
        );
        assert_eq!(
            endpoint_lines("local"),
            ("local".to_string(), String::new())
        );
    }

    #[test]
    fn summary_says_which_pinned_address_is_stale() {
        let s = summary(&sample_view(1, 1, 0, 1));
        assert!(s.starts_with("name.0 is a CNAME to abc123."), "{s}");
        assert!(
            s.ends_with(
                "pinned0.example.com is pinned to 54.0.0.0, no longer one of its addresses"
            ),
            "{s}"
        );
    }
}
