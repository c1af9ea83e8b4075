//! Property tests for Route 53 domain names (DG `DomainNameFormat`):
//! parse -> the API's text form -> parse gives the same name, byte for byte.

use dnsplay::engine::name::{format_name, parse_name};
use hickory_proto::rr::Name;
use proptest::prelude::*;

/// Labels of any octets (RFC 2181 §11: "any binary string"), 1..=63 long,
/// lowercase (Route 53 stores lowercase), within 255 octets in all.
fn labels() -> impl Strategy<Value = Vec<Vec<u8>>> {
    prop::collection::vec(prop::collection::vec(any::<u8>(), 1..=63), 0..=6).prop_map(|mut ls| {
        for l in &mut ls {
            l.make_ascii_lowercase();
        }
        // RFC 1035 §3.1: keep the wire form within 255 octets.
        while ls.iter().map(|l| l.len() + 1).sum::<usize>() + 1 > 255 {
            ls.pop();
        }
        ls
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Any name Route 53 can hold survives its API text form.
    #[test]
    fn names_round_trip_through_the_api_form(ls in labels()) {
        // `*prod` as the leftmost label is refused by design (#31).
        prop_assume!(!ls.first().is_some_and(|l| l.len() > 1 && l[0] == b'*'));
        let name = Name::from_labels(ls.clone()).expect("valid labels");
        let text = format_name(&name);
        let back = parse_name(&text).expect("the API form parses");
        prop_assert!(back.eq_case(&name), "{text}");
        prop_assert_eq!(format_name(&back), text);
    }

    /// Any text that parses gives a name whose text form parses to it again.
    #[test]
    fn parsed_text_round_trips(text in r##"[a-zA-Z0-9\-_*!"#$%&'()+,/:;<=>?@\[\]^`{|}~. \\]{0,80}"##) {
        if let Ok(name) = parse_name(&text) {
            let shown = format_name(&name);
            let back = parse_name(&shown).expect("the API form parses");
            prop_assert!(back.eq_case(&name), "{text} -> {shown}");
            prop_assert_eq!(format_name(&back), shown);
        }
    }

    /// No input makes the parser panic.
    #[test]
    fn arbitrary_text_never_panics(text in ".{0,300}") {
        let _ = parse_name(&text);
    }
}
