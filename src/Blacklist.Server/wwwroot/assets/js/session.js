// Who is signed in and what their role allows. Without the auth endpoints (a server built
// before access control) everyone may do everything, and the login page says so.
import { api, ApiError, forgetCsrfToken } from './api.js';

const RANK = { reader: 1, operator: 2, admin: 3 };

let session = { name: null, role: null, signedIn: false, authEnabled: true };

function highestRole(body) {
  const roles = [].concat(body.role ?? [], body.roles ?? []).map((r) => String(r).toLowerCase());
  return roles.reduce((best, r) => ((RANK[r] ?? 0) > (RANK[best] ?? 0) ? r : best), null);
}

export async function loadSession() {
  try {
    // Signed out is {authenticated: false}; older servers answered 401 instead (handled below).
    const body = await api('/api/auth/me');
    session = body.authenticated === false
      ? { name: null, role: null, signedIn: false, authEnabled: true }
      : { name: body.name ?? body.username ?? null, role: highestRole(body), signedIn: true, authEnabled: true };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.status === 404) session = { name: null, role: 'admin', signedIn: true, authEnabled: false };
    else if (error.status === 401) session = { name: null, role: null, signedIn: false, authEnabled: true };
    else throw error;
  }
  return session;
}

export function current() {
  return session;
}

/** True when the signed-in role reaches `role` (reader < operator < admin). */
export function can(role) {
  if (!role) return true;
  return (RANK[session.role] ?? 0) >= RANK[role];
}

export async function login(username, password) {
  forgetCsrfToken();
  await api('/api/auth/login', { method: 'POST', body: { username, password } });
  forgetCsrfToken(); // a new session comes with a new token
  return loadSession();
}

export async function logout() {
  try {
    await api('/api/auth/logout', { method: 'POST' });
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 404) throw error;
  }
  forgetCsrfToken();
  session = { name: null, role: null, signedIn: false, authEnabled: session.authEnabled };
}
