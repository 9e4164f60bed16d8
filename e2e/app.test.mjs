// End-to-end: the release build in dist/, served under a sub-path as GitHub
// Pages would, opened in Debian's Chromium through playwright-core, used as
// a new user would: the default comparison fills in, a different preset is
// ticked and run, the metric is switched, a million-run comparison is
// cancelled and another run follows, at laptop, projector and phone sizes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { startStaticServer } from './static-server.mjs';
import { AppPage, originOf, readability, recordTraffic } from './app-page.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const DIST_DIR = process.env.DIST_DIR ?? join(HERE, '..', 'dist');
const SCREENSHOT_DIR = join(HERE, 'screenshots');
const BASE_PATH = '/sales-sim/';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
// The native command line, built by `make test-e2e` before this runs.
const SALESIM = process.env.SALESIM_BIN ?? join(HERE, '..', 'target', 'release', 'salesim');
const LAPTOP = { width: 1280, height: 800 };
const PROJECTOR = { width: 1920, height: 1080 };
const PHONE = { width: 390, height: 844 };

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

async function openApp(viewport = LAPTOP, prepare = async () => {}) {
  const context = await browser.newContext({ viewport });
  await prepare(context);
  const page = await context.newPage();
  const traffic = recordTraffic(context, page);
  const app = new AppPage(page);
  await app.open(server.siteUrl);
  return { context, page, app, traffic };
}

function assertStayedHome(page, traffic) {
  const pageOrigin = originOf(page.url());
  assert.equal(pageOrigin, server.origin);
  const foreign = traffic.requestUrls.filter((url) => originOf(url) !== pageOrigin);
  assert.deepEqual(foreign, [], 'requests that left the page origin');
  const errors = traffic.consoleMessages.filter((m) => m.type === 'error');
  assert.deepEqual(errors, [], 'console errors');
  assert.deepEqual(traffic.pageErrors, [], 'uncaught page errors');
}

async function commandLine(args) {
  const { stdout } = await promisify(execFile)(SALESIM, args, { maxBuffer: 256 << 20 });
  return JSON.parse(stdout);
}

test('a new user sees the default comparison fill in, with the command line’s numbers', async () => {
  const { context, page, app, traffic } = await openApp();
  try {
    assert.equal(await app.waitForState(['done']), 'done');
    assert.match(await app.status.textContent(), /Done: 10,000 futures of 3 scenarios in/);
    const version = (await app.version.textContent()).replace(/^v/, '');
    assert.match(version, /^\d+\.\d+\.\d+\+\S+$/);

    // The first screen answers a question: who is ahead, how sure, when it pays back.
    const headlines = await page.getByTestId('headline').allTextContents();
    assert.equal(headlines.length, 2, headlines.join('\n'));
    assert.match(headlines[0], /Three-stage specialised is (ahead of|behind) Generalist/);
    assert.match(await page.getByTestId('payback-chart').first().textContent(), /month/);
    for (const chart of ['fan-chart', 'outcome-histogram', 'chance-ahead-chart']) {
      const picture = page.getByTestId(chart).locator('[role="img"]').first();
      assert.ok((await picture.getAttribute('aria-label'))?.length > 10, `${chart} has an accessible name`);
    }

    // Key numbers equal `salesim compare` with the same scenarios, runs and seed, to the bit.
    const cli = await commandLine([
      'compare', 'generalist', 'specialised', 'restructure', '--runs', '10000', '--seed', '1', '--tornado-runs', '0',
    ]);
    const pageValues = await app.keyNumberValues();
    let compared = 0;
    cli.scenarios.forEach((report, index) => {
      for (const figure of report.horizon) {
        if (!(figure.metric in pageValues)) continue;
        assert.equal(pageValues[figure.metric][index], figure.bands.p50, `${figure.metric} of ${report.scenario}`);
        compared += 1;
      }
      const customers = report.monthly.find((m) => m.metric === 'customers').months.at(-1).p50;
      assert.equal(pageValues.customers?.[index], customers, `customers of ${report.scenario}`);
    });
    assert.ok(compared >= 15, `compared ${compared} key numbers with the command line`);

    assertStayedHome(page, traffic);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'laptop.png'), fullPage: true });
  } finally {
    await context.close();
  }
});

