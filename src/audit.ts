// The engine: a standard + checklists + an audit date in, a report object out. No I/O, no printing.
import type { ErrorObject, ValidateFunction } from 'ajv';
import { catalogEntry, LEVELS, relatedIds } from './checklist.js';
import type { CatalogEntry, Checklist, Level } from './checklist.js';
import { t } from './messages.js';
import type { MessageArgs, MessageId } from './messages.js';
import { parsePointer, toPointer, valueAt } from './positions.js';
import type { Location } from './positions.js';
import { displayPath } from './schema.js';
import type { CheckContext } from './schema.js';
import { sectionOrderAt } from './standard.js';
import type { Declaration, Standard } from './standard.js';
import { checkCitations, extractCitations } from './references.js';
import type { ReferenceData, ReferenceFinding } from './references.js';
import { VERSION } from './version.js';
import { substantiveView } from './substance.js';
import type { EmptyText } from './substance.js';
import { EvidenceIndex, evidenceIndex, passagesOf, quoteOf } from './evidence.js';
import type { EvidenceMatch } from './evidence.js';

export const REPORT_VERSION = '1.0';

export type Status = 'met' | 'partly_met' | 'missing' | 'declared' | 'not_declared' | 'deviation_explained' | 'not_applicable';
export const STATUSES: readonly Status[] = ['met', 'partly_met', 'missing', 'declared', 'not_declared', 'deviation_explained', 'not_applicable'];

export interface Reason {
  id: MessageId;
  args: MessageArgs;
  text: string;
}

export interface Finding {
  requirement: CatalogEntry;
  /** The highest level the requirement carries: what a gap in it weighs. */
  level: Level;
  status: Status;
  /** Not (fully) met, and a skal or bør. */
  gap: boolean;
  /** Set when the same gap is already counted under a related requirement. */
  duplicateOf: string | null;
  /** A known gap listed in a baseline that has not expired: shown, but not counted. */
  baselined: boolean;
  reasons: Reason[];
  location: Location | null;
  declaration: (Declaration & { pointer: string }) | null;
  /**
   * For a requirement the document cannot prove (practice, or a service level without a machine
   * check): declared, or what the standard's text says about it. Null for the others, and when the
   * requirement has no search terms. Evidence never changes the status.
   */
  coverage: Coverage | null;
}

export type CoverageStatus = 'declared' | 'mentioned' | 'not_mentioned';
export const COVERAGE_STATUSES: readonly CoverageStatus[] = ['declared', 'mentioned', 'not_mentioned'];

/** A sentence of the standard that speaks to a requirement. */
export interface EvidencePassage {
  /** The sentence, quoted short (at most about 160 characters). */
  quote: string;
  /** The text value it stands in, and where the sentence begins in the file. */
  pointer: string;
  line: number;
  column: number;
  /** The search term it holds, and its own words that matched the term's. */
  term: string;
  words: string[];
}

export interface Coverage {
  status: CoverageStatus;
  /** The best one to three passages, best first (only when mentioned). */
  passages: EvidencePassage[];
}

export type CoverageCounts = Record<CoverageStatus, number>;

export type Counts = Record<Status, number>;

export interface GroupSummary {
  checklist: string;
  retningslinje: { id: string; title: string };
  byLevel: Record<Level, Counts>;
  gaps: { skal: number; bør: number };
  coverage: CoverageCounts;
}

export interface Report {
  reportVersion: string;
  tool: { name: 'kvalitetstjek'; version: string };
  auditDate: string;
  file: string;
  standard: {
    kommune: string;
    titel: string;
    version: string | null;
    vedtaget: { dato: string | null; af: string | null };
    senestRevideret: string | null;
    næsteRevision: string | null;
    url: string | null;
  };
  checklists: { id: string; title: string; source: string; verbatim: boolean }[];
  summary: {
    /** Gaps counted once each (duplicates under related requirements left out). */
    gaps: { skal: number; bør: number };
    /** Wrong citations of the law (errors) and outdated names (warnings). */
    references: { errors: number; warnings: number };
    byLevel: Record<Level, Counts>;
    /** Requirements the document cannot prove: declared, mentioned in the text, or not mentioned. */
    coverage: CoverageCounts;
    groups: GroupSummary[];
  };
  findings: Finding[];
  references: (ReferenceFinding & { baselined: boolean })[];
  /** When the next revision is due (retningslinje 2.8: at least every second year). */
  revision: Revision;
  /** Set when the standard was imported in memory from a published file and not reviewed. */
  imported?: { format: string; note: string };
}

