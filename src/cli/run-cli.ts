// argv → command → exit code. No process.exit here, so tests can call it.

import { parseArgs } from 'node:util';
import { TOOL_VERSION } from '../lib/version.js';
import { describeError } from '../lib/describe-error.js';
import { EXIT_ERROR, UsageError } from './errors.js';
import { parseFormat, runInspect } from './inspect-command.js';
import { parseCompressedSizeMode } from '../config/build-options.js';
import { COMPARE_FLAGS, runCompareCommand } from './compare-command.js';
import { InputErrors } from '../config/errors.js';
import { USAGE } from './usage.js';
import { MERGE_FLAGS, runMergeCommand } from './merge-command.js';
import { oneLine } from '../lib/one-line.js';
import { HISTORY_FLAGS, runHistoryCommand } from './history-command.js';

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
    if (command === 'merge') return await merge(rest);
    if (command === 'history') return await history(rest);
    throw new UsageError(`unknown command "${command}" (try --help)`);
  } catch (err) {
    // several mistakes in a config file: one line each
    if (err instanceof InputErrors && err.problems.length > 1) for (const p of err.problems) process.stderr.write(`image-size-guard: error: ${oneLine(p)}\n`);
    else process.stderr.write(`image-size-guard: error: ${describeError(err)}\n`);
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
    sarif: { type: 'string' },
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
    sarif: values.sarif as string | undefined,
  });
}

async function compare(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, COMPARE_FLAGS, ['--bake']);
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`compare takes no positional arguments (got "${positionals[0]}"); see --help`);
  return runCompareCommand(values as Parameters<typeof runCompareCommand>[0]);
}

async function merge(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, MERGE_FLAGS);
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  return runMergeCommand({ ...(values as Omit<Parameters<typeof runMergeCommand>[0], 'patterns'>), patterns: positionals });
}

async function history(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, HISTORY_FLAGS);
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('history takes exactly one file (JSON Lines, as --record or the Action writes it)');
  return runHistoryCommand({ file: positionals[0]!, ...(values as { format?: string; last?: string; output?: string }) });
}

type Options = Parameters<typeof parseArgs>[0] extends infer C ? (C extends { options?: infer O } ? O : never) : never;

function parse(argv: string[], options: NonNullable<Options>, optional: readonly string[] = []) {
  try {
    return parseArgs({ args: attachValues(argv, options, optional), options, allowPositionals: true, strict: true });
  } catch (err) {
    const message = (err as Error).message;
    // "Option '--base <value>' argument missing", or "… is ambiguous" when the next word is another option
    const needs = /^Option '(-[^' ]+)[^']*' argument (?:missing|is ambiguous)/.exec(message);
    if (needs) throw new UsageError(`${needs[1]} needs a value`);
    // otherwise parseArgs explains itself well ("Unknown option '--x'"), minus its advice on positionals
    throw new UsageError(message.replace(/\. To specify a positional argument.*$/s, ''));
  }
}

/**
 * An option that takes a value takes the next word, whatever it starts with — as docker and git parse flags:
 * `--buildx-flags "--no-cache"`, `--build-arg -X` (which is then refused for what it is, not as "ambiguous").
 * parseArgs alone refuses a value that starts with "-" unless it is attached with "=", so it is attached here —
 * except when the next word is one of the command's own options (`--base --format json`: a forgotten value).
 * `--buildx-flags --no-cache` stays buildx's --no-cache (as it was before compare had a --no-cache of its own).
 * An option in `optional` (`--bake [FILES]`) takes a value only when one follows: followed by nothing or by
 * another option it gets an empty one (compare takes no positional arguments, so a following word that is not
 * an option is its value).
 */
export function attachValues(argv: readonly string[], options: NonNullable<Options>, optional: readonly string[] = []): string[] {
  const takesValue = new Set<string>();
  const own = new Set<string>();
  for (const [name, o] of Object.entries(options)) {
    own.add(`--${name}`);
    if (o.short) own.add(`-${o.short}`);
    if (o.type !== 'string') continue;
    takesValue.add(`--${name}`);
    if (o.short) takesValue.add(`-${o.short}`);
  }
  const isOwn = (word: string): boolean => own.has(word.split('=')[0]!);
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i]!;
    if (word === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const next = argv[i + 1];
    if (optional.includes(word) && (next === undefined || next.startsWith('-'))) out.push(`${word}=`);
    else if (takesValue.has(word) && next !== undefined && next.startsWith('-') && (!isOwn(next) || (word === '--buildx-flags' && next === '--no-cache'))) {
      out.push(word.startsWith('--') ? `${word}=${next}` : `${word}${next}`);
      i++;
    } else out.push(word);
  }
  return out;
}
