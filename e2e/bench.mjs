// The built site's speed, measured in headless Chromium (see docs/PERFORMANCE.md).
//
//   node e2e/bench.mjs            (after `make build`; `make bench` runs both)
//
// Prints one table:
//   - the engine in ONE Web Worker (the page opened with `?workers=1`, the
//     default comparison run from a click on Run to the last chunk merged),
//     per CPU-second of the worker threads (Linux /proc schedstat) and by
//     wall clock, against the same comparison natively (`salesim compare` of
//     the same three presets, same runs and seed, CPU time of the process
//     less that of a 100-run comparison), as run-months per second and
//     their ratio;
//   - the default comparison with every worker: from page load (the
//     automatic first run, which includes starting the workers) and from a
//     click on Run (workers warm) to the final charts; the time to the first
//     picture (the first merged chunk on screen); the longest main-thread
//     task while it runs (PerformanceObserver 'longtask', tasks over 50 ms);
//     the main thread's CPU time; the share of the run the workers computed;
//   - the app's and the worker's WebAssembly and JS glue, raw and gzip.
//
// Environment: DIST_DIR (default ../dist), CHROMIUM (default /usr/bin/chromium),
// BENCH_REPEATS (clicks on Run per configuration, default 5; the best and the
// median are printed), BENCH_NATIVE=0 skips the native measurement,
// SALESIM_BIN (default: the release `salesim` of this crate's target directory,
// brought up to date with `cargo build --release --bin salesim`),
// BENCH_JSON=path also writes the figures as JSON, BENCH_CHROMIUM_ARGS adds
// Chromium flags (e.g. "--js-flags=--no-wasm-dynamic-tiering").
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startStaticServer } from './static-server.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const CRATE = resolve(HERE, '..');
const DIST = resolve(process.env.DIST_DIR ?? join(CRATE, 'dist'));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const REPEATS = Math.max(1, Number(process.env.BENCH_REPEATS ?? 5));
// The page's first-visit comparison (src/app/store.rs): these presets, baseline first.
const PRESETS = ['generalist', 'specialised', 'restructure'];
const RUNS = 10_000;
const MONTHS = 36;
const SEED = 1;
const RUN_MONTHS = PRESETS.length * RUNS * MONTHS;
const TARGETS = {
  ratio: 0.85,
  totalMs: 1000,
  firstMs: 150,
  longTaskMs: 50,
  wasmGzipKB: 600,
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const min = (xs) => Math.min(...xs);
const max = (xs) => Math.max(...xs);

// ---- sizes --------------------------------------------------------------------

function sizes() {
  const files = readdirSync(DIST).filter((f) => /\.(wasm|js)$/.test(f));
  const of = (predicate) =>
    files.filter(predicate).reduce(
      (sum, f) => {
        const bytes = readFileSync(join(DIST, f));
        return { raw: sum.raw + bytes.length, gzip: sum.gzip + gzipSync(bytes, { level: 9 }).length };
      },
      { raw: 0, gzip: 0 },
    );
  return {
    appWasm: of((f) => f.startsWith('app') && f.endsWith('.wasm')),
    appJs: of((f) => f.startsWith('app') && f.endsWith('.js')),
    workerWasm: of((f) => f.startsWith('worker') && f.endsWith('.wasm')),
    workerJs: of((f) => f.startsWith('worker') && f.endsWith('.js')),
  };
}

// ---- native -------------------------------------------------------------------

function salesimBinary() {
  if (process.env.SALESIM_BIN) return process.env.SALESIM_BIN;
  const metadata = JSON.parse(
    execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps'], { cwd: CRATE, encoding: 'utf8' }),
  );
  const binary = join(metadata.target_directory, 'release', 'salesim');
  // cargo rebuilds only what changed; its own check is cheap next to the measurement
  execFileSync('cargo', ['build', '--release', '--quiet', '--bin', 'salesim'], { cwd: CRATE, stdio: 'inherit' });
  return binary;
}

/** CPU seconds (user + system) of one `salesim compare` of the default presets. */
function nativeSeconds(binary, runs) {
  const args = ['-f', '%U %S', binary, 'compare', ...PRESETS];
  args.push('--runs', String(runs), '--seed', String(SEED), '--months', String(MONTHS), '--tornado-runs', '0');
  const result = spawnSync('/usr/bin/time', args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`salesim compare failed: ${result.stderr}`);
  const [user, system] = result.stderr.trim().split('\n').pop().split(' ').map(Number);
  return user + system;
}

function native() {
  const binary = salesimBinary();
  const few = 100; // the command line's fewest runs
  nativeSeconds(binary, few); // warm the page cache
  const rates = [];
  for (let i = 0; i < REPEATS; i++) {
    // the report of a small comparison costs what the big one's does: the difference is the runs
    const fixed = nativeSeconds(binary, few);
    const total = nativeSeconds(binary, RUNS);
    rates.push((RUN_MONTHS * (RUNS - few)) / RUNS / Math.max(total - fixed, 1e-3));
  }
  return { best: max(rates), median: median(rates) };
}

// ---- browser ------------------------------------------------------------------

// CPU time of the page's threads (Linux: /proc/<pid>/task/<tid>/schedstat),
// so that a busy machine does not make the engine look slower than it is:
// the Web Workers' threads (named "DedicatedWorker") and the renderer's main
// thread (the one whose id is the process's) of Chromium's processes below `root`.
function readText(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function threadTimes(root) {
  const parents = new Map();
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    const stat = readText(`/proc/${pid}/stat`);
    if (stat) parents.set(pid, stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  }
  const below = (pid) => {
    for (let p = pid; p && p !== '0' && p !== '1'; p = parents.get(p)) if (p === String(root)) return true;
    return false;
  };
  const times = { workers: new Map(), mains: new Map() };
  for (const pid of parents.keys()) {
    if (!below(pid)) continue;
    const tids = (() => {
      try {
        return readdirSync(`/proc/${pid}/task`);
      } catch {
        return [];
      }
    })();
    const workerTids = tids.filter((tid) => readText(`/proc/${pid}/task/${tid}/comm`)?.startsWith('DedicatedWorker'));
    const ns = (tid) => Number(readText(`/proc/${pid}/task/${tid}/schedstat`)?.split(' ')[0] ?? NaN);
    for (const tid of workerTids) times.workers.set(`${pid}/${tid}`, ns(tid));
    // the renderer is the process that runs the workers
    if (workerTids.length) times.mains.set(pid, ns(pid));
  }
  return times;
}

/** CPU seconds of the workers and of the main thread between two `threadTimes`. */
function cpuBetween(before, after) {
  const deltas = (a, b) => [...b.entries()].map(([k, v]) => (v - (a.get(k) ?? 0)) / 1e9);
  const sum = (xs) => xs.reduce((total, x) => total + x, 0);
  const workers = deltas(before.workers, after.workers).filter((seconds) => seconds > 0.01);
  return { workers: sum(workers), busyWorkers: workers.length, main: sum(deltas(before.mains, after.mains)) };
}

// Runs in the page before its own scripts: records when the run's status
// changes, when the results' title reports merged futures, and long tasks.
function instrument() {
  const bench = { states: [], merges: [], longTasks: [] };
  window.__bench = bench;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  let lastState = null;
  let lastRuns = 0;
  // How many runs the results on screen are of: a `data-merged-runs`
  // attribute if the page has one, else the results' own words
  // ("Results of 1,400 futures …", "1400 runs merged").
  const mergedRuns = () => {
    const results = document.querySelector('[data-testid="results"]');
    if (!results) return 0;
    const marked = results.closest('[data-merged-runs]') ?? results.querySelector('[data-merged-runs]');
    if (marked) return Number(marked.getAttribute('data-merged-runs')) || 0;
    const text = results.textContent ?? '';
    const match = /Results of ([\d,]+) futures/.exec(text) ?? /([\d,]+) runs merged/.exec(text);
    return match ? Number(match[1].replaceAll(',', '')) : 0;
  };
  new MutationObserver(() => {
    const now = performance.now();
    const status = document.querySelector('[data-testid="run-status"]');
    const state = status?.getAttribute('data-state') ?? null;
    if (state !== lastState) {
      lastState = state;
      bench.states.push({ state, t: now, text: status?.textContent ?? '' });
    }
    const runs = mergedRuns();
    if (runs !== lastRuns) {
      lastRuns = runs;
      bench.merges.push({ runs, t: now });
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
}

/** The figures of one run that started at `start` (page time, ms). */
function runFigures(bench, start) {
  const done = bench.states.find((s) => s.t >= start && s.state === 'done');
  const failed = bench.states.find((s) => s.t >= start && (s.state === 'failed' || s.state === 'cancelled'));
  if (!done || (failed && failed.t < done.t)) throw new Error(`the run did not finish: ${JSON.stringify(bench.states)}`);
  const first = bench.merges.find((m) => m.t >= start && m.runs > 0);
  const tasks = bench.longTasks.filter((task) => task.start + task.duration >= start && task.start <= done.t);
  const merges = bench.merges.filter((m) => m.t >= start && m.t <= done.t + 50 && m.runs > 0);
  const running = bench.states.find((s) => s.t >= start && s.state === 'running');
  return {
    running: running?.text ?? '',
    totalMs: done.t - start,
    firstMs: first ? first.t - start : NaN,
    firstRuns: first?.runs ?? 0,
    longestTaskMs: tasks.length ? max(tasks.map((task) => task.duration)) : 0,
    longTasks: tasks.length,
    status: done.text,
    chunks: merges.length,
  };
}

const waitForDone = (page, after) =>
  page.waitForFunction(
    (after) => window.__bench.states.some((s) => s.t >= after && ['done', 'failed', 'cancelled'].includes(s.state)),
    after,
    { timeout: 120_000, polling: 50 },
  );

async function measureSite(browser, siteUrl, query) {
  const root = process.pid; // Chromium runs below this node process
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(siteUrl + query, { waitUntil: 'load' });
  // the first-visit comparison runs by itself: from navigation (time 0) to done
  await waitForDone(page, 0);
  const cold = runFigures(await page.evaluate(() => window.__bench), 0);
  const warm = [];
  for (let i = 0; i < REPEATS; i++) {
    await page.waitForTimeout(300); // let the last render and GC settle
    const before = root ? threadTimes(root) : null;
    const start = await page.evaluate(() => {
      const button = [...document.querySelectorAll('[data-testid="run-controls"] button')].find(
        (b) => b.textContent.trim() === 'Run',
      );
      if (!button || button.disabled) throw new Error('no enabled Run button');
      const now = performance.now();
      button.click();
      return now;
    });
    await waitForDone(page, start);
    const cpu = before ? cpuBetween(before, threadTimes(root)) : { workers: NaN, main: NaN };
    warm.push({ ...runFigures(await page.evaluate(() => window.__bench), start), cpu });
  }
  await context.close();
  if (errors.length) throw new Error(`page errors: ${errors.join('\n')}`);
  return { cold, warm };
}

// ---- the table ----------------------------------------------------------------

const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '–');
const kb = (bytes) => `${fmt(bytes / 1024, 1)} KB`;
const verdict = (ok) => (ok ? 'meets' : 'MISSES');

async function main() {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`${DIST}/index.html is missing: run make build first`);
  const size = sizes();
  const nativeRate = process.env.BENCH_NATIVE === '0' ? null : native();
  const server = await startStaticServer({ root: DIST, basePath: '/sales-sim/' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      ...['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
      ...(process.env.BENCH_CHROMIUM_ARGS ?? '').split(' ').filter(Boolean),
    ],
  });
  let one, all;
  try {
    one = await measureSite(browser, server.siteUrl, '?workers=1');
    all = await measureSite(browser, server.siteUrl, '');
  } finally {
    await browser.close();
    await server.close();
  }
  const rates = (runs, seconds) => runs.map((r) => RUN_MONTHS / seconds(r));
  const both = (xs, better = max) => ({ best: better(xs), median: median(xs) });
  const oneWall = both(rates(one.warm, (r) => r.totalMs / 1000));
  const oneCpu = both(rates(one.warm, (r) => r.cpu.workers));
  const allCpu = both(rates(all.warm, (r) => r.cpu.workers));
  const pick = (runs, key) => both(runs.map((r) => r[key]), min);
  const total = pick(all.warm, 'totalMs');
  const first = pick(all.warm, 'firstMs');
  const longest = pick(all.warm, 'longestTaskMs');
  const mainCpu = both(all.warm.map((r) => r.cpu.main * 1000), min);
  const mainPerChunk = both(all.warm.map((r) => (r.cpu.main * 1000) / Math.max(r.chunks, 1)), min);
  // the share of the run's wall-clock time each worker spent computing (the
  // rest it waited: for its next chunk, or for a core)
  const busy = both(all.warm.map((r) => (100 * r.cpu.workers) / (r.cpu.busyWorkers * (r.totalMs / 1000))));
  // the PerformanceObserver reports only tasks over 50 ms
  const task = (ms) => (ms > 0 ? fmt(ms) : 'none > 50');
  const wasmGzip = size.appWasm.gzip + size.workerWasm.gzip;

  const rows = [];
  const row = (what, best, median, target = '', ok = undefined) =>
    rows.push([what, best, median, target, ok === undefined ? '' : verdict(ok)]);
  row('wasm, 1 worker, per CPU-second (run-months/s)', fmt(oneCpu.best), fmt(oneCpu.median));
  row('wasm, 1 worker, wall clock (run-months/s)', fmt(oneWall.best), fmt(oneWall.median));
  row('wasm, each of all workers, per CPU-second', fmt(allCpu.best), fmt(allCpu.median));
  if (nativeRate) {
    row('native, 1 thread, per CPU-second (run-months/s)', fmt(nativeRate.best), fmt(nativeRate.median));
    const ratio = { best: oneCpu.best / nativeRate.best, median: oneCpu.median / nativeRate.median };
    row('wasm / native (CPU)', fmt(ratio.best, 2), fmt(ratio.median, 2), `≥ ${TARGETS.ratio}`, ratio.median >= TARGETS.ratio);
  }
  row('1 worker: click → done (ms)', fmt(min(one.warm.map((r) => r.totalMs))), fmt(median(one.warm.map((r) => r.totalMs))));
  row('all workers: page load → done (ms)', fmt(all.cold.totalMs), '');
  row('all workers: click → done (ms)', fmt(total.best), fmt(total.median), `≤ ${TARGETS.totalMs}`, total.median <= TARGETS.totalMs);
  row('first picture after click (ms)', fmt(first.best), fmt(first.median), `≤ ${TARGETS.firstMs}`, first.median <= TARGETS.firstMs);
  row('first picture after load (ms)', fmt(all.cold.firstMs), '');
  row('longest main-thread task, click → done (ms)', task(longest.best), task(longest.median), `≤ ${TARGETS.longTaskMs}`, longest.median <= TARGETS.longTaskMs);
  row('longest main-thread task, load → done (ms)', task(all.cold.longestTaskMs), '');
  row('main-thread CPU per run (ms)', fmt(mainCpu.best), fmt(mainCpu.median));
  row('main-thread CPU per merged chunk (ms)', fmt(mainPerChunk.best, 1), fmt(mainPerChunk.median, 1));
  row('each worker computing, share of the run (%)', fmt(busy.best), fmt(busy.median));
  row('app wasm (gzip)', kb(size.appWasm.gzip), `${kb(size.appWasm.raw)} raw`);
  row('worker wasm (gzip)', kb(size.workerWasm.gzip), `${kb(size.workerWasm.raw)} raw`);
  row('app + worker wasm (gzip)', kb(wasmGzip), '', `≤ ${TARGETS.wasmGzipKB} KB`, wasmGzip <= TARGETS.wasmGzipKB * 1024);
  row('JS glue, app + worker (gzip)', kb(size.appJs.gzip + size.workerJs.gzip), `${kb(size.appJs.raw + size.workerJs.raw)} raw`);

  const header = ['measure', 'best', 'median', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' | ')} |`;
  console.log(`\nThe default comparison: ${PRESETS.join(', ')} × ${fmt(RUNS)} runs × ${MONTHS} months = ${fmt(RUN_MONTHS)} run-months`);
  console.log(`best and median of ${REPEATS} clicks on Run per configuration; last run: ${all.warm.at(-1).running.trim()}`);
  console.log(line(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(r));
  console.log(`last status: ${all.warm.at(-1).status.trim()}; chunks merged per run: ${all.warm.at(-1).chunks}, first ${all.warm.at(-1).firstRuns} runs`);
  if (process.env.BENCH_JSON) {
    writeFileSync(process.env.BENCH_JSON, JSON.stringify({ size, nativeRate, one, all }, null, 2));
  }
}

await main();
