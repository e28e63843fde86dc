// Debian's Chromium driven by playwright-core (never a downloaded browser), with every console
// error, page error and CSP violation recorded so a test can assert there were none.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ARTIFACTS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../artifacts');

const ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ARGS });
}

/**
 * A page that records in `problems` every console error, page error and CSP violation. None is
 * tolerated: every endpoint the dashboard calls exists, and "who am I" answers 200 when signed out.
 */
export async function openPage(browser, { width = 1280, height = 900, locale = 'en-US', storageState } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, locale, storageState, serviceWorkers: 'block' });
  const page = await context.newPage();
  const problems = [];

  await page.exposeFunction('__blacklistCspViolation', (v) => problems.push(`CSP violation: ${v.directive} blocked ${v.blocked} at ${v.source}:${v.line}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__blacklistCspViolation({ directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber });
    });
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    problems.push(`console error: ${message.text()} (${message.location()?.url ?? ''})`);
  });
  return { context, page, problems };
}

/**
 * Loads a dashboard page from scratch and waits until it says its data is rendered. Returns
 * { response, ms: navigation start → data-ready, api: navigation start → last API answer }.
 */
export async function loadPage(page, baseUrl, pathAndQuery, readyName) {
  const response = await page.goto(baseUrl + pathAndQuery, { waitUntil: 'commit' });
  if (!response.ok()) throw new Error(`GET ${pathAndQuery} → ${response.status()}`);
  await page.waitForSelector(`main[data-ready="${readyName}"]`, { timeout: 30000 });
  // Also when the last API answer arrived: what the page waited for, as against its own work.
  const { ms, api } = await page.evaluate((name) => ({
    ms: performance.getEntriesByName(`blacklist:ready:${name}`).at(-1)?.startTime ?? null,
    api: Math.max(0, ...performance.getEntriesByType('resource')
      .filter((e) => /\/(api\/|health$)/.test(new URL(e.name).pathname))
      .map((e) => e.responseEnd)),
  }), readyName);
  return { response, ms, api };
}

export async function screenshot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
