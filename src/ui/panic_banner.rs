//! Shows a panic's message in a banner instead of leaving a blank page.
//!
//! The banner element lives in `www/index.html` (not in the Yew tree), so it
//! still works when the panic happens before or during the first render.

/// The query flag that makes the app panic on start, for the e2e test of this
/// banner. Harmless in production: it only shows the banner.
pub const TEST_PANIC_FLAG: &str = "test-panic";

/// The text shown in the banner for a panic message.
pub fn banner_text(message: &str) -> String {
    format!("dnsplay stopped with an internal error: {message}. Reload the page; your saved work is kept.")
}

/// True when the query string holds [`TEST_PANIC_FLAG`] as a key.
pub fn query_requests_panic(search: &str) -> bool {
    search
        .trim_start_matches('?')
        .split('&')
        .any(|pair| pair.split('=').next() == Some(TEST_PANIC_FLAG))
}

/// Whether the current page's URL asks for a test panic.
#[cfg(target_arch = "wasm32")]
pub fn test_panic_requested() -> bool {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .is_some_and(|s| query_requests_panic(&s))
}

/// Installs the panic hook that fills `#panic-banner`.
#[cfg(target_arch = "wasm32")]
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let message = match info.payload().downcast_ref::<&str>() {
            Some(s) => (*s).to_string(),
            None => match info.payload().downcast_ref::<String>() {
                Some(s) => s.clone(),
                None => "unknown panic".to_string(),
            },
        };
        let text = banner_text(&message);
        web_sys::console::error_1(&format!("{text} ({info})").into());
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("panic-banner"))
        {
            el.set_text_content(Some(&text));
            let _ = el.remove_attribute("hidden");
        }
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_flag_is_matched_as_a_key_only() {
        for (search, expected) in [
            ("", false),
            ("?test-panic", true),
            ("?embed=table&test-panic=1", true),
            ("?x=test-panic", false),
            ("?test-panicky", false),
        ] {
            assert_eq!(query_requests_panic(search), expected, "{search}");
        }
    }

    #[test]
    fn banner_names_the_message() {
        assert!(banner_text("boom").contains("boom"));
    }
}
