// The evidence engine (issue 12): passages with their place in the file, the term semantics
// (stems, stop words, wildcards), refusal of generic terms, coverage in the report, and the
// commands that show it (explain --standard, audit --forslag).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { audit } from '../src/audit.js';
import type { Report } from '../src/audit.js';
import { loadBundledChecklists, parseChecklist } from '../src/checklist.js';
import { InputError } from '../src/errors.js';
import { compileTerm, matchTerm, passagesOf, sentences, termProblem } from '../src/evidence.js';
import type { Passage } from '../src/evidence.js';
import { parseYaml } from '../src/load.js';
import { parseStandard } from '../src/standard.js';
import { cli, fixture, tempDir } from './helpers.js';

const FILE = fixture('helsingoer-rusmiddelbehandling.yaml');
const TEXT = readFileSync(FILE, 'utf8');
const LINES = TEXT.split('\n');
const DATE = '2026-11-22';

/** A local checklist of practice requirements with search terms, independent of the bundled terms. */
const LOCAL = `checklist:
  id: lokal-test
  title: Lokal testliste
  source: { title: Test, verbatim: false }
retningslinjer:
  - { id: L1, title: Lokale krav }
requirements:
  - id: lokal-familie
    retningslinje: L1
    levels: [bør]
    kind: practice
    actor: [behandler]
    text: Familier tilbydes samtaler.
    terms: ["familiesamtal*", "samtaler med familien"]
  - id: lokal-nalokson
    retningslinje: L1
    levels: [bør]
    kind: practice
    actor: [behandler]
    text: Borgere i risiko for overdosis får nalokson.
    terms: ["nalokson", "modgift overdosis"]
  - id: lokal-uden-ord
    retningslinje: L1
    levels: [kan]
    kind: practice
    actor: [behandler]
    text: Et krav uden søgeord.
`;

function localFile(): string {
  const path = join(tempDir(), 'lokal.yaml');
  writeFileSync(path, LOCAL);
  return path;
}

const passagesIn = (yaml: string): Passage[] => {
  const loaded = parseYaml('t.yaml', yaml);
  return passagesOf(loaded.data, loaded.source);
};

describe('passages', () => {
  const loaded = parseYaml(FILE, TEXT);
  const passages = passagesOf(loaded.data, loaded.source);

  it('point at the line and column where each sentence begins in the fixture', () => {
    expect(passages.length).toBeGreaterThan(150);
    for (const p of passages) {
      // The file from that position reads as the sentence does, up to the end of the line.
      const rest = (LINES[p.line - 1] ?? '').slice(p.column - 1);
      const firstLine = p.text.split('\n')[0] as string;
      const quoted = rest.startsWith('"') ? rest.slice(1) : rest;
      expect(quoted.startsWith(firstLine.slice(0, 30)) || rest.startsWith(firstLine.slice(0, 30)), `${p.pointer} ${p.line}:${p.column} ${p.text}`).toBe(true);
    }
  });

  it('finds a sentence in the middle of a line of a |- block, and a quoted offer name', () => {
    const mid = passages.find((p) => p.text.startsWith('Rusmiddelcentret er en selvstændig enhed'));
    const line = LINES.findIndex((l) => l.includes('Rusmiddelcentret er en selvstændig enhed')) + 1;
    expect(mid).toMatchObject({ pointer: '/organisering/tekst', line, column: (LINES[line - 1] as string).indexOf('Rusmiddelcentret er en') + 1 });
    const name = passages.find((p) => p.pointer === '/organisering/tilbud/11/navn');
    expect(name).toMatchObject({ text: 'Familiesamtaler', line: 115, column: 14 });
  });

  it('searches prose and headings, and leaves out values that are not prose (dates, types, legal references)', () => {
    expect(passages.some((p) => p.pointer.endsWith('/type') || p.pointer.includes('/hjemmel') || p.pointer.endsWith('/dato'))).toBe(false);
    // A municipality's own heading says what its section is about.
    expect(passages.some((p) => p.pointer === '/formål/overskrift' && p.text === 'Formål')).toBe(true);
  });

  it("never takes filler for evidence: a placeholder or the template's example is no passage", () => {
    const ps = passagesIn(['formål:', '  tekst: Det overordnede mål for indsatsen.', 'opgaver:', '  tekst: TODO skriv om tilbagefald', 'visitation:', '  tekst: Vi taler med dig om tilbagefald.'].join('\n'));
    expect(ps.map((p) => p.pointer)).toEqual(['/visitation/tekst']);
  });

  it('places sentences of folded, plain multi-line and indented blocks', () => {
    const yaml = ['a:', '  tekst: >-', '    Første sætning', '    fortsætter her. Anden sætning.', 'b:', '  tekst: En plain tekst', '    over to linjer. Sidste del.', 'c:', '  tekst: |2-', '      Indrykket tekst.'].join('\n');
    const ps = passagesIn(yaml);
    const at = (start: string) => ps.find((p) => p.text.startsWith(start));
    expect(at('Første sætning')).toMatchObject({ line: 3, column: 5 });
    expect(at('Anden sætning')).toMatchObject({ line: 4, column: 21 });
    expect(at('Sidste del')).toMatchObject({ line: 7, column: 21 });
    expect(at('Indrykket tekst')).toMatchObject({ line: 10, column: 7 });
  });

  it('splits sentences, but not after abbreviations, and keeps list items apart', () => {
    const text = 'Jf. servicelovens § 101, stk. 3 gælder det. Kl. 16.00 mødes gruppen, bl.a. om hash.\n- Et punkt\n- Et andet punkt';
    expect(sentences(text).map(([s, e]) => text.slice(s, e))).toEqual(['Jf. servicelovens § 101, stk. 3 gælder det.', 'Kl. 16.00 mødes gruppen, bl.a. om hash.', 'Et punkt', 'Et andet punkt']);
  });
});

