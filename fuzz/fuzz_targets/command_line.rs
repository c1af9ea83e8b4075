//! Any text typed into the console: it prints something and never panics,
//! whatever the quoting, substitutions or aws arguments.
#![no_main]

use dnsplay::console::Console;
use dnsplay::engine::route53::Route53;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut console = Console::new(Route53::new(1));
    let _ = console.run_script(text);
});
