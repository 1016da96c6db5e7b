// Action entry logic: inputs → the comparison pipeline (shared with the CLI) → publish. Thin on purpose.

import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { describeError } from './lib/describe-error.js';
import { formatRef } from './lib/format.js';
import { oneLine } from './lib/one-line.js';
import { UserError } from './model/errors.js';
import type { Finding, ImageEntry } from './model/report.js';
import { loadImages, readActionInputs, type ActionConfig } from './config/action-inputs.js';
import { InputErrors } from './config/errors.js';
import { annotate, postComment, setOutputs } from './github/publish.js';
import { runImages, type CompareResult } from './pipeline/run-compare.js';
import type { ImageOptions } from './pipeline/compare-options.js';
import { renderCompareText } from './report/compare-text.js';
import { commentMarker, renderMarkdown } from './report/markdown.js';
import { renderMultiMarkdown } from './report/multi-markdown.js';
import { renderMultiText } from './report/multi-text.js';
import { entryKey } from './report/summary-table.js';
import { annotateGrowth } from './github/growth-annotation.js';
import { actionsCache } from './github/actions-cache.js';
import { failureMessage } from './report/failure-message.js';
import { TOOL_NAME, TOOL_VERSION } from './lib/version.js';
import { printWithoutCommands } from './github/quiet-log.js';
import { readMergeInputs } from './config/merge-inputs.js';
import { runMergeAction } from './merge-action.js';
import { historyTrend, saveHistory, type TrendSection } from './github/history-run.js';
import { annotateBudgetWarnings } from './github/budget-annotations.js';
import { writeSarifOutput } from './github/sarif-output.js';
import { quietComment } from './report/comment-threshold.js';

export async function run(): Promise<void> {
  try {
    const merge = readMergeInputs();
    const cfg = readActionInputs();
    if (merge) return await runMergeAction(cfg, merge);
    if (cfg.eventName === 'pull_request_target') {
      core.warning('image-size-guard: on pull_request_target never build the pull request\'s code (it runs with a write token); see the README');
    }
    if (cfg.run.cache) {
      const remote = actionsCache();
      if (remote) cfg.run.cache.remote = remote;
      else core.info('image-size-guard: no Actions cache service on this runner: the analysis cache is local only');
    }
    const images = await loadImages(cfg);
    const result = await runImages(cfg.run, images);
    for (const r of result.images) {
      if (r.base?.fromCache && r.entry.base) core.info(`image-size-guard: ${oneLine(r.entry.name)}: base ${oneLine(formatRef(r.base.ref))} from the analysis cache (not built)`);
    }
    for (const w of result.warnings) core.warning(`image-size-guard: ${w}`);
    images.forEach((image, i) => {
      const plan = result.plans[i]!;
      if (images.length > 1 || !plan.build) core.info(`image-size-guard: ${oneLine(image.name ?? 'image')}: ${plan.build ? 'compared' : 'not built'} (${oneLine(plan.reason)})`);
    });

    const trend = await historyTrend(cfg, result.report);
    const { body, marker, text } = render(cfg, result, trend);
    // Report, outputs and summary first: a failing comment must not lose them.
    await mkdir(dirname(cfg.reportFile), { recursive: true });
    await writeFile(cfg.reportFile, JSON.stringify(result.report, null, 2) + '\n');
    setOutputs(result.report, cfg.reportFile, body);
    await core.summary.addRaw(body, true).write();
    await writeSarifOutput(cfg, result.report);
    annotateBudgetWarnings(result.report);
    // one annotation per finding and line, however many platforms have it
    const annotated = new Set<string>();
    for (const e of result.report.images) {
      if (e.status !== 'compared') continue;
      annotate({ ...e, findings: e.findings.filter((f) => !annotated.has(key(f)) && annotated.add(key(f))) });
    }
    // the notice comes at the lower of the increase levels
    for (const e of result.report.images) if (e.status === 'compared') annotateGrowth(e, warnOrMax(optionsOf(images, e)));
    printWithoutCommands(text);

    const quiet = quietComment(result.report, cfg.commentThreshold, marker);
    const comment = await postComment(cfg, result.report, quiet ?? body, marker, quiet !== null);
    core.setOutput('comment-url', comment?.url ?? '');
    if (comment) core.info(`image-size-guard: comment ${comment.action}${comment.url ? `: ${comment.url}` : ''}`);
    await saveHistory(cfg, result.report);

    if (!result.report.passed) core.setFailed(`image-size-guard: ${failureMessage(result.report, (e) => optionsOf(images, e).failOn)}`);
  } catch (err) {
    // several mistakes: one line each (one mistake is the failure's own line)
    if (err instanceof InputErrors && err.problems.length > 1) for (const p of err.problems) core.error(`image-size-guard: ${p}`);
    // a bug, not a user mistake: its stack helps only when someone is debugging the run
    if (!(err instanceof UserError) && err instanceof Error && (core.isDebug() || process.env.ISG_DEBUG)) core.info(err.stack ?? err.message);
    core.setFailed(`image-size-guard: ${describeError(err)}`);
  }
}

/**
 * One image from the single-image inputs on one platform keeps its own comment (marker by name) and rendering;
 * otherwise (several images, or one on several platforms) the summary table and folded details.
 */
function render(cfg: ActionConfig, result: CompareResult, trend: TrendSection): { body: string; marker: string; text: string } {
  const entries = result.report.images;
  const removed = result.report.removedPlatforms ?? [];
  const first = entries[0]!;
  const compared = entries.filter((e): e is ImageEntry => e.status === 'compared');
  // both sides named the same way: 12-character SHAs (or the refs/images as given)
  const base = compared.find((e) => e.base)?.base?.ref ?? cfg.run.baseRef;
  const head = cfg.pullRequest?.headSha || compared[0]?.head.ref || 'working tree';
  const footer = `${TOOL_NAME} ${TOOL_VERSION} · base ${base ? formatRef(base) : 'none'} · head ${formatRef(head)}`;
  const marker = commentMarker(cfg.commentKey ?? first.name);
  if (!cfg.several && entries.length === 1 && first.status === 'compared' && removed.length === 0) {
    let body = renderMarkdown(first, { warnings: result.warnings, footer, appendix: trend.markdown });
    const own = commentMarker(first.name);
    if (marker !== own && body.startsWith(own)) body = marker + body.slice(own.length);
    return { body, marker, text: renderCompareText(first, { width: 120, warnings: result.warnings }) + trend.text };
  }
  const warnings = new Map(result.images.map((r) => [entryKey(r.entry), r.warnings]));
  return {
    body: renderMultiMarkdown(entries, { marker, footer, warnings, removed, appendix: trend.markdown }),
    marker,
    text: renderMultiText(entries, { width: 120, warnings, removed }) + trend.text,
  };
}

/** The options of the image an entry belongs to (by name; the only one when there is one). */
function optionsOf(images: readonly ImageOptions[], e: ImageEntry): ImageOptions {
  return images.length === 1 ? images[0]! : (images.find((i) => i.name === e.name) ?? images[0]!);
}

const warnOrMax = (o: ImageOptions) => o.budgets.warnIncrease ?? o.budgets.maxIncrease;

/** Annotations are per finding and Dockerfile line: the same one on several platforms is one annotation. */
function key(f: Finding): string {
  return `${f.id} ${f.dockerfile?.path ?? ''}:${f.dockerfile?.line ?? ''} ${f.message}`;
}
