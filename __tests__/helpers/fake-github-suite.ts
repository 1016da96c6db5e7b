// The fake GitHub as the GitHub unit suites use it: one per describe block (octo/app, issue 7), a client of
// it with short retry waits, its requests and overrides reset before each test, closed after the block.

import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import { createGitHubClient, type GitHubClient } from '../../src/github/octokit.js';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';

/** The client's unit of waiting (Retry-After and x-ratelimit-reset count in it): 5 ms instead of a second. */
export const RETRY_UNIT_MS = 5;

/** Registers the block's hooks; `ready` receives the fake and its client before the first test. */
export function fakeGitHubPerBlock(ready: (gh: FakeGitHub, octokit: GitHubClient) => void): void {
  let gh: FakeGitHub | undefined;
  beforeAll(async () => {
    gh = await startFakeGitHub({ owner: 'octo', repo: 'app', issue: 7 });
    ready(gh, createGitHubClient({ token: 'test-token', apiUrl: gh.url, retryBaseMs: RETRY_UNIT_MS }));
  });
  beforeEach(() => gh?.reset());
  afterAll(() => gh?.close());
}
