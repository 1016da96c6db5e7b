// Reading every comment of a pull request over the Link header, as GitHub paginates (its next links point
// at /repositories/:id/…, not at the path first asked for).

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import type { GitHubClient } from '../../src/github/octokit.js';
import { listComments } from '../../src/github/sticky-comment.js';
import { REPO_ID, type FakeGitHub } from '../helpers/fake-github.js';
import { fakeGitHubPerBlock } from '../helpers/fake-github-suite.js';

describe('listComments: pagination over Link', () => {
  let gh: FakeGitHub;
  let octokit: GitHubClient;
  const target = { owner: 'octo', repo: 'app', issueNumber: 7 };

  fakeGitHubPerBlock((g, o) => {
    gh = g;
    octokit = o;
  });

  it('follows rel="next" to the last page, 100 at a time, keeping the order', async () => {
    gh.seed(250, 'someone', (i) => `comment ${i}`);
    const all = await listComments(octokit, target);
    assert.equal(all.length, 250);
    assert.deepEqual(all.map((c) => c.body), gh.comments.map((c) => c.body));
    assert.deepEqual(gh.requests.map((q) => q.path), [
      '/repos/octo/app/issues/7/comments?per_page=100',
      `/repositories/${REPO_ID}/issues/7/comments?per_page=100&page=2`,
      `/repositories/${REPO_ID}/issues/7/comments?per_page=100&page=3`,
    ]);
  });

  it('reads one page when there is no next link (exactly 100, or none at all)', async () => {
    gh.seed(100, 'someone');
    assert.equal((await listComments(octokit, target)).length, 100);
    gh.comments.length = 0;
    assert.deepEqual(await listComments(octokit, target), []);
    assert.equal(gh.requests.length, 2);
  });

  it('retries a page that fails with a 502 instead of stopping short', async () => {
    gh.seed(150, 'someone');
    gh.overrides.push({ match: (_m, p) => p.includes('page=2'), status: 502, body: { message: 'Server Error' } });
    assert.equal((await listComments(octokit, target)).length, 150);
    assert.deepEqual(gh.requests.map((q) => q.status), [200, 502, 200]);
  });

  it('gives up beyond 100 pages rather than miss a comment and post a duplicate', async () => {
    gh.seed(100 * 100 + 1, 'someone');
    await assert.rejects(listComments(octokit, target), /more than 10000 comments on #7: not commenting/);
  });
});
