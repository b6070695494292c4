// GitHub Actions workflow commands: one annotation per gap or reference finding, on its line.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
// GitHub shows at most 10 error, 10 warning and 10 notice annotations per step and drops the rest
// without a word (actions/toolkit, docs/problem-matchers.md, "Limitations"). So the most important
// come first (revision overdue, missing then partly met skal requirements, wrong citations; then the
// same for bør, outdated names, revision soon; a gap counted under another requirement last), at most
// 10 of each kind; the rest are printed as plain log lines, and one notice says how
// many. githubSummary is the Markdown for $GITHUB_STEP_SUMMARY, with every finding.
import type { Report } from '../audit.js';
import { t } from '../messages.js';
import { codeSpan, escapeMarkdown } from './markdown-escape.js';
import { knownCount } from './view.js';
import { visibleLine, workflowData as data, workflowProperty as property } from '../safe-text.js';

/** Annotations of one kind GitHub shows per step. */
export const ANNOTATIONS_PER_KIND = 10;

interface Annotation {
  kind: 'error' | 'warning';
  /** Lower first: the order of importance within a kind. */
  rank: number;
  file: string;
  line: number;
  col: number;
  title: string;
  message: string;
}

function annotations(reports: readonly Report[]): Annotation[] {
  const out: Annotation[] = [];
  for (const r of reports) {
    // A report from an unreviewed import says so first, whatever else is shown.
    if (r.imported) out.push({ kind: 'warning', rank: -1, file: r.file, line: 1, col: 1, title: t('report.importedTitle'), message: r.imported.note });
    for (const f of r.findings.filter((x) => x.gap && !x.baselined)) {
      const skal = f.level === 'skal';
      out.push({
        kind: skal ? 'error' : 'warning',
        // A missing requirement before a partly met one; a gap already counted under another last.
        rank: f.duplicateOf ? 4 : f.status === 'missing' ? 1 : 1.5,
        file: r.file,
        line: f.location?.line ?? 1,
        col: f.location?.column ?? 1,
        title: `${f.requirement.id} (${f.level}): ${t(`status.${f.status}`)}`,
        message: `${f.requirement.text}\n${f.reasons.map((x) => x.text).join('\n')}`,
      });
    }
    for (const ref of r.references.filter((x) => !x.baselined)) {
      out.push({ kind: ref.severity, rank: 2, file: r.file, line: ref.location.line, col: ref.location.column, title: t('report.referencesSection'), message: ref.message.text });
    }
    if (r.revision.status === 'soon' || r.revision.status === 'overdue') {
      const overdue = r.revision.status === 'overdue';
      const message = t(`report.revision.${r.revision.status}`, { due: r.revision.due ?? '', days: Math.abs(r.revision.daysLeft ?? 0) });
      out.push({ kind: overdue ? 'error' : 'warning', rank: overdue ? 0 : 3, file: r.file, line: 1, col: 1, title: t('report.revision'), message });
    }
  }
  // A stable sort: within a rank, the files and findings keep their order.
  return out.sort((a, b) => a.rank - b.rank);
}

const command = (a: Annotation) => `::${a.kind} file=${property(a.file)},line=${a.line},col=${a.col},title=${property(a.title)}::${data(a.message)}`;

/** A finding GitHub would not show, as a plain line of the log (no workflow command). */
const plain = (a: Annotation) => visibleLine(`${a.file}:${a.line}:${a.col}: ${t(`severity.${a.kind}`)}: ${a.title}: ${a.message}`);

export function github(reports: readonly Report[]): string {
  const all = annotations(reports);
  const shown: Annotation[] = [];
  const rest: Annotation[] = [];
  for (const kind of ['error', 'warning'] as const) {
    const ofKind = all.filter((a) => a.kind === kind);
    shown.push(...ofKind.slice(0, ANNOTATIONS_PER_KIND));
    rest.push(...ofKind.slice(ANNOTATIONS_PER_KIND));
  }
  const lines = shown.map(command);
  // Known gaps are not annotated, but never silently gone: one notice says how many a baseline accepts.
  const known = reports.reduce((n, r) => n + knownCount(r), 0);
  if (known > 0) lines.push(`::notice title=${property(t('report.known'))}::${data(t('report.knownLine', { count: known }))}`);
  if (rest.length) {
    const errors = rest.filter((a) => a.kind === 'error').length;
    lines.push(`::notice title=${property(t('github.moreTitle'))}::${data(t('github.more', { errors, warnings: rest.length - errors, max: ANNOTATIONS_PER_KIND }))}`);
    lines.push(...rest.map(plain));
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** The step summary: per file the counts, then every finding in order of importance. */
export function githubSummary(reports: readonly Report[]): string {
  const out = [`## ${t('github.summaryTitle')}`, '', `| ${t('github.summaryHead')} |`, '|---|---|---|---|---|'];
  for (const r of reports) {
    const s = r.summary;
    out.push(`| ${codeSpan(r.file)} (${escapeMarkdown(r.standard.kommune)}) | ${s.gaps.skal} | ${s.gaps.bør} | ${s.references.errors} | ${s.references.warnings} |`);
  }
  const known = reports.reduce((n, r) => n + knownCount(r), 0);
  if (known > 0) out.push('', t('report.knownLine', { count: known }));
  const all = annotations(reports);
  if (all.length) {
    out.push('');
    for (const a of all) out.push(`- **${t(`severity.${a.kind}`)}** ${codeSpan(`${a.file}:${a.line}`)} ${escapeMarkdown(a.title)}: ${escapeMarkdown(a.message)}`);
  }
  return out.join('\n') + '\n';
}
