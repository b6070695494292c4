// The law as it stands on the audit date: a citation is out of date only from the day the law
// changed, the whole pre-2020 § 101 numbering is known, serviceloven § 52 moved to barnets lov on
// 1 January 2024, SIB is the wrong register (not an old name) for social treatment, and every fact
// in the reference data names a public source with a number and a date.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { audit } from '../src/audit.js';
import { InputError } from '../src/errors.js';
import { loadBundledChecklists } from '../src/checklist.js';
import { danglingRefs, loadReferenceData } from '../src/reference-data.js';
import { checkCitations, extractCitations } from '../src/references.js';
import type { ReferenceData, SourceRef } from '../src/references.js';
import { loadStandard } from '../src/standard.js';
import { parseYaml } from '../src/load.js';
import { cli, fixture } from './helpers.js';

const data = loadReferenceData();
const lists = loadBundledChecklists();
const helsingoer = fixture('helsingoer-rusmiddelbehandling.yaml');
const lines = readFileSync(helsingoer, 'utf8').split('\n');

/** The reference findings for a small standard written inline, on a date. */
function findings(yaml: string, date: string) {
  const loaded = parseYaml('test.yaml', yaml);
  return checkCitations(extractCitations(loaded.data, data), loaded.data, data, loaded.source, date);
}

describe('the audit date decides', () => {
  const on = (date: string) => audit(loadStandard(helsingoer), lists, { auditDate: date, references: data }).references;

  it('reports Helsingør’s two § 52 citations as moved to barnets lov since 1 January 2024, with their lines', () => {
    const moved = on('2026-11-23').filter((r) => r.rule === 'moved');
    expect(moved.map((r) => r.location.line)).toEqual([18, 378]);
    for (const r of moved) {
      expect(lines[r.location.line - 1]).toContain(r.citation);
      expect(r.message.text).toContain('1. januar 2024');
      expect(r.message.text).toContain('barnets lov');
      expect(r.message.text).toMatch(/BL § 33/);
    }
  });

  it('has no § 52 findings on 31 December 2023, the last day serviceloven § 52 applied', () => {
    const before = on('2023-12-31');
    expect(before.filter((r) => r.rule === 'moved')).toEqual([]);
    expect(before.some((r) => r.citation.includes('§ 52'))).toBe(false);
    // The renumbering of 2020 is still reported then.
    expect(before.filter((r) => r.rule === 'renumbered').map((r) => r.location.line)).toEqual([276, 278, 280, 284, 287, 378]);
  });

  it('reports the old "§ 101, stk. 3" as renumbered to stk. 12 since 1 January 2020, and as a matter for barnets lov since 2024', () => {
    const stk3 = on('2026-11-23').filter((r) => /§ 101, stk\. 3$/.test(r.citation));
    expect(stk3.map((r) => [r.rule, r.location.line, r.current])).toEqual([
      ['renumbered', 278, 'SEL § 101, stk. 12'],
      ['renumbered', 378, 'SEL § 101, stk. 12'],
    ]);
    for (const r of stk3) {
      expect(r.message.text).toContain('siden 1. januar 2020');
      expect(r.message.text).toContain('barnets lov');
    }
    for (const r of on('2023-06-01').filter((x) => /§ 101, stk\. 3$/.test(x.citation))) expect(r.message.text).not.toContain('barnets lov');
  });

  it('knows every stk. of the pre-2020 § 101 and its present number', () => {
    const cases: [string, string][] = [
      ['Fristen kan fraviges ved behandling et andet sted, jf. servicelovens § 101, stk. 5.', 'SEL § 101, stk. 6'],
      ['Retten til frit valg kan begrænses efter servicelovens § 101, stk. 6.', 'SEL § 101, stk. 7'],
      ['Borgeren har frit valg efter servicelovens § 101, stk. 4.', 'SEL § 101, stk. 5'],
      ['Behandlingsgarantien på 14 dage følger af servicelovens § 101, stk. 2.', 'SEL § 101, stk. 4'],
      ['Regler om unge under 18 år står i servicelovens § 101, stk. 3.', 'SEL § 101, stk. 12'],
    ];
    for (const [text, current] of cases) {
      const found = findings(`tekst: "${text}"\n`, '2023-06-01');
      expect(found.map((r) => [r.rule, r.current]), text).toEqual([['renumbered', current]]);
    }
    // The present numbering cited for its own subject is not a finding; nor is the old stk. 1, which kept its number.
    expect(findings('tekst: "Fristen kan fraviges efter servicelovens § 101, stk. 6, og retten til frit valg begrænses efter § 101, stk. 7. Kommunen skal tilbyde behandling, jf. § 101, stk. 1."\n', '2026-01-01')).toEqual([]);
  });

  it('reports serviceloven § 101 cited for under-18s as a matter for barnets lov, unless the text names barnets lov', () => {
    const minors = findings('tekst: "Unge under 18 år behandles efter servicelovens § 101."\n', '2024-01-01');
    expect(minors.map((r) => [r.rule, r.current])).toEqual([['moved', 'BL § 33']]);
    expect(minors[0]?.message.text).toContain('1. januar 2024');
    expect(findings('tekst: "Unge under 18 år behandles efter servicelovens § 101."\n', '2023-12-31')).toEqual([]);
    expect(findings('tekst: "Unge under 18 år behandles efter barnets lov § 33, voksne efter servicelovens § 101."\n', '2025-01-01')).toEqual([]);
    expect(findings('tekst: "Voksne behandles efter servicelovens § 101."\n', '2025-01-01')).toEqual([]);
  });
});

