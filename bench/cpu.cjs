// Preloaded by bench/run.js (node -r): reports the process's own CPU time on stderr when it exits.
'use strict';
process.on('exit', () => {
  const used = process.cpuUsage();
  require('node:fs').writeSync(2, `\nkvalitetstjek-bench-cpu ${(used.user + used.system) / 1000}\n`);
});
