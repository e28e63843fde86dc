// Sign-in. The session is an HttpOnly cookie set by the service; nothing secret is kept here.
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import { field, button, busy, notice, errorNotice } from '../ui.js';
import { login, current } from '../session.js';
import { ApiError } from '../api.js';

/** Only same-site paths are followed after sign-in (no open redirect). */
function safeNext(value) {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/login') ? value : '/';
}

export async function render({ main, params, ready, navigate }) {
  const next = safeNext(params.get('next'));
  const session = current();
  const card = h('div', { class: 'login-card' });
  main.append(card);

  if (!session.authEnabled) {
    replace(card, h('h1', { tabindex: '-1' }, t('auth.title')), notice('info', t('auth.notEnabled')), h('p', null, h('a', { href: next }, t('auth.continue'))));
    ready();
    return;
  }

  const username = h('input', { type: 'text', name: 'username', required: true, autocomplete: 'username', spellcheck: 'false', autocapitalize: 'none' });
  const password = h('input', { type: 'password', name: 'password', required: true, autocomplete: 'current-password' });
  const submit = button(t('auth.signIn'), null, { kind: 'primary', type: 'submit' });
  const error = h('div', { 'aria-live': 'assertive' });
  const form = h('form', { class: 'stack', 'aria-labelledby': 'login-title' },
    field(t('auth.username'), username), field(t('auth.password'), password), error, submit);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    await busy(submit, async () => {
      try {
        await login(username.value.trim(), password.value);
        navigate(next, { replace: true });
      } catch (err) {
        password.value = '';
        password.focus();
        replace(error, err instanceof ApiError && err.status === 401 ? notice('danger', t('auth.failed')) : errorNotice(err));
      }
    });
  });

  replace(card,
    h('h1', { id: 'login-title', tabindex: '-1' }, t('auth.title')),
    session.signedIn ? notice('info', t('auth.alreadySignedIn', { name: session.name ?? '' })) : null,
    form);
  username.focus();
  ready();
}
