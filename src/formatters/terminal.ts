// The terminal report: a summary table per retningslinje and § 4 item, then the gaps, skal before bør.
import Table from 'cli-table3';
import type { Report } from '../audit.js';
import { t } from '../messages.js';
import { paint } from './context.js';
import type { FormatContext } from './context.js';
import { displayId, gaps, metaRows, statusLabel, summaryHeadings, summaryRows, whereText, withStatus } from './view.js';

/** Break a text at spaces into lines of at most `width` characters (a longer word stands alone). */
function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line].join('\n');
}

/** One section per file; with several files, an overview table per file at the end. */
export function terminal(reports: readonly Report[], ctx: FormatContext): string {
  const parts = reports.map((r) => one(r, ctx));
  if (reports.length > 1) parts.push(overview(reports, ctx));
  return parts.join('\n');
}

function overview(reports: readonly Report[], ctx: FormatContext): string {
  const c = paint(ctx);
  const table = new Table({
    head: [t('report.fileHeading'), t('report.municipality'), t('report.gapsSkal'), t('report.gapsBør'), t('report.references')],
    style: { head: ctx.color ? ['cyan'] : [], border: ctx.color ? ['grey'] : [], compact: true },
  });
  for (const r of reports) {
    const g = r.summary.gaps;
    const refs = r.summary.references;
    table.push([r.file, r.standard.kommune, g.skal ? c.red(String(g.skal)) : 0, g.bør ? c.yellow(String(g.bør)) : 0, refs.errors + refs.warnings]);
  }
  return `${c.bold(t('report.batchTitle', { count: reports.length }))}\n${table.toString()}\n`;
}

function one(report: Report, ctx: FormatContext): string {
  const c = paint(ctx);
  const out: string[] = [];
  out.push(c.bold(t('report.title', { titel: report.standard.titel })));
  for (const [k, v] of metaRows(report)) out.push(`${c.dim(k + ':')} ${v}`);
  out.push('');

  const rows = summaryRows(report);
  // The label column takes what the six count columns leave of the terminal's width.
  const counts = [10, 10, 10, 10, 10, 10];
  const longest = Math.max(...rows.map((r) => r.label.length)) + 2;
  const label = Math.max(24, Math.min(longest, (ctx.width ?? 120) - counts.reduce((a, b) => a + b, 0) - 8));
  // Cells are wrapped here, at spaces: cli-table3's own wordWrap measures every cell again and
  // costs more than the rest of the report.
  const widths = [label, ...counts];
  const table = new Table({
    head: summaryHeadings().map((h, i) => wrap(h, (widths[i] as number) - 2)),
    colWidths: widths,
    style: { head: ctx.color ? ['cyan'] : [], border: ctx.color ? ['grey'] : [], compact: true },
  });
  rows.forEach((r, i) => {
    const text = wrap(r.label, label - 2);
    const labelCell = i === rows.length - 1 ? c.bold(text) : text;
    table.push([labelCell, r.met, r.skal ? c.red(String(r.skal)) : 0, r.bør ? c.yellow(String(r.bør)) : 0, r.declared, r.notDeclared, r.notApplicable]);
  });
  out.push(table.toString(), '');

  const found = gaps(report);
  if (found.length > 0) {
    out.push(c.bold(t('report.gapsSection')));
    for (const f of found) {
      const level = f.baselined ? c.dim(f.level) : f.level === 'skal' ? c.red(f.level) : c.yellow(f.level);
      const where = f.location ? `${report.file}:${f.location.line}:${f.location.column}` : report.file;
      out.push(`${c.dim(where)}  ${level}  ${c.bold(displayId(f))}  ${statusLabel(f)}`);
      out.push(`    ${f.requirement.text}`);
      for (const r of f.reasons) out.push(`    ${c.dim('→')} ${r.text}`);
      if (f.location && !f.location.exists) out.push(`    ${c.dim('→')} ${whereText(f)}`);
      if (f.requirement.hint) out.push(`    ${c.dim(`${t('report.hint')}:`)} ${f.requirement.hint}`);
    }
    out.push('');
  }

  if (report.references.length > 0) {
    out.push(c.bold(t('report.referencesSection')));
    for (const r of report.references) {
      const severity = r.baselined ? c.dim(t(r.severity === 'error' ? 'severity.error' : 'severity.warning')) : r.severity === 'error' ? c.red(t('severity.error')) : c.yellow(t('severity.warning'));
      out.push(`${c.dim(`${report.file}:${r.location.line}:${r.location.column}`)}  ${severity}  ${r.message.text}`);
    }
    out.push('');
  }

  const declared = withStatus(report, 'declared', 'deviation_explained');
  if (declared.length > 0) {
    out.push(c.bold(t('report.declaredSection')));
    for (const f of declared) out.push(`  ${f.requirement.id}  ${statusLabel(f)}: ${f.declaration?.begrundelse ?? ''}`);
    out.push('');
  }
  const notDeclared = withStatus(report, 'not_declared');
  if (notDeclared.length > 0) out.push(c.dim(t('report.notDeclaredIntro', { count: notDeclared.length })), '');

  const g = report.summary.gaps;
  const refs = report.summary.references;
  out.push(g.skal + g.bør === 0 ? c.green(t('report.noGaps')) : c.bold(t('report.gapLine', { skal: g.skal, bør: g.bør })));
  if (refs.errors + refs.warnings > 0) out.push(c.bold(t('report.referencesLine', refs)));
  return out.join('\n') + '\n';
}
