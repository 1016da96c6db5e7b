// The Action as the runner runs it: `node dist/index.js` (Node 24 in CI) as a child process, inputs as
// INPUT_* env, a pull_request event file, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, GITHUB_API_URL pointing
// at a local fake of the REST API (as awkward as GitHub's: see fake-github.ts), and a real dockerd reading
// real images. One test puts a real forward proxy between the Action and the fake.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, it } from '@jest/globals';
import type { ComparedReport as Report } from '../helpers/report.js';
import { buildImage, removeImages, requireDocker } from '../helpers/docker.js';
import { ACTIONS_BOT, startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { startForwardProxy } from '../helpers/forward-proxy.js';
import { runActionProcess } from '../helpers/run-action.js';

const images = { base: `isg-test/action-base:${process.pid}`, head: `isg-test/action-head:${process.pid}` };
let gh: FakeGitHub;
let work = '';

interface RunOptions {
  /** API URLs to use instead of the shared fake's */
  apiUrl?: string;
  graphqlUrl?: string;
  /** kill the child after this long */
  timeoutMs?: number;
}

/** The shared runner, against this suite's fake; `stdout` is the run's log (stdout and stderr). */
async function runAction(inputs: Record<string, string>, extraEnv: Record<string, string> = {}, opts: RunOptions = {}) {
  const api = opts.apiUrl ? { url: opts.apiUrl, graphqlUrl: opts.graphqlUrl ?? `${opts.apiUrl}/graphql` } : gh;
  const r = await runActionProcess({ scratch: work, inputs, gh: api, env: extraEnv, timeoutMs: opts.timeoutMs });
  return { ...r, stdout: r.log };
}

const prebuilt = { image: images.head, 'base-image': images.base, name: 'web' };

beforeAll(async () => {
  await requireDocker();
  work = mkdtempSync(join(tmpdir(), 'isg-action-'));
  const shared = randomBytes(100_000);
  await buildImage(images.base, { 'a.bin': shared, Dockerfile: 'FROM scratch\nCOPY a.bin /a.bin\n' });
  await buildImage(images.head, { 'a.bin': shared, 'b.bin': randomBytes(50_000), Dockerfile: 'FROM scratch\nCOPY a.bin /a.bin\nCOPY b.bin /srv/b.bin\n' });
  gh = await startFakeGitHub({ owner: 'octo', repo: 'app', issue: 7 });
});

beforeEach(() => gh.reset());

afterAll(async () => {
  await gh?.close();
  await removeImages(...Object.values(images));
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the Action under node dist/index.js', () => {
  it('the first run creates exactly one comment and sets outputs, summary and report', async () => {
    const r = await runAction({ ...prebuilt, 'max-size': '1MB' });
    assert.equal(r.code, 0, r.stdout);
    assert.equal(gh.comments.length, 1);
    const body = gh.comments[0]!.body;
    assert.match(body, /^<!-- image-size-guard:web -->/);
    assert.match(body, /### 🐳 web — 100 kB → 150 kB \(\+50 kB, \+50\.0%\) ✅/);
    assert.equal(r.outputs.size, '150000');
    assert.equal(r.outputs['base-size'], '100000');
    assert.equal(r.outputs['size-delta'], '50000');
    assert.equal(r.outputs['size-delta-percent'], '50');
    assert.equal(r.outputs.layers, '2');
    assert.equal(r.outputs.passed, 'true');
    assert.equal(r.outputs['comment-body'], body);
    assert.equal(r.outputs['comment-url'], gh.comments[0]!.html_url);
    assert.equal(r.summary.trim(), body.trim());
    const report = JSON.parse(readFileSync(r.reportFile, 'utf8')) as Report;
    assert.equal(report.images[0]!.head.size, 150_000);
    assert.equal(r.outputs['report-file'], r.reportFile);
    assert.match(r.stdout, /::stop-commands::[0-9a-f]{32}\nweb — 100 kB → 150 kB/);
  });

  // GitHub's GraphQL API spells the Actions bot `github-actions` in places, REST always `github-actions[bot]`:
  // matching by login string posted a new comment on every run.
  for (const viewer of ['plain', 'suffixed'] as const) {
    it(`two runs leave exactly one comment, the second a PATCH (GraphQL viewer ${viewer === 'plain' ? 'without' : 'with'} [bot])`, async () => {
      gh.viewer = viewer;
      const r1 = await runAction(prebuilt);
      assert.equal(r1.code, 0, r1.stdout);
      assert.equal(gh.comments.length, 1);
      assert.deepEqual(gh.comments[0]!.user, ACTIONS_BOT);
      const id = gh.comments[0]!.id;
      gh.comments[0]!.body = gh.comments[0]!.body.replace('150 kB', 'stale');
      gh.requests.length = 0;

      const r2 = await runAction({ ...prebuilt, 'max-size': '1MB' });
      assert.equal(r2.code, 0, r2.stdout);
      assert.equal(gh.comments.length, 1, 'still one comment');
      assert.equal(gh.comments[0]!.id, id);
      assert.match(gh.comments[0]!.body, /100 kB → 150 kB/);
      assert.match(gh.comments[0]!.body, /Budgets: max-size 1MB ✅/);
      const writes = gh.requests.filter((q) => q.method === 'PATCH' || (q.method === 'POST' && !q.path.endsWith('/graphql')));
      assert.deepEqual(writes.map((q) => `${q.method} ${q.path}`), [`PATCH /repos/octo/app/issues/comments/${id}`]);
      assert.match(r2.stdout, /comment updated: https:\/\/github\.com\/octo\/app\/pull\/7#issuecomment-/);
    });
  }

  it('finds its own comment on page 2 among 150, ignoring look-alikes by other users on page 1', async () => {
    gh.viewer = 'plain';
    gh.seed(59, 'someone');
    gh.seed(1, 'other-user', () => '<!-- image-size-guard:web --> a look-alike');
    // a user whose login equals the bot's without [bot]: only the id tells them apart
    gh.seed(1, { login: 'github-actions', id: 7_654_321, type: 'User' }, () => '<!-- image-size-guard:web --> another look-alike');
    gh.seed(59, 'someone');
    gh.seed(1, ACTIONS_BOT, () => '<!-- image-size-guard:web -->\nold report');
    gh.seed(29, 'someone');
    assert.equal(gh.comments.length, 150);
    const ours = gh.comments[120]!;
    const r = await runAction(prebuilt);
    assert.equal(r.code, 0, r.stdout);
    assert.equal(gh.comments.length, 150, 'no new comment');
    assert.match(ours.body, /100 kB → 150 kB/);
    assert.equal(gh.comments[59]!.body, '<!-- image-size-guard:web --> a look-alike');
    assert.equal(gh.comments[60]!.body, '<!-- image-size-guard:web --> another look-alike');
    assert.ok(gh.requests.some((q) => /\/repositories\/\d+\/issues\/7\/comments\?.*page=2/.test(q.path)), 'followed the Link header to page 2');
    assert.deepEqual(gh.requests.filter((q) => q.method === 'PATCH').map((q) => q.path), [`/repos/octo/app/issues/comments/${ours.id}`]);
    assert.equal(gh.requests.filter((q) => q.method === 'POST' && !q.path.endsWith('/graphql')).length, 0, 'no POST');
  });

  it('a 502 on the comment POST whose write happened leaves one comment (no blind repeat)', async () => {
    gh.writeThen502 = 1;
    const r = await runAction(prebuilt);
    assert.equal(r.code, 0, r.stdout);
    assert.equal(gh.comments.length, 1, 'exactly one comment');
    const posts = gh.requests.filter((q) => q.method === 'POST' && q.path === '/repos/octo/app/issues/7/comments');
    assert.equal(posts.length, 1, 'the POST was not repeated');
    assert.equal(posts[0]!.status, 502);
    const lists = gh.requests.filter((q) => q.method === 'GET' && q.path.includes('/issues/7/comments'));
    assert.equal(lists.length, 2, 'the comments were read again after the 502');
    assert.equal(r.outputs['comment-url'], gh.comments[0]!.html_url);
    assert.match(r.stdout, /the comment POST failed \(502: .*\), but the comment was written/);
    assert.doesNotMatch(r.stdout, /::warning::image-size-guard: comment/);
  });

  it('a primary rate limit an hour away: one clear warning, no waiting, report intact, budgets decide', async () => {
    gh.rateLimited = 'rest';
    gh.rateLimitResetIn = 3600;
    // real retry waits (no ISG_RETRY_BASE_MS): waiting for the reset would take an hour and hit the kill timeout,
    // which only guards against that hour (a run takes seconds; a loaded machine must not come near it)
    const real = { ISG_RETRY_BASE_MS: '' };
    const HOUR_GUARD = { timeoutMs: 600_000 };
    const pass = await runAction({ ...prebuilt, 'max-size': '1MB' }, real, HOUR_GUARD);
    assert.equal(pass.timedOut, false, 'did not wait for the reset');
    assert.equal(pass.code, 0, pass.stdout);
    const warnings = pass.stdout.split('\n').filter((l) => l.startsWith('::warning::'));
    assert.equal(warnings.length, 1, warnings.join('\n'));
    assert.match(warnings[0]!, /^::warning::image-size-guard: the GitHub API rate limit is exhausted until \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(in 60 min\), so the PR comment was not written this run/);
    assert.equal(gh.requests.filter((q) => q.path.includes('/issues/7/comments')).length, 1, 'the rate-limited call was not repeated');
    assert.equal(gh.comments.length, 0);
    assert.match(pass.summary, /100 kB → 150 kB/);
    assert.equal(pass.outputs.passed, 'true');
    assert.match(pass.outputs['comment-body']!, /^<!-- image-size-guard:web -->/);
    assert.equal(pass.outputs['comment-url'], '');
    assert.ok(existsSync(pass.reportFile));

    gh.requests.length = 0;
    gh.rateLimited = 'all'; // GraphQL too: a 200 with a RATE_LIMITED error
    const fail = await runAction({ ...prebuilt, 'max-size': '120kB' }, real, HOUR_GUARD);
    assert.equal(fail.timedOut, false);
    assert.equal(fail.code, 1, fail.stdout);
    assert.match(fail.stdout, /::error::image-size-guard: budget exceeded \(max-size 120kB\)/);
    const failWarnings = fail.stdout.split('\n').filter((l) => l.startsWith('::warning::'));
    assert.equal(failWarnings.length, 1, failWarnings.join('\n'));
    assert.match(failWarnings[0]!, /rate limit is exhausted until .* \(in 60 min\)/);
    assert.deepEqual(gh.requests.map((q) => `${q.method} ${q.path}`), ['POST /graphql'], 'no identity guess, no comment call');
    assert.equal(fail.outputs.passed, 'false');
    assert.match(fail.summary, /max-size 120kB ❌/);
    assert.ok(existsSync(fail.reportFile));
  });

  it('posts through an HTTP(S)_PROXY to a GHES API host name only the proxy resolves', async () => {
    const host = 'api.github.isg.test';
    await assert.rejects(lookup(host), /ENOTFOUND|EAI_AGAIN/, `${host} must not resolve on this machine`);
    const ghes = await startFakeGitHub({ owner: 'octo', repo: 'app', issue: 7, ghes: true });
    const proxy = await startForwardProxy({ [host]: '127.0.0.1' });
    try {
      const urls = { apiUrl: `http://${host}:${ghes.port}/api/v3`, graphqlUrl: `http://${host}:${ghes.port}/api/graphql` };
      // control: without the proxy the Action cannot reach that name at all
      const direct = await runAction(prebuilt, {}, urls);
      assert.equal(direct.code, 0, direct.stdout);
      assert.equal(ghes.requests.length, 0);
      assert.match(direct.stdout, /::warning::image-size-guard: commenting failed: .*(ENOTFOUND|EAI_AGAIN)/);

      const proxyEnv = { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, NO_PROXY: 'localhost,.internal.example' };
      const r = await runAction(prebuilt, proxyEnv, urls);
      assert.equal(r.code, 0, r.stdout);
      assert.equal(ghes.comments.length, 1, 'commented through the proxy');
      assert.equal(r.outputs['comment-url'], ghes.comments[0]!.html_url);
      const seen = ghes.requests.map((q) => `${q.method} ${q.path}`);
      assert.deepEqual(seen, ['POST /api/graphql', 'GET /api/v3/repos/octo/app/issues/7/comments?per_page=100', 'POST /api/v3/repos/octo/app/issues/7/comments']);
      assert.ok(ghes.requests.every((q) => q.host === `${host}:${ghes.port}`), 'addressed by the made-up name');
      // every connection the API served was opened by the proxy...
      const upstreamPorts = new Set(proxy.records.map((p) => p.upstreamPort));
      for (const q of ghes.requests) assert.ok(upstreamPorts.has(q.remotePort), `request ${q.method} ${q.path} came from port ${q.remotePort}, not from the proxy`);
      // ...for a tunnel or forward the Action asked for, carrying exactly those requests
      assert.ok(proxy.records.every((p) => p.target === `${host}:${ghes.port}` && p.status === 'ok'), JSON.stringify(proxy.records));
      assert.deepEqual(proxy.records.flatMap((p) => p.requests).sort(), [...seen].sort());
    } finally {
      await proxy.close();
      await ghes.close();
    }
  });

  it('a 403 (fork PR) keeps the summary, the outputs and the report; the result follows the budgets', async () => {
    gh.mode = 'forbidden';
    const pass = await runAction({ ...prebuilt, 'max-size': '1MB' });
    assert.equal(pass.code, 0, pass.stdout);
    assert.equal(gh.comments.length, 0);
    assert.match(pass.stdout, /::warning::image-size-guard: cannot comment on the pull request \(GET \/repos\/octo\/app\/issues\/7\/comments: 403 Resource not accessible by integration/);
    assert.equal((pass.stdout.match(/cannot comment/g) ?? []).length, 1, 'warned once');
    assert.match(pass.summary, /100 kB → 150 kB/);
    assert.equal(pass.outputs.passed, 'true');
    assert.match(pass.outputs['comment-body']!, /^<!-- image-size-guard:web -->/);
    assert.ok(existsSync(pass.reportFile));

    const fail = await runAction({ ...prebuilt, 'max-size': '120kB' });
    assert.equal(fail.code, 1);
    assert.match(fail.stdout, /::error::image-size-guard: budget exceeded \(max-size 120kB\)/);
    assert.equal(fail.outputs.passed, 'false');
    assert.match(fail.summary, /max-size 120kB ❌/);
    assert.ok(existsSync(fail.reportFile));
  });

  it('retries a flaky API (502) and still comments once', async () => {
    gh.flaky = 2;
    const r = await runAction(prebuilt);
    assert.equal(r.code, 0, r.stdout);
    assert.equal(gh.comments.length, 1);
    assert.deepEqual(gh.requests.slice(0, 3).map((q) => `${q.method} ${q.path} ${q.status}`), ['POST /graphql 502', 'POST /graphql 502', 'POST /graphql 200']);
  });

  it('comment: on-change does not post an unchanged image, but updates an existing comment', async () => {
    const same = { image: images.base, 'base-image': images.base, name: 'web', comment: 'on-change' };
    const r1 = await runAction(same);
    assert.equal(r1.code, 0, r1.stdout);
    assert.equal(gh.comments.length, 0, 'nothing changed: no new comment');
    gh.seed(1, 'github-actions[bot]', () => '<!-- image-size-guard:web -->\nold');
    const r2 = await runAction(same);
    assert.equal(r2.code, 0, r2.stdout);
    assert.match(gh.comments[0]!.body, /100 kB → 100 kB/);
  });

  it('reports every bad input, one line each, before building anything', async () => {
    const r = await runAction({ ...prebuilt, 'max-size': 'huge', comment: 'maybe', 'fail-on': 'sometimes' });
    assert.equal(r.code, 1);
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error::'));
    assert.ok(errors.some((l) => /max-size: "huge" is not a size/.test(l)), r.stdout);
    assert.ok(errors.some((l) => /comment: must be true, false or on-change/.test(l)));
    assert.ok(errors.some((l) => /fail-on: unknown value "sometimes"/.test(l)));
    assert.equal(gh.requests.length, 0, 'no API call');
  });
});