test('ticking another preset and running changes the fan chart and the table; the metric can be switched', async () => {
  const { context, page, app, traffic } = await openApp();
  try {
    await app.waitForState(['done']);
    const fanBefore = await app.fanChart.locator('[role="img"] svg').first().innerHTML();
    await app.tick('restructure', false);
    await app.tick('outsourced');
    await app.setField('Runs', 2000);
    await app.runButton.click();
    await app.waitForState(['done']);
    assert.match(await app.status.textContent(), /Done: 2,000 futures of 3 scenarios/);
    const scenarios = await app.keyNumberScenarios();
    assert.ok(scenarios.some((s) => s.includes('outsourced')), scenarios.join(' | '));
    assert.ok(!scenarios.some((s) => s.includes('month 6')), scenarios.join(' | '));
    assert.notEqual(await app.fanChart.locator('[role="img"] svg').first().innerHTML(), fanBefore);

    const label = async () => app.fanChart.locator('[role="img"]').first().getAttribute('aria-label');
    const before = await label();
    await page.getByLabel('Metric').selectOption({ label: 'Revenue' });
    await page.waitForFunction(
      (old) => document.querySelector('[data-testid="fan-chart"] [role="img"]')?.getAttribute('aria-label') !== old,
      before,
    );
    assert.match(await label(), /revenue/i);

    // The tornado costs extra runs, so it waits for a click and shows its progress.
    await page.getByRole('button', { name: 'Test the assumptions' }).click();
    await page.getByTestId('tornado-chart').waitFor({ timeout: 60_000 });
    assert.match(await page.getByTestId('sensitivity-status').textContent(), /^Assumptions tested: /);
    const bars = await page.getByTestId('tornado-chart').locator('[role="img"]').getAttribute('aria-label');
    assert.ok(bars.length > 10, bars);
    assertStayedHome(page, traffic);
  } finally {
    await context.close();
  }
});

test('the comparison and settings survive a reload; unreadable saved data is kept aside and reported', async () => {
  const { context, page, app, traffic } = await openApp();
  try {
    await app.waitForState(['done']);
    await app.tick('restructure', false);
    await app.tick('under-pressure');
    await app.setField('Runs', 3000);
    await page.reload({ waitUntil: 'load' });
    await app.waitForState(['done']);
    const ticked = await page.$$eval('[data-testid="preset"]', (items) =>
      items.filter((i) => i.querySelector('input[type="checkbox"]').checked).map((i) => i.dataset.id),
    );
    assert.deepEqual(ticked, ['generalist', 'specialised', 'under-pressure']);
    assert.equal(await page.getByLabel('Runs', { exact: true }).inputValue(), '3000');
    assert.match(await app.status.textContent(), /Done: 3,000 futures of 3 scenarios/);

    await page.evaluate(() => localStorage.setItem('salesim.page.v2', '{"version": 2, "ticked": ['));
    await page.reload({ waitUntil: 'load' });
    await app.waitForState(['done']);
    assert.match(await page.getByRole('alert').first().textContent(), /could not be read.*kept in this browser/);
    assert.equal(await page.evaluate(() => localStorage.getItem('salesim.page.v2.unreadable')), '{"version": 2, "ticked": [');

    // A page saved by the previous format (version 1) is read and migrated.
    await page.evaluate(() => {
      localStorage.removeItem('salesim.page.v2');
      localStorage.setItem('salesim.page.v1', JSON.stringify({
        version: 1, ticked: ['outsourced', 'generalist'], baseline: 'generalist',
        runs: '2000', months: '36', seed: '1', metric: 'cumulative_profit',
      }));
    });
    await page.reload({ waitUntil: 'load' });
    await app.waitForState(['done']);
    assert.deepEqual(await app.tickedIds(), ['generalist', 'outsourced']);
    assert.equal(await page.getByLabel('Runs', { exact: true }).inputValue(), '2000');
    assertStayedHome(page, traffic);
  } finally {
    await context.close();
  }
});

