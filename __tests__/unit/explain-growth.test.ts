// What explains the growth: the layer (and Dockerfile line) that grew most, findings that point at a line and
// say what fixing them is worth, the packages behind the tooling, a failure that names its causes, and the
// renderers that show it all (with hostile package names).

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { detectMissingMultiStage } from '../../src/analysis/findings/missing-multi-stage.js';
import { detectShell } from '../../src/analysis/findings/shell.js';
import { resolvedMessage } from '../../src/analysis/findings/resolved-message.js';
import { diffImages } from '../../src/analysis/diff-images.js';
import { layerLocation } from '../../src/analysis/layer-location.js';
import { listPackages } from '../../src/analysis/packages/installed-packages.js';
import { parseFailOn } from '../../src/config/fail-on.js';
import type { Finding, ImageEntry, ImageReport, PackageChange } from '../../src/model/report.js';
import { fitFindingLines, renderCompareText } from '../../src/report/compare-text.js';
import { failureMessage } from '../../src/report/failure-message.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderImageText } from '../../src/report/text.js';
import { ctx, exe, file, fs, link, MB } from '../helpers/finding-fixtures.js';
import { files, imageModel, layers } from '../helpers/model-builder.js';

const DF = { path: 'Dockerfile', singleStage: true, fromLine: 1 };

describe('layerLocation', () => {
  it('a mapped layer gives its line; a base-image layer (before the first mapped one) the FROM line; an unmatched later one none', () => {
    const lines = [null, null, 4, null, 7];
    assert.deepEqual(layerLocation(DF, lines, 2), { path: 'Dockerfile', line: 4 });
    assert.deepEqual(layerLocation(DF, lines, 0), { path: 'Dockerfile', line: 1 });
    assert.deepEqual(layerLocation(DF, lines, 1), { path: 'Dockerfile', line: 1 });
    assert.equal(layerLocation(DF, lines, 3), null);
    assert.deepEqual(layerLocation(DF, [null, null], 1), { path: 'Dockerfile', line: 1 }, 'nothing mapped: every layer is the base image');
    assert.equal(layerLocation(null, lines, 2), null);
    assert.equal(layerLocation(DF, lines, null), null);
  });

  it('a shell that comes with the base image is found on the FROM line', () => {
    const shellFiles = fs({ '/bin/sh': link('dash', 0), '/bin/dash': exe(120_000, 0), '/hello': exe(MB, 2) });
    const f = detectShell(ctx({ files: shellFiles, dockerfile: { ...DF, fromLine: 3 }, layerLines: [null, null, 4] }))!;
    assert.deepEqual(f.dockerfile, { path: 'Dockerfile', line: 3 });
  });
});

describe('growth: the layer that grew most', () => {
  const base = imageModel({ layers: layers(['sha256:os', 'ADD rootfs /', 80 * MB], ['sha256:app', 'COPY app /app # buildkit', MB]) });
  const head = imageModel({
    layers: layers(['sha256:os', 'ADD rootfs /', 80 * MB], ['sha256:apt', 'RUN /bin/sh -c apt-get install -y curl # buildkit', 12 * MB], ['sha256:app2', 'COPY app /app # buildkit', 3 * MB]),
  });

  it('is the added or changed layer with the largest positive delta, located by the caller', () => {
    const d = diffImages(base, head, { locate: (i) => ({ path: 'Dockerfile', line: [1, 5, 9][i]! }) });
    assert.deepEqual(d.growth, { instruction: 'RUN apt-get install -y curl', delta: 12 * MB, dockerfile: { path: 'Dockerfile', line: 5 } });
    assert.equal(diffImages(base, head).growth!.dockerfile, null, 'no Dockerfile: no line');
  });

  it('is null when no layer grew', () => {
    assert.equal(diffImages(head, base).growth, null);
    assert.equal(diffImages(base, base).growth, null);
  });
});

