// npm run bench: one run, figures side by side.
//   1. loads a synthetic image (≥ 1 GiB, ≥ 100,000 files, 24 layers, overwrites and whiteouts) unless present
//   2. alternates `docker save IMAGE > /dev/null`, `image-size-guard inspect IMAGE --compressed-size off`, the
//      default `inspect IMAGE` (with the sampled gzip estimate) and the default again with DOCKER_PATH set (the
//      archive through the docker CLI's `docker save` rather than the engine's API socket), from the bundled
//      dist/, ROUNDS times each in an order rotated every round, and prints medians, their ratios to docker save,
//      each mode's peak RSS and the read after the engine's first byte
//   3. reads the image's archive from the engine's socket with the product's hand-rolled HTTP client and with
//      undici, one process per read, and prints wall time and user CPU side by side (bench/engine-read.ts;
//      ISG_BENCH_ENGINE_READ=0 skips it)
// Targets: ratio ≤ 1.15, peak RSS ≤ 256 MiB. Nothing is asserted: this prints measurements.

import { openSync, closeSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SPEC, loadSyntheticImage } from './bench/make-synthetic-image.js';
import { scaleBench } from './bench/scale.js';
import { compareBench } from './bench/compare.js';
import { mergeBench } from './bench/merge.js';
import { engineReadBench } from './bench/engine-read.js';
import { median, must, run } from './bench/timed-run.js';

const TAG = process.env.ISG_BENCH_TAG ?? 'isg-bench/synthetic:v1';
const ROUNDS = Number(process.env.ISG_BENCH_ROUNDS ?? 3);
const docker = process.env.DOCKER_PATH || 'docker';

const mib = (b: number): string => `${(b / 2 ** 20).toFixed(1)} MiB`;

