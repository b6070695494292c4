// The JSON report: the report object itself, versioned and described by schemas/report.schema.json.
import type { Report } from '../audit.js';

export function json(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}