describe('terms', () => {
  const [p] = passagesIn('tekst: "Familierne tilbydes samtaler, og børnene deltager i forældresamtalerne."');
  const holds = (term: string) => matchTerm(p as Passage, compileTerm(term));

  it('match by Danish stem, in any order, ignoring stop words', () => {
    expect(holds('familie samtale')).toEqual(['Familierne', 'samtaler']);
    expect(holds('samtalen med familien')).toEqual(['samtaler', 'Familierne']);
    expect(holds('barn')).toBeNull(); // "børn" is not "barn" by stem: no guessing
    expect(holds('samtaler om tilbagefald')).toBeNull(); // every content word is needed
  });

  it('treat * as prefix, suffix or part of a word, on the word as written', () => {
    expect(holds('forældresamtal*')).toEqual(['forældresamtalerne']);
    expect(holds('*samtalerne')).toEqual(['forældresamtalerne']);
    expect(holds('*samtal*')).toEqual(['samtaler']);
    expect(holds('familiesamtal*')).toBeNull();
  });

  it('are refused when generic, made of stop words only, or with a too short wildcard', () => {
    const generic = new Set(['borg', 'samarbejd']);
    expect(termProblem('borgeren', generic)).toBe('generic');
    expect(termProblem('for at', generic)).toBe('onlyStopWords');
    expect(termProblem('*ab*', generic)).toBe('shortWildcard');
    expect(termProblem('samarbejde med jobcentret', generic)).toBeNull();
  });

  it('a generic single-word term is refused when a checklist is loaded, at its line and column', () => {
    const text = LOCAL.replace('terms: ["nalokson", "modgift overdosis"]', 'terms: ["nalokson", "borgeren"]');
    let error: unknown;
    try {
      parseChecklist('lokal.yaml', text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const line = text.split('\n').findIndex((l) => l.includes('"borgeren"')) + 1;
    const column = (text.split('\n')[line - 1] as string).indexOf('"borgeren"') + 1;
    expect((error as InputError).format()).toContain(`lokal.yaml:${line}:${column}`);
    expect((error as InputError).format()).toContain('generisk');
  });

  it('the bundled checklists load with their terms, and explain shows them', () => {
    const terms = loadBundledChecklists().flatMap((l) => l.requirements.flatMap((r) => r.terms ?? []));
    expect(terms.length).toBeGreaterThan(0);
    const r = cli(['explain', '3.10.2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Søgeord:');
  });
});

describe('coverage in the audit', () => {
  const lists = [...loadBundledChecklists(), parseChecklist('lokal.yaml', LOCAL)];
  const standard = () => parseStandard(FILE, TEXT);
  const withEvidence = audit(standard(), lists, { auditDate: DATE });
  const without = audit(standard(), lists, { auditDate: DATE, evidence: false });
  const find = (r: Report, id: string) => r.findings.find((f) => f.requirement.id === id);

  it('says what the text mentions, with the passages, and what it does not', () => {
    const family = find(withEvidence, 'lokal-familie');
    expect(family?.coverage?.status).toBe('mentioned');
    const passages = family?.coverage?.passages ?? [];
    expect(passages.length).toBeGreaterThanOrEqual(1);
    expect(passages.length).toBeLessThanOrEqual(3);
    for (const p of passages) {
      expect(p.quote.length).toBeLessThanOrEqual(162);
      expect(LINES[p.line - 1]?.toLowerCase()).toContain(p.words[0]?.toLowerCase());
    }
    expect(passages.some((p) => p.line === 28 && p.term === 'familiesamtal*')).toBe(true);
    expect(find(withEvidence, 'lokal-nalokson')?.coverage).toEqual({ status: 'not_mentioned', passages: [] });
    expect(find(withEvidence, 'lokal-uden-ord')?.coverage).toBeNull();
    expect(find(withEvidence, 'bek1477-4.1.1')?.coverage).toBeNull(); // a machine check proves it or not
  });

  it('counts coverage per retningslinje and in total', () => {
    const group = withEvidence.summary.groups.find((g) => g.checklist === 'lokal-test');
    expect(group?.coverage).toEqual({ declared: 0, mentioned: 1, not_mentioned: 1 });
    const total = withEvidence.findings.filter((f) => f.coverage?.status === 'mentioned').length;
    expect(withEvidence.summary.coverage.mentioned).toBe(total);
  });

  it('shows a declared requirement as declared, without searching', () => {
    const declared = TEXT + '\nerklæringer:\n  - krav: lokal-nalokson\n    status: opfyldt\n    begrundelse: "Alle borgere i risiko får nalokson og instruktion."\n';
    const r = audit(parseStandard(FILE, declared), lists, { auditDate: DATE });
    expect(find(r, 'lokal-nalokson')?.coverage).toEqual({ status: 'declared', passages: [] });
  });

  it('never changes a status, a gap or the counts', () => {
    expect(withEvidence.findings.map((f) => [f.requirement.id, f.status, f.gap, f.duplicateOf])).toEqual(without.findings.map((f) => [f.requirement.id, f.status, f.gap, f.duplicateOf]));
    expect(withEvidence.summary.gaps).toEqual(without.summary.gaps);
    expect(withEvidence.summary.byLevel).toEqual(without.summary.byLevel);
  });
});

describe('the built CLI', () => {
  const lokal = localFile();

  it('audit -f json carries coverage and keeps the exit code and gap counts', () => {
    const plain = cli(['audit', FILE, '-f', 'json', '--dato', DATE]);
    const local = cli(['audit', FILE, '-f', 'json', '--dato', DATE, '--lokal', lokal]);
    expect(plain.code).toBe(1);
    expect(local.code).toBe(1);
    const a = JSON.parse(plain.stdout);
    const b = JSON.parse(local.stdout);
    expect(b.summary.gaps).toEqual(a.summary.gaps);
    const family = b.findings.find((f: { requirement: string }) => f.requirement === 'lokal-familie');
    expect(family.coverage.status).toBe('mentioned');
    expect(family.coverage.passages[0]).toMatchObject({ pointer: expect.stringMatching(/^\//), line: expect.any(Number), column: expect.any(Number) });
    expect(b.summary.coverage.not_mentioned).toBeGreaterThanOrEqual(1);
  });

  it('the terminal and Markdown reports show coverage and the passages with file:line', () => {
    const term = cli(['audit', FILE, '--dato', DATE, '--lokal', lokal]);
    expect(term.stdout).toContain('Hvad standarden siger om de krav, den ikke kan bevise');
    expect(term.stdout).toMatch(/L1 Lokale krav\s*│\s*0\s*│\s*1\s*│\s*1\s*│/);
    expect(term.stdout).toMatch(/lokal-familie\s+\S+helsingoer-rusmiddelbehandling\.yaml:\d+:\d+\s+søgeord "[^"]+": \S/);
    const md = cli(['audit', FILE, '--dato', DATE, '--lokal', lokal, '-f', 'markdown']);
    expect(md.stdout).toContain('Hvad standarden siger om de krav, den ikke kan bevise');
    expect(md.stdout).toMatch(/\*\*lokal-familie\*\*[^\n]*\n\s+- »[^\n]+« \([^\n]*helsingoer-rusmiddelbehandling\.yaml:\d+:\d+/);
  });

  it('explain ID --standard FILE lists the passages and why they matched', () => {
    const r = cli(['explain', 'lokal-familie', '--lokal', lokal, '--standard', FILE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('helsingoer-rusmiddelbehandling.yaml:28:5');
    expect(r.stdout).toContain('søgeord "familiesamtal*": familiesamtaler');
    const none = cli(['explain', 'lokal-nalokson', '--lokal', lokal, '--standard', FILE]);
    expect(none.stdout).toContain('ikke omtalt');
    const json = JSON.parse(cli(['explain', 'lokal-familie', '--lokal', lokal, '--standard', FILE, '-f', 'json']).stdout);
    expect(json.evidence[0]).toMatchObject({ term: expect.any(String), words: expect.any(Array) });
  });

  it('audit --forslag prints ready-to-paste declarations for mentioned, undeclared requirements', () => {
    const r = cli(['audit', FILE, '--dato', DATE, '--lokal', lokal, '--forslag']);
    expect(r.code).toBe(1); // the exit code is the audit's, proposals count for nothing
    expect(r.stdout).toMatch(/^# FORSLAG/);
    const parsed = parse(r.stdout) as { erklæringer: { krav: string; status: string; begrundelse: string; henvisning: string }[] };
    const entry = parsed.erklæringer.find((e) => e.krav === 'lokal-familie');
    expect(entry).toMatchObject({ status: 'opfyldt', henvisning: expect.stringMatching(/^\/.+/) });
    expect(entry?.begrundelse).toContain('»');
    expect(parsed.erklæringer.some((e) => e.krav === 'lokal-nalokson')).toBe(false);
    // Pasted into the standard, the proposals are valid declarations.
    const dir = tempDir();
    const pasted = join(dir, 'standard.yaml');
    writeFileSync(pasted, `${TEXT}\n${r.stdout}`);
    expect(cli(['validate', pasted]).code).toBe(0);
  });
});
