#!/usr/bin/env node
// Entry point: run the bundled CLI and set the exit code (never process.exit, so output is flushed).
import { loadBundle } from './loader.js';

process.exitCode = await loadBundle().exports.main(process.argv.slice(2));
