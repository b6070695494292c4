// The JSON report, versioned and described by schemas/report.schema.json. Requirements are listed
// once, under "requirements", and findings name theirs by id: a batch of 98 standards would
// otherwise repeat the whole catalog 98 times. One file gives one report; several give
// { reportVersion, requirements, reports }.
import { REPORT_VERSION } from '../audit.js';
import type { Report } from '../audit.js';
import type { CatalogEntry } from '../checklist.js';
import { jsonText } from '../safe-text.js';

function normalized(report: Report, catalog: Map<string, CatalogEntry>) {
  const findings = report.findings.map((f) => {
    catalog.set(f.requirement.id, f.requirement);
    return { ...f, requirement: f.requirement.id };
  });
  return { ...report, findings };
}

export function json(reports: readonly Report[]): string {
  const catalog = new Map<string, CatalogEntry>();
  if (reports.length === 1) {
    const { reportVersion, ...rest } = normalized(reports[0] as Report, catalog);
    return jsonText({ reportVersion, requirements: [...catalog.values()], ...rest }, 2) + '\n';
  }
  const bodies = reports.map((r) => {
    const { reportVersion: _same, ...rest } = normalized(r, catalog);
    return rest;
  });
  return jsonText({ reportVersion: REPORT_VERSION, requirements: [...catalog.values()], reports: bodies }) + '\n';
}
