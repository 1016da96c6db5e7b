// Retry decisions: which failures are repeated and after how long (retry-policy.ts), and that the Octokit
// client built in octokit.ts really acts on them, against the fake GitHub API (waits shortened to 5 ms units:
// retries are checked against the server's clock as lower bounds, never upper ones).

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import type { GitHubClient } from '../../src/github/octokit.js';
import {
  isPrimaryRateLimit,
  isRateLimit,
  isSecondaryRateLimit,
  MAX_WAIT_SECONDS,
  outcomeUnknown,
  planRetry,
  RATE_LIMIT_RETRIES,
  rateLimitReset,
  RETRIES,
  retryAfterSeconds,
  retryRateLimit,
} from '../../src/github/retry-policy.js';
import type { FakeGitHub } from '../helpers/fake-github.js';
import { fakeGitHubPerBlock, RETRY_UNIT_MS } from '../helpers/fake-github-suite.js';

const failure = (status: number | undefined, headers: Record<string, string> = {}, message = 'x', data?: unknown) => ({
  status,
  message,
  response: { status, headers, data },
});

describe('retry policy', () => {
  it('leaves GitHub rate limits to plugin-throttling, even on a 429', () => {
    const primary = failure(429, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '2000000000' });
    assert.deepEqual(planRetry(primary, 3, 1), { retries: 0, retryAfter: 1 });
    const secondary = failure(403, { 'retry-after': '5' }, 'You have exceeded a secondary rate limit.');
    assert.deepEqual(planRetry(secondary, 3, 1), { retries: 0, retryAfter: 1 });
  });

  it('honours Retry-After on a 5xx or a bare 429, and gives up when it asks for more than a minute', () => {
    assert.deepEqual(planRetry(failure(503, { 'retry-after': '7' }), 3, 1), { retries: 3, retryAfter: 7 });
    assert.deepEqual(planRetry(failure(429, { 'retry-after': '0' }), 3, 4), { retries: 3, retryAfter: 0 });
    assert.deepEqual(planRetry(failure(503, { 'retry-after': String(MAX_WAIT_SECONDS + 1) }), 3, 1), { retries: 0, retryAfter: 1 });
    // no header: plugin-retry's own backoff stands
    assert.deepEqual(planRetry(failure(502), 3, 4), { retries: 3, retryAfter: 4 });
  });

  it('never raises the retries a request allows (a comment create allows none)', () => {
    assert.deepEqual(planRetry(failure(502, { 'retry-after': '1' }), 0, 1), { retries: 0, retryAfter: 1 });
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-03-01T10:00:00Z');
    assert.equal(retryAfterSeconds(failure(429, { 'retry-after': '12' }), now), 12);
    assert.equal(retryAfterSeconds(failure(429, { 'retry-after': 'Sun, 01 Mar 2026 10:00:30 GMT' }), now), 30);
    assert.equal(retryAfterSeconds(failure(429, { 'retry-after': 'soon' }), now), null);
    assert.equal(retryAfterSeconds(failure(429), now), null);
  });

  it('waits out a rate limit only when it lifts within a minute, and only twice', () => {
    assert.equal(retryRateLimit(1, 0), true);
    assert.equal(retryRateLimit(MAX_WAIT_SECONDS, RATE_LIMIT_RETRIES - 1), true);
    assert.equal(retryRateLimit(MAX_WAIT_SECONDS + 1, 0), false);
    assert.equal(retryRateLimit(3601, 0), false);
    assert.equal(retryRateLimit(1, RATE_LIMIT_RETRIES), false);
  });

  it('tells primary limits (remaining 0, or GraphQL RATE_LIMITED) from secondary ones and from refusals', () => {
    const primary = failure(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1900000000' });
    assert.equal(isPrimaryRateLimit(primary), true);
    assert.equal(rateLimitReset(primary)?.toISOString(), '2030-03-17T17:46:40.000Z');
    assert.equal(isPrimaryRateLimit(failure(429, { 'x-ratelimit-remaining': '0' })), true);
    assert.equal(isPrimaryRateLimit(failure(200, {}, 'GraphQL Rate Limit Exceeded', { errors: [{ type: 'RATE_LIMITED' }] })), true);
    assert.equal(isPrimaryRateLimit(failure(403, { 'x-ratelimit-remaining': '12' }, 'Resource not accessible by integration')), false);
    assert.equal(isSecondaryRateLimit(failure(403, {}, 'You have exceeded a secondary rate limit. Please wait')), true);
    assert.equal(isSecondaryRateLimit(failure(404, {}, 'secondary rate limit')), false);
    assert.equal(isRateLimit(failure(403, {}, 'Resource not accessible by integration')), false);
  });

  it('treats a 5xx or a missing answer as a write of unknown outcome, a 4xx as a refusal', () => {
    assert.equal(outcomeUnknown(failure(502)), true);
    assert.equal(outcomeUnknown(failure(500)), true);
    assert.equal(outcomeUnknown({ message: 'socket hang up' }), true);
    assert.equal(outcomeUnknown(failure(422)), false);
    assert.equal(outcomeUnknown(failure(403)), false);
  });
});

