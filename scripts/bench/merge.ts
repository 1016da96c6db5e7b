// The merge part of `npm run bench` (issue 21): the fan-in of a large matrix — REPORTS report files, each one
// image on PLATFORMS platforms, shaped as compare writes them (layers, the top-20 file rows, package changes,
// findings with evidence, budgets; every 7th image over its budget) — merged by the bundled CLI
// (`merge DIR --format markdown` and `--format json`, node's start included), and the same in-process (read and
// check, merge, render) to show where the time goes. Prints the medians and the comment's length.
// Targets: < 2 s, comment < 65,536 characters. Nothing is asserted: this prints.
// Run alone: node --import tsx scripts/bench/merge.ts (after npm run build); ISG_BENCH_REPORTS, ISG_BENCH_PLATFORMS.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ImageEntry, ImageReport, Report } from '../../src/model/report.js';
import { findReportFiles, readReports } from '../../src/config/report-files.js';
import { mergeReports } from '../../src/report/merge-reports.js';
import { renderMultiMarkdown } from '../../src/report/multi-markdown.js';
import { commentMarker } from '../../src/report/markdown.js';
import { median } from './timed-run.js';

const PLATFORM_NAMES = ['linux/amd64', 'linux/arm64', 'linux/arm/v7', 'linux/ppc64le', 'linux/s390x', 'linux/386'];

/** A deterministic stream of numbers in [0, 1): the same reports every run. */
function numbers(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

function side(rand: () => number, name: string, layers: number, grow: number): ImageReport {
  const sizes = Array.from({ length: layers }, (_, i) => Math.round((i === 0 ? 80e6 : 4e6) * (0.5 + rand()) + grow / layers));
  const size = sizes.reduce((a, b) => a + b, 0);
  return {
    ref: (rand() * 2 ** 31).toString(16).padStart(8, '0').repeat(5), source: 'build', id: `sha256:${'0'.repeat(56)}${Math.floor(rand() * 1e8).toString(16).padStart(8, '0')}`,
    size, compressedSize: Math.round(size * 0.38), compressedSizeExact: false, fileCount: 4000 + Math.round(rand() * 20_000), wastedBytes: Math.round(size * 0.02), efficiency: 0.98,
    dockerfile: `services/${name}/Dockerfile`,
    layers: sizes.map((s, i) => ({
      diffId: `sha256:${i.toString(16).padStart(64, '0')}`, instruction: i === 0 ? 'FROM debian:bookworm-slim' : `RUN apt-get update && apt-get install -y --no-install-recommends package-${i} && rm -rf /var/lib/apt/lists/*`,
      size: s, compressedSize: null, fileCount: 100 + i * 37, dockerfileLine: i + 1,
    })),
  };
}

function entry(rand: () => number, name: string, platform: string, failing: boolean): ImageEntry {
  const base = side(rand, name, 12, 0);
  const head = side(rand, name, 12, 3e6 * rand());
  const sizeDelta = head.size - base.size;
  const row = (i: number) => ({ path: `/usr/lib/${name}/node_modules/@scope/package-${i}/dist/esm/internal/module-${i}.js`, kind: 'file' as const, status: 'changed' as const, baseSize: 10_000 + i, headSize: 12_000 + i * 3, delta: 2000 + i * 2 });
  const evidence = Array.from({ length: 5 }, (_, i) => ({ path: `/usr/local/bin/tool-${i}`, size: 900_000 + i, layer: 3, instruction: head.layers[3]!.instruction }));
  const limit = failing ? '100MB' : '1GB';
  return {
    name, platform, status: 'compared', head, base,
    diff: {
      sizeDelta, sizeDeltaPercent: (sizeDelta / base.size) * 100, compressedSizeDelta: Math.round(sizeDelta * 0.38),
      layers: head.layers.map((l, i) => ({ status: i % 3 ? 'unchanged' : 'changed', instruction: l.instruction, baseSize: base.layers[i]!.size, headSize: l.size, delta: l.size - base.layers[i]!.size })),
      files: Array.from({ length: 20 }, (_, i) => row(i)),
      config: { user: { base: 'root', head: 'app' } },
      packages: Array.from({ length: 20 }, (_, i) => ({ manager: 'dpkg' as const, name: `lib-package-${i}`, status: 'upgraded' as const, baseVersion: `1.${i}.0-1`, headVersion: `1.${i}.1-1`, sizeDelta: 1000 * i })),
      growth: { instruction: head.layers[1]!.instruction, delta: 3e6, dockerfile: { path: head.dockerfile!, line: 2 } },
    },
    findings: [
      { id: 'build-tools', severity: 'warning', status: 'existing', message: 'The image carries build tooling (4.5 MB): /usr/local/bin/tool-0, …', bytes: 4_500_000, evidence, dockerfile: { path: head.dockerfile!, line: 4 } },
      { id: 'package-cache', severity: 'warning', status: 'new', message: 'Package caches are left in the image (12 MB): /var/cache/apt/archives', bytes: 12e6, evidence: evidence.slice(0, 2), dockerfile: { path: head.dockerfile!, line: 3 } },
    ],
    budgets: [
      { id: 'max-size', limit, actual: head.size, passed: head.size <= (failing ? 100e6 : 1e9), level: 'fail' },
      { id: 'max-increase', limit: '10MB, 5%', actual: sizeDelta, passed: true, level: 'fail' },
      { id: 'max-layers', limit: '20', actual: 12, passed: true, level: 'fail' },
    ],
    passed: !failing || head.size <= 100e6,
  };
}

/** REPORTS files in a new directory, each one image on PLATFORMS platforms. */
export function writeReports(reports: number, platforms: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'isg-bench-merge-'));
  const rand = numbers(21);
  for (let i = 0; i < reports; i++) {
    const name = `service-${String(i).padStart(2, '0')}`;
    const images = PLATFORM_NAMES.slice(0, platforms).map((p) => entry(rand, name, p, i % 7 === 3));
    const report: Report = { schemaVersion: 1, tool: { name: 'image-size-guard', version: '0.1.0' }, passed: images.every((e) => e.passed), images };
    writeFileSync(join(dir, `${name}.json`), JSON.stringify(report, null, 2) + '\n');
  }
  return dir;
}

