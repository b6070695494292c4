// The evidence search in isolation: CPU time of one audit() of Helsingør's standard in-process, with
// the evidence search on and off (the library's `evidence: false`). `node bench/evidence.js` prints
// medians of warm runs; `node bench/evidence.js kold on|off` prints the first (cold) audit of a fresh
// process as JSON, which bench/run.js collects over several processes. CPU time (process.cpuUsage),
// not wall time: the figures hold on a machine that other work is using.
import { audit, loadBundledChecklists, loadReferenceData, loadStandard } from '../dist/index.js';

const [mode, evidence] = process.argv.slice(2);
const runs = Number(process.env.BENCH_RUNS ?? 30);
const lists = loadBundledChecklists();
const references = loadReferenceData();
const standard = loadStandard(new URL('../fixtures/helsingoer-rusmiddelbehandling.yaml', import.meta.url).pathname);

/** CPU milliseconds of one audit. A shallow copy of the standard, so no index is reused. */
function once(withEvidence) {
  const start = process.cpuUsage();
  audit({ ...standard }, lists, { auditDate: '2026-11-22', references, evidence: withEvidence });
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (mode === 'kold') {
  process.stdout.write(JSON.stringify({ ms: once(evidence === 'on') }));
} else {
  for (let i = 0; i < 5; i++) {
    once(true);
    once(false);
  }
  const on = [];
  const off = [];
  for (let i = 0; i < runs; i++) {
    on.push(once(true));
    off.push(once(false));
  }
  process.stdout.write(JSON.stringify({ on: median(on), off: median(off) }));
}