async function main(): Promise<void> {
  if ((await run(docker, ['info'])).code !== 0) throw new Error('bench needs a running Docker engine (docker info failed)');
  if ((await run(docker, ['image', 'inspect', TAG])).code !== 0) {
    process.stderr.write(`bench: building ${TAG} (${DEFAULT_SPEC.layers} layers)…\n`);
    const t0 = performance.now();
    const stats = await loadSyntheticImage(TAG, DEFAULT_SPEC, docker);
    process.stderr.write(`bench: loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${stats.files} files, ${mib(stats.contentBytes)} written\n`);
  } else process.stderr.write(`bench: reusing ${TAG}\n`);

  const devnull = openSync('/dev/null', 'w');
  const out = join(tmpdir(), `isg-bench-${process.pid}.json`);
  const saves: number[] = [];
  const inspects: number[] = [];
  const estimating: number[] = [];
  const viaCli: number[] = [];
  const rssOff: number[] = [];
  const rssEstimate: number[] = [];
  // the read after the engine's first byte (the product's own progress line): without the engine's export before it
  const readOff: number[] = [];
  const readEstimate: number[] = [];
  const readSecs = (stderr: string, into: number[]): void => {
    const m = / read in ([\d.]+) s/.exec(stderr);
    if (m) into.push(Number(m[1]) * 1000);
  };
  try {
    await run(docker, ['save', TAG], { stdoutFd: devnull }); // warm-up: both sides read from a warm page cache
    const inspectArgs = ['dist/cli/index.js', 'inspect', TAG, '--format', 'json', '--output', out];
    const stats = { ...process.env, ISG_STATS: '1' };
    const rss = (stderr: string, into: number[]): void => {
      const m = /maxRSS=(\d+)/.exec(stderr);
      if (m) into.push(Number(m[1]) * 1024);
    };
    // Each round runs the four modes in an order rotated by one from the last, so that none always follows the
    // same neighbour (the engine's export of one command can still be flushing to disk when the next starts).
    const modes: { name: string; times: number[]; go: () => Promise<void> }[] = [
      { name: 'docker save', times: saves, go: async () => void saves.push((await must(run(docker, ['save', TAG], { stdoutFd: devnull }), 'docker save')).ms) },
      {
        // the analysis: layers, final filesystem, waste (no compressed-size estimate)
        name: 'inspect',
        times: inspects,
        go: async () => {
          const r = await must(run(process.execPath, [...inspectArgs, '--compressed-size', 'off'], { env: stats }), 'inspect');
          inspects.push(r.ms);
          rss(r.stderr, rssOff);
          readSecs(r.stderr, readOff);
        },
      },
      {
        // the default: the same, plus a gzip level-6 estimate of every uncompressed layer
        name: 'inspect with estimate',
        times: estimating,
        go: async () => {
          const e = await must(run(process.execPath, inspectArgs, { env: stats }), 'inspect');
          estimating.push(e.ms);
          rss(e.stderr, rssEstimate);
          readSecs(e.stderr, readEstimate);
        },
      },
      {
        // the default through `docker save` (DOCKER_PATH makes the CLI the way to the engine): what the API path saves
        name: 'the same through docker save',
        times: viaCli,
        go: async () => void viaCli.push((await must(run(process.execPath, inspectArgs, { env: { ...process.env, DOCKER_PATH: docker } }), 'inspect through the CLI')).ms),
      },
    ];
    for (let i = 0; i < ROUNDS; i++) {
      for (let k = 0; k < modes.length; k++) await modes[(i + k) % modes.length]!.go();
      const save = saves[i]!;
      const parts = modes.map((m) => `${m.name} ${(m.times[i]! / 1000).toFixed(2)} s${m.times === saves ? '' : ` (${(m.times[i]! / save).toFixed(2)}×)`}`);
      process.stderr.write(`bench: round ${i + 1}/${ROUNDS}: ${parts.join(', ')}\n`);
    }
  } finally {
    closeSync(devnull);
  }
  // The analyser alone, from an archive on disk (page cache warm after the first read): its own throughput.
  const archive = join(tmpdir(), `isg-bench-${process.pid}.tar`);
  let fileMs = 0;
  let archiveBytes = 0;
  try {
    const s = await run(docker, ['save', '-o', archive, TAG]);
    if (s.code !== 0) throw new Error(`docker save -o failed: ${s.stderr.trim()}`);
    archiveBytes = statSync(archive).size;
    const times: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const r = await run(process.execPath, ['dist/cli/index.js', 'inspect', archive, '--compressed-size', 'off', '--format', 'json', '--output', out]);
      if (r.code !== 0) throw new Error(`inspect of the archive failed: ${r.stderr.trim()}`);
      times.push(r.ms);
    }
    fileMs = median(times);
  } finally {
    rmSync(archive, { force: true });
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  rmSync(out, { force: true });
  const head = report.images[0].head;
  const save = median(saves);
  const inspect = median(inspects);
  const lines = [
    `image: ${TAG}: ${head.layers.length} layers, ${mib(head.layers.reduce((n: number, l: { size: number }) => n + l.size, 0))} of layer content, ${head.fileCount} files in the final filesystem, ${mib(head.wastedBytes)} wasted`,
    `node ${process.version}, ${ROUNDS} rounds (medians)`,
    `docker save > /dev/null   ${(save / 1000).toFixed(2)} s`,
    `inspect --compressed-size off (the engine's API stream | analyse)   ${(inspect / 1000).toFixed(2)} s`,
    `ratio inspect / docker save   ${(inspect / save).toFixed(3)}   (target ≤ 1.15)`,
    `inspect (default: + sampled gzip-6 estimate of ${mib(head.size)})   ${(median(estimating) / 1000).toFixed(2)} s`,
    `ratio inspect (default) / docker save   ${(median(estimating) / save).toFixed(3)}   (target ≤ 1.15)`,
    `inspect (default) with DOCKER_PATH set (docker save | analyse)   ${(median(viaCli) / 1000).toFixed(2)} s   ratio ${(median(viaCli) / save).toFixed(3)}`,
    `the read after the engine's first byte (its export comes first, the same for every mode)   --compressed-size off ${readOff.length ? (median(readOff) / 1000).toFixed(2) : 'n/a'} s, default ${readEstimate.length ? (median(readEstimate) / 1000).toFixed(2) : 'n/a'} s`,
    `inspect peak RSS   --compressed-size off ${rssOff.length ? mib(Math.max(...rssOff)) : 'n/a'}, default ${rssEstimate.length ? mib(Math.max(...rssEstimate)) : 'n/a'}   (target ≤ 256 MiB)`,
    `inspect of the saved archive file (${mib(archiveBytes)})   ${(fileMs / 1000).toFixed(2)} s = ${(archiveBytes / 2 ** 20 / (fileMs / 1000)).toFixed(0)} MiB/s (the analyser alone)`,
  ];
  process.stdout.write(lines.join('\n') + '\n');
  if (process.env.ISG_BENCH_ENGINE_READ !== '0') process.stdout.write((await engineReadBench(TAG, ROUNDS)).join('\n') + '\n'); // hand-rolled client vs undici
  if (process.env.ISG_BENCH_SCALE !== '0') process.stdout.write((await scaleBench(docker)).join('\n') + '\n'); // memory at 400k and 1M files
  if (process.env.ISG_BENCH_COMPARE !== '0') process.stdout.write((await compareBench(docker, ROUNDS)).join('\n') + '\n'); // cold and warm compare vs the builds' floor
  if (process.env.ISG_BENCH_MERGE !== '0') process.stdout.write((await mergeBench(ROUNDS)).join('\n') + '\n'); // 50 reports × 4 platforms merged
}

main().catch((err: Error) => {
  process.stderr.write(`bench: error: ${err.message}\n`);
  process.exitCode = 2;
});
