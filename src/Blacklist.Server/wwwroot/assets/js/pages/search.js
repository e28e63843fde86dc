// Search: one address or CIDR explained in full, or a pasted batch with a CSV to take away.
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import * as fmt from '../format.js';
import { pageHeader, section, field, button, busy, badge, errorNotice, when, simpleTable } from '../ui.js';
import { dataTable } from '../table.js';
import { toCsv, download } from '../csv.js';
import { splitAddresses, fillFromFile, MAX_FILE_BYTES } from '../addresses.js';
import { lookup, lookupMany } from '../data/search.js';
import { can } from '../session.js';
import { isAbort } from '../api.js';

const MAX_BATCH = 100000;

function verdictBanner(result) {
  const kind = { blocked: 'danger', allowlisted: 'info', reserved: 'info', clear: 'ok', invalid: 'warn' }[result.verdict];
  const text = t(`search.verdict.${result.verdict}`, { address: result.address, count: result.indicators.length, reserved: result.reserved ?? '' });
  return h('div', { class: ['verdict', `verdict-${kind}`], dataset: { verdict: result.verdict } },
    badge(result.verdict), h('p', null, text), result.error ? h('p', null, result.error) : null);
}

function indicatorTable(result) {
  return simpleTable(t('search.indicators'), [
    { label: t('common.source'), value: (i) => h('strong', { class: 'source' }, i.source) },
    { label: t('common.range'), value: (i) => h('code', null, i.range) },
    { label: t('common.reason'), value: (i) => i.reason ?? '—' },
    { label: t('common.category'), value: (i) => i.category ?? '—' },
    { label: t('common.country'), value: (i) => i.country ?? '—' },
    { label: t('common.confidence'), value: (i) => fmt.number(i.confidence), className: 'num' },
    { label: t('search.detected'), value: (i) => when(i.detectedAt, { dateOnly: true }) },
    { label: t('search.firstSeen'), value: (i) => when(i.firstSeen, { dateOnly: true }) },
    { label: t('search.lastSeen'), value: (i) => when(i.lastSeen, { dateOnly: true }) },
    { label: t('common.expires'), value: (i) => h('span', null, when(i.expiresAt), h('br'), h('small', { class: 'muted' }, fmt.relative(i.expiresAt))) },
  ], result.indicators);
}

function allowTable(result) {
  return simpleTable(t('search.allowlistMatches'), [
    { label: t('common.range'), value: (a) => h('code', null, a.range) },
    { label: t('common.reason'), value: (a) => a.reason || '—' },
    { label: t('common.expires'), value: (a) => (a.expiresAt ? when(a.expiresAt) : t('common.never')) },
    { label: t('common.addedBy'), value: (a) => a.createdBy ?? '—' },
  ], result.allowlist);
}

function resultView(result) {
  return h('div', { class: 'stack' },
    verdictBanner(result),
    result.indicators.length
      ? h('div', null, h('h3', null, t('search.indicators')), indicatorTable(result))
      : h('p', { class: 'muted' }, t('search.noIndicators')),
    result.allowlist.length ? h('div', null, h('h3', null, t('search.allowlistMatches')), allowTable(result)) : null,
    result.verdict === 'blocked' && can('operator')
      ? h('p', null, h('a', { href: `/lists?tab=allowlist&add=${encodeURIComponent(result.address)}` }, t('search.allowThis')))
      : null);
}

function batchRows(results) {
  return results.map((r) => ({
    ...r,
    sources: [...new Set(r.indicators.map((i) => i.source))].join(', '),
    reasons: [...new Set(r.indicators.map((i) => i.reason).filter(Boolean))].join('; '),
    expires: r.indicators.map((i) => i.expiresAt).filter(Boolean).sort().at(-1) ?? null,
  }));
}

function csvFor(rows) {
  return toCsv([
    ['query', 'verdict', 'sources', 'reasons', 'expires_at', 'allowlisted_by', 'error'],
    ...rows.map((r) => [r.query, r.verdict, r.sources, r.reasons, r.expires ?? '', r.allowlist.map((a) => a.range).join(' '), r.error ?? '']),
  ]);
}

