// How well the evidence search reads a standard, measured against expert keys on two differently
// worded standards (test/data/answer-key-*.yaml): of the anvisninger an expert marks "addressed", at
// least 85 % must be found ("omtalt"); of those marked "not", at most 10 % may be. "Partly" is left
// out of both. The figures are printed, so a change to terms or engine shows its effect.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadBundledChecklists } from '../src/checklist.js';
import { evidenceIndex } from '../src/evidence.js';
import { loadStandard } from '../src/standard.js';
import { fixture, root } from './helpers.js';

const RECALL_TARGET = 0.85;
const FALSE_MENTION_LIMIT = 0.1;

const lists = loadBundledChecklists();
const national = lists.find((l) => l.checklist.id === 'nationale-retningslinjer-2020');
// The index is built over every term of the catalog, as the audit builds it.
const allTerms = [...new Set(lists.flatMap((l) => l.requirements.flatMap((r) => r.terms ?? [])))];

interface Judgement {
  vurdering: 'addressed' | 'partly' | 'not';
  linjer?: number[];
}

describe.each([
  { name: 'Helsingør', standard: 'helsingoer-rusmiddelbehandling.yaml', key: 'answer-key-helsingoer.yaml' },
  { name: 'Fjordby', standard: 'fjordby-du-standard.yaml', key: 'answer-key-fjordby.yaml' },
])('evidence against the expert key for $name', ({ name, standard, key }) => {
  const judged = (parse(readFileSync(join(root, 'test', 'data', key), 'utf8')) as { anvisninger: Record<string, Judgement> }).anvisninger;
  const index = evidenceIndex(loadStandard(fixture(standard)), allTerms);
  const requirements = national?.requirements ?? [];
  const found = new Map(requirements.map((r) => [r.id, index.find(r.terms ?? [])]));
  const ids = (v: Judgement['vurdering']) => requirements.filter((r) => judged[r.id]?.vurdering === v).map((r) => r.id);
  const addressed = ids('addressed');
  const not = ids('not');
  const hits = addressed.filter((id) => (found.get(id)?.length ?? 0) > 0);
  const falseMentions = not.filter((id) => (found.get(id)?.length ?? 0) > 0);

  it('every anvisning of the national catalog is judged and has terms', () => {
    expect(requirements).toHaveLength(134);
    expect(requirements.filter((r) => !judged[r.id])).toEqual([]);
    expect(requirements.filter((r) => !r.terms?.length).map((r) => r.id)).toEqual([]);
  });

  it(`finds at least ${RECALL_TARGET * 100} % of what the expert marks addressed`, () => {
    const recall = hits.length / addressed.length;
    console.log(`${name}: omtalt ${hits.length} af ${addressed.length} behandlede (${(recall * 100).toFixed(1)} %); ikke fundet: ${addressed.filter((id) => !hits.includes(id)).join(' ')}`);
    expect(recall).toBeGreaterThanOrEqual(RECALL_TARGET);
  });

  it(`claims at most ${FALSE_MENTION_LIMIT * 100} % of what the expert marks not mentioned`, () => {
    const rate = falseMentions.length / not.length;
    const detail = falseMentions.map((id) => `${id} (linje ${found.get(id)?.[0]?.passage.line}: "${found.get(id)?.[0]?.term}")`);
    console.log(`${name}: omtalt ${falseMentions.length} af ${not.length} ikke-omtalte (${(rate * 100).toFixed(1)} %); ${detail.join(', ')}`);
    expect(rate).toBeLessThanOrEqual(FALSE_MENTION_LIMIT);
  });

  it('points at a line the expert cites for most of what it finds', () => {
    // Where the expert cites lines, the best passage should mostly be on one of them (or in the same
    // paragraph, a line later at most): the quote a consultant sees must be the right one.
    const near = hits.filter((id) => {
      const line = found.get(id)?.[0]?.passage.line ?? 0;
      return (judged[id]?.linjer ?? []).some((l) => Math.abs(l - line) <= 1);
    });
    console.log(`${name}: bedste passage på en linje, eksperten peger på: ${near.length} af ${hits.length}`);
    expect(near.length / hits.length).toBeGreaterThanOrEqual(0.6);
  });
});
