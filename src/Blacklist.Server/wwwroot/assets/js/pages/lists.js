// Lists: manual blocks and the allowlist (add one or many, by paste or file; remove), and the
// audit trail of who changed what.
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import * as fmt from '../format.js';
import { pageHeader, section, field, button, busy, notice, loading, errorNotice, when, tabs, tabPanel, confirmDialog, toast, describe } from '../ui.js';
import { dataTable } from '../table.js';
import { splitAddresses, fillFromFile, MAX_FILE_BYTES } from '../addresses.js';
import { loadList, addMany, removeEntry, loadAudit } from '../data/lists.js';
import { isAbort } from '../api.js';
import { can } from '../session.js';

const TABS = ['manual', 'allowlist', 'audit'];

/** Set when the user switches tabs, so focus returns to the tab strip rather than the heading. */
let focusTabNext = false;

/** A date picked as "expires on" means the end of that day, local time. */
function endOfDay(value) {
  return value ? new Date(`${value}T23:59:59`).toISOString() : undefined;
}

function addForm(kind, prefill, onAdded) {
  const area = h('textarea', { name: 'ranges', rows: '4', required: true, spellcheck: 'false', autocomplete: 'off', value: prefill ?? '' });
  const file = h('input', { type: 'file', accept: '.txt,.csv,.lst,text/plain,text/csv' });
  const reason = h('input', { type: 'text', name: 'reason', required: true, maxlength: '500', autocomplete: 'off' });
  const category = kind === 'manual' ? h('input', { type: 'text', name: 'category', maxlength: '100', autocomplete: 'off', list: 'category-suggestions' }) : null;
  const expires = h('input', { type: 'date', name: 'expires', min: new Date().toISOString().slice(0, 10) });
  const submit = button(t('lists.add'), null, { kind: 'primary', type: 'submit' });
  const status = h('div', { 'aria-live': 'polite' });

  fillFromFile(file, area, (read) => replace(status, read.ok
    ? notice('info', t('search.fileLoaded', { name: read.name, count: fmt.number(read.count) }))
    : notice('danger', t('search.fileTooLarge', { size: fmt.bytes(MAX_FILE_BYTES) }))));

  const form = h('form', { class: 'stack', 'aria-label': t(`lists.add.${kind}`) },
    field(t('lists.rangesLabel'), area, t('lists.rangesHint')),
    field(t('search.fileLabel'), file),
    h('div', { class: 'form-grid' },
      field(t('common.reason'), reason),
      category ? field(t('common.category'), category) : null,
      field(t('lists.expiresLabel'), expires, t(`lists.expiresHint.${kind}`))),
    category ? h('datalist', { id: 'category-suggestions' }, ['malware', 'botnet', 'scanner', 'phishing', 'spam', 'bruteforce', 'c2'].map((c) => h('option', { value: c }))) : null,
    h('div', { class: 'actions' }, submit),
    status);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const ranges = splitAddresses(area.value);
    if (!ranges.length) {
      replace(status, notice('warn', t('search.nothingToCheck')));
      return;
    }
    const fields = { reason: reason.value.trim(), expiresAt: endOfDay(expires.value) };
    if (category?.value.trim()) fields.category = category.value.trim();
    await busy(submit, async () => {
      try {
        const result = await addMany(kind, ranges, fields, (done, total) => {
          replace(status, h('p', { class: 'muted' }, t('lists.adding', { done: fmt.number(done), total: fmt.number(total) })));
        });
        replace(status,
          notice(result.failed.length ? 'warn' : 'ok', t('lists.addedSummary', { added: fmt.number(result.added), failed: fmt.number(result.failed.length) })),
          result.failed.length ? h('ul', { class: 'errors' }, result.failed.slice(0, 50).map((f) => h('li', null, h('code', null, f.range), ': ', f.message))) : null);
        if (result.added) {
          area.value = result.failed.map((f) => f.range).join('\n');
          await onAdded();
        }
      } catch (error) {
        replace(status, errorNotice(error));
      }
    });
  });
  return form;
}

