//! How resolvers and clients treat TTLs.
//!
//! * [`ResolverProfile`]: a recursive resolver that honours TTLs, or clamps
//!   them (BIND `min-cache-ttl` / `max-cache-ttl`, Unbound `cache-min-ttl` /
//!   `cache-max-ttl`), and may serve stale data when the authorities do not
//!   answer (RFC 8767).
//! * [`ClientProfile`]: the cache an application keeps on top of its
//!   resolver. A JVM caches successful lookups for
//!   `networkaddress.cache.ttl` seconds whatever the DNS TTL: 30 s by
//!   default when no security manager is installed, `-1` for ever
//!   (JDK `java.security`, `InetAddress` "InetAddress Caching"); Spring Boot
//!   apps inherit it. Browsers keep host entries about a minute regardless
//!   of TTL: folklore-level knowledge (Chromium's host cache has used a
//!   one-minute lifetime for system-resolver results), not a documented
//!   contract.

use serde::{Deserialize, Serialize};

/// Serve-stale settings (RFC 8767).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServeStale {
    /// How long past expiry data may still be served (RFC 8767 §5
    /// suggests 1 to 3 days; BIND's `max-stale-ttl` default is 1 day).
    pub max_stale_s: u32,
    /// The TTL given to stale answers (RFC 8767 §4: "30 seconds").
    pub stale_ttl: u32,
}

impl Default for ServeStale {
    fn default() -> Self {
        ServeStale {
            max_stale_s: 86_400,
            stale_ttl: 30,
        }
    }
}

/// A recursive resolver's TTL policy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResolverProfile {
    /// A label for the UI (`honours TTL`).
    pub name: String,
    /// TTLs below this are raised to it (seconds).
    pub min_ttl: Option<u32>,
    /// TTLs above this are lowered to it (seconds).
    pub max_ttl: Option<u32>,
    /// Serve stale data when no authority answers.
    pub serve_stale: Option<ServeStale>,
}

impl Default for ResolverProfile {
    fn default() -> Self {
        ResolverProfile::honours_ttl()
    }
}

impl ResolverProfile {
    /// Caches for exactly the TTL the authority gave.
    pub fn honours_ttl() -> ResolverProfile {
        ResolverProfile {
            name: "honours TTL".into(),
            min_ttl: None,
            max_ttl: None,
            serve_stale: None,
        }
    }

    /// Clamps TTLs into `min..=max` seconds (a resolver that raises short
    /// TTLs delays failover by the difference).
    pub fn clamped(min: Option<u32>, max: Option<u32>) -> ResolverProfile {
        ResolverProfile {
            name: match (min, max) {
                (Some(a), Some(b)) => format!("clamps TTL to {a}..{b} s"),
                (Some(a), None) => format!("raises TTL to at least {a} s"),
                (None, Some(b)) => format!("caps TTL at {b} s"),
                (None, None) => "honours TTL".into(),
            },
            min_ttl: min,
            max_ttl: max,
            serve_stale: None,
        }
    }

    /// Honours TTLs and serves stale data per RFC 8767's defaults.
    pub fn serving_stale() -> ResolverProfile {
        ResolverProfile {
            name: "serves stale (RFC 8767)".into(),
            serve_stale: Some(ServeStale::default()),
            ..ResolverProfile::honours_ttl()
        }
    }

    /// The TTL this resolver caches `ttl` for. Zero stays zero: a record
    /// that may not be cached is not cached longer by a minimum.
    pub fn clamp(&self, ttl: u32) -> u32 {
        if ttl == 0 {
            return 0;
        }
        let t = self.min_ttl.map_or(ttl, |m| ttl.max(m));
        self.max_ttl.map_or(t, |m| t.min(m))
    }

    /// How long expired entries are kept for serving stale, in ms.
    pub fn keep_expired_ms(&self) -> u64 {
        self.serve_stale
            .map_or(0, |s| u64::from(s.max_stale_s).saturating_mul(1000))
    }
}

