// Admin: sources and their credentials (set or replace, never shown), API keys (the secret is
// shown once, at creation), users.
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { pageHeader, section, field, button, busy, badge, notice, loading, errorNotice, when, simpleTable, openDialog, confirmDialog, toast, describe, copyButton } from '../ui.js';
import { loadSources, setCredentials, deleteCredentials, setSession, deleteSession, loadKeys, createKey, revokeKey, loadUsers, saveUser, setUserDisabled } from '../data/admin.js';
import { isAbort } from '../api.js';

const ROLES = ['reader', 'operator', 'admin'];

function roleSelect() {
  return h('select', { name: 'role', required: true }, ROLES.map((r) => h('option', { value: r, selected: r === 'reader' }, t(`role.${r}`))));
}

/** A dialog with a form of `fields`; `save(values)` stores them; resolves true when saved. */
function secretDialog(title, note, fields, save) {
  const saved = openDialog(title, (close) => {
    const error = h('div', { 'aria-live': 'assertive' });
    const submit = button(t('common.save'), null, { kind: 'primary', type: 'submit' });
    const form = h('form', { class: 'stack' },
      h('p', { class: 'muted' }, note),
      fields.map((f) => field(f.label, f.control, f.hint)),
      error,
      h('div', { class: 'actions' }, button(t('common.cancel'), () => close(false)), submit));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      await busy(submit, async () => {
        try {
          await save();
          close(true);
        } catch (err) {
          replace(error, errorNotice(err));
        }
      });
    });
    return form;
  });
  return saved.then((value) => value === true); // Escape closes with undefined
}

function credentialsDialog(source) {
  const username = h('input', { type: 'text', name: 'username', required: true, maxlength: '200', autocomplete: 'off', spellcheck: 'false' });
  const password = h('input', { type: 'password', name: 'password', required: true, maxlength: '1000', autocomplete: 'new-password' });
  return secretDialog(t('admin.credentialsTitle', { source: source.name }), t('admin.credentialsNote'),
    [{ label: t('auth.username'), control: username }, { label: t('auth.password'), control: password }],
    () => setCredentials(source.name, { username: username.value.trim(), password: password.value }));
}

function sessionDialog(source) {
  const cookie = h('textarea', { name: 'cookie', required: true, rows: '4', spellcheck: 'false', autocomplete: 'off' });
  const expires = h('input', { type: 'datetime-local', name: 'expiresAt' });
  return secretDialog(t('admin.sessionTitle', { source: source.name }), t('admin.sessionNote'),
    [{ label: t('admin.sessionCookie'), control: cookie, hint: t('admin.sessionCookieHint') },
      { label: t('admin.sessionExpires'), control: expires, hint: t('admin.sessionExpiresHint') }],
    () => setSession(source.name, { cookie: cookie.value.trim(), expiresAt: expires.value ? new Date(expires.value).toISOString() : undefined }));
}

/** Runs a change from a button, confirms it with a toast and redraws the section. */
function action(label, run, done, reload, options = {}) {
  return button(label, async (event, btn) => {
    if (options.confirm && !await confirmDialog(options.confirm, { confirmLabel: label, danger: true })) return;
    await busy(btn, async () => {
      try {
        if (await run() === false) return;
        toast(done);
        await reload();
      } catch (error) {
        toast(describe(error), 'danger');
      }
    });
  }, { kind: options.danger ? 'danger' : 'secondary', 'aria-label': options.ariaLabel });
}

function secretsText(s) {
  if (!s.portal) return h('span', { class: 'muted' }, t('admin.notNeeded'));
  const x = s.secrets;
  return h('div', null,
    badge(x.set ? 'on' : 'off'), ' ', x.set ? t('admin.credentialsSet') : t('admin.credentialsNotSet'),
    x.origin ? h('small', { class: 'muted' }, ` (${t(`admin.origin.${x.origin}`)})`) : null,
    x.lastLogin ? h('small', { class: 'muted block' }, t('admin.lastLogin'), ': ', when(x.lastLogin, { relative: true })) : null,
    x.refusedLogins ? h('small', { class: 'block error-text' }, t('admin.refusedLogins', { count: x.refusedLogins })) : null,
    x.pausedUntil ? h('small', { class: 'block error-text' }, t('admin.pausedUntil'), ' ', when(x.pausedUntil)) : null,
    s.kind === 'regtech'
      ? h('small', { class: 'block' }, t('admin.session'), ': ', x.session.set ? h('span', null, t('admin.sessionUntil'), ' ', when(x.session.expiresAt)) : t('admin.noSession'))
      : null);
}

