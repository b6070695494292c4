// What is shown, apart from what counts: --vis filters the findings a formatter gets, never the
// summary, and never the exit code.
import type { Report } from './audit.js';

export type Visibility = 'skal' | 'bør' | 'alle';

const RANK = { skal: 0, bør: 1, kan: 2 } as const;

export function forDisplay(report: Report, vis: Visibility): Report {
  if (vis === 'alle') return report;
  const limit = RANK[vis];
  return {
    ...report,
    findings: report.findings.filter((f) => RANK[f.level] <= limit),
    references: report.references.filter((r) => (r.severity === 'error' ? RANK.skal : RANK.bør) <= limit),
  };
}
