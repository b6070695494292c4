#!/usr/bin/env node
// Entry point: run the bundled CLI and set the exit code (never process.exit, so output is flushed).
'use strict';
const { loadBundle } = require('./loader.cjs');

loadBundle()
  .exports.main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
