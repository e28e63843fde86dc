// Two languages, Korean and English; every visible string comes from i18n/ko.js or i18n/en.js.
import en from './i18n/en.js';
import ko from './i18n/ko.js';

export const LANGUAGES = { ko, en };
const STORAGE_KEY = 'blacklist.lang';

let current = detect();
const listeners = new Set();

/** The stored choice, else the first of the browser's languages we speak, else English. */
function detect() {
  const stored = safeStorage(() => localStorage.getItem(STORAGE_KEY));
  if (stored && stored in LANGUAGES) return stored;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const primary = String(tag).toLowerCase().split('-')[0];
    if (primary in LANGUAGES) return primary;
  }
  return 'en';
}

function safeStorage(action) {
  try {
    return action();
  } catch {
    return null; // storage can be disabled; the language then lasts for the page only
  }
}

export function language() {
  return current;
}

export function setLanguage(lang) {
  if (!(lang in LANGUAGES) || lang === current) return;
  current = lang;
  safeStorage(() => localStorage.setItem(STORAGE_KEY, lang));
  document.documentElement.lang = lang;
  for (const listener of listeners) listener(lang);
}

export function onLanguageChange(listener) {
  listeners.add(listener);
}

/** t('table.status', { page: 1, pages: 3, count: 120 }) → the current language's text with the values filled in. */
export function t(key, params) {
  const text = LANGUAGES[current][key] ?? LANGUAGES.en[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

document.documentElement.lang = current;
