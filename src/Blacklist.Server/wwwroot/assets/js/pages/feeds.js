// Feeds: every URL a firewall can pull, with copy buttons, the exact FortiGate and Palo Alto
// configuration to paste, and which clients pull what.
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';
import * as fmt from '../format.js';
import { pageHeader, section, notice, loading, errorNotice, when, simpleTable, copyButton } from '../ui.js';
import { BUILT_IN_FEEDS, loadProfiles, loadPulls } from '../data/feeds.js';
import { isAbort } from '../api.js';
import { can } from '../session.js';

/** "fortigate · at most 128,000 entries · serves 1,000 of 1,200 · sources: a, b" */
function profileSummary(p) {
  return [
    p.format,
    p.family && p.family !== 'any' && p.family !== 'both' ? p.family : null,
    p.maxEntries ? t('feeds.maxEntries', { n: fmt.number(p.maxEntries) }) : null,
    p.totalEntries !== null ? t('feeds.served', { served: fmt.number(p.servedEntries), total: fmt.number(p.totalEntries) }) : null,
    p.sources.length ? t('feeds.fromSources', { sources: p.sources.join(', ') }) : null,
    p.minConfidence ? t('feeds.minConfidence', { n: p.minConfidence }) : null,
  ].filter(Boolean).join(' · ');
}

function urlRow(name, description, url) {
  return h('li', { class: 'feed' },
    h('div', { class: 'feed-head' }, h('strong', null, name), description ? h('span', { class: 'muted' }, ` — ${description}`) : null),
    h('div', { class: 'copy-row' },
      h('input', { type: 'text', readonly: true, value: url, 'aria-label': t('feeds.urlOf', { name }), class: 'mono', onFocus: (e) => e.target.select() }),
      copyButton(url, t('feeds.copyUrlOf', { name }))));
}

function snippet(title, text) {
  return h('div', { class: 'snippet' },
    h('div', { class: 'snippet-head' }, h('h3', null, title), copyButton(text, t('feeds.copySnippet', { name: title }))),
    h('pre', { tabindex: '0' }, h('code', null, text)));
}

export function fortigateConfig(url) {
  return [
    'config system external-resource',
    '    edit "blacklist"',
    '        set type address',
    `        set resource "${url}"`,
    '        set username "feed"',
    '        set password <FEED-KEY>',
    '        set refresh-rate 5',
    '    next',
    'end',
  ].join('\n');
}

export function paloAltoConfig(url) {
  return [
    'configure',
    `set external-list blacklist type ip url "${url}"`,
    'set external-list blacklist type ip recurring five-minute',
    'set external-list blacklist type ip auth username feed password <FEED-KEY>',
    'commit',
  ].join('\n');
}

export async function render({ main, signal, ready }) {
  const origin = location.origin;
  const profilesHolder = h('div', null, loading());
  const pullsHolder = h('div', null, loading());
  main.append(pageHeader(t('feeds.title'), t('feeds.intro')));

  let profiles = [];
  let pulls = null;
  try {
    [profiles, pulls] = await Promise.all([loadProfiles(signal), loadPulls(signal)]);
  } catch (error) {
    if (isAbort(error)) return;
    replace(profilesHolder, errorNotice(error));
  }

  // Prefer a ready-made profile that fits the device (FortiGate 128K/300K, Palo Alto EDL 50K/150K).
  const fortigateFeed = profiles.find((p) => p.format === 'fortigate') ?? profiles.find((p) => /forti/i.test(p.name));
  const paloFeed = profiles.find((p) => p.format === 'edl') ?? profiles.find((p) => /palo|edl/i.test(p.name));
  const fortigateUrl = origin + (fortigateFeed?.path ?? '/api/fortigate');
  const paloUrl = origin + (paloFeed?.path ?? '/api/blacklist/active');

  replace(profilesHolder, profiles.length
    ? h('ul', { class: 'feeds' }, profiles.map((p) => urlRow(p.name, profileSummary(p), origin + p.path)))
    : notice('info', t('feeds.noProfiles')));

  replace(pullsHolder, pulls === null
    ? notice('info', t('feeds.noPullStats'))
    : pulls.length
      ? simpleTable(t('feeds.pulls'), [
        { label: t('feeds.feed'), value: (p) => p.feed },
        { label: t('feeds.client'), value: (p) => h('code', null, p.client) },
        { label: t('feeds.lastPull'), value: (p) => when(p.lastPull, { relative: true }) },
        { label: t('feeds.pullCount'), value: (p) => fmt.number(p.count), className: 'num' },
        { label: t('feeds.lastEtag'), value: (p) => (p.etag ? h('code', null, p.etag) : '—') },
      ], pulls)
      : notice('info', t('feeds.noPulls')));

  main.append(
    section(t('feeds.builtIn'), h('ul', { class: 'feeds' }, BUILT_IN_FEEDS.map((f) => urlRow(t(`feeds.name.${f.id}`), t(`feeds.desc.${f.id}`), origin + f.path)))),
    section(t('feeds.profiles'), profilesHolder),
    section(t('feeds.auth'), h('p', null, t('feeds.authText')), can('admin') ? h('p', null, h('a', { href: '/admin' }, t('feeds.createKey'))) : null),
    section(t('feeds.fortigate'), h('p', null, t('feeds.fortigateText')), snippet(t('feeds.fortigateCli'), fortigateConfig(fortigateUrl))),
    section(t('feeds.paloAlto'), h('p', null, t('feeds.paloAltoText')),
      snippet(t('feeds.paloAltoCli'), paloAltoConfig(paloUrl)),
      h('ol', { class: 'steps' }, [1, 2, 3, 4].map((n) => h('li', null, t(`feeds.paloStep${n}`, { url: paloUrl }))))),
    section(t('feeds.pulls'), pullsHolder));
  ready();
}
