// Administration: sources and their credentials, API keys, users.
import { api, optional } from '../api.js';
import { loadStatus } from './collection.js';

/** The sources that log in to a portal (REGTECH, SECUDIUM) are the ones with secrets to manage. */
const PORTAL_KINDS = ['regtech', 'secudium'];

/**
 * Every collected source (from the collection status) and, for portal sources, the state of
 * their secrets from GET /api/sources/{name}/credentials (never the secrets themselves).
 */
export async function loadSources(signal) {
  const status = await loadStatus(signal);
  return Promise.all(status.sources.map(async (source) => {
    const portal = source.credentialsSet !== null || PORTAL_KINDS.includes(source.kind);
    if (!portal) return { ...source, portal, secrets: null };
    const raw = await api(`/api/sources/${encodeURIComponent(source.name)}/credentials`, { signal });
    return {
      ...source,
      portal,
      secrets: {
        set: raw.set,
        origin: raw.origin ?? null,
        lastLogin: raw.lastLogin ?? null,
        session: { set: Boolean(raw.session?.set), expiresAt: raw.session?.expiresAt ?? null },
        refusedLogins: raw.refusedLogins ?? 0,
        pausedUntil: raw.loginsPausedUntil ?? null,
      },
    };
  }));
}

/** Stores (or replaces) a source's account; it is never read back. */
export function setCredentials(source, credentials) {
  return api(`/api/sources/${encodeURIComponent(source)}/credentials`, { method: 'PUT', body: credentials });
}

export function deleteCredentials(source) {
  return api(`/api/sources/${encodeURIComponent(source)}/credentials`, { method: 'DELETE' });
}

/** REGTECH: a browser session cookie used instead of logging in (after SMS 2FA) until it expires. */
export function setSession(source, session) {
  return api(`/api/sources/${encodeURIComponent(source)}/session`, { method: 'PUT', body: session });
}

export function deleteSession(source) {
  return api(`/api/sources/${encodeURIComponent(source)}/session`, { method: 'DELETE' });
}

/** API keys (Api/Keys/KeyBodies.cs KeyView), or null on a server without access control. */
export async function loadKeys(signal) {
  const raw = await optional('/api/keys', null, { signal });
  if (raw === null) return null;
  return raw.map((k) => ({
    id: k.id,
    keyId: k.keyId,
    name: k.name,
    role: k.role,
    allowedCidrs: k.allowedCidrs ?? [],
    createdAt: k.createdAt,
    createdBy: k.createdBy,
    expiresAt: k.expiresAt ?? null,
    lastUsedAt: k.lastUsedAt ?? null,
    revokedAt: k.revokedAt ?? null,
  }));
}

/** Creates a key from { name, role, expiresAt?, allowedCidrs? }; the answer is the only time its text is shown. */
export async function createKey(request) {
  const body = await api('/api/keys', { method: 'POST', body: request });
  return { secret: body.key, details: body.details };
}

export function revokeKey(id) {
  return api(`/api/keys/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** The store's role numbers (Blacklist.Data SecurityRole) as names. */
const ROLE_NAMES = { 1: 'reader', 2: 'operator', 3: 'admin' };

/** Dashboard users (GET /api/auth/users), or null on a server without sign-in. */
export async function loadUsers(signal) {
  const raw = await optional('/api/auth/users', null, { signal });
  if (raw === null) return null;
  return raw.map((u) => ({
    name: u.name,
    role: ROLE_NAMES[u.role] ?? String(u.role).toLowerCase(),
    createdAt: u.createdAt ?? null,
    disabled: Boolean(u.disabled),
    failedLogins: u.failedLogins ?? 0,
    lockedUntil: u.lockedUntil ?? null,
  }));
}

/** Creates a user, or sets an existing one's password and role: { name, password, role }. */
export function saveUser(user) {
  return api('/api/auth/users', { method: 'PUT', body: user });
}

export function setUserDisabled(name, disabled) {
  return api(`/api/auth/users/${encodeURIComponent(name)}/${disabled ? 'disable' : 'enable'}`, { method: 'POST' });
}
