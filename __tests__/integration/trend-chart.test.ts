// The size history without GitHub, through the bundled CLI: `compare --history FILE --record` (the trend under
// the report, this run's record appended, a bad line named by its number), `history FILE` in every format,
// and the markdown's mermaid charts rendered by the `mermaid` package in headless Chromium — one point per
// record plus this run's, every label where the file put it, and hostile names drawn as harmless text.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { HistoryRecord } from '../../src/model/history.js';
import { buildImage, removeImages, requireDocker, runDistCli } from '../helpers/docker.js';
import { mermaidBlocks, renderMermaid, withBrowser } from '../helpers/mermaid.js';

const HEAD = `isg-test/trend-head:${process.pid}`;
const HEAD_SIZE = 300_000;
const HOSTILE = 'api"]\n%%{init: {"theme":"forest"}}%%<img src=x onerror=alert(1)>';
let dir = '';

const sha = (i: number): string => (0x1000000 + i * 0x10101).toString(16).padEnd(40, '0');

function record(i: number, images: Record<string, number>, ref = 'refs/heads/main'): HistoryRecord {
  return {
    sha: sha(i),
    ref,
    date: new Date(Date.UTC(2026, 1, 1, i)).toISOString(),
    images: Object.entries(images).map(([name, size]) => ({ name, platform: 'linux/amd64', size, compressedSize: null, compressedSizeExact: false, layers: 1 })),
  };
}

const write = (file: string, records: HistoryRecord[], extra = ''): string => {
  const path = join(dir, file);
  writeFileSync(path, records.map((r) => JSON.stringify(r)).join('\n') + '\n' + extra);
  return path;
};

