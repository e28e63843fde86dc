// The two dictionaries stay complete and in step with the code (no browser needed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from './lib/service.mjs';

const JS = path.join(REPO, 'src/Blacklist.Server/wwwroot/assets/js');

async function dictionary(lang) {
  const source = fs.readFileSync(path.join(JS, 'i18n', `${lang}.js`), 'utf8');
  return (await import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`)).default;
}

function scripts(dir = JS) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'i18n' ? [] : scripts(full);
    return entry.name.endsWith('.js') ? [full] : [];
  });
}

const placeholders = (text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('Korean and English have the same keys, none empty, with the same placeholders', async () => {
  const [en, ko] = await Promise.all([dictionary('en'), dictionary('ko')]);
  assert.deepEqual(Object.keys(ko).sort(), Object.keys(en).sort());
  for (const key of Object.keys(en)) {
    assert.ok(en[key].trim() && ko[key].trim(), `${key} has text in both languages`);
    assert.deepEqual(placeholders(ko[key]), placeholders(en[key]), `${key}: same placeholders`);
  }
});

test('every key the code asks for exists, and every key exists for a reason', async () => {
  const en = await dictionary('en');
  const keys = new Set(Object.keys(en));
  const asked = new Set();     // t('key') and the like: must exist
  const mentioned = new Set(); // any 'a.b' string literal (keys picked by a condition, alerts…)
  const prefixes = new Set();  // t(`status.${name}`): some key must start with the prefix
  for (const file of scripts()) {
    const source = fs.readFileSync(file, 'utf8');
    for (const [, key] of source.matchAll(/\bt\(\s*'([\w.]+)'/g)) asked.add(key);
    for (const [, key] of source.matchAll(/\bkey:\s*'([\w.]+)'/g)) if (key.includes('.')) asked.add(key);
    for (const [, key] of source.matchAll(/LANGUAGES\[\w+\]\['([\w.]+)'\]/g)) asked.add(key);
    for (const [, key] of source.matchAll(/'([a-z]\w*\.[\w.]+)'/g)) mentioned.add(key);
    for (const [, prefix] of source.matchAll(/\bt\(\s*`([\w.]+)\$\{/g)) prefixes.add(prefix);
  }
  for (const key of asked) assert.ok(keys.has(key), `${key} is used but missing from the dictionaries`);
  const used = new Set([...asked, ...mentioned]);
  for (const prefix of prefixes) assert.ok([...keys].some((k) => k.startsWith(prefix)), `keys starting with ${prefix} exist`);
  const unused = [...keys].filter((k) => !used.has(k) && ![...prefixes].some((p) => k.startsWith(p)));
  assert.deepEqual(unused, [], 'dictionary keys nothing uses');
});
