//! Entry point of the page (built by Trunk).

#[cfg(target_arch = "wasm32")]
fn main() {
    turnaround::run();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Turnaround runs in a browser: use scripts/serve.sh");
}
