// The bounded fuzz run of npm test: a fixed seed and a few hundred generated and mutated inputs
// through main in this process (the TypeScript sources), and a small sample through the real bin.
// The long run is npm run fuzz (scripts/fuzz.mjs). The properties are in test/fuzz/check.ts, the
// generators in test/fuzz/cases.ts and test/fuzz/hostile.ts.
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { describeFailures, runCategory } from './fuzz/campaign.js';
import { arbitraries, CATEGORIES, describeCase, loadCorpus, redosStandard } from './fuzz/cases.js';
import type { Case } from './fuzz/cases.js';
import { validators } from './fuzz/check.js';
import { inProcess, runCase, spawned } from './fuzz/run.js';
import { root } from './helpers.js';

const SEED = 20261122;
const TIME_LIMIT_MS = 10_000;
const corpus = loadCorpus(root);
const arbs = arbitraries(corpus, 'quick');
const v = validators(root);
/** Cases per category: together with the sample below, well under a minute on two cores. */
const RUNS: Record<(typeof CATEGORIES)[number], number> = { mutation: 150, standard: 90, checklist: 60, baseline: 60, import: 80, git: 12, cli: 100, files: 50 };

describe('fuzz: hostile and broken input through main', () => {
  it.each(CATEGORIES)('%s', async (category) => {
    const result = await runCategory(category, arbs[category], (c) => runCase(c, inProcess(main), v, TIME_LIMIT_MS), { seed: SEED, numRuns: RUNS[category], shrinkMs: 3_000 });
    expect(result.runs).toBe(RUNS[category]);
    expect(result.failures.size, describeFailures(result)).toBe(0);
  }, 120_000);
});

/** A consultant's check that backtracks catastrophically on a long title: only a child process can be stopped. */
const redos: Case = {
  category: 'checklist',
  files: [
    {
      path: '{D}/lokal.yaml',
      content: [
        'checklist: { id: lokal, title: Lokal, source: { title: Lokal } }',
        'retningslinjer: [{ id: M1, title: Mål }]',
        'requirements:',
        '  - { id: M1.1, retningslinje: M1, levels: [bør], kind: document, actor: [kommune], text: Titlen., check: { properties: { titel: { pattern: "(a+)+$" } } } }',
      ].join('\n'),
    },
    { path: '{D}/standard.yaml', content: redosStandard(corpus, 40) },
  ],
  argv: ['audit', '{D}/standard.yaml', '--lokal', '{D}/lokal.yaml', '--dato', '2026-11-22', '-f', 'json'],
  stdout: 'json',
  outputs: [],
  today: '2026-11-22',
};

describe('fuzz: a sample through the real bin', () => {
  // Two cases of each category, run as a user runs them (the built bin, a real process).
  const sample: Case[] = [...CATEGORIES.flatMap((category) => fc.sample(arbs[category], { seed: SEED + 1, numRuns: 2 })), redos];
  const bin = join(root, 'bin', 'kvalitetstjek.cjs');
  it('holds every property', async () => {
    const failures: string[] = [];
    for (const c of sample) {
      const violations = await runCase(c, spawned(bin, 2 * TIME_LIMIT_MS), v, TIME_LIMIT_MS);
      if (violations.length) failures.push(`${c.category}: ${violations.map((x) => `${x.property}: ${x.message}`).join('\n  ')}\n${describeCase(c)}`);
    }
    expect(sample).toHaveLength(2 * CATEGORIES.length + 1);
    expect(failures, failures.join('\n\n')).toEqual([]);
  }, 120_000);
});
