// The dashboard in real headless Chromium against the real service: numbers equal the API's,
// search explains an address, the allowlist takes an address off the served list, a triggered
// run is followed to its end, the language switch works, every page renders at 1280 and 390 px
// without console errors or CSP violations. Screenshots go to tests/e2e/artifacts/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startService } from './lib/service.mjs';
import { launchBrowser, openPage, loadPage, screenshot } from './lib/browser.mjs';
import { authEnabled, testUser, signIn } from './lib/auth.mjs';
import { PAGES, printTimings, medianLoad } from './lib/pages.mjs';

let service;
let browser;
let session; // { context, page, problems } at 1280 px, English
const timings = {};

/** The first address the service serves (the test reads the list; the dashboard never does). */
async function servedAddress() {
  const text = await (await service.fetch('/api/blacklist/active')).text();
  const line = text.split('\n').map((l) => l.trim()).find((l) => l && !l.startsWith('#'));
  assert.ok(line, 'the service serves at least one entry (the sample feed or the seeded manual entry)');
  return line.split('/')[0].split('-')[0];
}

async function isServed(address) {
  const text = await (await service.fetch('/api/blacklist/active', { headers: { 'Cache-Control': 'no-cache' } })).text();
  return text.split('\n').some((l) => l.trim() === address || l.trim() === `${address}/32`);
}

async function waitFor(condition, what, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  assert.fail(`timed out after ${timeoutMs / 1000} s waiting until ${what}`);
}

/** Another browser with the same sign-in but no stored language, so the browser's locale decides. */
async function viewer(width, locale) {
  const { cookies } = await session.context.storageState();
  return openPage(browser, { width, height: width < 500 ? 844 : 900, locale, storageState: { cookies, origins: [] } });
}

function assertClean(s = session) {
  assert.deepEqual(s.problems, [], 'no console errors, page errors or CSP violations');
}

before(async () => {
  service = await startService();
  browser = await launchBrowser();
  session = await openPage(browser, { width: 1280, locale: 'en-US' });
  if (await authEnabled(service)) await signIn(session.page, service, await testUser(service));

  // A public address every run can search and allowlist, whatever the sample feed holds.
  const response = await service.fetch('/api/blacklist/manual', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ip: '45.33.32.156', reason: 'e2e seed', category: 'scanner' }),
  });
  assert.ok(response.ok, `seeding a manual entry: ${response.status} ${await response.text()}`);
  await waitFor(() => isServed('45.33.32.156'), 'the seeded entry is served');
});

after(async () => {
  printTimings('Dashboard load times (navigation start → data-ready, median of 3 warm loads, 1280 px):', timings);
  await browser?.close();
  await service?.stop();
});

test('the page is served with the strict content security policy and its assets are versioned', async () => {
  const { response } = await loadPage(session.page, service.url, '/', 'overview');
  const policy = response.headers()['content-security-policy'] ?? '';
  for (const directive of ["default-src 'self'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"]) {
    assert.ok(policy.includes(directive), `CSP has ${directive}: ${policy}`);
  }
  assert.ok(!policy.includes('unsafe'), 'no unsafe-* source in the policy');
  const script = await session.page.getAttribute('script[type=module]', 'src');
  assert.match(script, /^\/assets\/[0-9a-f]{12}\/js\/app\.js$/);
  const asset = await service.fetch(script);
  assert.match(asset.headers.get('cache-control'), /immutable/);
  assertClean();
});

