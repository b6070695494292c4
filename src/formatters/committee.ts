// The committee's view of a report: plain-language sentences and counts for readers who have never
// seen the YAML or the catalog. No ids, pointers or line numbers: those belong in the appendix.
// Pure functions of the report; the HTML report and its charts are drawn from these, so the text
// and the charts always count the same things.
import type { Finding, Report } from '../audit.js';
import type { Level } from '../checklist.js';
import { t } from '../messages.js';

/** A requirement's place in the committee's coverage: exactly one per counted finding. */
export type Category = 'met' | 'skal' | 'bør' | 'baselined' | 'declared' | 'mentioned' | 'notMentioned' | 'notDeclared' | 'optional';
export const CATEGORIES: readonly Category[] = ['met', 'skal', 'bør', 'baselined', 'declared', 'mentioned', 'notMentioned', 'notDeclared', 'optional'];

/**
 * Where a finding counts, or null when it does not: not applicable, or a gap already counted under
 * a related requirement (each gap is counted once, as in the summary).
 */
export function categoryOf(f: Finding): Category | null {
  if (f.status === 'not_applicable' || f.duplicateOf) return null;
  if (f.status === 'met') return 'met';
  if (f.gap) return f.baselined ? 'baselined' : (f.level as 'skal' | 'bør');
  if (f.status === 'declared' || f.status === 'deviation_explained') return 'declared';
  if (f.status === 'not_declared') return f.coverage?.status === 'mentioned' ? 'mentioned' : f.coverage?.status === 'not_mentioned' ? 'notMentioned' : 'notDeclared';
  // A kan that is not met is no gap.
  return 'optional';
}

export type CategoryCounts = Record<Category, number>;
const zero = (): CategoryCounts => Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as CategoryCounts;

export interface GroupCoverage {
  /** The retningslinje's or paragraph's number and a short name: "2.3 Differentierede ydelser …". */
  label: string;
  title: string;
  counts: CategoryCounts;
}

/** Counts per retningslinje (groups with nothing counted are left out), and the total. */
export function groupCoverage(report: Report): { groups: GroupCoverage[]; total: CategoryCounts } {
  const groups = new Map<string, GroupCoverage>();
  const total = zero();
  for (const f of report.findings) {
    const c = categoryOf(f);
    if (!c) continue;
    const g = f.requirement.retningslinje;
    const key = `${f.requirement.checklist}\u0000${g.id}`;
    let entry = groups.get(key);
    if (!entry) groups.set(key, (entry = { label: shortLabel(g), title: g.title.startsWith(g.id) ? g.title : `${g.id} ${g.title}`, counts: zero() }));
    entry.counts[c]++;
    total[c]++;
  }
  return { groups: [...groups.values()], total };
}

/** Categories with at least one requirement: no empty series, no empty columns. */
export const usedCategories = (total: CategoryCounts): Category[] => CATEGORIES.filter((c) => total[c] > 0);

const MAX_NAME = 48;

/** A retningslinje's title without "Retningslinje for/om", capitalised, cut at a word near 48 characters. */
export function shortName(title: string): string {
  const bare = title.replace(/^retningslinje\s+(for|om)\s+/iu, '').trim();
  const name = bare.charAt(0).toLocaleUpperCase('da') + bare.slice(1);
  if (name.length <= MAX_NAME) return name;
  const cut = name.slice(0, MAX_NAME);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_NAME / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/u, '')} …`;
}

export function shortLabel(g: { id: string; title: string }): string {
  const title = g.title.startsWith(g.id) ? g.title.slice(g.id.length).trim() : g.title;
  return `${g.id} ${shortName(title)}`;
}

/** Where a requirement comes from, as a reader cites it: "bekendtgørelsens § 4, stk. 1, nr. 15". */
export function citation(f: Finding, report: Report): string {
  const r = f.requirement;
  const printed = r.printedId ?? '';
  const law = /^(SEL|serviceloven)\s+(§.*)$/iu.exec(printed);
  if (law) return t('committee.cite.serviceLaw', { ref: law[2] as string });
  if (printed.startsWith('§')) {
    const source = report.checklists.find((c) => c.id === r.checklist)?.source ?? '';
    return /bekendtgørelse/iu.test(source) ? t('committee.cite.order', { ref: printed }) : t('committee.cite.other', { source: shortName(source), ref: printed });
  }
  // A guideline: its retningslinje, by number and name (the requirement's own number is a catalog matter).
  return t('committee.cite.group', { group: shortLabel(r.retningslinje) });
}

/** One plain sentence for a gap: what the standard lacks, and where the requirement comes from. */
export function gapSentence(f: Finding, report: Report): string {
  const cite = citation(f, report);
  const subject = f.requirement.subject;
  const deviation = f.declaration?.status === 'afvigelse';
  if (subject === null) return t(deviation ? 'committee.gap.textDeviation' : f.status === 'partly_met' ? 'committee.gap.textPartly' : 'committee.gap.text', { text: f.requirement.text.replace(/[.\s]+$/u, ''), cite });
  return t(deviation ? 'committee.gap.deviation' : f.status === 'partly_met' ? 'committee.gap.partly' : 'committee.gap.missing', { subject, cite });
}

/** The gaps of one level the committee must know of: counted once each, none accepted in a baseline. */
export const gapsAt = (report: Report, level: Level): Finding[] => report.findings.filter((f) => categoryOf(f) === level);

/** The bottom line, in two or three plain sentences. */
export function conclusion(report: Report): string[] {
  const { total } = groupCoverage(report);
  const skal = total.skal;
  const bør = total.bør;
  const out = [skal + bør === 0 ? t('committee.conclusion.none') : skal === 0 ? t('committee.conclusion.onlyBør', { bør }) : t('committee.conclusion.gaps', { skal, bør })];
  const practice = total.declared + total.mentioned + total.notMentioned;
  if (practice > 0) out.push(t('committee.conclusion.practice', { count: practice, declared: total.declared, mentioned: total.mentioned, notMentioned: total.notMentioned }));
  if (total.baselined > 0) out.push(t('committee.conclusion.baselined', { count: total.baselined }));
  out.push(revisionSentence(report));
  return out;
}

export function revisionSentence(report: Report): string {
  const r = report.revision;
  if (r.status === 'unknown' || r.due === null) return t('committee.revision.unknown');
  return t(`committee.revision.${r.status}`, { due: longDate(r.due) });
}

/** "2026-11-22" → "22. november 2026". */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const at = new Date(0);
  at.setUTCFullYear(y, m - 1, d);
  return new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at);
}

/** The legal references the standard should update, each once, in plain words. */
export function referencesToUpdate(report: Report): string[] {
  return [...new Set(report.references.filter((r) => !r.baselined).map((r) => r.message.text))];
}
