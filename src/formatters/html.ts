// The committee's report: one self-contained HTML file (inline CSS and SVG, nothing from the network),
// readable on a tablet and printed on A4 (also as the PDF for the agenda). It reads in the order a
// committee reads: status and dates, the conclusion, what must be fixed, what is recommended, the
// coverage per retningslinje, the legal references, and what changed. Ids, lines, pointers and YAML
// fixes are in the appendix: the consultant's Markdown report, rendered with marked. Every value from
// a standard is escaped: here with escapeHtml, in the appendix by the Markdown and by marked, which is
// told to show any raw HTML as text and to link only to http(s).
import { Marked } from 'marked';
import type { Report } from '../audit.js';
import { t } from '../messages.js';
import { coverageChart, timeline } from './charts.js';
import { conclusion, gapSentence, gapsAt, groupCoverage, longDate, referencesToUpdate, usedCategories } from './committee.js';
import { markdown } from './markdown.js';
import { cssString, escapeHtml } from '../safe-text.js';

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

const e = escapeHtml;

const section = (id: string, heading: string, content: string, cls = '') => `<section id="${id}"${cls ? ` class="${cls}"` : ''}><h2>${e(heading)}</h2>${content}</section>`;
const list = (items: readonly string[], cls: string) => `<ul class="${cls}">${items.map((i) => `<li>${e(i)}</li>`).join('')}</ul>`;

/** Status and dates: what the standard is, when it was adopted and revised, and when the next revision is due. */
function status(report: Report): string {
  const s = report.standard;
  const unknown = t('committee.unknown');
  const date = (d: string | null) => (d ? longDate(d) : unknown);
  const r = report.revision;
  const tag = r.status === 'overdue' ? ` <strong class="tag status-overdue">${e(t('committee.overdueTag'))}</strong>` : r.status === 'soon' ? ` <strong class="tag status-soon">${e(t('committee.soonTag'))}</strong>` : '';
  const rows: [string, string][] = [
    [t('committee.standard'), [s.titel, s.version].filter(Boolean).join(', ')],
    [t('committee.adopted'), s.vedtaget.dato || s.vedtaget.af ? [s.vedtaget.dato ? longDate(s.vedtaget.dato) : null, s.vedtaget.af].filter(Boolean).join(', ') : unknown],
    [t('committee.lastRevised'), date(s.senestRevideret)],
  ];
  const table = `<table class="facts"><tbody>${rows.map(([k, v]) => `<tr><th scope="row">${e(k)}</th><td>${e(v)}</td></tr>`).join('')}<tr><th scope="row">${e(t('committee.due'))}</th><td>${e(date(r.due))}${tag}</td></tr></tbody></table>`;
  return section('status', t('committee.status'), table + (timeline(report) ?? ''));
}

/** Counts per retningslinje: a chart and the same numbers as a table. */
function coverage(report: Report): string {
  const { groups, total } = groupCoverage(report);
  if (groups.length === 0) return '';
  const used = usedCategories(total);
  const head = `<thead><tr><th>${e(t('committee.group'))}</th>${used.map((c) => `<th>${e(t(`committee.cat.${c}`))}</th>`).join('')}</tr></thead>`;
  const rows = groups.map((g) => `<tr><td>${e(g.label)}</td>${used.map((c) => `<td>${g.counts[c]}</td>`).join('')}</tr>`);
  const sum = `<tr class="total"><td>${e(t('committee.total'))}</td>${used.map((c) => `<td data-series="${c}">${total[c]}</td>`).join('')}</tr>`;
  const table = `<table class="counts">${head}<tbody>${rows.join('')}${sum}</tbody></table>`;
  return section('daekning', t('committee.coverage'), `<p class="intro">${e(t('committee.coverageIntro'))}</p>${coverageChart(groups, total)}${table}`);
}

/** The consultant's report, a heading level down, as the appendix: ids, lines, pointers, YAML fixes. */
function appendix(report: Report): string {
  const body = (marked.parse(markdown([report])) as string)
    // Its own title is the appendix heading's.
    .replace(/^<h1>[\s\S]*?<\/h1>\n?/, '')
    .replace(/<(\/?)h([1-5])>/g, (_, slash: string, n: string) => `<${slash}h${Number(n) + 1}>`);
  return `<section id="bilag" class="appendix"><h2>${e(t('committee.appendix'))}</h2><p class="intro">${e(t('committee.appendixIntro'))}</p>${body}</section>`;
}

/** What the committee report may hold besides the report itself (the review across revisions adds its development). */
export interface CommitteeExtras {
  /** HTML for "what changed since the last revision", placed after the legal references. */
  changes?: string;
}

