// Several images in one run, on real builds: a repository with three services whose pull request changes one
// image's context (and, for another, only a file its .dockerignore excludes). The CLI (`compare --config`,
// `--bake`) and the Action (`images`, `bake`, `comment-key`) run as child processes of the bundled dist/.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, it } from '@jest/globals';
import type { Report } from '../../src/model/report.js';
import { docker, requireDocker, runDistCli } from '../helpers/docker.js';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { git, makeRepo, worktreeCount } from '../helpers/git-repo.js';
import { runAction, type ActionContext } from '../helpers/run-action.js';

const SERVICE = 'FROM scratch\nCOPY . /srv/\n';
const CONFIG = `images:
  - name: api
    context: services/api
    max-increase: 1MB
  - name: web
    context: web
    dockerfile: web/Dockerfile.prod
  - name: worker
    context: worker
`;
const IMAGES_INPUT = CONFIG.replace(/^images:\n/, '').replace(/^ {2}/gm, '');

let repo = '';
let scratch = '';
let baseSha = '';
let gh: FakeGitHub;
const cleanup: string[] = [];

/** Builds the stream-mode log announces, by label ("api head"). */
function builds(log: string): string[] {
  return [...log.matchAll(/^(?:── |image-size-guard: )build (.+?) \(buildx/gm)].map((m) => m[1]!).sort();
}

async function tmpTags(): Promise<string> {
  return (await docker(['images', '--filter', 'reference=image-size-guard-tmp/*', '--format', '{{.Repository}}:{{.Tag}}'])).trim();
}

beforeAll(async () => {
  await requireDocker();
  scratch = mkdtempSync(join(tmpdir(), 'isg-several-'));
  repo = makeRepo([
    {
      'services/api/Dockerfile': SERVICE,
      'services/api/app.bin': randomBytes(40_000),
      'web/Dockerfile.prod': SERVICE,
      'web/site.bin': randomBytes(30_000),
      'web/.dockerignore': '**/*.md\n',
      'worker/Dockerfile': SERVICE,
      'worker/job.bin': randomBytes(20_000),
      '.github/image-size-guard.yml': CONFIG,
      'README.md': 'monorepo\n',
    },
    // the pull request: api's context grows by 50 kB; web changes only a file its .dockerignore excludes
    { 'services/api/extra.bin': randomBytes(50_000), 'web/docs/notes.md': 'notes\n', 'README.md': 'monorepo!\n' },
  ]);
  cleanup.push(repo, scratch);
  baseSha = git(repo, 'rev-parse', 'c0').trim();
  gh = await startFakeGitHub({ owner: 'octo', repo: 'app', issue: 7 });
});

beforeEach(() => gh.reset());

afterAll(async () => {
  await gh?.close();
  for (const d of cleanup) rmSync(d, { recursive: true, force: true });
});

describe('compare --config on the command line', () => {
  it('three images, the PR changes one: one pair built, two "not built", one report', async () => {
    // the default config file is read when no image flag is given
    const r = await runDistCli(['compare', '--base', 'c0', '--format', 'json'], { cwd: repo });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /reading the images from \.github\/image-size-guard\.yml/);
    const report = JSON.parse(r.stdout) as Report;
    assert.deepEqual(report.images.map((e) => [e.name, e.status]), [['api', 'compared'], ['web', 'not-built'], ['worker', 'not-built']]);
    const api = report.images[0]!;
    assert.ok(api.status === 'compared');
    assert.equal(api.diff!.sizeDelta, 50_000);
    assert.equal(api.base!.ref, 'c0');
    const web = report.images[1]!;
    assert.deepEqual(Object.keys(web).sort(), ['name', 'passed', 'platform', 'reason', 'status']);
    assert.match((web as { reason: string }).reason, /^no change to web\/Dockerfile\.prod, the context web\/ or the build definition since [0-9a-f]{12}$/);
    assert.deepEqual(builds(r.stderr), ['api base', 'api head'], 'exactly two builds');
    assert.match(r.stderr, /image-size-guard: api: compared \(services\/api\/extra\.bin changed\)/);
    assert.equal(worktreeCount(repo), 1);
    assert.equal(await tmpTags(), '');
  });

  it('text: a summary table, then the changed image', async () => {
    const r = await runDistCli(['compare', '--base', 'c0', '--config', '.github/image-size-guard.yml'], { cwd: repo });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^3 images: 1 compared, 2 not built ✅\n/);
    assert.match(r.stdout, /^ {2}✅ api\s+40 kB\s+90 kB\s+\+50 kB\s+\+124\.9%\s+passed\s+—$/m);
    assert.match(r.stdout, /^ {2}➖ web\s+unchanged — not built$/m);
    assert.match(r.stdout, /^ {2}➖ worker\s+unchanged — not built$/m);
    assert.match(r.stdout, /^── api \(linux\/\w+\) ─+\n\napi — 40 kB → 90 kB/m);
    assert.match(r.stdout, /Timings: plan [\d.]+ s · api head (builder [\d.]+ s, )?build .* · api analysis [\d.]+ s · 2 not built · finish [\d.]+ s · total/);
  });

  it('a budget failing on one image: exit 1, the failure names it', async () => {
    const r = await runDistCli(['compare', '--base', 'c0', '--max-size', '60kB'], { cwd: repo });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^3 images: 1 compared, 2 not built ❌ failed: api \(max-size 60kB\)$/m);
    assert.match(r.stderr, /^image-size-guard: failed: 1 of 3 images failed: api: budget exceeded \(max-size 60kB\)$/m);
  });

  it('--always-build compares every image', async () => {
    // --no-cache: the bases of earlier tests' runs are in the analysis cache; here every side is built
    const r = await runDistCli(['compare', '--base', 'c0', '--always-build', '--no-cache', '--format', 'json'], { cwd: repo });
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as Report;
    assert.deepEqual(report.images.map((e) => e.status), ['compared', 'compared', 'compared']);
    assert.deepEqual(builds(r.stderr), ['api base', 'api head', 'web base', 'web head', 'worker base', 'worker head']);
    const worker = report.images[2]!;
    assert.ok(worker.status === 'compared');
    assert.equal(worker.diff!.sizeDelta, 0);
  });

  it('a bad size and a duplicate name: two error lines, exit 2, nothing built', async () => {
    const file = join(scratch, 'bad.yml');
    writeFileSync(file, 'images:\n  - name: api\n    context: services/api\n    max-size: huge\n  - name: worker\n    context: worker\n  - name: api\n    context: web\n');
    const r = await runDistCli(['compare', '--base', 'c0', '--config', file], { cwd: repo });
    assert.equal(r.code, 2);
    assert.deepEqual(r.stderr.trimEnd().split('\n'), [
      `image-size-guard: error: ${file}: images: api: max-size: "huge" is not a size (examples: 250MB, 1.5GiB, 800kB)`,
      `image-size-guard: error: ${file}: images: entry 3: name "api" is already used by entry 1 (names must be unique)`,
    ]);
    assert.equal(r.stdout, '');
  });

  it('a change to an entry\'s build args in the config file builds that image only', async () => {
    const dir = makeRepo([
      { 'a/Dockerfile': 'FROM scratch\nARG N=1\nCOPY $N.bin /x\n', 'a/1.bin': 'one', 'a/2.bin': 'two!', 'b/Dockerfile': SERVICE, 'b/x.bin': 'x', 'isg.yml': 'images:\n  - name: a\n    context: a\n  - name: b\n    context: b\n    max-size: 1MB\n' },
      { 'isg.yml': 'images:\n  - name: a\n    context: a\n    build-args: { N: 2 }\n  - name: b\n    context: b\n    max-size: 2MB\n' },
    ]);
    cleanup.push(dir);
    const r = await runDistCli(['compare', '--base', 'c0', '--config', 'isg.yml', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as Report;
    // b's budget changed, not how it builds; isg.yml is in neither context
    assert.deepEqual(report.images.map((e) => [e.name, e.status]), [['a', 'compared'], ['b', 'not-built']]);
    assert.match(r.stderr, /image-size-guard: a: compared \(its definition in isg\.yml changed\)/);
    const a = report.images[0]!;
    assert.ok(a.status === 'compared');
    assert.equal(a.head.size, 4, 'built with N=2 (both sides)');
  });
});

