// Orderings and labels shared by the human-readable formatters. Pure functions of the report.
import type { Finding, GroupSummary, Report } from '../audit.js';
import { t } from '../messages.js';

const LEVEL_RANK = { skal: 0, bør: 1, kan: 2 } as const;

/** Gaps, skal before bør, then in catalog order. */
export function gaps(report: Report): Finding[] {
  return report.findings
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => f.gap)
    .sort((a, b) => LEVEL_RANK[a.f.level] - LEVEL_RANK[b.f.level] || a.i - b.i)
    .map(({ f }) => f);
}

export const withStatus = (report: Report, ...statuses: Finding['status'][]): Finding[] =>
  report.findings.filter((f) => statuses.includes(f.status));

/** Findings grouped by checklist and retningslinje, keeping the order they come in. */
export function grouped(findings: readonly Finding[]): { key: string; title: string; findings: Finding[] }[] {
  const out = new Map<string, { key: string; title: string; findings: Finding[] }>();
  for (const f of findings) {
    const g = f.requirement.retningslinje;
    const key = `${f.requirement.checklist}\u0000${g.id}`;
    const entry = out.get(key) ?? { key, title: groupTitle(g), findings: [] };
    entry.findings.push(f);
    out.set(key, entry);
  }
  return [...out.values()];
}

export function groupTitle(g: { id: string; title: string }): string {
  return g.title.startsWith(g.id) ? g.title : `${g.id} ${g.title}`;
}

/** The status in words; a gap accepted in a baseline says so, wherever it is shown. */
export function statusLabel(f: Finding): string {
  return f.gap && f.baselined ? `${t(`status.${f.status}`)}, ${t('report.known')}` : t(`status.${f.status}`);
}

/** Known gaps and reference findings a baseline silences, each counted once as in the summary. */
export const knownCount = (report: Report): number =>
  report.findings.filter((f) => f.gap && f.baselined && !f.duplicateOf).length + report.references.filter((r) => r.baselined).length;

/** The summary's sentences: never "no gaps" while a baseline silences some. */
export function summaryLines(report: Report): string[] {
  const g = report.summary.gaps;
  const known = knownCount(report);
  if (g.skal + g.bør === 0 && known === 0) return [t('report.noGaps')];
  return [t('report.gapLine', { skal: g.skal, bør: g.bør }), ...(known > 0 ? [t('report.knownLine', { count: known })] : [])];
}

export function whereText(f: Finding): string {
  if (!f.location) return '';
  if (f.location.page !== undefined) return t('report.page', { page: f.location.page });
  return f.location.exists ? t('report.line', { line: f.location.line, column: f.location.column }) : t('report.belongsAt', { line: f.location.line });
}

export function displayId(f: Finding): string {
  return f.requirement.printedId ? `${f.requirement.id} (${t('catalog.printedAs', { printed: f.requirement.printedId })})` : f.requirement.id;
}

/** Summary table rows: one per group, then a total. */
export function summaryRows(report: Report): { label: string; met: number; skal: number; bør: number; declared: number; notDeclared: number; notApplicable: number }[] {
  const row = (label: string, g: Pick<GroupSummary, 'byLevel' | 'gaps'>) => {
    const sum = (s: Finding['status']) => g.byLevel.skal[s] + g.byLevel.bør[s] + g.byLevel.kan[s];
    return {
      label,
      met: sum('met'),
      skal: g.gaps.skal,
      bør: g.gaps.bør,
      declared: sum('declared') + sum('deviation_explained'),
      notDeclared: sum('not_declared'),
      notApplicable: sum('not_applicable'),
    };
  };
  const rows = report.summary.groups.map((g) => row(groupTitle(g.retningslinje), g));
  const total = rows.reduce(
    (a, r) => ({ ...a, met: a.met + r.met, skal: a.skal + r.skal, bør: a.bør + r.bør, declared: a.declared + r.declared, notDeclared: a.notDeclared + r.notDeclared, notApplicable: a.notApplicable + r.notApplicable }),
    { label: t('report.total'), met: 0, skal: 0, bør: 0, declared: 0, notDeclared: 0, notApplicable: 0 },
  );
  // One count everywhere (see summarize in audit.ts): the columns count each gap once, so they add up to the total.
  return [...rows, total];
}

export function summaryHeadings(): string[] {
  return [t('report.group'), t('report.met'), t('report.gapsSkal'), t('report.gapsBør'), t('report.declared'), t('report.notDeclared'), t('report.notApplicable')];
}

export function revisionText(report: Report): string {
  const r = report.revision;
  if (r.status === 'unknown' || r.due === null || r.daysLeft === null) return t('report.revision.unknown');
  return t(`report.revision.${r.status}`, { due: r.due, days: Math.abs(r.daysLeft) });
}

export function metaRows(report: Report): [string, string][] {
  const s = report.standard;
  const unknown = t('report.unknown');
  const adopted = s.vedtaget.dato || s.vedtaget.af ? [s.vedtaget.dato, s.vedtaget.af].filter(Boolean).join(', ') : unknown;
  return [
    [t('report.municipality'), s.kommune],
    [t('report.version'), s.version ?? unknown],
    [t('report.adopted'), adopted],
    [t('report.lastRevised'), s.senestRevideret ?? unknown],
    [t('report.nextRevision'), s.næsteRevision ?? unknown],
    [t('report.revision'), revisionText(report)],
    [t('report.auditDate'), report.auditDate],
    [t('report.file'), report.file],
  ];
}

/** Coverage of the requirements the document cannot prove, per group that has any, then a total. */
export function coverageRows(report: Report): { label: string; declared: number; mentioned: number; notMentioned: number }[] {
  const rows = report.summary.groups
    .filter((g) => g.coverage.declared + g.coverage.mentioned + g.coverage.not_mentioned > 0)
    .map((g) => ({ label: groupTitle(g.retningslinje), declared: g.coverage.declared, mentioned: g.coverage.mentioned, notMentioned: g.coverage.not_mentioned }));
  if (rows.length === 0) return [];
  const c = report.summary.coverage;
  return [...rows, { label: t('report.total'), declared: c.declared, mentioned: c.mentioned, notMentioned: c.not_mentioned }];
}

export function coverageHeadings(): string[] {
  return [t('report.group'), t('coverage.declared'), t('coverage.mentioned'), t('coverage.not_mentioned')];
}

/** Requirements the text speaks to, with their passages, in catalog order. */
export const mentioned = (report: Report): Finding[] => report.findings.filter((f) => f.coverage?.status === 'mentioned');
export const notMentioned = (report: Report): Finding[] => report.findings.filter((f) => f.coverage?.status === 'not_mentioned');

/** Declarations that have expired on the audit date: they no longer count, and the author must renew them. */
export function expiredDeclarations(report: Report): { id: string; date: string; level: Finding['level'] }[] {
  return report.findings.flatMap((f) =>
    f.reasons.filter((r) => r.id === 'why.declarationExpired').map((r) => ({ id: f.requirement.id, date: String(r.args.date), level: f.level })),
  );
}
