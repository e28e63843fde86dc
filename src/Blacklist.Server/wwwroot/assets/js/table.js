// A paginated, filterable, sortable table for lists that can be long (manual entries, runs,
// audit events): only one page of rows is ever in the DOM.
import { h, replace, uid } from './dom.js';
import { t } from './i18n.js';
import { number } from './format.js';
import { scrollRegion } from './ui.js';

/**
 * columns: [{ key, label, value(row) → Node|string, sort?(row) → string|number, className }]
 * options: { caption, pageSize, filterText?(row) → string, empty, rowAttrs?(row) }
 * Returns { element, setRows(rows) }.
 */
export function dataTable(columns, options) {
  const { caption, pageSize = 50, filterText, empty = t('common.none'), rowAttrs } = options;
  let rows = [];
  let visible = [];
  let page = 0;
  let sortKey = null;
  let sortDir = 1;
  let query = '';

  const tbody = h('tbody');
  const status = h('p', { class: 'pager-status', 'aria-live': 'polite' });
  const prev = h('button', { type: 'button', class: 'btn btn-secondary', onClick: () => go(page - 1) }, t('table.previous'));
  const next = h('button', { type: 'button', class: 'btn btn-secondary', onClick: () => go(page + 1) }, t('table.next'));
  const headCells = columns.map((column) => {
    const th = h('th', { scope: 'col', class: column.className });
    if (column.sort) {
      th.setAttribute('aria-sort', 'none');
      th.append(h('button', { type: 'button', class: 'sort', onClick: () => sortBy(column) }, column.label));
    } else {
      th.append(column.label);
    }
    return th;
  });

  let filterEl = null;
  if (filterText) {
    const id = uid('filter');
    const input = h('input', { id, type: 'search', autocomplete: 'off', onInput: (e) => { query = e.target.value.trim().toLowerCase(); refilter(); } });
    filterEl = h('div', { class: 'field field-inline' }, h('label', { for: id }, t('table.filter')), input);
  }

  const table = h('table', null,
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', null, h('tr', null, headCells)),
    tbody);
  const pager = h('div', { class: 'pager' }, prev, status, next);
  const element = h('div', { class: 'data-table' }, filterEl, scrollRegion(caption, table), pager);

  function sortBy(column) {
    sortDir = sortKey === column.key ? -sortDir : 1;
    sortKey = column.key;
    headCells.forEach((th, i) => {
      if (columns[i].sort) th.setAttribute('aria-sort', columns[i].key === sortKey ? (sortDir > 0 ? 'ascending' : 'descending') : 'none');
    });
    refilter();
  }

  function refilter() {
    visible = query ? rows.filter((row) => filterText(row).toLowerCase().includes(query)) : rows.slice();
    const column = columns.find((c) => c.key === sortKey);
    if (column) {
      visible.sort((a, b) => {
        const x = column.sort(a);
        const y = column.sort(b);
        return (x < y ? -1 : x > y ? 1 : 0) * sortDir;
      });
    }
    go(0);
  }

  function go(target) {
    const pages = Math.max(1, Math.ceil(visible.length / pageSize));
    page = Math.min(Math.max(0, target), pages - 1);
    const slice = visible.slice(page * pageSize, (page + 1) * pageSize);
    replace(tbody, slice.length
      ? slice.map((row) => h('tr', rowAttrs?.(row), columns.map((c) => h('td', { class: c.className }, c.value(row)))))
      : h('tr', null, h('td', { colspan: String(columns.length), class: 'empty' }, empty)));
    if (filterEl) filterEl.hidden = rows.length <= 10 && !query;
    pager.hidden = pages <= 1 && !query; // one page needs no pager (but a filter's count still shows)
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
    status.textContent = visible.length
      ? t('table.status', { page: page + 1, pages, count: number(visible.length) })
      : t('table.noRows');
  }

  return {
    element,
    setRows(newRows) {
      rows = newRows;
      const keep = page;
      refilter();
      if (keep) go(keep);
    },
  };
}