beforeAll(async () => {
  await requireDocker();
  dir = mkdtempSync(join(tmpdir(), 'isg-trend-'));
  await buildImage(HEAD, { 'a.bin': randomBytes(HEAD_SIZE), Dockerfile: 'FROM scratch\nCOPY a.bin /a.bin\n' });
  execFileSync('git', ['init', '-q', '-b', 'main', dir]);
  execFileSync('git', ['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '--allow-empty', '-m', 'one', '--date', '2026-03-04T05:06:07+02:00'], { env: { ...process.env, GIT_COMMITTER_DATE: '2026-03-04T05:06:07+02:00' } });
}, 600_000);

afterAll(async () => {
  await removeImages(HEAD);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('compare --history, history FILE', () => {
  it('compare: the trend under the report, a bad line named, this run recorded about HEAD', async () => {
    const file = write('sizes.jsonl', Array.from({ length: 40 }, (_, i) => record(i, { app: 200_000 + i * 2_000 })), 'not json\n');
    const r = await runDistCli(['compare', '--image', `local://${HEAD}`, '--name', 'app', '--history', 'sizes.jsonl', '--record'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /image-size-guard: warning: sizes\.jsonl line 41: not JSON: the line is skipped\n/);
    assert.match(r.stdout, /\nTrend \(in sizes\.jsonl\)\n {2}app: 220 kB → 278 kB over 30 records, this run 300 kB ▁[▁-█]{29}█\n$/);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    assert.equal(lines.length, 42, 'appended; the bad line is kept where it was');
    const head = execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD']).toString().trim();
    assert.deepEqual(JSON.parse(lines.at(-1)!), {
      sha: head, ref: 'refs/heads/main', date: '2026-03-04T03:06:07.000Z',
      images: [{ name: 'app', platform: JSON.parse(lines.at(-1)!).images[0].platform, size: HEAD_SIZE, compressedSize: JSON.parse(lines.at(-1)!).images[0].compressedSize, compressedSizeExact: false, layers: 1 }],
    });
  });

  it('compare --format markdown: one chart whose points are the last 30 records and this run', async () => {
    write('md.jsonl', Array.from({ length: 35 }, (_, i) => record(i, { app: 200_000 + i * 1_000 })));
    const r = await runDistCli(['compare', '--image', `local://${HEAD}`, '--name', 'app', '--history', 'md.jsonl', '--format', 'markdown'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const blocks = mermaidBlocks(r.stdout);
    assert.equal(blocks.length, 1);
    const drawn = await withBrowser((b) => renderMermaid(b, blocks[0]!));
    assert.equal(drawn.lines[0]!.length, 31);
    assert.deepEqual(drawn.labels.map((l) => l.text), [...Array.from({ length: 30 }, (_, i) => sha(i + 5).slice(0, 7)), 'this run']);
    drawn.lines[0]!.forEach((p, i) => assert.ok(Math.abs(p.y - drawn.labels[i]!.y) < 1, `point ${i} on its row`));
    assert.ok(drawn.lines[0]!.every((p, i, all) => i === 0 || p.x > all[i - 1]!.x), 'growing sizes draw rightwards');
  });

  it('history FILE: text, markdown (charts that render, hostile names harmless), json', async () => {
    const records = [
      ...Array.from({ length: 12 }, (_, i) => record(i, { web: 1_000_000 + i * 50_000, [HOSTILE]: 5_000_000 })),
      record(50, { web: 9 }, 'refs/heads/feature'),
    ];
    const file = write('h.jsonl', records, '{"sha": 5}\n');
    const text = await runDistCli(['history', file]);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stderr, /h\.jsonl line 14: sha is not a commit SHA \(hex\): the line is skipped/);
    assert.match(text.stdout, /^13 records of .*h\.jsonl\n/);
    assert.doesNotMatch(text.stdout, /\n%%|\u001b/);
    const md = await runDistCli(['history', file, '--format', 'markdown', '--last', '10']);
    assert.equal(md.code, 0, md.stderr);
    assert.doesNotMatch(md.stdout.replace(/`[^`\n]+`/g, ''), /<img/, 'the name is HTML nowhere (a code span shows it as text)');
    const blocks = mermaidBlocks(md.stdout);
    assert.equal(blocks.length, 2);
    const [web, hostile] = await withBrowser(async (b) => Promise.all(blocks.map((s) => renderMermaid(b, s))));
    assert.equal(web!.title, 'web');
    assert.equal(web!.lines[0]!.length, 10, 'the last 10 records (the feature branch\'s among them: a local file is not filtered)');
    assert.equal(web!.labels.at(-1)!.text, sha(50).slice(0, 7));
    assert.equal(hostile!.lines[0]!.length, 9);
    assert.match(hostile!.title, /^api_+init: _+theme_:_forest_+img src_x onerror_/, "the name, drawn as text (cut at 60 characters)");
    assert.doesNotMatch(hostile!.title, /["<>%{}\]]/);
    for (const d of [web!, hostile!]) assert.deepEqual(d.foreign, []);
    assert.doesNotMatch(hostile!.svg, /<img|onerror="/);
    const json = await runDistCli(['history', file, '--format', 'json']);
    assert.deepEqual((JSON.parse(json.stdout) as { records: HistoryRecord[] }).records, records);
  });

  it('mistakes are one line (exit 2)', async () => {
    const one = (r: { code: number; stderr: string }, re: RegExp) => {
      assert.equal(r.code, 2, r.stderr);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, re);
    };
    one(await runDistCli(['history', join(dir, 'missing.jsonl')]), /cannot read .*missing\.jsonl: ENOENT/);
    one(await runDistCli(['history']), /history takes exactly one file/);
    one(await runDistCli(['history', join(dir, 'h.jsonl'), '--format', 'html']), /--format must be text, markdown or json/);
    one(await runDistCli(['compare', '--image', `local://${HEAD}`, '--record']), /--record needs --history FILE/);
    one(await runDistCli(['compare', '--image', `local://${HEAD}`, '--history', 'nope.jsonl'], { cwd: dir }), /cannot read --history nope\.jsonl: ENOENT \(--record creates it\)/);
    const outside = mkdtempSync(join(tmpdir(), 'isg-nogit-'));
    try {
      one(await runDistCli(['compare', '--image', `local://${HEAD}`, '--history', 'x.jsonl', '--record'], { cwd: outside }), /--record needs the commit it records/);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
