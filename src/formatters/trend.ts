// The review report across revisions: the trend table and the changes, in Markdown (also the body
// of the HTML version, which adds the latest revision's full report) and JSON.
import type { Trend } from '../trend.js';
import { t } from '../messages.js';
import type { Finding } from '../audit.js';
import { developmentChart } from './charts.js';
import { beforeText } from './diff.js';
import { citation } from './committee.js';
import { committeeReport, htmlDocument } from './html.js';
import { escapeMarkdown as esc } from './markdown-escape.js';
import { escapeHtml as e, jsonText } from '../safe-text.js';
import { groupTitle } from './view.js';

export function trendMarkdown(trend: Trend): string {
  const out = [`# ${esc(t('trend.title', { kommune: trend.latest.standard.kommune }))}`, '', t('trend.intro', { count: trend.labels.length }), ''];
  out.push(`| ${t('report.group')} | ${trend.labels.map(esc).join(' | ')} |`, `|---|${trend.labels.map(() => '---').join('|')}|`);
  for (const g of trend.groups) {
    const cells = g.cells.map((c) => t('trend.cell', { met: c.met, skal: c.skal, bør: c.bør }));
    out.push(`| ${esc(groupTitle(g.retningslinje))} | ${cells.join(' | ')} |`);
  }
  out.push('');
  for (const { from, to, diff } of trend.changes) {
    out.push(`## ${esc(t('trend.changes', { from, to }))}`, '');
    if (diff.changes.length === 0) out.push(t('diff.none'), '');
    for (const kind of ['regression', 'improvement', 'changed'] as const) {
      const list = diff.changes.filter((c) => c.kind === kind);
      if (!list.length) continue;
      out.push(`**${t(`diff.${kind}`)}**`, '');
      for (const c of list) out.push(`- ${esc(c.id)} (${c.level}): ${beforeText(c)} → ${t(`status.${c.after}`)}`);
      out.push('');
    }
  }
  return out.join('\n');
}

/** One change in plain words: what the requirement is about, and where it comes from. */
function changeSentence(c: Trend['changes'][number]['diff']['changes'][number], trend: Trend): string {
  const f = trend.latest.findings.find((x) => x.requirement.id === c.id) as Finding;
  const subject = f.requirement.subject ?? f.requirement.text.replace(/[.\s]+$/u, '');
  const cite = citation(f, trend.latest);
  return t(`committee.change.${c.kind}`, { subject, cite, before: beforeText(c), after: t(`status.${c.after}`) });
}

/** The development across revisions (a chart), and what changed from each revision to the next, newest first. */
function changesSection(trend: Trend): string {
  const chart = developmentChart(trend.labels.map((label, i) => ({ label, ...(trend.totals[i] as { met: number; skal: number; bør: number }) })));
  const steps = [...trend.changes].reverse().map(({ from, to, diff }) => {
    const items = (['improvement', 'regression', 'changed'] as const).flatMap((kind) => diff.changes.filter((c) => c.kind === kind)).map((c) => `<li class="${c.kind}">${e(changeSentence(c, trend))}</li>`);
    return `<h3>${e(t('committee.changesFrom', { from, to }))}</h3>${items.length ? `<ul class="changes">${items.join('')}</ul>` : `<p>${e(t('committee.changesNone'))}</p>`}`;
  });
  return `<section id="udvikling"><h2>${e(t('committee.changes'))}</h2>${steps.join('')}<h3>${e(t('committee.development'))}</h3>${chart}</section>`;
}

/** The latest revision's committee report, with the development and the changes since the last revision. */
export function trendHtml(trend: Trend): string {
  return htmlDocument([trend.latest], [committeeReport(trend.latest, { changes: changesSection(trend) })]);
}

export function trendJson(trend: Trend): string {
  const { latest, changes, ...rest } = trend;
  return jsonText({ ...rest, changes: changes.map(({ from, to, diff }) => ({ from, to, changes: diff.changes, sections: diff.sections })) }, 2) + '\n';
}
