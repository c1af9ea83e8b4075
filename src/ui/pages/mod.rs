//! The live section pages: each is one [`ScenarioPage`] over its preset,
//! with its own explanation, "try this" prompts and set of tools. A page is
//! listed in [`crate::ui::sections::SECTIONS`] only once it works end to end.

pub mod big_zone;
pub mod choosing;
pub mod diagram_panels;
pub mod last_change;
pub mod prompts;
pub mod resolution_panel;
pub mod scenario_page;
pub mod text;

pub use scenario_page::ScenarioPage;

use crate::ui::view_model::section::TryPrompt;

/// Which page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// `#/what-is-dns`.
    WhatIsDns,
    /// `#/a-records`.
    ARecords,
    /// `#/cname`.
    Cname,
    /// `#/api-gateway`.
    ApiGateway,
    /// `#/route53-failover`.
    Failover,
    /// `#/localstack`.
    LocalStack,
    /// `#/kubernetes`.
    Kubernetes,
    /// `#/why-not-cname`.
    WhyNotCname,
    /// `#/choosing`.
    Choosing,
    /// `#/sandbox`.
    Sandbox,
}

/// The tools a page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tools {
    /// The failover tree, the timeline and its clock.
    pub timeline: bool,
    /// The console.
    pub console: bool,
    /// The lints.
    pub lints: bool,
    /// A recursive resolver with its cache, drawn as the resolution path.
    pub resolver: bool,
}

impl Page {
    /// The page for a section slug (`sandbox` included).
    pub fn from_slug(slug: &str) -> Option<Page> {
        Some(match slug {
            "what-is-dns" => Page::WhatIsDns,
            "a-records" => Page::ARecords,
            "cname" => Page::Cname,
            "api-gateway" => Page::ApiGateway,
            "route53-failover" => Page::Failover,
            "localstack" => Page::LocalStack,
            "kubernetes" => Page::Kubernetes,
            "why-not-cname" => Page::WhyNotCname,
            "choosing" => Page::Choosing,
            "sandbox" => Page::Sandbox,
            _ => return None,
        })
    }

