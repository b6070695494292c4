// npm run bench: the time a command takes, as a ratio to Node's own start-up measured in the same run,
// both from the package as a user installs it (npm pack, npm install of the tarball into an empty
// temporary folder, run from there) and from this clone. Each command runs alternately with the
// baseline, so both see the same machine state; medians are reported, of wall time and of the
// process's own CPU time (which a busy machine disturbs less). Peak memory (max RSS) is read by
// a small harness that loads the CLI the way bin/kvalitetstjek.cjs does and runs its main() in-process.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const runs = Number(process.env.BENCH_RUNS ?? 15);
const node = process.execPath;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const work = mkdtempSync(join(tmpdir(), 'kvalitetstjek-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

// The standards: Helsingør's, and 98 copies of it under other names (one per municipality).
const helsingoer = join(work, 'helsingoer.yaml');
const source = readFileSync(new URL('../fixtures/helsingoer-rusmiddelbehandling.yaml', import.meta.url), 'utf8');
writeFileSync(helsingoer, source);
const batch = join(work, 'standarder');
mkdirSync(batch);
for (let i = 1; i <= 98; i++) writeFileSync(join(batch, `kommune-${String(i).padStart(2, '0')}.yaml`), source.replace('kommune: "Helsingør Kommune"', `kommune: "Kommune ${i}"`));

// The installed package (the build has just run: npm pack need not run it again).
const installed = join(work, 'projekt');
mkdirSync(installed);
const tarball = execFileSync(npm, ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], { cwd: root, encoding: 'utf8' }).trim().split('\n').pop();
writeFileSync(join(installed, 'package.json'), '{ "private": true }\n');
execFileSync(npm, ['install', '--no-audit', '--no-fund', '--silent', '--prefer-offline', join(work, tarball)], { cwd: installed, stdio: ['ignore', 'ignore', 'inherit'] });
const copies = {
  installeret: join(installed, 'node_modules', 'kvalitetstjek'),
  klon: root,
};
// Each copy keeps its code cache in a folder of its own, made by the warm-up below.
const cacheDirs = { installeret: join(work, 'cache-installeret'), klon: join(work, 'cache-klon') };

const commands = [
  { name: 'audit Helsingør (terminal)', args: ['audit', helsingoer, '--dato', '2026-11-22', '--fail-on', 'aldrig'] },
  { name: 'audit Helsingør (json)', args: ['audit', helsingoer, '--dato', '2026-11-22', '--fail-on', 'aldrig', '-f', 'json'] },
  { name: 'validate Helsingør', args: ['validate', helsingoer] },
  { name: 'checklist list', args: ['checklist', 'list'] },
  { name: 'audit 98 standarder (json)', args: ['audit', batch, '--dato', '2026-11-22', '--fail-on', 'aldrig', '-f', 'json'] },
];
const cases = [
  ...Object.keys(copies).flatMap((copy) => commands.map((c) => ({ ...c, copy, cache: cacheDirs[copy] }))),
  // The first run on a machine (or a Node version): no code cache yet.
  { ...commands[0], name: `${commands[0].name}, uden kodecache`, copy: 'installeret', cache: '' },
];

/** Wall and CPU milliseconds of one run. The CPU time is the process's own, reported at its exit. */
function time(args, cache) {
  const start = process.hrtime.bigint();
  const r = spawnSync(node, ['-r', join(root, 'bench', 'cpu.cjs'), ...args], { cwd: installed, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', KVALITETSTJEK_CACHE_DIR: cache } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, cpu: Number(/kvalitetstjek-bench-cpu (\S+)/.exec(r.stderr)?.[1]) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const bin = (copy) => join(copies[copy], 'bin', 'kvalitetstjek.cjs');

function maxRss(c) {
  const harness = `const loader = require(${JSON.stringify(join(copies[c.copy], 'bin', 'loader.cjs'))});
    loader.loadBundle().exports.main(${JSON.stringify(c.args)}, { stdout: () => {}, stderr: (s) => process.stderr.write(s), isTTY: false, columns: 100, env: {}, today: () => '2026-11-22' })
      .then((code) => { process.stdout.write(String(process.resourceUsage().maxRSS)); process.exitCode = code; });`;
  const r = spawnSync(node, ['-e', harness], { cwd: installed, encoding: 'utf8', env: { ...process.env, KVALITETSTJEK_CACHE_DIR: c.cache } });
  return Number(r.stdout) / 1024; // KiB → MiB
}

// Warm the file system cache, and write each copy's code cache (its first run does).
time(['-e', '0'], '');
for (const c of cases) time([bin(c.copy), ...c.args], c.cache);

console.log(`kvalitetstjek bench: ${runs} kørsler pr. måling, medianer; baseline = node -e 0 i samme kørsel; CPU = processens egen CPU-tid; Node ${process.version}\n`);
for (const c of cases) {
  const base = [];
  const cmd = [];
  for (let i = 0; i < runs; i++) {
    base.push(time(['-e', '0'], ''));
    cmd.push(time([bin(c.copy), ...c.args], c.cache));
  }
  const b = median(base.map((r) => r.ms));
  const m = median(cmd.map((r) => r.ms));
  const cpu = median(cmd.map((r) => r.cpu)) / median(base.map((r) => r.cpu));
  console.log(
    `${c.copy.padEnd(11)} ${c.name.padEnd(42)} ${m.toFixed(1).padStart(7)} ms   node -e 0: ${b.toFixed(1).padStart(6)} ms   forhold: ${(m / b).toFixed(2)} ×   ud over opstart: ${(m - b).toFixed(1)} ms   CPU: ${cpu.toFixed(2)} ×   maks. hukommelse: ${maxRss(c).toFixed(1)} MiB`,
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
