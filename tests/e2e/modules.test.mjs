// The dashboard's pure modules in node (no browser): CSV, address splitting, number formats.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO } from './lib/service.mjs';

const JS = path.join(REPO, 'src/Blacklist.Server/wwwroot/assets/js');
const load = (name) => import(pathToFileURL(path.join(JS, name)).href);
let csv;
let addresses;
let format;
let i18n;

before(async () => {
  // The bits of a browser that i18n.js reads when it loads.
  globalThis.document = { documentElement: { lang: '' } };
  globalThis.localStorage = { getItem: () => null, setItem: () => {} };
  Object.defineProperty(globalThis, 'navigator', { value: { languages: ['en-GB'] }, configurable: true });
  [csv, addresses, format, i18n] = await Promise.all([load('csv.js'), load('addresses.js'), load('format.js'), load('i18n.js')]);
});

test('CSV quotes what needs quoting and keeps formulas from running in spreadsheets', () => {
  const text = csv.toCsv([['query', 'reason'], ['1.2.3.4', 'a, "quoted" reason'], ['=HYPERLINK("x")', 'line\nbreak'], ['-1+2', '@sum']]);
  assert.equal(text, 'query,reason\r\n1.2.3.4,"a, ""quoted"" reason"\r\n"\'=HYPERLINK(""x"")","line\nbreak"\r\n\'-1+2,\'@sum\r\n');
});

test('pasted text becomes address tokens: comments dropped, duplicates once, order kept', () => {
  const tokens = addresses.splitAddresses('\uFEFF203.0.113.7 # scanner\r\n10.0.0.0/8, 2001:db8::1\n; a comment\n\n203.0.113.7\n1.2.3.4-1.2.3.9 trailing words\nnot an address\n');
  assert.deepEqual(tokens, ['203.0.113.7', '10.0.0.0/8', '2001:db8::1', '1.2.3.4-1.2.3.9']);
});

test('numbers: grouped in the reader\'s language, IPv6-sized counts as powers of two', () => {
  assert.equal(format.number(1234567), '1,234,567');
  assert.equal(format.number(2 ** 96), '2^96');
  assert.equal(format.number('79228162514264337593543950336'), '2^96');
  assert.equal(format.number(2 ** 96 + 2 ** 90), '≈ 2^96.0');
  assert.equal(format.number(null), '—');
  i18n.setLanguage('ko');
  assert.equal(format.duration(3725), '1시간 2분');
  i18n.setLanguage('en');
  assert.equal(format.duration(3725), '1 h 2 min');
  assert.equal(format.duration(42), '42 s');
});

test('translations fill in their values and fall back to English, then to the key', () => {
  i18n.setLanguage('ko');
  assert.equal(i18n.t('table.status', { page: 1, pages: 3, count: 120 }), '3쪽 중 1쪽 · 120행');
  assert.equal(i18n.t('no.such.key'), 'no.such.key');
  i18n.setLanguage('en');
  assert.equal(i18n.t('table.status', { page: 1, pages: 3, count: 120 }), 'Page 1 of 3 · 120 rows');
});
