// What the overview shows, read from /api/stats, /health and /api/collection/status only:
// never the (possibly 14 MB) list itself.
import { api } from '../api.js';
import { can } from '../session.js';
import { normalizeStatus } from './collection.js';

/** { "ipsum": 10, "manual": 2 } → [{ label, value }], largest first. */
function counts(byName) {
  return Object.entries(byName ?? {})
    .map(([label, value]) => ({ label, value: Number(value) }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
}

/** GET /api/stats (Api/Stats/StatsResponse.cs). */
export function normalizeStats(raw) {
  const daily = (raw.daily ?? []).map((d) => ({ day: String(d.day).slice(0, 10), added: Number(d.added), expired: Number(d.expired) }))
    .sort((a, b) => a.day.localeCompare(b.day));
  return {
    version: raw.snapshotVersion,
    builtAt: raw.builtAt,
    entries: { v4: raw.entriesByFamily?.ipv4 ?? 0, v6: raw.entriesByFamily?.ipv6 ?? 0, total: raw.entries },
    addresses: { v4: raw.uniqueAddresses?.ipv4 ?? 0, v6: raw.uniqueAddresses?.ipv6 ?? 0 },
    indicators: raw.indicators,
    allowlist: raw.allowlistEntries,
    bySource: counts(raw.bySource),
    byCategory: counts(raw.byCategory),
    byCountry: counts(raw.byCountry),
    daily,
    dailyUnavailable: raw.dailyUnavailable ?? null,
  };
}

/** GET /health (Api/Health/HealthResponse.cs): components by name with status up|degraded|down|memory. */
export function normalizeHealth(raw) {
  const components = Object.entries(raw?.components ?? {}).map(([name, c]) => ({
    name,
    status: String(c?.status ?? '').toLowerCase(),
    detail: c?.detail ?? null,
    data: c?.data ?? {},
  }));
  return { status: String(raw?.status ?? '').toLowerCase(), version: raw?.version, components };
}

/**
 * The three reads of the overview, started together and each resolving on its own so the page
 * can show what has arrived: { stats, health, collection } of promises. Stats is required;
 * health and collection resolve to null when unavailable.
 */
export function loadOverview(days, signal) {
  return {
    stats: api('/api/stats', { query: { days }, signal }).then(normalizeStats),
    health: api('/health', { signal }).then(normalizeHealth, (error) => (error.name === 'AbortError' ? Promise.reject(error) : { status: 'unhealthy', components: [{ name: 'service', status: 'down', detail: error.message, data: {} }] })),
    // Collection status is an operator's read; a reader's overview goes without it.
    collection: can('operator')
      ? api('/api/collection/status', { signal }).then(normalizeStatus, (error) => (error.name === 'AbortError' ? Promise.reject(error) : null))
      : Promise.resolve(null),
  };
}

/** Conditions an operator must look at, worst first. */
export function alertsFrom({ health, collection }) {
  const alerts = [];
  for (const c of health?.components ?? []) {
    // "memory" is the embedded default's cache, not a fallback; a fallback is Redis configured but gone.
    const cache = /cache|redis/i.test(c.name);
    if (cache && (c.status === 'degraded' || c.status === 'down' || c.data.fallback === true)) {
      alerts.push({ kind: 'warn', key: 'alert.cacheFallback', params: { detail: c.detail ?? '' } });
    } else if (c.status === 'unhealthy' || c.status === 'down') {
      alerts.push({ kind: 'danger', key: 'alert.componentDown', params: { name: c.name, detail: c.detail ?? '' } });
    } else if (c.status === 'degraded') {
      alerts.push({ kind: 'warn', key: 'alert.componentDegraded', params: { name: c.name, detail: c.detail ?? '' } });
    }
  }
  for (const source of collection?.sources ?? []) {
    if (source.lastRun?.status === 'refused') {
      alerts.push({ kind: 'warn', key: 'alert.guardRefused', params: { source: source.name, detail: source.lastRun.error ?? '' } });
    } else if (source.enabled && source.lastRun?.status === 'failed') {
      alerts.push({ kind: 'danger', key: 'alert.sourceFailing', params: { source: source.name, detail: source.lastError ?? source.lastRun.error ?? '' } });
    }
  }
  if (collection && collection.enabled === false) alerts.push({ kind: 'info', key: 'alert.collectionOff', params: {} });
  const order = { danger: 0, warn: 1, info: 2 };
  return alerts.sort((a, b) => order[a.kind] - order[b.kind]);
}
