// Enforcement as a workflow configures it, through the bundled Action (node dist/index.js) against the fake GitHub,
// on real images read from the engine: a warn level that warns (exit 0, warned=true, ⚠️, a live ::warning line)
// and a max level that fails; a warn level at or above its max is one error; comment-threshold keeps quiet on a
// 3 kB change, comments on +5 MB, and turns that comment into one line on the next 3 kB change.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, it } from '@jest/globals';
import type { Report } from '../../src/model/report.js';
import { buildImage, removeImages, requireDocker, runDistCli } from '../helpers/docker.js';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { liveLines, runActionProcess, type ActionRun } from '../helpers/run-action.js';
import { sarifSchemaErrors } from '../helpers/sarif-schema.js';
import type { ImageResultOutput } from '../../src/report/run-outputs.js';

const tag = (name: string): string => `isg-test/enforce-${name}:${process.pid}`;
const images = { base: tag('base'), small: tag('small'), big: tag('big'), head: tag('head') };
let gh: FakeGitHub;
let work = '';

const run = (inputs: Record<string, string>): Promise<ActionRun> => runActionProcess({ scratch: work, inputs, gh, workspace: work });

beforeAll(async () => {
  await requireDocker();
  work = mkdtempSync(join(tmpdir(), 'isg-enforce-'));
  const shared = randomBytes(100_000);
  const from = 'FROM scratch\nCOPY a.bin /a.bin\n';
  await buildImage(images.base, { 'a.bin': shared, Dockerfile: from });
  await buildImage(images.head, { 'a.bin': shared, 'b.bin': randomBytes(50_000), Dockerfile: `${from}COPY b.bin /b.bin\n` });
  await buildImage(images.small, { 'a.bin': shared, 'b.bin': randomBytes(3_000), Dockerfile: `${from}COPY b.bin /b.bin\n` });
  await buildImage(images.big, { 'a.bin': shared, 'b.bin': randomBytes(5_000_000), Dockerfile: `${from}COPY b.bin /b.bin\n` });
  gh = await startFakeGitHub({ owner: 'octo', repo: 'app', issue: 7 });
});

beforeEach(() => gh.reset());

afterAll(async () => {
  await gh?.close();
  await removeImages(...Object.values(images));
  if (work) rmSync(work, { recursive: true, force: true });
});

const pair = { image: images.head, 'base-image': images.base, name: 'web' }; // 100 kB → 150 kB: +50 kB

