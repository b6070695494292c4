// The review across revisions: each revision's status per retningslinje and § 4 paragraph, and what
// changed since the previous revision. Pure: the revisions' reports and data in, a trend out.
import type { Report } from './audit.js';
import { diff } from './diff.js';
import type { DiffReport } from './diff.js';

export interface Revision {
  label: string;
  report: Report;
  data: Record<string, unknown>;
}

export interface TrendCell {
  met: number;
  skal: number;
  bør: number;
}

export interface Trend {
  labels: string[];
  groups: { checklist: string; retningslinje: { id: string; title: string }; cells: TrendCell[] }[];
  /** Each revision's totals: met requirements, and gaps counted once each (as in its summary). */
  totals: TrendCell[];
  /** Revision by revision: what changed from the one before. */
  changes: { from: string; to: string; diff: DiffReport }[];
  latest: Report;
}

export function trendOf(revisions: readonly Revision[]): Trend {
  const latest = revisions[revisions.length - 1] as Revision;
  const groups = latest.report.summary.groups.map((g) => ({
    checklist: g.checklist,
    retningslinje: g.retningslinje,
    cells: revisions.map((r) => {
      const same = r.report.summary.groups.find((x) => x.checklist === g.checklist && x.retningslinje.id === g.retningslinje.id);
      const met = same ? same.byLevel.skal.met + same.byLevel.bør.met + same.byLevel.kan.met : 0;
      return { met, skal: same?.gaps.skal ?? 0, bør: same?.gaps.bør ?? 0 };
    }),
  }));
  const changes = revisions.slice(1).map((r, i) => {
    const before = revisions[i] as Revision;
    return { from: before.label, to: r.label, diff: diff(before.report, r.report, before.data, r.data) };
  });
  const totals = revisions.map(({ report: r }) => ({ met: r.summary.byLevel.skal.met + r.summary.byLevel.bør.met + r.summary.byLevel.kan.met, skal: r.summary.gaps.skal, bør: r.summary.gaps.bør }));
  return { labels: revisions.map((r) => r.label), groups, totals, changes, latest: latest.report };
}
