#!/usr/bin/env node
// Entry point: run the CLI and set the exit code (never process.exit, so output is flushed).
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
