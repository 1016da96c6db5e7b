// Who the token is (GraphQL viewer → GET /user → GITHUB_TOKEN's bot, only when both refuse) and which
// comments are its own (by user id; by login without `[bot]`, case-insensitively, when there is no id).

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { graphqlApiUrl } from '../../src/config/api-urls.js';
import { ACTIONS_BOT, isSameUser, normaliseLogin, whoAmI, type Identity } from '../../src/github/identity.js';
import { createGitHubClient, type GitHubClient } from '../../src/github/octokit.js';
import { isPrimaryRateLimit, RETRIES } from '../../src/github/retry-policy.js';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { fakeGitHubPerBlock } from '../helpers/fake-github-suite.js';

describe('login normalisation and matching', () => {
  it('drops a trailing [bot] and lower-cases', () => {
    assert.equal(normaliseLogin('github-actions[bot]'), 'github-actions');
    assert.equal(normaliseLogin('GitHub-Actions'), 'github-actions');
    assert.equal(normaliseLogin('My-App[BOT]'), 'my-app');
    assert.equal(normaliseLogin('a[bot]b'), 'a[bot]b');
  });

  const viewerPlain: Identity = { login: 'github-actions', id: 41898282, source: 'graphql' };
  it('matches by id whatever the login spelling', () => {
    assert.equal(isSameUser({ login: 'github-actions[bot]', id: 41898282 }, viewerPlain), true);
    // a look-alike: same login once normalised, different account
    assert.equal(isSameUser({ login: 'github-actions', id: 7654321 }, viewerPlain), false);
  });

  it('falls back to normalised logins when an id is missing on either side', () => {
    assert.equal(isSameUser({ login: 'GitHub-Actions[bot]' }, viewerPlain), true);
    assert.equal(isSameUser({ login: 'github-actions[bot]', id: 41898282 }, { login: 'github-actions', id: null, source: 'graphql' }), true);
    assert.equal(isSameUser({ login: 'someone-else[bot]' }, viewerPlain), false);
    assert.equal(isSameUser({ login: '' }, { login: '', id: null, source: 'graphql' }), false);
    assert.equal(isSameUser(null, viewerPlain), false);
  });
});

describe('whoAmI: the fallback chain', () => {
  let gh: FakeGitHub;
  let octokit: GitHubClient;
  const asked = () => gh.requests.map((q) => `${q.method} ${q.path.replace(/\?.*/, '')} ${q.status}`);

  fakeGitHubPerBlock((g, o) => {
    gh = g;
    octokit = o;
  });

  it('takes GraphQL viewer login and databaseId, with or without [bot]', async () => {
    gh.viewer = 'plain';
    assert.deepEqual(await whoAmI(octokit, gh.graphqlUrl), { login: 'github-actions', id: 41898282, source: 'graphql' });
    gh.viewer = 'suffixed';
    assert.deepEqual(await whoAmI(octokit, gh.graphqlUrl), { login: 'github-actions[bot]', id: 41898282, source: 'graphql' });
    assert.deepEqual(asked(), ['POST /graphql 200', 'POST /graphql 200']);
  });

  it('GraphQL refused → GET /user (a personal token)', async () => {
    gh.viewer = 'refused';
    gh.userEndpoint = 'ok';
    gh.me = { login: 'Octocat', id: 583231, type: 'User' };
    assert.deepEqual(await whoAmI(octokit, gh.graphqlUrl), { login: 'Octocat', id: 583231, source: 'rest' });
    assert.deepEqual(asked(), ['POST /graphql 403', 'GET /user 200']);
  });

  it('GraphQL refused → /user refused → GITHUB_TOKEN\'s github-actions[bot]', async () => {
    gh.viewer = 'refused';
    gh.userEndpoint = 'refused';
    assert.deepEqual(await whoAmI(octokit, gh.graphqlUrl), { ...ACTIONS_BOT, source: 'assumed' });
    assert.deepEqual(asked(), ['POST /graphql 403', 'GET /user 403']);
  });

  it('a GraphQL answer with only FORBIDDEN errors counts as refused', async () => {
    gh.userEndpoint = 'ok';
    gh.overrides.push({ status: 200, body: { data: { viewer: null }, errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }] } });
    assert.equal((await whoAmI(octokit, gh.graphqlUrl)).source, 'rest');
  });

  it('does not guess after a failure that is not a refusal: 5xx on /user', async () => {
    gh.viewer = 'refused';
    for (let i = 0; i <= RETRIES; i++) gh.overrides.push({ match: (_m, p) => p === '/user', status: 500, body: { message: 'Server Error' } });
    await assert.rejects(whoAmI(octokit, gh.graphqlUrl), { status: 500 });
    assert.equal(asked().filter((q) => q === 'GET /user 500').length, 1 + RETRIES, 'retried, then failed');
  });

  it('does not guess after a rate limit: GraphQL RATE_LIMITED, or a 403 that is a rate limit', async () => {
    gh.rateLimited = 'all';
    await assert.rejects(whoAmI(octokit, gh.graphqlUrl), (err) => isPrimaryRateLimit(err));
    assert.deepEqual(asked(), ['POST /graphql 200'], 'no GET /user');

    gh.reset();
    gh.overrides.push({ status: 403, body: { message: 'API rate limit exceeded' }, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600) } });
    await assert.rejects(whoAmI(octokit, gh.graphqlUrl), (err) => isPrimaryRateLimit(err));
    assert.deepEqual(asked(), ['POST /graphql 403']);
  });

  it('does not guess after GraphQL errors that are not refusals', async () => {
    gh.overrides.push({ status: 200, body: { errors: [{ type: 'INTERNAL', message: 'Something unexpected' }] } });
    await assert.rejects(whoAmI(octokit, gh.graphqlUrl), /Something unexpected/);
  });

  it('asks GHES at /api/graphql, derived from GITHUB_API_URL=…/api/v3', async () => {
    const ghes = await startFakeGitHub({ owner: 'octo', repo: 'app', issue: 7, ghes: true });
    try {
      const client = createGitHubClient({ token: 'test-token', apiUrl: ghes.url, retryBaseMs: 5 });
      const url = graphqlApiUrl({ GITHUB_API_URL: ghes.url });
      assert.equal(url, ghes.graphqlUrl);
      assert.equal((await whoAmI(client, url)).id, 41898282);
      assert.deepEqual(ghes.requests.map((q) => q.path), ['/api/graphql']);
      // plugin-throttling only looks for RATE_LIMITED on /graphql: whoAmI must notice it on /api/graphql
      ghes.rateLimited = 'all';
      await assert.rejects(whoAmI(client, url), (err) => isPrimaryRateLimit(err));
      assert.deepEqual(ghes.requests.map((q) => `${q.method} ${q.path}`), ['POST /api/graphql', 'POST /api/graphql'], 'no GET /user: no guess');
    } finally {
      await ghes.close();
    }
  });
});
