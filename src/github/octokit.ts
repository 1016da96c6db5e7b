// The GitHub client: @actions/github's Octokit with retries (plugin-retry), rate-limit handling
// (plugin-throttling), the API URL given explicitly, and a fetch that honours HTTP(S)_PROXY / NO_PROXY.
// The policy itself (what is repeated, how long to wait) lives in retry-policy.ts.

import * as core from '@actions/core';
import { getOctokit } from '@actions/github';
import { retry, type RetryPlugin } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { TOOL_NAME, TOOL_VERSION } from '../lib/version.js';
import { proxyAwareFetch } from './proxy-fetch.js';
import { planRetry, RETRIES, retryRateLimit } from './retry-policy.js';

export type GitHubClient = ReturnType<typeof getOctokit>;

export interface ClientOptions {
  token: string;
  /** REST base URL: https://api.github.com, or https://HOST/api/v3 on GitHub Enterprise Server. */
  apiUrl: string;
  /** One unit of waiting, in ms (1000: Retry-After and x-ratelimit-reset are in seconds). Tests shorten it. */
  retryBaseMs?: number;
}

export function createGitHubClient(opts: ClientOptions): GitHubClient {
  const base = opts.retryBaseMs ?? 1000;
  const octokit = getOctokit(
    opts.token,
    {
      baseUrl: opts.apiUrl,
      userAgent: `${TOOL_NAME}/${TOOL_VERSION}`,
      request: { fetch: proxyAwareFetch() },
      // 403 and 429 go to plugin-throttling (GitHub marks its rate limits on them); planRetry hands a 429
      // back to it too when it carries those marks.
      retry: { retries: RETRIES, retryAfterBaseValue: base, doNotRetry: [400, 401, 403, 404, 410, 422, 451] },
      throttle: {
        retryAfterBaseValue: base,
        onRateLimit: (waitSeconds: number, _options: unknown, _octokit: unknown, retryCount: number) => retryRateLimit(waitSeconds, retryCount),
        onSecondaryRateLimit: (waitSeconds: number, _options: unknown, _octokit: unknown, retryCount: number) =>
          retryRateLimit(waitSeconds, retryCount),
      },
      log: { debug: core.debug, info: core.debug, warn: (m: string) => core.debug(`octokit: ${m}`), error: (m: string) => core.debug(`octokit: ${m}`) },
    },
    retry,
    throttling,
  );
  // plugin-retry asks octokit.retry.retryRequest (its public hook for this) to schedule each retry; the
  // wrapper applies planRetry so Retry-After is honoured and rate limits are left to plugin-throttling.
  const plugin = (octokit as unknown as RetryPlugin).retry;
  const schedule = plugin.retryRequest;
  plugin.retryRequest = (error, retries, retryAfter) => {
    const plan = planRetry(error, retries, retryAfter);
    return schedule(error, plan.retries, plan.retryAfter);
  };
  return octokit;
}
