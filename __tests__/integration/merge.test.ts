// The fan-in of a matrix, end to end: three legs — the bundled Action as a child process, each building one image
// of a real repository with buildx, one over its budget, one with a finding it annotates, one the pull request
// did not touch (not built) — write their reports; a merge run (input `reports`) against the fake GitHub leaves
// one comment with three rows and fails naming the failing image; the next merge run updates that comment. The
// CLI's `merge` reads the same reports, and refuses bad ones with exit 2 and one line.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, it } from '@jest/globals';
import type { ImageEntry, Report, ReportEntry } from '../../src/model/report.js';
import { requireDocker, runDistCli } from '../helpers/docker.js';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { git, makeRepo } from '../helpers/git-repo.js';
import { liveLines, runAction, runActionProcess, type ActionContext, type ActionRun } from '../helpers/run-action.js';

const SERVICE = 'FROM scratch\nCOPY . /srv/\n';
const HEAD_SHA = 'f00d'.repeat(10);
const HOSTILE = '<img src=x> @someone | ::error::pwned';

let repo = '';
let scratch = '';
let baseSha = '';
let gh: FakeGitHub;
const legs: Record<string, ActionRun> = {};

const ctx = (): ActionContext => ({ gh, scratch, workspace: repo, baseSha });
const reportPath = (name: string): string => join(repo, 'reports', `${name}.json`);
const readReport = (path: string): Report => JSON.parse(readFileSync(path, 'utf8')) as Report;

/** One leg of the matrix: one image, no comment, its report where the upload step would find it. */
function leg(name: string, context: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runAction(ctx(), { context, name, comment: 'false', cache: 'false', 'report-file': reportPath(name), ...inputs }, { GITHUB_JOB: `size-${name}` });
}

/** The merge job: `reports` and nothing to build. */
function mergeRun(inputs: Record<string, string>): Promise<ActionRun> {
  return runActionProcess({ scratch, inputs, gh, workspace: repo, baseSha, headSha: HEAD_SHA, env: { GITHUB_JOB: 'merge' } });
}

const rows = (body: string): string[] => body.split('\n').filter((l) => /^\| (✅|❌|➖) \|/.test(l));
const withoutFile = (e: ReportEntry): ReportEntry => ({ ...e, reportFile: undefined });


beforeAll(async () => {
  await requireDocker();
  scratch = mkdtempSync(join(tmpdir(), 'isg-merge-'));
  repo = makeRepo([
    {
      'services/api/Dockerfile': SERVICE,
      'services/api/app.bin': randomBytes(40_000),
      'web/Dockerfile': SERVICE,
      'web/site.bin': randomBytes(30_000),
      'web/sh': '#!/bin/true\n',
      'worker/Dockerfile': SERVICE,
      'worker/job.bin': randomBytes(20_000),
    },
    // the pull request: api grows by 50 kB, web by 10 kB and its `sh` becomes executable; worker is untouched
    { 'services/api/extra.bin': randomBytes(50_000), 'web/more.bin': randomBytes(10_000) },
  ]);
  chmodSync(join(repo, 'web/sh'), 0o755);
  git(repo, 'commit', '-qam', 'sh executable');
  baseSha = git(repo, 'rev-parse', 'c0').trim();
  gh = await startFakeGitHub({ owner: 'octo', repo: 'app', issue: 7 });
  legs.api = await leg('api', 'services/api', { 'max-size': '60kB' });
  legs.web = await leg('web', 'web');
  legs.worker = await leg('worker', 'worker');
});

beforeEach(() => gh.reset());

afterAll(async () => {
  await gh?.close();
  for (const d of [repo, scratch]) if (d) rmSync(d, { recursive: true, force: true });
});

