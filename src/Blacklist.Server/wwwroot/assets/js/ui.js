// Small building blocks shared by the pages: headings, sections, fields, badges, notices,
// dialogs and toasts. All accessible by default (labels, roles, focus).
import { h, uid } from './dom.js';
import { t } from './i18n.js';
import { ApiError } from './api.js';
import * as fmt from './format.js';
import { copyText } from './clipboard.js';

export function pageHeader(title, intro, ...actions) {
  return h('header', { class: 'page-header' },
    h('div', null,
      h('h1', { tabindex: '-1' }, title),
      intro ? h('p', { class: 'muted' }, intro) : null),
    actions.length ? h('div', { class: 'actions' }, actions) : null);
}

/** A titled section; its heading labels it for screen readers. */
export function section(title, ...children) {
  const id = uid('section');
  return h('section', { class: 'panel', 'aria-labelledby': id },
    h('h2', { id }, title),
    children);
}

/** A label wired to its control, with an optional hint read after the label. */
export function field(label, control, hint) {
  const id = control.id || uid('field');
  control.id = id;
  let hintEl = null;
  if (hint) {
    const hintId = `${id}-hint`;
    hintEl = h('span', { class: 'hint', id: hintId }, hint);
    control.setAttribute('aria-describedby', hintId);
  }
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hintEl);
}

/** A button; onClick gets (event, button) because event.currentTarget is gone after an await. */
export function button(label, onClick, { kind = 'secondary', type = 'button', ...attrs } = {}) {
  const btn = h('button', { type, class: ['btn', `btn-${kind}`], ...attrs }, label);
  if (onClick) btn.addEventListener('click', (event) => onClick(event, btn));
  return btn;
}

/** A "Copy" button for `text`, confirming with a toast. */
export function copyButton(text, label) {
  return button(t('feeds.copy'), async () => {
    toast(await copyText(text) ? t('feeds.copied') : t('feeds.copyFailed'), 'ok');
  }, label ? { 'aria-label': label } : {});
}

/** Disables a button while its action runs so nothing is sent twice. */
export async function busy(btn, action) {
  btn.disabled = true;
  btn.setAttribute('aria-busy', 'true');
  try {
    return await action();
  } finally {
    btn.disabled = false;
    btn.removeAttribute('aria-busy');
  }
}

const STATUS_KIND = {
  succeeded: 'ok', accepted: 'ok', ok: 'ok', healthy: 'ok', up: 'ok', on: 'ok', enabled: 'ok',
  running: 'info', queued: 'info',
  refused: 'warn', degraded: 'warn', fallback: 'warn', disabled: 'muted', off: 'muted', never: 'muted', manual: 'info', revoked: 'muted', locked: 'danger',
  failed: 'danger', unhealthy: 'danger', down: 'danger',
  blocked: 'danger', allowlisted: 'info', clear: 'ok', reserved: 'muted', invalid: 'warn',
};

/** A coloured word for a state; colour is never the only signal (the text says it too). */
export function badge(status) {
  const key = String(status ?? 'never').toLowerCase();
  return h('span', { class: ['badge', `badge-${STATUS_KIND[key] ?? 'muted'}`] }, t(`status.${key}`));
}

export function notice(kind, ...children) {
  return h('div', { class: ['notice', `notice-${kind}`], role: kind === 'danger' ? 'alert' : 'status' }, children);
}

export function loading() {
  return h('p', { class: 'loading', role: 'status' }, t('common.loading'));
}

/** An error in words; 403 says the role is not allowed, 404 that the server lacks the feature. */
export function errorNotice(error) {
  if (error instanceof ApiError && error.status === 403) return notice('warn', t('error.forbidden'));
  return notice('danger', describe(error));
}

export function describe(error) {
  return error instanceof ApiError ? error.message : t('error.unexpected');
}

/** <time> with the absolute date as text and the relative one as a tooltip. */
export function when(value, { relative = false, dateOnly = false } = {}) {
  if (!value) return h('span', { class: 'muted' }, '—');
  const text = relative ? fmt.relative(value) : dateOnly ? fmt.date(value) : fmt.dateTime(value);
  return h('time', { datetime: fmt.iso(value), title: relative || dateOnly ? fmt.dateTime(value) : fmt.relative(value) }, text);
}

/** A table in a scrollable, focusable region so it stays usable at 390 px. */
export function scrollRegion(label, table) {
  return h('div', { class: 'table-wrap', role: 'region', 'aria-label': label, tabindex: '0' }, table);
}

/** A simple read-only table from columns [{label, value(row)}]. */
export function simpleTable(caption, columns, rows) {
  return scrollRegion(caption, h('table', null,
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', null, h('tr', null, columns.map((c) => h('th', { scope: 'col', class: c.className }, c.label)))),
    h('tbody', null, rows.map((row) => h('tr', null, columns.map((c) => h('td', { class: c.className }, c.value(row))))))));
}

/** Shows a modal dialog built by `build(close)`; resolves with what close() is given. */
export function openDialog(title, build) {
  return new Promise((resolve) => {
    const titleId = uid('dialog');
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': titleId });
    const close = (value) => {
      dialog.close();
      dialog.remove();
      resolve(value);
    };
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      close(undefined);
    });
    dialog.append(h('h2', { id: titleId }, title), build(close));
    document.body.append(dialog);
    dialog.showModal();
  });
}

export function confirmDialog(message, { confirmLabel = t('common.confirm'), danger = false } = {}) {
  return openDialog(t('common.areYouSure'), (close) => h('div', null,
    h('p', null, message),
    h('div', { class: 'actions' },
      button(t('common.cancel'), () => close(false)),
      button(confirmLabel, () => close(true), { kind: danger ? 'danger' : 'primary' }))));
}

/** A short message in the corner, announced politely. */
export function toast(message, kind = 'ok') {
  const host = document.getElementById('toasts');
  if (!host) return;
  const item = h('div', { class: ['toast', `toast-${kind}`] }, message);
  host.append(item);
  setTimeout(() => item.remove(), 6000);
}

/** A labelled, accessible tab strip; arrow keys move between tabs. */
export function tabs(label, items, selected, onSelect) {
  const list = h('div', { role: 'tablist', 'aria-label': label, class: 'tabs' });
  const buttons = items.map((item) => h('button', {
    type: 'button',
    role: 'tab',
    id: `tab-${item.id}`,
    'aria-controls': `panel-${item.id}`,
    'aria-selected': String(item.id === selected),
    tabindex: item.id === selected ? '0' : '-1',
    class: 'tab',
    onClick: () => onSelect(item.id),
  }, item.label));
  list.addEventListener('keydown', (event) => {
    const index = buttons.indexOf(document.activeElement);
    if (index < 0) return;
    const move = { ArrowRight: 1, ArrowLeft: -1, Home: -index, End: buttons.length - 1 - index }[event.key];
    if (move === undefined) return;
    event.preventDefault();
    const next = buttons[(index + move + buttons.length) % buttons.length];
    next.focus();
    next.click();
  });
  list.append(...buttons);
  return list;
}

export function tabPanel(id, ...children) {
  return h('div', { role: 'tabpanel', id: `panel-${id}`, 'aria-labelledby': `tab-${id}`, tabindex: '0', class: 'tab-panel' }, children);
}
