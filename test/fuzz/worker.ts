// A worker thread of the long run: runs cases in-process against the built dist/ and answers with
// the violations. The main thread stops it when a case takes too long or too much memory.
import { parentPort, workerData } from 'node:worker_threads';
import type { Case } from './cases.js';
import { validators } from './check.js';
import { inProcess, runCase } from './run.js';
import type { Main } from './run.js';

const { root, cliUrl, timeLimitMs } = workerData as { root: string; cliUrl: string; timeLimitMs: number };
const { main } = (await import(cliUrl)) as { main: Main };
const v = validators(root);
const port = parentPort;
if (!port) throw new Error('worker.ts runs as a worker thread');
port.on('message', async ({ id, c }: { id: number; c: Case }) => {
  const violations = await runCase(c, inProcess(main), v, timeLimitMs, (dir) => port.postMessage({ id, dir }));
  port.postMessage({ id, violations });
});
port.postMessage({ ready: true });
