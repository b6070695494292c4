// One category's run: every generated case is checked against every property and counted, then
// each property that failed is replayed from its first failing case and shrunk by fast-check to a
// minimal counterexample. The same seed gives the same cases, in vitest and in npm run fuzz.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Case } from './cases.js';
import { describeCase } from './cases.js';
import type { Property, Violation } from './check.js';

export interface PropertyFailures {
  count: number;
  firstRun: number;
  first: Violation;
  firstCase: Case;
  minimal?: { c: Case; violation: Violation; shrinks: number };
}

export interface CategoryResult {
  category: string;
  runs: number;
  failedRuns: number;
  /** Time spent running the generated cases (not shrinking). */
  ms: number;
  failures: Map<Property, PropertyFailures>;
}

export interface CampaignOptions {
  seed: number;
  numRuns: number;
  /** Time for shrinking each failing property; 0 skips shrinking. */
  shrinkMs: number;
  /** Time left for all shrinking, shared between categories; spent as it is used. */
  budget?: { ms: number };
  onProgress?: (runs: number) => void;
}

export async function runCategory(category: string, arb: fc.Arbitrary<Case>, exec: (c: Case) => Promise<Violation[]>, opts: CampaignOptions): Promise<CategoryResult> {
  const result: CategoryResult = { category, runs: 0, failedRuns: 0, ms: 0, failures: new Map() };
  const started = Date.now();
  await fc.check(
    fc.asyncProperty(arb, async (c) => {
      const runIndex = result.runs++;
      const violations = await exec(c);
      if (violations.length) result.failedRuns++;
      for (const property of new Set(violations.map((v) => v.property))) {
        const f = result.failures.get(property);
        if (f) f.count++;
        else result.failures.set(property, { count: 1, firstRun: runIndex, first: violations.find((v) => v.property === property) as Violation, firstCase: c });
      }
      opts.onProgress?.(result.runs);
      return true;
    }),
    { seed: opts.seed, numRuns: opts.numRuns },
  );
  result.ms = Date.now() - started;
  if (opts.shrinkMs > 0) {
    for (const [property, f] of result.failures) {
      // A slow case is slow again at every shrinking step: its first example is shown as it is.
      if (property === 'time' || property === 'memory') continue;
      if (opts.budget && opts.budget.ms <= 0) break;
      const started = Date.now();
      let last: { c: Case; violation: Violation } | undefined;
      const details = await fc.check(
        fc.asyncProperty(arb, async (c) => {
          const v = (await exec(c)).find((x) => x.property === property);
          if (v) last = { c, violation: v };
          return v === undefined;
        }),
        { seed: opts.seed, path: String(f.firstRun), numRuns: 1, interruptAfterTimeLimit: Math.min(opts.shrinkMs, opts.budget?.ms ?? Infinity) },
      );
      if (opts.budget) opts.budget.ms -= Date.now() - started;
      const c = details.counterexample?.[0];
      if (c && last) f.minimal = { c, violation: last.c === c ? last.violation : ((await exec(c)).find((x) => x.property === property) ?? last.violation), shrinks: details.numShrinks };
    }
  }
  return result;
}

/** The failures of one category, for a test message or the long run's report. */
export function describeFailures(r: CategoryResult): string {
  const lines: string[] = [];
  for (const [property, f] of r.failures) {
    lines.push(`${r.category} / ${property}: ${f.count} of ${r.runs} cases fail`);
    const ex = f.minimal ?? { c: f.firstCase, violation: f.first, shrinks: -1 };
    lines.push(`  ${ex.violation.message}`);
    lines.push(ex.shrinks < 0 ? '  first counterexample (not shrunk):' : `  minimal counterexample (after ${ex.shrinks} shrinks):`, describeCase(ex.c).replace(/^/gm, '  '));
    // The report shows a long input cut short; FUZZ_DUMP=folder keeps each counterexample whole.
    const dump = process.env.FUZZ_DUMP;
    if (dump) {
      mkdirSync(dump, { recursive: true });
      writeFileSync(join(dump, `${r.category}-${property}.json`), JSON.stringify(ex.c, null, 2));
    }
  }
  return lines.join('\n');
}
