// The comment on several images: summary table first (one row per image and platform), details folded and
// ordered, everything escaped, and under GitHub's limit by shortening and dropping details before summary rows.

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import type { Finding, ImageEntry, ImageReport, NotBuiltEntry, RemovedPlatform, ReportEntry } from '../../src/model/report.js';
import { COMMENT_LIMIT, commentMarker } from '../../src/report/markdown.js';
import { renderMultiMarkdown } from '../../src/report/multi-markdown.js';
import { renderMultiText } from '../../src/report/multi-text.js';
import { failures, headline, summaryRows } from '../../src/report/summary-table.js';
import { imageResults, runOutputs } from '../../src/report/run-outputs.js';
import { makeReport } from '../../src/report/image-report.js';

function side(size: number, layers = 2): ImageReport {
  return {
    ref: 'x', source: 'build', id: 'sha256:1', size, compressedSize: size / 2, compressedSizeExact: true, fileCount: 1, wastedBytes: 0, efficiency: 1, dockerfile: 'Dockerfile',
    layers: Array.from({ length: layers }, (_, i) => ({ diffId: `sha256:${i}`, instruction: `RUN step ${i}`, size: size / layers, compressedSize: null, fileCount: 1, dockerfileLine: null })),
  };
}

function finding(id: Finding['id'], status: Finding['status'], severity: Finding['severity'] = 'warning'): Finding {
  return { id, status, severity, message: `${id} here`, bytes: 2_000_000, evidence: [], dockerfile: null };
}

function compared(name: string, base: number | null, head: number, opts: Partial<ImageEntry> & { files?: number } = {}): ImageEntry {
  const files = opts.files ?? 3;
  return {
    name, platform: 'linux/amd64', status: 'compared', head: side(head), base: base === null ? null : side(base),
    diff: base === null ? null : {
      sizeDelta: head - base, sizeDeltaPercent: base ? ((head - base) / base) * 100 : null, compressedSizeDelta: (head - base) / 2,
      layers: [{ status: head === base ? 'unchanged' : 'changed', instruction: 'RUN step 1', baseSize: base, headSize: head, delta: head - base }],
      files: Array.from({ length: files }, (_, i) => ({ path: `/srv/${name}/file-${i}-${'p'.repeat(60)}`, kind: 'file', status: 'added', baseSize: null, headSize: 10, delta: 10 })),
      packages: [],
      growth: null,
      config: {},
    },
    findings: [], budgets: [], passed: true, ...opts,
  };
}

const notBuilt = (name: string, platform: string | null = null): NotBuiltEntry => ({ name, platform, status: 'not-built', passed: true, reason: `no change to ${name}/Dockerfile` });

const MARKER = commentMarker('CI/size');

