// The fan-in (`merge`, the Action's `reports`): reports from other jobs are checked field by field, merged entry
// by entry with the file each came from, found from files, directories and globs, and rendered inert however
// hostile their strings are.

import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImageEntry, ImageReport, NotBuiltEntry, Report } from '../../src/model/report.js';
import { UserError } from '../../src/model/errors.js';
import { validateReport } from '../../src/report/validate-report.js';
import { mergedFooter, mergeReports } from '../../src/report/merge-reports.js';
import { findReportFiles, readReports } from '../../src/config/report-files.js';
import { mergeCommentKey, readMergeInputs } from '../../src/config/merge-inputs.js';
import { readActionInputs } from '../../src/config/action-inputs.js';
import { InputErrors } from '../../src/config/errors.js';
import { makeReport } from '../../src/report/image-report.js';
import { COMMENT_LIMIT, commentMarker } from '../../src/report/markdown.js';
import { renderMultiMarkdown } from '../../src/report/multi-markdown.js';
import { renderMultiText } from '../../src/report/multi-text.js';
import { failureMessage } from '../../src/report/failure-message.js';
import { runOutputs } from '../../src/report/run-outputs.js';

function image(size: number, ref: string): ImageReport {
  return {
    ref, source: 'build', id: `sha256:${'c'.repeat(64)}`, size, compressedSize: Math.round(size / 3), compressedSizeExact: false, fileCount: 12, wastedBytes: 100, efficiency: 0.98,
    dockerfile: 'Dockerfile',
    layers: [
      { diffId: `sha256:${'a'.repeat(64)}`, instruction: 'FROM scratch', size: size - 1000, compressedSize: null, fileCount: 10, dockerfileLine: 1 },
      { diffId: `sha256:${'b'.repeat(64)}`, instruction: 'COPY app /srv/app', size: 1000, compressedSize: null, fileCount: 2, dockerfileLine: 2 },
    ],
  };
}

/** An entry with every part a compare writes: diff (layers, files, packages, growth), findings, budgets. */
function entry(name: string, platform = 'linux/amd64', over: Partial<ImageEntry> = {}): ImageEntry {
  return {
    name, platform, status: 'compared', head: image(90_000, 'h'.repeat(40)), base: { ...image(40_000, 'b'.repeat(40)), fromCache: true },
    diff: {
      sizeDelta: 50_000, sizeDeltaPercent: 125, compressedSizeDelta: 16_667,
      layers: [{ status: 'changed', instruction: 'COPY app /srv/app', baseSize: 1000, headSize: 51_000, delta: 50_000 }],
      files: [{ path: '/srv/app/big.bin', kind: 'file', status: 'added', baseSize: null, headSize: 50_000, delta: 50_000 }],
      packages: [{ manager: 'dpkg', name: 'curl', status: 'upgraded', baseVersion: '7.88', headVersion: '8.0', sizeDelta: -12 }],
      growth: { instruction: 'COPY app /srv/app', delta: 50_000, dockerfile: { path: 'Dockerfile', line: 2 } },
      config: { user: { base: 'root', head: 'app' }, env: { added: ['API_URL'], removed: [], changed: ['TOKEN'] } },
    },
    findings: [{ id: 'shell', severity: 'warning', status: 'new', message: 'a shell', bytes: 900, evidence: [{ path: '/bin/sh', size: 900, layer: 1, instruction: 'COPY app /srv/app' }], dockerfile: { path: 'Dockerfile', line: 2 } }],
    budgets: [{ id: 'max-size', limit: '1MB', actual: 90_000, passed: true, level: 'fail' }],
    passed: true,
    ...over,
  };
}

const notBuilt = (name: string): NotBuiltEntry => ({ name, platform: null, status: 'not-built', passed: true, reason: `no change to ${name}/Dockerfile since 0123456789ab` });

/** The report as JSON text would give it back (no undefined, plain objects). */
const json = (r: unknown): unknown => JSON.parse(JSON.stringify(r));

const problem = (value: unknown): string => {
  try {
    validateReport(value, 'legs/api.json');
  } catch (err) {
    assert.ok(err instanceof UserError, String(err));
    return err.message;
  }
  return assert.fail('accepted');
};

