// `image-size-guard merge FILE|DIR|GLOB...`: the reports of several runs (matrix legs) → one report, rendered
// as a run on several images is. Exit 0 when every entry passed, 1 when some failed, 2 on bad input.

import { writeFile } from 'node:fs/promises';
import { findReportFiles, readReports } from '../config/report-files.js';
import { failureMessage } from '../report/failure-message.js';
import { commentMarker } from '../report/markdown.js';
import { mergedFooter, mergeReports } from '../report/merge-reports.js';
import { renderMultiMarkdown } from '../report/multi-markdown.js';
import { renderMultiText } from '../report/multi-text.js';
import { EXIT_FAILED, EXIT_PASSED, UsageError } from './errors.js';
import { parseIncrease } from '../config/parse-size.js';
import { quietComment } from '../report/comment-threshold.js';
import { reportSarif, warnBudgets } from './report-extras.js';

export const MERGE_FLAGS = {
  format: { type: 'string' },
  output: { type: 'string' },
  'comment-key': { type: 'string' },
  'comment-threshold': { type: 'string' },
  sarif: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface MergeArgs {
  patterns: string[];
  format?: string | undefined;
  output?: string | undefined;
  'comment-key'?: string | undefined;
  'comment-threshold'?: string | undefined;
  sarif?: string | undefined;
}

export async function runMergeCommand(args: MergeArgs): Promise<number> {
  const format = args.format ?? 'text';
  if (format !== 'text' && format !== 'markdown' && format !== 'json') throw new UsageError(`--format must be text, markdown or json (got "${format}")`);
  if (args.patterns.length === 0) throw new UsageError('merge needs report files, directories or globs (see --help)');
  const threshold = args['comment-threshold'] === undefined ? null : parseIncrease(args['comment-threshold'], '--comment-threshold');
  const cwd = process.cwd();
  const sources = await readReports(await findReportFiles(args.patterns, cwd, [args.output, args.sarif].filter((f) => f !== undefined)), cwd);
  const report = mergeReports(sources);
  const removed = report.removedPlatforms ?? [];
  let out: string;
  if (format === 'json') out = JSON.stringify(report, null, 2) + '\n';
  else if (format === 'markdown') {
    const marker = commentMarker(args['comment-key'] ?? 'merged');
    out = quietComment(report, threshold, marker) ?? renderMultiMarkdown(report.images, { marker, footer: mergedFooter(report, sources.length), removed });
  } else out = renderMultiText(report.images, { width: process.stdout.columns || 100, removed });
  if (args.output) await writeFile(args.output, out);
  else process.stdout.write(out);
  warnBudgets(report);
  if (args.sarif) await reportSarif(args.sarif, report);
  if (report.passed) return EXIT_PASSED;
  process.stderr.write(`image-size-guard: failed: ${failureMessage(report, { budget: true })}\n`);
  return EXIT_FAILED;
}