describe('warn levels in the Action', () => {
  it('over warn-increase, under max-increase: passes, warned=true, ⚠️ in the comment, a live ::warning line', async () => {
    const r = await run({ ...pair, 'warn-increase': '10kB', 'max-increase': '100kB', 'sarif-file': 'out/isg.sarif' });
    assert.equal(r.code, 0, r.log);
    assert.equal(r.outputs.passed, 'true');
    assert.equal(r.outputs.warned, 'true');
    const body = gh.comments[0]!.body;
    assert.match(body, /^### 🐳 web — 100 kB → 150 kB \(\+50 kB, \+50\.0%\) ⚠️$/m);
    assert.match(body, /^Budgets: max-increase 100kB ✅ \(\+50 kB\) · warn-increase 10kB ⚠️ \(\+50 kB\)$/m);
    assert.ok(liveLines(r.log).includes('::warning title=image-size-guard%3A warn-increase::image-size-guard: warn-increase 10kB exceeded (+50 kB)'), r.log);
    assert.ok(!liveLines(r.log).some((l) => l.startsWith('::error')), 'nothing failed');
    const report = JSON.parse(readFileSync(r.reportFile, 'utf8')) as Report;
    assert.deepEqual((report.images[0] as { budgets: unknown[] }).budgets, [
      { id: 'max-increase', limit: '100kB', actual: 50_000, passed: true, level: 'fail' },
      { id: 'warn-increase', limit: '10kB', actual: 50_000, passed: false, level: 'warn' },
    ]);
    // sarif-file, relative to the workspace: a valid log with no result (a FROM scratch image has no finding)
    const sarif = JSON.parse(readFileSync(join(work, 'out/isg.sarif'), 'utf8')) as { runs: { results: unknown[] }[] };
    assert.deepEqual(sarifSchemaErrors(sarif), []);
    assert.deepEqual(sarif.runs[0]!.results, []);
  });

  it('over both: fails naming the fail budget only, and still warns', async () => {
    const r = await run({ ...pair, 'warn-increase': '10kB', 'max-increase': '20kB' });
    assert.equal(r.code, 1, r.log);
    assert.equal(r.outputs.passed, 'false');
    assert.equal(r.outputs.warned, 'true');
    const errors = liveLines(r.log).filter((l) => l.startsWith('::error'));
    assert.deepEqual(errors, ['::error::image-size-guard: budget exceeded (max-increase 20kB)']);
    assert.match(gh.comments[0]!.body, /^### 🐳 web — .* ❌$/m);
  });

  it('warn-size 2GB with max-size 1GB: one error, nothing built or read', async () => {
    const r = await run({ ...pair, 'warn-size': '2GB', 'max-size': '1GB' });
    assert.equal(r.code, 1);
    const errors = liveLines(r.log).filter((l) => l.startsWith('::error'));
    assert.deepEqual(errors, ['::error::image-size-guard: warn-size: "2GB" is at or above max-size "1GB": whatever exceeds it fails max-size too, so it could never just warn (set it lower)']);
    assert.equal(gh.comments.length, 0);
    assert.equal(existsSync(r.reportFile), false);
  });

  it('the CLI: a warning line and exit 0; over both exit 1 naming max-increase; a warn level at or above its max: one line, exit 2', async () => {
    const cli = (...flags: string[]) => runDistCli(['compare', '--image', images.head, '--base-image', images.base, '--compressed-size', 'off', ...flags], { cwd: work });
    const warned = await cli('--warn-increase', '10kB', '--max-increase', '100kB');
    assert.equal(warned.code, 0, warned.stderr);
    assert.match(warned.stderr, /^image-size-guard: warning: warn-increase 10kB exceeded \(\+50 kB\)$/m);
    assert.match(warned.stdout, /^Budgets: max-increase 100kB ✅ \(\+50 kB\) · warn-increase 10kB ⚠️ \(\+50 kB\)$/m);
    const failed = await cli('--warn-increase', '10kB', '--max-increase', '20kB');
    assert.equal(failed.code, 1);
    assert.equal(failed.stderr.trim().split('\n').at(-1), 'image-size-guard: failed: budget exceeded (max-increase 20kB)');
    const bad = await cli('--warn-size', '2GB', '--max-size', '1GB');
    assert.equal(bad.code, 2);
    assert.deepEqual(bad.stderr.trim().split('\n'), ['image-size-guard: error: --warn-size: "2GB" is at or above --max-size "1GB": whatever exceeds it fails --max-size too, so it could never just warn (set it lower)']);
  });

  it('several images: warned names the image in the heading, its row and the results; merge mode sets warned from the legs', async () => {
    const list = `- { name: api, image: ${images.head}, base-image: ${images.base}, warn-increase: 10kB }\n- { name: worker, image: ${images.base}, base-image: ${images.base}, warn-size: 1MB }\n`;
    const r = await run({ images: list, 'report-file': join(work, 'legs', 'several.json') });
    assert.equal(r.code, 0, r.log);
    assert.equal(r.outputs.warned, 'true');
    assert.deepEqual((JSON.parse(r.outputs.results!) as ImageResultOutput[]).map((x) => [x.name, x.passed, x.warned]), [['api', true, true], ['worker', true, false]]);
    const body = gh.comments[0]!.body;
    assert.match(body, /^### 🐳 2 images: 2 compared ⚠️ warned: api \(warn-increase 10kB\)$/m);
    assert.match(body, /^\| ⚠️ \| api \| .* \| ⚠️ warn-increase 10kB \| — \|$/m);
    assert.match(body, /^\| ✅ \| worker \|/m);

    gh.reset();
    const merged = await run({ reports: 'legs', 'comment-key': 'merged' });
    assert.equal(merged.code, 0, merged.log);
    assert.equal(merged.outputs.warned, 'true');
    assert.match(gh.comments[0]!.body, /⚠️ warned: api \(warn-increase 10kB\)/);
    assert.ok(!liveLines(merged.log).some((l) => l.startsWith('::warning title=image-size-guard%3A warn')), 'the legs annotated their warnings already');

    // the CLI's merge: a warning line, the SARIF file (never read back as a report), no quiet comment for a warned run
    const cli = await runDistCli(['merge', 'legs', '--format', 'markdown', '--comment-threshold', '1MB', '--sarif', 'legs/merged.sarif'], { cwd: work });
    assert.equal(cli.code, 0, cli.stderr);
    assert.match(cli.stderr, /^image-size-guard: warning: api: warn-increase 10kB exceeded \(\+50 kB\)$/m);
    assert.match(cli.stdout, /⚠️ warned: api \(warn-increase 10kB\)/);
    assert.deepEqual(sarifSchemaErrors(JSON.parse(readFileSync(join(work, 'legs/merged.sarif'), 'utf8'))), []);
    const again = await runDistCli(['merge', 'legs', '--sarif', 'legs/merged.sarif'], { cwd: work });
    assert.equal(again.code, 0, again.stderr);
  });
});

describe('comment-threshold in the Action', () => {
  const threshold = { name: 'web', 'base-image': images.base, 'comment-threshold': '1MB' };

  it('3 kB posts nothing; +5 MB posts; 3 kB again turns that comment into one line; +5 MB again restores it', async () => {
    const quiet = await run({ ...threshold, image: images.small });
    assert.equal(quiet.code, 0, quiet.log);
    assert.equal(gh.comments.length, 0, 'no comment for 3 kB');
    assert.equal(gh.requests.filter((q) => q.method === 'POST' && !q.path.endsWith('/graphql')).length, 0);
    assert.equal(quiet.outputs['size-delta'], '3000', 'the outputs are complete');
    assert.match(quiet.outputs['comment-body']!, /^### 🐳 web — 100 kB → 103 kB/m);
    assert.match(quiet.summary, /^### 🐳 web — 100 kB → 103 kB/m, 'the job summary has the full report');
    assert.match(quiet.log, /no significant change \(comment-threshold\): no comment posted/);

    const loud = await run({ ...threshold, image: images.big });
    assert.equal(loud.code, 0, loud.log);
    assert.equal(gh.comments.length, 1);
    const id = gh.comments[0]!.id;
    assert.match(gh.comments[0]!.body, /^### 🐳 web — 100 kB → 5\.1 MB \(\+5 MB/m);

    gh.requests.length = 0;
    const again = await run({ ...threshold, image: images.small });
    assert.equal(again.code, 0, again.log);
    assert.equal(gh.comments.length, 1);
    assert.equal(gh.comments[0]!.id, id);
    assert.equal(gh.comments[0]!.body, '<!-- image-size-guard:web -->\n🐳 web: no significant change since the last run: +3 kB (comment-threshold 1MB)\n');
    assert.deepEqual(gh.requests.filter((q) => q.method === 'PATCH' || (q.method === 'POST' && !q.path.endsWith('/graphql'))).map((q) => q.method), ['PATCH']);

    await run({ ...threshold, image: images.big });
    assert.equal(gh.comments.length, 1, 'the marker kept: the next significant run finds the one-liner');
    assert.match(gh.comments[0]!.body, /^### 🐳 web — 100 kB → 5\.1 MB/m);
  });

  it('comment-threshold that is not a size: one error line', async () => {
    const r = await run({ ...threshold, image: images.small, 'comment-threshold': 'quiet' });
    assert.equal(r.code, 1);
    assert.ok(liveLines(r.log).includes(// (a workflow command's data has % escaped as %25)
      '::error::image-size-guard: comment-threshold: "quiet" is not a size or a percent (examples: "10MB", "5%25", "10MB, 5%25")'), r.log);
  });

  it('the CLI: --format markdown with --comment-threshold prints the one line on a quiet run, the comment otherwise', async () => {
    const md = (image: string) => runDistCli(['compare', '--image', image, '--base-image', images.base, '--name', 'web', '--format', 'markdown', '--comment-threshold', '1MB, 1%'], { cwd: work });
    const quiet = await md(images.small);
    assert.equal(quiet.code, 0, quiet.stderr);
    assert.equal(quiet.stdout, '<!-- image-size-guard:web -->\n🐳 web: no significant change since the last run: +3 kB (comment-threshold 1MB, 1%)\n');
    const loud = await md(images.big);
    assert.match(loud.stdout, /^<!-- image-size-guard:web -->\n### 🐳 web — 100 kB → 5\.1 MB/);
  });
});
