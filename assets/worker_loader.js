// Starts a simulation worker (a classic, no-modules wasm-bindgen build that
// Trunk writes as worker.js + worker_bg.wasm). Paths are relative to this
// script, so the site works under any sub-path. Replaces Trunk's generated
// shim, which uses wasm-bindgen's deprecated positional argument and so logs
// a warning on every start.
//
// A worker that cannot load its files, or whose WebAssembly traps, says so
// on a same-origin BroadcastChannel (the page spawns this script as
// worker_loader.js?worker=N): a failing worker sends no message of its own
// protocol, and the page would otherwise wait for its start-up deadline.
const worker = new URLSearchParams(self.location.search).get('worker') ?? '?';
const failures = new BroadcastChannel('salesim-worker-failures');
const report = (message) => failures.postMessage({ worker, message: String(message) });
self.addEventListener('error', (event) => report(event.message || event.error || 'an error'));
self.addEventListener('unhandledrejection', (event) => report(event.reason));
try {
  importScripts('./worker.js');
  wasm_bindgen({ module_or_path: './worker_bg.wasm' }).catch(report);
} catch (error) {
  report(error);
}
