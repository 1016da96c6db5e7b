// What a history record says about its commit: the SHA, the ref it was built on, the commit date (ISO, UTC).

import { runCommand } from '../exec/exec.js';
import { oneLine } from '../lib/one-line.js';
import { GitError } from './worktree.js';

export interface CommitInfo {
  sha: string;
  /** refs/heads/NAME when `ref` (or HEAD) is a branch; else the ref as given, or the SHA. */
  ref: string;
  /** The committer date, ISO 8601 in UTC. */
  date: string;
}

/** The commit `ref` names (HEAD by default) in the repository at cwd. */
export async function commitInfo(cwd: string, ref = 'HEAD'): Promise<CommitInfo> {
  if (ref.startsWith('-')) throw new GitError(`not a git ref: ${oneLine(ref)}`);
  const log = await runCommand('git', ['log', '-1', '--format=%H %cI', `${ref}^{commit}`, '--'], { cwd }).catch(() => null);
  const [sha = '', stamp = ''] = (log?.code === 0 ? log.stdout.trim() : '').split(' ');
  if (!/^[0-9a-f]{40,64}$/.test(sha)) throw new GitError(`${oneLine(ref)} is not a commit of a git repository at ${oneLine(cwd)}`);
  const full = await runCommand('git', ['rev-parse', '--symbolic-full-name', ref], { cwd }).catch(() => null);
  const name = full?.code === 0 ? full.stdout.trim() : '';
  return { sha, ref: name.startsWith('refs/') ? name : ref === 'HEAD' ? sha : ref, date: new Date(stamp).toISOString() };
}

/** The committer date of a commit (ISO, UTC), or null when git cannot tell (no clone, a shallow one without it). */
export async function commitDate(cwd: string, sha: string): Promise<string | null> {
  if (!/^[0-9a-f]{7,64}$/.test(sha)) return null;
  const log = await runCommand('git', ['log', '-1', '--format=%cI', sha, '--'], { cwd }).catch(() => null);
  const stamp = log?.code === 0 ? log.stdout.trim() : '';
  return stamp && !Number.isNaN(Date.parse(stamp)) ? new Date(stamp).toISOString() : null;
}
