//! The URLs clients request: `http://host[:port][/path]` (RFC 3986 §3),
//! just enough for the playground's clients and `curl`.

use std::fmt;

/// A URL's scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// `http`, default port 80.
    Http,
    /// `https`, default port 443.
    Https,
}

/// A parsed URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url {
    /// The scheme.
    pub scheme: Scheme,
    /// The host, as written (a name or an IPv4 address).
    pub host: String,
    /// The port: explicit, or the scheme's default. DNS does not carry it
    /// (an A record holds only an address, RFC 1035 §3.4.1).
    pub port: u16,
    /// The path with any query string, `/` when absent.
    pub path: String,
}

/// Why a URL was refused; the text follows curl's wording.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlError(pub String);

impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UrlError {}

/// The longest URL accepted (curl's own limit is far larger; this only
/// bounds work on pasted text).
pub const MAX_URL_LEN: usize = 8192;

impl Url {
    /// Parses `text`; a URL without a scheme is taken as `http://`, as curl
    /// does.
    pub fn parse(text: &str) -> Result<Url, UrlError> {
        if text.len() > MAX_URL_LEN {
            return Err(UrlError(format!(
                "URL longer than {MAX_URL_LEN} characters"
            )));
        }
        let (scheme, rest) = match text.split_once("://") {
            Some((s, rest)) if s.eq_ignore_ascii_case("http") => (Scheme::Http, rest),
            Some((s, rest)) if s.eq_ignore_ascii_case("https") => (Scheme::Https, rest),
            Some((s, _)) => {
                return Err(UrlError(format!(
                    "Protocol \"{s}\" not supported or disabled in libcurl"
                )))
            }
            None => (Scheme::Http, text),
        };
        let (authority, path) = match rest.find(['/', '?']) {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, "/"),
        };
        let authority = authority.rsplit('@').next().unwrap_or(authority);
        let (host, port) = match authority.rsplit_once(':') {
            Some((h, p)) => {
                let port = p.parse::<u16>().map_err(|_| {
                    UrlError(format!(
                        "Port number was not a decimal number between 0 and 65535: {p}"
                    ))
                })?;
                (h, port)
            }
            None => (
                authority,
                match scheme {
                    Scheme::Http => 80,
                    Scheme::Https => 443,
                },
            ),
        };
        if host.is_empty() {
            return Err(UrlError("No host part in the URL".into()));
        }
        let path = if path.starts_with('?') {
            format!("/{path}")
        } else {
            path.to_string()
        };
        Ok(Url {
            scheme,
            host: host.to_string(),
            port,
            path,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 3986 §3.2.3: the port defaults by scheme.
    #[test]
    fn url_table() {
        let cases = [
            (
                "http://api.hello-localstack.com:30001/actuator/health",
                Some(("api.hello-localstack.com", 30001, "/actuator/health")),
            ),
            (
                "https://abc.execute-api.us-east-1.amazonaws.com",
                Some(("abc.execute-api.us-east-1.amazonaws.com", 443, "/")),
            ),
            ("example.com/x?y=1", Some(("example.com", 80, "/x?y=1"))),
            ("http://h?q", Some(("h", 80, "/?q"))),
            ("http://u:p@h:8080/", Some(("h", 8080, "/"))),
            ("ftp://h/", None),
            ("http://h:99999/", None),
            ("http:///x", None),
        ];
        for (text, want) in cases {
            let got = Url::parse(text).ok().map(|u| (u.host, u.port, u.path));
            let want = want.map(|(h, p, path)| (h.to_string(), p, path.to_string()));
            assert_eq!(got, want, "{text}");
        }
    }
}
