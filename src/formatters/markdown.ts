// The Markdown report: a document a consultant can hand to the municipality as it is.
import type { Finding, Report } from '../audit.js';
import { t } from '../messages.js';
import { codeSpan, escapeMarkdown as esc, quote } from './markdown-escape.js';
import { coverageHeadings, coverageRows, displayId, expiredDeclarations, gaps, grouped, mentioned, metaRows, notMentioned, statusLabel, summaryHeadings, summaryLines, summaryRows, whereText, withStatus } from './view.js';

const row = (cells: (string | number)[]) => `| ${cells.map((c) => (typeof c === 'number' ? String(c) : esc(c))).join(' | ')} |`;

function requirementBlock(f: Finding, heading: string): string[] {
  const r = f.requirement;
  const lines = [`${heading} ${esc(displayId(f))} · ${r.levels.join('/')} · ${statusLabel(f)}`, ''];
  if (r.verbatim) {
    lines.push(quote(r.text));
    for (const p of r.points) lines.push('>', `> - ${esc(p)}`);
  } else {
    lines.push(esc(r.text));
  }
  lines.push('');
  for (const reason of f.reasons) lines.push(`- ${t('report.why')}: ${esc(reason.text)}`);
  const where = whereText(f);
  if (where) lines.push(`- ${t('report.where')}: ${esc(where)} (${codeSpan(f.location?.pointer || '/')})`);
  if (f.gap && r.hint) lines.push(`- ${t('report.hint')}: ${esc(r.hint)}`);
  lines.push('');
  return lines;
}

/** One document per file; with several files, an overview first and each file a chapter. */
export function markdown(reports: readonly Report[]): string {
  if (reports.length === 1) return one(reports[0] as Report, '#');
  const out = [`# ${esc(t('report.batchTitle', { count: reports.length }))}`, ''];
  out.push(`| ${t('report.fileHeading')} | ${t('report.municipality')} | ${t('report.gapsSkal')} | ${t('report.gapsBør')} | ${t('report.references')} |`, '|---|---|---:|---:|---:|');
  for (const r of reports) {
    const refs = r.summary.references;
    out.push(row([r.file, r.standard.kommune, r.summary.gaps.skal, r.summary.gaps.bør, refs.errors + refs.warnings]));
  }
  out.push('');
  return [out.join('\n'), ...reports.map((r) => one(r, '##'))].join('\n');
}

function one(report: Report, top: '#' | '##'): string {
  // Headings shift one level down when the report is a chapter of a batch document.
  const h = (level: number) => (top === '#' ? '#'.repeat(level) : '#'.repeat(level + 1));
  const out: string[] = [`${h(1)} ${esc(t('report.title', { titel: report.standard.titel }))}`, ''];
  if (report.imported) out.push(`> **${esc(report.imported.note)}**`, '');
  out.push('| | |', '|---|---|', ...metaRows(report).map(([k, v]) => row([k, v])), '');

  out.push(`${h(2)} ${t('report.summary')}`, '');
  out.push(summaryLines(report).join(' '), '');
  const headings = summaryHeadings();
  out.push(row(headings), `|${headings.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
  for (const r of summaryRows(report)) out.push(row([r.label, r.met, r.skal, r.bør, r.declared, r.notDeclared, r.notApplicable]));
  out.push('');

  const found = gaps(report);
  if (found.length > 0) {
    out.push(`${h(2)} ${t('report.gapsSection')}`, '');
    for (const group of grouped(found)) {
      out.push(`${h(3)} ${esc(group.title)}`, '');
      for (const f of group.findings) out.push(...requirementBlock(f, h(4)));
    }
  }

  out.push(`${h(2)} ${t('report.referencesSection')}`, '');
  const refs = report.summary.references;
  out.push(refs.errors + refs.warnings === 0 ? t('report.referencesNone') : t('report.referencesLine', refs), '');
  for (const r of report.references) {
    out.push(`- **${r.baselined ? t('report.known') : t(r.severity === 'error' ? 'severity.error' : 'severity.warning')}**, ${esc(t('report.line', { line: r.location.line, column: r.location.column }))}: ${esc(r.message.text)}`);
  }
  if (report.references.length > 0) out.push('');

  const declared = withStatus(report, 'declared', 'deviation_explained');
  if (declared.length > 0) {
    out.push(`${h(2)} ${t('report.declaredSection')}`, '', t('report.declaredIntro'), '');
    for (const group of grouped(declared)) {
      out.push(`${h(3)} ${esc(group.title)}`, '');
      for (const f of group.findings) out.push(...requirementBlock(f, h(4)));
    }
  }

  const expired = expiredDeclarations(report);
  if (expired.length > 0) {
    out.push(`${h(2)} ${t('report.expiredSection')}`, '');
    for (const e of expired) out.push(`- ${esc(e.id)}: ${esc(t('report.expiredLine', { date: e.date, level: e.level }))}`);
    out.push('');
  }

  const notDeclared = withStatus(report, 'not_declared');
  if (notDeclared.length > 0) {
    out.push(`${h(2)} ${t('report.notDeclaredSection')}`, '', t('report.notDeclaredIntro', { count: notDeclared.length }), '');
    for (const group of grouped(notDeclared)) {
      out.push(`- ${esc(group.title)}: ${group.findings.map((f) => `${esc(f.requirement.id)} (${f.level})`).join(', ')}`);
    }
    out.push('');
  }

  const rows = coverageRows(report);
  if (rows.length > 0) {
    out.push(`${h(2)} ${t('coverage.section')}`, '', t('coverage.intro'), '');
    const headings = coverageHeadings();
    out.push(row(headings), `|${headings.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`);
    for (const r of rows) out.push(row([r.label, r.declared, r.mentioned, r.notMentioned]));
    out.push('');
    const found = mentioned(report);
    if (found.length > 0) {
      out.push(`${h(3)} ${t('coverage.mentionedSection')}`, '');
      for (const group of grouped(found)) {
        out.push(`${h(4)} ${esc(group.title)}`, '');
        for (const f of group.findings) {
          out.push(`- **${esc(displayId(f))}** (${f.level}, ${statusLabel(f)}): ${esc(f.requirement.text)}`);
          for (const p of f.coverage?.passages ?? []) {
            const where = `${report.file}:${p.line}:${p.column}`;
            out.push(`  - »${esc(p.quote)}« (${esc(t('coverage.passage', { where, term: p.term }))}, \`${p.pointer}\`)`);
          }
        }
        out.push('');
      }
    }
    const missingText = notMentioned(report);
    if (missingText.length > 0) {
      out.push(`${h(3)} ${t('coverage.notMentionedSection')}`, '');
      for (const group of grouped(missingText)) out.push(`- ${esc(group.title)}: ${group.findings.map((f) => `${esc(f.requirement.id)} (${f.level})`).join(', ')}`);
      out.push('');
    }
  }

  const met = withStatus(report, 'met');
  if (met.length > 0) {
    out.push(`${h(2)} ${t('report.metSection')}`, '');
    for (const f of met) out.push(`- ${esc(f.requirement.id)} (${f.level}): ${esc(f.requirement.text)}`);
    out.push('');
  }

  // A local checklist's title and source are input too.
  out.push('---', '', esc(t('report.source', { sources: report.checklists.map((c) => c.source).join('; ') })));
  for (const c of report.checklists.filter((c) => !c.verbatim)) out.push('', esc(t('report.notVerbatimNote', { source: c.title })));
  return out.join('\n') + '\n';
}