function listTable(kind, reload) {
  const table = dataTable([
    { key: 'range', label: t('common.range'), value: (e) => h('code', null, e.range), sort: (e) => e.range },
    { key: 'reason', label: t('common.reason'), value: (e) => e.reason || '—', className: 'wrap', sort: (e) => e.reason },
    kind === 'manual' ? { key: 'category', label: t('common.category'), value: (e) => e.category ?? '—', sort: (e) => e.category ?? '' } : null,
    { key: 'expires', label: t('common.expires'), value: (e) => (e.expiresAt ? when(e.expiresAt) : t('common.never')), sort: (e) => e.expiresAt ?? '9999' },
    { key: 'created', label: t('common.added'), value: (e) => h('span', null, when(e.createdAt), e.createdBy ? h('small', { class: 'muted' }, ` ${e.createdBy}`) : null), sort: (e) => e.createdAt ?? '' },
    {
      key: 'remove',
      label: t('common.actions'),
      value: (e) => button(t('lists.remove'), async (event, btn) => {
        if (!await confirmDialog(t('lists.removeConfirm', { range: e.range }), { confirmLabel: t('lists.remove'), danger: true })) return;
        await busy(btn, async () => {
          try {
            await removeEntry(kind, e.id);
            toast(t('lists.removed', { range: e.range }));
            await reload();
          } catch (error) {
            toast(describe(error), 'danger');
          }
        });
      }, { kind: 'danger', 'aria-label': t('lists.removeLabel', { range: e.range }) }),
    },
  ].filter(Boolean), {
    caption: t(`lists.tab.${kind}`),
    filterText: (e) => `${e.range} ${e.reason} ${e.category ?? ''} ${e.createdBy ?? ''}`,
    rowAttrs: (e) => ({ dataset: { range: e.range } }),
  });
  return table;
}

async function listPanel(kind, prefill, signal) {
  const tableHolder = h('div', null, loading());
  const table = listTable(kind, reload);
  async function reload() {
    table.setRows(await loadList(kind, signal));
    replace(tableHolder, table.element);
  }
  const panel = h('div', { class: 'stack' },
    section(t(`lists.add.${kind}`), addForm(kind, prefill, reload)),
    section(t(`lists.current.${kind}`), tableHolder));
  try {
    await reload();
  } catch (error) {
    if (isAbort(error)) throw error;
    replace(tableHolder, errorNotice(error));
  }
  return panel;
}

async function auditPanel(signal) {
  const table = dataTable([
    { key: 'at', label: t('lists.when'), value: (e) => when(e.at), sort: (e) => e.at ?? '' },
    { key: 'actor', label: t('lists.actor'), value: (e) => e.actor, sort: (e) => e.actor },
    { key: 'action', label: t('lists.action'), value: (e) => h('code', null, e.action), sort: (e) => e.action },
    { key: 'target', label: t('lists.target'), value: (e) => e.target, className: 'wrap' },
    { key: 'details', label: t('lists.details'), value: (e) => e.details || '—', className: 'wrap' },
  ], { caption: t('lists.tab.audit'), filterText: (e) => `${e.actor} ${e.action} ${e.target} ${e.details}` });
  try {
    table.setRows(await loadAudit(signal));
    return section(t('lists.tab.audit'), table.element);
  } catch (error) {
    if (isAbort(error)) throw error;
    return section(t('lists.tab.audit'), errorNotice(error));
  }
}

export async function render({ main, params, signal, ready, navigate }) {
  const tabsShown = TABS.filter((id) => id !== 'audit' || can('admin'));
  const selected = tabsShown.includes(params.get('tab')) ? params.get('tab') : 'manual';
  const panelHolder = h('div', null, loading());
  main.append(
    pageHeader(t('lists.title'), t('lists.intro')),
    tabs(t('lists.title'), tabsShown.map((id) => ({ id, label: t(`lists.tab.${id}`) })), selected, (id) => {
      if (id === selected) return;
      focusTabNext = true;
      navigate(`/lists?tab=${id}`, { replace: true });
    }),
    panelHolder);

  const panel = selected === 'audit' ? await auditPanel(signal) : await listPanel(selected, params.get('add'), signal);
  if (signal.aborted) return;
  replace(panelHolder, tabPanel(selected, panel));
  if (focusTabNext) main.querySelector(`#tab-${selected}`)?.focus();
  focusTabNext = false;
  ready();
}
