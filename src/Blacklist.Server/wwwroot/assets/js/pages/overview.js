// Overview: the numbers an operator checks first, drawn from /api/stats, /health and the
// collection status, refreshed every 30 seconds.
import { h, replace, uid } from '../dom.js';
import { t } from '../i18n.js';
import * as fmt from '../format.js';
import { pageHeader, section, badge, notice, loading, errorNotice, when, simpleTable } from '../ui.js';
import { lineChart, legend, barList } from '../chart.js';
import { loadOverview, alertsFrom } from '../data/overview.js';
import { sourceState } from '../data/collection.js';
import { can } from '../session.js';
import { isAbort } from '../api.js';

const REFRESH_MS = 30000;

function stat(key, label, value, display, hint) {
  return h('div', { class: 'stat', dataset: { stat: key, value: value === undefined || value === null ? '' : String(value) } },
    h('dt', null, label),
    h('dd', null, h('span', { class: 'stat-value' }, display ?? fmt.number(value)), hint ? h('span', { class: 'stat-hint' }, hint) : null));
}

function keyNumbers({ stats, collection }) {
  const { entries, addresses } = stats;
  const total = entries.total ?? Number(entries.v4) + Number(entries.v6);
  return h('dl', { class: 'stats' },
    stat('entries', t('overview.entries'), total, null, t('overview.entriesHint')),
    stat('entries-v4', t('overview.entriesV4'), entries.v4),
    stat('entries-v6', t('overview.entriesV6'), entries.v6),
    stat('addresses-v4', t('overview.addressesV4'), addresses.v4),
    stat('addresses-v6', t('overview.addressesV6'), addresses.v6),
    stat('indicators', t('overview.indicators'), stats.indicators, null, t('overview.indicatorsHint')),
    stat('allowlist', t('overview.allowlist'), stats.allowlist),
    stat('version', t('overview.snapshot'), stats.version, stats.version === undefined ? '—' : `v${stats.version}`,
      stats.builtAt ? t('overview.builtAgo', { age: fmt.relative(stats.builtAt) }) : null),
    collection ? stat('collection', t('overview.collection'), collection.enabled, collection.enabled ? t('status.on') : t('status.off')) : null);
}

function alertList(alerts) {
  if (!alerts.length) return notice('ok', t('alert.none'));
  return h('ul', { class: 'alerts' }, alerts.map((alert) => h('li', null, notice(alert.kind, t(alert.key, alert.params)))));
}

function dailyChart(stats, days) {
  if (stats.dailyUnavailable) return notice('warn', t('overview.dailyUnavailable', { detail: stats.dailyUnavailable }));
  const data = stats.daily.slice(-days);
  const series = [
    { name: t('overview.added'), className: 's-added', values: data.map((d) => d.added) },
    { name: t('overview.expired'), className: 's-expired', values: data.map((d) => d.expired) },
  ];
  const sums = series.map((se) => se.values.reduce((a, b) => a + b, 0));
  const label = t('overview.chartLabel', { days, added: fmt.number(sums[0]), expired: fmt.number(sums[1]) });
  if (!data.length) return notice('info', t('overview.noHistory'));
  return h('div', null,
    legend(series),
    lineChart({
      labels: data.map((d) => d.day),
      series,
      label,
      describe: (i) => t('overview.dayTooltip', { day: data[i].day, added: fmt.number(data[i].added), expired: fmt.number(data[i].expired) }),
    }),
    h('details', { class: 'chart-table' },
      h('summary', null, t('overview.showTable')),
      simpleTable(label, [
        { label: t('common.day'), value: (d) => d.day },
        { label: t('overview.added'), value: (d) => fmt.number(d.added), className: 'num' },
        { label: t('overview.expired'), value: (d) => fmt.number(d.expired), className: 'num' },
      ], data.slice().reverse())));
}

