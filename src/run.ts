// The program: run the CLI with this process's arguments and set its exit code.
import { main } from './cli.js';

process.exitCode = await main(process.argv.slice(2));
