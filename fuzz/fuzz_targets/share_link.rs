//! Any bytes as a share link: opening answers Ok or a LinkError, never
//! panics, and stays within the decoder's bounds. Input starting with `#`
//! is taken as link text; anything else as the decoded payload (method
//! byte, then body), so deflate and JSON see arbitrary bytes too. A link
//! that opens re-encodes to a link that opens as the same state.
#![no_main]

use dnsplay::scenario::codec::{base64url, fragment, open};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let link = if data.first() == Some(&b'#') {
        match std::str::from_utf8(data) {
            Ok(text) => text.to_string(),
            Err(_) => return,
        }
    } else {
        format!("#s=1.{}", base64url::encode(data))
    };
    if let Ok(state) = open(&link) {
        let again = fragment(&state);
        assert_eq!(open(&again).as_ref(), Ok(&state), "re-encoded link differs");
    }
});
