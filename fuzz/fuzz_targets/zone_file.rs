//! Any text given as a BIND zone file imports or gets a ZoneFileError naming
//! a line; an imported zone exports and re-imports to the same records.
#![no_main]

use dnsplay::scenario::formats::zonefile::{export_zone, import_zone};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let origin = "example.com.".parse().expect("origin");
    if let Ok(zone) = import_zone(text, Some(&origin)) {
        let exported = export_zone(&zone);
        let again = import_zone(&exported, Some(&origin)).expect("an exported zone re-imports");
        assert_eq!(export_zone(&again), exported, "export is stable");
    }
});
