// The audit of Helsingør's standard finds the gaps an expert finds there and none that are not; adding
// the missing content to a copy turns each finding into met.
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { audit } from '../src/audit.js';
import type { Report, Status } from '../src/audit.js';
import { loadBundledChecklists } from '../src/checklist.js';
import { parseStandard } from '../src/standard.js';
import { cli, fixture } from './helpers.js';

const FILE = fixture('helsingoer-rusmiddelbehandling.yaml');
const TEXT = readFileSync(FILE, 'utf8');
const DATE = '2026-11-22';
const lists = loadBundledChecklists();
const run = (text: string): Report => audit(parseStandard(FILE, text), lists, { auditDate: DATE });
const statusOf = (r: Report, id: string): Status | undefined => r.findings.find((f) => f.requirement.id === id)?.status;
const lineOf = (key: string) => TEXT.split('\n').findIndex((l) => l.startsWith(`${key}:`)) + 1;

/** The gaps in Helsingør's standard, and what would close each. */
const GAPS: { id: string; status: Status; why: string; patch: [path: (string | number)[], value: unknown][] }[] = [
  { id: 'bek1477-4.1.1', status: 'partly_met', why: 'lists offers but never describes the tasks as such', patch: [[['opgaver'], { tekst: 'Rusmiddelcentret rådgiver, afdækker, visiterer, behandler og følger op.' }]] },
  { id: 'bek1477-4.1.3', status: 'partly_met', why: 'a goal, but no values and norms', patch: [[['formål', 'værdier_og_normer'], 'Respekt for borgerens egne mål.']] },
  { id: 'bek1477-4.1.9', status: 'missing', why: 'nothing on § 141 action plans', patch: [[['handleplaner'], { tekst: 'Koordinering med handleplaner.', mål: 'Alle i døgnbehandling tilbydes en handleplan.' }]] },
  { id: 'bek1477-4.1.15', status: 'missing', why: 'nothing on gift vouchers', patch: [[['gavekort'], { tekst: 'Kommunen anvender ikke gavekort.' }]] },
  { id: '2.3.12', status: 'missing', why: 'no naloxone course for people treated for opioids', patch: [[['organisering', 'tilbud', '+'], { navn: 'Naloxon-kursus', type: 'andet', indhold: 'Kursus i førstehjælp og brug af Naloxon.' }]] },
  { id: '2.8.1', status: 'missing', why: 'neither a web address nor a revision date', patch: [[['url'], 'https://www.helsingor.dk/kvalitetsstandard'], [['senest_revideret'], '2026-01-15']] },
  { id: '2.8.3', status: 'partly_met', why: 'values and norms missing (counted under § 4, nr. 3)', patch: [[['formål', 'værdier_og_normer'], 'Respekt for borgerens egne mål.']] },
  { id: '2.8.4', status: 'missing', why: 'no user or relatives organisations named', patch: [[['brugerorganisationer'], ['Brugerrådet']]] },
  { id: '3.4.5', status: 'missing', why: 'the free doctor’s consultation is not mentioned', patch: [[['organisering', 'tilbud', '+'], { navn: 'Vederlagsfri lægesamtale', type: 'lægesamtale' }]] },
];

/** A copy of the fixture with values set; a path ending in '+' appends to a list. */
function patched(patch: [(string | number)[], unknown][]): string {
  const doc = parseDocument(TEXT);
  for (const [path, value] of patch) {
    if (path.at(-1) === '+') doc.addIn(path.slice(0, -1), doc.createNode(value));
    else doc.setIn(path, doc.createNode(value));
  }
  return doc.toString();
}

describe('the audit of Helsingør', () => {
  const report = run(TEXT);

  it('finds exactly the expected gaps', () => {
    const found = report.findings.filter((f) => f.gap).map((f) => [f.requirement.id, f.status]);
    expect(found).toEqual(GAPS.map((g) => [g.id, g.status]));
    expect(report.summary.gaps).toEqual({ skal: 8, bør: 0 });
  });

  it('meets the other machine-checked requirements', () => {
    const checked = report.findings.filter((f) => f.requirement.machineCheck && !GAPS.some((g) => g.id === f.requirement.id));
    expect(checked.length).toBeGreaterThan(15);
    for (const f of checked) expect(f.status, f.requirement.id).toBe('met');
  });

  it('reports practice requirements as not declared, never as met', () => {
    const practice = report.findings.filter((f) => !f.requirement.machineCheck);
    expect(practice.length).toBeGreaterThan(100);
    for (const f of practice) expect(f.status, f.requirement.id).toBe('not_declared');
  });

  it('counts the values-and-norms gap once, under § 4, nr. 3', () => {
    expect(report.findings.find((f) => f.requirement.id === '2.8.3')?.duplicateOf).toBe('bek1477-4.1.3');
  });

  it('points each missing section to where it belongs', () => {
    const at = (id: string) => report.findings.find((f) => f.requirement.id === id)?.location;
    expect(at('bek1477-4.1.9')).toMatchObject({ exists: false, pointer: '/handleplaner', line: lineOf('brugerinddragelse') });
    expect(at('bek1477-4.1.15')).toMatchObject({ exists: false, pointer: '/gavekort', line: lineOf('varighed') });
    expect(at('2.8.4')).toMatchObject({ exists: false, pointer: '/brugerorganisationer' });
    expect(at('2.3.12')).toMatchObject({ exists: true, pointer: '/organisering/tilbud' });
  });

  it.each(GAPS)('$id ($why) becomes met when the content is added', ({ id, patch }) => {
    expect(statusOf(run(patched(patch)), id)).toBe('met');
  });

  it('has no skal gap with all the missing content added', () => {
    const all = run(patched(GAPS.flatMap((g) => g.patch)));
    expect(all.summary.gaps).toEqual({ skal: 0, bør: 0 });
  });

  it('exits 1 from the command line (a skal is missing), 0 with --fail-on aldrig', () => {
    expect(cli(['audit', FILE, '--dato', DATE]).code).toBe(1);
    expect(cli(['audit', FILE, '--dato', DATE, '--fail-on', 'aldrig']).code).toBe(0);
  });
});