async function sourcesSection(signal) {
  const holder = h('div', null, loading());
  const reload = async () => {
    const sources = await loadSources(signal);
    replace(holder, simpleTable(t('admin.sources'), [
      { label: t('common.source'), value: (s) => h('span', null, h('strong', null, s.name), h('small', { class: 'muted block' }, s.kind || '—')) },
      { label: t('common.state'), value: (s) => badge(s.enabled ? 'enabled' : 'disabled') },
      { label: t('collection.schedule'), value: (s) => (s.schedule ? h('code', null, s.schedule) : '—') },
      { label: t('admin.credentials'), value: secretsText, className: 'wrap' },
      {
        label: t('common.actions'),
        value: (s) => (s.portal ? h('div', { class: 'row-actions' },
          action(s.secrets.set ? t('admin.replaceCredentials') : t('admin.setCredentials'), () => credentialsDialog(s), t('admin.credentialsSaved', { source: s.name }), reload,
            { ariaLabel: t('admin.credentialsFor', { source: s.name }) }),
          s.secrets.origin === 'stored'
            ? action(t('admin.forgetCredentials'), () => deleteCredentials(s.name), t('admin.credentialsForgotten', { source: s.name }), reload,
              { danger: true, confirm: t('admin.forgetCredentialsConfirm', { source: s.name }) })
            : null,
          s.kind === 'regtech'
            ? action(t('admin.pasteSession'), () => sessionDialog(s), t('admin.sessionSaved', { source: s.name }), reload)
            : null,
          s.kind === 'regtech' && s.secrets.session.set
            ? action(t('admin.forgetSession'), () => deleteSession(s.name), t('admin.sessionForgotten', { source: s.name }), reload, { danger: true })
            : null) : ''),
      },
    ], sources));
  };
  await reload();
  return section(t('admin.sources'), holder);
}

function keysSection(keys, reload) {
  if (keys === null) return section(t('admin.keys'), notice('info', t('admin.keysUnavailable')));
  const name = h('input', { type: 'text', name: 'name', required: true, maxlength: '100', autocomplete: 'off' });
  const role = roleSelect();
  const expires = h('input', { type: 'date', name: 'expires', min: new Date().toISOString().slice(0, 10) });
  const cidrs = h('input', { type: 'text', name: 'cidrs', autocomplete: 'off', spellcheck: 'false' });
  const submit = button(t('admin.createKey'), null, { kind: 'primary', type: 'submit' });
  const shown = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'stack', 'aria-label': t('admin.createKey') },
    h('div', { class: 'form-grid' },
      field(t('admin.keyName'), name),
      field(t('admin.role'), role),
      field(t('lists.expiresLabel'), expires, t('admin.keyExpiresHint')),
      field(t('admin.allowedCidrs'), cidrs, t('admin.allowedCidrsHint'))),
    h('div', { class: 'actions' }, submit),
    shown);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    await busy(submit, async () => {
      try {
        const request = { name: name.value.trim(), role: role.value };
        if (expires.value) request.expiresAt = new Date(`${expires.value}T23:59:59`).toISOString();
        const allowed = cidrs.value.split(/[\s,]+/).filter(Boolean);
        if (allowed.length) request.allowedCidrs = allowed;
        const { secret } = await createKey(request);
        form.reset();
        replace(shown, h('div', { class: 'secret', role: 'alert' },
          h('p', null, h('strong', null, t('admin.keyShownOnce'))),
          h('div', { class: 'copy-row' },
            h('input', { type: 'text', readonly: true, value: secret ?? '', class: 'mono', 'aria-label': t('admin.newKey') }),
            copyButton(secret ?? ''))));
        await reload();
      } catch (error) {
        replace(shown, errorNotice(error));
      }
    });
  });
  return section(t('admin.keys'),
    keys.length ? simpleTable(t('admin.keys'), [
      { label: t('admin.keyName'), value: (k) => h('span', null, k.name, h('code', { class: 'muted block' }, k.keyId)) },
      { label: t('admin.role'), value: (k) => k.role || '—' },
      { label: t('common.added'), value: (k) => h('span', null, when(k.createdAt), h('small', { class: 'muted block' }, k.createdBy)) },
      { label: t('common.expires'), value: (k) => (k.expiresAt ? when(k.expiresAt) : t('common.never')) },
      { label: t('admin.lastUsed'), value: (k) => when(k.lastUsedAt, { relative: true }) },
      { label: t('admin.allowedCidrs'), value: (k) => k.allowedCidrs.join(', ') || t('admin.anywhere') },
      {
        label: t('common.actions'),
        value: (k) => (k.revokedAt ? h('span', null, badge('revoked'), ' ', when(k.revokedAt)) : button(t('admin.revoke'), async (e, btn) => {
          if (!await confirmDialog(t('admin.revokeConfirm', { name: k.name }), { confirmLabel: t('admin.revoke'), danger: true })) return;
          await busy(btn, async () => {
            try {
              await revokeKey(k.id);
              toast(t('admin.revoked', { name: k.name }));
              await reload();
            } catch (error) {
              toast(describe(error), 'danger');
            }
          });
        }, { kind: 'danger', 'aria-label': t('admin.revokeLabel', { name: k.name }) })),
      },
    ], keys) : notice('info', t('admin.noKeys')),
    h('h3', null, t('admin.createKey')),
    form);
}

