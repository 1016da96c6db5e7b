// Who the token acts as, and whether a comment is ours. Matched by the numeric user id: GitHub's GraphQL
// API spells bot logins without the `[bot]` suffix in some places (`github-actions`) while REST always
// has it (`github-actions[bot]`), so comparing login strings posts a new comment on every run.

import type { GitHubClient } from './octokit.js';
import { asFailure, isRateLimit } from './retry-policy.js';

export interface Identity {
  login: string;
  /** The user's database id (REST `user.id`, GraphQL `databaseId`); null when the API did not say. */
  id: number | null;
  /** How it was learnt: assumed only when GraphQL and /user both refused the token. */
  source: 'graphql' | 'rest' | 'assumed';
}

/** GITHUB_TOKEN's bot, as REST reports it. */
export const ACTIONS_BOT = { login: 'github-actions[bot]', id: 41898282 } as const;

export interface CommentUser {
  login?: string;
  id?: number;
}

/** A login with a trailing `[bot]` removed, lower-cased (logins are case-insensitive). */
export function normaliseLogin(login: string): string {
  return login
    .trim()
    .replace(/\[bot\]$/i, '')
    .toLowerCase();
}

/** By id when both sides have one; otherwise by normalised login. */
export function isSameUser(user: CommentUser | null | undefined, me: Identity): boolean {
  if (!user) return false;
  if (me.id !== null && typeof user.id === 'number') return user.id === me.id;
  return typeof user.login === 'string' && user.login !== '' && normaliseLogin(user.login) === normaliseLogin(me.login);
}

/** 401/403/404 that is not a rate limit: this token may not ask this question. */
function refused(err: unknown): boolean {
  const f = asFailure(err);
  return (f.status === 401 || f.status === 403 || f.status === 404) && !isRateLimit(err);
}

/** GraphQL answers 200 with `errors` for some refusals (a token without the scope for `viewer`). */
function graphqlRefusal(errors: { type?: string }[]): boolean {
  return errors.length > 0 && errors.every((e) => ['FORBIDDEN', 'INSUFFICIENT_SCOPES', 'NOT_FOUND'].includes(e?.type ?? ''));
}

interface ViewerAnswer {
  data?: { viewer?: { login?: string; databaseId?: number | null } | null } | null;
  errors?: { type?: string; message?: string }[];
}

/**
 * GraphQL `viewer` works for App and Actions tokens, `/user` for personal ones. Only when both refuse
 * (401/403/404) is the token assumed to be GITHUB_TOKEN's `github-actions[bot]`; any other failure (5xx after
 * retries, a rate limit, a garbled answer) is an error — a wrong guess posts a new comment on every run.
 */
export async function whoAmI(octokit: GitHubClient, graphqlUrl: string): Promise<Identity> {
  try {
    // Through request() rather than octokit.graphql: that one replaces the URL by its own guess on GHES.
    const res = await octokit.request({ method: 'POST', url: graphqlUrl, query: 'query { viewer { login databaseId } }' });
    const answer = res.data as ViewerAnswer;
    const viewer = answer?.data?.viewer;
    if (viewer?.login) return { login: viewer.login, id: typeof viewer.databaseId === 'number' ? viewer.databaseId : null, source: 'graphql' };
    const errors = Array.isArray(answer?.errors) ? answer.errors : [];
    if (errors.length && !graphqlRefusal(errors)) {
      // RATE_LIMITED arrives here as a 200 on /api/graphql (plugin-throttling only inspects /graphql)
      throw Object.assign(new Error(`GraphQL viewer: ${errors.map((e) => e.message ?? e.type).join('; ')}`), { response: res });
    }
    if (!errors.length) throw new Error('GraphQL viewer: the answer has no login');
  } catch (err) {
    if (!refused(err)) throw err;
  }
  try {
    const res = await octokit.rest.users.getAuthenticated();
    if (res.data?.login) return { login: res.data.login, id: typeof res.data.id === 'number' ? res.data.id : null, source: 'rest' };
    throw new Error('GET /user: the answer has no login');
  } catch (err) {
    if (!refused(err)) throw err;
  }
  return { ...ACTIONS_BOT, source: 'assumed' };
}
