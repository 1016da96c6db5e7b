// Which failed GitHub requests are repeated, and after how long. Pure decisions, used by the Octokit
// plugins (see octokit.ts) and by the comment logic:
// - 5xx, 429 and network errors: @octokit/plugin-retry, backing off 1, 4, 9 units, or as Retry-After says;
// - GitHub's rate limits (403/429 marked as such): @octokit/plugin-throttling, waiting for Retry-After
//   (secondary limits) or x-ratelimit-reset (primary limits) — but never longer than MAX_WAIT_SECONDS:
//   a limit that resets in an hour is reported, not slept through.

import { retryAfterMs } from '../lib/retry-after.js';

/** Retries of a 5xx / 429 / network error (plugin-retry). */
export const RETRIES = 3;
/** Retries of a rate-limited request that resets soon (plugin-throttling). */
export const RATE_LIMIT_RETRIES = 2;
/** Longer waits than this are not worth a CI job's time: report instead. */
export const MAX_WAIT_SECONDS = 60;

type Headers = Record<string, string | number | undefined>;

/** What a failed Octokit call carries: a RequestError, or plugin-throttling's GraphQL rate-limit Error. */
export interface ApiFailure {
  status?: number;
  message?: string;
  response?: { status?: number; headers?: Headers; data?: unknown };
}

export function asFailure(err: unknown): ApiFailure {
  return typeof err === 'object' && err !== null ? (err as ApiFailure) : {};
}

function header(err: ApiFailure, name: string): string | undefined {
  const v = err.response?.headers?.[name];
  return v === undefined ? undefined : String(v);
}

function graphqlRateLimited(data: unknown): boolean {
  const errors = (data as { errors?: { type?: string }[] } | null | undefined)?.errors;
  return Array.isArray(errors) && errors.some((e) => e?.type === 'RATE_LIMITED');
}

/** GitHub's primary rate limit: `x-ratelimit-remaining: 0` on a 403/429, or a GraphQL RATE_LIMITED error. */
export function isPrimaryRateLimit(err: unknown): boolean {
  const f = asFailure(err);
  if (graphqlRateLimited(f.response?.data)) return true;
  return (f.status === 403 || f.status === 429) && header(f, 'x-ratelimit-remaining') === '0';
}

/** GitHub's secondary (abuse) limit: a 403/429 whose message says so. */
export function isSecondaryRateLimit(err: unknown): boolean {
  const f = asFailure(err);
  return (f.status === 403 || f.status === 429) && /\bsecondary rate\b/i.test(f.message ?? '');
}

export function isRateLimit(err: unknown): boolean {
  return isPrimaryRateLimit(err) || isSecondaryRateLimit(err);
}

/** When a primary rate limit lifts (x-ratelimit-reset, epoch seconds), if the response says. */
export function rateLimitReset(err: unknown): Date | null {
  const reset = Number(header(asFailure(err), 'x-ratelimit-reset'));
  return Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000) : null;
}

/** Retry-After in seconds: delta-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterSeconds(err: unknown, now = Date.now()): number | null {
  const ms = retryAfterMs(header(asFailure(err), 'retry-after'), now);
  return ms === null ? null : Math.ceil(ms / 1000);
}

/**
 * plugin-retry's decision for one failure, adjusted: GitHub's rate limits are left to plugin-throttling
 * (which reads their headers), a Retry-After is honoured, and one beyond MAX_WAIT_SECONDS means give up.
 * `retries` is what the request allows (0 for a comment create, see sticky-comment.ts): never raised.
 * `retryAfter` is in units of the base wait (seconds by default).
 */
export function planRetry(err: unknown, retries: number, retryAfter: number): { retries: number; retryAfter: number } {
  if (isRateLimit(err)) return { retries: 0, retryAfter };
  const asked = retryAfterSeconds(err);
  if (asked === null) return { retries, retryAfter };
  if (asked > MAX_WAIT_SECONDS) return { retries: 0, retryAfter };
  return { retries, retryAfter: asked };
}

/** plugin-throttling's onRateLimit / onSecondaryRateLimit: wait only for a limit that lifts soon. */
export function retryRateLimit(waitSeconds: number, retryCount: number): boolean {
  return waitSeconds <= MAX_WAIT_SECONDS && retryCount < RATE_LIMIT_RETRIES;
}

/**
 * Whether a failed write may still have happened: a 5xx (the server may have written before failing) or no
 * answer at all (Octokit reports a broken connection as status 500 without a response). A 4xx is a refusal.
 */
export function outcomeUnknown(err: unknown): boolean {
  const f = asFailure(err);
  return typeof f.status !== 'number' || f.status >= 500;
}
