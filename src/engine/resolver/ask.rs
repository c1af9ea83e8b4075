//! Asking servers: one question to each server in turn, and the trace
//! step of each answer with its DNS message.

use hickory_proto::rr::{Name, RecordType};

use super::recurse::Resolver;
use super::resolution::Resolution;
use super::servers::NameServer;
use super::step::{Step, StepResult};
use super::{Authorities, ClientLocation};
use crate::engine::lookup::{Answer, Outcome};
use crate::engine::time::SimTime;
use crate::engine::wire;

impl Resolver {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn record_server_step<A: Authorities + ?Sized>(
        &mut self,
        res: &mut Resolution,
        server: &NameServer,
        qname: &Name,
        qtype: RecordType,
        result: StepResult,
        answer: &Answer,
        note: String,
        auth: &A,
    ) {
        if !self.trace {
            return;
        }
        let id = self.next_id();
        let message = wire::response((qname.clone(), qtype), answer, id);
        let records = if matches!(result, StepResult::Referral { .. }) {
            answer.authority.clone()
        } else {
            answer.answer.clone()
        };
        res.steps.push(Step {
            at: res.at,
            server: Some(server.clone()),
            qname: qname.clone(),
            qtype,
            result,
            from_cache: false,
            stale: false,
            records,
            rtt_ms: auth.rtt_ms(server.ip),
            note,
            message: Some(message),
        });
    }

    /// Asks the servers in order until one answers (REFUSED counts as no
    /// answer from this server: a lame delegation, RFC 1034 §5.3.3 step 4).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn ask_any<A: Authorities + ?Sized>(
        &mut self,
        auth: &A,
        servers: &[NameServer],
        name: &Name,
        qtype: RecordType,
        now: SimTime,
        client: &ClientLocation,
        res: &mut Resolution,
    ) -> Option<(NameServer, Answer)> {
        for s in servers {
            match auth.ask(s.ip, name, qtype, now, client) {
                Some(a) if a.outcome != Outcome::NotAuthoritative => return Some((s.clone(), a)),
                other => {
                    if self.trace {
                        let (result, note) = match other {
                            Some(_) => (
                                StepResult::Refused,
                                "REFUSED: lame server, try the next (RFC 1034 §5.3.3 step 4)",
                            ),
                            None => (
                                StepResult::Timeout,
                                "no answer: try the next server (RFC 1035 §7.2)",
                            ),
                        };
                        res.steps.push(Step {
                            at: now,
                            server: Some(s.clone()),
                            qname: name.clone(),
                            qtype,
                            result,
                            from_cache: false,
                            stale: false,
                            records: Vec::new(),
                            rtt_ms: auth.rtt_ms(s.ip),
                            note: note.into(),
                            message: None,
                        });
                    }
                }
            }
        }
        None
    }
}