describe('three legs, one merge', () => {
  it('the legs: api over its budget, web with an annotated finding, worker not built; no comment', () => {
    assert.equal(legs.api!.code, 1, legs.api!.log);
    assert.match(legs.api!.log, /^::error::image-size-guard: budget exceeded \(max-size 60kB\)$/m);
    assert.equal(legs.web!.code, 0, legs.web!.log);
    assert.match(legs.web!.log, /^::warning title=image-size-guard%3A shell,file=web\/Dockerfile,line=2::/m);
    assert.equal(legs.worker!.code, 0, legs.worker!.log);
    assert.deepEqual(readReport(reportPath('worker')).images.map((e) => e.status), ['not-built']);
    assert.equal(gh.requests.length, 0);
  });

  it('one comment with three rows, passed false, the failure naming api; the next run updates it', async () => {
    const r = await mergeRun({ reports: 'reports/*.json' });
    assert.equal(r.code, 1, r.log);
    assert.equal(gh.comments.length, 1);
    const body = gh.comments[0]!.body;
    assert.match(body, /^<!-- image-size-guard:image size -->\n### 🐳 3 images: 2 compared, 1 not built ❌ failed: api \(max-size 60kB\)\n/);
    assert.deepEqual(rows(body), [
      '| ❌ | api | 40 kB | 90 kB | +50 kB | +124.9% | ❌ max-size 60kB | — |',
      '| ✅ | web | 30 kB | 40 kB | +10 kB | +33.3% | — | `shell` |',
      '| ➖ | worker | | | | | | unchanged — not built |',
    ]);
    assert.match(body, /<sub>image-size-guard [\d.]+ · 3 reports merged · base [0-9a-f]{12} · head f00df00df00d<\/sub>\n$/);
    assert.equal(r.outputs.passed, 'false');
    assert.match(r.log, /^::error::image-size-guard: 1 of 3 images failed: api: budget exceeded \(max-size 60kB\)$/m);
    assert.equal(r.summary.trim(), body.trim(), 'one job summary: the comment');
    assert.equal(r.outputs['comment-body']!.trimEnd(), body.trimEnd());
    // nothing built, nothing annotated again (web's finding was annotated by its leg)
    assert.doesNotMatch(r.log, /buildx|^::(warning|error|notice) [^:]*file=/m);
    assert.match(r.log, /^image-size-guard: merging 3 reports: reports\/api\.json, reports\/web\.json, reports\/worker\.json$/m);

    // the merged report: each leg's entries as the leg wrote them, with the file they came from
    assert.equal(r.outputs['report-file'], r.reportFile);
    const merged = readReport(r.reportFile);
    assert.deepEqual(merged.images.map((e) => [e.name, e.status, e.reportFile]), [['api', 'compared', 'reports/api.json'], ['web', 'compared', 'reports/web.json'], ['worker', 'not-built', 'reports/worker.json']]);
    for (const e of merged.images) assert.deepEqual(withoutFile(e), withoutFile(readReport(reportPath(e.name)).images[0]!));
    assert.equal(merged.passed, false);
    const api = merged.images[0] as ImageEntry;
    assert.equal(r.outputs.size, String(api.head.size + (merged.images[1] as ImageEntry).head.size));
    const results = JSON.parse(r.outputs.results!) as { name: string; status: string; passed: boolean }[];
    assert.deepEqual(results.map((x) => [x.name, x.status, x.passed]), [['api', 'compared', false], ['web', 'compared', true], ['worker', 'not-built', true]]);
    assert.equal(r.outputs.findings, 'shell');

    // the api leg runs again with a budget it meets; the merge updates the same comment
    const id = gh.comments[0]!.id;
    const again = await leg('api', 'services/api', { 'max-size': '1MB' });
    assert.equal(again.code, 0, again.log);
    gh.requests.length = 0;
    const second = await mergeRun({ reports: 'reports/*.json' });
    assert.equal(second.code, 0, second.log);
    assert.equal(second.outputs.passed, 'true');
    assert.equal(gh.comments.length, 1);
    assert.equal(gh.comments[0]!.id, id);
    assert.match(gh.comments[0]!.body, /^<!-- image-size-guard:image size -->\n### 🐳 3 images: 2 compared, 1 not built ✅\n/);
    assert.deepEqual(gh.requests.filter((q) => q.method === 'PATCH' || q.method === 'POST').map((q) => `${q.method} ${q.path}`), ['POST /graphql', `PATCH /repos/octo/app/issues/comments/${id}`]);
    // and a leg's own comment (its default marker: its name) is another comment, never this one
    await leg('worker', 'worker', { comment: 'true' });
    assert.equal(gh.comments.length, 2);
    assert.equal(gh.comments[1]!.body.split('\n')[0], '<!-- image-size-guard:worker -->');
    await leg('api', 'services/api', { 'max-size': '60kB' }); // as the other tests expect it
  });

  it('build inputs beside reports are refused before anything is read', async () => {
    const r = await mergeRun({ reports: 'reports', context: 'web', 'max-size': '1MB', images: '- name: x' });
    assert.equal(r.code, 1);
    assert.deepEqual(r.log.split('\n').filter((l) => l.startsWith('::error::')), [
      '::error::image-size-guard: images: applies to building; with reports nothing is built (each leg\'s report has its own build)',
      '::error::image-size-guard: max-size: applies to building; with reports nothing is built (each leg\'s report has its own budgets)',
      '::error::image-size-guard: 2 input errors: images: applies to building; with reports nothing is built (each leg\'s report has its own build); max-size: applies to building; with reports nothing is built (each leg\'s report has its own budgets)',
    ]);
    assert.equal(gh.requests.length, 0);
  });
});

describe('a hostile leg', () => {
  it('a name with HTML, a mention, a pipe and a workflow command renders inert everywhere', async () => {
    const evil = readReport(reportPath('api'));
    evil.images[0]!.name = HOSTILE;
    mkdirSync(join(repo, 'hostile'), { recursive: true });
    writeFileSync(join(repo, 'hostile/evil.json'), JSON.stringify(evil));
    const r = await mergeRun({ reports: 'hostile/evil.json\nreports/web.json', 'comment-key': 'hostile' });
    assert.equal(r.code, 1, r.log);
    const body = gh.comments[0]!.body;
    for (const text of [body, r.summary, r.outputs['comment-body']!]) {
      assert.doesNotMatch(text, /<img|@someone|::error::pwned/);
      assert.match(text, /&#60;img src=x&#62; &#64;someone &#124; &#58;&#58;error&#58;&#58;pwned/);
    }
    assert.equal(rows(body)[0]!.replace(/\\\|/g, '').split('|').length, 10, 'the row keeps its nine cells');
    // in the log the name is data: inside the stop-commands block, or after our own prefix on one line
    const live = liveLines(r.log).filter((l) => l.includes('pwned'));
    assert.deepEqual(live, [`::error::image-size-guard: 1 of 2 images failed: ${HOSTILE}: budget exceeded (max-size 60kB)`]);
    assert.ok(r.log.split('\n').some((l) => l.includes('pwned') && !live.includes(l)), 'the text report names it too, commands off');
    assert.equal((JSON.parse(r.outputs.results!) as { name: string }[])[0]!.name, HOSTILE);
  });
});

describe('the CLI: image-size-guard merge', () => {
  it('reads the legs\' reports: text, json, exit 1 naming the failing image', async () => {
    const text = await runDistCli(['merge', 'reports'], { cwd: repo });
    assert.equal(text.code, 1, text.stderr);
    assert.match(text.stdout, /^3 images: 2 compared, 1 not built ❌ failed: api \(max-size 60kB\)\n/);
    assert.match(text.stdout, /^ {2}➖ worker\s+unchanged — not built$/m);
    assert.equal(text.stderr.trimEnd().split('\n').at(-1), 'image-size-guard: failed: 1 of 3 images failed: api: budget exceeded (max-size 60kB)');
    const out = join(scratch, 'merged.json');
    const json = await runDistCli(['merge', 'reports/web.json', 'reports/worker.json', '--format', 'json', '--output', out], { cwd: repo });
    assert.equal(json.code, 0, json.stderr);
    assert.deepEqual(readReport(out).images.map((e) => [e.name, e.reportFile]), [['web', 'reports/web.json'], ['worker', 'reports/worker.json']]);
    const help = await runDistCli(['merge', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /image-size-guard merge FILE\|DIR\|GLOB\.\.\. \[--format text\|markdown\|json\] \[--output FILE\]/);
  });

  it('bad input: exit 2, one line naming the file or pattern, no stack', async () => {
    const dir = join(scratch, 'bad');
    mkdirSync(dir, { recursive: true });
    const api = readFileSync(reportPath('api'), 'utf8');
    const other = readReport(reportPath('api'));
    (other.images[0] as ImageEntry).head.size += 1;
    const files: Record<string, string> = {
      'truncated.json': api.slice(0, Math.floor(api.length / 2)),
      'not-a-report.json': JSON.stringify({ name: 'app', version: '1.0.0', dependencies: {} }),
      'v99.json': JSON.stringify({ ...JSON.parse(api), schemaVersion: 99 }),
      'other-api.json': JSON.stringify(other),
    };
    for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
    const cases: [string[], RegExp][] = [
      [[join(dir, 'truncated.json')], /^image-size-guard: error: .*\/bad\/truncated\.json: truncated or not JSON \(.+\)$/],
      [[join(dir, 'not-a-report.json')], /^image-size-guard: error: .*\/bad\/not-a-report\.json: not an image-size-guard report \(no schemaVersion\)$/],
      [[join(dir, 'v99.json')], /^image-size-guard: error: .*\/bad\/v99\.json: schemaVersion 99 is newer than this image-size-guard \([\d.]+\) reads \(1\): update image-size-guard$/],
      [['reports/api.json', join(dir, 'other-api.json')], /^image-size-guard: error: image "api" \(linux\/\w+\) is in two reports with different results: reports\/api\.json \(images\[0\]\) and .*\/bad\/other-api\.json \(images\[0\]\); give each matrix leg its own images$/],
      [['legs/*.json'], /^image-size-guard: error: no report file matches legs\/\*\.json$/],
    ];
    for (const [args, expected] of cases) {
      const r = await runDistCli(['merge', ...args], { cwd: repo });
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.equal(r.stdout, '');
      const lines = r.stderr.trimEnd().split('\n');
      assert.equal(lines.length, 1, r.stderr);
      assert.match(lines[0]!, expected);
      assert.doesNotMatch(r.stderr, /^\s+at /m);
    }
  });
});
