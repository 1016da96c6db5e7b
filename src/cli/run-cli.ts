// argv → command → exit code. No process.exit here, so tests can call it.

import { parseArgs } from 'node:util';
import { TOOL_VERSION } from '../lib/version.js';
import { describeError } from '../lib/describe-error.js';
import { EXIT_ERROR, UsageError } from './errors.js';
import { parseFormat, runInspect } from './inspect-command.js';
import { parseCompressedSizeMode } from '../config/build-options.js';
import { COMPARE_FLAGS, runCompareCommand } from './compare-command.js';
import { USAGE } from './usage.js';

export async function runCli(argv: string[]): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      process.stdout.write(USAGE);
      return command === undefined ? EXIT_ERROR : 0;
    }
    if (command === '-V' || command === '--version') {
      process.stdout.write(`${TOOL_VERSION}\n`);
      return 0;
    }
    if (command === 'inspect') return await inspect(rest);
    if (command === 'compare') return await compare(rest);
    throw new UsageError(`unknown command "${command}" (try --help)`);
  } catch (err) {
    process.stderr.write(`image-size-guard: error: ${describeError(err)}\n`);
    if (process.env.ISG_DEBUG && err instanceof Error && err.stack) process.stderr.write(err.stack + '\n');
    return EXIT_ERROR;
  }
}

async function inspect(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    format: { type: 'string' },
    output: { type: 'string' },
    platform: { type: 'string' },
    name: { type: 'string' },
    'compressed-size': { type: 'string' },
    file: { type: 'string', short: 'f' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('inspect takes exactly one image reference or archive path');
  return runInspect({
    target: positionals[0] as string,
    format: parseFormat(values.format as string | undefined),
    output: values.output as string | undefined,
    platform: values.platform as string | undefined,
    name: values.name as string | undefined,
    compressedSize: parseCompressedSizeMode(values['compressed-size'] as string | undefined),
    file: values.file as string | undefined,
  });
}

async function compare(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, COMPARE_FLAGS);
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`compare takes no positional arguments (got "${positionals[0]}"); see --help`);
  return runCompareCommand(values as Parameters<typeof runCompareCommand>[0]);
}

type Options = Parameters<typeof parseArgs>[0] extends infer C ? (C extends { options?: infer O } ? O : never) : never;

function parse(argv: string[], options: NonNullable<Options>) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    // parseArgs explains itself well ("Unknown option '--x'"), minus its error-code prefix
    throw new UsageError((err as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}
