// The committee report's charts, as inline SVG: the coverage per retningslinje, the revision
// timeline on a time scale, and the development across revisions. Every series carries its counts
// in data attributes (data-series, data-count), so a test can check they equal the text.
import type { Report } from '../audit.js';
import { t } from '../messages.js';
import type { Category, CategoryCounts, GroupCoverage } from './committee.js';
import { longDate, usedCategories } from './committee.js';
import { escapeHtml } from '../safe-text.js';

export const COLOURS: Record<Category, string> = {
  met: '#2e7d32',
  skal: '#c62828',
  bør: '#ef6c00',
  baselined: '#8d6e63',
  declared: '#1565c0',
  mentioned: '#64b5f6',
  notMentioned: '#bdbdbd',
  notDeclared: '#e0e0e0',
  optional: '#d7ccc8',
};

const e = escapeHtml;

function legend(categories: readonly Category[], x0: number, y: number, width: number): { svg: string; height: number } {
  const items: string[] = [];
  let x = x0;
  let row = 0;
  for (const c of categories) {
    const label = t(`committee.cat.${c}`);
    const w = 18 + label.length * 6.4;
    if (x + w > width && x > x0) {
      x = x0;
      row++;
    }
    const yy = y + row * 16;
    items.push(`<rect x="${x}" y="${yy - 9}" width="10" height="10" fill="${COLOURS[c]}"/><text x="${x + 14}" y="${yy}">${e(label)}</text>`);
    x += w + 10;
  }
  return { svg: `<g class="legend">${items.join('')}</g>`, height: (row + 1) * 16 };
}

/** Horizontal stacked bars: one per retningslinje, named, with the number of gaps at the end. */
export function coverageChart(groups: readonly GroupCoverage[], total: CategoryCounts): string {
  const used = usedCategories(total);
  const rowHeight = 20;
  const labelWidth = 390;
  const width = 760;
  const max = Math.max(1, ...groups.map((g) => used.reduce((n, c) => n + g.counts[c], 0)));
  const scale = (width - labelWidth - 70) / max;
  const rows = groups.map((g, i) => {
    let x = labelWidth;
    const y = 4 + i * rowHeight;
    const rects = used
      .filter((c) => g.counts[c] > 0)
      .map((c) => {
        const w = g.counts[c] * scale;
        const r = `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${rowHeight - 6}" fill="${COLOURS[c]}" data-series="${c}" data-count="${g.counts[c]}"><title>${e(`${g.title}: ${g.counts[c]} ${t(`committee.cat.${c}`).toLowerCase()}`)}</title></rect>`;
        x += w;
        return r;
      });
    const gaps = g.counts.skal + g.counts.bør;
    const count = gaps > 0 ? `<text x="${(x + 4).toFixed(1)}" y="${y + 11}" class="count">${e(t('chart.gaps', { count: gaps }))}</text>` : '';
    return `<g class="bar"><text x="${labelWidth - 6}" y="${y + 11}" text-anchor="end">${e(g.label)}</text>${rects.join('')}${count}</g>`;
  });
  const top = 4 + groups.length * rowHeight + 14;
  const key = legend(used, labelWidth, top, width);
  const height = top + key.height;
  const caption = t('committee.chartCaption');
  return `<figure class="chart" id="diagram-retningslinjer"><svg role="img" aria-label="${e(caption)}" viewBox="0 0 ${width} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg">${rows.join('')}${key.svg}</svg></figure>`;
}

