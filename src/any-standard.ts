// A standard from any input file: YAML as it is, or a published standard (PDF, Word, HTML,
// Markdown, text) imported in memory. An imported standard's report says so, and its findings
// point at the line (or page) of the source file the section came from.
import { extname } from 'node:path';
import type { Report } from './audit.js';
import type { BlockSource } from './document.js';
import type { Location } from './positions.js';
import { loadStandard, parseStandard } from './standard.js';
import type { Standard } from './standard.js';
import { t } from './messages.js';

/** Where an imported standard came from, for the report. */
export interface ImportedFrom {
  format: string;
  /** The Danish note every report format shows. */
  note: string;
  sources: Record<string, BlockSource>;
}

const YAML_EXTENSIONS = new Set(['.yaml', '.yml']);

export async function loadAnyStandard(file: string, today: string): Promise<{ standard: Standard; imported?: ImportedFrom }> {
  if (YAML_EXTENSIONS.has(extname(file).toLowerCase())) return { standard: loadStandard(file) };
  const { readDocument } = await import('./readers/index.js');
  const { importDocument } = await import('./import.js');
  const { loadReferenceData } = await import('./reference-data.js');
  const document = await readDocument(file);
  const result = importDocument(document, { source: file, date: today, references: loadReferenceData() });
  return {
    standard: parseStandard(file, result.yaml),
    imported: { format: document.format, note: t('report.importedNote', { file }), sources: result.sources },
  };
}

/** The source of the deepest part of the draft a pointer lies in. */
function sourceOf(pointer: string, sources: Record<string, BlockSource>): BlockSource | undefined {
  let p = pointer;
  for (;;) {
    const s = sources[p];
    if (s) return s;
    const cut = p.lastIndexOf('/');
    if (cut <= 0) return undefined;
    p = p.slice(0, cut);
  }
}

/** The report of an imported standard: the note, and findings located in the source file. */
export function markImported(report: Report, imported: ImportedFrom): Report {
  const located = (loc: Location): Location => {
    const s = sourceOf(loc.pointer, imported.sources);
    // No line in the source for this part (a missing section): the top of the file.
    return { ...loc, line: s?.line ?? 1, column: 1, ...(s?.page !== undefined ? { page: s.page } : {}) };
  };
  return {
    ...report,
    imported: { format: imported.format, note: imported.note },
    findings: report.findings.map((f) => (f.location ? { ...f, location: located(f.location) } : f)),
    references: report.references.map((r) => ({ ...r, location: located(r.location) })),
  };
}