describe('SIB and SMDB', () => {
  it('reports SIB named as the place social treatment is reported to, without SMDB, as the wrong register', () => {
    const found = findings('monitorering:\n  tekst: "Vi indberetter til SIB."\n', '2025-01-01');
    expect(found.map((r) => [r.rule, r.severity, r.current])).toEqual([['wrongRegister', 'warning', 'Stofmisbrugsdatabasen (SMDB)']]);
    // It says what SIB is, not that the name is old.
    expect(found[0]?.message.text).toContain('lægelig stofmisbrugsbehandling');
    expect(found[0]?.message.text).not.toMatch(/forældet navn/);
  });

  it('says nothing when the standard also names SMDB, or names SIB without reporting to it', () => {
    expect(findings('monitorering:\n  tekst: "Vi indberetter til SIB og til Stofmisbrugsdatabasen."\n', '2025-01-01')).toEqual([]);
    expect(findings('tekst: "Vi indberetter lægelig behandling til SIB."\nandet: "Social behandling indberettes til SMDB."\n', '2025-01-01')).toEqual([]);
    expect(findings('tekst: "SIB er et register hos Sundhedsdatastyrelsen."\n', '2025-01-01')).toEqual([]);
  });
});

describe('the sources of the reference data', () => {
  const refs = (d: ReferenceData): SourceRef[] => [
    ...d.laws.flatMap((l) => l.sources),
    ...d.registers.flatMap((r) => r.sources),
    ...d.provisions.flatMap((p) => [...p.sources, ...(p.formerly ?? []).flatMap((f) => f.sources), ...(p.underAge?.sources ?? [])]),
  ];

  it('gives every fact a public source with a number and a date, and cites no project file', () => {
    expect(danglingRefs(data)).toEqual([]);
    for (const s of data.sources) {
      expect(s.number, s.id).not.toBe('');
      expect(s.date, s.id).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
      // The number and the year are part of how the source is cited.
      expect(s.title, s.id).toContain(s.number);
      expect(s.title, s.id).toContain(s.date.slice(0, 4));
    }
    const used = new Set(refs(data).map((r) => r.ref));
    expect([...used].every((id) => data.sources.some((s) => s.id === id))).toBe(true);
    const text = JSON.stringify(data);
    expect(text).not.toMatch(/DOMAIN\.md|seeds\/|\.md\b|\.ya?ml\b/i);
  });

  it('names no project file in a reference finding or in explain', () => {
    const report = audit(loadStandard(helsingoer), lists, { auditDate: '2026-11-23', references: data });
    expect(report.references.length).toBeGreaterThan(0);
    for (const r of report.references) {
      expect(r.source).not.toMatch(/DOMAIN|seeds|\.md\b|\.ya?ml\b/i);
      expect(r.source).toMatch(/nr\. \d+ af \d{1,2}\. [a-zæøå]+ \d{4}/);
      expect(r.message.text).not.toMatch(/DOMAIN|\.md\b/);
    }
    for (const q of ['SEL § 101, stk. 4', 'SEL § 101, stk. 3', 'servicelovens § 52', 'SIB', 'barnets lov § 33']) {
      const run = cli(['explain', q]);
      expect(run.code, q).toBe(0);
      expect(run.stdout, q).not.toMatch(/DOMAIN|seeds|\.md\b/i);
      expect(run.stdout, q).toMatch(/Kilde:\s+\S.*nr\. /);
    }
  });

  it('rejects a reference file whose fact points at a source it does not hold, naming the line', () => {
    const text = readFileSync(new URL('../checklists/lovhenvisninger.yaml', import.meta.url), 'utf8');
    const broken = text.replace("{ ref: L94-2023, part: '§ 1, nr. 1 (lovens", "{ ref: DOMAIN-md, part: '§ 1, nr. 1 (lovens");
    expect(broken).not.toBe(text);
    const dir = mkdtempSync(join(tmpdir(), 'lovhenv-'));
    const file = join(dir, 'lovhenvisninger.yaml');
    writeFileSync(file, broken);
    const line = broken.split('\n').findIndex((l) => l.includes('DOMAIN-md')) + 1;
    let error: unknown;
    try {
      loadReferenceData(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toContain('"DOMAIN-md"');
    expect((error as InputError).position?.line).toBe(line);
  });
});