    /// The page's heading.
    pub fn title(self) -> &'static str {
        match self {
            Page::WhatIsDns => "What is DNS",
            Page::ARecords => "A records",
            Page::Cname => "CNAME records",
            Page::ApiGateway => "API Gateway",
            Page::Failover => "Route 53 failover",
            Page::LocalStack => "LocalStack",
            Page::Kubernetes => "Kubernetes + Spring Boot",
            Page::WhyNotCname => "Why A, not CNAME, in Kubernetes",
            Page::Choosing => "Choosing A, CNAME or Alias",
            Page::Sandbox => "Sandbox",
        }
    }

    /// The tools the page shows besides the record table and answer panel.
    pub fn tools(self) -> Tools {
        match self {
            Page::WhatIsDns => Tools {
                resolver: true,
                ..Tools::default()
            },
            Page::WhyNotCname => Tools {
                resolver: true,
                lints: true,
                ..Tools::default()
            },
            Page::ARecords | Page::Cname | Page::Choosing => Tools {
                lints: true,
                ..Tools::default()
            },
            Page::ApiGateway => Tools {
                lints: true,
                ..Tools::default()
            },
            Page::Failover | Page::Kubernetes => Tools {
                timeline: true,
                lints: true,
                ..Tools::default()
            },
            Page::LocalStack => Tools {
                console: true,
                lints: true,
                ..Tools::default()
            },
            Page::Sandbox => Tools {
                timeline: true,
                console: true,
                lints: true,
                resolver: false,
            },
        }
    }

    /// The "try this" prompts.
    pub fn prompts(self) -> Vec<TryPrompt> {
        let p = |id: &str, label: &str, hint: &str| TryPrompt {
            id: id.into(),
            label: label.into(),
            hint: Some(hint.into()),
        };
        match self {
            Page::WhatIsDns => vec![
                p("ask-again", "Ask for api.example.com again", "Ten seconds later the resolver answers from its cache: no server is asked and the TTL has gone down by ten."),
                p("ask-missing", "Ask for a name that does not exist", "Route 53 says NXDOMAIN with its SOA, and the resolver remembers the no for as long as the SOA's minimum allows."),
            ],
            Page::ARecords => vec![
                p("change-ip", "Move api to 192.168.49.3", "The edit goes out as one change batch; the answer follows at once."),
                p("add-value", "Give api a second address", "Both addresses come back; clients pick one."),
                p("invalid-ip", "Set api to not-an-ip", "Route 53 refuses the batch and the zone stays as it was."),
            ],
            Page::Cname => vec![
                p("apex-cname", "Put a CNAME at the apex", "The zone's own name already holds SOA and NS, so Route 53 says no."),
                p("a-beside-cname", "Add an A record beside api's CNAME", "A name with a CNAME can hold nothing else."),
                p("follow-chain", "Ask docs.example.com", "Two CNAME hops, then an address, all in one answer."),
            ],
            Page::ApiGateway => vec![
                p("pin-address", "Pin today's address as an A record", "pinned.example.com gets the first address the API has right now. Route 53 takes it without a word; the lint does not."),
                p("next-change", "Move the clock past the next change", "The API moves to new addresses. api.example.com follows them through the CNAME; pinned.example.com still hands out the old one."),
                p("back-to-cname", "Switch pinned.example.com back to a CNAME", "It follows the API's name like api does, and the pinned-address lint goes away."),
            ],
            Page::Failover => vec![
                p("recover", "Bring app-a back at 5 min", "Play past 5:00 and watch the answer fail back."),
                p("move-fault", "Break app-a at 2 min instead", "The whole failover moves with the fault."),
                p("ttl-3600", "Raise the TTL to 3600", "Route 53 switches just as fast, but resolvers keep the old answer for an hour."),
                p("own-ip", "Give app-b its own address", "Now failing over changes the address clients get; the lint goes away."),
            ],
            Page::LocalStack => vec![
                p("run-blog", "Run the blog's command", "It creates the zone and adds the CNAME, word for word."),
                p("apex-cname", "Try a CNAME at the apex in the console", "LocalStack would take it; AWS, and dnsplay, refuse it."),
            ],
            Page::Kubernetes => vec![
                p("scale-a-zero", "Scale app-a to 0 replicas at 30 s", "NodePort 30001 starts refusing; app-a's check fails and Route 53 fails over, to the same address."),
                p("lb-ip", "Give app-b a LoadBalancer IP of its own", "The SECONDARY now answers 192.168.49.100, so failing over changes where clients go; the lint goes away."),
                p("ttl-3600", "Raise the TTL to 3600", "Route 53 switches just as fast, but resolvers keep the old answer for an hour."),
            ],
            Page::WhyNotCname => vec![
                p("ask-node-cname", "Ask for app.hello.com, the CNAME", "The resolver gets a name instead of an address and walks from the root again: six queries instead of three."),
                p("apex-cname-node", "Point the apex hello.com at the node name", "The apex already holds SOA and NS, and a CNAME must stand alone, so Route 53 refuses."),
                p("txt-beside-cname", "Add a TXT record beside app's CNAME", "A CNAME owns its name outright; Route 53 refuses any other record there."),
            ],
            Page::Choosing => vec![
                p("choose-apex-cname", "CNAME the apex to the load balancer", "The apex keeps its SOA and NS, so Route 53 refuses the whole batch; the table and the answer stay as they were."),
                p("choose-apex-alias", "Alias the apex to the load balancer", "Route 53 answers hello-app.com with the load balancer's addresses, as plain A records with the balancer's 60 s TTL."),
                p("choose-www-cname", "Point www at the partner's shop with a CNAME", "Route 53 hands back only the shop's name; the client's resolver asks the partner's servers for the addresses."),
            ],
            Page::Sandbox => vec![
                p("recover", "Bring app-a back at 5 min", "Play past 5:00 and watch the answer fail back."),
                p("own-ip", "Give app-b its own address", "Failover now changes the address clients get."),
                p("load-5000", "Load a 5,000-record zone", "Five change batches of up to 1,000 records, as Route 53's limits allow; the table draws only the rows in view."),
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::sections::{SANDBOX, SECTIONS};

    #[test]
    fn every_registered_section_has_a_page_with_prompts() {
        for s in SECTIONS.iter().chain([&SANDBOX]) {
            let page = Page::from_slug(s.slug).unwrap_or_else(|| panic!("{}", s.slug));
            assert_eq!(page.title(), s.title);
            let n = page.prompts().len();
            assert!((2..=4).contains(&n), "{}: {n} prompts", s.slug);
        }
        assert_eq!(Page::from_slug("no-such-page"), None);
    }
}
