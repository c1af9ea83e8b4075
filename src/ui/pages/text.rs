//! Each page's short explanation, in our own words.

use yew::prelude::*;

use super::Page;

/// The explanation shown under a page's heading.
pub fn explanation(page: Page) -> Html {
    match page {
        Page::WhatIsDns => html! {
            <>
                <p>{ "DNS turns a name people can remember into an address a computer can dial. Your machine does \
                      not know the answer itself: it hands the question to a recursive resolver, which starts at \
                      the root, is pointed to the servers for com., then to the servers that hold example.com \
                      (here, Route 53), and only they give the actual address." }</p>
                <p>{ "Every answer carries a TTL, a number of seconds the resolver may keep it. Within that time \
                      the same question never leaves the resolver. Step through the path below, open any step to \
                      read the message that came back, then ask again." }</p>
            </>
        },
        Page::ARecords => html! {
            <>
                <p>{ "An A record is the plainest answer DNS has: ask for a name, get back IPv4 addresses. \
                      Whoever owns the zone writes the address in by hand, so it is only as right as the last edit." }</p>
                <p>{ "Edit a row below. Each edit is sent to the simulated Route 53 as a real change batch, \
                      checked by the same rules the real service applies, and the answer panel asks again at once." }</p>
            </>
        },
        Page::Cname => html! {
            <>
                <p>{ "A CNAME says \"this name is really that other name\": the server hands back the target, and \
                      the resolver keeps asking until it reaches an address. It suits targets whose addresses you \
                      do not control, such as an API Gateway endpoint." }</p>
                <p>{ "The price is exclusivity: a name that holds a CNAME can hold nothing else, which is why the \
                      zone's own name (with its SOA and NS) can never be one." }</p>
            </>
        },
        Page::ApiGateway => html! {
            <>
                <p>{ "An API Gateway endpoint is not a machine you own. AWS runs it on a fleet of its own and \
                      decides which of its addresses answer for your API; those addresses are shared, moved and \
                      replaced whenever AWS sees fit, with no notice and no schedule. What AWS does promise is the \
                      name, so the name is what it hands you." }</p>
                <p>{ "A CNAME from your friendly name to that name costs one more lookup and never goes stale: \
                      every resolver asks for the name and gets today's addresses. An A record with an address \
                      you looked up once is a snapshot, right until the next change. Here the clock is sped up \
                      so a change comes every two minutes: play or scrub it and watch the addresses move." }</p>
            </>
        },
        Page::Failover => html! {
            <>
                <p>{ "Here is the blog's setup: api.hello-localstack.com as a PRIMARY/SECONDARY pair, each with an \
                      HTTP health check on /actuator/health, and app-a going down at 30 s." }</p>
                <p>{ "Route 53 keeps answering with the PRIMARY until enough of its checkers have seen three failures \
                      in a row. Press play (or drag the clock) and watch the health, the tree and the answer move \
                      at the instant the engine predicts. Then read the lints: both records hand out the same \
                      address, so the switch changes nothing for a client." }</p>
            </>
        },
        Page::LocalStack => html! {
            <>
                <p>{ "LocalStack imitates AWS on your laptop, and the blog uses its awslocal wrapper to create a \
                      hosted zone and a CNAME to a local API Gateway name. The console below speaks the same \
                      commands against a simulated Route 53 that follows AWS's rules." }</p>
                <p>{ "The two do not always agree. LocalStack stores whatever change batch it receives, while AWS \
                      validates it: a CNAME at the zone apex, a CNAME beside other records or an address that is \
                      not an address all get through LocalStack and are refused by AWS. A batch that works \
                      locally can still fail in production." }</p>
            </>
        },
        Page::Kubernetes => html! {
            <>
                <p>{ "The blog runs two Spring Boot apps in minikube. The cluster has a single node, 192.168.49.2, \
                      and each app is exposed as a NodePort service: port 30001 reaches app-a, port 30002 reaches \
                      app-b. Route 53 holds a PRIMARY and a SECONDARY A record for api.hello-localstack.com, and both \
                      carry the node's address, because that is the only address the cluster has." }</p>
                <p>{ "That is the catch. DNS hands out addresses, never ports, so whichever record answers, a client \
                      lands on the same machine and dials whatever port it already had in mind. Scale app-a down and \
                      play the clock: the health check notices and the answer switches, yet the address a client \
                      receives stays exactly the same. The lints spell it out." }</p>
            </>
        },
        Page::WhyNotCname => html! {
            <>
                <p>{ "A minikube node has a name as well as an address, so it is tempting to write a CNAME that \
                      points at the node's name. Compare the two below: api.hello.com is an A record on the \
                      node's address, app.hello.com is a CNAME to minikube.hello-k8s.net, a name in another zone." }</p>
                <p>{ "The A record is answered in one walk. The CNAME hands the resolver a name instead of an \
                      address, so it has to start again from the root for that name, which doubles the queries \
                      here. And a CNAME is greedy: it cannot live at the zone's apex, and nothing else may share \
                      its name. With a fixed node address and nothing to gain from indirection, the blog's A \
                      record is the right call." }</p>
            </>
        },
        Page::Choosing => html! {
            <>
                <p>{ "Three kinds of record can send a name somewhere, and the right one depends on what you hold. \
                      An address you run goes in an A record. A name that another company runs is best followed \
                      with a CNAME, so their moves need no edit from you. An AWS resource is best reached with a \
                      Route 53 alias: Route 53 looks up the resource's addresses itself and answers with them." }</p>
                <p>{ "The zone's own name changes the picture: it already holds SOA and NS, so it can never be a \
                      CNAME. Answer the two questions, then try each option on hello-app.com or www. Every try \
                      is a real change batch; watch the table, the answer, and what Route 53 says when it refuses." }</p>
            </>
        },
        Page::Sandbox => html! {
            <p>{ "Every tool on one page over the blog's failover setup. Edit records, break and mend apps, \
                  run aws commands in the console and watch each panel follow." }</p>
        },
    }
}

/// Where LocalStack (moto) and AWS part ways, for the LocalStack page
/// (the full table with sources: `docs/localstack-differences.md`).
pub fn localstack_note() -> Html {
    let rows = [
        (
            "A CNAME at the zone apex",
            "refused (InvalidChangeBatch)",
            "stored",
        ),
        (
            "A CNAME beside other records at a name",
            "refused",
            "stored",
        ),
        (
            "not-an-ip as an A value",
            "refused (ARRDATAIllegalIPv4Address)",
            "stored",
        ),
        (
            "Deleting a set that is not there",
            "refused, naming the set",
            "an unrelated error",
        ),
        (
            "GetChange right after a change",
            "PENDING, then INSYNC",
            "INSYNC at once",
        ),
        (
            "Health checks",
            "probed from several regions",
            "stored, never probed",
        ),
    ];
    html! {
        <>
            <p>{ "dnsplay answers the way AWS does, so a batch that LocalStack takes can fail here, as it would in production." }</p>
            <div class="diff-wrap">
            <table class="diff-table">
                <caption class="visually-hidden">{ "Route 53 behaviour: AWS compared with LocalStack" }</caption>
                <thead><tr><th scope="col">{ "Case" }</th><th scope="col">{ "AWS (and dnsplay)" }</th><th scope="col">{ "LocalStack" }</th></tr></thead>
                <tbody>
                    { for rows.iter().map(|(case, aws, local)| html! {
                        <tr><th scope="row">{ *case }</th><td>{ *aws }</td><td>{ *local }</td></tr>
                    }) }
                </tbody>
            </table>
            </div>
        </>
    }
}