export interface Revision {
  lastRevised: string | null;
  /** The earlier of the planned next revision and two years after the last one. */
  due: string | null;
  daysLeft: number | null;
  status: 'ok' | 'soon' | 'overdue' | 'unknown';
}

/** A known gap: a requirement id (or a reference key) in a municipality's standard. */
export interface BaselineEntry {
  kommune: string;
  nøgle: string;
  ansvarlig?: string;
  udløber?: string;
}

export interface AuditOptions {
  /** YYYY-MM-DD; the date deadlines and ages are measured against. */
  auditDate: string;
  /** The legal reference data; without it, citations are not checked. */
  references?: ReferenceData;
  /** Known gaps that do not count (until they expire). */
  baseline?: readonly BaselineEntry[];
  /** Warn this many days before the revision falls due (default 60). */
  warnDays?: number;
  /** Look for what the text says about undeclared practice and service requirements (default true). */
  evidence?: boolean;
}

/** The key a reference finding has in a baseline. */
export const referenceKey = (r: Pick<ReferenceFinding, 'location' | 'citation'>) => `lovhenvisning ${r.location.pointer} ${r.citation}`;

/**
 * The same day of the month `months` later. A day the target month lacks becomes its last day:
 * 29 February plus two years is 28 February, 31 August plus six months is 28 (or 29) February.
 * The result is always a real date, written as YYYY-MM-DD.
 */