/** 30 or 90 days, as a radio group so it works with arrow keys and screen readers. */
function rangeSwitch(days, onChange) {
  const name = uid('days');
  return h('fieldset', { class: 'segmented' },
    h('legend', { class: 'visually-hidden' }, t('overview.range')),
    [30, 90].map((n) => {
      const id = `${name}-${n}`;
      return h('span', null,
        h('input', { type: 'radio', name, id, value: String(n), checked: n === days, onChange: () => onChange(n) }),
        h('label', { for: id }, t('overview.lastDays', { days: n })));
    }));
}

/** Enabled sources at a glance; the shipped-but-disabled catalogue is only counted. */
function sourceHealth(collection) {
  if (!collection) return notice('info', t('overview.noCollection'));
  const shown = collection.sources.filter((s) => s.enabled);
  const disabled = collection.sources.length - shown.length;
  return h('div', null,
    simpleTable(t('overview.sourceHealth'), [
      { label: t('common.source'), value: (s) => h('a', { href: `/collection?source=${encodeURIComponent(s.name)}` }, s.name) },
      { label: t('common.state'), value: (s) => badge(sourceState(s)) },
      { label: t('collection.lastSuccess'), value: (s) => when(s.lastSuccessAt, { relative: true }) },
      { label: t('collection.activeIndicators'), value: (s) => fmt.number(s.activeIndicators), className: 'num' },
      { label: t('collection.nextRun'), value: (s) => when(s.nextRun, { relative: true }) },
    ], shown),
    disabled ? h('p', { class: 'muted' }, h('a', { href: '/collection' }, t('overview.disabledSources', { count: disabled }))) : null);
}

export async function render({ main, signal, ready }) {
  let days = 30;
  // What has arrived so far; undefined = still loading, null = not available.
  const data = { stats: undefined, health: undefined, collection: undefined };
  const body = h('div', { class: 'stack' });
  main.append(pageHeader(t('overview.title'), t('overview.intro')), body);

  const chartHolder = h('div');
  const drawChart = () => replace(chartHolder, dailyChart(data.stats, days));
  const breakdown = (title, items, limit) => section(title, items.length ? barList(items, { label: title, limit }) : notice('info', t('common.none')));
  const pending = (value, build) => (value === undefined ? loading() : build());

  // Each part is drawn as soon as its data is here, so a slow read never hides the others.
  const draw = () => {
    const { stats } = data;
    replace(body,
      section(t('overview.alerts'), pending(data.health === undefined || data.collection === undefined ? undefined : true, () => alertList(alertsFrom(data)))),
      section(t('overview.numbers'), pending(stats, () => keyNumbers(data))),
      section(t('overview.daily'), pending(stats, () => [rangeSwitch(days, (n) => { days = n; drawChart(); }), chartHolder])),
      stats === undefined ? null : h('div', { class: 'grid-3' },
        breakdown(t('overview.bySource'), stats.bySource, 20),
        breakdown(t('overview.byCategory'), stats.byCategory, 10),
        breakdown(t('overview.byCountry'), stats.byCountry, 10)),
      can('operator') ? section(t('overview.sourceHealth'), pending(data.collection, () => sourceHealth(data.collection))) : null);
    if (stats !== undefined) drawChart();
  };
  draw();

  const reads = loadOverview(90, signal);
  try {
    await Promise.all(Object.entries(reads).map(([key, promise]) => promise.then((value) => {
      data[key] = value;
      if (!signal.aborted) draw();
    })));
  } catch (error) {
    if (isAbort(error)) return;
    replace(body, errorNotice(error));
    ready();
    return;
  }
  ready();

  // Redraw only when something changed, so a refresh never moves the reader's focus or scroll.
  const fingerprint = (d) => JSON.stringify([d.stats, d.health, d.collection]);
  let shown = fingerprint(data);
  const timer = setInterval(async () => {
    try {
      const next = loadOverview(90, signal);
      const fresh = { stats: await next.stats, health: await next.health, collection: await next.collection };
      const text = fingerprint(fresh);
      if (text === shown) return;
      Object.assign(data, fresh);
      shown = text;
      draw();
    } catch {
      // keep showing the last numbers; the next refresh tries again
    }
  }, REFRESH_MS);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}
