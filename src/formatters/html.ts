// The leaders' report: one self-contained HTML file (inline CSS and SVG, nothing from the network),
// readable on screen and on paper. The body is the Markdown report rendered with marked; the
// revision timeline and the charts are drawn here. Every value from a standard is escaped: the
// Markdown escapes it, and marked is told to show any raw HTML as text and to link only to http(s).
import { Marked } from 'marked';
import type { Report } from '../audit.js';
import { LEVELS } from '../checklist.js';
import { t } from '../messages.js';
import { markdown } from './markdown.js';
import { escapeHtml } from './safe-text.js';
import { groupTitle, revisionText } from './view.js';

/** marked, set up for untrusted text: shared by every HTML report. */
export const marked = new Marked({
  gfm: true,
  // A web address in a standard's text stays text too: no links to anywhere.
  tokenizer: { url: () => undefined },
  renderer: {
    // The Markdown escapes every value from the input; these are the second line of defence.
    // HTML is shown, never interpreted.
    html: (token) => escapeHtml(token.text),
    // Only an http(s) address becomes a link; any other (javascript:, data:, a relative path) stays text.
    link(token) {
      const text = this.parser.parseInline(token.tokens);
      return /^https?:\/\//i.test(token.href) ? `<a href="${escapeHtml(token.href)}">${text}</a>` : text;
    },
    // Nothing may be fetched, not even an image: its description is shown instead.
    image: (token) => escapeHtml(token.text),
  },
});

const COLOURS = { met: '#2e7d32', skal: '#c62828', bør: '#ef6c00', declared: '#1565c0', notDeclared: '#bdbdbd' };

interface Bar {
  label: string;
  title: string;
  met: number;
  skal: number;
  bør: number;
  declared: number;
  notDeclared: number;
}

function barChart(id: string, caption: string, bars: readonly Bar[]): string {
  const rowHeight = 22;
  const labelWidth = 110;
  const width = 640;
  const max = Math.max(1, ...bars.map((b) => b.met + b.skal + b.bør + b.declared + b.notDeclared));
  const scale = (width - labelWidth - 90) / max; // room for the count after the longest bar
  const height = bars.length * rowHeight + 40;
  const parts = (b: Bar) =>
    (['met', 'skal', 'bør', 'declared', 'notDeclared'] as const)
      .map((k) => ({ k, n: b[k] }))
      .filter((p) => p.n > 0);
  const rows = bars.map((b, i) => {
    let x = labelWidth;
    const y = 10 + i * rowHeight;
    const rects = parts(b).map((p) => {
      const w = p.n * scale;
      const r = `<rect x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${rowHeight - 6}" fill="${COLOURS[p.k]}"><title>${escapeHtml(`${b.title}: ${p.n} ${t(`chart.${p.k}`)}`)}</title></rect>`;
      x += w;
      return r;
    });
    const total = b.skal + b.bør;
    return `<g class="bar"><text x="${labelWidth - 6}" y="${y + 12}" text-anchor="end">${escapeHtml(b.label)}</text>${rects.join('')}<text x="${(x + 4).toFixed(1)}" y="${y + 12}" class="count">${total > 0 ? escapeHtml(t('chart.gaps', { count: total })) : ''}</text></g>`;
  });
  const legendY = height - 14;
  const legend = (['met', 'skal', 'bør', 'declared', 'notDeclared'] as const)
    .map((k, i) => `<rect x="${labelWidth + i * 105}" y="${legendY - 9}" width="10" height="10" fill="${COLOURS[k]}"/><text x="${labelWidth + i * 105 + 14}" y="${legendY}">${escapeHtml(t(`chart.${k}`))}</text>`)
    .join('');
  return `<figure class="chart" id="${id}"><svg role="img" aria-label="${escapeHtml(caption)}" viewBox="0 0 ${width} ${height}" width="100%" xmlns="http://www.w3.org/2000/svg">${rows.join('')}${legend}</svg><figcaption>${escapeHtml(caption)}</figcaption></figure>`;
}

