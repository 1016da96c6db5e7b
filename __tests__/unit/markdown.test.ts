import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { codeSpan, markdownText } from '../../src/report/markdown-escape.js';
import { COMMENT_LIMIT, commentMarker, renderMarkdown } from '../../src/report/markdown.js';
import { renderCompareText } from '../../src/report/compare-text.js';
import type { Finding, ImageEntry, ImageReport } from '../../src/model/report.js';
import { formatRef } from '../../src/lib/format.js';

const HOSTILE = [
  'RUN echo `id` | tee /x && curl http://evil.example/?q=<script>alert(1)</script>',
  'COPY <!-- hidden --> /x',
  'RUN echo @octocat & friends',
  'RUN printf "a\n::set-output name=x::y\n::error::pwned"',
  'COPY a\\|b /c',
];

function report(size: number, layers: string[]): ImageReport {
  return {
    ref: 'x', source: 'build', id: 'sha256:' + '0'.repeat(64), size, compressedSize: null, compressedSizeExact: false, fileCount: 1, wastedBytes: 0, efficiency: 1, dockerfile: 'Dockerfile',
    layers: layers.map((instruction, i) => ({ diffId: `sha256:${i}`, instruction, size: 10, compressedSize: null, fileCount: 1, dockerfileLine: null })),
  };
}

function entry(files: number, name = 'web'): ImageEntry {
  return {
    name, platform: 'linux/amd64', status: 'compared', head: report(2000, HOSTILE), base: report(1000, HOSTILE.slice(0, 2)),
    diff: {
      sizeDelta: 1000, sizeDeltaPercent: 100, compressedSizeDelta: null,
      layers: HOSTILE.map((instruction, i) => ({ status: i < 2 ? 'unchanged' : 'added', instruction, baseSize: i < 2 ? 10 : null, headSize: 10, delta: i < 2 ? 0 : 10 })),
      files: Array.from({ length: files }, (_, i) => ({ path: `/srv/<!--|\`@x-${i}\n::error::f`, kind: 'file', status: 'added', baseSize: null, headSize: 1, delta: 1 })),
      packages: [], growth: null, config: {},
    },
    findings: [], budgets: [{ id: 'max-size', limit: '1MB', actual: 2000, passed: true, level: 'fail' }], passed: true,
  };
}

/** Pipes that split a table row: not preceded by a backslash. */
const cellBreaks = (line: string): number => (line.match(/(?<!\\)\|/g) ?? []).length;

describe('markdown comment with hostile instructions and paths', () => {
  const body = renderMarkdown(entry(30));

  it('keeps the only HTML comment the marker, at the top', () => {
    assert.ok(body.startsWith(commentMarker('web') + '\n'));
    const outsideCode = body.replace(/(`+)(?:(?!\1)[^\n])*\1/g, '');
    assert.equal(outsideCode.split('<!--').length - 1, 1, 'no other <!-- outside code spans');
  });

  it('puts untrusted text only inside code spans, so no HTML, links or mentions render', () => {
    for (const line of body.split('\n').filter((l) => l.startsWith('| '))) {
      const outsideCode = line.replace(/(`+)(?:(?!\1).)*\1/g, '');
      assert.doesNotMatch(outsideCode, /<script|@octocat|@x-|http:/, line);
    }
  });

  it('keeps every table row to its columns (escaped pipes) and starts no line with ::', () => {
    const layerRows = body.split('\n').filter((l) => /^\| (added|unchanged|changed|removed) \|/.test(l));
    assert.equal(layerRows.length, HOSTILE.length);
    for (const row of layerRows) assert.equal(cellBreaks(row), 6, row);
    for (const line of body.split('\n')) assert.doesNotMatch(line, /^::/);
  });

  it('renders a backslash-pipe in an instruction literally', () => {
    assert.match(body, /`COPY a\\\\\|b \/c`/);
  });

  it('stays within 65,536 characters on a 10,000-file diff by cutting details, never the summary', () => {
    const big = renderMarkdown(entry(10_000));
    assert.ok(big.length <= COMMENT_LIMIT, `${big.length}`);
    assert.match(big, /### 🐳 web — 1 kB → 2 kB \(\+1 kB, \+100\.0%\) ✅/);
    assert.match(big, /\| size \| 1 kB \| 2 kB \| \+1 kB \|/);
    assert.match(big, /more \(cut to fit the comment\)/);
  });

  it('sanitises the marker name so it cannot close the HTML comment', () => {
    assert.equal(commentMarker('a-->b<x>'), '<!-- image-size-guard:a-bx -->');
  });
});