describe('validateReport', () => {
  const full = makeReport([entry('api'), { ...entry('api', 'linux/arm64'), platformAdded: true, base: null, diff: null }, notBuilt('web')], [{ name: 'api', platform: 'linux/s390x', base: image(5000, 'b') }]);

  it('gives back every field of a report as the tool writes it', () => {
    assert.deepEqual(validateReport(json(full), 'f'), json(full));
  });

  it('accepts the round-3 fields (manifest digest, config changes, wasted-space, warn levels, resolvedBy)', () => {
    const r = json(full) as Report;
    const e = r.images[0] as ImageEntry & { head: { manifestDigest?: string; resolvedBy?: string } };
    e.head.manifestDigest = `sha256:${'d'.repeat(64)}`;
    (e.base as { resolvedBy?: string }).resolvedBy = 'previous';
    e.diff!.config = { user: { base: 'root', head: 'app' }, exposedPorts: { added: ['22/tcp'], removed: [] }, env: { added: [], removed: ['OLD'], changed: ['TOKEN'] } };
    e.findings.push({ ...e.findings[0]!, id: 'wasted-space' });
    e.budgets.push({ id: 'warn-size', limit: '500kB', actual: 90_000, passed: true, level: 'warn' });
    assert.deepEqual(validateReport(r, 'f'), r);
  });

  it('a report written before config changes were reported: nothing changed, as far as it knows', () => {
    const r = json(full) as Report;
    delete ((r.images[0] as ImageEntry).diff as Partial<NonNullable<ImageEntry['diff']>>).config;
    assert.deepEqual((validateReport(r, 'f').images[0] as ImageEntry).diff!.config, {});
  });

  it('leaves out fields it does not know (nothing unchecked travels on)', () => {
    const r = json(full) as Report & { extra?: unknown };
    r.extra = { '<img src=x>': 1 };
    (r.images[0] as unknown as Record<string, unknown>).surprise = '::error::x';
    const out = validateReport(r, 'f');
    assert.equal('extra' in out, false);
    assert.equal('surprise' in out.images[0]!, false);
  });

  it('names the file and the first bad field, in one line', () => {
    /** The full report with the value at `path` replaced (undefined: removed). */
    const bad = (path: (string | number)[], value: unknown): string => {
      const r = json(full) as Record<string | number, unknown>;
      let at = r;
      for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
      if (value === undefined) delete at[path.at(-1)!];
      else at[path.at(-1)!] = value;
      return problem(r);
    };
    assert.equal(problem([1, 2]), 'legs/api.json: not an image-size-guard report (the JSON is a list, not an object)');
    assert.equal(problem({ name: 'my-package', version: '1.0.0' }), 'legs/api.json: not an image-size-guard report (no schemaVersion)');
    assert.equal(bad(['schemaVersion'], 99), 'legs/api.json: schemaVersion 99 is newer than this image-size-guard (0.1.0) reads (1): update image-size-guard');
    assert.equal(bad(['schemaVersion'], '1'), 'legs/api.json: schemaVersion: expected 1, got "1"');
    assert.equal(bad(['tool', 'name'], 'dive'), 'legs/api.json: tool.name: expected "image-size-guard", got "dive"');
    assert.equal(bad(['images', 0, 'head', 'size'], '12'), 'legs/api.json: images[0].head.size: expected a number, got "12"');
    assert.equal(bad(['images', 0, 'head', 'size'], 1.5), 'legs/api.json: images[0].head.size: expected a whole number, got 1.5');
    assert.equal(bad(['images', 0, 'head', 'size'], -1), 'legs/api.json: images[0].head.size: must be at least 0, got -1');
    assert.equal(bad(['images', 1, 'head', 'layers'], undefined), 'legs/api.json: images[1].head.layers: missing (expected a list)');
    assert.equal(bad(['images', 2, 'status'], 'skipped'), 'legs/api.json: images[2].status: expected "compared" or "not-built", got "skipped"');
    assert.equal(bad(['images', 2, 'passed'], false), 'legs/api.json: images[2].passed: expected true, got false');
    assert.equal(bad(['images', 0, 'findings', 0, 'id'], 'rootkit'), 'legs/api.json: images[0].findings[0].id: expected "shell" or "missing-multi-stage" or "build-tools" or "package-cache" or "wasted-space", got "rootkit"');
    assert.equal(bad(['images', 0, 'diff', 'files', 0, 'kind'], null), 'legs/api.json: images[0].diff.files[0].kind: expected "file" or "dir", got null');
    assert.equal(bad(['images', 0, 'name'], ''), 'legs/api.json: images[0].name: must not be empty');
    assert.equal(bad(['images', 0, 'name'], 'x'.repeat(257)), 'legs/api.json: images[0].name: longer than 256 characters');
    assert.equal(bad(['removedPlatforms', 0, 'base'], []), 'legs/api.json: removedPlatforms[0].base: expected an object, got a list');
    // config changes: environment variables by name only, so a leg cannot smuggle values in as objects
    assert.equal(bad(['images', 0, 'diff', 'config', 'env', 'changed'], [{ name: 'TOKEN', value: 's3cret' }]), 'legs/api.json: images[0].diff.config.env.changed[0]: expected a string, got an object');
    assert.equal(bad(['images', 0, 'diff', 'config', 'user'], { base: 'root', head: 7 }), 'legs/api.json: images[0].diff.config.user.head: expected a string, got 7');
    // strings the text output prints as they are must be what they claim: a platform, a one-line limit
    assert.equal(bad(['images', 0, 'platform'], 'linux/amd64\n::error::x'), 'legs/api.json: images[0].platform: not a platform (os/arch[/variant], a comma list, or all)');
    assert.equal(bad(['images', 0, 'budgets', 0, 'limit'], '1MB\n::error::forged'), 'legs/api.json: images[0].budgets[0].limit: must be one line of text');
    // a hostile string in a message is one line, quoted and cut
    const hostile = bad(['images', 0, 'budgets', 0, 'passed'], '\n::error::pwned');
    assert.equal(hostile, 'legs/api.json: images[0].budgets[0].passed: expected true or false, got " ↵ ::error::pwned"');
  });
});

