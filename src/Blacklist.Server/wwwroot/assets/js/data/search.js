// Is an address blocked, and why.
import { api } from '../api.js';

/** An indicator as Api/Views/IndicatorView.cs shows it. */
export function normalizeIndicator(raw) {
  return {
    id: raw.id,
    source: raw.source,
    range: raw.range,
    reason: raw.reason ?? null,
    category: raw.category ?? null,
    country: raw.country ?? null,
    confidence: raw.confidence ?? null,
    detectedAt: raw.detectedAt ?? null,
    firstSeen: raw.firstSeen ?? null,
    lastSeen: raw.lastSeen ?? null,
    expiresAt: raw.expiresAt ?? null,
  };
}

/** An allowlist entry as Api/Views/AllowlistView.cs shows it. */
export function normalizeAllowEntry(raw) {
  return {
    id: raw.id,
    range: raw.range,
    reason: raw.reason ?? '',
    createdAt: raw.createdAt ?? null,
    createdBy: raw.createdBy ?? null,
    expiresAt: raw.expiresAt ?? null,
  };
}

/**
 * One answer of /api/search (Api/Search/SearchResult.cs) as
 * { query, address, verdict: blocked|allowlisted|reserved|clear|invalid, indicators, allowlist, reserved, error }.
 */
export function normalizeLookup(raw) {
  if (!raw.valid) {
    return { query: raw.input, address: raw.input, verdict: 'invalid', error: raw.error ?? null, indicators: [], allowlist: [], reserved: null };
  }
  const indicators = (raw.indicators ?? []).map(normalizeIndicator);
  const allowlist = (raw.allowlist ?? []).map(normalizeAllowEntry);
  const reservedExcluded = Boolean(raw.reserved?.excluded);
  const verdict = raw.blocked ? 'blocked'
    : raw.allowlisted ? 'allowlisted'
      : reservedExcluded && indicators.length ? 'reserved'
        : 'clear';
  return {
    query: raw.input,
    address: raw.ip ?? raw.input,
    verdict,
    indicators,
    allowlist,
    reserved: raw.reserved ? `${raw.reserved.range} (${raw.reserved.name})` : null,
    error: null,
  };
}

export async function lookup(query, signal) {
  return normalizeLookup(await api(`/api/search/${encodeURIComponent(query)}`, { signal }));
}

/** The service bounds a batch (Blacklist:Search:MaxBatch, 10,000 by default); larger pastes go in slices. */
export const BATCH_SLICE = 1000;

export async function lookupMany(queries, onProgress, signal) {
  const results = [];
  for (let i = 0; i < queries.length; i += BATCH_SLICE) {
    const raw = await api('/api/search', { method: 'POST', body: { ips: queries.slice(i, i + BATCH_SLICE) }, signal });
    results.push(...raw.results.map(normalizeLookup));
    onProgress?.(results.length, queries.length);
  }
  return results;
}
