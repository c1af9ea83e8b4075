//! The wasm entry point: installs the panic banner and renders the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    dnsplay::ui::panic_banner::install();
    dnsplay::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("dnsplay-web is the browser build: run `make run` and open http://127.0.0.1:8080");
    std::process::exit(2);
}
