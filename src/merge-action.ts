// The Action's merge mode (input `reports`): the fan-in of a matrix. Nothing is built; the legs' reports are read,
// checked and merged into one report, one comment (the several-images layout), one job summary and the outputs.
// The legs annotated their findings already: nothing is annotated again.

import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { ActionConfig } from './config/action-inputs.js';
import { mergeCommentKey, type MergeInputs } from './config/merge-inputs.js';
import { findReportFiles, readReports } from './config/report-files.js';
import { postComment, setOutputs } from './github/publish.js';
import { printWithoutCommands } from './github/quiet-log.js';
import { oneLine } from './lib/one-line.js';
import { failureMessage } from './report/failure-message.js';
import { commentMarker } from './report/markdown.js';
import { mergedFooter, mergeReports } from './report/merge-reports.js';
import { renderMultiMarkdown } from './report/multi-markdown.js';
import { renderMultiText } from './report/multi-text.js';
import { writeSarifOutput } from './github/sarif-output.js';
import { quietComment } from './report/comment-threshold.js';

export async function runMergeAction(cfg: ActionConfig, merge: MergeInputs): Promise<void> {
  const cwd = cfg.run.cwd;
  // the merged report (and the SARIF file) are not inputs of the merge, wherever the patterns point
  const files = await findReportFiles(merge.patterns, cwd, [cfg.reportFile, ...(cfg.sarifFile ? [cfg.sarifFile] : [])]);
  const sources = await readReports(files, cwd);
  core.info(`image-size-guard: merging ${sources.length} report${sources.length === 1 ? '' : 's'}: ${oneLine(sources.map((s) => s.file).join(', '), 2000)}`);
  const report = mergeReports(sources);
  const removed = report.removedPlatforms ?? [];
  const marker = commentMarker(merge.commentKey ?? mergeCommentKey(process.env, report.images.map((e) => e.name)));
  const footer = mergedFooter(report, sources.length, cfg.pullRequest?.headSha);
  const body = renderMultiMarkdown(report.images, { marker, footer, removed });

  // Report, outputs and summary first: a failing comment must not lose them.
  await mkdir(dirname(cfg.reportFile), { recursive: true });
  await writeFile(cfg.reportFile, JSON.stringify(report, null, 2) + '\n');
  setOutputs(report, cfg.reportFile, body);
  await core.summary.addRaw(body, true).write();
  await writeSarifOutput(cfg, report);
  printWithoutCommands(renderMultiText(report.images, { width: 120, removed }));

  const quiet = quietComment(report, cfg.commentThreshold, marker);
  const comment = await postComment(cfg, report, quiet ?? body, marker, quiet !== null);
  core.setOutput('comment-url', comment?.url ?? '');
  if (comment) core.info(`image-size-guard: comment ${comment.action}${comment.url ? `: ${comment.url}` : ''}`);
  // each leg decided its entries with its own fail-on; a failed entry's budgets are among its causes
  if (!report.passed) core.setFailed(`image-size-guard: ${failureMessage(report, { budget: true })}`);
}