describe('mergeReports', () => {
  const api = makeReport([entry('api', 'linux/amd64', { passed: false, budgets: [{ id: 'max-size', limit: '60kB', actual: 90_000, passed: false, level: 'fail' }] }), entry('api', 'linux/arm64')]);
  const web = makeReport([entry('web')], [{ name: 'web', platform: 'linux/arm64', base: image(5000, 'b') }]);
  const worker = makeReport([notBuilt('worker')]);

  it('keeps every entry in the order of the files, with its file; the verdict is every entry\'s', () => {
    const merged = mergeReports([{ file: 'r/api.json', report: api }, { file: 'r/web.json', report: web }, { file: 'r/worker.json', report: worker }]);
    assert.deepEqual(merged.images.map((e) => [e.name, e.platform, e.status, e.reportFile]), [
      ['api', 'linux/amd64', 'compared', 'r/api.json'],
      ['api', 'linux/arm64', 'compared', 'r/api.json'],
      ['web', 'linux/amd64', 'compared', 'r/web.json'],
      ['worker', null, 'not-built', 'r/worker.json'],
    ]);
    assert.deepEqual(merged.removedPlatforms, [{ ...web.removedPlatforms![0]!, reportFile: 'r/web.json' }]);
    assert.equal(merged.passed, false);
    assert.equal(mergeReports([{ file: 'w', report: worker }, { file: 'x', report: web }]).passed, true);
    // the entries are the legs' own, field for field
    const { reportFile, ...rest } = merged.images[2] as ImageEntry;
    assert.equal(reportFile, 'r/web.json');
    assert.deepEqual(rest, web.images[0]);
    assert.equal(failureMessage(merged, { budget: true }), '1 of 3 images failed: api linux/amd64: budget exceeded (max-size 60kB)');
    assert.equal(mergedFooter(merged, 3, 'f'.repeat(40)), `image-size-guard 0.1.0 · 3 reports merged · base ${'b'.repeat(12)} · head ${'f'.repeat(12)}`);
  });

  it('one image and platform in two files: the same entry is kept once, a different one names both files', () => {
    const again = mergeReports([{ file: 'a.json', report: api }, { file: 'merged.json', report: mergeReports([{ file: 'x', report: api }]) }]);
    assert.equal(again.images.length, 2);
    assert.equal(again.images[0]!.reportFile, 'a.json');
    const other = makeReport([entry('api', 'linux/arm64', { passed: false })]);
    assert.throws(() => mergeReports([{ file: 'a.json', report: api }, { file: 'b.json', report: other }]), {
      name: 'UserError',
      message: 'image "api" (linux/arm64) is in two reports with different results: a.json (images[1]) and b.json (images[0]); give each matrix leg its own images',
    });
    assert.throws(() => mergeReports([{ file: 'e.json', report: makeReport([]) }]), { message: 'no image in e.json' });
    const twice = makeReport([entry('api'), entry('api', 'linux/amd64', { passed: false })]);
    assert.throws(() => mergeReports([{ file: 'one.json', report: twice }]), { message: 'one.json: images[1] repeats image "api" (linux/amd64) of images[0]' });
  });
});

