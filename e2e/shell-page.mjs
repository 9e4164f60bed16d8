// Page object for the app shell: the tests speak in terms of what a person
// sees (header, presets, worker status), and locate it by data-testid.
export class ShellPage {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
    this.header = page.getByTestId('app-header');
    this.version = page.getByTestId('app-version');
    this.sidebar = page.getByTestId('scenario-sidebar');
    this.presetNames = page.getByTestId('preset-name');
    this.workerStatus = page.getByTestId('worker-status');
    this.footer = page.getByTestId('app-footer');
  }

  async open(url) {
    await this.page.goto(url, { waitUntil: 'load' });
    await this.header.waitFor({ state: 'visible' });
  }

  /** Waits until the worker has answered (or the page gave up on it). */
  async waitForWorkerAnswer() {
    await this.page.waitForSelector(
      '[data-testid="worker-status"]:is([data-state="ready"], [data-state="silent"])',
      { timeout: 20_000 },
    );
    return {
      state: await this.workerStatus.getAttribute('data-state'),
      text: (await this.workerStatus.textContent()) ?? '',
    };
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
