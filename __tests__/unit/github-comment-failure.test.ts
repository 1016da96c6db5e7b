// The one warning the Action gives when it cannot comment: what happened and what still carries the report.

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { commentFailure } from '../../src/github/publish.js';

const now = Date.parse('2026-03-01T10:00:00Z');
const requestError = (status: number, message: string, headers: Record<string, string> = {}) =>
  Object.assign(new Error(message), {
    status,
    request: { method: 'GET', url: 'https://api.github.com/repos/octo/app/issues/7/comments?per_page=100' },
    response: { status, headers, data: { message } },
  });

describe('commentFailure', () => {
  it('a primary rate limit says until when, and that nothing waited for it', () => {
    const err = requestError(403, 'API rate limit exceeded for installation ID 4242.', { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 3600) });
    assert.equal(
      commentFailure(err, now),
      'the GitHub API rate limit is exhausted until 2026-03-01T11:00:00Z (in 60 min), so the PR comment was not written this run ' +
        '(GET /repos/octo/app/issues/7/comments: 403 API rate limit exceeded for installation ID 4242.). ' +
        'The job summary and the comment-body output carry the report.',
    );
  });

  it('a GraphQL RATE_LIMITED answer counts as the same', () => {
    const err = Object.assign(new Error('GraphQL Rate Limit Exceeded'), {
      response: { status: 200, headers: { 'x-ratelimit-reset': String(now / 1000 + 120) }, data: { errors: [{ type: 'RATE_LIMITED' }] } },
    });
    assert.match(commentFailure(err, now), /^the GitHub API rate limit is exhausted until 2026-03-01T10:02:00Z \(in 2 min\)/);
  });

  it('a secondary limit, a fork\'s read-only token, anything else', () => {
    assert.match(commentFailure(requestError(403, 'You have exceeded a secondary rate limit.'), now), /^GitHub's secondary rate limit stopped the PR comment after retries/);
    assert.match(commentFailure(requestError(403, 'Resource not accessible by integration'), now), /^cannot comment on the pull request \(GET \/repos\/octo\/app\/issues\/7\/comments: 403 Resource not accessible by integration\)\. A fork's pull request/);
    assert.match(commentFailure(requestError(502, 'Server Error'), now), /^commenting failed: GET \/repos\/octo\/app\/issues\/7\/comments: 502 Server Error\. The job summary/);
    assert.match(commentFailure(new Error('more than 10000 comments on #7: not commenting'), now), /^commenting failed: more than 10000 comments/);
  });

  it('keeps an API message on one line', () => {
    assert.doesNotMatch(commentFailure(requestError(500, 'line one\n::error::two'), now), /\n/);
    // a whole HTML error page is cut short
    assert.ok(commentFailure(requestError(502, '<html>' + 'x'.repeat(5000)), now).length < 500);
  });
});
