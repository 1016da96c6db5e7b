// The sticky comment: ours is found by marker AND identity (by id), updated in place, created only when
// absent — and a create whose outcome is unknown (a 502 or a dropped connection after the write) is
// checked by reading the comments again, never repeated blindly.

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import type { Identity } from '../../src/github/identity.js';
import type { GitHubClient } from '../../src/github/octokit.js';
import { upsertStickyComment } from '../../src/github/sticky-comment.js';
import { ACTIONS_BOT, type FakeGitHub } from '../helpers/fake-github.js';
import { fakeGitHubPerBlock } from '../helpers/fake-github-suite.js';

const MARKER = '<!-- image-size-guard:web -->';
// what GraphQL says for GITHUB_TOKEN: no [bot], same id
const me: Identity = { login: 'github-actions', id: 41898282, source: 'graphql' };

describe('upsertStickyComment', () => {
  let gh: FakeGitHub;
  let octokit: GitHubClient;
  const target = { owner: 'octo', repo: 'app', issueNumber: 7 };
  const upsert = (extra: { mode?: 'always' | 'on-change'; changed?: boolean; body?: string } = {}) =>
    upsertStickyComment(octokit, target, { marker: MARKER, body: extra.body ?? `${MARKER}\nnew`, me, mode: extra.mode ?? 'always', changed: extra.changed ?? true, retryBaseMs: 5 });
  const posts = () => gh.requests.filter((q) => q.method === 'POST');

  fakeGitHubPerBlock((g, o) => {
    gh = g;
    octokit = o;
  });

  it('updates our comment, not a look-alike with the same marker, nor ours without it', async () => {
    gh.seed(1, { login: 'github-actions', id: 7654321, type: 'User' }, () => `${MARKER}\nlook-alike`);
    gh.seed(1, ACTIONS_BOT, () => 'another bot comment without the marker');
    gh.seed(1, ACTIONS_BOT, () => `${MARKER}\nold`);
    const result = await upsert();
    assert.equal(result.action, 'updated');
    assert.equal(result.url, gh.comments[2]!.html_url);
    assert.deepEqual(gh.comments.map((c) => c.body), [`${MARKER}\nlook-alike`, 'another bot comment without the marker', `${MARKER}\nnew`]);
    assert.equal(posts().length, 0);
  });

  it('creates when there is none; on-change skips an unchanged image but still updates an existing comment', async () => {
    assert.deepEqual(await upsert({ mode: 'on-change', changed: false }), { action: 'skipped', url: null });
    assert.equal(gh.comments.length, 0);
    const created = await upsert();
    assert.equal(created.action, 'created');
    assert.equal(created.url, gh.comments[0]!.html_url);
    const updated = await upsert({ mode: 'on-change', changed: false, body: `${MARKER}\nagain` });
    assert.equal(updated.action, 'updated');
    assert.equal(gh.comments.length, 1);
    assert.equal(gh.comments[0]!.body, `${MARKER}\nagain`);
  });

  it('a 502 after the write: reads again, finds it, does not post twice', async () => {
    gh.writeThen502 = 1;
    const result = await upsert();
    assert.equal(gh.comments.length, 1);
    assert.equal(posts().length, 1);
    assert.equal(result.action, 'created');
    assert.equal(result.url, gh.comments[0]!.html_url);
    assert.match(result.note ?? '', /failed \(502: .*\), but the comment was written/);
  });

  it('a dropped connection after the write: same', async () => {
    gh.writeThenReset = 1;
    const result = await upsert();
    assert.equal(gh.comments.length, 1);
    assert.equal(posts().length, 1);
    assert.match(result.note ?? '', /but the comment was written/);
  });

  it('a 502 before the write: reads again, finds nothing, posts once more', async () => {
    gh.postFails = 1;
    const result = await upsert();
    assert.equal(gh.comments.length, 1);
    assert.deepEqual(posts().map((q) => q.status), [502, 201]);
    assert.match(result.note ?? '', /it was not written, so it was posted again/);
  });

  it('a refusal (422) is an error: no second look, no second POST', async () => {
    gh.overrides.push({ match: (m) => m === 'POST', status: 422, body: { message: 'Validation Failed' } });
    await assert.rejects(upsert(), { status: 422 });
    assert.equal(posts().length, 1);
    assert.equal(gh.requests.filter((q) => q.method === 'GET').length, 1);
  });

  it('API text reaches the log as one line: no workflow command from an error page or a comment URL', async () => {
    gh.overrides.push({ match: (m) => m === 'POST', status: 502, body: '<html>\n::error::from the error page\n</html>', headers: { 'content-type': 'text/html' } });
    const created = await upsert();
    assert.doesNotMatch(created.note ?? '', /\n/);
    assert.match(created.note ?? '', /failed \(502: <html> ↵ ::error::from the error page ↵ <\/html>\)/);
    gh.overrides.push({ match: (m) => m === 'PATCH', status: 200, body: { id: 1, html_url: 'https://github.com/x\n::error::from html_url' } });
    const updated = await upsert();
    assert.equal(updated.action, 'updated');
    assert.equal(updated.url, null);
  });
});