describe('what fixing a finding is worth', () => {
  it('a resolved missing-multi-stage states what the change saved', () => {
    const f = { id: 'missing-multi-stage', bytes: 455_700_000, evidence: [{ path: '/usr/lib/go-1.19', size: 1, layer: 1, instruction: '' }, { path: '/usr/share/go-1.19', size: 1, layer: 1, instruction: '' }] } as const;
    assert.equal(
      resolvedMessage({ ...f, evidence: [...f.evidence] }, { baseSize: 577_300_000, headSize: 1_800_000 }),
      'The change saved 575.5 MB (577.3 MB → 1.8 MB): the final image no longer ships the 455.7 MB of build tooling the single-stage build left in it (/usr/lib/go-1.19 and /usr/share/go-1.19).',
    );
    assert.match(resolvedMessage({ ...f, evidence: [] }, { baseSize: 10, headSize: 20 }), /^The image grew \+10 B \(10 B → 20 B\), though the final image no longer ships/);
    assert.match(resolvedMessage({ ...f, evidence: [] }, null), /^The final image no longer ships the 455\.7 MB of build tooling/);
    assert.equal(resolvedMessage({ id: 'shell', bytes: 1, evidence: [{ path: '/bin/sh', size: 1, layer: 0, instruction: '' }] }, null), 'The image no longer contains a shell (/bin/sh).');
  });

  it('a new missing-multi-stage names the biggest packages behind the tooling, with their bytes in it', () => {
    const c = ctx({
      files: fs({
        '/usr/lib/go-1.19/bin/go': exe(15 * MB, 1),
        '/usr/lib/go-1.19/pkg/tool/linux_amd64/compile': exe(300 * MB, 1),
        '/usr/share/go-1.19/src/fmt/print.go': file(100 * MB, 1),
        '/usr/bin/perl': exe(4 * MB, 1),
        '/var/lib/dpkg/status': file(10, 1),
      }),
      dockerfile: DF,
      layerLines: [1, 3, 5],
      captured: {
        '/var/lib/dpkg/status': ['golang-1.19-go', 'golang-1.19-src', 'perl-base'].map((n) => `Package: ${n}\nStatus: install ok installed\nVersion: 1\n`).join('\n'),
        '/var/lib/dpkg/info/golang-1.19-go.list': '/usr/lib/go-1.19/bin/go\n/usr/lib/go-1.19/pkg/tool/linux_amd64/compile\n',
        '/var/lib/dpkg/info/golang-1.19-src.list': '/usr/share/go-1.19/src/fmt/print.go\n',
        '/var/lib/dpkg/info/perl-base.list': '/usr/bin/perl\n',
      },
    });
    c.packages = listPackages({ files: c.model.files, capturedFiles: c.captured as Map<string, Buffer> });
    const f = detectMissingMultiStage(c)!;
    assert.match(f.message, /ships 415 MB of build tooling \(\/usr\/lib\/go-1\.19 and \/usr\/share\/go-1\.19; mostly the packages golang-1\.19-go \(315 MB\) and golang-1\.19-src \(100 MB\)\)/);
    assert.doesNotMatch(f.message, /perl/);
  });
});

const report = (size: number): ImageReport => ({
  ref: 'x', source: 'build', id: 'sha256:' + '0'.repeat(64), size, compressedSize: null, compressedSizeExact: false, fileCount: 1, wastedBytes: 0, efficiency: 1, dockerfile: 'Dockerfile',
  layers: [{ diffId: 'sha256:1', instruction: 'RUN x', size, compressedSize: null, fileCount: 1, dockerfileLine: 3 }],
});

function entry(opts: { findings?: Finding[]; passed?: boolean; packages?: PackageChange[]; budgets?: ImageEntry['budgets'] } = {}): ImageEntry {
  return {
    name: 'web', platform: 'linux/amd64', status: 'compared', head: report(130 * MB), base: report(10 * MB),
    diff: {
      sizeDelta: 120 * MB, sizeDeltaPercent: 1200, compressedSizeDelta: null,
      layers: [{ status: 'added', instruction: 'RUN apt-get install -y `x` | y', baseSize: null, headSize: 120 * MB, delta: 120 * MB }],
      files: [],
      packages: opts.packages ?? [],
      growth: { instruction: 'RUN apt-get install -y `x` | y\n::error::z', delta: 120 * MB, dockerfile: { path: 'Dockerfile', line: 7 } },
      config: {},
    },
    findings: opts.findings ?? [], budgets: opts.budgets ?? [], passed: opts.passed ?? true,
  };
}