describe('the Octokit client acts on those decisions', () => {
  let gh: FakeGitHub;
  let octokit: GitHubClient;
  const target = { owner: 'octo', repo: 'app', issue_number: 7 };
  const calls = (path: RegExp) => gh.requests.filter((q) => path.test(q.path));

  fakeGitHubPerBlock((g, o) => {
    gh = g;
    octokit = o;
  });

  it('repeats a GET after 502s (HTML error pages) and succeeds', async () => {
    gh.flaky = 2;
    gh.seed(3, 'someone');
    const res = await octokit.rest.issues.listComments(target);
    assert.equal(res.data.length, 3);
    assert.deepEqual(gh.requests.map((q) => q.status), [502, 502, 200]);
  });

  it(`gives up after ${RETRIES} retries`, async () => {
    gh.flaky = 10;
    await assert.rejects(octokit.rest.issues.listComments(target), (err: { status?: number }) => err.status === 502);
    assert.equal(gh.requests.length, 1 + RETRIES);
  });

  it('does not repeat a 404 or a 422', async () => {
    await assert.rejects(octokit.rest.issues.updateComment({ owner: 'octo', repo: 'app', comment_id: 99, body: 'x' }), { status: 404 });
    gh.overrides.push({ status: 422, body: { message: 'Validation Failed' } });
    await assert.rejects(octokit.rest.issues.listComments(target), { status: 422 });
    assert.equal(gh.requests.length, 2);
  });

  it('does not repeat a request that allows no retries (retries: 0), even on a 502', async () => {
    gh.postFails = 1;
    await assert.rejects(octokit.rest.issues.createComment({ ...target, body: 'hello', request: { retries: 0 } }), { status: 502 });
    assert.equal(calls(/\/issues\/7\/comments$/).length, 1);
    assert.equal(gh.comments.length, 0);
  });

  it('honours Retry-After on a bare 429 and a secondary rate limit, then succeeds', async () => {
    gh.tooMany = 1;
    gh.secondaryLimit = 1;
    const res = await octokit.rest.issues.listComments(target);
    assert.equal(res.status, 200);
    assert.deepEqual(gh.requests.map((q) => q.status), [403, 429, 200]); // the fake answers the secondary limit first
    // each retry came at least Retry-After units after the answer that asked for it, by the server's clock
    // (a lower bound: a slow machine only makes the wait longer; libuv counts timers in whole milliseconds)
    for (const i of [0, 1]) {
      const [asked, retry] = [gh.requests[i]!, gh.requests[i + 1]!];
      const wait = Number(asked.sentHeaders!['retry-after']) * RETRY_UNIT_MS;
      assert.equal(wait, RETRY_UNIT_MS, 'the fake asks for one unit');
      assert.ok(retry.at - asked.answeredAt! >= wait - 1, `retried ${(retry.at - asked.answeredAt!).toFixed(2)} ms after a ${asked.status} asked for ${wait} ms`);
    }
  });

  it('does not wait for a 5xx whose Retry-After is an hour (the planRetry wrapper is in place)', async () => {
    gh.overrides.push({ status: 503, body: { message: 'Service Unavailable' }, headers: { 'retry-after': '3600' } });
    await assert.rejects(octokit.rest.issues.listComments(target), { status: 503 });
    assert.equal(gh.requests.length, 1);
  });

  it('waits for a primary rate limit that resets within seconds', async () => {
    gh.rateLimited = 'rest';
    gh.rateLimitResetIn = 1;
    gh.rateLimitCount = 1;
    const res = await octokit.rest.issues.listComments(target);
    assert.equal(res.status, 200);
    assert.deepEqual(gh.requests.map((q) => q.status), [403, 200]);
  });

  it('does not wait for a primary rate limit that resets in an hour: the error says when it lifts', async () => {
    gh.rateLimited = 'rest';
    gh.rateLimitResetIn = 3600;
    const err = await octokit.rest.issues.listComments(target).then(
      () => assert.fail('expected a rate-limit error'),
      (e: unknown) => e,
    );
    assert.equal(isPrimaryRateLimit(err), true);
    assert.equal(gh.requests.length, 1, 'not repeated');
    // the error says when the limit lifts: what the server sent, an hour after its own clock
    const [answer] = gh.requests;
    assert.equal(rateLimitReset(err)!.getTime(), Number(answer!.sentHeaders!['x-ratelimit-reset']) * 1000);
    assert.equal(Number(answer!.sentHeaders!['x-ratelimit-reset']) - answer!.rateClock!, 3600);
  });
});
