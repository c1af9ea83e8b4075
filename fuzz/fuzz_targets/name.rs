//! Any text given as a Route 53 name parses or gets a NameError; a parsed
//! name prints and parses back to itself.
#![no_main]

use dnsplay::engine::name::{format_name, parse_name};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(name) = parse_name(text) {
        let printed = format_name(&name);
        let again = parse_name(&printed).expect("a printed name parses");
        assert_eq!(again, name, "round trip of {text:?} via {printed:?}");
    }
});