describe('finding and reading the report files', () => {
  let dir = '';
  const write = (path: string, content: unknown): void => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), typeof content === 'string' ? content : JSON.stringify(content));
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'isg-merge-unit-'));
    // as download-artifact lays them out: merge-multiple (flat), or one directory per artifact
    write('flat/api.json', makeReport([entry('api')]));
    write('flat/web.json', makeReport([entry('web')]));
    write('nested/isg-worker/report.json', makeReport([notBuilt('worker')]));
    write('nested/isg-web/report.json', makeReport([entry('web')]));
    write('nested/isg-web/notes.txt', 'not a report');
    mkdirSync(join(dir, 'empty'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const find = (patterns: string[], exclude: string[] = []): Promise<string[]> => findReportFiles(patterns, dir, exclude).then((fs) => fs.map((f) => f.slice(dir.length + 1)));

  it('files as given, directories and globs sorted, each file once, the output left out', async () => {
    assert.deepEqual(await find(['flat/web.json', 'flat']), ['flat/web.json', 'flat/api.json']);
    assert.deepEqual(await find(['nested']), ['nested/isg-web/report.json', 'nested/isg-worker/report.json']);
    assert.deepEqual(await find(['nested/isg-*']), ['nested/isg-web/report.json', 'nested/isg-worker/report.json']);
    assert.deepEqual(await find(['*/*.json']), ['flat/api.json', 'flat/web.json']);
    assert.deepEqual(await find(['flat', join(dir, 'flat/api.json')], ['flat/api.json']), ['flat/web.json']);
    symlinkSync(join(dir, 'flat/api.json'), join(dir, 'link.json'));
    assert.deepEqual(await find(['flat/api.json', 'link.json']), ['flat/api.json']);
  });

  it('nothing found: one line naming the pattern', async () => {
    await assert.rejects(find(['reports/*.json']), { name: 'UserError', message: 'no report file matches reports/*.json' });
    await assert.rejects(find(['missing.json']), { message: 'no report file missing.json (no such file or directory)' });
    await assert.rejects(find(['empty']), { message: 'no report (*.json) in the directory empty' });
  });

  it('reads each file relative to the directory; a truncated or empty one is named', async () => {
    const files = await findReportFiles(['flat', 'nested'], dir);
    const read = await readReports(files, dir);
    assert.deepEqual(read.map((r) => r.file), ['flat/api.json', 'flat/web.json', 'nested/isg-web/report.json', 'nested/isg-worker/report.json']);
    // the same web entry in two files is kept once, from the first
    assert.deepEqual(mergeReports(read).images.map((e) => [e.name, e.reportFile]), [['api', 'flat/api.json'], ['web', 'flat/web.json'], ['worker', 'nested/isg-worker/report.json']]);
    const text = JSON.stringify(makeReport([entry('api')]));
    write('bad/truncated.json', text.slice(0, text.length / 2));
    write('bad/empty.json', '');
    write('bad/v99.json', { ...makeReport([entry('api')]), schemaVersion: 99 });
    await assert.rejects(readReports([join(dir, 'bad/truncated.json')], dir), { name: 'UserError', message: /^bad\/truncated\.json: truncated or not JSON \(.+\)$/ });
    await assert.rejects(readReports([join(dir, 'bad/empty.json')], dir), { message: 'bad/empty.json: empty' });
    // what the parser quotes of a file that is not JSON stays out of the message
    write('bad/passwd.json', 'root:x:0:0:s3cret');
    await assert.rejects(readReports([join(dir, 'bad/passwd.json')], dir), { message: "bad/passwd.json: truncated or not JSON (Unexpected token 'r', … is not valid JSON)" });
    // the first bad file in the order given, whichever is read first
    await assert.rejects(readReports([join(dir, 'flat/api.json'), join(dir, 'bad/v99.json'), join(dir, 'bad/empty.json')], dir), { message: /^bad\/v99\.json: schemaVersion 99 is newer/ });
  });
});

