// `history: true` in the Action: on a pull request, the Trend section of the comment and summary from the
// history branch (read-only); on a push to the default branch or a tag, this run's record appended to it.
// Neither ever fails the run: a fault is one warning, and the report, outputs, summary and comment stand.

import * as core from '@actions/core';
import type { ActionConfig } from '../config/action-inputs.js';
import { commitDate } from '../git/commit-info.js';
import { oneLine } from '../lib/one-line.js';
import type { Report } from '../model/report.js';
import { historyProblems, parseHistory, recordOf } from '../report/history-codec.js';
import { trendSeries } from '../report/trend.js';
import { trendMarkdown, trendText, type TrendWords } from '../report/trend-section.js';
import { appendHistory, historyFileName, readHistoryFile, type HistoryPlace } from './history-branch.js';
import { createGitHubClient, type GitHubClient } from './octokit.js';

export interface TrendSection {
  markdown: string;
  text: string;
}

const NONE: TrendSection = { markdown: '', text: '' };

/** The Trend section on a pull request (empty otherwise, or when there is no history yet). */
export async function historyTrend(cfg: ActionConfig, report: Report): Promise<TrendSection> {
  const h = cfg.history;
  if (!h || h.mode !== 'trend') return NONE;
  const at = place(cfg, report);
  const octokit = client(cfg);
  if (!at || !octokit) return NONE;
  let file;
  try {
    file = await readHistoryFile(octokit, at);
  } catch (err) {
    core.warning(`image-size-guard: history: cannot read ${at.path} on branch ${at.branch} (${apiError(err)}); the comment has no trend`);
    return NONE;
  }
  if (!file) {
    core.info(`image-size-guard: history: no ${at.path} on branch ${at.branch} yet (a push to the default branch records one): no trend`);
    return NONE;
  }
  const parsed = parseHistory(file.text);
  for (const p of historyProblems(parsed.problems, at.path)) core.warning(`image-size-guard: history: ${p}`);
  const series = trendSeries(parsed.records, report.images, { ref: h.defaultRef ?? undefined });
  const branch = (h.defaultRef ?? 'the default branch').replace(/^refs\/heads\//, '');
  const words: TrendWords = { currentLabel: `PR #${cfg.pullRequest?.number ?? ''}`, current: 'this PR', noun: 'merges', scope: `on ${branch}` };
  return { markdown: trendMarkdown(series, words), text: trendText(series, words) };
}

/** Appends this run's record on a push to the default branch or a tag push. */
export async function saveHistory(cfg: ActionConfig, report: Report): Promise<void> {
  const h = cfg.history;
  if (!h) return;
  if (h.mode === 'none') return core.info(`image-size-guard: history: ${oneLine(h.reason)}`);
  if (h.mode !== 'record' || !h.commit) return;
  const at = place(cfg, report);
  const octokit = client(cfg);
  if (!at || !octokit) return;
  const date = h.commit.date ?? (await commitDate(cfg.run.cwd, h.commit.sha).catch(() => null)) ?? new Date().toISOString();
  const record = recordOf(report, { ...h.commit, date });
  if (record.images.length === 0) return core.info('image-size-guard: history: no image was measured, nothing to record');
  const message = `image-size-guard: sizes of ${h.commit.sha.slice(0, 12)} (${oneLine(h.commit.ref, 200)}) [skip ci]`;
  try {
    const { result, attempts } = await appendHistory(octokit, at, record, message);
    const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
    core.info(`image-size-guard: history: ${result === 'present' ? 'record already in' : 'recorded in'} ${at.path} on branch ${at.branch}${result === 'created-branch' ? ' (branch created)' : ''}${tries}`);
  } catch (err) {
    const status = (err as { status?: number }).status;
    const why =
      status === 403 || status === 404 ? 'the token may not write to the repository: give the job `permissions: contents: write`'
      : status === 409 || status === 422 ? `a rule or protection of branch ${at.branch} refused the write (the token must be allowed to push to it)`
      : 'writing failed';
    core.warning(`image-size-guard: history: this run's record was not saved to branch ${at.branch}: ${why} (${apiError(err)})`);
  }
}

/** Where this run's history lives: one file per comment key (the image's name for a single image). */
function place(cfg: ActionConfig, report: Report): HistoryPlace | null {
  const key = cfg.commentKey ?? report.images[0]?.name;
  if (!cfg.history || !cfg.repository || !key) return null;
  return { ...cfg.repository, branch: cfg.history.branch, path: historyFileName(key) };
}

function client(cfg: ActionConfig): GitHubClient | null {
  if (cfg.token) return createGitHubClient({ token: cfg.token, apiUrl: cfg.apiUrl, retryBaseMs: Number(process.env.ISG_RETRY_BASE_MS) || 1000 });
  core.warning('image-size-guard: history: no github-token, so the history branch is neither read nor written');
  return null;
}

function apiError(err: unknown): string {
  const e = err as { status?: number; message?: string };
  return oneLine(`${e.status ? `HTTP ${e.status}: ` : ''}${e.message ?? String(err)}`, 300);
}
