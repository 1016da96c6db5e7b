// Everything the Action hands back to the workflow: outputs, the job summary, annotations, the comment.
// Nothing is lost when commenting fails: the summary, the outputs and the report are written first.

import * as core from '@actions/core';
import type { ImageEntry, Report } from '../model/report.js';
import { createGitHubClient } from './octokit.js';
import { whoAmI } from './identity.js';
import { isPrimaryRateLimit, isSecondaryRateLimit, rateLimitReset } from './retry-policy.js';
import { upsertStickyComment, type StickyResult } from './sticky-comment.js';
import { oneLine } from '../lib/one-line.js';
import type { ActionConfig } from '../config/action-inputs.js';
import { runOutputs } from '../report/run-outputs.js';
import { hasNews } from '../report/summary-table.js';

/** Outputs of the whole run (see report/run-outputs.ts for what they mean with several images or platforms). */
export function setOutputs(report: Report, reportFile: string, commentBody: string): void {
  for (const [name, value] of Object.entries(runOutputs(report))) core.setOutput(name, value);
  core.setOutput('report-file', reportFile);
  core.setOutput('comment-body', commentBody);
}

/** Findings with a Dockerfile line become annotations on that line. */
export function annotate(entry: ImageEntry): void {
  for (const f of entry.findings) {
    if (f.status === 'resolved' || !f.dockerfile) continue;
    const props = { file: f.dockerfile.path, startLine: f.dockerfile.line, title: `image-size-guard: ${f.id}` };
    if (f.severity === 'error') core.error(f.message, props);
    else core.warning(f.message, props);
  }
}

/**
 * Whether the comment has news: some image's size or findings moved (always true without a baseline, so also
 * for an added platform), or a platform was removed.
 */
export function hasChanges(report: Report): boolean {
  return report.images.some((e) => e.status === 'compared' && hasNews(e)) || (report.removedPlatforms?.length ?? 0) > 0;
}

/**
 * report: every image and platform the comment is about; it has news when any of them changed. quiet: `body` is
 * the one-line comment of a run under comment-threshold — it updates our comment, never creates one.
 */
export async function postComment(cfg: ActionConfig, report: Report, body: string, marker: string, quiet = false): Promise<StickyResult | null> {
  if (cfg.comment === 'off' || !cfg.pullRequest || !cfg.repository) return null;
  if (!cfg.token) {
    core.warning('image-size-guard: no github-token, so no PR comment; the job summary and the comment-body output have the report');
    return null;
  }
  // ISG_RETRY_BASE_MS: tests shorten the retry waits; 1000 (seconds as GitHub states them) otherwise
  const retryBaseMs = Number(process.env.ISG_RETRY_BASE_MS) || 1000;
  try {
    const octokit = createGitHubClient({ token: cfg.token, apiUrl: cfg.apiUrl, retryBaseMs });
    const me = await whoAmI(octokit, cfg.graphqlUrl);
    if (me.source === 'assumed') core.info(`image-size-guard: the token may not ask who it is; assuming ${me.login}`);
    const result = await upsertStickyComment(
      octokit,
      { ...cfg.repository, issueNumber: cfg.pullRequest.number },
      // with a threshold, what is not quiet is a change (`on-change` then posts as `true` does)
      { marker, body, me, mode: quiet ? 'on-change' : cfg.comment, changed: cfg.commentThreshold ? !quiet : hasChanges(report), retryBaseMs },
    );
    if (result.note) core.info(`image-size-guard: ${result.note}`);
    if (quiet) core.info(`image-size-guard: no significant change (comment-threshold): ${result.action === 'updated' ? 'the comment is one line now' : 'no comment posted'}`);
    return result;
  } catch (err) {
    core.warning(`image-size-guard: ${commentFailure(err)}`);
    return null;
  }
}

const KEEP = 'The job summary and the comment-body output carry the report.';

/** One line saying why the comment could not be written and what to do. */
export function commentFailure(err: unknown, now = Date.now()): string {
  const what = describeApiError(err);
  if (isPrimaryRateLimit(err)) {
    const reset = rateLimitReset(err);
    const when = reset
      ? ` until ${reset.toISOString().replace(/\.\d{3}Z$/, 'Z')} (in ${Math.max(1, Math.round((reset.getTime() - now) / 60_000))} min)`
      : '';
    return `the GitHub API rate limit is exhausted${when}, so the PR comment was not written this run (${what}). ${KEEP}`;
  }
  if (isSecondaryRateLimit(err)) {
    return `GitHub's secondary rate limit stopped the PR comment after retries (${what}). ${KEEP}`;
  }
  const status = (err as { status?: number }).status;
  if (status === 403 || status === 404) {
    return (
      `cannot comment on the pull request (${what}). A fork's pull request gets a read-only token ` +
      '(see the README for the workflow_run recipe); otherwise give the job `pull-requests: write`. ' +
      KEEP
    );
  }
  return `commenting failed: ${what}. ${KEEP}`;
}

/** `GET /repos/o/r/issues/7/comments: 403 Resource not accessible by integration`, or the bare message. */
function describeApiError(err: unknown): string {
  const e = err as { status?: number; message?: string; request?: { method?: string; url?: string } };
  const message = oneLine(e.message ?? String(err), 300);
  if (!e.request?.method || !e.request.url) return message;
  let path = e.request.url;
  try {
    path = new URL(e.request.url).pathname;
  } catch {
    // a relative URL: keep it
  }
  return `${e.request.method} ${path}: ${e.status ?? '?'} ${message}`;
}