function charts(report: Report): string {
  const byGroup: Bar[] = report.summary.groups.map((g) => {
    const sum = (s: keyof (typeof g.byLevel)['skal']) => LEVELS.reduce((n, l) => n + g.byLevel[l][s], 0);
    return {
      label: g.retningslinje.id.startsWith('§') ? g.retningslinje.id.replace(', stk. ', ' stk. ') : g.retningslinje.id,
      title: groupTitle(g.retningslinje),
      met: sum('met'),
      skal: g.gaps.skal,
      bør: g.gaps.bør,
      declared: sum('declared') + sum('deviation_explained'),
      notDeclared: sum('not_declared'),
    };
  });
  const byLevel: Bar[] = LEVELS.map((l) => {
    const c = report.summary.byLevel[l];
    return {
      label: l,
      title: l,
      met: c.met,
      skal: l === 'skal' ? c.missing + c.partly_met : 0,
      bør: l === 'bør' ? c.missing + c.partly_met : 0,
      declared: c.declared + c.deviation_explained,
      notDeclared: c.not_declared,
    };
  });
  return barChart('diagram-retningslinjer', t('chart.byGroup'), byGroup) + barChart('diagram-niveauer', t('chart.byLevel'), byLevel);
}

function timeline(report: Report): string {
  const s = report.standard;
  const unknown = t('report.unknown');
  const items: [string, string][] = [
    [t('report.adopted'), [s.vedtaget.dato, s.vedtaget.af].filter(Boolean).join(', ') || unknown],
    [t('report.lastRevised'), s.senestRevideret ?? unknown],
    [t('report.nextRevision'), report.revision.due ?? unknown],
  ];
  const li = items.map(([k, v]) => `<li><span class="when">${escapeHtml(v)}</span> <span class="what">${escapeHtml(k)}</span></li>`).join('');
  return `<section class="timeline" id="tidslinje"><h2>${escapeHtml(t('report.revision'))}</h2><ol>${li}</ol><p class="status status-${report.revision.status}">${escapeHtml(revisionText(report))}</p></section>`;
}

const CSS = `
:root { --ink: #1d1d1b; --muted: #5f6368; --line: #d9d9d9; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); margin: 0; background: #fafafa; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; background: #fff; }
h1 { font-size: 1.9rem; margin: 0 0 1rem; }
h2 { font-size: 1.4rem; margin: 2rem 0 .75rem; border-bottom: 2px solid var(--line); padding-bottom: .25rem; }
h3 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1.25rem 0 .25rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f1f3f4; }
td:not(:first-child) { text-align: right; }
table:first-of-type td { text-align: left; }
blockquote { margin: .5rem 0; padding: .25rem 1rem; border-left: 4px solid #90a4ae; background: #f5f7f8; }
code { font-size: .85em; background: #f1f3f4; padding: 0 .2em; }
.overview { display: grid; gap: 1rem; }
.chart { margin: 0; }
.chart svg { font-size: 11px; fill: var(--ink); }
.chart .count { fill: var(--muted); }
figcaption { color: var(--muted); font-size: .85rem; }
.timeline ol { list-style: none; padding: 0; display: flex; gap: 2rem; flex-wrap: wrap; }
.timeline li { border-top: 4px solid #90a4ae; padding-top: .4rem; min-width: 10rem; }
.timeline .when { display: block; font-weight: 600; }
.timeline .what { color: var(--muted); }
.status-overdue { color: #c62828; font-weight: 600; }
.status-soon { color: #ef6c00; font-weight: 600; }
.report + .report { border-top: 3px solid var(--ink); margin-top: 3rem; }
@media print {
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  h3, h4 { break-after: avoid; }
  blockquote, figure, table { break-inside: avoid; }
  .report + .report { break-before: page; border: 0; }
}
`;

function one(report: Report): string {
  const body = marked.parse(markdown([report])) as string;
  // The overview (timeline and charts) goes before the first section of the Markdown report.
  const overview = `<section class="overview" id="overblik">${timeline(report)}${charts(report)}</section>`;
  const at = body.indexOf('<h2');
  const html = at < 0 ? body + overview : body.slice(0, at) + overview + body.slice(at);
  return `<article class="report">${html}</article>`;
}

export function html(reports: readonly Report[]): string {
  const title = reports.length === 1 ? t('report.title', { titel: (reports[0] as Report).standard.titel }) : t('report.batchTitle', { count: reports.length });
  return [
    '<!doctype html>',
    '<html lang="da">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing may be fetched: no scripts at all, styles and images only from the file itself.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    `<main>${reports.map(one).join('\n')}</main>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
