// End-to-end: the release build in dist/, served under a sub-path as GitHub
// Pages would, opened in Debian's Chromium through playwright-core.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startStaticServer } from './static-server.mjs';
import { ShellPage, originOf, recordTraffic } from './shell-page.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const DIST_DIR = process.env.DIST_DIR ?? join(HERE, '..', 'dist');
const SCREENSHOT_DIR = join(HERE, 'screenshots');
const BASE_PATH = '/sales-sim/';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
// The engine's presets (src/sim/presets.rs), as `salesim presets` lists them.
const PRESETS = [
  'Generalist (hunter-farmer)',
  'Three-stage specialised',
  'Three-stage, outsourced lead generation',
  'Specialised with retention and account tiers',
  'Generalist under pressure (cut leads when behind)',
  'Generalist → three-stage in month 6',
  'Generalist → three-stage in month 6, with a process owner',
];

let server;
let browser;

before(async () => {
  server = await startStaticServer({ root: DIST_DIR, basePath: BASE_PATH });
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  // Flags that keep Chromium from phoning home on a closed network (TOOLCHAIN.md);
  // Playwright adds --headless and a throw-away profile itself.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function openShell(viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const traffic = recordTraffic(context, page);
  const shell = new ShellPage(page);
  await shell.open(server.siteUrl);
  return { context, page, shell, traffic };
}

test('the shell renders under a sub-path and the worker answers with this build', async () => {
  const { context, page, shell, traffic } = await openShell();
  try {
    const answer = await shell.waitForWorkerAnswer();
    assert.equal(answer.state, 'ready', `worker status: ${answer.text}`);

    const pageVersion = (await shell.version.textContent()).replace(/^v/, '');
    assert.match(pageVersion, /^\d+\.\d+\.\d+\+\S+$/);
    assert.equal(answer.text, `Simulation worker ready — version ${pageVersion}`);

    assert.match(await shell.header.textContent(), /Sales Restructuring Simulator/);
    assert.deepEqual(await shell.presetNames.allTextContents(), PRESETS);
    assert.equal(
      await shell.footer.textContent(),
      'Everything runs in this browser; nothing is sent anywhere.',
    );
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'shell.png'), fullPage: true });

    // The worker's files were fetched from under the sub-path, so the
    // request log below also covers what the worker loaded.
    const workerWasm = traffic.requestUrls.filter((url) => url.endsWith('/worker_bg.wasm'));
    assert.deepEqual(workerWasm, [`${server.siteUrl}worker_bg.wasm`]);

    const pageOrigin = originOf(page.url());
    assert.equal(pageOrigin, server.origin);
    const foreign = traffic.requestUrls.filter((url) => originOf(url) !== pageOrigin);
    assert.deepEqual(foreign, [], 'requests that left the page origin');

    const errors = traffic.consoleMessages.filter((m) => m.type === 'error');
    assert.deepEqual(errors, [], 'console errors');
    assert.deepEqual(traffic.pageErrors, [], 'uncaught page errors');
  } finally {
    await context.close();
  }
});

test('the built page restricts itself to its own origin with a content security policy', async () => {
  const html = await readFile(join(DIST_DIR, 'index.html'), 'utf8');
  const policy = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(policy, 'dist/index.html has a CSP meta tag');
  assert.match(policy, /default-src 'self'/);
  assert.match(policy, /connect-src 'self'/);
  assert.doesNotMatch(policy, /unsafe-inline/, 'release build pins inline scripts by hash');
  assert.match(policy, /'sha256-[A-Za-z0-9+/]+=*'/);
});

test('the print sheet drops the scenario sidebar but keeps results and the privacy footer', async () => {
  const { context, page, shell } = await openShell();
  try {
    await shell.waitForWorkerAnswer();
    await page.emulateMedia({ media: 'print' });
    assert.equal(await shell.sidebar.isVisible(), false);
    assert.equal(await shell.workerStatus.isVisible(), true);
    assert.equal(await shell.footer.isVisible(), true);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'shell-print.png'), fullPage: true });
  } finally {
    await context.close();
  }
});

test('on a narrow screen the sidebar stacks above the results', async () => {
  const { context, page, shell } = await openShell({ width: 420, height: 900 });
  try {
    const sidebarBox = await shell.sidebar.boundingBox();
    const resultsBox = await page.getByTestId('results').boundingBox();
    assert.ok(sidebarBox.y + sidebarBox.height <= resultsBox.y, 'sidebar above results');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'shell-narrow.png'), fullPage: true });
  } finally {
    await context.close();
  }
});
