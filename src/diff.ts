// Two revisions of a standard, requirement by requirement: what became missing (a regression), what
// became met, what changed status otherwise, and which requirement-bearing sections changed text.
// Pure: two reports and the two standards' data in, a diff out.
import { isDeepStrictEqual } from 'node:util';
import type { Finding, Report, Status } from './audit.js';
import type { Level } from './checklist.js';
import { referenceKey } from './audit.js';
import { parsePointer } from './positions.js';

export type ChangeKind = 'regression' | 'improvement' | 'changed';

export interface RequirementChange {
  id: string;
  level: Level;
  kind: ChangeKind;
  /** Null when the old revision did not have the file: everything in it is new. */
  before: Status | null;
  after: Status;
  text: string;
  /** Where to look in the new revision. */
  location: Finding['location'];
}

export interface SectionChange {
  section: string;
  change: 'added' | 'removed' | 'changed';
  /** The requirements whose check reads this section. */
  requirements: string[];
}

export interface DiffReport {
  reportVersion: string;
  /** absent: the file did not exist in the old revision, which is read as empty. */
  old: { file: string; version: string | null; absent: boolean };
  new: { file: string; version: string | null };
  auditDate: string;
  changes: RequirementChange[];
  sections: SectionChange[];
  references: { added: Report['references']; removed: Report['references'] };
  /** The new revision's report, for the CI formats (restricted to the regressions). */
  regressions: Report;
}

/** The top-level sections a finding's requirement depends on, as far as its check names them. */
function sectionsOf(f: Finding): string[] {
  return f.location ? [parsePointer(f.location.pointer)[0] ?? ''].filter(Boolean) : [];
}

/** The old side when the file did not exist at the old revision: read as empty, so every gap is new. */
export interface AbsentRevision {
  file: string;
  absent: true;
}

export function diff(old: Report | AbsentRevision, after: Report, oldData: Record<string, unknown>, newData: Record<string, unknown>): DiffReport {
  const absent = 'absent' in old;
  const before: Pick<Report, 'findings' | 'references'> = absent ? { findings: [], references: [] } : old;
  const previous = new Map(before.findings.map((f) => [f.requirement.id, f]));
  const changes: RequirementChange[] = [];
  for (const f of after.findings) {
    if (absent) {
      if (f.gap) changes.push({ id: f.requirement.id, level: f.level, kind: 'regression', before: null, after: f.status, text: f.requirement.text, location: f.location });
      continue;
    }
    const p = previous.get(f.requirement.id);
    if (!p || p.status === f.status) continue;
    const kind: ChangeKind = !p.gap && f.gap ? 'regression' : p.gap && !f.gap ? 'improvement' : 'changed';
    changes.push({ id: f.requirement.id, level: f.level, kind, before: p.status, after: f.status, text: f.requirement.text, location: f.location });
  }

  const bearing = new Map<string, Set<string>>();
  for (const f of [...before.findings, ...after.findings]) {
    if (!f.requirement.machineCheck) continue;
    for (const s of sectionsOf(f)) bearing.set(s, (bearing.get(s) ?? new Set()).add(f.requirement.id));
  }
  const sections: SectionChange[] = [];
  for (const key of new Set([...Object.keys(oldData), ...Object.keys(newData)])) {
    const a = oldData[key];
    const b = newData[key];
    if (isDeepStrictEqual(a, b)) continue;
    const requirements = [...(bearing.get(key) ?? [])];
    if (requirements.length === 0) continue;
    sections.push({ section: key, change: a === undefined ? 'added' : b === undefined ? 'removed' : 'changed', requirements });
  }

  const oldRefs = new Set(before.references.map(referenceKey));
  const newRefs = new Set(after.references.map(referenceKey));
  const regressed = new Set(changes.filter((c) => c.kind === 'regression').map((c) => c.id));
  const addedRefs = after.references.filter((r) => !oldRefs.has(referenceKey(r)));
  return {
    reportVersion: after.reportVersion,
    old: absent ? { file: old.file, version: null, absent } : { file: old.file, version: old.standard.version, absent },
    new: { file: after.file, version: after.standard.version },
    auditDate: after.auditDate,
    changes,
    sections,
    references: { added: addedRefs, removed: before.references.filter((r) => !newRefs.has(referenceKey(r))) },
    regressions: {
      ...after,
      findings: after.findings.filter((f) => regressed.has(f.requirement.id)),
      references: addedRefs,
    },
  };
}
