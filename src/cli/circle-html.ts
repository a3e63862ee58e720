import type { CircleResults } from './circle-output.js';
import { escapeHtml } from './html.js';
import type { Lang } from './render.js';

/** Estates drawn at most: beyond it every k-th is drawn (the page says so), so a city's file stays a page. */
export const MAX_DOTS = 20_000;
/** Services drawn only up to this many: a map of 5 million shops is no map. */
export const MAX_SERVICE_DOTS = 10_000;

const WIDTH = 760;
const HEIGHT = 560;
const MARGIN = 12;

const T = {
  zh: {
    title: '一刻钟社区服务圈',
    covered: '覆盖',
    uncovered: '未覆盖',
    services: '服务网点',
    sampled: (shown: number, all: number) => `居住点过多：每隔若干个画一个（${shown} / ${all}）`,
    servicesLeftOut: (all: number) => `服务网点 ${all} 个，未画出`,
    reach: '直线可达距离',
    projection: '等距圆柱投影（按中心纬度压缩经度），无底图，不联网',
  },
  en: {
    title: '15-minute community service circles',
    covered: 'covered',
    uncovered: 'not covered',
    services: 'services',
    sampled: (shown: number, all: number) =>
      `Too many residential points: every k-th drawn (${shown} of ${all})`,
    servicesLeftOut: (all: number) => `${all} services, not drawn`,
    reach: 'straight-line reach',
    projection: 'equirectangular projection (longitude scaled at the centre latitude), no tiles, no network',
  },
};

/** A projection of the points' bounding box onto the drawing: local equirectangular, north up, aspect kept. */
function projection(lngs: ArrayLike<number>, lats: ArrayLike<number>, count: number) {
  let minLng = Infinity;
  let maxLng = -Infinity;
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (let i = 0; i < count; i++) {
    minLng = Math.min(minLng, lngs[i] as number);
    maxLng = Math.max(maxLng, lngs[i] as number);
    minLat = Math.min(minLat, lats[i] as number);
    maxLat = Math.max(maxLat, lats[i] as number);
  }
  if (count === 0) [minLng, maxLng, minLat, maxLat] = [0, 1, 0, 1];
  const squeeze = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLng - minLng) * squeeze, 1e-9);
  const spanY = Math.max(maxLat - minLat, 1e-9);
  const scale = Math.min((WIDTH - 2 * MARGIN) / spanX, (HEIGHT - 2 * MARGIN) / spanY);
  return {
    x: (lng: number) => (MARGIN + (lng - minLng) * squeeze * scale).toFixed(1),
    y: (lat: number) => (HEIGHT - MARGIN - (lat - minLat) * scale).toFixed(1),
    pixelsPerMetre: scale / METRES_PER_DEGREE,
  };
}

/** Metres in a degree of latitude on the mean sphere (R = 6 371 008.8 m). */
const METRES_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;

/** A scale bar in the lower right: the longest round length (1, 2 or 5 × 10ⁿ m) that fits in 160 px. */
function scaleBar(pixelsPerMetre: number): string {
  let metres = 1;
  for (let n = 0; n < 8; n++)
    for (const step of [1, 2, 5]) if (step * 10 ** n * pixelsPerMetre <= 160) metres = step * 10 ** n;
  const length = metres * pixelsPerMetre;
  const x = WIDTH - MARGIN - length;
  const label = metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
  return `<g class="scale"><line x1="${x.toFixed(1)}" x2="${WIDTH - MARGIN}" y1="${HEIGHT - 6}" y2="${HEIGHT - 6}" stroke="#333" stroke-width="2"/><text x="${WIDTH - MARGIN}" y="${HEIGHT - 10}" text-anchor="end" font-size="11">${label}</text></g>`;
}

/** The SVG dot map: services as small grey squares (when few enough), estates green (covered) or red (not). */
function dotMap(results: CircleResults, lang: Lang): { svg: string; notes: string[] } {
  const { circles, estates, services } = results;
  const t = T[lang];
  const drawServices = services.length <= MAX_SERVICE_DOTS;
  const lngs: number[] = [];
  const lats: number[] = [];
  for (const point of estates) {
    lngs.push(point.lng);
    lats.push(point.lat);
  }
  if (drawServices)
    for (const point of services) {
      lngs.push(point.lng);
      lats.push(point.lat);
    }
  const { x, y, pixelsPerMetre } = projection(lngs, lats, lngs.length);
  const parts: string[] = [];
  if (drawServices)
    for (const s of services)
      parts.push(
        `<rect class="service" x="${x(s.lng)}" y="${y(s.lat)}" width="3" height="3" fill="#9e9e9e"><title>${escapeHtml(`${s.kind} ${s.name ?? ''}`)}</title></rect>`,
      );
  const step = Math.max(1, Math.ceil(estates.length / MAX_DOTS));
  for (let i = 0; i < estates.length; i += step) {
    const point = estates[i];
    if (point === undefined) continue;
    const covered = circles.covered[i] === 1;
    const label = `${point.name ?? ''} ${point.unit ?? ''} ${covered ? t.covered : t.uncovered}`;
    parts.push(
      `<circle class="${covered ? 'covered' : 'uncovered'}" cx="${x(point.lng)}" cy="${y(point.lat)}" r="4" fill="${covered ? '#2e7d32' : '#c62828'}" fill-opacity="0.8"><title>${escapeHtml(label)}</title></circle>`,
    );
  }
  const notes = [t.projection];
  if (step > 1) notes.push(t.sampled(Math.ceil(estates.length / step), estates.length));
  if (!drawServices) notes.push(t.servicesLeftOut(services.length));
  const svg = `<svg id="dot-map" role="img" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" style="border:1px solid #ccc;background:#fafafa">${parts.join('')}${scaleBar(pixelsPerMetre)}</svg>`;
  return { svg, notes };
}

/**
 * The circle results as one self-contained HTML page: the dot map of covered and uncovered residential points (inline
 * SVG, projected, nothing fetched) above the table the other formats give.
 */
export function circleHtml(results: CircleResults, table: string, lang: Lang): string {
  const t = T[lang];
  const { svg, notes } = dotMap(results, lang);
  const { circles } = results;
  const legend = `<p><span style="color:#2e7d32">●</span> ${t.covered} · <span style="color:#c62828">●</span> ${t.uncovered} · <span style="color:#9e9e9e">■</span> ${t.services} · ${t.reach} ${Math.round(circles.reachMetres)} m (${circles.minutes} min)</p>`;
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>${t.title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.25rem .5rem}small{color:#666}</style></head>
<body><h1>${t.title}</h1>
${legend}
<figure>${svg}<figcaption><small>${notes.map(escapeHtml).join(' · ')}</small></figcaption></figure>
${table}
</body></html>
`;
}