describe('merge mode inputs and the comment key', () => {
  const env = { GITHUB_WORKFLOW: 'image size', GITHUB_JOB: 'legs', GITHUB_REPOSITORY: 'octo/app' };

  it('reports: a glob or a newline list; the inputs of a build are refused, one line each', () => {
    assert.equal(readMergeInputs({}), null);
    assert.deepEqual(readMergeInputs({ INPUT_REPORTS: ' reports/*.json \n\n  more/dir\n', 'INPUT_COMMENT-KEY': 'sizes' }), { patterns: ['reports/*.json', 'more/dir'], commentKey: 'sizes' });
    assert.throws(() => readMergeInputs({ INPUT_REPORTS: 'r', INPUT_IMAGES: '- name: api', 'INPUT_MAX-SIZE': '1MB' }), (err: unknown) => {
      assert.ok(err instanceof InputErrors);
      assert.deepEqual(err.problems, [
        'images: applies to building; with reports nothing is built (each leg\'s report has its own build)',
        'max-size: applies to building; with reports nothing is built (each leg\'s report has its own budgets)',
      ]);
      return true;
    });
  });

  it('the default key is the workflow, never a leg\'s default', () => {
    const leg = readActionInputs({ ...env, INPUT_IMAGES: '- name: api\n- name: web\n' }).commentKey;
    assert.equal(leg, 'image size/legs');
    assert.equal(mergeCommentKey(env, ['api', 'web']), 'image size');
    // a single-image leg is keyed by its name: one named like the workflow gets another key
    assert.equal(mergeCommentKey(env, ['api', 'image size']), 'image size (merged)');
    assert.equal(mergeCommentKey({}, ['api']), 'workflow');
    assert.notEqual(commentMarker(mergeCommentKey(env, ['api'])), commentMarker(leg!));
  });
});

describe('a hostile report renders inert', () => {
  const NAME = '<img src=x> @someone | ::error::pwned';
  const merged = mergeReports([
    { file: 'legs/evil.json', report: makeReport([entry(NAME, 'linux/amd64', { passed: false, budgets: [{ id: 'max-size', limit: '1kB <b>|', actual: 90_000, passed: false, level: 'fail' }] })]) },
    { file: 'legs/web.json', report: makeReport([entry('web')]) },
  ]);

  it('markdown: escaped in the row, the headline and the details; one row of nine cells', () => {
    const body = renderMultiMarkdown(merged.images, { marker: commentMarker('image size'), footer: mergedFooter(merged, 2) });
    assert.doesNotMatch(body, /<img|@someone|<b>\||<b>\s/);
    assert.doesNotMatch(body, /^::/m);
    const row = body.split('\n').find((l) => l.startsWith('| ❌ |'))!;
    assert.equal(row.replace(/\\\|/g, '').split('|').length - 2, 8, row);
    assert.match(row, /&#60;img src=x&#62; &#64;someone &#124; &#58;&#58;error&#58;&#58;pwned/);
  });

  it('text, the failure line and the outputs: one line each, the name as data', () => {
    const text = renderMultiText(merged.images, { width: 120 });
    for (const line of text.split('\n')) assert.doesNotMatch(line, /^::/);
    const failure = failureMessage(merged, { budget: true });
    assert.equal(failure, `1 of 2 images failed: ${NAME}: budget exceeded (max-size 1kB <b>|)`);
    const outputs = runOutputs(merged);
    assert.equal((JSON.parse(outputs.results) as { name: string }[])[0]!.name, NAME);
  });

  it('200 failing images with the longest names allowed still fit the comment', () => {
    const huge = makeReport(
      Array.from({ length: 200 }, (_, i) => entry(`${i}${'<'.repeat(250)}`, 'linux/amd64', { passed: false, budgets: [{ id: 'max-size', limit: '|'.repeat(200), actual: 1, passed: false, level: 'fail' }] })),
    );
    const body = renderMultiMarkdown(huge.images, { marker: commentMarker('k'), footer: 'f' });
    assert.ok(body.length <= COMMENT_LIMIT, String(body.length));
    assert.match(body.split('\n')[1]!, / and \d+ more$/);
  });
});
