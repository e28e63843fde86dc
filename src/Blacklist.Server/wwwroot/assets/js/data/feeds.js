// Feed URLs for firewalls, operator-defined profiles and who pulls them (Feeds/FeedsApi.cs).
import { optional } from '../api.js';

/** The built-in feeds every server has. */
export const BUILT_IN_FEEDS = [
  { id: 'active', path: '/api/blacklist/active', format: 'plain' },
  { id: 'cidr', path: '/api/blacklist/active?format=cidr', format: 'cidr' },
  { id: 'range', path: '/api/blacklist/active?format=range', format: 'range' },
  { id: 'json', path: '/api/blacklist/active?format=json', format: 'json' },
  { id: 'csv', path: '/api/blacklist/active?format=csv', format: 'csv' },
  { id: 'fortigate', path: '/api/fortigate', format: 'fortigate' },
];

/** Profiles from GET /api/feeds (Feeds/FeedView.cs), or [] on a server without profiles. */
export async function loadProfiles(signal) {
  const raw = await optional('/api/feeds', [], { signal });
  return raw.map((p) => ({
    name: p.name,
    format: p.format,
    path: p.url,
    changesPath: p.changesUrl ?? null,
    maxEntries: p.maxEntries ?? null,
    sources: p.sources ?? [],
    categories: p.categories ?? [],
    minConfidence: p.minConfidence ?? 0,
    family: p.family ?? null,
    totalEntries: p.totalEntries ?? null,
    servedEntries: p.servedEntries ?? null,
  }));
}

/** Who pulled which feed (Feeds/FeedPull.cs), or null on a server that does not count pulls. */
export async function loadPulls(signal) {
  const raw = await optional('/api/feeds/stats', null, { signal });
  return raw === null ? null : raw.map((p) => ({ feed: p.feed, client: p.client, lastPull: p.lastPull, count: p.count, etag: p.lastETag ?? null }));
}
