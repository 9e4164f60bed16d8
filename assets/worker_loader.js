// Starts the simulation worker (a classic, no-modules wasm-bindgen build that
// Trunk writes as worker.js + worker_bg.wasm). Paths are relative to this
// script, so the site works under any sub-path. Replaces Trunk's generated
// shim, which uses wasm-bindgen's deprecated positional argument and so logs
// a warning on every start.
importScripts('./worker.js');
wasm_bindgen({ module_or_path: './worker_bg.wasm' });
