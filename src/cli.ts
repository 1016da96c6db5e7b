#!/usr/bin/env node
// CLI entry (bundled to dist/cli/index.js): thin on purpose, the work is in cli/run-cli.ts.
import { runCli } from './cli/run-cli.js';

process.exitCode = await runCli(process.argv.slice(2));
