// The expert answer keys (test/data/answer-key-*.yaml: Helsingør's real standard and the Fjordby
// standard in plain du-language) are only worth measuring the evidence engine against if they are
// whole and point at real text: one judgement per anvisning in the national checklist, and every
// cited line a line of the fixture that carries text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadChecklist } from '../src/checklist.js';
import { root } from './helpers.js';

const KEYS = [
  { name: 'Helsingør', file: 'answer-key-helsingoer.yaml', standard: 'fixtures/helsingoer-rusmiddelbehandling.yaml' },
  { name: 'Fjordby', file: 'answer-key-fjordby.yaml', standard: 'fixtures/fjordby-du-standard.yaml' },
];
const NATIONAL = join(root, 'checklists', 'nationale-retningslinjer-2020.yaml');
const VERDICTS = ['addressed', 'partly', 'not'] as const;
type Verdict = (typeof VERDICTS)[number];

interface Judgement {
  vurdering: Verdict;
  linjer?: number[];
  note?: string;
}

interface AnswerKey {
  standard: string;
  vurderet_af: string;
  anvisninger: Record<string, Judgement>;
}

const national = loadChecklist(NATIONAL).requirements.map((r) => r.id);

/** A line that is only a YAML key (with or without a block-scalar indicator) or a comment says nothing. */
const carriesText = (line: string) => {
  const s = line.trim();
  return s !== '' && !s.startsWith('#') && !/^-?\s*[\p{L}_][\p{L}\p{N}_]*:\s*(?:[|>][-+]?)?$/u.test(s);
};

describe.each(KEYS)('answer key for the $name standard', ({ name, file, standard }) => {
  const doc = parseDocument(readFileSync(join(root, 'test', 'data', file), 'utf8'));
  const key = doc.toJS() as AnswerKey;
  const standardLines = readFileSync(join(root, standard), 'utf8').split('\n');

  it('parses without errors, so a duplicated anvisning id is caught by the parser', () => {
    expect(doc.errors.map((e) => e.message)).toEqual([]);
    const map = doc.get('anvisninger', true);
    expect(isMap(map)).toBe(true);
    if (!isMap(map)) return;
    const ids = map.items.map((p) => (isScalar(p.key) ? String(p.key.value) : ''));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('names the fixture it judges and who judged it', () => {
    expect(key.standard).toBe(standard);
    expect(key.vurderet_af.length).toBeGreaterThan(20);
  });

  it('judges every anvisning of the national checklist and no other id', () => {
    const judged = Object.keys(key.anvisninger);
    expect(national).toHaveLength(134);
    expect(national.filter((id) => !judged.includes(id))).toEqual([]);
    expect(judged.filter((id) => !national.includes(id))).toEqual([]);
  });

  it('uses only the three verdicts, with lines exactly when the standard speaks to the subject', () => {
    const bad: string[] = [];
    for (const [id, j] of Object.entries(key.anvisninger)) {
      if (!VERDICTS.includes(j.vurdering)) bad.push(`${id}: vurdering ${String(j.vurdering)}`);
      const cited = j.linjer ?? [];
      if (j.vurdering !== 'not' && cited.length === 0) bad.push(`${id}: ${j.vurdering} uden linjer`);
      if (j.vurdering === 'not' && cited.length > 0) bad.push(`${id}: not med linjer`);
      if (!cited.every((n) => Number.isInteger(n))) bad.push(`${id}: linjer skal være heltal`);
      if (new Set(cited).size !== cited.length) bad.push(`${id}: samme linje to gange`);
    }
    expect(bad).toEqual([]);
  });

  it('cites only lines of the fixture that exist and carry text', () => {
    const bad: string[] = [];
    for (const [id, j] of Object.entries(key.anvisninger)) {
      for (const n of j.linjer ?? []) {
        const line = standardLines[n - 1];
        if (n < 1 || line === undefined) bad.push(`${id}: linje ${n} findes ikke`);
        else if (!carriesText(line)) bad.push(`${id}: linje ${n} har ingen tekst: ${JSON.stringify(line)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('tells a key-only line from a line with text (the check above can fail)', () => {
    expect(carriesText('      indhold: |-')).toBe(false);
    expect(carriesText('  - overskrift: "Indhold"')).toBe(true);
    expect(carriesText('    # Døgnbehandling')).toBe(false);
    expect(carriesText('')).toBe(false);
    expect(carriesText('        Op til fem samtaler.')).toBe(true);
    expect(carriesText('    Rusmiddelcentret indberetter til to nationale databaser:')).toBe(true);
  });

  it('has both verdicts the precision and recall targets are computed on', () => {
    const count = (v: Verdict) => Object.values(key.anvisninger).filter((j) => j.vurdering === v).length;
    const counts = { addressed: count('addressed'), partly: count('partly'), not: count('not') };
    console.log(`Facit ${name}: ${counts.addressed} addressed, ${counts.partly} partly, ${counts.not} not`);
    expect(counts.addressed).toBeGreaterThan(0);
    expect(counts.not).toBeGreaterThan(0);
    expect(counts.addressed + counts.partly + counts.not).toBe(134);
  });
});