test('your numbers make a baseline and its alternatives, compared on their own, kept across a reload; a deletion can be undone', async () => {
  const { context, page, app, traffic } = await openApp();
  try {
    await app.waitForState(['done']);
    // Small runs follow each change on their own.
    await app.setField('Runs', 2000);
    assert.match(await page.getByTestId('auto-run').textContent(), /Small runs update on their own.*re-run a moment after/);

    await app.fillNumber('Generalist reps', 12);
    await app.fillNumber('Recurring revenue today (ARR)', '$6M');
    await app.fillNumber('Customers today', '180');
    await app.fillNumber('Win rate (opportunities won)', '35');
    assert.match(await app.numberMessage('win_rate'), /35% is outside the usual 20% to 25%; the baseline still uses it/);
    await app.fillNumber('Sales cycle (average)', 'three');
    assert.match(await app.numberMessage('sales_cycle'), /Sales cycle \(average\): must be a number between 0.5 months and 24 months, got "three"/);
    assert.equal(await page.getByLabel('Sales cycle (average)', { exact: true }).inputValue(), 'three');
    await page.getByRole('button', { name: 'Create my baseline' }).click();
    assert.deepEqual(await app.yourScenarios(), [], 'an input to correct makes nothing');
    assert.match(await page.getByTestId('numbers-summary').textContent(), /1 input to correct/);
    await app.fillNumber('Sales cycle (average)', '3');
    assert.equal(await app.numberMessage('sales_cycle'), null);

    await page.getByRole('button', { name: 'Create my baseline' }).click();
    assert.deepEqual(await app.yourScenarios(), ['Your organisation today']);
    await page.getByRole('button', { name: 'Make the standard alternatives' }).click();
    const made = [
      'Your organisation today',
      'Yours as three-stage (SDR, AE, AM)',
      'Yours with outsourced lead generation',
      'Yours with retention managers and account tiers',
      'Yours → three-stage in month 6',
      'Yours → three-stage in month 6, with a process owner',
    ];
    assert.deepEqual(await app.yourScenarios(), made);
    // The comparison re-runs on its own with the baseline and its five alternatives.
    await page.waitForFunction(
      () => [...document.querySelectorAll('[data-testid="key-numbers"] thead th[scope="col"]')]
        .some((th) => th.textContent.includes('Your organisation today')),
      null,
      { timeout: 60_000 },
    );
    await app.waitForState(['done']);
    const compared = await app.keyNumberScenarios();
    for (const name of made) assert.ok(compared.some((c) => c.includes(name)), `${name} in ${compared.join(' | ')}`);
    assert.match(await app.status.textContent(), /Done: 2,000 futures of 6 scenarios/);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'your-scenarios-laptop.png'), fullPage: true });

    // Everything is there after a reload, as it was.
    const ticked = await app.tickedIds();
    await page.reload({ waitUntil: 'load' });
    await app.waitForState(['done']);
    assert.deepEqual(await app.yourScenarios(), made);
    assert.deepEqual(await app.tickedIds(), ticked);
    await app.openYourNumbers();
    assert.equal(await page.getByLabel('Win rate (opportunities won)', { exact: true }).inputValue(), '35');

    // Rename in place, delete, undo.
    await page.getByRole('button', { name: 'Rename Your organisation today' }).click();
    await page.getByTestId('rename-box').fill('Acme today');
    await page.getByTestId('rename-box').press('Enter');
    assert.equal((await app.yourScenarios())[0], 'Acme today');
    await page.getByRole('button', { name: 'Delete Yours with outsourced lead generation' }).click();
    assert.ok(!(await app.yourScenarios()).includes('Yours with outsourced lead generation'));
    assert.match(await page.getByTestId('undo-banner').textContent(), /Deleted ‘Yours with outsourced lead generation’/);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    assert.deepEqual(await app.yourScenarios(), ['Acme today', ...made.slice(1)]);
    assert.deepEqual(await app.tickedIds(), ticked);
    assert.equal((await page.getByTestId('undo-banner').textContent()).trim(), '');

    await page.setViewportSize(PHONE);
    const { small, overflow } = await readability(page);
    assert.deepEqual(small, [], 'text under 12 px');
    assert.ok(overflow <= 0, `the page overflows sideways by ${overflow} px`);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'your-scenarios-phone.png'), fullPage: true });
    assertStayedHome(page, traffic);
  } finally {
    await context.close();
  }
});

