// The dashboard's pages as the tests visit them: path, the name its data-ready marker carries,
// and a file-friendly label for screenshots.
export const PAGES = [
  { path: '/', ready: 'overview', label: 'overview' },
  { path: '/search', ready: 'search', label: 'search' },
  { path: '/collection', ready: 'collection', label: 'collection' },
  { path: '/lists', ready: 'lists', label: 'lists-manual' },
  { path: '/lists?tab=allowlist', ready: 'lists', label: 'lists-allowlist' },
  { path: '/lists?tab=audit', ready: 'lists', label: 'lists-audit' },
  { path: '/feeds', ready: 'feeds', label: 'feeds' },
  { path: '/admin', ready: 'admin', label: 'admin' },
  { path: '/login', ready: 'login', label: 'login' },
];

/** The median of three loads of a page (after a first one that warms the asset cache). */
export async function medianLoad(load) {
  await load();
  const runs = [];
  for (let i = 0; i < 3; i += 1) runs.push(await load());
  return runs.sort((a, b) => a.ms - b.ms)[1];
}

/** Prints { page: { ms, api } } as a table: time to data-ready, and to the last API answer. */
export function printTimings(title, timings) {
  const rows = Object.entries(timings).map(([name, t]) => `  ${name.padEnd(18)} ${`${Math.round(t.ms)} ms`.padStart(9)}   ${`${Math.round(t.api)} ms`.padStart(9)}`);
  console.log(`\n${title}\n  ${'page'.padEnd(18)} ${'ready'.padStart(9)}   ${'last API'.padStart(9)}\n${rows.join('\n')}\n`);
  return timings;
}
