// The Action as the runner runs it: `node dist/index.js` (Node 24 in CI) as a child process, inputs as
// INPUT_* env, a pull_request event file, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, GITHUB_API_URL pointing
// at a local fake of the REST API, and a real dockerd reading real images.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, it } from '@jest/globals';
import type { Report } from '../../src/model/report.js';
import { buildImage, removeImages, requireDocker } from '../helpers/docker.js';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';

const images = { base: `isg-test/action-base:${process.pid}`, head: `isg-test/action-head:${process.pid}` };
let gh: FakeGitHub;
let work = '';

interface ActionRun {
  code: number;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
  reportFile: string;
}

function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const value: string[] = [];
    while (++i < lines.length && lines[i] !== m[2]) value.push(lines[i]!);
    out[m[1]!] = value.join('\n');
  }
  return out;
}

async function runAction(inputs: Record<string, string>, extraEnv: Record<string, string> = {}): Promise<ActionRun> {
  const dir = mkdtempSync(join(work, 'run-'));
  const event = join(dir, 'event.json');
  writeFileSync(event, JSON.stringify({ pull_request: { number: 7, base: { sha: 'b'.repeat(40), ref: 'main' }, head: { sha: 'h'.repeat(40) } } }));
  for (const f of ['output', 'summary']) writeFileSync(join(dir, f), '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DOCKER_HOST: process.env.DOCKER_HOST,
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: 'octo/app',
    GITHUB_API_URL: gh.url,
    GITHUB_GRAPHQL_URL: `${gh.url}/graphql`,
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
    ISG_RETRY_BASE_MS: '20',
    'INPUT_GITHUB-TOKEN': 'test-token',
    INPUT_COMMENT: 'true',
    'INPUT_COMPRESSED-SIZE': 'auto',
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    ...extraEnv,
  };
  const child = spawn(process.execPath, [join(process.cwd(), 'dist/index.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stdout += d.toString()));
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  return {
    code,
    stdout,
    outputs: parseOutputs(readFileSync(join(dir, 'output'), 'utf8')),
    summary: readFileSync(join(dir, 'summary'), 'utf8'),
    reportFile: join(dir, 'image-size-guard', 'report.json'),
  };
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

beforeEach(() => {
  gh.comments.length = 0;
  gh.requests.length = 0;
  gh.mode = 'ok';
  gh.flaky = 0;
});

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

  it('the second run updates that same comment', async () => {
    await runAction(prebuilt);
    const id = gh.comments[0]!.id;
    gh.comments[0]!.body = gh.comments[0]!.body.replace('150 kB', 'stale');
    const r = await runAction({ ...prebuilt, 'max-size': '1MB' });
    assert.equal(r.code, 0, r.stdout);
    assert.equal(gh.comments.length, 1);
    assert.equal(gh.comments[0]!.id, id);
    assert.match(gh.comments[0]!.body, /100 kB → 150 kB/);
    assert.match(gh.comments[0]!.body, /Budgets: max-size 1MB ✅/);
    assert.deepEqual(gh.requests.filter((q) => q.method === 'PATCH').length, 1);
  });

  it('finds its own comment on page 2 among 150, ignoring a look-alike by another user', async () => {
    gh.seed(60, 'someone');
    gh.seed(1, 'other-user', () => '<!-- image-size-guard:web --> a look-alike');
    gh.seed(59, 'someone');
    gh.seed(1, 'github-actions[bot]', () => '<!-- image-size-guard:web -->\nold report');
    gh.seed(29, 'someone');
    assert.equal(gh.comments.length, 150);
    const ours = gh.comments[120]!;
    const r = await runAction(prebuilt);
    assert.equal(r.code, 0, r.stdout);
    assert.equal(gh.comments.length, 150, 'no new comment');
    assert.match(ours.body, /100 kB → 150 kB/);
    assert.equal(gh.comments[60]!.body, '<!-- image-size-guard:web --> a look-alike');
    assert.ok(gh.requests.some((q) => /page=2/.test(q.path)), 'read page 2');
    assert.deepEqual(gh.requests.filter((q) => q.method === 'PATCH').map((q) => q.path), [`/repos/octo/app/issues/comments/${ours.id}`]);
  });

  it('a 403 (fork PR) keeps the summary, the outputs and the report; the result follows the budgets', async () => {
    gh.mode = 'forbidden';
    const pass = await runAction({ ...prebuilt, 'max-size': '1MB' });
    assert.equal(pass.code, 0, pass.stdout);
    assert.equal(gh.comments.length, 0);
    assert.match(pass.stdout, /::warning::image-size-guard: cannot comment on the pull request \(GET .*: 403 Resource not accessible by integration\)/);
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