/** One standard's report for the committee, in reading order, then the appendix. */
export function committeeReport(report: Report, extras: CommitteeExtras = {}): string {
  const skal = gapsAt(report, 'skal').map((f) => gapSentence(f, report));
  const bør = gapsAt(report, 'bør').map((f) => gapSentence(f, report));
  const refs = referencesToUpdate(report);
  const front = `<header class="front"><h1>${e(t('report.title', { titel: report.standard.titel }))}</h1><p class="subtitle">${e(t('committee.subtitle', { kommune: report.standard.kommune, date: longDate(report.auditDate) }))}</p></header>`;
  const parts = [
    front,
    status(report),
    section('konklusion', t('committee.conclusionHeading'), conclusion(report).map((p) => `<p>${e(p)}</p>`).join('')),
    skal.length ? section('skal', t('committee.mustFix'), `<p class="intro">${e(t('committee.mustFixIntro'))}</p>${list(skal, 'gaps gaps-skal')}`) : '',
    bør.length ? section('boer', t('committee.recommended'), `<p class="intro">${e(t('committee.recommendedIntro'))}</p>${list(bør, 'gaps gaps-boer')}`) : '',
    coverage(report),
    section('lovhenvisninger', t('committee.references'), refs.length ? list(refs, 'references') : `<p>${e(t('committee.referencesNone'))}</p>`),
    extras.changes ?? '',
  ];
  return `<article class="report"><div class="committee">${parts.join('')}</div>${appendix(report)}</article>`;
}

const CSS = `
:root { --ink: #1d1d1b; --muted: #5f6368; --line: #d9d9d9; }
* { box-sizing: border-box; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--ink); margin: 0; background: #fafafa; }
main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; background: #fff; }
h1 { font-size: 1.8rem; line-height: 1.2; margin: 0 0 .25rem; }
.subtitle { color: var(--muted); margin: 0 0 1rem; font-size: 1.05rem; }
h2 { font-size: 1.35rem; margin: 1.75rem 0 .6rem; border-bottom: 2px solid var(--line); padding-bottom: .2rem; }
h3 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; }
h4, h5, h6 { font-size: 1rem; margin: 1.1rem 0 .25rem; }
p { margin: .4rem 0 .7rem; }
#konklusion p { font-size: 1.08rem; }
.intro { color: var(--muted); }
ul.gaps, ul.references, ul.changes { padding-left: 1.2rem; }
ul.gaps li, ul.references li, ul.changes li { margin: .3rem 0; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: #f1f3f4; }
table.counts td:not(:first-child), table.counts th:not(:first-child) { text-align: right; }
table.counts tr.total td { font-weight: 600; }
table.facts { width: auto; min-width: 60%; }
table.facts th { font-weight: 600; background: none; padding-right: 1.5rem; }
.tag { margin-left: .4rem; text-transform: uppercase; font-size: .8em; letter-spacing: .03em; }
.status-overdue { color: #c62828; }
.status-soon { color: #ef6c00; }
blockquote { margin: .5rem 0; padding: .25rem 1rem; border-left: 4px solid #90a4ae; background: #f5f7f8; }
code { font-size: .85em; background: #f1f3f4; padding: 0 .2em; overflow-wrap: anywhere; }
.chart { margin: .5rem 0 1rem; }
.chart svg { font-size: 11.5px; fill: var(--ink); }
.chart .count, .chart .year { fill: var(--muted); }
.chart .axis, .chart .tick { stroke: #90a4ae; stroke-width: 1.5; }
.chart .mark circle { fill: #90a4ae; }
.chart .mark.today circle { fill: var(--ink); }
.chart .mark.status-overdue circle { fill: #c62828; }
.chart .mark.status-soon circle { fill: #ef6c00; }
.chart .mark.due circle { fill: #2e7d32; }
.chart .what { font-weight: 600; }
figcaption { color: var(--muted); font-size: .85rem; }
.appendix { margin-top: 3rem; border-top: 3px solid var(--ink); font-size: .92rem; }
.report + .report { border-top: 3px solid var(--ink); margin-top: 3rem; }
@media (max-width: 40rem) { main { padding: 1rem .75rem 2rem; } .chart svg { font-size: 14px; } }
@media print {
  body { background: #fff; font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h1, h2, h3, h4, h5, h6 { break-after: avoid; page-break-after: avoid; }
  tr, li, figure, blockquote, .facts { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .appendix { margin-top: 2rem; font-size: 9pt; }
  .report + .report { break-before: page; border: 0; }
}
`;

/** A4 pages, numbered, with the municipality and the date at the top of each page. */
function pageCss(header: string): string {
  const box = 'font: 8.5pt system-ui, Arial, sans-serif; color: #5f6368;';
  return `@page { size: A4; margin: 18mm 16mm 18mm 18mm; @top-left { content: ${cssString(header)}; ${box} } @bottom-right { content: ${cssString(t('committee.page'))} " " counter(page) " " ${cssString(t('committee.of'))} " " counter(pages); ${box} } }`;
}

/** The HTML document around one or more reports' articles. */
export function htmlDocument(reports: readonly Report[], articles: readonly string[]): string {
  const first = reports[0] as Report;
  const title = reports.length === 1 ? t('report.title', { titel: first.standard.titel }) : t('report.batchTitle', { count: reports.length });
  const header = t('committee.pageHeader', { kommune: reports.length === 1 ? first.standard.kommune : title, date: longDate(first.auditDate) });
  return [
    '<!doctype html>',
    '<html lang="da">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Nothing may be fetched: no scripts at all, styles and images only from the file itself.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${e(title)}</title>`,
    `<style>${CSS}${pageCss(header)}</style>`,
    '</head>',
    '<body>',
    `<main>${articles.join('\n')}</main>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export function html(reports: readonly Report[]): string {
  return htmlDocument(reports, reports.map((r) => committeeReport(r)));
}
