// Page object for the app: tests speak of what a person sees and does
// (tick a scenario, press Run, read the key numbers), located by role,
// label or data-testid.
export class AppPage {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
    this.header = page.getByTestId('app-header');
    this.version = page.getByTestId('app-version');
    this.sidebar = page.getByTestId('scenario-sidebar');
    this.presetNames = page.getByTestId('preset-name');
    this.status = page.getByTestId('run-status');
    this.progress = page.getByTestId('progress');
    this.runButton = page.getByRole('button', { name: 'Run', exact: true });
    this.cancelButton = page.getByRole('button', { name: 'Cancel', exact: true });
    this.retryButton = page.getByRole('button', { name: 'Retry', exact: true });
    this.results = page.getByTestId('results');
    this.fanChart = page.getByTestId('fan-chart');
    this.keyNumbers = page.getByTestId('key-numbers');
    this.footer = page.getByTestId('app-footer');
  }

  async open(url) {
    await this.page.goto(url, { waitUntil: 'load' });
    await this.header.waitFor({ state: 'visible' });
  }

  /** Waits for the run status to reach one of `states` (done, cancelled, failed, running…). */
  async waitForState(states, timeout = 60_000) {
    const selector = states.map((s) => `[data-testid="run-status"][data-state="${s}"]`).join(', ');
    await this.page.waitForSelector(selector, { timeout });
    return this.status.getAttribute('data-state');
  }

  /** Ticks the preset with this id (its checkbox is labelled by its title and sentence). */
  async tick(id, ticked = true) {
    const box = this.page.locator(`[data-testid="preset"][data-id="${id}"] input[type="checkbox"]`);
    if (ticked) await box.check();
    else await box.uncheck();
  }

  async setField(label, value) {
    const settings = this.page.getByTestId('settings');
    if ((await settings.getAttribute('open')) === null) {
      await this.page.getByText('Settings: runs, months, seed').click();
    }
    const field = this.page.getByLabel(label, { exact: true });
    await field.fill(String(value));
  }

  /** Opens "Your sales organisation today" if it is closed. */
  async openYourNumbers() {
    const form = this.page.getByTestId('your-numbers');
    if ((await form.getAttribute('open')) === null) {
      await form.locator('summary').click();
    }
    return form;
  }

  /** Types into one input of "your numbers", found by its label. */
  async fillNumber(label, value) {
    const form = await this.openYourNumbers();
    await form.getByLabel(label, { exact: true }).fill(String(value));
  }

  /** The message shown at one input of "your numbers", or null. */
  async numberMessage(key) {
    const message = this.page.locator(`[data-testid="numbers-field"][data-key="${key}"] [data-testid="numbers-message"]`);
    return (await message.count()) === 0 ? null : message.textContent();
  }

  /** The user's scenarios on the list, by title, in order. */
  async yourScenarios() {
    return this.page.$$eval('[data-testid="your-scenario"] [data-testid="scenario-name"]', (names) =>
      names.map((n) => n.textContent.trim()),
    );
  }

  /** Ids of every ticked scenario on the list, presets first. */
  async tickedIds() {
    return this.page.$$eval('[data-testid="preset"], [data-testid="your-scenario"]', (items) =>
      items.filter((i) => i.querySelector('input[type="checkbox"]').checked).map((i) => i.dataset.id),
    );
  }

  /** The key numbers as { metric: [raw median per scenario column] }. */
  async keyNumberValues() {
    return this.page.$$eval('[data-testid="key-numbers"] td[data-metric]', (cells) => {
      const values = {};
      for (const cell of cells) {
        const metric = cell.getAttribute('data-metric');
        const scenario = Number(cell.getAttribute('data-scenario'));
        (values[metric] ??= [])[scenario] = Number(cell.getAttribute('data-value'));
      }
      return values;
    });
  }

  async keyNumberScenarios() {
    return this.page.$$eval('[data-testid="key-numbers"] thead th[scope="col"]', (cells) =>
      cells.map((c) => c.textContent.trim()).filter((t) => t.length > 0),
    );
  }
}

/**
 * Records everything the browser context asks for and everything the page
 * logs, from the moment it is attached.
 * @param {import('playwright-core').BrowserContext} context
 * @param {import('playwright-core').Page} page
 */
export function recordTraffic(context, page) {
  const log = { requestUrls: [], consoleMessages: [], pageErrors: [] };
  context.on('request', (request) => log.requestUrls.push(request.url()));
  page.on('console', (message) =>
    log.consoleMessages.push({ type: message.type(), text: message.text() }),
  );
  page.on('pageerror', (error) => log.pageErrors.push(String(error)));
  return log;
}

/** Origin of a URL as the browser sees it (blob: URLs carry their creator's). */
export function originOf(url) {
  return new URL(url).origin;
}

/**
 * Text that renders below 12 px, and how far the page overflows the
 * viewport sideways (0 when it fits).
 * @param {import('playwright-core').Page} page
 */
export async function readability(page) {
  return page.evaluate(() => {
    const small = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || !node.textContent.trim()) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      let size = parseFloat(getComputedStyle(element).fontSize);
      // SVG text scales with its viewBox: measure what is drawn.
      const svg = element.closest('svg');
      if (svg && svg.viewBox.baseVal && svg.viewBox.baseVal.width > 0) {
        size *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      }
      if (size < 11.9) small.push(`${size.toFixed(1)}px: ${node.textContent.trim().slice(0, 40)}`);
    }
    return {
      small,
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    };
  });
}
