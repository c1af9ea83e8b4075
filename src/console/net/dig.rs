//! `dig`: through the console's resolver, `+trace` from the root, or
//! `@server` straight to one authoritative server.

use std::net::IpAddr;

use hickory_proto::op::ResponseCode;
use hickory_proto::rr::rdata::NS;
use hickory_proto::rr::{Name, RData, Record, RecordType};

use super::{fail, NetView, Network, Printed};
use crate::engine::resolver::{fmt_time, recursive_message, Resolver, ResolverProfile};
use crate::engine::time::SimTime;
use crate::engine::wire;

/// `dig [@server] NAME [TYPE] [+short] [+trace]`.
pub fn dig<A>(net: &mut Network<A>, api: &A, now: SimTime, args: &[String]) -> Printed {
    let mut name: Option<&str> = None;
    let mut rtype = RecordType::A;
    let mut short = false;
    let mut trace = false;
    let mut server: Option<&str> = None;
    let mut typed = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "-t" {
            match it
                .next()
                .map(|t| t.to_ascii_uppercase().parse::<RecordType>())
            {
                Some(Ok(t)) => {
                    rtype = t;
                    typed = true;
                }
                _ => return fail("dig: -t needs a record type\n".into(), 1),
            }
        } else if let Some(opt) = a.strip_prefix('+') {
            match opt {
                "short" => short = true,
                "trace" => trace = true,
                "noall" | "answer" | "norec" | "rec" | "nocmd" | "nostats" | "noquestion" => {}
                _ => return fail(format!("Invalid option: +{opt}\n"), 1),
            }
        } else if let Some(s) = a.strip_prefix('@') {
            server = Some(s);
        } else if a.eq_ignore_ascii_case("IN") {
        } else if let (Some(_), false) = (name, typed) {
            match a.to_ascii_uppercase().parse::<RecordType>() {
                Ok(t) => {
                    rtype = t;
                    typed = true;
                }
                Err(_) => return fail(format!("dig: '{a}' is not a record type\n"), 1),
            }
        } else if name.is_none() {
            name = Some(a);
        } else {
            return fail(format!("dig: unexpected argument '{a}'\n"), 1);
        }
    }
    let Some(name_text) = name else {
        return fail(
            "usage: dig [@server] NAME [TYPE] [+short] [+trace]\n".into(),
            1,
        );
    };
    let qname = match Name::from_ascii(name_text) {
        Ok(mut n) => {
            n.set_fqdn(true);
            n
        }
        Err(e) => return fail(format!("dig: '{name_text}' is not a legal name ({e})\n"), 1),
    };
    let view = net.view(api, now);
    let mut out = String::new();
    if let Some(s) = server {
        return dig_at(net, &view, s, &qname, rtype, now, short);
    }
    if trace {
        // dig +trace iterates itself from the root, ignoring caches.
        let mut fresh = Resolver::new(ResolverProfile::honours_ttl(), 0, "dig+trace");
        fresh.trace = true;
        let res = fresh.resolve(&*view.dns, &qname, rtype, now, &net.client);
        // Like dig, start with the root NS set from the local resolver.
        let roots: Vec<Record> = view
            .dns
            .root_hints()
            .into_iter()
            .map(|r| Record::from_rdata(Name::root(), 518_400, RData::NS(NS(r.name))))
            .collect();
        let id = net.resolver.next_id();
        let msg = recursive_message(
            &Name::root(),
            RecordType::NS,
            ResponseCode::NoError,
            &roots,
            &[],
            id,
        );
        for r in &roots {
            out.push_str(&wire::dig_record(r));
            out.push('\n');
        }
        let size = wire::to_bytes(&msg).map_or(0, |b| b.len());
        out.push_str(&format!(
            ";; Received {size} bytes from 127.0.0.53#53(127.0.0.53) in 0 ms\n\n"
        ));
        for step in &res.steps {
            let Some(msg) = &step.message else {
                if let Some(s) = &step.server {
                    out.push_str(&format!(";; no answer from {}#53({})\n", s.ip, s.name));
                }
                continue;
            };
            for r in msg
                .answers
                .iter()
                .chain(msg.authorities.iter())
                .chain(msg.additionals.iter())
            {
                out.push_str(&wire::dig_record(r));
                out.push('\n');
            }
            let size = step.bytes().map_or(0, |b| b.len());
            match &step.server {
                Some(s) => out.push_str(&format!(
                    ";; Received {size} bytes from {}#53({}) in {} ms\n\n",
                    s.ip, s.name, step.rtt_ms
                )),
                None => out.push_str(&format!(";; Received {size} bytes from cache\n\n")),
            }
        }
        return Printed {
            out,
            err: String::new(),
            status: 0,
        };
    }
    let res = net
        .resolver
        .resolve(&*view.dns, &qname, rtype, now, &net.client);
    if short {
        for r in &res.answer {
            out.push_str(&wire::rdata_text(&r.data));
            out.push('\n');
        }
        return Printed {
            out,
            err: String::new(),
            status: 0,
        };
    }
    let id = net.resolver.next_id();
    let msg = res.message(id);
    let query_ms: u64 = res
        .steps
        .iter()
        .filter(|s| !s.from_cache)
        .map(|s| s.rtt_ms)
        .sum();
    let size = wire::to_bytes(&msg).map_or(0, |b| b.len());
    out.push_str(&format!(
        "; <<>> DiG (dnsplay) <<>> {name_text} {rtype}\n;; Got answer:\n{}",
        wire::dig_text(&msg)
    ));
    out.push_str(&format!(
        ";; Query time: {query_ms} msec{}\n;; SERVER: 127.0.0.53#53(127.0.0.53) (UDP)\n;; WHEN: t={}\n;; MSG SIZE  rcvd: {size}\n",
        if res.from_cache { " (from cache)" } else { "" },
        fmt_time(now)
    ));
    Printed {
        out,
        err: String::new(),
        status: 0,
    }
}

