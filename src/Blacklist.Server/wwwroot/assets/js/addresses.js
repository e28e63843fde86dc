// Turning pasted text or an uploaded file into address tokens. The service validates each one;
// here we only split, drop comments and duplicates, and bound the count.

/** Tokens that could be an address, CIDR or a-b range: one or more per line, comments removed. */
export function splitAddresses(text) {
  const seen = new Set();
  const tokens = [];
  for (const rawLine of String(text).replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = rawLine.replace(/(#|;|\/\/).*$/, '').trim();
    if (!line) continue;
    for (const token of line.split(/[\s,]+/)) {
      if (!/[0-9a-f]/i.test(token) || !/[.:]/.test(token)) continue;
      if (!seen.has(token)) {
        seen.add(token);
        tokens.push(token);
      }
    }
  }
  return tokens;
}

/** Files larger than this are refused: pasting that much belongs in `blacklist import`. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/**
 * When a file is picked in `fileInput`, puts its text into `area` and reports
 * { ok: true, name, count } or { ok: false } (too large) to `onRead`.
 */
export function fillFromFile(fileInput, area, onRead) {
  fileInput.addEventListener('change', async () => {
    const picked = fileInput.files?.[0];
    if (!picked) return;
    if (picked.size > MAX_FILE_BYTES) {
      onRead({ ok: false });
      return;
    }
    area.value = await picked.text();
    onRead({ ok: true, name: picked.name, count: splitAddresses(area.value).length });
  });
}
