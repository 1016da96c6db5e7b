// One comment per image name, found by its hidden marker AND written by the token's own identity, across
// every page of comments; updated in place, created only when there is none.

import { GitHubApiError, RestClient } from './rest-client.js';
import type { CommentMode } from '../config/action-inputs.js';

export interface CommentTarget {
  owner: string;
  repo: string;
  issueNumber: number;
}

interface IssueComment {
  id: number;
  body?: string;
  html_url: string;
  user: { login: string } | null;
}

export interface StickyResult {
  action: 'created' | 'updated' | 'skipped';
  url: string | null;
}

/**
 * The login the token acts as: GraphQL `viewer` works for app and Actions tokens, /user for personal ones.
 * Only when both refuse (401/403/404) is it assumed to be GITHUB_TOKEN's `github-actions[bot]`; any other
 * failure is an error — guessing wrong would post a new comment on every run.
 */
export async function whoAmI(rest: RestClient, graphqlUrl: string): Promise<string> {
  const refused = (err: unknown): boolean => err instanceof GitHubApiError && [401, 403, 404].includes(err.status);
  try {
    const res = await rest.request<{ data?: { viewer?: { login?: string } } }>('POST', graphqlUrl, { query: 'query { viewer { login } }' }, { idempotent: true });
    const login = res.data?.data?.viewer?.login;
    if (login) return login;
  } catch (err) {
    if (!refused(err)) throw err;
  }
  try {
    const res = await rest.request<{ login?: string }>('GET', '/user');
    if (res.data?.login) return res.data.login;
  } catch (err) {
    if (!refused(err)) throw err;
  }
  return 'github-actions[bot]';
}

export async function upsertStickyComment(
  rest: RestClient,
  target: CommentTarget,
  opts: { marker: string; body: string; me: string; mode: CommentMode; changed: boolean },
): Promise<StickyResult> {
  const base = `/repos/${encodeURIComponent(target.owner)}/${encodeURIComponent(target.repo)}/issues`;
  const comments = await rest.paginate<IssueComment>(`${base}/${target.issueNumber}/comments`);
  const mine = comments.find((c) => c.user?.login === opts.me && (c.body ?? '').includes(opts.marker));
  if (mine) {
    const res = await rest.request<IssueComment>('PATCH', `${base}/comments/${mine.id}`, { body: opts.body });
    return { action: 'updated', url: res.data?.html_url ?? mine.html_url };
  }
  if (opts.mode === 'on-change' && !opts.changed) return { action: 'skipped', url: null };
  const res = await rest.request<IssueComment>('POST', `${base}/${target.issueNumber}/comments`, { body: opts.body });
  return { action: 'created', url: res.data?.html_url ?? null };
}
