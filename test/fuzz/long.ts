// The long run (npm run fuzz): over 10,000 cases against the built dist/, in two worker threads
// (one per core), each case bounded in time and memory. Prints the counts per category and
// property, and the minimal counterexample of each failing property; returns the exit code.
import { rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Case, Category } from './cases.js';
import { arbitraries, loadCorpus } from './cases.js';
import { describeFailures, runCategory } from './campaign.js';
import type { CategoryResult } from './campaign.js';
import { PROPERTIES } from './check.js';
import type { Violation } from './check.js';

export interface LongOptions {
  root: string;
  workerUrl: URL;
  cliUrl: string;
  seed: number;
  /** Multiplies the number of cases per category (1 gives 10,200). */
  factor: number;
  /** Time for shrinking counterexamples, shared by all categories. */
  shrinkSeconds: number;
}

const TIME_LIMIT_MS = 10_000;
/** A case still running after this is stopped and counted as a failure of the time property. */
const KILL_AFTER_MS = 12_000;
const MEMORY_MB = 1024;

const RUNS: Record<Category, number> = { mutation: 3000, standard: 2000, checklist: 800, baseline: 1200, import: 1200, git: 400, cli: 1000, files: 600 };
/** Two lanes, one worker each, about equally long. */
const LANES: Category[][] = [
  ['checklist', 'mutation', 'git', 'files'],
  ['standard', 'import', 'baseline', 'cli'],
];

/** One worker thread that is replaced when a case hangs or runs out of memory. */
class Lane {
  private worker!: Worker;
  private ready!: Promise<void>;
  private next = 0;
  private pending: { id: number; dir?: string; resolve: (v: Violation[]) => void } | undefined;

  constructor(private readonly opts: LongOptions) {
    this.start();
  }

  private start(): void {
    this.worker = new Worker(this.opts.workerUrl, {
      workerData: { root: this.opts.root, cliUrl: this.opts.cliUrl, timeLimitMs: TIME_LIMIT_MS },
      resourceLimits: { maxOldGenerationSizeMb: MEMORY_MB },
      stdout: true,
      stderr: true,
    });
    // The tool's own output goes through io; what a worker prints besides is Node's noise.
    this.worker.stdout.resume();
    this.worker.stderr.resume();
    this.ready = new Promise((resolve) => {
      this.worker.on('message', (m: { ready?: boolean; id?: number; dir?: string; violations?: Violation[] }) => {
        if (m.ready) return resolve();
        if (!this.pending || m.id !== this.pending.id) return;
        if (m.dir) this.pending.dir = m.dir;
        if (m.violations) {
          const p = this.pending;
          this.pending = undefined;
          p.resolve(m.violations);
        }
      });
    });
    this.worker.on('error', (err: Error & { code?: string }) => this.fail(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'no-crash', err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `ran out of memory (over ${MEMORY_MB} MB heap)` : `the worker died: ${err.message}`));
  }

  private fail(property: 'time' | 'memory' | 'no-crash', message: string): void {
    const p = this.pending;
    this.pending = undefined;
    if (p?.dir) rmSync(p.dir, { recursive: true, force: true });
    void this.worker.terminate();
    this.start();
    p?.resolve([{ property, message }]);
  }

  async run(c: Case): Promise<Violation[]> {
    await this.ready;
    const id = this.next++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.pending?.id === id && this.fail('time', `did not finish in ${KILL_AFTER_MS / 1000} s and was stopped`), KILL_AFTER_MS);
      this.pending = {
        id,
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v);
        },
      };
      this.worker.postMessage({ id, c });
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

export async function runLong(opts: LongOptions): Promise<number> {
  const started = Date.now();
  const arbs = arbitraries(loadCorpus(opts.root), 'long');
  const results: CategoryResult[] = [];
  const budget = { ms: opts.shrinkSeconds * 1000 };
  await Promise.all(
    LANES.map(async (categories) => {
      const lane = new Lane(opts);
      for (const category of categories) {
        const numRuns = Math.max(1, Math.round(RUNS[category] * opts.factor));
        const r = await runCategory(category, arbs[category], (c) => lane.run(c), {
          seed: opts.seed,
          numRuns,
          shrinkMs: 10_000,
          budget,
          onProgress: (n) => n % 500 === 0 && process.stderr.write(`  ${category}: ${n}/${numRuns} (${Math.round((Date.now() - started) / 1000)} s)\n`),
        });
        results.push(r);
        process.stderr.write(`${category}: ${r.runs} inputs, ${r.failedRuns} failed, ${Math.round(r.ms / r.runs)} ms per input (${Math.round((Date.now() - started) / 1000)} s)\n`);
      }
      await lane.close();
    }),
  );
  const order = Object.keys(RUNS);
  results.sort((a, b) => order.indexOf(a.category) - order.indexOf(b.category));
  print(results, opts.seed, Date.now() - started);
  return results.some((r) => r.failures.size > 0) ? 1 : 0;
}

function print(results: CategoryResult[], seed: number, ms: number): void {
  const total = results.reduce((n, r) => n + r.runs, 0);
  const failed = results.reduce((n, r) => n + r.failedRuns, 0);
  const lines = [`kvalitetstjek fuzz: ${total} inputs, seed ${seed}, ${Math.round(ms / 1000)} s`, ''];
  lines.push(`${'category'.padEnd(10)} ${'inputs'.padStart(7)} ${'passed'.padStart(7)} ${'failed'.padStart(7)}`);
  for (const r of results) lines.push(`${r.category.padEnd(10)} ${String(r.runs).padStart(7)} ${String(r.runs - r.failedRuns).padStart(7)} ${String(r.failedRuns).padStart(7)}`);
  lines.push(`${'all'.padEnd(10)} ${String(total).padStart(7)} ${String(total - failed).padStart(7)} ${String(failed).padStart(7)}`, '');
  lines.push('failing inputs per property and category (inputs checked / failed):');
  for (const p of PROPERTIES) {
    const per = results.map((r) => `${r.category} ${r.failures.get(p)?.count ?? 0}`);
    const n = results.reduce((s, r) => s + (r.failures.get(p)?.count ?? 0), 0);
    lines.push(`  ${p.padEnd(22)} ${String(total).padStart(6)} / ${String(n).padStart(5)}${n ? `   (${per.filter((x) => !x.endsWith(' 0')).join(', ')})` : ''}`);
  }
  const details = results.filter((r) => r.failures.size).map(describeFailures);
  if (details.length) lines.push('', 'counterexamples:', '', ...details);
  lines.push('', failed ? `FAILED: ${failed} of ${total} inputs broke at least one property.` : `OK: all ${total} inputs hold every property.`);
  process.stdout.write(lines.join('\n') + '\n');
}
