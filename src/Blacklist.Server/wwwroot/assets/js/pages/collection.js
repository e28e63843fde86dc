// Collection: the global switch, each source's state, runs (followed live after a trigger),
// and refused runs an operator can accept.
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import * as fmt from '../format.js';
import { pageHeader, section, field, button, busy, badge, notice, loading, errorNotice, when, openDialog, confirmDialog, toast, describe, scrollRegion } from '../ui.js';
import { dataTable } from '../table.js';
import { can } from '../session.js';
import { isAbort } from '../api.js';
import { sourceState, loadStatus, loadRuns, trigger, follow, setCollectionEnabled, setSourceEnabled, acceptRun } from '../data/collection.js';

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

/** Asks for what a run of this source needs: a date window for REGTECH, an OTP for SECUDIUM. */
function triggerDialog(source) {
  return openDialog(t('collection.triggerTitle', { source: source.name }), (close) => {
    const form = h('form', { class: 'stack' });
    const fields = [];
    if (source.kind === 'regtech' || source.name.toLowerCase() === 'regtech') {
      const today = new Date();
      const start = h('input', { type: 'date', name: 'start_date', required: true, value: isoDay(new Date(today.getTime() - 3 * 86400000)), max: isoDay(today) });
      const end = h('input', { type: 'date', name: 'end_date', required: true, value: isoDay(today), max: isoDay(today) });
      fields.push(field(t('collection.startDate'), start), field(t('collection.endDate'), end, t('collection.windowHint')));
    }
    if (source.kind === 'secudium' || source.name.toLowerCase() === 'secudium') {
      const otp = h('input', { type: 'text', name: 'otp', inputmode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9]{4,10}' });
      fields.push(field(t('collection.otp'), otp, t('collection.otpHint')));
    }
    if (!fields.length) fields.push(h('p', null, t('collection.triggerConfirm', { source: source.name })));
    const error = h('div', { 'aria-live': 'assertive' });
    const submit = button(t('collection.triggerNow'), null, { kind: 'primary', type: 'submit' });
    form.append(...fields, error, h('div', { class: 'actions' }, button(t('common.cancel'), () => close(null)), submit));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (form.querySelector('[name=start_date]') && form.start_date.value > form.end_date.value) {
        replace(error, notice('danger', t('collection.windowReversed')));
        return;
      }
      const parameters = {};
      for (const input of form.querySelectorAll('input[name]')) if (input.value) parameters[input.name] = input.value;
      await busy(submit, async () => {
        try {
          const started = await trigger(source.name, parameters);
          if (started.note) toast(started.note, 'ok');
          close(started.runId);
        } catch (err) {
          replace(error, errorNotice(err));
        }
      });
    });
    return form;
  });
}

function runDetails(run) {
  return openDialog(t('collection.runTitle', { id: run.id, source: run.source }), (close) => h('div', { class: 'stack' },
    h('dl', { class: 'details' },
      h('dt', null, t('common.state')), h('dd', null, badge(run.status)),
      h('dt', null, t('collection.trigger')), h('dd', null, run.trigger ?? '—', run.actor ? ` (${run.actor})` : ''),
      h('dt', null, t('collection.queued')), h('dd', null, when(run.queuedAt)),
      h('dt', null, t('collection.started')), h('dd', null, when(run.startedAt)),
      h('dt', null, t('collection.finished')), h('dd', null, when(run.finishedAt)),
      Object.entries(run.counts).filter(([, v]) => v !== null).flatMap(([k, v]) => [h('dt', null, t(`count.${k}`)), h('dd', null, k === 'bytes' ? fmt.bytes(v) : fmt.number(v))]),
      Object.entries(run.parameters).flatMap(([k, v]) => [h('dt', null, k), h('dd', null, String(v))]),
      run.note ? [h('dt', null, t('collection.note')), h('dd', null, run.note)] : null,
      run.error ? [h('dt', null, t('collection.error')), h('dd', null, run.failureKind ? `${run.failureKind}: ` : '', run.error)] : null),
    run.issues.length
      ? h('details', null, h('summary', null, t('collection.issues', { count: run.issues.length })),
        h('ul', { class: 'issues' }, run.issues.map((i) => h('li', null, h('code', null, `${i.line ?? ''}`), ' ', i.message ?? '', i.text ? h('pre', null, i.text) : null))))
      : null,
    h('div', { class: 'actions' }, button(t('common.close'), () => close()))));
}

function duration(run) {
  if (!run.startedAt || !run.finishedAt) return '—';
  return fmt.duration((new Date(run.finishedAt) - new Date(run.startedAt)) / 1000);
}

