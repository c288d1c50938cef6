//! Entry point of the compute web worker (built by Trunk as `worker.js`,
//! renamed `worker-<hash>.js` by `scripts/post-build.mjs`).

#[cfg(target_arch = "wasm32")]
fn main() {
    use gloo::worker::Registrable;
    turnaround::failsafe::install_worker_hook();
    turnaround::worker::SimWorker::registrar()
        .encoding::<turnaround::worker::WireCodec>()
        .register();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("the worker runs only in a browser; use scripts/serve.sh");
}
