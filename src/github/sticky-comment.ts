// One comment per image name, found by its hidden marker AND written by the token's own identity (by user
// id, see identity.ts), across every page of comments; updated in place, created only when there is none.
// A create is never repeated blindly: after an error that leaves its outcome unknown, the comments are
// read again and the create is repeated only if ours is still absent — a duplicate is worse than a miss.

import type { GitHubClient } from './octokit.js';
import { isSameUser, type CommentUser, type Identity } from './identity.js';
import { outcomeUnknown } from './retry-policy.js';
import type { CommentMode } from '../config/action-inputs.js';
import { oneLine } from '../lib/one-line.js';

export interface CommentTarget {
  owner: string;
  repo: string;
  issueNumber: number;
}

interface IssueComment {
  id: number;
  body?: string;
  html_url: string;
  user: CommentUser | null;
}

export interface StickyResult {
  action: 'created' | 'updated' | 'skipped';
  url: string | null;
  /** Set when the create's answer was lost and the comment was found by reading the comments again. */
  note?: string;
}

/** 100 pages of 100: beyond that, give up rather than risk posting a duplicate of a comment not read. */
const MAX_PAGES = 100;

/** Every comment on the issue, following the Link header's rel="next" (GitHub may point it at another path). */
export async function listComments(octokit: GitHubClient, target: CommentTarget): Promise<IssueComment[]> {
  const out: IssueComment[] = [];
  let pages = 0;
  const params = { owner: target.owner, repo: target.repo, issue_number: target.issueNumber, per_page: 100 };
  for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, params)) {
    if (++pages > MAX_PAGES) throw new Error(`more than ${MAX_PAGES * 100} comments on #${target.issueNumber}: not commenting`);
    out.push(...(page.data as IssueComment[]));
  }
  return out;
}

/** The comment's address as the API gave it, if it looks like one (it is printed to the log). */
function safeUrl(url: unknown): string | null {
  return typeof url === 'string' && /^https?:\/\/[^\s]+$/.test(url) ? url : null;
}

export function findOwn(comments: IssueComment[], marker: string, me: Identity): IssueComment | undefined {
  return comments.find((c) => isSameUser(c.user, me) && (c.body ?? '').includes(marker));
}

export async function upsertStickyComment(
  octokit: GitHubClient,
  target: CommentTarget,
  opts: { marker: string; body: string; me: Identity; mode: CommentMode; changed: boolean; retryBaseMs?: number },
): Promise<StickyResult> {
  const repo = { owner: target.owner, repo: target.repo };
  const mine = findOwn(await listComments(octokit, target), opts.marker, opts.me);
  if (mine) {
    // an update is idempotent: plugin-retry may repeat it
    const res = await octokit.rest.issues.updateComment({ ...repo, comment_id: mine.id, body: opts.body });
    return { action: 'updated', url: safeUrl(res.data?.html_url ?? mine.html_url) };
  }
  if (opts.mode === 'on-change' && !opts.changed) return { action: 'skipped', url: null };

  const create = () =>
    // retries: 0 — plugin-retry must not repeat a POST whose first attempt may have been written
    octokit.rest.issues.createComment({ ...repo, issue_number: target.issueNumber, body: opts.body, request: { retries: 0 } });
  try {
    const res = await create();
    return { action: 'created', url: safeUrl(res.data?.html_url) };
  } catch (err) {
    if (!outcomeUnknown(err)) throw err;
    const status = (err as { status?: number }).status;
    // give the write a moment to become visible, then look
    await new Promise((r) => setTimeout(r, opts.retryBaseMs ?? 1000));
    const found = findOwn(await listComments(octokit, target), opts.marker, opts.me);
    const why = `the comment POST failed (${status ?? 'no answer'}: ${oneLine((err as Error).message ?? String(err), 300)})`;
    if (found) return { action: 'created', url: safeUrl(found.html_url), note: `${why}, but the comment was written` };
    const res = await create();
    return { action: 'created', url: safeUrl(res.data?.html_url), note: `${why}; it was not written, so it was posted again` };
  }
}