describe('compare --bake', () => {
  it('a bake file with two targets: named after them, with their context, Dockerfile and args', async () => {
    const dir = makeRepo([
      {
        'docker-bake.hcl': [
          'group "default" { targets = ["api", "worker"] }',
          'target "api" {',
          '  context = "services/api"',
          '  dockerfile = "Dockerfile.api"',
          '  args = { PAYLOAD = "big.bin" }',
          '}',
          'target "worker" { context = "worker" }',
          '',
        ].join('\n'),
        'services/api/Dockerfile.api': 'FROM scratch\nARG PAYLOAD\nCOPY $PAYLOAD /payload\n',
        'services/api/big.bin': randomBytes(10_000),
        'worker/Dockerfile': SERVICE,
        'worker/a.bin': randomBytes(5_000),
      },
      { 'services/api/big.bin': randomBytes(12_000) },
    ]);
    cleanup.push(dir);
    const r = await runDistCli(['compare', '--base', 'c0', '--bake', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as Report;
    assert.deepEqual(report.images.map((e) => [e.name, e.status]), [['api', 'compared'], ['worker', 'not-built']]);
    const api = report.images[0]!;
    assert.ok(api.status === 'compared');
    assert.equal(api.head.dockerfile, 'services/api/Dockerfile.api');
    assert.equal(api.diff!.sizeDelta, 2_000, 'PAYLOAD reached the build');

    // the same with the file named, every target built, and one target chosen
    const all = await runDistCli(['compare', '--base', 'c0', '--bake', 'docker-bake.hcl', '--always-build', '--bake-target', 'worker', '--format', 'json'], { cwd: dir });
    assert.equal(all.code, 0, all.stderr);
    assert.deepEqual((JSON.parse(all.stdout) as Report).images.map((e) => [e.name, e.status]), [['worker', 'compared']]);

    const broken = await runDistCli(['compare', '--base', 'c0', '--bake', 'nope.hcl'], { cwd: dir });
    assert.equal(broken.code, 2);
    assert.match(broken.stderr.trimEnd(), /^image-size-guard: error: docker buildx bake --print failed: .*nope\.hcl/m);
  });
});

describe('the Action with an images list', () => {
  const ctx = (): ActionContext => ({ gh, scratch, workspace: repo, baseSha });

  it('builds only the changed image, leaves one comment with three rows, and re-running updates it', async () => {
    // cache: false — the CLI tests above kept api's base in the analysis cache; this counts builds
    const r = await runAction(ctx(), { images: IMAGES_INPUT, cache: 'false' });
    assert.equal(r.code, 0, r.log);
    assert.deepEqual(builds(r.log), ['api base', 'api head']);
    assert.equal(gh.comments.length, 1);
    const body = gh.comments[0]!.body;
    assert.match(body, /^<!-- image-size-guard:image size\/image-size -->\n### 🐳 3 images: 1 compared, 2 not built ✅\n/);
    const rows = body.split('\n').filter((l) => /^\| (✅|❌|➖) \|/.test(l));
    assert.deepEqual(rows, [
      '| ✅ | api | 40 kB | 90 kB | +50 kB | +124.9% | ✅ | — |',
      '| ➖ | web | | | | | | unchanged — not built |',
      '| ➖ | worker | | | | | | unchanged — not built |',
    ]);
    assert.match(body, /<details><summary>✅ <b>api<\/b> linux\/\w+ — 40 kB → 90 kB \(\+50 kB, \+124\.9%\)<\/summary>/);
    assert.equal(r.summary.trim(), body.trim(), 'the job summary is the comment');
    assert.equal(r.outputs.passed, 'true');
    const report = JSON.parse(readFileSync(r.reportFile, 'utf8')) as Report;
    assert.equal(report.images.length, 3);
    const api = report.images[0]!;
    assert.ok(api.status === 'compared');
    // the sums are api's alone: the others were not measured (sizes hold the 26-byte Dockerfile, copied too)
    assert.equal(r.outputs.size, String(api.head.size));
    assert.equal(api.head.size, 90_026);
    assert.equal(r.outputs['size-delta'], '50000');
    const results = JSON.parse(r.outputs.results!) as { name: string; status: string; size: number | null; passed: boolean }[];
    assert.deepEqual(results.map((x) => [x.name, x.status, x.size, x.passed]), [['api', 'compared', 90_026, true], ['web', 'not-built', null, true], ['worker', 'not-built', null, true]]);
    // the build logs are whole groups, one per build, named after the image
    assert.match(r.log, /::group::build api head \(buildx[^)]*\)\n::stop-commands::[0-9a-f]{32}\n(?:(?!::group::).*\n)*?::[0-9a-f]{32}::\n::endgroup::/);

    const id = gh.comments[0]!.id;
    gh.requests.length = 0;
    const again = await runAction(ctx(), { images: IMAGES_INPUT, 'max-size': '1MB' });
    assert.equal(again.code, 0, again.log);
    assert.equal(gh.comments.length, 1, 'still one comment');
    assert.equal(gh.comments[0]!.id, id);
    assert.match(gh.comments[0]!.body, /\| ✅ \| api \| 40 kB \| 90 kB \| \+50 kB \| \+124\.9% \| ✅ \|/);
    assert.deepEqual(gh.requests.filter((q) => q.method === 'PATCH').map((q) => q.path), [`/repos/octo/app/issues/comments/${id}`]);
  });

  it('fails only when the changed image breaks its budget, and names it', async () => {
    const strict = IMAGES_INPUT.replace('  max-increase: 1MB', '  max-increase: 10kB');
    const r = await runAction(ctx(), { images: strict, 'max-size': '70kB' });
    assert.equal(r.code, 1, r.log);
    assert.match(r.log, /^::error::image-size-guard: 1 of 3 images failed: api: budget exceeded \(max-size 70kB, max-increase 10kB\)$/m);
    assert.equal(r.outputs.passed, 'false');
    assert.match(gh.comments[0]!.body, /### 🐳 3 images: 1 compared, 2 not built ❌ failed: api \(max-size 70kB; max-increase 10kB\)/);
    // the unchanged images' budgets are not checked (they were not built), so they cannot fail the run
    const results = JSON.parse(r.outputs.results!) as { name: string; passed: boolean }[];
    assert.deepEqual(results.map((x) => [x.name, x.passed]), [['api', false], ['web', true], ['worker', true]]);
  });

  it('a bad size and a duplicate name: two error lines, nothing built, no API call', async () => {
    const r = await runAction(ctx(), { images: '- name: api\n  max-size: huge\n- name: web\n- name: api\n' });
    assert.equal(r.code, 1);
    assert.deepEqual(r.log.split('\n').filter((l) => l.startsWith('::error::')).slice(0, 2), [
      '::error::image-size-guard: images: api: max-size: "huge" is not a size (examples: 250MB, 1.5GiB, 800kB)',
      '::error::image-size-guard: images: entry 3: name "api" is already used by entry 1 (names must be unique)',
    ]);
    assert.deepEqual(builds(r.log), []);
    assert.equal(gh.requests.length, 0);
  });

  it('matrix-style: two jobs with different comment keys leave two comments', async () => {
    const one = await runAction(ctx(), { images: IMAGES_INPUT }, { GITHUB_JOB: 'size-a' });
    const two = await runAction(ctx(), { images: IMAGES_INPUT, 'comment-key': 'legs/b' }, { GITHUB_JOB: 'size-a' });
    assert.equal(one.code, 0, one.log);
    assert.equal(two.code, 0, two.log);
    assert.equal(gh.comments.length, 2);
    assert.deepEqual(gh.comments.map((c) => c.body.split('\n')[0]), ['<!-- image-size-guard:image size/size-a -->', '<!-- image-size-guard:legs/b -->']);
    const three = await runAction(ctx(), { images: IMAGES_INPUT }, { GITHUB_JOB: 'size-a' });
    assert.equal(three.code, 0, three.log);
    assert.equal(gh.comments.length, 2, 'the first job updated its own');
  });

  it('bake: true takes the images from the bake file', async () => {
    writeFileSync(join(scratch, 'unused'), '');
    const dir = makeRepo([
      { 'docker-bake.hcl': 'target "default" {\n  context = "app"\n}\n', 'app/Dockerfile': SERVICE, 'app/a.bin': randomBytes(1000) },
      { 'app/a.bin': randomBytes(3000) },
    ]);
    cleanup.push(dir);
    const r = await runAction({ ...ctx(), workspace: dir, baseSha: git(dir, 'rev-parse', 'c0').trim() }, { bake: 'true' });
    assert.equal(r.code, 0, r.log);
    assert.deepEqual(builds(r.log), ['default base', 'default head']);
    assert.match(gh.comments[0]!.body, /\| ✅ \| default \| 1 kB \| 3 kB \| \+2 kB \|/);
  });
});