/** Opens the editor's closed groups and "more" sections around input `id`, as a person would. */
async function reveal(editor, id) {
  const input = editor.locator(`[id="${id}"]`);
  for (let tries = 0; tries < 4 && !(await input.isVisible()); tries += 1) {
    await input.evaluate((element) => {
      let outer = null;
      for (let d = element.closest('details'); d; d = d.parentElement && d.parentElement.closest('details')) {
        if (!d.open) outer = d;
      }
      if (outer) outer.querySelector(':scope > summary').click();
    });
  }
  return input;
}

test('the editor: a preset opens read-only and a change makes a copy; more SDRs move the org chart and the fans; an out-of-range value is kept with its message; a steeper commission plan moves cost and attrition', async () => {
  const { context, page, app, traffic } = await openApp();
  try {
    await app.waitForState(['done']);
    // Small runs re-run on their own after each change.
    await app.setField('Runs', 1000);
    await app.waitForState(['done']);
    await page.getByRole('button', { name: 'Look inside Three-stage specialised' }).click();
    const editor = page.getByTestId('editor-panel');
    await editor.waitFor({ state: 'visible' });
    assert.match(await editor.getByTestId('read-only-notice').textContent(), /read-only/);

    const fanBefore = await app.fanChart.innerHTML();
    const sdrs = await reveal(editor, 'editor-structure-headcount-sdr');
    const seats = Number(await sdrs.inputValue());
    assert.ok(seats > 0, `the preset has ${seats} SDRs`);
    await sdrs.fill(String(seats + 4));
    // The change made the user's copy, which is now open and in the comparison.
    await page.getByRole('heading', { name: /Assumptions of Three-stage specialised \(yours\)/ }).waitFor();
    await page.waitForFunction((before) => {
      const fan = document.querySelector('[data-testid="fan-chart"]');
      const status = document.querySelector('[data-testid="run-status"]');
      return fan && status && status.dataset.state === 'done' && fan.innerHTML !== before;
    }, fanBefore, { timeout: 60_000 });
    const organisation = page.getByTestId('organisation');
    const choice = organisation.locator('#organisation-scenario');
    const copyOption = choice.locator('option', { hasText: 'Three-stage specialised (yours)' });
    await choice.selectOption(await copyOption.getAttribute('value'));
    assert.match(await organisation.textContent(), new RegExp(`${seats + 4} SDRs`));

    // An out-of-range value: the engine's message at the field, the text kept, Run refused.
    const ramp = await reveal(editor, 'editor-roles-sdr-ramp_months');
    await ramp.fill('40');
    await editor.getByTestId('summary-problem').first().waitFor();
    assert.match(await editor.getByTestId('problem-summary').textContent(), /SDR ramp: must be between 0 and 24 months, got 40/);
    assert.equal(await ramp.inputValue(), '40');
    assert.equal(await ramp.getAttribute('aria-invalid'), 'true');
    assert.match(await app.sidebar.textContent(), /cannot run until its problem is fixed/);
    await ramp.fill('3');
    await app.waitForState(['done']);

    // A steeper commission plan: more pay at risk for the AEs moves cost and attrition.
    const keyNumbers = async () => app.keyNumbers.textContent();
    const fanOf = async (metric) => {
      await page.locator('#metric-picker').selectOption(metric);
      // the drawing, not only the read-out: a move in any band counts
      return app.fanChart.innerHTML();
    };
    const [costsBefore, leaversBefore] = [await fanOf('costs'), await fanOf('leavers')];
    const before = await keyNumbers();
    const atRisk = await reveal(editor, 'editor-roles-ae-variable_share');
    await atRisk.fill('0.8');
    await page.waitForFunction((text) => {
      const table = document.querySelector('[data-testid="key-numbers"]');
      const status = document.querySelector('[data-testid="run-status"]');
      return table && status && status.dataset.state === 'done' && table.textContent !== text;
    }, before, { timeout: 60_000 });
    assert.notEqual(await fanOf('costs'), costsBefore, 'sales and marketing cost did not move');
    assert.notEqual(await fanOf('leavers'), leaversBefore, 'the people who left did not move');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'editor-laptop.png'), fullPage: true });

    // Every edit is there after a reload.
    await page.reload({ waitUntil: 'load' });
    await app.waitForState(['done']);
    await page.getByRole('button', { name: 'Edit Three-stage specialised (yours)' }).click();
    const reloaded = page.getByTestId('editor-panel');
    assert.equal(await (await reveal(reloaded, 'editor-structure-headcount-sdr')).inputValue(), String(seats + 4));
    assert.equal(await (await reveal(reloaded, 'editor-roles-ae-variable_share')).inputValue(), '0.8');
    assertStayedHome(page, traffic);
  } finally {
    await context.close();
  }
});