function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = m - 1 + months;
  const year = y + Math.floor(total / 12);
  const month = ((total % 12) + 12) % 12; // 0-based
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const lastDay = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month] as number;
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month + 1, 2)}-${pad(Math.min(d, lastDay), 2)}`;
}

/** Days since 1970-01-01. setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999. */
function dayNumber(date: string): number {
  const at = new Date(0);
  at.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return at.getTime() / 86_400_000;
}

export function revisionOf(data: { senest_revideret?: string; næste_revision?: string; vedtaget?: { dato?: string } }, auditDate: string, warnDays = 60): Revision {
  const last = data.senest_revideret ?? data.vedtaget?.dato ?? null;
  const candidates = [last ? addMonths(last, 24) : null, data.næste_revision ?? null].filter((d): d is string => d !== null).sort();
  const due = candidates[0] ?? null;
  if (!due) return { lastRevised: last, due: null, daysLeft: null, status: 'unknown' };
  const daysLeft = Math.round(dayNumber(due) - dayNumber(auditDate));
  return { lastRevised: last, due, daysLeft, status: daysLeft < 0 ? 'overdue' : daysLeft <= warnDays ? 'soon' : 'ok' };
}

const reason = (id: MessageId, args: MessageArgs = {}): Reason => ({ id, args, text: t(id, args) });

export function emptyCounts(): Counts {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as Counts;
}

function highest(levels: readonly Level[]): Level {
  return LEVELS.find((l) => levels.includes(l)) as Level;
}

function run(validate: ValidateFunction, data: unknown, ctx: CheckContext): ErrorObject[] {
  return validate.call(ctx, data) ? [] : [...(validate.errors ?? [])];
}

/** ajv errors of a failed check → reasons and the pointer they are about. */
function explainErrors(errors: readonly ErrorObject[], data: unknown, ctx: CheckContext): { reasons: Reason[]; pointer: string } {
  const reasons: Reason[] = [];
  let pointer: string | undefined;
  // A failed `contains` reports why each item failed too; the list as a whole is the finding.
  const lists = errors.filter((e) => e.keyword === 'contains').map((e) => `${e.instancePath}/`);
  const meaningful = errors.filter(
    (e) => !['not', 'allOf', 'anyOf', 'oneOf', 'if'].includes(e.keyword) && !lists.some((l) => e.instancePath.startsWith(l)),
  );
  for (const e of meaningful) {
    const path = displayPath(e.instancePath);
    switch (e.keyword) {
      case 'required': {
        const missing = `${e.instancePath}${toPointer([String(e.params.missingProperty)])}`;
        pointer ??= missing;
        reasons.push(reason('why.missingKey', { path: displayPath(missing) }));
        break;
      }
      case 'maximum':
        pointer ??= e.instancePath;
        reasons.push(reason('why.maximum', { path, value: String(valueAt(data, e.instancePath)), limit: Number(e.params.limit) }));
        break;
      case 'contains': {
        pointer ??= e.instancePath;
        const wanted = (e.schema as { const?: unknown }).const;
        reasons.push(wanted === undefined ? reason('why.containsNone', { path }) : reason('why.contains', { path, expected: String(wanted) }));
        break;
      }
      case 'const':
      case 'enum':
      case 'pattern':
      case 'type':
      case 'format':
        pointer ??= e.instancePath;
        reasons.push(reason('why.unexpectedValue', { path }));
        break;
      case 'minItems':
        pointer ??= e.instancePath;
        reasons.push(reason('why.tooFewItems', { path, limit: Number(e.params.limit) }));
        break;
      case 'maxAgeMonths':
        pointer ??= e.instancePath;
        reasons.push(reason('why.maxAgeMonths', { path, value: String(valueAt(data, e.instancePath)), months: Number(e.params.months), date: ctx.auditDate }));
        break;
      default:
        pointer ??= e.instancePath;
        reasons.push(reason('why.unexpectedValue', { path }));
    }
  }
  const unique = reasons.filter((r, i) => reasons.findIndex((o) => o.text === r.text) === i);
  return { reasons: unique, pointer: pointer ?? '' };
}

/** Where a met requirement shows: the first section its check names. */
function anchorOf(check: unknown): string {
  const req = (check as { required?: unknown } | undefined)?.required;
  return Array.isArray(req) && typeof req[0] === 'string' ? toPointer([req[0]]) : '';
}

export function audit(standard: Standard, checklists: readonly Checklist[], options: AuditOptions): Report {
  const data = standard.data;
  // Checks see only texts that say something: a placeholder or a two-word section is not content.
  const view = substantiveView(data);
  const ctx: CheckContext = { auditDate: options.auditDate };
  const declarations = new Map<string, Declaration & { pointer: string }>();
  (data.erklæringer ?? []).forEach((d, i) => declarations.set(d.krav, { ...d, pointer: `/erklæringer/${i}` }));
  const located = new Map<string, Location>();
  const locate = (pointer: string): Location => {
    let at = located.get(pointer);
    if (!at) {
      const parent = toPointer(parsePointer(pointer).slice(0, -1));
      at = standard.source.locate(pointer, sectionOrderAt(parent));
      located.set(pointer, at);
    }
    return at;
  };

  // One evidence index for the audit, built when a requirement first needs it and dropped with the
  // audit: a batch keeps its standards and reports to the end, and need not keep their indexes too.
  // The texts the substantive view found empty are not judged again.
  let index: EvidenceIndex | undefined;
  const evidence = options.evidence === false ? null : () => (index ??= new EvidenceIndex(passagesOf(data, standard.source, view.empty), termsOf(checklists)));

  const findings: Finding[] = [];
  for (const list of checklists) {
    const listApplies = !list.appliesIf || run(list.appliesIf, data, ctx).length === 0;
    for (const r of list.requirements) {
      const requirement = catalogEntry(list, r);
      const level = highest(requirement.levels);
      const compiled = list.compiled.get(r.id) ?? {};
      const finding: Finding = { requirement, level, status: 'not_declared', gap: false, duplicateOf: null, baselined: false, reasons: [], location: null, declaration: null, coverage: null };
      findings.push(finding);

      if (!listApplies || (compiled.appliesIf && run(compiled.appliesIf, data, ctx).length > 0)) {
        finding.status = 'not_applicable';
        finding.reasons.push(reason('why.notApplicable'));
        continue;
      }

      let declared = declarations.get(r.id) ?? null;
      if (declared?.udløber && declared.udløber < options.auditDate) {
        finding.reasons.push(reason('why.declarationExpired', { date: declared.udløber }));
        declared = null;
      }
      finding.declaration = declared;
      if (!compiled.check) finding.coverage = coverageOf(evidence, requirement, declared !== null);

      if (compiled.check) {
        const errors = run(compiled.check, view.data, ctx);
        if (errors.length === 0) {
          finding.status = 'met';
          finding.location = locate(anchorOf(r.check));
          finding.reasons.push(reason('why.met'));
          continue;
        }
        const partly = compiled.partial && run(compiled.partial, view.data, ctx).length === 0;
        const explained = explainErrors(errors, view.data, ctx);
        finding.status = partly ? 'partly_met' : 'missing';
        // Say which text is empty when the check misses something the file does hold.
        const unfilled = valueAt(data, explained.pointer) !== undefined && valueAt(view.data, explained.pointer) === undefined ? emptyUnder(view.empty, explained.pointer) : [];
        finding.location = locate(unfilled[0]?.pointer ?? explained.pointer);
        if (partly) finding.reasons.push(reason('why.partly'));
        finding.reasons.push(...(unfilled.length ? unfilled.map((e) => reason(`why.notFilled.${e.kind}`, { path: displayPath(e.pointer), text: excerpt(e.text) })) : explained.reasons));
      } else if (declared?.status === 'opfyldt') {
        finding.status = 'declared';
        finding.location = locate(declared.pointer);
        finding.reasons.push(reason('why.declaredMet', { text: declared.begrundelse }));
        continue;
      } else if (!declared) {
        finding.status = 'not_declared';
        finding.location = locate('/erklæringer');
        finding.reasons.push(reason('why.notDeclared'));
        continue;
      } else {
        finding.status = 'missing';
        finding.location = locate(declared.pointer);
      }

      // Not met. A declared deviation explains a bør or kan; a skal stays a gap.
      if (declared?.status === 'afvigelse') {
        if (level === 'skal') {
          finding.reasons.push(reason('why.deviationFromSkal', { text: declared.begrundelse }));
        } else {
          finding.status = 'deviation_explained';
          finding.reasons = [reason('why.declaredDeviation', { text: declared.begrundelse })];
          finding.location = locate(declared.pointer);
        }
      }
    }
  }

  for (const f of findings) f.gap = (f.status === 'missing' || f.status === 'partly_met') && f.level !== 'kan';
  markDuplicates(findings);
  // A baseline entry silences its gap until it expires; then the gap counts again.
  const known = new Map<string, BaselineEntry>();
  for (const b of options.baseline ?? []) if (b.kommune === data.kommune) known.set(b.nøgle, b);
  const silenced = (key: string) => {
    const entry = known.get(key);
    return entry !== undefined && !(entry.udløber && entry.udløber < options.auditDate);
  };
  for (const f of findings) {
    if (!f.gap) continue;
    f.baselined = silenced(f.requirement.id);
    const entry = known.get(f.requirement.id);
    if (entry?.udløber && entry.udløber < options.auditDate) f.reasons.push(reason('why.baselineExpired', { date: entry.udløber }));
    else if (f.baselined) f.reasons.push(reason('why.baselined', { owner: entry?.ansvarlig ?? '', date: entry?.udløber ?? '' }));
  }
  const references = (options.references ? checkCitations(extractCitations(data, options.references), data, options.references, standard.source, options.auditDate) : []).map((r) => ({
    ...r,
    baselined: silenced(referenceKey(r)),
  }));
  const summary = summarize(findings);
  const counted = references.filter((r) => !r.baselined);
  summary.references = { errors: counted.filter((r) => r.severity === 'error').length, warnings: counted.filter((r) => r.severity === 'warning').length };
  return {
    reportVersion: REPORT_VERSION,
    tool: { name: 'kvalitetstjek', version: VERSION },
    auditDate: options.auditDate,
    file: standard.file,
    standard: {
      kommune: data.kommune,
      titel: data.titel,
      version: data.version ?? null,
      vedtaget: { dato: data.vedtaget?.dato ?? null, af: data.vedtaget?.af ?? null },
      senestRevideret: data.senest_revideret ?? null,
      næsteRevision: data.næste_revision ?? null,
      url: data.url ?? null,
    },
    checklists: checklists.map((c) => {
      const e = c.requirements[0] ? catalogEntry(c, c.requirements[0]) : undefined;
      return { id: c.checklist.id, title: c.checklist.title, source: e?.source ?? c.checklist.source.title, verbatim: c.checklist.source.verbatim !== false };
    }),
    summary,
    findings,
    references,
    revision: revisionOf(data, options.auditDate, options.warnDays),
  };
}

/** The empty texts at or under the pointer a failed check names (at most three, in document order). */
function emptyUnder(empty: readonly EmptyText[], pointer: string): EmptyText[] {
  return empty.filter((e) => e.pointer === pointer || e.pointer.startsWith(`${pointer}/`)).slice(0, 3);
}

const excerpt = (s: string) => {
  const flat = s.replace(/\s+/gu, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
};

/** The passages of a standard that hold one of these terms, best first, as the report shows them. */
export function evidenceFor(standard: Standard, terms: readonly string[], limit = 3): EvidencePassage[] {
  if (terms.length === 0) return [];
  return evidenceIndex(standard, terms)
    .find(terms, limit)
    .map(toPassage);
}

const toPassage = (m: EvidenceMatch): EvidencePassage => ({ quote: quoteOf(m), pointer: m.passage.pointer, line: m.passage.line, column: m.passage.column, term: m.term, words: m.words });

/** Declared, or what the text says (`evidence` gives the audit's index; null when not searched). */
function coverageOf(evidence: (() => EvidenceIndex) | null, requirement: CatalogEntry, declared: boolean): Coverage | null {
  if (declared) return { status: 'declared', passages: [] };
  if (!evidence || requirement.terms.length === 0) return null;
  const matches = evidence().find(requirement.terms);
  if (matches.length === 0) return { status: 'not_mentioned', passages: [] };
  return { status: 'mentioned', passages: matches.map(toPassage) };
}

const listTerms = new WeakMap<readonly Checklist[], string[]>();

/** Every search term of the checklists in use (one index per standard serves them all). */
function termsOf(lists: readonly Checklist[]): string[] {
  let terms = listTerms.get(lists);
  if (!terms) {
    terms = [...new Set(lists.flatMap((l) => l.requirements.flatMap((r) => r.terms ?? [])))];
    listTerms.set(lists, terms);
  }
  return terms;
}

export const emptyCoverage = (): CoverageCounts => ({ declared: 0, mentioned: 0, not_mentioned: 0 });

/** A gap also found under a related requirement counted earlier is counted there, once. */
function markDuplicates(findings: Finding[]): void {
  const entries = findings.map((f) => f.requirement);
  const counted = new Map<string, Finding>();
  for (const f of findings) {
    if (!f.gap) continue;
    const earlier = relatedIds(entries, f.requirement.id).map((id) => counted.get(id)).find((g) => g && g.requirement.checklist !== f.requirement.checklist);
    if (earlier) {
      f.duplicateOf = earlier.requirement.id;
      f.reasons.push(reason('why.duplicateOf', { id: earlier.requirement.id }));
    } else {
      counted.set(f.requirement.id, f);
    }
  }
}

function summarize(findings: readonly Finding[]): Report['summary'] {
  const byLevel = Object.fromEntries(LEVELS.map((l) => [l, emptyCounts()])) as Record<Level, Counts>;
  const groups = new Map<string, GroupSummary>();
  const gaps = { skal: 0, bør: 0 };
  const coverage = emptyCoverage();
  for (const f of findings) {
    byLevel[f.level][f.status]++;
    const key = `${f.requirement.checklist}\u0000${f.requirement.retningslinje.id}`;
    let g = groups.get(key);
    if (!g) {
      g = { checklist: f.requirement.checklist, retningslinje: f.requirement.retningslinje, byLevel: Object.fromEntries(LEVELS.map((l) => [l, emptyCounts()])) as Record<Level, Counts>, gaps: { skal: 0, bør: 0 }, coverage: emptyCoverage() };
      groups.set(key, g);
    }
    g.byLevel[f.level][f.status]++;
    if (f.coverage) {
      g.coverage[f.coverage.status]++;
      coverage[f.coverage.status]++;
    }
    // One count everywhere: a gap is counted once, under the requirement it is first found at, and not
    // while a baseline accepts it. The per-retningslinje columns, the total, the charts (committee.ts
    // categoryOf) and the sentences all use this rule, so the columns add up to the total. A duplicate
    // still shows in the list of gaps, marked as the same gap as the one it repeats.
    if (f.gap && f.level !== 'kan' && !f.duplicateOf && !f.baselined) {
      g.gaps[f.level]++;
      gaps[f.level]++;
    }
  }
  return { gaps, references: { errors: 0, warnings: 0 }, byLevel, coverage, groups: [...groups.values()] };
}
