#!/usr/bin/env node
// Entry point: run the bundled CLI and set the exit code (never process.exit, so output is flushed).
'use strict';
const { loadBundle } = require('./loader.cjs');

// Piped into `head` or a pager that quits: the reader is gone, so stop quietly instead of
// printing a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

const cli = loadBundle();
cli.exports.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  cli.saveCache();
});
