// Inputs `history` and `history-branch`, and what this run's event does with the history: a push to the default
// branch or a tag push appends this run's record; a pull request shows the trend (a read-only token is enough);
// anything else — and a push in a fork — leaves the history alone. Pull requests never write: a PR's code runs
// in the job, and its sizes are not the default branch's.

import { readFileSync } from 'node:fs';
import { quoted } from '../lib/one-line.js';

export const DEFAULT_HISTORY_BRANCH = 'image-size-guard-history';

export interface HistoryInputs {
  branch: string;
  /** record: append this run's record; trend: show the trend; none: neither (see `reason`). */
  mode: 'record' | 'trend' | 'none';
  /** "refs/heads/<default branch>": the records a trend shows (null when the event does not say). */
  defaultRef: string | null;
  /** The commit a record is about (record mode); `date` null when the event has none. */
  commit: { sha: string; ref: string; date: string | null } | null;
  /** Why the history is left alone (mode none). */
  reason: string;
}

interface PushOrPullEvent {
  repository?: { default_branch?: string; fork?: boolean };
  head_commit?: { timestamp?: string } | null;
  pull_request?: { base?: { repo?: { default_branch?: string } } };
}

/** Null when `history` is off (or mistyped: the mistake goes to problems). */
export function readHistoryInputs(get: (name: string) => string, env: NodeJS.ProcessEnv, problems: string[]): HistoryInputs | null {
  const on = get('history') || 'false';
  const branch = get('history-branch') || DEFAULT_HISTORY_BRANCH;
  if (on !== 'true' && on !== 'false') problems.push(`history: must be true or false (got ${quoted(on, 40)})`);
  if (!isBranchName(branch)) problems.push(`history-branch: ${quoted(branch, 80)} is not a branch name git accepts`);
  if (on !== 'true') return null;
  const event = readEvent(env.GITHUB_EVENT_PATH);
  const name = env.GITHUB_EVENT_NAME ?? '';
  const ref = env.GITHUB_REF ?? '';
  const defaultBranch = event.repository?.default_branch ?? event.pull_request?.base?.repo?.default_branch;
  const defaultRef = defaultBranch ? `refs/heads/${defaultBranch}` : null;
  const none = (reason: string): HistoryInputs => ({ branch, mode: 'none', defaultRef, commit: null, reason });
  if (/^pull_request/.test(name)) return { branch, mode: 'trend', defaultRef, commit: null, reason: '' };
  if (name !== 'push') return none(`a ${name || 'run without an event'} neither records nor shows a trend (push and pull_request do)`);
  if (event.repository?.fork === true) return none('a push in a fork does not record');
  if (!ref.startsWith('refs/tags/') && ref !== defaultRef) return none(`a push to ${ref || 'an unknown ref'} does not record (the default branch and tags do)`);
  const stamp = event.head_commit?.timestamp;
  const date = stamp && !Number.isNaN(Date.parse(stamp)) ? new Date(stamp).toISOString() : null;
  return { branch, mode: 'record', defaultRef, commit: { sha: env.GITHUB_SHA ?? '', ref, date }, reason: '' };
}

function readEvent(path: string | undefined): PushOrPullEvent {
  if (!path) return {};
  try {
    const event = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    return typeof event === 'object' && event !== null ? (event as PushOrPullEvent) : {};
  } catch {
    return {};
  }
}

/** git check-ref-format's rules, the ones a name from a workflow can break. */
function isBranchName(name: string): boolean {
  return (
    name.length <= 200 &&
    /^[A-Za-z0-9._/-]+$/.test(name) &&
    !/^[-/.]|[/.]$|\.\.|\/\/|\/\.|\.lock(\/|$)/.test(name)
  );
}
