// Collection: per-source status, runs, triggers and the switches (Collection/CollectionApi.cs).
import { api, ApiError, politely } from '../api.js';

/** A run as Collection/CollectionViews.cs RunView shows it. */
export function normalizeRun(raw) {
  if (!raw) return null;
  const status = String(raw.status).toLowerCase();
  return {
    id: raw.id,
    source: raw.source,
    trigger: raw.trigger ?? null,
    actor: raw.actor ?? null,
    status,
    finished: status !== 'queued' && status !== 'running',
    queuedAt: raw.queuedAt ?? null,
    startedAt: raw.startedAt ?? null,
    finishedAt: raw.finishedAt ?? null,
    notModified: Boolean(raw.notModified),
    counts: raw.counts ?? {},
    error: raw.error ?? null,
    failureKind: raw.failureKind ?? null,
    note: raw.note ?? null,
    parameters: raw.parameters ?? {},
    issues: raw.issues ?? [],
  };
}

function normalizeSource(raw) {
  const lastRun = normalizeRun(raw.lastRun);
  return {
    name: raw.name,
    kind: String(raw.kind ?? '').toLowerCase(),
    enabled: raw.enabled,
    configuredEnabled: raw.configuredEnabled,
    schedule: raw.schedule ?? null,
    nextRun: raw.nextRun ?? null,
    fullList: raw.fullList,
    ttlDays: raw.ttlDays,
    lastRun,
    lastSuccessAt: raw.lastSuccessAt ?? null,
    activeIndicators: raw.activeIndicators ?? 0,
    lastError: ['failed', 'refused'].includes(lastRun?.status) ? lastRun.error : null,
    credentialsSet: raw.credentialsSet ?? null,
    details: raw.details ?? {},
    running: lastRun ? !lastRun.finished : false,
  };
}

/** A source's state in one word: manual entries are not collected, disabled ones are not run. */
export function sourceState(source) {
  if (source.kind === 'manual') return 'manual';
  if (!source.enabled) return 'disabled';
  return source.running ? 'running' : source.lastRun?.status ?? 'never';
}

/** GET /api/collection/status. */
export function normalizeStatus(raw) {
  return {
    enabled: raw.collectionEnabled,
    schedulingReplica: raw.schedulingReplica,
    // Enabled sources first: the shipped catalogue of disabled feeds comes after what runs.
    sources: raw.sources.map(normalizeSource).sort((a, b) => Number(b.enabled) - Number(a.enabled) || a.name.localeCompare(b.name)),
  };
}

export async function loadStatus(signal) {
  return normalizeStatus(await api('/api/collection/status', { signal }));
}

/** The newest runs first (the service keeps at most 500 per request). */
export async function loadRuns(source, signal) {
  return (await api('/api/collection/runs', { query: { source, limit: 500 }, signal })).map(normalizeRun);
}

export async function getRun(id, signal) {
  return normalizeRun(await api(`/api/collection/runs/${encodeURIComponent(id)}`, { signal }));
}

/**
 * Starts a run with parameters such as start_date, end_date, otp; resolves with the run id to
 * follow. A run already in progress (409) is followed instead of failing.
 */
export async function trigger(source, parameters) {
  try {
    const body = await api(`/api/collection/${encodeURIComponent(source)}/trigger`, { method: 'POST', body: parameters });
    return { runId: body.runId, note: body.note ?? null, alreadyRunning: false };
  } catch (error) {
    if (error instanceof ApiError && error.status === 409 && error.problem?.runId) {
      return { runId: error.problem.runId, note: error.message, alreadyRunning: true };
    }
    throw error;
  }
}

export function setCollectionEnabled(enabled) {
  return api(`/api/collection/${enabled ? 'enable' : 'disable'}`, { method: 'POST' });
}

/** Per-source override of "enabled" over the configuration (audited by the service). */
export function setSourceEnabled(source, enabled) {
  return api(`/api/collection/${encodeURIComponent(source)}/${enabled ? 'enable' : 'disable'}`, { method: 'POST' });
}

/** Applies a refused run; resolves with the id of the run that applies it. */
export async function acceptRun(id) {
  return (await api(`/api/collection/runs/${encodeURIComponent(id)}/accept`, { method: 'POST' })).runId;
}

/** Polls a run until it finishes, calling onUpdate with each state; stops when `signal` aborts. */
export async function follow(id, onUpdate, signal, intervalMs = 2000) {
  for (;;) {
    const run = await politely(() => getRun(id, signal), { signal });
    onUpdate(run);
    if (run.finished) return run;
    await new Promise((resolve, reject) => {
      const timer = setTimeout(resolve, intervalMs);
      signal?.addEventListener('abort', () => { clearTimeout(timer); reject(new DOMException('aborted', 'AbortError')); }, { once: true });
    });
  }
}
