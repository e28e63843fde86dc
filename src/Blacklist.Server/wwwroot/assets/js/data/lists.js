// Manual entries, the allowlist and the audit trail.
import { api, politely } from '../api.js';
import { normalizeAllowEntry } from './search.js';

/** The two editable lists share one shape; `manual` entries also carry a category. */
export const LISTS = {
  manual: { path: '/api/blacklist/manual' },
  allowlist: { path: '/api/allowlist' },
};

/** A manual entry is an indicator of the source "manual" (Api/Views/IndicatorView.cs); who added it is in the audit trail. */
function normalizeManual(raw) {
  return {
    id: raw.id,
    range: raw.range,
    reason: raw.reason ?? '',
    category: raw.category ?? null,
    createdAt: raw.firstSeen ?? null,
    createdBy: null,
    expiresAt: raw.expiresAt ?? null,
  };
}

export async function loadList(kind, signal) {
  const raw = await api(LISTS[kind].path, { signal });
  return raw.map(kind === 'manual' ? normalizeManual : normalizeAllowEntry);
}

/** The service takes the address in exactly one of ip, cidr or range. */
export function addressField(text) {
  if (text.includes('/')) return { cidr: text };
  if (text.includes('-')) return { range: text };
  return { ip: text };
}

/** Adds one address, CIDR or range with { reason, category?, expiresAt? }. */
export function addEntry(kind, text, fields) {
  return api(LISTS[kind].path, { method: 'POST', body: { ...addressField(text), ...fields } });
}

export function removeEntry(kind, id) {
  return api(`${LISTS[kind].path}/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/**
 * Adds many ranges a few at a time (the service validates each and answers with a problem for a
 * bad one), waiting whenever the writes rate limit says so; reports progress and returns
 * { added, failed: [{ range, message }] }.
 */
export async function addMany(kind, ranges, fields, onProgress, concurrency = 4) {
  let next = 0;
  let done = 0;
  const failed = [];
  let added = 0;
  async function worker() {
    while (next < ranges.length) {
      const range = ranges[next];
      next += 1;
      try {
        await politely(() => addEntry(kind, range, fields));
        added += 1;
      } catch (error) {
        if (error.status === 401 || error.status === 403) throw error;
        failed.push({ range, message: error.message });
      }
      done += 1;
      onProgress?.(done, ranges.length);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, ranges.length) }, worker));
  return { added, failed };
}

export async function loadAudit(signal) {
  const raw = await api('/api/audit', { query: { limit: 1000 }, signal });
  return raw.map((e) => ({ id: e.id, at: e.at, actor: e.actor, action: e.action, target: e.target ?? '', details: e.details ?? '' }));
}