/** Days since 1970 of an ISO date (years before 100 as written). */
function day(iso: string): number {
  const at = new Date(0);
  at.setUTCFullYear(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return at.getTime() / 86_400_000;
}

/** The revision's dates on a time scale, with a tick per year; null when fewer than two dates are known. */
export function timeline(report: Report): string | null {
  const s = report.standard;
  const points: { date: string; label: string; kind: string }[] = [];
  if (s.vedtaget.dato) points.push({ date: s.vedtaget.dato, label: t('committee.adopted'), kind: 'adopted' });
  if (s.senestRevideret && s.senestRevideret !== s.vedtaget.dato) points.push({ date: s.senestRevideret, label: t('committee.lastRevised'), kind: 'revised' });
  points.push({ date: report.auditDate, label: t('committee.today'), kind: 'today' });
  if (report.revision.due) points.push({ date: report.revision.due, label: t('committee.due'), kind: `due status-${report.revision.status}` });
  if (points.length < 2) return null;
  points.sort((a, b) => day(a.date) - day(b.date));
  const width = 760;
  const pad = 70;
  const first = day((points[0] as (typeof points)[number]).date);
  const last = day((points[points.length - 1] as (typeof points)[number]).date);
  const span = Math.max(1, last - first);
  const x = (iso: string) => pad + ((day(iso) - first) / span) * (width - 2 * pad);
  const axisY = 46;
  const years: string[] = [];
  const y0 = Number(points[0]?.date.slice(0, 4));
  const y1 = Number(points[points.length - 1]?.date.slice(0, 4));
  // A tick per year, at most a dozen (a longer span ticks every few years).
  const step = Math.max(1, Math.ceil((y1 - y0 + 1) / 12));
  for (let y = y0 + 1; y <= y1; y += step) {
    const iso = `${String(y).padStart(4, '0')}-01-01`;
    years.push(`<line x1="${x(iso).toFixed(1)}" y1="${axisY - 4}" x2="${x(iso).toFixed(1)}" y2="${axisY + 4}" class="tick"/><text x="${x(iso).toFixed(1)}" y="${axisY + 16}" text-anchor="middle" class="year">${y}</text>`);
  }
  // Labels alternate above and below the axis, so near dates do not overlap.
  const marks = points.map((p, i) => {
    const px = x(p.date).toFixed(1);
    const above = i % 2 === 0;
    const ly = above ? axisY - 26 : axisY + 34;
    const anchor = i === 0 ? 'start' : i === points.length - 1 ? 'end' : 'middle';
    return `<g class="mark ${p.kind}"><circle cx="${px}" cy="${axisY}" r="5"/><text x="${px}" y="${ly}" text-anchor="${anchor}"><tspan class="what">${e(p.label)}</tspan><tspan x="${px}" dy="12">${e(longDate(p.date))}</tspan></text></g>`;
  });
  const caption = t('committee.timelineCaption');
  return `<figure class="chart timeline-chart" id="tidslinje"><svg role="img" aria-label="${e(caption)}" viewBox="0 0 ${width} 96" width="100%" xmlns="http://www.w3.org/2000/svg"><line x1="${pad - 20}" y1="${axisY}" x2="${width - pad + 20}" y2="${axisY}" class="axis"/>${years.join('')}${marks.join('')}</svg></figure>`;
}

export interface RevisionTotals {
  label: string;
  met: number;
  skal: number;
  bør: number;
}

/** Columns per revision, oldest first: met requirements and gaps, each with its number on top. */
export function developmentChart(revisions: readonly RevisionTotals[]): string {
  const series = (['met', 'skal', 'bør'] as const).filter((k) => revisions.some((r) => r[k] > 0));
  const width = 760;
  const height = 230;
  const base = 180;
  const max = Math.max(1, ...revisions.flatMap((r) => series.map((k) => r[k])));
  const groupWidth = (width - 40) / Math.max(1, revisions.length);
  const barWidth = Math.min(48, (groupWidth - 30) / Math.max(1, series.length));
  const scale = (base - 30) / max;
  const groups = revisions.map((r, i) => {
    const x0 = 20 + i * groupWidth + (groupWidth - barWidth * series.length) / 2;
    const bars = series.map((k, j) => {
      const h = r[k] * scale;
      const x = x0 + j * barWidth;
      return `<rect x="${x.toFixed(1)}" y="${(base - h).toFixed(1)}" width="${(barWidth - 4).toFixed(1)}" height="${h.toFixed(1)}" fill="${COLOURS[k]}" data-series="${k}" data-count="${r[k]}"/><text x="${(x + (barWidth - 4) / 2).toFixed(1)}" y="${(base - h - 4).toFixed(1)}" text-anchor="middle">${r[k]}</text>`;
    });
    return `<g class="revision">${bars.join('')}<text x="${(20 + i * groupWidth + groupWidth / 2).toFixed(1)}" y="${base + 18}" text-anchor="middle" class="label">${e(r.label)}</text></g>`;
  });
  const key = legend(series, 20, base + 42, width);
  const caption = t('committee.developmentCaption', { count: revisions.length });
  return `<figure class="chart" id="diagram-udvikling"><svg role="img" aria-label="${e(caption)}" viewBox="0 0 ${width} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg"><line x1="10" y1="${base}" x2="${width - 10}" y2="${base}" class="axis"/>${groups.join('')}${key.svg}</svg><figcaption>${e(caption)}</figcaption></figure>`;
}