export async function render({ main, params, signal, ready }) {
  // One address
  const input = h('input', { type: 'text', name: 'q', required: true, autocomplete: 'off', spellcheck: 'false', inputmode: 'text', value: params.get('q') ?? '' });
  const submit = button(t('search.submit'), null, { kind: 'primary', type: 'submit' });
  const result = h('div', { class: 'result', 'aria-live': 'polite', 'aria-atomic': 'true' });
  // The hint sits below the row so the button lines up with the input, not with the hint.
  const hint = h('p', { class: 'hint', id: 'search-hint' }, t('search.addressHint'));
  input.setAttribute('aria-describedby', hint.id);
  const form = h('form', { role: 'search', 'aria-label': t('search.single') },
    h('div', { class: 'form-row' }, field(t('search.addressLabel'), input), submit), hint);

  async function runOne(query) {
    replace(result, h('p', { class: 'loading' }, t('common.loading')));
    try {
      const answer = await lookup(query, signal);
      replace(result, resultView(answer));
    } catch (error) {
      if (isAbort(error)) return;
      replace(result, errorNotice(error));
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const query = input.value.trim();
    if (!query) return;
    history.replaceState(null, '', `/search?q=${encodeURIComponent(query)}`);
    await busy(submit, () => runOne(query));
  });

  // Many addresses
  const area = h('textarea', { rows: '8', spellcheck: 'false', autocomplete: 'off' });
  const file = h('input', { type: 'file', accept: '.txt,.csv,.lst,text/plain,text/csv' });
  const check = button(t('search.checkAll'), null, { kind: 'primary', type: 'submit' });
  const progress = h('p', { class: 'muted', 'aria-live': 'polite' });
  const batchResult = h('div', { class: 'result' });
  const batchForm = h('form', { class: 'stack', 'aria-label': t('search.batch') },
    field(t('search.batchLabel'), area, t('search.batchHint')),
    field(t('search.fileLabel'), file),
    h('div', { class: 'actions' }, check),
    progress);

  fillFromFile(file, area, (read) => {
    progress.textContent = read.ok
      ? t('search.fileLoaded', { name: read.name, count: fmt.number(read.count) })
      : t('search.fileTooLarge', { size: fmt.bytes(MAX_FILE_BYTES) });
  });

  batchForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const queries = splitAddresses(area.value);
    if (!queries.length) {
      progress.textContent = t('search.nothingToCheck');
      return;
    }
    if (queries.length > MAX_BATCH) {
      progress.textContent = t('search.tooMany', { max: fmt.number(MAX_BATCH) });
      return;
    }
    await busy(check, async () => {
      try {
        const results = batchRows(await lookupMany(queries, (done, total) => {
          progress.textContent = t('search.progress', { done: fmt.number(done), total: fmt.number(total) });
        }, signal));
        const tally = (v) => results.filter((r) => r.verdict === v).length;
        progress.textContent = t('search.batchSummary', {
          total: fmt.number(results.length), blocked: fmt.number(tally('blocked')),
          allowlisted: fmt.number(tally('allowlisted')), invalid: fmt.number(tally('invalid')),
        });
        const table = dataTable([
          { key: 'query', label: t('search.query'), value: (r) => h('code', null, r.query), sort: (r) => r.query },
          { key: 'verdict', label: t('search.verdictColumn'), value: (r) => badge(r.verdict), sort: (r) => r.verdict },
          { key: 'sources', label: t('common.sources'), value: (r) => r.sources || '—', sort: (r) => r.sources },
          { key: 'reasons', label: t('common.reason'), value: (r) => r.reasons || r.error || '—' },
          { key: 'expires', label: t('common.expires'), value: (r) => when(r.expires), sort: (r) => r.expires ?? '' },
        ], { caption: t('search.batchResults'), filterText: (r) => `${r.query} ${r.verdict} ${r.sources} ${r.reasons}` });
        table.setRows(results);
        replace(batchResult,
          h('div', { class: 'actions' }, button(t('search.downloadCsv'), () => download(`blacklist-search-${new Date().toISOString().slice(0, 10)}.csv`, csvFor(results)))),
          table.element);
      } catch (error) {
        if (isAbort(error)) return;
        progress.textContent = '';
        replace(batchResult, errorNotice(error));
      }
    });
  });

  main.append(
    pageHeader(t('search.title'), t('search.intro')),
    section(t('search.single'), form, result),
    section(t('search.batch'), batchForm, batchResult));

  if (input.value.trim()) await runOne(input.value.trim());
  if (!signal.aborted) ready();
}