export async function render({ main, params, signal, ready }) {
  const operator = can('operator');
  const switchHolder = h('div');
  const sourcesHolder = h('div', null, loading());
  const followHolder = h('ul', { class: 'followed', 'aria-live': 'polite' });
  const runsHolder = h('div', null, loading());
  let sourceFilter = params.get('source') ?? '';
  let status = null;

  const runsTable = dataTable([
    { key: 'id', label: t('common.id'), value: (r) => h('button', { type: 'button', class: 'link', onClick: () => runDetails(r) }, `#${r.id}`), sort: (r) => Number(r.id), className: 'num' },
    { key: 'source', label: t('common.source'), value: (r) => r.source, sort: (r) => r.source },
    { key: 'status', label: t('common.state'), value: (r) => badge(r.status), sort: (r) => r.status },
    { key: 'queuedAt', label: t('collection.queued'), value: (r) => when(r.queuedAt), sort: (r) => r.queuedAt ?? '' },
    { key: 'duration', label: t('collection.duration'), value: duration },
    { key: 'fetched', label: t('count.fetched'), value: (r) => fmt.number(r.counts.fetched), className: 'num' },
    { key: 'parsed', label: t('count.parsed'), value: (r) => fmt.number(r.counts.parsed), className: 'num' },
    { key: 'rejected', label: t('count.rejected'), value: (r) => fmt.number(r.counts.rejected), className: 'num' },
    { key: 'added', label: t('count.added'), value: (r) => fmt.number(r.counts.added), className: 'num' },
    { key: 'updated', label: t('count.updated'), value: (r) => fmt.number(r.counts.updated), className: 'num' },
    { key: 'withdrawn', label: t('count.withdrawn'), value: (r) => fmt.number(r.counts.withdrawn), className: 'num' },
    { key: 'error', label: t('collection.errorOrNote'), value: (r) => r.error ?? r.note ?? (r.notModified ? t('collection.notModified') : '—'), className: 'wrap' },
    operator ? { key: 'accept', label: t('common.actions'), value: (r) => (r.status === 'refused' ? button(t('collection.accept'), (e, btn) => accept(r, btn), { kind: 'warn' }) : '') } : null,
  ].filter(Boolean), {
    caption: t('collection.runs'),
    pageSize: 25,
    filterText: (r) => `${r.id} ${r.source} ${r.status} ${r.error ?? ''} ${r.note ?? ''}`,
    rowAttrs: (r) => ({ dataset: { runId: String(r.id), status: r.status } }),
  });

  async function refreshRuns() {
    try {
      runsTable.setRows(await loadRuns(sourceFilter || undefined, signal));
      replace(runsHolder, runsTable.element);
    } catch (error) {
      if (!isAbort(error)) replace(runsHolder, errorNotice(error));
    }
  }

  async function accept(run, btn) {
    if (!await confirmDialog(t('collection.acceptConfirm', { id: run.id, source: run.source, error: run.error ?? '' }), { confirmLabel: t('collection.accept') })) return;
    await busy(btn, async () => {
      try {
        const applyingRun = await acceptRun(run.id);
        toast(t('collection.accepted', { id: run.id }));
        startFollowing(applyingRun, run.source);
        await Promise.all([refreshStatus(), refreshRuns()]);
      } catch (error) {
        toast(describe(error), 'danger');
      }
    });
  }

  function drawSwitch() {
    const on = status.enabled;
    replace(switchHolder, h('div', { class: 'switch-row', dataset: { collection: on ? 'on' : 'off' } },
      h('p', null, t('collection.globalState'), ' ', badge(on ? 'on' : 'off')),
      operator ? button(on ? t('collection.turnOff') : t('collection.turnOn'), async (e, btn) => {
        if (on && !await confirmDialog(t('collection.turnOffConfirm'), { confirmLabel: t('collection.turnOff'), danger: true })) return;
        await busy(btn, async () => {
          try {
            await setCollectionEnabled(!on);
            toast(on ? t('collection.turnedOff') : t('collection.turnedOn'));
            await refreshStatus();
          } catch (error) {
            toast(describe(error), 'danger');
          }
        });
      }, { kind: on ? 'danger' : 'primary' }) : null));
  }

  function sourceActions(source) {
    // Manual entries are not collected: nothing to run or switch.
    if (!operator || source.kind === 'manual') return '';
    return h('div', { class: 'row-actions' },
      button(t('collection.triggerNow'), async () => {
        const runId = await triggerDialog(source);
        if (runId !== null && runId !== undefined) startFollowing(runId, source.name);
      }, { kind: 'primary', dataset: { trigger: source.name } }),
      button(source.enabled ? t('collection.disableSource') : t('collection.enableSource'), async (e, btn) => {
        await busy(btn, async () => {
          try {
            await setSourceEnabled(source.name, !source.enabled);
            await refreshStatus();
          } catch (error) {
            toast(describe(error), 'danger');
          }
        });
      }, { 'aria-label': t(source.enabled ? 'collection.disableSourceNamed' : 'collection.enableSourceNamed', { source: source.name }) }));
  }

  function drawSources() {
    if (!status.sources.length) {
      replace(sourcesHolder, notice('info', t('collection.noSources')));
      return;
    }
    const headers = [t('common.source'), t('common.state'), t('collection.lastSuccess'), t('collection.activeIndicators'), t('collection.nextRun'), operator ? t('common.actions') : null].filter(Boolean);
    const rows = status.sources.flatMap((s) => [
      h('tr', { dataset: { source: s.name } },
        h('td', null, h('strong', null, s.name), h('br'), h('small', { class: 'muted' }, s.kind || '—'),
          s.credentialsSet === false ? h('small', { class: 'block error-text' }, t('collection.noCredentials')) : null,
          Object.entries(s.details).map(([key, value]) => h('small', { class: 'muted block' }, `${key}: ${value}`))),
        h('td', null, badge(sourceState(s)),
          s.lastRun ? h('small', { class: 'muted block' }, t('collection.lastRun'), ' ', when(s.lastRun.finishedAt ?? s.lastRun.queuedAt, { relative: true })) : null),
        h('td', null, when(s.lastSuccessAt, { relative: true })),
        h('td', { class: 'num' }, fmt.number(s.activeIndicators)),
        h('td', null, when(s.nextRun, { relative: true }), s.schedule ? h('small', { class: 'muted block' }, h('code', null, s.schedule)) : null),
        operator ? h('td', null, sourceActions(s)) : null),
      s.lastError ? h('tr', { class: 'sub-row' }, h('td', { colspan: String(headers.length), class: 'wrap' },
        h('span', { class: 'error-text' }, t('collection.lastError'), ': ', s.lastError))) : null,
    ]);
    replace(sourcesHolder, scrollRegion(t('collection.sources'), h('table', null,
      h('caption', { class: 'visually-hidden' }, t('collection.sources')),
      h('thead', null, h('tr', null, headers.map((label, i) => h('th', { scope: 'col', class: i === 3 ? 'num' : null }, label)))),
      h('tbody', null, rows))));
  }

  async function refreshStatus() {
    status = await loadStatus(signal);
    drawSwitch();
    drawSources();
  }

  function startFollowing(runId, source) {
    const line = h('li', { dataset: { followRun: String(runId) } }, t('collection.following', { id: runId, source }), ' ', badge('queued'));
    followHolder.prepend(line);
    follow(runId, (run) => {
      replace(line, t('collection.following', { id: runId, source }), ' ', badge(run.status),
        run.finished ? ` ${t('collection.runSummary', { added: fmt.number(run.counts.added ?? 0), updated: fmt.number(run.counts.updated ?? 0), withdrawn: fmt.number(run.counts.withdrawn ?? 0) })}` : '',
        run.error ? ` — ${run.error}` : '');
      line.dataset.status = run.status;
    }, signal).then(() => Promise.all([refreshStatus(), refreshRuns()])).catch((error) => {
      if (!isAbort(error)) line.append(` — ${describe(error)}`);
    });
  }

  const sourceSelect = h('select', { onChange: (e) => { sourceFilter = e.target.value; refreshRuns(); } });

  main.append(
    pageHeader(t('collection.title'), t('collection.intro')),
    section(t('collection.global'), switchHolder),
    section(t('collection.sources'), sourcesHolder, followHolder),
    section(t('collection.runs'), h('div', { class: 'form-row' }, field(t('collection.filterSource'), sourceSelect)), runsHolder));

  try {
    await Promise.all([refreshStatus(), refreshRuns()]);
  } catch (error) {
    if (isAbort(error)) return;
    replace(sourcesHolder, errorNotice(error));
  }
  if (status) {
    replace(sourceSelect, h('option', { value: '' }, t('collection.allSources')),
      status.sources.map((s) => h('option', { value: s.name, selected: s.name === sourceFilter }, s.name)));
  }
  ready();

  // Keep states current while runs are going (scheduled ones too).
  const timer = setInterval(() => {
    if (status?.sources.some((s) => s.running)) refreshStatus().catch(() => {});
  }, 5000);
  signal.addEventListener('abort', () => clearInterval(timer), { once: true });
}
