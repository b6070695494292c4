// The terminal report: a summary table per retningslinje and § 4 item, then the gaps, skal before bør.
import Table from 'cli-table3';
import type { Report } from '../audit.js';
import { t } from '../messages.js';
import { paint } from './context.js';
import type { FormatContext } from './context.js';
import { visibleDeep, visibleLine } from '../safe-text.js';
import { coverageHeadings, coverageRows, displayId, expiredDeclarations, gaps, mentioned, metaRows, statusLabel, summaryHeadings, summaryLines, summaryRows, whereText, withStatus } from './view.js';

/** One section per file; with several files, an overview table per file at the end. */
export function terminal(input: readonly Report[], ctx: FormatContext): string {
  // Text goes to the terminal as it is: every control character from the input is shown first.
  const reports = input.map((r) => visibleDeep(r));
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

/** Coverage per group, then each mentioned requirement with its best passage on one line. */
function coverage(report: Report, ctx: FormatContext, labelWidth: number): string[] {
  const rows = coverageRows(report);
  if (rows.length === 0) return [];
  const c = paint(ctx);
  const table = new Table({
    head: coverageHeadings(),
    colWidths: [labelWidth, 12, 12, 12],
    wordWrap: true,
    style: { head: ctx.color ? ['cyan'] : [], border: ctx.color ? ['grey'] : [], compact: true },
  });
  rows.forEach((r, i) => table.push([i === rows.length - 1 ? c.bold(r.label) : r.label, r.declared, r.mentioned, r.notMentioned]));
  const out = [c.bold(t('coverage.section')), table.toString()];
  const found = mentioned(report);
  if (found.length > 0) {
    out.push(c.bold(t('coverage.mentionedSection')));
    // Compact: where the best passage is and what matched; the quotes are in the other formats and
    // in explain --standard (a quote cut to the terminal's width would cut words).
    for (const f of found) {
      const p = f.coverage?.passages[0];
      if (!p) continue;
      out.push(`  ${c.bold(f.requirement.id)}  ${c.dim(`${report.file}:${p.line}:${p.column}`)}  ${t('explain.matched', { term: p.term, words: p.words.join(', ') })}`);
    }
    out.push(c.dim(t('coverage.moreHint')));
  }
  out.push('');
  return out;
}

function one(report: Report, ctx: FormatContext): string {
  const c = paint(ctx);
  const out: string[] = [];
  // The title and the facts are one line each: a line break from the input shows as ␤.
  out.push(c.bold(visibleLine(t('report.title', { titel: report.standard.titel }))));
  if (report.imported) out.push(c.yellow(visibleLine(report.imported.note)));
  for (const [k, v] of metaRows(report)) out.push(`${c.dim(k + ':')} ${visibleLine(v)}`);
  out.push('');

  const rows = summaryRows(report);
  // The label column takes what the six count columns leave of the terminal's width.
  const counts = [10, 10, 10, 10, 10, 10];
  // It is never narrower than the longest word, which would otherwise be cut off with '…'.
  const longest = Math.max(...rows.map((r) => r.label.length)) + 2;
  const longestWord = Math.max(...rows.flatMap((r) => r.label.split(' ').map((w) => w.length))) + 2;
  const label = Math.max(24, longestWord, Math.min(longest, (ctx.width ?? 120) - counts.reduce((a, b) => a + b, 0) - 8));
  // cli-table3 wraps the cells itself. Pre-wrapped (multi-line) cells would cost more: cli-table3
  // 0.6.5 truncates each cell's whole text for a debug message on every line it draws, which is
  // cheap for one line of plain text and quadratic otherwise (cli-table/cli-table3#362).
  const table = new Table({
    head: summaryHeadings(),
    colWidths: [label, ...counts],
    wordWrap: true,
    style: { head: ctx.color ? ['cyan'] : [], border: ctx.color ? ['grey'] : [], compact: true },
  });
  rows.forEach((r, i) => {
    const labelCell = i === rows.length - 1 ? c.bold(r.label) : r.label;
    table.push([labelCell, r.met, r.skal ? c.red(String(r.skal)) : 0, r.bør ? c.yellow(String(r.bør)) : 0, r.declared, r.notDeclared, r.notApplicable]);
  });
  out.push(table.toString(), '');

  const found = gaps(report);
  if (found.length > 0) {
    out.push(c.bold(t('report.gapsSection')));
    for (const f of found) {
      const level = f.baselined ? c.dim(f.level) : f.level === 'skal' ? c.red(f.level) : c.yellow(f.level);
      const where = f.location ? (f.location.page !== undefined ? `${report.file} (${t('report.page', { page: f.location.page })})` : `${report.file}:${f.location.line}:${f.location.column}`) : report.file;
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
      const severity = r.baselined ? c.dim(t('report.known')) : r.severity === 'error' ? c.red(t('severity.error')) : c.yellow(t('severity.warning'));
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
  const expired = expiredDeclarations(report);
  if (expired.length > 0) {
    out.push(c.bold(c.yellow(t('report.expiredSection'))));
    for (const e of expired) out.push(`  ${e.id}  ${t('report.expiredLine', { date: e.date, level: e.level })}`);
    out.push('');
  }
  const notDeclared = withStatus(report, 'not_declared');
  if (notDeclared.length > 0) out.push(c.dim(t('report.notDeclaredIntro', { count: notDeclared.length })), '');
  out.push(...coverage(report, ctx, label));

  const refs = report.summary.references;
  const [first = '', ...more] = summaryLines(report);
  out.push(first === t('report.noGaps') ? c.green(first) : c.bold(first), ...more);
  if (refs.errors + refs.warnings > 0) out.push(c.bold(t('report.referencesLine', refs)));
  return out.join('\n') + '\n';
}
