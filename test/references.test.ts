// Legal references: the citation forms standards use, the ones that must not be read as citations,
// and the checks on Helsingør's outdated references.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { audit } from '../src/audit.js';
import { loadBundledChecklists } from '../src/checklist.js';
import { loadReferenceData } from '../src/reference-data.js';
import { citationsIn } from '../src/references.js';
import { loadStandard } from '../src/standard.js';
import { cli, fixture } from './helpers.js';

const data = loadReferenceData();
const read = (text: string) => citationsIn(text, '/x', data).map((c) => ({ kind: c.kind, text: c.text, law: c.law, paragraph: c.paragraph, stk: c.stk, name: c.name }));

describe('finding citations in text', () => {
  it.each([
    ['§ 101, stk. 4', { kind: 'provision', text: '§ 101, stk. 4', law: 'SEL', paragraph: '101', stk: 4 }],
    ['jf. servicelovens § 101 a om anonym behandling', { kind: 'provision', text: 'servicelovens § 101 a', law: 'SEL', paragraph: '101 a', stk: null }],
    ['efter SEL § 101 og', { kind: 'provision', text: 'SEL § 101', law: 'SEL', paragraph: '101', stk: null }],
    ['sundhedslovens § 141, stk. 2, om', { kind: 'provision', text: 'sundhedslovens § 141, stk. 2', law: 'SUL', paragraph: '141', stk: 2 }],
    ['Serviceloven § 101 stk. 5 giver', { kind: 'provision', text: 'Serviceloven § 101 stk. 5', law: 'SEL', paragraph: '101', stk: 5 }],
    ['retssikkerhedslovens § 82', { kind: 'provision', text: 'retssikkerhedslovens § 82', law: 'RSL', paragraph: '82', stk: null }],
    ['bekendtgørelse nr. 1651 af 13.12.06 fastsætter', { kind: 'act', text: 'bekendtgørelse nr. 1651 af 13.12.06' }],
    ['jf. lovbekendtgørelse nr. 798 af 7. august 2019 med', { kind: 'act', text: 'lovbekendtgørelse nr. 798 af 7. august 2019' }],
    ['Register over stofmisbrugere i behandling (SIB)', { kind: 'name', text: 'Register over stofmisbrugere i behandling', name: 'SIB' }],
    ['indberettes til SIB hver måned', { kind: 'name', text: 'SIB', name: 'SIB' }],
  ])('reads %j', (text, expected) => {
    expect(read(text)).toEqual([expect.objectContaining(expected)]);
  });

  it.each([
    ['§ 1010', 'a paragraph number that does not exist in these laws'],
    ['Ring på 4186 9624', 'a phone number'],
    ['fra den 13.12.06 og 1. juli 2015', 'a date'],
    ['stk. 4 i aftalen', 'a stk. without a paragraph'],
    ['Gruppen mødes kl. 16.00 - 18.00', 'a time'],
    ['SIBERIEN og SIBLING', 'a word that merely contains SIB'],
  ])('does not read %j (%s) as a citation', (text) => {
    expect(read(text)).toEqual([]);
  });

  it('does not take a following word for a paragraph letter', () => {
    expect(read('servicelovens § 101 i forhold til')).toEqual([expect.objectContaining({ paragraph: '101' })]);
  });
});

describe('checking the references of a standard', () => {
  const lists = loadBundledChecklists();
  const helsingoer = fixture('helsingoer-rusmiddelbehandling.yaml');
  const lines = readFileSync(helsingoer, 'utf8').split('\n');
  const report = audit(loadStandard(helsingoer), lists, { auditDate: '2026-11-22', references: data });

  it('reports each of Helsingør’s outdated references with its line and the current provision', () => {
    const found = report.references.map((r) => ({ rule: r.rule, severity: r.severity, line: r.location.line, citation: r.citation, current: r.current }));
    expect(found).toEqual([
      { rule: 'moved', severity: 'error', line: 18, citation: 'servicelovens § 52, stk. 3', current: 'BL § 32, BL § 33' },
      { rule: 'renumbered', severity: 'error', line: 276, citation: 'servicelovens § 101, stk. 2', current: 'SEL § 101, stk. 4' },
      { rule: 'renumbered', severity: 'error', line: 278, citation: 'Servicelovens § 101, stk. 3', current: 'SEL § 101, stk. 12' },
      { rule: 'renumbered', severity: 'error', line: 280, citation: 'servicelovens § 101, stk. 2', current: 'SEL § 101, stk. 4' },
      { rule: 'renumbered', severity: 'error', line: 284, citation: 'servicelovens § 101, stk. 4', current: 'SEL § 101, stk. 5' },
      { rule: 'renumbered', severity: 'error', line: 287, citation: 'servicelovens § 101, stk. 4', current: 'SEL § 101, stk. 5' },
      { rule: 'wrongRegister', severity: 'warning', line: 330, citation: 'Register over stofmisbrugere i behandling', current: 'Stofmisbrugsdatabasen (SMDB)' },
      { rule: 'wrongRegister', severity: 'warning', line: 342, citation: 'Register over stofmisbrugere i behandling', current: 'Stofmisbrugsdatabasen (SMDB)' },
      { rule: 'moved', severity: 'error', line: 378, citation: 'servicelovens § 52, stk. 3', current: 'BL § 32, BL § 33' },
      { rule: 'renumbered', severity: 'error', line: 378, citation: '§ 101, stk. 3', current: 'SEL § 101, stk. 12' },
    ]);
    expect(report.summary.references).toEqual({ errors: 8, warnings: 2 });
  });

  it('points at the citation itself in the file', () => {
    for (const r of report.references) {
      const line = lines[r.location.line - 1] ?? '';
      const words = r.citation.split(/\s+/);
      // The citation starts at the reported column (it may continue on the next line).
      expect(line.slice(r.location.column - 1).startsWith(words[0] as string), `${r.citation} at ${r.location.line}:${r.location.column}`).toBe(true);
    }
  });

  it('finds none in the complete example', () => {
    const clean = audit(loadStandard(fixture('eksempel-komplet.yaml')), lists, { auditDate: '2026-11-22', references: data });
    expect(clean.references).toEqual([]);
  });

  it('shows them in the terminal and explains a reference from the command line', () => {
    const run = cli(['audit', helsingoer, '--dato', '2026-11-22']);
    expect(run.stdout).toMatch(/^.*:276:\d+ {2}fejl {2}"servicelovens § 101, stk\. 2" er den gamle nummerering: behandlingsgarantien står siden 1\. januar 2020 i SEL § 101, stk\. 4$/m);
    const explained = cli(['explain', 'SEL § 101, stk. 4']);
    expect(explained.code).toBe(0);
    expect(explained.stdout).toContain('Behandlingsgarantien');
    expect(explained.stdout).toMatch(/Tidligere:\s+stk\. 2 \(til og med 31\. december 2019\)/);
    expect(cli(['explain', 'SIB']).stdout).toContain('Stofmisbrugsdatabasen (SMDB)');
    expect(cli(['explain', '§ 999']).code).toBe(2);
  });
});