describe('renderMultiMarkdown', () => {
  const api = compared('api', 100_000, 150_000, {
    passed: false,
    budgets: [{ id: 'max-size', limit: '120kB', actual: 150_000, passed: false, level: 'fail' }],
    findings: [finding('shell', 'new', 'error'), finding('package-cache', 'existing'), finding('build-tools', 'resolved')],
  });
  const worker = compared('worker', 50_000, 50_000, { budgets: [{ id: 'max-size', limit: '1MB', actual: 50_000, passed: true, level: 'fail' }] });
  const entries: ReportEntry[] = [notBuilt('web'), worker, api];

  it('marker, a headline naming the failure, then one row per image in the given order', () => {
    const body = renderMultiMarkdown(entries, { marker: MARKER, footer: 'isg test' });
    const lines = body.split('\n');
    assert.equal(lines[0], '<!-- image-size-guard:CI/size -->');
    assert.equal(lines[1], '### 🐳 3 images: 2 compared, 1 not built ❌ failed: api (max-size 120kB&#59; fail-on&#58; shell)'.replace('&#59;', ';'));
    const rows = lines.filter((l) => /^\| (✅|❌|➖) \|/.test(l));
    assert.deepEqual(rows, [
      '| ➖ | web | | | | | | unchanged — not built |',
      '| ✅ | worker | 50 kB | 50 kB | 0 B | 0% | ✅ | — |',
      '| ❌ | api | 100 kB | 150 kB | +50 kB | +50.0% | ❌ max-size 120kB | ❌ `shell` |',
    ]);
    assert.ok(body.trimEnd().endsWith('<sub>isg test</sub>'));
  });

  it('details: failed and changed images first, none for images not built', () => {
    const body = renderMultiMarkdown(entries, { marker: MARKER });
    const summaries = [...body.matchAll(/<details><summary>(✅|❌) <b>([a-z]+)<\/b>/g)].map((m) => `${m[1]} ${m[2]}`);
    assert.deepEqual(summaries, ['❌ api', '✅ worker']);
    assert.match(body, /<summary>❌ <b>api<\/b> linux\/amd64 — 100 kB → 150 kB \(\+50 kB, \+50\.0%\)<\/summary>/);
    assert.doesNotMatch(body, /<b>web<\/b>/);
    // the single-image body inside, without its own marker or footer
    assert.equal((body.match(/<!-- image-size-guard/g) ?? []).length, 1);
    assert.equal((body.match(/<sub>image-size-guard/g) ?? []).length, 1);
  });

  it('the same name on several platforms: one row each, labelled with the platform', () => {
    const arm = { ...compared('api', 10, 20), platform: 'linux/arm64' };
    const rows = summaryRows([compared('api', 10, 20), arm, notBuilt('web', 'linux/amd64')]);
    assert.deepEqual(rows.map((r) => r.label), ['api (linux/amd64)', 'api (linux/arm64)', 'web']);
  });

  it('an image not built is one row whatever its platforms, naming a list or all as given', () => {
    const rows = summaryRows([notBuilt('api', 'linux/amd64,linux/arm64'), notBuilt('web', 'all'), notBuilt('db', 'linux/amd64')]);
    assert.deepEqual(rows.map((r) => r.label), ['api (linux/amd64, linux/arm64)', 'web (all)', 'db']);
  });

  it('hostile names are escaped in the table, the headline and the summary', () => {
    const evil = compared('x|<img src=y>`@team', 10, 2_000_000, { passed: false, budgets: [{ id: 'max-size', limit: '1MB', actual: 2_000_000, passed: false, level: 'fail' }] });
    const body = renderMultiMarkdown([evil, notBuilt('<!-- hide -->')], { marker: MARKER });
    // (file rows come from the single-image renderer, whose code spans its own tests check)
    const bad = body.split('\n').filter((l) => !l.startsWith('| +') && /<img|@team|<!-- hide/.test(l));
    assert.deepEqual(bad, []);
    assert.equal(body.split('\n').filter((l) => l.startsWith('| ❌ |'))[0]!.split(/(?<!\\)\|/).length, 10, 'the pipe in the name does not add a cell');
  });

  it('a single image that was not built says so', () => {
    const body = renderMultiMarkdown([notBuilt('api')], { marker: commentMarker('api') });
    assert.match(body, /^<!-- image-size-guard:api -->\n### 🐳 api — unchanged — not built ✅\n/);
    assert.match(body, /Not built: no change to api\/Dockerfile/);
  });

  it('stays under the limit by dropping details before summary rows, the biggest details first', () => {
    const many = [compared('small', 10, 20, { files: 2 }), compared('huge', 10, 30, { files: 3000 }), notBuilt('idle')];
    const full = renderMultiMarkdown(many, { marker: MARKER, limit: 1_000_000 });
    assert.ok(full.length > COMMENT_LIMIT, 'uncut it would not fit');
    const body = renderMultiMarkdown(many, { marker: MARKER });
    assert.ok(body.length <= COMMENT_LIMIT, `${body.length}`);
    assert.equal(body.split('\n').filter((l) => /^\| (✅|❌|➖) \|/.test(l)).length, 3, 'every summary row');
    assert.match(body, /<summary>✅ <b>small<\/b>/);
    assert.match(body, /<summary>✅ <b>huge<\/b>/, 'huge keeps its details, shortened');
    assert.match(body, /cut to fit the comment/);

    const tight = renderMultiMarkdown(many, { marker: MARKER, limit: 1500 });
    assert.ok(tight.length <= 1500, `${tight.length}`);
    assert.equal(tight.split('\n').filter((l) => /^\| (✅|❌|➖) \|/.test(l)).length, 3, 'rows survive when details go');
    assert.match(tight, /Details of 1 image left out to fit the comment/);
    assert.equal((tight.match(/<summary>✅ <b>(small|huge)<\/b>/g) ?? []).length, 1, 'one image keeps its details');
    assert.equal((tight.match(/<details>/g) ?? []).length, (tight.match(/<\/details>/g) ?? []).length, 'every <details> is closed');
  });

  it('summary rows are cut, with a note, only when the table alone is too long', () => {
    const lots = Array.from({ length: 2000 }, (_, i) => notBuilt(`service-${i}`));
    const body = renderMultiMarkdown(lots, { marker: MARKER });
    assert.ok(body.length <= COMMENT_LIMIT, `${body.length}`);
    const rows = body.split('\n').filter((l) => l.startsWith('| ➖ |')).length;
    assert.ok(rows > 500 && rows < 2000, `${rows}`);
    assert.match(body, new RegExp(`…and ${2000 - rows} more images \\(cut to fit the comment; the JSON report has them all\\)`));
    assert.ok(body.trimEnd().endsWith('</sub>'), 'the footer stays');
  });
});

describe('renderMultiText', () => {
  it('a summary table, then one section per compared image', () => {
    const api = compared('api', 100_000, 150_000, { passed: false, budgets: [{ id: 'max-size', limit: '120kB', actual: 150_000, passed: false, level: 'fail' }], findings: [finding('shell', 'new', 'error')] });
    const text = renderMultiText([notBuilt('web'), api], { width: 100 });
    const lines = text.split('\n');
    assert.equal(lines[0], '2 images: 1 compared, 1 not built ❌ failed: api (max-size 120kB; fail-on: shell)');
    assert.match(text, /^ {2}➖ web\s+unchanged — not built$/m);
    assert.match(text, /^ {2}❌ api\s+100 kB\s+150 kB\s+\+50 kB\s+\+50\.0%\s+failed: max-size 120kB\s+shell \(fails\)$/m);
    assert.match(text, /^── api \(linux\/amd64\) ─+$/m);
    assert.match(text, /^api — 100 kB → 150 kB \(\+50 kB, \+50\.0%\) ❌$/m);
    // the columns line up: the header's "base" column ends where the rows' sizes end
    const header = lines.find((l) => l.includes('image') && l.includes('base'))!;
    const row = lines.find((l) => l.includes('❌ api'))!;
    // the mark is one character but two columns wide on a terminal
    assert.equal(header.indexOf('base') + 'base'.length, row.indexOf('100 kB') + '100 kB'.length + 1, 'the mark is outside the aligned table');
  });
});

describe('renderMultiText, one image not built', () => {
  it('says so, with the reason', () => {
    assert.equal(renderMultiText([notBuilt('api')]), 'api — unchanged — not built ✅\n  no change to api/Dockerfile\n');
  });
});

describe('outputs of several images', () => {
  const a = compared('a', 100, 150, { findings: [finding('shell', 'new')] });
  const b = compared('b', 1000, 900, { findings: [finding('package-cache', 'existing'), finding('build-tools', 'resolved')] });
  const c = compared('c', null, 70);
  const report = makeReport([a, b, c, notBuilt('d')]);

  it('sums, the worst percent, the most layers, every finding present; not-built images count in none', () => {
    const o = runOutputs(report);
    assert.equal(o.size, String(150 + 900 + 70));
    assert.equal(o['base-size'], String(100 + 1000));
    assert.equal(o['size-delta'], String(50 - 100));
    assert.equal(o['size-delta-percent'], '50');
    assert.equal(o['compressed-size'], String((150 + 900 + 70) / 2));
    assert.equal(o.layers, '2');
    assert.equal(o.findings, 'shell,package-cache');
    assert.equal(o.passed, 'true');
  });

  it('results: one object per image, not-built ones with null sizes', () => {
    assert.deepEqual(JSON.parse(runOutputs(report).results), imageResults(report));
    assert.deepEqual(imageResults(report)[3], { name: 'd', platform: null, status: 'not-built', size: null, baseSize: null, sizeDelta: null, sizeDeltaPercent: null, passed: true, warned: false, findings: [] });
    assert.deepEqual(imageResults(report)[0], { name: 'a', platform: 'linux/amd64', status: 'compared', size: 150, baseSize: 100, sizeDelta: 50, sizeDeltaPercent: 50, passed: true, warned: false, findings: ['shell'] });
  });

  it('one image: its own numbers', () => {
    const o = runOutputs(makeReport([a]));
    assert.deepEqual([o.size, o['base-size'], o['size-delta'], o['size-delta-percent'], o.layers], ['150', '100', '50', '50', '2']);
  });

  it('only not-built images: empty sizes, passed', () => {
    const o = runOutputs(makeReport([notBuilt('x')]));
    assert.deepEqual([o.size, o['base-size'], o['size-delta'], o['size-delta-percent'], o['compressed-size'], o.layers, o.passed], ['', '', '', '', '', '', 'true']);
  });

  it('failures name each failing image and why', () => {
    const f = compared('f', 1, 2, { passed: false, findings: [finding('shell', 'new', 'error')] });
    assert.deepEqual(failures([a, f, notBuilt('d')]), ['f (fail-on: shell)']);
  });
});

describe('one image on several platforms: added and removed platforms', () => {
  const amd = compared('app', 100_000, 150_000);
  const s390x: ImageEntry = { ...compared('app', null, 70_000), platform: 'linux/s390x', platformAdded: true };
  const gone: RemovedPlatform = { name: 'app', platform: 'linux/arm64', base: side(60_000) };
  const other = compared('other', 10, 20);

  it('rows keyed by name and platform: the added one labelled, the removed one after its image\'s other rows', () => {
    const rows = summaryRows([amd, s390x, other], [gone]);
    assert.deepEqual(rows.map((r) => [r.label, r.mark, r.base, r.head]), [
      ['app (linux/amd64)', '✅', '100 kB', '150 kB'],
      ['app (linux/s390x, added platform)', '✅', '—', '70 kB'],
      ['app (linux/arm64)', '➖', '60 kB', '—'],
      ['other', '✅', '10 B', '20 B'],
    ]);
  });

  it('the headline counts images and rows; one row per image keeps the old wording', () => {
    assert.equal(headline([amd, s390x], [gone]), '1 image (3 rows): 2 compared (1 added platform), 1 platform removed');
    assert.equal(headline([amd, other]), '2 images: 2 compared');
  });

  it('markdown: the removed platform is a row, not a details section; the added one says so in its details', () => {
    const body = renderMultiMarkdown([amd, s390x], { marker: commentMarker('app'), removed: [gone] });
    const rows = body.split('\n').filter((l) => /^\| (✅|❌|➖) \|/.test(l));
    assert.equal(rows[2], '| ➖ | app (linux/arm64) | 60 kB | — | | | | platform removed — only the base has it |');
    assert.match(body, /<summary>✅ <b>app<\/b> linux\/s390x — 70 kB \(added platform\)<\/summary>/);
    assert.equal((body.match(/<details><summary>(✅|❌) <b>/g) ?? []).length, 2, 'a details section per compared platform');
  });

  it('text: the removed row, and each section names its platform as its row does', () => {
    const failing = { ...amd, passed: false, budgets: [{ id: 'max-compressed-increase' as const, limit: '10kB', actual: 25_000, passed: false, level: 'fail' as const }] };
    const text = renderMultiText([failing, s390x], { width: 100, removed: [gone] });
    assert.match(text, /^1 image \(3 rows\): 2 compared \(1 added platform\), 1 platform removed ❌ failed: app \(linux\/amd64\) \(max-compressed-increase 10kB\)$/m);
    assert.match(text, /^ {2}➖ app \(linux\/arm64\)\s+60 kB\s+—\s+platform removed — only the base has it$/m);
    assert.match(text, /^app \(linux\/amd64\) — 100 kB → 150 kB \(\+50 kB, \+50\.0%\) ❌$/m);
    assert.match(text, /^app \(linux\/s390x, added platform\) — 70 kB \(no baseline\) ✅$/m);
  });

  it('outputs: sums over the platforms with a baseline; results mark the added and the removed platform', () => {
    const report = makeReport([amd, s390x, other], [gone]);
    const o = runOutputs(report);
    assert.equal(o.size, String(150_000 + 70_000 + 20));
    assert.equal(o['base-size'], String(100_000 + 10), 'the added platform has no base; the removed one counts in none');
    assert.equal(o['size-delta'], String(50_000 + 10));
    assert.equal(o['compressed-size-delta'], String(25_000 + 5));
    const results = imageResults(report);
    assert.deepEqual(results.map((r) => [r.name, r.platform, r.status, r.platformAdded ?? false, r.baseSize]), [
      ['app', 'linux/amd64', 'compared', false, 100_000],
      ['app', 'linux/s390x', 'compared', true, null],
      ['other', 'linux/amd64', 'compared', false, 10],
      ['app', 'linux/arm64', 'removed', false, 60_000],
    ]);
  });

  it('compressed-size-delta is empty when an entry with a baseline has no compressed sizes', () => {
    const unknown = { ...other, diff: { ...other.diff!, compressedSizeDelta: null } };
    assert.equal(runOutputs(makeReport([amd, unknown]))['compressed-size-delta'], '');
    assert.equal(runOutputs(makeReport([amd]))['compressed-size-delta'], '25000');
  });
});