test('a million-run comparison can be cancelled at once and another run follows', async () => {
  const { context, page, app, traffic } = await openApp();
  try {
    await app.waitForState(['done']);
    await app.setField('Runs', '1,000,000');
    await app.runButton.click();
    await app.waitForState(['running']);
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="progress"]')?.getAttribute('aria-valuenow')) > 0);
    assert.equal(await app.progress.getAttribute('aria-valuemax'), '1000000');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'running.png'), fullPage: true });
    const pressed = Date.now();
    await app.cancelButton.click();
    await app.waitForState(['cancelled'], 5_000);
    assert.ok(Date.now() - pressed < 2_000, 'cancel took effect at once');
    assert.match(await app.status.textContent(), /^Cancelled after [\d,]+ of 1,000,000 runs/);
    assert.ok(await app.cancelButton.isDisabled());

    await app.setField('Runs', 1000);
    await app.runButton.click();
    await app.waitForState(['done']);
    assert.match(await app.status.textContent(), /Done: 1,000 futures/);
    assertStayedHome(page, traffic);
  } finally {
    await context.close();
  }
});

for (const [name, viewport] of [['projector', PROJECTOR], ['phone', PHONE]]) {
  test(`on a ${name} (${viewport.width}×${viewport.height}) every text is at least 12 px and nothing overflows`, async () => {
    const { context, page, app, traffic } = await openApp(viewport);
    try {
      await app.waitForState(['done']);
      const { small, overflow } = await readability(page);
      assert.deepEqual(small, [], 'text under 12 px');
      assert.ok(overflow <= 0, `the page overflows sideways by ${overflow} px`);
      if (name === 'phone') {
        const sidebar = await app.sidebar.boundingBox();
        const results = await app.results.boundingBox();
        assert.ok(sidebar.y + sidebar.height <= results.y, 'the scenarios stack above the results');
      }
      assertStayedHome(page, traffic);
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
    } finally {
      await context.close();
    }
  });
}

test('a worker that cannot load is reported in plain words, and Retry recovers', async () => {
  const blocked = (url) => url.pathname.endsWith('/worker_bg.wasm');
  const { context, page, app } = await openApp(LAPTOP, (ctx) => ctx.route(blocked, (route) => route.abort()));
  try {
    assert.equal(await app.waitForState(['failed'], 20_000), 'failed');
    assert.match(await app.status.textContent(), /could not (start|load)/);
    assert.ok(await app.runButton.isDisabled());
    await context.unroute(blocked);
    await app.retryButton.click();
    // Once a worker answers, the first-visit comparison runs, as on a good start.
    assert.equal(await app.waitForState(['done']), 'done');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'recovered.png'), fullPage: true });
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

test('the print sheet drops the scenario column but keeps the results and the privacy footer', async () => {
  const { context, page, app } = await openApp();
  try {
    await app.waitForState(['done']);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await app.sidebar.isVisible(), false);
    assert.equal(await app.fanChart.isVisible(), true);
    assert.equal(await app.footer.isVisible(), true);
  } finally {
    await context.close();
  }
});
