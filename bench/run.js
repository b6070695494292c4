// npm run bench: the time an audit takes, as a ratio to Node's own start-up measured in the same run.
// Each command runs alternately with the baseline, so both see the same machine state; medians are
// reported, of wall time and of the process's own CPU time (which a busy machine disturbs less). Peak memory (max RSS) is read by a small harness that loads the CLI the way
// bin/kvalitetstjek.cjs does and runs its main() in-process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 15);
const node = process.execPath;
const helsingoer = 'fixtures/helsingoer-rusmiddelbehandling.yaml';

// 98 standards, one per municipality: copies of Helsingør's under other names.
const batch = mkdtempSync(join(tmpdir(), 'kvalitetstjek-bench-'));
const source = readFileSync(new URL(`../${helsingoer}`, import.meta.url), 'utf8');
for (let i = 1; i <= 98; i++) writeFileSync(join(batch, `kommune-${String(i).padStart(2, '0')}.yaml`), source.replace('kommune: "Helsingør Kommune"', `kommune: "Kommune ${i}"`));
process.on('exit', () => rmSync(batch, { recursive: true, force: true }));

const cases = [
  { name: 'audit Helsingør (terminal)', args: ['bin/kvalitetstjek.cjs', 'audit', helsingoer, '--dato', '2026-11-22', '--fail-on', 'aldrig'] },
  { name: 'audit Helsingør (json)', args: ['bin/kvalitetstjek.cjs', 'audit', helsingoer, '--dato', '2026-11-22', '--fail-on', 'aldrig', '-f', 'json'] },
  { name: 'validate Helsingør', args: ['bin/kvalitetstjek.cjs', 'validate', helsingoer] },
  { name: 'audit 98 standarder (json)', args: ['bin/kvalitetstjek.cjs', 'audit', batch, '--dato', '2026-11-22', '--fail-on', 'aldrig', '-f', 'json'] },
];

/** Wall and CPU milliseconds of one run. The CPU time is the process's own, reported at its exit. */
function time(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(node, ['-r', './bench/cpu.cjs', ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, cpu: Number(/kvalitetstjek-bench-cpu (\S+)/.exec(r.stderr)?.[1]) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function maxRss(args) {
  const harness = `import loader from './bin/loader.cjs';
    const code = await loader.loadBundle().exports.main(${JSON.stringify(args.slice(1))}, { stdout: () => {}, stderr: (s) => process.stderr.write(s), isTTY: false, columns: 100, env: {}, today: () => '2026-11-22' });
    process.stdout.write(String(process.resourceUsage().maxRSS));
    process.exitCode = code;`;
  const r = spawnSync(node, ['--input-type=module', '-e', harness], { cwd: root, encoding: 'utf8' });
  return Number(r.stdout) / 1024; // KiB → MiB
}

// Warm the file system cache once.
time(['-e', '0']);
for (const c of cases) time(c.args);

console.log(`kvalitetstjek bench: ${runs} kørsler pr. måling, medianer; baseline = node -e 0 i samme kørsel; CPU = processens egen CPU-tid\n`);
for (const c of cases) {
  const base = [];
  const cmd = [];
  for (let i = 0; i < runs; i++) {
    base.push(time(['-e', '0']));
    cmd.push(time(c.args));
  }
  const b = median(base.map((r) => r.ms));
  const m = median(cmd.map((r) => r.ms));
  const bc = median(base.map((r) => r.cpu));
  const mc = median(cmd.map((r) => r.cpu));
  console.log(
    `${c.name.padEnd(30)} ${m.toFixed(1).padStart(7)} ms   node -e 0: ${b.toFixed(1).padStart(6)} ms   forhold: ${(m / b).toFixed(2)} ×   ud over opstart: ${(m - b).toFixed(1)} ms   CPU: ${mc.toFixed(1)} ms (${(mc / bc).toFixed(2)} × node -e 0)   maks. hukommelse: ${maxRss(c.args).toFixed(1)} MiB`,
  );
}

// The evidence search alone: one audit() in-process with and without it (bench/evidence.js).
const evidence = (args) => {
  const r = spawnSync(node, ['bench/evidence.js', ...args], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench/evidence.js ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
};
const warm = evidence([]);
const cold = { on: [], off: [] };
for (let i = 0; i < runs; i++) for (const mode of ['on', 'off']) cold[mode].push(evidence(['kold', mode]).ms);
const coldOn = median(cold.on);
const coldOff = median(cold.off);
console.log(
  `\nevidenssøgning, én audit() af Helsingør i processen (CPU-tid, medianer):\n` +
    `  varm (median af ${process.env.BENCH_RUNS ?? 30}): med ${warm.on.toFixed(1)} ms, uden ${warm.off.toFixed(1)} ms, søgningen lægger ${(warm.on - warm.off).toFixed(1)} ms til\n` +
    `  kold (første audit i en ny proces, median af ${runs}): med ${coldOn.toFixed(1)} ms, uden ${coldOff.toFixed(1)} ms, søgningen lægger ${(coldOn - coldOff).toFixed(1)} ms til`,
);