const finding = (id: Finding['id'], status: Finding['status'], severity: Finding['severity'], dockerfile: Finding['dockerfile']): Finding => ({ id, severity, status, message: 'm', bytes: 1, evidence: [], dockerfile });

describe('the failure message', () => {
  it('names each failing budget and each fail-on finding with its status and line', () => {
    const e = entry({
      passed: false,
      budgets: [
        { id: 'max-size', limit: '100MB', actual: 130 * MB, passed: false, level: 'fail' },
        { id: 'max-layers', limit: '5', actual: 1, passed: true, level: 'fail' },
        { id: 'max-increase', limit: '10MB, 5%', actual: 120 * MB, passed: false, level: 'fail' },
      ],
      findings: [
        finding('shell', 'new', 'error', { path: 'Dockerfile', line: 1 }),
        finding('package-cache', 'existing', 'warning', { path: 'Dockerfile', line: 2 }),
        finding('build-tools', 'existing', 'error', null),
        finding('missing-multi-stage', 'resolved', 'error', { path: 'Dockerfile', line: 1 }),
      ],
    });
    const report = { schemaVersion: 1 as const, tool: { name: 't', version: '0' }, passed: false, images: [e] };
    assert.equal(
      failureMessage(report, parseFailOn('budget, shell, build-tools')),
      'budget exceeded (max-size 100MB, max-increase 10MB, 5%); fail-on: shell (new, Dockerfile:1), build-tools (existing)',
    );
    assert.equal(failureMessage(report, parseFailOn('shell, build-tools')), 'fail-on: shell (new, Dockerfile:1), build-tools (existing)', 'budgets only fail with fail-on budget');
    const two = { ...report, images: [e, { ...e, name: 'api', passed: true }, { ...e, name: 'worker', findings: [], budgets: [{ id: 'max-layers' as const, limit: '1', actual: 2, passed: false, level: 'fail' as const }] }] };
    assert.equal(
      failureMessage(two, parseFailOn('budget, shell, build-tools')),
      '2 of 3 images failed: web: budget exceeded (max-size 100MB, max-increase 10MB, 5%); fail-on: shell (new, Dockerfile:1), build-tools (existing) · worker: budget exceeded (max-layers 1)',
    );
    // one image on two platforms: the failing platform named, not counted as an image
    const platforms = { ...report, images: [e, { ...e, platform: 'linux/arm64', passed: true }] };
    assert.equal(
      failureMessage(platforms, parseFailOn('budget, shell, build-tools')),
      'linux/amd64: budget exceeded (max-size 100MB, max-increase 10MB, 5%); fail-on: shell (new, Dockerfile:1), build-tools (existing)',
    );
    // each image's own fail-on decides whether its budgets are causes
    assert.equal(
      failureMessage(two, (x) => parseFailOn(x.name === 'web' ? 'shell' : 'budget')),
      '2 of 3 images failed: web: fail-on: shell (new, Dockerfile:1), build-tools (existing) · worker: budget exceeded (max-layers 1)',
    );
  });

  it('stays one line whatever the Dockerfile path holds', () => {
    const e = entry({ passed: false, findings: [finding('shell', 'new', 'error', { path: 'a\n::error::pwned', line: 1 })] });
    const msg = failureMessage({ schemaVersion: 1, tool: { name: 't', version: '0' }, passed: false, images: [e] }, parseFailOn('shell'));
    assert.doesNotMatch(msg, /\n/);
    assert.match(msg, /^fail-on: shell \(new, a ↵ ::error::pwned:1\)$/);
  });
});

