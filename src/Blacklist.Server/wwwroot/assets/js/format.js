// Numbers, dates and ages in the reader's language.
import { language, t } from './i18n.js';

const cache = new Map();
function formatter(kind, options) {
  const key = `${language()}|${kind}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    const locale = language() === 'ko' ? 'ko-KR' : 'en-GB';
    f = kind === 'number' ? new Intl.NumberFormat(locale, options)
      : kind === 'relative' ? new Intl.RelativeTimeFormat(locale, options)
        : new Intl.DateTimeFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

/** 1234567 → "1,234,567"; big integers given as strings (IPv6 address counts) stay exact. */
export function number(value) {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string' && /^\d+$/.test(value)) {
    return value.length > 15 ? bigCount(value) : formatter('number', {}).format(Number(value));
  }
  const n = Number(value);
  if (!Number.isFinite(n)) return String(value);
  if (Math.abs(n) > Number.MAX_SAFE_INTEGER) {
    // IPv6 address counts arrive as JSON numbers beyond double precision: say them as powers of two.
    const bits = Math.log2(n);
    return Number.isInteger(bits) ? `2^${bits}` : `≈ 2^${bits.toFixed(1)}`;
  }
  return formatter('number', {}).format(n);
}

/** A 2^64-sized count is best read as a power of two. */
function bigCount(digits) {
  const n = BigInt(digits);
  const bits = n.toString(2).length - 1;
  return n === 1n << BigInt(bits) ? `2^${bits}` : `≈ 2^${bits}`;
}

export function parseDate(value) {
  if (!value) return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function dateTime(value) {
  const d = parseDate(value);
  return d ? formatter('date', { dateStyle: 'medium', timeStyle: 'short' }).format(d) : '—';
}

export function date(value) {
  const d = parseDate(value);
  return d ? formatter('date', { dateStyle: 'medium' }).format(d) : '—';
}

/** The machine-readable form for <time datetime>. */
export function iso(value) {
  const d = parseDate(value);
  return d ? d.toISOString() : '';
}

const UNITS = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60], ['second', 1]];

/** "3 minutes ago" / "in 2 days", relative to now. */
export function relative(value, now = Date.now()) {
  const d = parseDate(value);
  if (!d) return '—';
  const seconds = Math.round((d.getTime() - now) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size || unit === 'second') {
      return formatter('relative', { numeric: 'auto' }).format(Math.round(seconds / size), unit);
    }
  }
  return '—';
}

/** 95 → "1 min 35 s" in the current language. */
export function duration(seconds) {
  if (seconds === null || seconds === undefined || !Number.isFinite(Number(seconds))) return '—';
  let s = Math.max(0, Math.round(Number(seconds)));
  const d = Math.floor(s / 86400); s -= d * 86400;
  const h = Math.floor(s / 3600); s -= h * 3600;
  const m = Math.floor(s / 60); s -= m * 60;
  const parts = [];
  if (d) parts.push(t('unit.days', { n: d }));
  if (h) parts.push(t('unit.hours', { n: h }));
  if (m && !d) parts.push(t('unit.minutes', { n: m }));
  if (!d && !h) parts.push(t('unit.seconds', { n: s }));
  return parts.join(' ');
}

export function bytes(value) {
  const n = Number(value);
  if (!Number.isFinite(n)) return '—';
  const units = ['B', 'KB', 'MB', 'GB'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i += 1; }
  return `${formatter('number', { maximumFractionDigits: i ? 1 : 0 }).format(v)} ${units[i]}`;
}