/// How long an application keeps an answer itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum ClientCache {
    /// No cache: every request asks the resolver (a stub resolver).
    None,
    /// Keeps answers for the TTL the resolver handed out.
    Ttl,
    /// Keeps answers this many seconds, whatever the TTL.
    Fixed {
        /// Seconds.
        seconds: u32,
    },
    /// Keeps the first answer for ever (`networkaddress.cache.ttl=-1`).
    Forever,
}

/// An application's DNS behaviour.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientProfile {
    /// A label for the UI.
    pub name: String,
    /// Its own cache of successful lookups.
    pub cache: ClientCache,
    /// Seconds a failed lookup is remembered (JVM
    /// `networkaddress.cache.negative.ttl`, default 10).
    pub negative_s: u32,
}

impl ClientProfile {
    /// A program that asks its stub resolver every time (curl, dig).
    pub fn stub() -> ClientProfile {
        ClientProfile {
            name: "no client cache".into(),
            cache: ClientCache::None,
            negative_s: 0,
        }
    }

    /// A browser: about a minute, whatever the TTL (folklore-level, see the
    /// module docs).
    pub fn browser() -> ClientProfile {
        ClientProfile {
            name: "browser (~60 s)".into(),
            cache: ClientCache::Fixed { seconds: 60 },
            negative_s: 0,
        }
    }

    /// A JVM with `networkaddress.cache.ttl` = `ttl` seconds; a negative
    /// value caches for ever, as `-1` does. Without the property and
    /// without a security manager the JDK uses 30 s ([`ClientProfile::jvm_default`]).
    pub fn jvm(ttl: i64) -> ClientProfile {
        let cache = if ttl < 0 {
            ClientCache::Forever
        } else {
            ClientCache::Fixed {
                seconds: u32::try_from(ttl).unwrap_or(u32::MAX),
            }
        };
        ClientProfile {
            name: format!("JVM networkaddress.cache.ttl={ttl}"),
            cache,
            negative_s: 10,
        }
    }

    /// A JVM with the default 30 s cache.
    pub fn jvm_default() -> ClientProfile {
        ClientProfile {
            name: "JVM default (30 s)".into(),
            ..ClientProfile::jvm(30)
        }
    }

    /// How long this client keeps an answer whose resolver TTL is `ttl`;
    /// `None` for ever.
    pub fn keep_s(&self, ttl: u32) -> Option<u32> {
        match self.cache {
            ClientCache::None => Some(0),
            ClientCache::Ttl => Some(ttl),
            ClientCache::Fixed { seconds } => Some(seconds),
            ClientCache::Forever => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// BIND `min-cache-ttl`/`max-cache-ttl`: clamp both ways, never cache 0.
    #[test]
    fn clamp_table() {
        let p = ResolverProfile::clamped(Some(30), Some(300));
        let cases = [
            (0, 0),
            (1, 30),
            (30, 30),
            (60, 60),
            (300, 300),
            (301, 300),
            (86_400, 300),
        ];
        for (ttl, want) in cases {
            assert_eq!(p.clamp(ttl), want, "{ttl}");
        }
        assert_eq!(ResolverProfile::honours_ttl().clamp(86_400), 86_400);
    }

    /// JDK `java.security`: `networkaddress.cache.ttl`, -1 = forever,
    /// default 30 s without a security manager.
    #[test]
    fn client_keep_times() {
        let cases = [
            (ClientProfile::stub(), 60, Some(0)),
            (ClientProfile::browser(), 5, Some(60)),
            (ClientProfile::browser(), 3600, Some(60)),
            (ClientProfile::jvm_default(), 600, Some(30)),
            (ClientProfile::jvm(-1), 60, None),
            (ClientProfile::jvm(1800), 60, Some(1800)),
            (
                ClientProfile {
                    cache: ClientCache::Ttl,
                    ..ClientProfile::stub()
                },
                42,
                Some(42),
            ),
        ];
        for (p, ttl, want) in cases {
            assert_eq!(p.keep_s(ttl), want, "{} ttl {ttl}", p.name);
        }
    }
}