describe('rendering the growth and the package changes', () => {
  const hostile: PackageChange[] = [
    { manager: 'npm', name: '@evil/<script>|x`y', status: 'added', baseVersion: null, headVersion: '1.0.0\n::error::x', sizeDelta: 120 * MB },
    { manager: 'dpkg', name: 'golang-1.19-go', status: 'removed', baseVersion: '1.19.8-2', headVersion: null, sizeDelta: -312 * MB },
    { manager: 'pip', name: 'tiny-pkg', status: 'upgraded', baseVersion: '1.0', headVersion: '2.0', sizeDelta: 600_000 },
    ...Array.from({ length: 30 }, (_, i): PackageChange => ({ manager: 'dpkg', name: `lib${i}`, status: 'added', baseVersion: null, headVersion: '1', sizeDelta: 1000 - i })),
  ];

  it('text: the summary names the line that grew; the top package changes are listed, the rest counted', () => {
    const text = renderCompareText(entry({ packages: hostile }));
    const lines = text.split('\n');
    assert.equal(lines[1], 'Largest growth: Dockerfile:7 RUN apt-get install -y `x` | y ↵ ::error::z +120 MB');
    assert.match(text, /Package changes \(33 changed: 31 added, 1 removed, 1 upgraded\)/);
    assert.match(text, /^ {2}− {2}golang-1\.19-go +dpkg +1\.19\.8-2 +−312 MB$/m);
    assert.match(text, /^ {2}~ {2}tiny-pkg +pip +1\.0 → 2\.0 +\+600 kB$/m);
    assert.match(text, /…and 23 more \(--format json lists them all\)/);
    for (const l of lines) assert.doesNotMatch(l, /^::/);
  });

  it('markdown: growth in the summary, package changes folded, untrusted text in code spans', () => {
    const md = renderMarkdown(entry({ packages: hostile }));
    assert.match(md, /^Largest growth: `Dockerfile:7` ``RUN apt-get install -y `x` \| y ↵ ::error::z`` \+120 MB$/m);
    assert.match(md, /<details><summary>Package changes \(33 changed: 31 added, 1 removed, 1 upgraded\)<\/summary>/);
    assert.match(md, /^\| − \| `golang-1\.19-go` \| dpkg \| `1\.19\.8-2` \| −312 MB \|$/m);
    const evil = md.split('\n').find((l) => l.includes('@evil'))!;
    assert.equal((evil.match(/(?<!\\)\|/g) ?? []).length, 6, evil);
    assert.doesNotMatch(evil.replace(/(`+)(?:(?!\1).)*\1/g, ''), /<script|@evil/);
    assert.match(md, /…and 13 more \(the JSON report lists them all\)/);
  });

  it('text: a finding message is wrapped to the width, not cut; evidence lines are cut', () => {
    const message = `✅ resolved missing-multi-stage: The change saved 575.4 MB (577.3 MB → 1.8 MB): the final image no longer ships the 455.7 MB of build tooling ${'y'.repeat(150)} end`;
    const lines = fitFindingLines([`${message}\n      /usr/lib/go-1.19  342 MB  (layer 2: RUN ${'z'.repeat(200)})`], 60);
    for (const l of lines) assert.ok(l.length <= 60, `${l.length}: ${l}`);
    assert.equal(lines[0], '  ✅ resolved missing-multi-stage: The change saved 575.4 MB');
    assert.match(lines[1]!, /^ {8}\(577\.3 MB → 1\.8 MB\): the final image no longer ships/);
    assert.equal(lines.slice(0, -1).map((l) => l.trim()).join(' ').replace(/(y) (?=y)/g, '$1'), message, 'nothing lost (a word longer than the line is split)');
    assert.match(lines.at(-1)!, /^ {8}\/usr\/lib\/go-1\.19 {2}342 MB {2}\(layer 2: RUN z+…$/);
  });

  it('inspect text lists the largest packages', () => {
    const model = imageModel({ layers: layers(['sha256:a', 'ADD x /', 10]), files: files({ '/x': 10 }) });
    const pk = [
      { manager: 'dpkg' as const, name: 'libc6', version: '2.36-9', size: 13_000_000 },
      { manager: 'pip' as const, name: 'tiny\u001b[31m', version: '1.0', size: 300_000 },
    ];
    const text = renderImageText('img', 'linux/amd64', { ...report(10), packages: pk }, model, { packages: pk, packageRows: 1 });
    assert.match(text, /Largest packages \(2 installed, 13\.3 MB in all\)/);
    assert.match(text, /^ {2}libc6 +dpkg +2\.36-9 +13 MB$/m);
    assert.match(text, /…and 1 more/);
    assert.doesNotMatch(text, /\u001b/);
  });
});