/// `dig @server`: one question to one authoritative server, no recursion.
fn dig_at<A>(
    net: &mut Network<A>,
    view: &NetView,
    server: &str,
    qname: &Name,
    rtype: RecordType,
    now: SimTime,
    short: bool,
) -> Printed {
    let ip: IpAddr = match server.parse() {
        Ok(ip) => ip,
        Err(_) => {
            let Ok(host) = Name::from_ascii(server) else {
                return fail(
                    format!("dig: couldn't get address for '{server}': not found\n"),
                    10,
                );
            };
            let res = net
                .resolver
                .resolve(&*view.dns, &host, RecordType::A, now, &net.client);
            match res.addresses().first() {
                Some(ip) => *ip,
                None => {
                    return fail(
                        format!("dig: couldn't get address for '{server}': not found\n"),
                        10,
                    )
                }
            }
        }
    };
    let Some(answer) = view.dns.ask(ip, qname, rtype, now, &net.client) else {
        return fail(
            format!(
                ";; communications error to {ip}#53: timed out\n;; no servers could be reached\n"
            ),
            9,
        );
    };
    let id = net.resolver.next_id();
    let msg = wire::response((qname.clone(), rtype), &answer, id);
    if short {
        let mut out = String::new();
        for r in &msg.answers {
            out.push_str(&wire::rdata_text(&r.data));
            out.push('\n');
        }
        return Printed {
            out,
            err: String::new(),
            status: 0,
        };
    }
    let name = view
        .dns
        .server_name(ip)
        .map_or_else(|| ip.to_string(), |n| n.to_string());
    let size = wire::to_bytes(&msg).map_or(0, |b| b.len());
    Printed {
        out: format!(
            "; <<>> DiG (dnsplay) <<>> @{server} {qname} {rtype}\n;; Got answer:\n{};; Query time: {} msec\n;; SERVER: {ip}#53({name}) (UDP)\n;; WHEN: t={}\n;; MSG SIZE  rcvd: {size}\n",
            wire::dig_text(&msg),
            view.dns.rtt_ms(ip),
            fmt_time(now)
        ),
        err: String::new(),
        status: 0,
    }
}
