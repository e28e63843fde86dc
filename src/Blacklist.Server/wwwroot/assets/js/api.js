// The one way the dashboard talks to the service: same-origin cookies, a CSRF header on writes,
// problem+json errors turned into messages a person can act on.
import { t } from './i18n.js';

/** An HTTP or network failure; `status` is 0 when the service could not be reached. */
export class ApiError extends Error {
  constructor(status, message, problem = null, retryAfter = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfter = retryAfter; // seconds, on 429 and 423
  }
}

/** Runs `call`; when the service says 429 (rate limit), waits as long as it asks and tries again. */
export async function politely(call, { signal, attempts = 5 } = {}) {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 429 || attempt >= attempts) throw error;
      await new Promise((resolve, reject) => {
        const timer = setTimeout(resolve, Math.min(60, error.retryAfter ?? 5) * 1000);
        signal?.addEventListener('abort', () => { clearTimeout(timer); reject(new DOMException('aborted', 'AbortError')); }, { once: true });
      });
    }
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Sent with every request: it tells the service a script is asking, so a 401 must not carry a
 * Basic challenge (a browser would answer that with its own password dialog; the dashboard
 * shows its login page instead).
 */
const SCRIPT_HEADERS = { 'X-Requested-With': 'XMLHttpRequest' };

/** Cookie names a CSRF token may arrive in (readable by script, unlike the session cookie). */
const CSRF_COOKIES = ['XSRF-TOKEN', 'blacklist-csrf', 'csrf-token'];

let csrfToken;          // undefined: not asked yet; '': the service has no CSRF endpoint
let onUnauthorized = () => {};

/** The app decides what a 401 means (go to the login page). */
export function setUnauthorizedHandler(handler) {
  onUnauthorized = handler;
}

export function forgetCsrfToken() {
  csrfToken = undefined;
}

function cookie(name) {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

async function csrfHeader() {
  for (const name of CSRF_COOKIES) {
    const value = cookie(name);
    if (value) return value;
  }
  if (csrfToken === undefined) {
    csrfToken = '';
    try {
      const response = await fetch('/api/auth/csrf', { credentials: 'same-origin', headers: { Accept: 'application/json', ...SCRIPT_HEADERS } });
      if (response.ok) {
        const body = await response.json();
        csrfToken = body.token ?? body.requestToken ?? body.csrfToken ?? '';
      }
    } catch {
      csrfToken = undefined; // try again with the next write
    }
  }
  return csrfToken || null;
}

function url(path, query) {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** The sentence to show for a failed response, from its problem details when it has them. */
function messageFor(status, problem, response) {
  if (status === 401) return t('error.unauthorized');
  if (status === 403) return t('error.forbidden');
  if (status === 429) {
    const retry = response.headers.get('Retry-After');
    return retry ? t('error.rateLimitedRetry', { seconds: retry }) : t('error.rateLimited');
  }
  if (problem) {
    const parts = [problem.detail || problem.title].filter(Boolean);
    if (problem.errors && typeof problem.errors === 'object') {
      for (const [field, messages] of Object.entries(problem.errors)) {
        parts.push(`${field}: ${[].concat(messages).join(' ')}`);
      }
    }
    if (parts.length) return parts.join(' — ');
  }
  if (status === 404) return t('error.notFound');
  if (status >= 500) return t('error.server', { status });
  return t('error.http', { status });
}

function looksLikeCsrfFailure(error) {
  return (error.status === 400 || error.status === 403)
    && /csrf|antiforgery|xsrf/i.test(JSON.stringify(error.problem ?? error.message));
}

async function send(path, options, retried) {
  const { method = 'GET', body, query, signal, headers = {} } = options;
  const init = { method, credentials: 'same-origin', signal, headers: { Accept: 'application/json, text/plain;q=0.9', ...SCRIPT_HEADERS, ...headers } };
  if (body !== undefined) {
    if (body instanceof FormData || body instanceof Blob || typeof body === 'string') {
      init.body = body;
      if (typeof body === 'string') init.headers['Content-Type'] ??= 'text/plain; charset=utf-8';
    } else {
      init.body = JSON.stringify(body);
      init.headers['Content-Type'] = 'application/json';
    }
  }
  // Signing in needs no token (there is no session to forge yet).
  if (!SAFE_METHODS.has(method) && path !== '/api/auth/login') {
    const token = await csrfHeader();
    if (token) init.headers['X-CSRF-Token'] = token;
  }

  let response;
  try {
    response = await fetch(url(path, query), init);
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, t('error.network'));
  }

  const type = response.headers.get('Content-Type') ?? '';
  const isJson = /json/i.test(type);
  if (response.ok) {
    if (response.status === 204 || response.status === 205) return null;
    return isJson ? response.json() : response.text();
  }

  let problem = null;
  if (isJson) {
    try { problem = await response.json(); } catch { problem = null; }
  }
  const retryAfter = Number(response.headers.get('Retry-After')) || null;
  const error = new ApiError(response.status, messageFor(response.status, problem, response), problem, retryAfter);
  if (!retried && !SAFE_METHODS.has(method) && looksLikeCsrfFailure(error)) {
    forgetCsrfToken();
    return send(path, options, true);
  }
  if (response.status === 401 && !path.startsWith('/api/auth/')) onUnauthorized();
  throw error;
}

/**
 * api('/api/stats') → parsed JSON (or text); throws ApiError with a readable message.
 * Options: method, body (object → JSON), query (object), signal, headers.
 */
export function api(path, options = {}) {
  return send(path, options, false);
}

/** Like api(), but a 404 (endpoint not on this server yet) gives `fallback` instead of an error. */
export async function optional(path, fallback = null, options = {}) {
  try {
    return await api(path, options);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 405)) return fallback;
    throw error;
  }
}

export function isAbort(error) {
  return error?.name === 'AbortError';
}
