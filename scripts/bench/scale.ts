// The scale part of `npm run bench`: peak memory on images of many small files.
//   inspect of a 400,000-file image (four COPY layers of Python-style package trees), --compressed-size off
//   compare of two 1,000,000-file images (ten such layers; the head changes the top one), default options
// The images are built once (deterministic content) and reused by tag. It also checks that the progress
// output ends with the size of the `docker save` stream. Nothing is asserted: this prints measurements.
// Run alone: node --import tsx scripts/bench/scale.ts (after npm run build).

import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadScaleImage, type ScaleLayer } from './make-scale-image.js';

const MIB = 2 ** 20;
const mib = (b: number): string => `${(b / MIB).toFixed(1)} MiB`;

const layersOf = (n: number, avg: number, prefix: string): ScaleLayer[] =>
  Array.from({ length: n }, (_, i) => ({ name: `${prefix}${i}`, files: 100_000, avgFileBytes: avg }));

const INSPECT_TAG = 'isg-bench/scale:400k-v1';
const INSPECT_LAYERS = layersOf(4, 600, 'p');
const BASE_TAG = 'isg-bench/scale:1m-base-v1';
const HEAD_TAG = 'isg-bench/scale:1m-head-v1';
const BASE_LAYERS = layersOf(10, 300, 'q');
const HEAD_LAYERS = BASE_LAYERS.map((l, i) => (i === BASE_LAYERS.length - 1 ? { ...l, variant: 1 } : l));

interface Run {
  ms: number;
  code: number;
  stderr: string;
  stdoutBytes: number;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    let stderr = '';
    let stdoutBytes = 0;
    child.stdout.on('data', (d: Buffer) => (stdoutBytes += d.length));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - t0, code: code ?? 1, stderr, stdoutBytes }));
  });
}

async function ensureImage(docker: string, tag: string, layers: ScaleLayer[]): Promise<void> {
  if ((await run(docker, ['image', 'inspect', tag])).code === 0) return;
  process.stderr.write(`bench: building ${tag} (${layers.length} layers of ${layers[0]?.files} files)…\n`);
  const t0 = performance.now();
  const stats = await loadScaleImage(tag, layers, docker);
  process.stderr.write(`bench: loaded ${tag} in ${((performance.now() - t0) / 1000).toFixed(0)} s: ${stats.files} files, ${mib(stats.streamBytes)} of layer tars\n`);
}

const peakRss = (stderr: string): number => Number(/maxRSS=(\d+)/.exec(stderr)?.[1] ?? NaN) * 1024;

/** The byte count of the progress output's last line ("… 412 MB read …"), in bytes. */
function lastProgressBytes(stderr: string): number | null {
  const lines = stderr.split('\n').filter((l) => l.startsWith('reading '));
  const m = /: ([\d.]+) (B|kB|MB|GB|TB) read/.exec(lines.at(-1) ?? '');
  if (!m) return null;
  const unit = { B: 1, kB: 1e3, MB: 1e6, GB: 1e9, TB: 1e12 }[m[2] as 'B'];
  return Number(m[1]) * unit;
}

export async function scaleBench(docker: string): Promise<string[]> {
  await ensureImage(docker, INSPECT_TAG, INSPECT_LAYERS);
  await ensureImage(docker, BASE_TAG, BASE_LAYERS);
  await ensureImage(docker, HEAD_TAG, HEAD_LAYERS);
  const out = join(tmpdir(), `isg-bench-scale-${process.pid}.json`);
  const cli = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> =>
    run(process.execPath, ['dist/cli/index.js', ...args, '--format', 'json', '--output', out], { ...process.env, ISG_STATS: '1', ...env });
  try {
    const save = await run(docker, ['save', INSPECT_TAG]);
    if (save.code !== 0) throw new Error(`docker save failed: ${save.stderr.trim()}`);
    // GITHUB_ACTIONS: progress as log lines (what the Action prints), so the last figure can be read back
    const inspect = await cli(['inspect', INSPECT_TAG, '--compressed-size', 'off'], { GITHUB_ACTIONS: 'true' });
    if (inspect.code > 1) throw new Error(`inspect failed: ${inspect.stderr.trim()}`);
    const head = JSON.parse(readFileSync(out, 'utf8')).images[0].head;
    const progress = lastProgressBytes(inspect.stderr);
    // --no-cache: the memory of reading both images, not of layer scans kept by an earlier run
    const compare = await cli(['compare', '--base-image', BASE_TAG, '--image', HEAD_TAG, '--no-cache']);
    if (compare.code > 1) throw new Error(`compare failed: ${compare.stderr.trim()}`);
    const report = JSON.parse(readFileSync(out, 'utf8')).images[0];
    return [
      `scale: ${INSPECT_TAG}: ${head.fileCount} files; ${BASE_TAG} ${report.base.fileCount} files, ${HEAD_TAG} ${report.head.fileCount} files (${report.diff.files.length} diff rows)`,
      `inspect of 400k files (--compressed-size off) peak RSS   ${mib(peakRss(inspect.stderr))}   (target ≤ 300 MiB), ${(inspect.ms / 1000).toFixed(1)} s`,
      `compare of two 1M-file images peak RSS   ${mib(peakRss(compare.stderr))}   (target ≤ 512 MiB), ${(compare.ms / 1000).toFixed(1)} s`,
      `progress: last figure ${progress === null ? 'missing' : `${(progress / 1e6).toFixed(1)} MB`} for a docker save stream of ${(save.stdoutBytes / 1e6).toFixed(1)} MB` +
        (progress === null ? '' : ` (${(((progress - save.stdoutBytes) / save.stdoutBytes) * 100).toFixed(1)}%)`),
    ];
  } finally {
    rmSync(out, { force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  scaleBench(process.env.DOCKER_PATH || 'docker').then(
    (lines) => process.stdout.write(lines.join('\n') + '\n'),
    (err: Error) => {
      process.stderr.write(`bench: error: ${err.message}\n`);
      process.exitCode = 2;
    },
  );
}
