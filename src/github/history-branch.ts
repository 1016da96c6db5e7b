// The size history on its own branch, through the REST API (no checkout, no git push): the contents API reads
// the file (base64, with its blob SHA; past 1 MB the content comes from the git blob) and writes it back
// naming the SHA it read, so a run that wrote in between makes ours a 409 (or a 422) — then we read again and
// append again, up to ATTEMPTS times. Never a force push. A missing branch is created as an orphan holding
// only the file (git data API: blob, tree, commit without parents, ref).

import { createHash } from 'node:crypto';
import type { HistoryRecord } from '../model/history.js';
import { appendRecord, hasRecord } from '../report/history-codec.js';
import type { GitHubClient } from './octokit.js';
import { outcomeUnknown } from './retry-policy.js';

export const ATTEMPTS = 5;

export interface HistoryPlace {
  owner: string;
  repo: string;
  branch: string;
  /** The file in the branch: one per comment key. */
  path: string;
}

export interface HistoryFile {
  text: string;
  /** The blob SHA the next write names. */
  sha: string;
}

export type WriteResult = 'created-branch' | 'created' | 'updated' | 'present';

export class HistoryConflictError extends Error {}

/** The file a comment key's records go to: "web.jsonl"; a key with other characters gets a hash ("image-size-job-1a2b3c4d.jsonl"). */
export function historyFileName(key: string): string {
  const slug = key.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+|-+$/g, '').slice(0, 80) || 'images';
  return slug === key ? `${slug}.jsonl` : `${slug}-${createHash('sha256').update(key).digest('hex').slice(0, 8)}.jsonl`;
}

const statusOf = (err: unknown): number | undefined => (err as { status?: number }).status;

/**
 * A 409 or 422 that means "someone wrote first" (a stale SHA, or no SHA for a file that now exists) — not a
 * branch rule or protection refusing the write, which answers with the same codes and says so.
 */
function isConflict(err: unknown): boolean {
  const status = statusOf(err);
  return (status === 409 || status === 422) && !/\brules?\b|protected|pull request/i.test((err as { message?: string }).message ?? '');
}

/** The file's text and blob SHA; null when the branch or the file does not exist. */
export async function readHistoryFile(octokit: GitHubClient, at: HistoryPlace): Promise<HistoryFile | null> {
  let data: { type?: string; content?: string; encoding?: string; sha?: string };
  try {
    // the object media type answers files past 1 MB too (content "", encoding "none") where the default one refuses
    const res = await octokit.rest.repos.getContent({ owner: at.owner, repo: at.repo, path: at.path, ref: at.branch, headers: { accept: 'application/vnd.github.object+json' } });
    data = res.data as typeof data;
  } catch (err) {
    if (statusOf(err) === 404) return null;
    throw err;
  }
  if (Array.isArray(data) || data.type !== 'file' || !data.sha) throw new Error(`${at.path} on branch ${at.branch} is not a file`);
  let content = data.content ?? '';
  let encoding = data.encoding;
  if (encoding === 'none') {
    const blob = await octokit.rest.git.getBlob({ owner: at.owner, repo: at.repo, file_sha: data.sha });
    ({ content, encoding } = blob.data);
  }
  return { text: Buffer.from(content, encoding === 'base64' ? 'base64' : 'utf8').toString('utf8'), sha: data.sha };
}

/** Appends the record (once, however often a write must be repeated). */
export async function appendHistory(octokit: GitHubClient, at: HistoryPlace, record: HistoryRecord, message: string): Promise<{ result: WriteResult; attempts: number }> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const file = await readHistoryFile(octokit, at);
    // a write whose answer was lost may have landed: then it is there already
    if (file && hasRecord(file.text, record)) return { result: 'present', attempts: attempt };
    const result = await writeOnce(octokit, at, appendRecord(file?.text ?? '', record), file?.sha, message);
    if (result !== 'conflict') return { result, attempts: attempt };
  }
  throw new HistoryConflictError(`${at.path} on branch ${at.branch} kept changing under us (${ATTEMPTS} attempts)`);
}

async function writeOnce(octokit: GitHubClient, at: HistoryPlace, text: string, sha: string | undefined, message: string): Promise<WriteResult | 'conflict'> {
  try {
    await octokit.rest.repos.createOrUpdateFileContents({
      owner: at.owner,
      repo: at.repo,
      path: at.path,
      branch: at.branch,
      message,
      content: Buffer.from(text).toString('base64'),
      ...(sha ? { sha } : {}),
      // a repeated PUT would name a SHA that its own first attempt may have made stale: we read again instead
      request: { retries: 0 },
    });
    return sha ? 'updated' : 'created';
  } catch (err) {
    const status = statusOf(err);
    // 409: the SHA is stale; 422: "sha wasn't supplied" (someone created the file); 5xx: it may have been written
    if (isConflict(err) || outcomeUnknown(err)) return 'conflict';
    if (status === 404 && !sha) return createOrphanBranch(octokit, at, text, message);
    if (status === 404) return 'conflict'; // the branch went away since we read it
    throw err;
  }
}

/** The branch with one commit (no parent) holding the file. */
async function createOrphanBranch(octokit: GitHubClient, at: HistoryPlace, text: string, message: string): Promise<WriteResult | 'conflict'> {
  const repo = { owner: at.owner, repo: at.repo };
  const blob = await octokit.rest.git.createBlob({ ...repo, content: Buffer.from(text).toString('base64'), encoding: 'base64' });
  const tree = await octokit.rest.git.createTree({ ...repo, tree: [{ path: at.path, mode: '100644', type: 'blob', sha: blob.data.sha }] });
  const commit = await octokit.rest.git.createCommit({ ...repo, message, tree: tree.data.sha, parents: [] });
  try {
    await octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${at.branch}`, sha: commit.data.sha, request: { retries: 0 } });
    return 'created-branch';
  } catch (err) {
    // "Reference already exists": another run created the branch first
    if (isConflict(err) || outcomeUnknown(err)) return 'conflict';
    throw err;
  }
}