function cli(args: string[]): Promise<{ ms: number; code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['dist/cli/index.js', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - t0, code: code ?? 1, stderr }));
  });
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

export async function mergeBench(rounds: number, reports = Number(process.env.ISG_BENCH_REPORTS ?? 50), platforms = Number(process.env.ISG_BENCH_PLATFORMS ?? 4)): Promise<string[]> {
  const dir = writeReports(reports, platforms);
  const out = join(dir, 'out');
  try {
    const bytes = (await findReportFiles([dir], dir)).reduce((n, f) => n + statSync(f).size, 0);
    const markdown: number[] = [];
    const json: number[] = [];
    const inProcess: { read: number; merge: number; render: number }[] = [];
    for (let i = 0; i < rounds; i++) {
      for (const [format, times] of [['markdown', markdown], ['json', json]] as const) {
        const r = await cli(['merge', dir, '--format', format, '--output', `${out}.${format}`]);
        if (r.code > 1) throw new Error(`merge failed: ${r.stderr.trim()}`);
        times.push(r.ms);
      }
      const t0 = performance.now();
      const sources = await readReports(await findReportFiles([dir], dir), dir);
      const t1 = performance.now();
      const merged = mergeReports(sources);
      const t2 = performance.now();
      renderMultiMarkdown(merged.images, { marker: commentMarker('bench'), footer: 'bench' });
      inProcess.push({ read: t1 - t0, merge: t2 - t1, render: performance.now() - t2 });
    }
    const comment = readFileSync(`${out}.markdown`, 'utf8');
    const details = (comment.match(/<details><summary>[✅❌] <b>/g) ?? []).length;
    return [
      `merge: ${reports} reports × ${platforms} platforms = ${reports * platforms} rows, ${(bytes / 2 ** 20).toFixed(1)} MiB of JSON; node ${process.version}, ${rounds} rounds (medians)`,
      `merge --format markdown (the CLI, node's start included)   ${seconds(median(markdown))}   (target < 2 s)`,
      `merge --format json                                        ${seconds(median(json))}`,
      `in process: read and check ${seconds(median(inProcess.map((t) => t.read)))}, merge ${seconds(median(inProcess.map((t) => t.merge)))}, render ${seconds(median(inProcess.map((t) => t.render)))}`,
      `comment: ${comment.length} characters (limit 65,536), ${details} of ${reports * platforms} images' details shown`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  mergeBench(Number(process.env.ISG_BENCH_ROUNDS ?? 3)).then(
    (lines) => process.stdout.write(lines.join('\n') + '\n'),
    (err: Error) => {
      process.stderr.write(`bench: error: ${err.message}\n`);
      process.exitCode = 2;
    },
  );
}
