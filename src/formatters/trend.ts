// The review report across revisions: the trend table and the changes, in Markdown (also the body
// of the HTML version, which adds the latest revision's full report) and JSON.
import type { Trend } from '../trend.js';
import { t } from '../messages.js';
import { html, marked } from './html.js';
import { escapeMarkdown as esc } from './markdown-escape.js';
import { jsonText } from './safe-text.js';
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
      for (const c of list) out.push(`- ${esc(c.id)} (${c.level}): ${t(`status.${c.before}`)} → ${t(`status.${c.after}`)}`);
      out.push('');
    }
  }
  return out.join('\n');
}

/** The trend, then the latest revision's full report, as one self-contained HTML file. */
export function trendHtml(trend: Trend): string {
  const full = html([trend.latest]);
  const section = `<section class="trend" id="udvikling">${marked.parse(trendMarkdown(trend)) as string}</section>`;
  return full.replace('<main>', `<main>${section}`);
}

export function trendJson(trend: Trend): string {
  const { latest, changes, ...rest } = trend;
  return jsonText({ ...rest, changes: changes.map(({ from, to, diff }) => ({ from, to, changes: diff.changes, sections: diff.sections })) }, 2) + '\n';
}
