#!/usr/bin/env node
// Entry point: the bundled CLI (built by `npm run build`), which sets process.exitCode.
import '../bundle/kvalitetstjek.mjs';
