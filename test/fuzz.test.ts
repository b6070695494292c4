// The bounded fuzz run of npm test: a fixed seed and a few hundred generated and mutated inputs
// through main in this process (the TypeScript sources), and a small sample through the real bin.
// The long run is npm run fuzz (scripts/fuzz.mjs). The properties are in test/fuzz/check.ts, the
// generators in test/fuzz/cases.ts and test/fuzz/hostile.ts.
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { describeFailures, runCategory } from './fuzz/campaign.js';
import { arbitraries, CATEGORIES, describeCase, loadCorpus } from './fuzz/cases.js';
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
const RUNS: Record<(typeof CATEGORIES)[number], number> = { mutation: 60, standard: 40, checklist: 30, baseline: 30, import: 40, git: 8, cli: 50, files: 24 };

describe('fuzz: hostile and broken input through main', () => {
  it.each(CATEGORIES)('%s', async (category) => {
    const result = await runCategory(category, arbs[category], (c) => runCase(c, inProcess(main), v, TIME_LIMIT_MS), { seed: SEED, numRuns: RUNS[category], shrinkMs: 3_000 });
    expect(result.runs).toBe(RUNS[category]);
    expect(result.failures.size, describeFailures(result)).toBe(0);
  }, 120_000);
});

describe('fuzz: a sample through the real bin', () => {
  // Two cases of each category, run as a user runs them (the built bin, a real process).
  const sample: Case[] = CATEGORIES.flatMap((category) => fc.sample(arbs[category], { seed: SEED + 1, numRuns: 2 }));
  const bin = join(root, 'bin', 'kvalitetstjek.cjs');
  it('holds every property', async () => {
    const failures: string[] = [];
    for (const c of sample) {
      const violations = await runCase(c, spawned(bin, 2 * TIME_LIMIT_MS), v, TIME_LIMIT_MS);
      if (violations.length) failures.push(`${c.category}: ${violations.map((x) => `${x.property}: ${x.message}`).join('\n  ')}\n${describeCase(c)}`);
    }
    expect(sample).toHaveLength(2 * CATEGORIES.length);
    expect(failures, failures.join('\n\n')).toEqual([]);
  }, 120_000);
});