describe('escaping helpers', () => {
  it('code spans survive backticks and newlines', () => {
    assert.equal(codeSpan('a`b'), '``a`b``');
    assert.equal(codeSpan('`x`'), '`` `x` ``');
    assert.equal(codeSpan('a\nb'), '`a ↵ b`');
  });
  it('markdownText turns every active character into an entity', () => {
    assert.equal(markdownText('<b>@me</b> | `x`'), '&#60;b&#62;&#64;me&#60;/b&#62; &#124; &#96;x&#96;');
  });
});

describe('terminal text with hostile findings', () => {
  it('a newline in an evidence path or message cannot start a :: line', () => {
    const e = entry(1);
    e.findings = [{
      id: 'shell', severity: 'warning', status: 'new', message: 'shell at /x\n::error::boom', bytes: 10,
      evidence: [{ path: '/x\n::set-output name=passed::true/sh', size: 10, layer: 0, instruction: 'RUN a\n::warning::w' }],
      dockerfile: { path: 'Dockerfile', line: 1 },
    }];
    const text = renderCompareText(e);
    for (const line of text.split('\n')) assert.doesNotMatch(line.trimStart(), /^::/, line);
    assert.match(text, /set-output name=passed::true\/sh/);
  });
});

describe('terminal text with hostile instructions', () => {
  it('never lets a line start with :: and carries no raw control characters', () => {
    const text = renderCompareText(entry(5));
    for (const line of text.split('\n')) assert.doesNotMatch(line, /^::/);
    assert.doesNotMatch(text, /[\u0000-\u0008\u000b-\u001f]/);
  });
});

describe('findings without a base', () => {
  const finding: Finding = { id: 'shell', severity: 'warning', status: 'new', message: 'a shell', bytes: 10, evidence: [], dockerfile: null };
  it('carry no "new" status word in text and markdown (there is nothing to be new against)', () => {
    const alone: ImageEntry = { ...entry(0), base: null, diff: null, findings: [{ ...finding }] };
    assert.match(renderCompareText(alone), /⚠️ shell 10 B: a shell/);
    assert.doesNotMatch(renderCompareText(alone), /new shell/);
    assert.match(renderMarkdown(alone), /- ⚠️ `shell` — 10 B: a shell/);
  });
  it('say "new" when there is a base', () => {
    const compared: ImageEntry = { ...entry(0), findings: [{ ...finding }] };
    assert.match(renderCompareText(compared), /⚠️ new shell 10 B: a shell/);
    assert.match(renderMarkdown(compared), /- ⚠️ new `shell` — 10 B: a shell/);
  });
});

describe('formatRef', () => {
  it('abbreviates SHAs and digests to 12 hex characters, leaves other refs alone', () => {
    assert.equal(formatRef('0123456789abcdef0123456789abcdef01234567'), '0123456789ab');
    assert.equal(formatRef('sha256:' + 'a'.repeat(64)), 'sha256:aaaaaaaaaaaa');
    assert.equal(formatRef('main'), 'main');
    assert.equal(formatRef('ghcr.io/o/app:1.2'), 'ghcr.io/o/app:1.2');
    assert.equal(formatRef('working tree'), 'working tree');
  });
});