test('overview numbers equal what /api/stats says', async () => {
  const { page } = session;
  await loadPage(page, service.url, '/', 'overview');
  const stats = await service.json('/api/stats');
  const shown = await page.$$eval('[data-stat]', (els) => Object.fromEntries(els.map((el) => [el.dataset.stat, {
    value: el.dataset.value,
    text: el.querySelector('.stat-value').textContent,
  }])));
  const expected = {
    entries: stats.entries,
    'entries-v4': stats.entriesByFamily.ipv4,
    'entries-v6': stats.entriesByFamily.ipv6,
    'addresses-v4': stats.uniqueAddresses.ipv4,
    indicators: stats.indicators,
    allowlist: stats.allowlistEntries,
    version: stats.snapshotVersion,
  };
  for (const [key, value] of Object.entries(expected)) {
    assert.equal(shown[key]?.value, String(value), `${key}: data-value`);
    assert.equal(shown[key].text.replace(/[^0-9]/g, ''), String(value), `${key}: the text shown`);
  }
  const sources = await page.$$eval('.bars[aria-label="By source"] li', (items) => items.map((li) => [li.querySelector('.bar-label').textContent, li.querySelector('.bar-value').textContent.replace(/[^0-9]/g, '')]));
  const topSources = Object.entries(stats.bySource).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 20).map(([k, v]) => [k, String(v)]);
  assert.deepEqual(sources, topSources, 'by-source counts');
  assertClean();
});

test('search shows why an address is blocked and by which sources', async () => {
  const { page } = session;
  const address = await servedAddress();
  const expected = await service.json(`/api/search/${address}`);
  assert.equal(expected.blocked, true);

  await loadPage(page, service.url, '/search', 'search');
  await page.getByLabel('IP address').fill(address);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.waitForSelector('[data-verdict="blocked"]');
  const shownSources = await page.$$eval('.result .source', (els) => els.map((el) => el.textContent));
  assert.deepEqual([...new Set(shownSources)].sort(), [...expected.sources].sort());
  assert.equal(new URL(page.url()).searchParams.get('q'), address, 'the search is in the address bar (shareable)');

  // Batch: one blocked, one clean, one invalid; the CSV is made in the browser.
  await page.getByLabel('Addresses', { exact: true }).fill(`${address}\n192.0.2.1 # documentation\nnot-an-ip.example\n`);
  await page.getByRole('button', { name: 'Check all' }).click();
  await page.waitForSelector('text=/3 checked/');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const csv = await (await download).createReadStream().then((stream) => new Promise((resolve) => {
    let text = '';
    stream.on('data', (chunk) => { text += chunk; });
    stream.on('end', () => resolve(text));
  }));
  const rows = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
  assert.equal(rows[0], 'query,verdict,sources,reasons,expires_at,allowlisted_by,error');
  assert.match(rows[1], new RegExp(`^${address.replace(/\./g, '\\.')},blocked,`));
  assert.match(rows[2], /^192\.0\.2\.1,(clear|reserved),/);
  assert.match(rows[3], /^not-an-ip\.example,invalid,/);
  assertClean();
});