function usersSection(users, reload) {
  if (users === null) return section(t('admin.users'), notice('info', t('admin.usersUnavailable')));
  const username = h('input', { type: 'text', name: 'username', required: true, maxlength: '100', autocomplete: 'off', spellcheck: 'false' });
  const password = h('input', { type: 'password', name: 'password', required: true, minlength: '12', maxlength: '1000', autocomplete: 'new-password' });
  const role = roleSelect();
  const submit = button(t('admin.saveUser'), null, { kind: 'primary', type: 'submit' });
  const status = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'stack', 'aria-label': t('admin.saveUser') },
    h('p', { class: 'muted' }, t('admin.saveUserNote')),
    h('div', { class: 'form-grid' }, field(t('auth.username'), username), field(t('auth.password'), password, t('admin.passwordHint')), field(t('admin.role'), role)),
    h('div', { class: 'actions' }, submit), status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    await busy(submit, async () => {
      try {
        await saveUser({ name: username.value.trim(), password: password.value, role: role.value });
        form.reset();
        replace(status, notice('ok', t('admin.userSaved')));
        await reload();
      } catch (error) {
        replace(status, errorNotice(error));
      }
    });
  });
  const stateOf = (u) => (u.disabled ? 'disabled' : u.lockedUntil && new Date(u.lockedUntil) > new Date() ? 'locked' : 'enabled');
  return section(t('admin.users'),
    users.length ? simpleTable(t('admin.users'), [
      { label: t('auth.username'), value: (u) => h('strong', null, u.name) },
      { label: t('admin.role'), value: (u) => t(`role.${u.role}`) },
      { label: t('common.state'), value: (u) => h('span', null, badge(stateOf(u)), u.failedLogins ? h('small', { class: 'muted block' }, t('admin.failedLogins', { count: u.failedLogins })) : null) },
      { label: t('common.added'), value: (u) => when(u.createdAt) },
      {
        label: t('common.actions'),
        value: (u) => button(u.disabled ? t('admin.enableUser') : t('admin.disableUser'), async (e, btn) => {
          if (!u.disabled && !await confirmDialog(t('admin.disableUserConfirm', { name: u.name }), { confirmLabel: t('admin.disableUser'), danger: true })) return;
          await busy(btn, async () => {
            try {
              await setUserDisabled(u.name, !u.disabled);
              await reload();
            } catch (error) {
              toast(describe(error), 'danger');
            }
          });
        }, { kind: u.disabled ? 'secondary' : 'danger', 'aria-label': t(u.disabled ? 'admin.enableUserLabel' : 'admin.disableUserLabel', { name: u.name }) }),
      },
    ], users) : notice('info', t('common.none')),
    h('h3', null, t('admin.saveUser')),
    form);
}

export async function render({ main, signal, ready }) {
  const sourcesHolder = h('div', null, loading());
  const keysHolder = h('div', null, loading());
  const usersHolder = h('div', null, loading());
  main.append(pageHeader(t('admin.title'), t('admin.intro')), sourcesHolder, keysHolder, usersHolder);

  const reloadKeys = async () => replace(keysHolder, keysSection(await loadKeys(signal), reloadKeys));
  const reloadUsers = async () => replace(usersHolder, usersSection(await loadUsers(signal), reloadUsers));
  const guard = (holder, promise) => promise.catch((error) => {
    if (!isAbort(error)) replace(holder, errorNotice(error));
  });

  await Promise.all([
    guard(sourcesHolder, sourcesSection(signal).then((el) => replace(sourcesHolder, el))),
    guard(keysHolder, reloadKeys()),
    guard(usersHolder, reloadUsers()),
  ]);
  if (!signal.aborted) ready();
}
