// Hand-written SVG charts: no library, no inline styles (colours come from CSS classes), drawn at
// the container's real width so labels stay legible from 390 px to wide screens.
import { h, s, replace } from './dom.js';
import { number } from './format.js';

const HEIGHT = 220;
const PAD = { top: 12, right: 12, bottom: 28, left: 48 };

/** A round tick step (1, 2, 2.5 or 5 × 10^k, whole numbers only) so that 4 steps cover `value`. */
function niceStep(value) {
  const raw = Math.max(1, value / 4);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const multipliers = magnitude >= 10 ? [1, 2, 2.5, 5, 10] : [1, 2, 5, 10];
  return multipliers.find((m) => m * magnitude >= raw) * magnitude;
}

function draw(width, { labels, series, describe, label }) {
  const innerW = Math.max(10, width - PAD.left - PAD.right);
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const ticks = 4;
  const step = niceStep(Math.max(0, ...series.flatMap((se) => se.values)));
  const max = step * ticks;
  const n = labels.length;
  const x = (i) => PAD.left + (n <= 1 ? innerW / 2 : (i * innerW) / (n - 1));
  const y = (v) => PAD.top + innerH - (v / max) * innerH;

  const svg = s('svg', { width: String(width), height: String(HEIGHT), viewBox: `0 0 ${width} ${HEIGHT}`, role: 'img', 'aria-label': label, class: 'chart' });

  for (let i = 0; i <= ticks; i += 1) {
    const value = step * i;
    const yy = y(value);
    svg.append(
      s('line', { x1: String(PAD.left), x2: String(width - PAD.right), y1: String(yy), y2: String(yy), class: 'grid' }),
      s('text', { x: String(PAD.left - 6), y: String(yy + 4), class: 'axis', 'text-anchor': 'end' }, number(value)));
  }

  const labelEvery = Math.max(1, Math.ceil(n / Math.max(2, Math.floor(innerW / 90))));
  labels.forEach((text, i) => {
    if (i % labelEvery === 0 || i === n - 1) {
      const anchor = i === 0 ? 'start' : i === n - 1 ? 'end' : 'middle';
      svg.append(s('text', { x: String(x(i)), y: String(HEIGHT - 8), class: 'axis', 'text-anchor': anchor }, text.slice(5)));
    }
  });

  for (const se of series) {
    const points = se.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
    if (n > 0) {
      svg.append(
        s('polygon', { points: `${x(0)},${y(0)} ${points} ${x(n - 1)},${y(0)}`, class: `area ${se.className}` }),
        s('polyline', { points, class: `line ${se.className}` }));
    }
  }

  // One invisible column per day carries a native tooltip with that day's numbers.
  const column = n > 1 ? innerW / (n - 1) : innerW;
  labels.forEach((text, i) => {
    svg.append(s('rect', { x: String(x(i) - column / 2), y: String(PAD.top), width: String(column), height: String(innerH), class: 'hover' },
      s('title', null, describe(i))));
  });
  return svg;
}

/**
 * A line chart of daily series. options: { labels: ['YYYY-MM-DD'…], series: [{ name, values, className }],
 * label (accessible name), describe(i) → tooltip text }. The same data is offered as a table by the caller.
 */
export function lineChart(options) {
  const host = h('div', { class: 'chart-host' });
  let lastWidth = 0;
  const render = () => {
    const width = Math.floor(host.clientWidth);
    if (!width || width === lastWidth) return;
    lastWidth = width;
    replace(host, draw(width, options));
  };
  const observer = new ResizeObserver(() => requestAnimationFrame(render));
  observer.observe(host);
  return host;
}

export function legend(series) {
  return h('ul', { class: 'legend' }, series.map((se) => h('li', null,
    s('svg', { width: '12', height: '12', viewBox: '0 0 12 12', 'aria-hidden': 'true' }, s('rect', { width: '12', height: '12', class: `swatch ${se.className}` })),
    ' ', se.name)));
}

/** A ranked list with a proportional bar per item; readable as a plain list without the bars. */
export function barList(items, { label, limit = 10, format = number } = {}) {
  const top = items.slice(0, limit);
  const max = Math.max(1, ...top.map((item) => item.value));
  return h('ol', { class: 'bars', 'aria-label': label }, top.map((item) => h('li', null,
    h('span', { class: 'bar-label', title: item.label }, item.label),
    s('svg', { class: 'bar', viewBox: '0 0 100 10', preserveAspectRatio: 'none', 'aria-hidden': 'true' },
      s('rect', { width: String(Math.max(0.5, (item.value / max) * 100)), height: '10' })),
    h('span', { class: 'bar-value' }, format(item.value)))));
}
