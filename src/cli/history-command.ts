// `image-size-guard history FILE [--format text|markdown|json] [--last N] [--output FILE]`: a size history
// (JSON Lines, as the Action keeps on its branch or `compare --record` writes) as a table and a trend.

import { readFile, writeFile } from 'node:fs/promises';
import { oneLine } from '../lib/one-line.js';
import { historyProblems, parseHistory } from '../report/history-codec.js';
import { renderHistoryMarkdown, renderHistoryText } from '../report/history-table.js';
import { TREND_POINTS } from '../report/trend.js';
import { EXIT_PASSED, UsageError } from './errors.js';

export const HISTORY_FLAGS = {
  format: { type: 'string' },
  last: { type: 'string' },
  output: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface HistoryArgs {
  file: string;
  format?: string | undefined;
  last?: string | undefined;
  output?: string | undefined;
}

export async function runHistoryCommand(args: HistoryArgs): Promise<number> {
  const format = args.format ?? 'text';
  if (format !== 'text' && format !== 'markdown' && format !== 'json') throw new UsageError(`--format must be text, markdown or json (got "${oneLine(format, 40)}")`);
  const last = args.last === undefined ? TREND_POINTS : Number(args.last);
  if (!Number.isInteger(last) || last < 1 || last > 1000) throw new UsageError(`--last must be a whole number from 1 to 1000 (got "${oneLine(args.last ?? '', 40)}")`);
  let text: string;
  try {
    text = await readFile(args.file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${oneLine(args.file)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const { records, problems } = parseHistory(text);
  for (const p of historyProblems(problems, args.file)) process.stderr.write(`image-size-guard: warning: ${p}\n`);
  const options = { file: args.file, last };
  const out =
    format === 'json' ? JSON.stringify({ records }, null, 2) + '\n'
    : format === 'markdown' ? renderHistoryMarkdown(records, options)
    : renderHistoryText(records, options);
  if (args.output) await writeFile(args.output, out);
  else process.stdout.write(out);
  return EXIT_PASSED;
}
