// Helpers that read the service's JSON the same way everywhere: counts given as an object
// ({ "ipsum": 10 }) or as a list ([{ name: "ipsum", count: 10 }]).

/** The first value found at any of the dotted paths. */
export function pick(obj, ...paths) {
  for (const path of paths) {
    let value = obj;
    for (const part of path.split('.')) {
      if (value === null || value === undefined) break;
      value = value[part];
    }
    if (value !== undefined && value !== null) return value;
  }
  return undefined;
}

/** [{ label, value }] sorted by value, largest first. */
export function counts(value) {
  if (!value) return [];
  const items = Array.isArray(value)
    ? value.map((item) => ({
      label: String(pick(item, 'name', 'source', 'category', 'country', 'key', 'label') ?? '—'),
      value: Number(pick(item, 'count', 'value', 'indicators', 'entries') ?? 0),
    }))
    : Object.entries(value).map(([label, count]) => ({ label, value: Number(count) }));
  return items.sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
}

/** A list from either a bare array or an object wrapping one. */
export function list(value, ...keys) {
  if (Array.isArray(value)) return value;
  for (const key of keys) {
    if (Array.isArray(value?.[key])) return value[key];
  }
  return [];
}
