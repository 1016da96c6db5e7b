// Everything the Action hands back to the workflow: outputs, the job summary, annotations, the comment.
// Nothing is lost when commenting fails: the summary, the outputs and the report are written first.

import * as core from '@actions/core';
import type { ImageEntry, Report } from '../model/report.js';
import { GitHubApiError, RestClient } from './rest-client.js';
import { upsertStickyComment, whoAmI, type StickyResult } from './sticky-comment.js';
import type { ActionConfig } from '../config/action-inputs.js';

export function setOutputs(report: Report, reportFile: string, commentBody: string): void {
  const entry = report.images[0] as ImageEntry;
  const present = [...new Set(entry.findings.filter((f) => f.status !== 'resolved').map((f) => f.id))];
  core.setOutput('size', String(entry.head.size));
  core.setOutput('base-size', entry.base ? String(entry.base.size) : '');
  core.setOutput('size-delta', entry.diff ? String(entry.diff.sizeDelta) : '');
  core.setOutput('size-delta-percent', entry.diff?.sizeDeltaPercent != null ? String(entry.diff.sizeDeltaPercent) : '');
  core.setOutput('compressed-size', entry.head.compressedSize === null ? '' : String(entry.head.compressedSize));
  core.setOutput('layers', String(entry.head.layers.length));
  core.setOutput('findings', present.join(','));
  core.setOutput('passed', String(report.passed));
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

/** Whether the comment has news: sizes or findings moved (always true without a baseline). */
export function hasChanges(entry: ImageEntry): boolean {
  if (!entry.base || !entry.diff) return true;
  return entry.diff.sizeDelta !== 0 || entry.findings.some((f) => f.status !== 'existing');
}

export async function postComment(cfg: ActionConfig, entry: ImageEntry, body: string, marker: string): Promise<StickyResult | null> {
  if (cfg.comment === 'off' || !cfg.pullRequest || !cfg.repository) return null;
  if (!cfg.token) {
    core.warning('image-size-guard: no github-token, so no PR comment; the job summary and the comment-body output have the report');
    return null;
  }
  const rest = new RestClient({ token: cfg.token, apiUrl: cfg.apiUrl, retryBaseMs: Number(process.env.ISG_RETRY_BASE_MS) || 1000 });
  try {
    const me = await whoAmI(rest, cfg.graphqlUrl);
    return await upsertStickyComment(
      rest,
      { ...cfg.repository, issueNumber: cfg.pullRequest.number },
      { marker, body, me, mode: cfg.comment, changed: hasChanges(entry) },
    );
  } catch (err) {
    if (err instanceof GitHubApiError && (err.status === 403 || err.status === 404)) {
      core.warning(
        `image-size-guard: cannot comment on the pull request (${err.message}). A fork's pull request gets a read-only token ` +
          '(see the README for the workflow_run recipe); otherwise give the job `pull-requests: write`. ' +
          'The job summary and the comment-body output carry the report.',
      );
    } else core.warning(`image-size-guard: commenting failed: ${(err as Error).message}`);
    return null;
  }
}
