// The JSON report: the report object itself, versioned and described by schemas/report.schema.json.
// One file gives one report; several give { reportVersion, reports }.
import { REPORT_VERSION } from '../audit.js';
import type { Report } from '../audit.js';

export function json(reports: readonly Report[]): string {
  const body = reports.length === 1 ? reports[0] : { reportVersion: REPORT_VERSION, reports };
  return JSON.stringify(body, null, 2) + '\n';
}