test('an allowlist entry added in the dashboard takes the address off /api/blacklist/active, and removing it brings it back', async () => {
  const { page } = session;
  const address = '45.33.32.156';
  assert.ok(await isServed(address));

  await loadPage(page, service.url, '/lists?tab=allowlist', 'lists');
  await page.getByLabel('Addresses, CIDRs or ranges').fill(address);
  await page.getByLabel('Reason').fill('e2e: partner scanner');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.waitForSelector('text=1 added, 0 failed.');
  await page.waitForSelector(`tr[data-range="${address}"]`);
  await waitFor(async () => !(await isServed(address)), `${address} is gone from /api/blacklist/active`);
  const explained = await service.json(`/api/search/${address}`);
  assert.equal(explained.allowlisted, true);

  await page.getByRole('button', { name: `Remove ${address}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
  await page.waitForSelector(`tr[data-range="${address}"]`, { state: 'detached' });
  await waitFor(() => isServed(address), `${address} is served again`);

  await loadPage(page, service.url, '/lists?tab=audit', 'lists');
  await page.waitForSelector('td >> text=allowlist.add');
  assertClean();
});

test('a collection triggered from the dashboard is followed until it finishes', async (t) => {
  const status = await service.fetch('/api/collection/status');
  if (status.status === 404) {
    t.skip('this build has no collection API yet');
    return;
  }
  const { sources } = await status.json();
  // The bundled sample feed when there is one: it needs no network and no credentials.
  const collectable = sources.filter((s) => s.enabled && !['manual', 'regtech', 'secudium'].includes(s.kind));
  const source = collectable.find((s) => s.name === 'sample') ?? collectable[0];
  if (!source) {
    t.skip('no enabled source to trigger');
    return;
  }
  const { page } = session;
  await loadPage(page, service.url, '/collection', 'collection');
  await page.click(`button[data-trigger="${source.name}"]`);
  await page.getByRole('dialog').getByRole('button', { name: 'Run now' }).click();
  const line = page.locator('li[data-follow-run]').first();
  await line.waitFor();
  await page.waitForSelector('li[data-follow-run][data-status="succeeded"], li[data-follow-run][data-status="failed"], li[data-follow-run][data-status="refused"]', { timeout: 60000 });
  const runId = await line.getAttribute('data-follow-run');
  const run = await service.json(`/api/collection/runs/${runId}`);
  assert.equal(run.source, source.name);
  assert.equal(await line.getAttribute('data-status'), run.status, 'the dashboard shows the run\'s final status');
  assert.equal(run.status, 'succeeded', `the sample source's run succeeded (error: ${run.error})`);
  await page.waitForSelector(`tr[data-run-id="${runId}"]`);

  // The source's own switch: off (the status says so), then on again.
  const enabledNow = async () => (await service.json('/api/collection/status')).sources.find((s) => s.name === source.name).enabled;
  await page.getByRole('button', { name: `Disable ${source.name}`, exact: true }).click();
  await page.getByRole('button', { name: `Enable ${source.name}`, exact: true }).waitFor();
  assert.equal(await enabledNow(), false, 'disabled in the service');
  await page.getByRole('button', { name: `Enable ${source.name}`, exact: true }).click();
  await page.getByRole('button', { name: `Disable ${source.name}`, exact: true }).waitFor();
  assert.equal(await enabledNow(), true, 'enabled again');
  assertClean();
});

test('the language switch turns every label Korean, persists, and Korean browsers get Korean first', async () => {
  const { page } = session;
  await loadPage(page, service.url, '/', 'overview');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.click('button[data-lang="ko"]');
  await page.waitForSelector('main[data-ready="overview"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'ko');
  assert.equal(await page.textContent('nav a[aria-current="page"]'), '개요');
  assert.equal(await page.textContent('main h1'), '개요');
  await loadPage(page, service.url, '/search', 'search');
  assert.equal(await page.textContent('main h1'), '조회', 'the choice persists across loads');
  await page.click('button[data-lang="en"]');
  await page.waitForSelector('main[data-ready="search"]');
  assert.equal(await page.textContent('main h1'), 'Search');

  const korean = await viewer(1280, 'ko-KR');
  await loadPage(korean.page, service.url, '/', 'overview');
  assert.equal(await korean.page.getAttribute('html', 'lang'), 'ko');
  assertClean(korean);
  await korean.context.close();
  assertClean();
});

/** Presses Tab until the focused element matches `selector` (at most 40 times). */
async function tabTo(page, selector) {
  for (let i = 0; i < 40; i += 1) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${selector}`);
}

test('forms work from the keyboard alone: sign in, search, add to the allowlist', async () => {
  const keyboard = await openPage(browser, { width: 1280 });
  const { page } = keyboard;
  if (await authEnabled(service)) {
    const user = await testUser(service, 'operator');
    await loadPage(page, service.url, '/login', 'login');
    assert.ok(await page.evaluate(() => document.activeElement?.matches('input[name=username]')), 'the user name field has the focus on arrival');
    await page.keyboard.type(user.username);
    await tabTo(page, 'input[name=password]');
    await page.keyboard.type(user.password);
    await page.keyboard.press('Enter');
    await page.waitForSelector('main[data-ready="overview"]');
  }

  const address = await servedAddress();
  await loadPage(page, service.url, '/search', 'search');
  await tabTo(page, 'input[name=q]');
  await page.keyboard.type(address);
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-verdict="blocked"]');

  const partner = '45.33.32.157';
  await loadPage(page, service.url, '/lists?tab=allowlist', 'lists');
  await tabTo(page, 'textarea[name=ranges]');
  await page.keyboard.type(partner);
  await tabTo(page, 'input[name=reason]');
  await page.keyboard.type('e2e: typed, not clicked');
  await page.keyboard.press('Enter');
  await page.waitForSelector(`tr[data-range="${partner}"]`);
  const entry = (await service.json('/api/allowlist')).find((e) => e.range === partner);
  assert.equal(entry?.reason, 'e2e: typed, not clicked');
  const removed = await service.fetch(`/api/allowlist/${entry.id}`, { method: 'DELETE' });
  assert.ok(removed.ok, `removing the entry again: ${removed.status}`);

  assertClean(keyboard);
  await keyboard.context.close();
});

test('a reader sees only what a reader may do', async (t) => {
  if (!(await authEnabled(service))) {
    t.skip('this build has no access control: everyone has full access');
    return;
  }
  const reader = await openPage(browser, { width: 1280 });
  await signIn(reader.page, service, await testUser(service, 'reader'));
  await loadPage(reader.page, service.url, '/', 'overview');
  const nav = await reader.page.$$eval('nav a', (links) => links.map((a) => a.getAttribute('href')));
  assert.deepEqual(nav, ['/', '/search', '/feeds'], 'a reader is offered overview, search and feeds only');
  assert.equal(await reader.page.locator('[data-stat="collection"]').count(), 0, 'no collection state (an operator\'s read)');
  await loadPage(reader.page, service.url, '/admin', 'admin');
  await reader.page.waitForSelector('text=This page needs the admin role');
  await loadPage(reader.page, service.url, `/search?q=${await servedAddress()}`, 'search');
  assert.equal(await reader.page.locator('a[href^="/lists"]').count(), 0, 'no allowlist link for a reader');

  assertClean(reader);
  await reader.context.close();
});

test('every page: labelled controls, keyboard focus, no overflow at 390 px, screenshots, load time', async () => {
  for (const [width, locale] of [[1280, 'en-US'], [390, 'en-US'], [390, 'ko-KR']]) {
    const browserView = width === 1280 ? session : await viewer(width, locale);
    for (const { path, ready, label } of PAGES) {
      // Warm asset cache, as an operator's browser has it; the median of three loads.
      const load = () => loadPage(browserView.page, service.url, path, ready);
      if (width === 1280) timings[label] = await medianLoad(load);
      else await load();
      await screenshot(browserView.page, `${width}-${locale.slice(0, 2)}-${label}`);

      const unlabelled = await browserView.page.$$eval('main input:not([type=hidden]), main select, main textarea, main button', (els) => els
        .filter((el) => !(el.labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || (el.tagName === 'BUTTON' && el.textContent.trim())))
        .map((el) => el.outerHTML.slice(0, 120)));
      assert.deepEqual(unlabelled, [], `${path}: every control has a label`);
      if (width === 390) {
        const overflow = await browserView.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `${path} at 390 px: the page is ${overflow} px wider than the screen (tables scroll inside their own region)`);
      }
    }
    if (browserView !== session) {
      session.problems.push(...browserView.problems.map((p) => `${width} px ${locale}: ${p}`));
      await browserView.context.close();
    }
  }

  // Keyboard: the first Tab reaches the skip link, visibly focused; Enter moves to the content.
  const { page } = session;
  await loadPage(page, service.url, '/search', 'search');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => ({ text: document.activeElement.textContent, outline: getComputedStyle(document.activeElement).outlineStyle }));
  assert.equal(focused.text, 'Skip to content');
  assert.notEqual(focused.outline, 'none', 'focus is visible');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  // Load times are recorded and printed here (small data); big.test.mjs (E2E_BIG=1) holds them to 1 s with 1M entries.
  for (const [name, { ms }] of Object.entries(timings)) assert.ok(Number.isFinite(ms), `${name}: the page set its data-ready mark`);
  assertClean();
});
