#!/usr/bin/env node
// CLI entry (bundled to dist/cli/index.js): thin on purpose, the work is in cli/run-cli.ts.
import { runCli } from './cli/run-cli.js';

process.exitCode = await runCli(process.argv.slice(2));
// ISG_STATS=1: peak RSS for `npm run bench` (exact, from the kernel's accounting of this process)
if (process.env.ISG_STATS) process.stderr.write(`isg-stats: maxRSS=${process.resourceUsage().maxRSS}\n`);
