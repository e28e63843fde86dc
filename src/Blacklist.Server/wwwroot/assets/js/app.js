// Start-up and navigation: who is signed in, which page the address names, and the frame
// (top bar, language switch) around it. Pages are loaded on first visit.
import { h, replace } from './dom.js';
import { t, language, setLanguage, onLanguageChange, LANGUAGES } from './i18n.js';
import { setUnauthorizedHandler, isAbort } from './api.js';
import { loadSession, current, can, logout } from './session.js';
import { ROUTES, findRoute } from './routes.js';
import { notice, errorNotice, toast, describe } from './ui.js';

const LOGO = new URL('../favicon.svg', import.meta.url).href;
const main = document.getElementById('main');
const topbar = document.getElementById('topbar');
let controller = null;
let firstRender = true;

/** Client-side navigation; `replaceState` for redirects so Back does not bounce. */
export function navigate(target, { replace: replaceEntry = false } = {}) {
  const url = new URL(target, location.origin);
  if (url.origin !== location.origin || !findRoute(url.pathname)) {
    location.assign(url.href);
    return;
  }
  history[replaceEntry ? 'replaceState' : 'pushState'](null, '', url.pathname + url.search + url.hash);
  render();
}

function loginTarget() {
  const next = location.pathname === '/login' ? '/' : location.pathname + location.search;
  return `/login?next=${encodeURIComponent(next)}`;
}

setUnauthorizedHandler(() => {
  if (location.pathname !== '/login') navigate(loginTarget(), { replace: true });
});

function renderTopbar(activeName) {
  const session = current();
  const nav = h('nav', { class: 'nav', 'aria-label': t('nav.label') },
    h('ul', null, ROUTES.filter((route) => !route.hidden && session.signedIn && can(route.role)).map((route) =>
      h('li', null, h('a', { href: route.path, 'aria-current': route.name === activeName ? 'page' : null }, t(`nav.${route.name}`))))));

  const other = language() === 'ko' ? 'en' : 'ko';
  const langButton = h('button', {
    type: 'button',
    class: 'btn btn-ghost lang',
    lang: other,
    'aria-label': LANGUAGES[other]['lang.switchTo'],
    dataset: { lang: other },
    onClick: () => setLanguage(other),
  }, LANGUAGES[other]['lang.name']);

  const user = session.authEnabled && session.signedIn
    ? h('div', { class: 'user' },
      h('span', { class: 'user-name' }, session.name ?? '', ' ', h('span', { class: 'role' }, t(`role.${session.role ?? 'reader'}`))),
      h('button', { type: 'button', class: 'btn btn-ghost', onClick: signOut }, t('auth.logout')))
    : null;

  replace(topbar,
    h('a', { class: 'skip-link', href: '#main' }, t('nav.skip')),
    h('a', { class: 'brand', href: '/' }, h('img', { src: LOGO, alt: '' }), t('app.name')),
    nav,
    h('div', { class: 'topbar-tools' }, user, langButton));
}

async function signOut() {
  try {
    await logout();
    navigate('/login', { replace: true });
  } catch (error) {
    toast(describe(error), 'danger');
  }
}

/** Marks the page as rendered with its data; the browser tests measure load time up to here. */
function readyMarker(name, signal) {
  return () => {
    if (signal.aborted) return;
    main.dataset.ready = name;
    performance.mark(`blacklist:ready:${name}`);
  };
}

async function render() {
  controller?.abort();
  controller = new AbortController();
  const { signal } = controller;
  const route = findRoute(location.pathname);
  delete main.dataset.ready;

  const session = current();
  if (route && !route.public && !session.signedIn) {
    navigate(loginTarget(), { replace: true });
    return;
  }

  renderTopbar(route?.name);
  document.title = `${route ? t(`nav.${route.name}`) : t('error.pageNotFound')} · ${t('app.name')}`;
  main.replaceChildren();
  const ready = readyMarker(route?.name ?? 'not-found', signal);

  if (!route) {
    main.append(h('h1', { tabindex: '-1' }, t('error.pageNotFound')), h('p', null, h('a', { href: '/' }, t('nav.overview'))));
    ready();
  } else if (!can(route.role)) {
    main.append(h('h1', { tabindex: '-1' }, t(`nav.${route.name}`)), notice('warn', t('error.roleRequired', { role: t(`role.${route.role}`) })));
    ready();
  } else {
    try {
      const page = await route.load();
      if (signal.aborted) return;
      await page.render({ main, params: new URLSearchParams(location.search), signal, ready, navigate });
    } catch (error) {
      if (isAbort(error) || signal.aborted) return;
      main.append(errorNotice(error));
      ready();
    }
  }

  // Move focus to the new page's heading so screen readers announce it (not on first load, and
  // not when the page itself placed focus, e.g. on a tab it switched to).
  if (!firstRender && !signal.aborted && !main.contains(document.activeElement)) main.querySelector('h1')?.focus();
  firstRender = false;
}

document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target.closest('a[href]');
  if (!link || link.target || link.hasAttribute('download')) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || !findRoute(url.pathname)) return;
  if (url.pathname === location.pathname && url.search === location.search && url.hash) return; // in-page anchor
  event.preventDefault();
  navigate(url.pathname + url.search);
});

window.addEventListener('popstate', render);

// A failure nobody caught still tells the operator something went wrong (and stays in the console).
window.addEventListener('unhandledrejection', (event) => {
  if (!isAbort(event.reason)) toast(describe(event.reason), 'danger');
});
onLanguageChange(render);

async function start() {
  // Fetch the page's code while asking who is signed in.
  findRoute(location.pathname)?.load().catch(() => {});
  try {
    await loadSession();
  } catch (error) {
    renderTopbar(null);
    main.replaceChildren(errorNotice(error));
    main.dataset.ready = 'error';
    return;
  }
  await render();
}

start();
