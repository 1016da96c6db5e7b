// Action entry logic: inputs → the comparison pipeline (shared with the CLI) → publish. Thin on purpose.

import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describeError } from './lib/describe-error.js';
import { formatRef } from './lib/format.js';
import { UserError } from './model/errors.js';
import { InputErrors, readActionInputs } from './config/action-inputs.js';
import { annotate, postComment, setOutputs } from './github/publish.js';
import { annotateGrowth } from './github/growth-annotation.js';
import { failureMessage } from './report/failure-message.js';
import { runCompare } from './pipeline/run-compare.js';
import { commentMarker } from './report/markdown.js';
import { renderReportMarkdown, renderReportText } from './report/entries.js';
import type { Finding } from './model/report.js';
import { TOOL_NAME, TOOL_VERSION } from './lib/version.js';

export async function run(): Promise<void> {
  try {
    const cfg = readActionInputs();
    if (cfg.eventName === 'pull_request_target') {
      core.warning('image-size-guard: on pull_request_target never build the pull request\'s code (it runs with a write token); see the README');
    }
    const result = await runCompare(cfg.compare);
    const entry = result.report.images[0]!;
    for (const w of result.warnings) core.warning(`image-size-guard: ${w}`);

    // both sides named the same way: 12-character SHAs (or the refs/images as given)
    const refs = `base ${entry.base ? formatRef(entry.base.ref) : 'none'} · head ${formatRef(cfg.pullRequest?.headSha || entry.head.ref)}`;
    const body = renderReportMarkdown(result.report, { warnings: result.warnings, footer: `${TOOL_NAME} ${TOOL_VERSION} · ${refs}` });
    // Report, outputs and summary first: a failing comment must not lose them.
    await mkdir(dirname(cfg.reportFile), { recursive: true });
    await writeFile(cfg.reportFile, JSON.stringify(result.report, null, 2) + '\n');
    setOutputs(result.report, cfg.reportFile, body);
    await core.summary.addRaw(body, true).write();
    // one annotation per finding and line, however many platforms have it
    const annotated = new Set<string>();
    for (const e of result.report.images) {
      annotate({ ...e, findings: e.findings.filter((f) => !annotated.has(key(f)) && annotated.add(key(f))) });
    }
    annotateGrowth(entry, cfg.compare.budgets.maxIncrease);
    printText(renderReportText(result.report, { width: 120, warnings: result.warnings }));

    const comment = await postComment(cfg, result.report.images, body, commentMarker(entry.name));
    core.setOutput('comment-url', comment?.url ?? '');
    if (comment) core.info(`image-size-guard: comment ${comment.action}${comment.url ? `: ${comment.url}` : ''}`);

    if (!result.report.passed) core.setFailed(`image-size-guard: ${failureMessage(result.report, cfg.compare.failOn)}`);
  } catch (err) {
    if (err instanceof InputErrors) for (const p of err.problems) core.error(`image-size-guard: ${p}`);
    // a bug, not a user mistake: its stack helps only when someone is debugging the run
    if (!(err instanceof UserError) && err instanceof Error && (core.isDebug() || process.env.ISG_DEBUG)) core.info(err.stack ?? err.message);
    core.setFailed(`image-size-guard: ${describeError(err)}`);
  }
}

function key(f: Finding): string {
  return `${f.id} ${f.dockerfile?.path ?? ''}:${f.dockerfile?.line ?? ''} ${f.message}`;
}

/** The text report in the log, with workflow commands switched off around it (it quotes PR content). */
function printText(text: string): void {
  const token = randomBytes(16).toString('hex');
  process.stdout.write(`::stop-commands::${token}\n${text}::${token}::\n`);
}
