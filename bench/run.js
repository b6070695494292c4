// npm run bench: the time an audit takes, as a ratio to Node's own start-up measured in the same run.
// Each command runs alternately with the baseline, so both see the same machine state; medians are
// reported. Peak memory (max RSS) is read by a small harness that loads the CLI the way
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

function time(args) {
  const start = process.hrtime.bigint();
  const r = spawnSync(node, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
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

console.log(`kvalitetstjek bench: ${runs} kørsler pr. måling, medianer; baseline = node -e 0 i samme kørsel\n`);
for (const c of cases) {
  const base = [];
  const cmd = [];
  for (let i = 0; i < runs; i++) {
    base.push(time(['-e', '0']));
    cmd.push(time(c.args));
  }
  const b = median(base);
  const m = median(cmd);
  console.log(
    `${c.name.padEnd(30)} ${m.toFixed(1).padStart(7)} ms   node -e 0: ${b.toFixed(1).padStart(6)} ms   forhold: ${(m / b).toFixed(2)} ×   ud over opstart: ${(m - b).toFixed(1)} ms   maks. hukommelse: ${maxRss(c.args).toFixed(1)} MiB`,
  );
}
