// How far the compressed-size estimate is from real gzip -6, layer by layer:
//   node --import tsx scripts/estimate-accuracy.ts IMAGE...
// For each image: `docker save IMAGE` is read as a stream; each uncompressed layer tar is fed at once to
//   - the `gzip -6 -c` binary (GNU gzip; the reference: "gzip -6" of the layer tar, header and trailer included),
//   - Node's zlib gzip at level 6, streaming (the library the estimator itself uses),
//   - the estimator (src/image/compressed-estimate.ts, as `inspect` runs it),
// and the sizes and the estimate's error against both are printed per layer and per image.
// A layer shared by several images is measured once. Needs a Docker engine whose `docker save` writes
// uncompressed layers (the classic image store).

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import type { Writable } from 'node:stream';
import tar from 'tar-stream';
import { startGzipEstimate } from '../src/image/compressed-estimate.js';

const docker = process.env.DOCKER_PATH || 'docker';

interface LayerFigures {
  bytes: number;
  gzipBinary: number;
  zlibGzip: number;
  estimate: number;
}

/** Counts what a child process writes to stdout. */
function gzipBinary(): { stdin: Writable; size: Promise<number> } {
  const child = spawn('gzip', ['-6', '-c'], { stdio: ['pipe', 'pipe', 'inherit'] });
  let n = 0;
  child.stdout.on('data', (d: Buffer) => (n += d.length));
  const size = new Promise<number>((resolve, reject) => {
    child.on('error', (err) => reject(new Error(`gzip binary: ${err.message}`)));
    child.on('close', (code) => (code === 0 ? resolve(n) : reject(new Error(`gzip exited with ${code}`))));
  });
  return { stdin: child.stdin, size };
}

function zlibGzip(): { stdin: Writable; size: Promise<number> } {
  const gz = createGzip({ level: 6 });
  let n = 0;
  gz.on('data', (d: Buffer) => (n += d.length));
  const size = new Promise<number>((resolve, reject) => {
    gz.on('end', () => resolve(n));
    gz.on('error', reject);
  });
  return { stdin: gz, size };
}

async function writeTo(w: Writable, chunk: Buffer): Promise<void> {
  if (!w.write(chunk)) await once(w, 'drain');
}

async function measureLayer(head: Buffer[], rest: AsyncIterator<Buffer>, bytes: number): Promise<LayerFigures> {
  const bin = gzipBinary();
  const lib = zlibGzip();
  const est = startGzipEstimate(bytes);
  const feed = async (chunk: Buffer): Promise<void> => {
    if (!est.write(chunk)) await est.ready(); // the estimator copies what it keeps
    await Promise.all([writeTo(bin.stdin, chunk), writeTo(lib.stdin, chunk)]);
  };
  for (const chunk of head) await feed(chunk);
  for (let r = await rest.next(); !r.done; r = await rest.next()) await feed(r.value);
  est.end();
  bin.stdin.end();
  lib.stdin.end();
  const [gzipBinarySize, zlibSize, estimate] = await Promise.all([bin.size, lib.size, est.result]);
  return { bytes, gzipBinary: gzipBinarySize, zlibGzip: zlibSize, estimate };
}

/** Reads `docker save IMAGE`: layer figures by member path, and the manifest's layer order. */
async function measureImage(image: string, cache: Map<string, LayerFigures>): Promise<{ layers: string[]; figures: Map<string, LayerFigures> }> {
  const child = spawn(docker, ['save', image], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
  const figures = new Map<string, LayerFigures>();
  let manifest: { Layers: string[] }[] | null = null;
  const extract = tar.extract();
  extract.on('entry', (header, stream, next) => {
    void (async () => {
      const name = header.name;
      if (name === 'manifest.json') {
        const parts: Buffer[] = [];
        for await (const c of stream as AsyncIterable<Buffer>) parts.push(c);
        manifest = JSON.parse(Buffer.concat(parts).toString('utf8'));
      } else if (header.type === 'file' && (name.startsWith('blobs/') || name.endsWith('/layer.tar')) && (header.size ?? 0) >= 1024) {
        const it = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
        if (!cache.has(name)) {
          const head: Buffer[] = [];
          let got = 0;
          while (got < 512) {
            const r = await it.next();
            if (r.done) break;
            head.push(r.value);
            got += r.value.length;
          }
          const first = Buffer.concat(head);
          // an uncompressed layer: a tar header ("ustar" at 257), or the zero blocks of an empty tar
          if (first.length >= 512 && (first.toString('latin1', 257, 262) === 'ustar' || first.subarray(0, 512).every((b) => b === 0))) {
            cache.set(name, await measureLayer(head, it, header.size ?? 0));
          }
        }
        for (let r = await it.next(); !r.done; r = await it.next()); // what is left unread (configs, compressed blobs)
        if (cache.has(name)) figures.set(name, cache.get(name)!);
      } else {
        stream.resume();
        await once(stream, 'end');
      }
    })().then(
      () => next(),
      (err: Error) => extract.destroy(err),
    );
  });
  child.stdout.pipe(extract);
  await once(extract, 'finish');
  const code = await exited;
  if (code !== 0) throw new Error(`docker save ${image} failed: ${stderr.trim()}`);
  const m = manifest as { Layers: string[] }[] | null;
  if (!m?.[0]) throw new Error(`docker save ${image}: no manifest.json`);
  return { layers: m[0].Layers, figures };
}

const pct = (est: number, ref: number): string => `${est >= ref ? '+' : ''}${((est / ref - 1) * 100).toFixed(2)}%`;
const num = (n: number): string => n.toLocaleString('en-US');
const pad = (s: string, w: number): string => s.padStart(w);

async function main(): Promise<void> {
  const images = process.argv.slice(2);
  if (images.length === 0) throw new Error('usage: node --import tsx scripts/estimate-accuracy.ts IMAGE...');
  const cache = new Map<string, LayerFigures>();
  const out = (s: string): boolean => process.stdout.write(s + '\n');
  out('reference: `gzip -6 -c` (GNU gzip binary) and Node zlib gzip level 6 (streaming), each over the whole layer tar');
  for (const image of images) {
    const t0 = performance.now();
    const { layers, figures } = await measureImage(image, cache);
    out(`\n${image}: ${layers.length} layers (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    out(`  ${'layer'.padEnd(22)} ${pad('tar bytes', 13)} ${pad('gzip -6', 12)} ${pad('zlib gzip-6', 12)} ${pad('estimate', 12)} ${pad('vs gzip -6', 10)} ${pad('vs zlib', 9)}`);
    const total = { bytes: 0, gzipBinary: 0, zlibGzip: 0, estimate: 0 };
    for (const [i, path] of layers.entries()) {
      const f = figures.get(path);
      const label = `${i + 1} ${path.replace(/^blobs\/sha256\//, '').slice(0, 12)}`;
      if (!f) {
        out(`  ${label.padEnd(22)} (not an uncompressed layer tar: skipped)`);
        continue;
      }
      for (const k of Object.keys(total) as (keyof LayerFigures)[]) total[k] += f[k];
      out(`  ${label.padEnd(22)} ${pad(num(f.bytes), 13)} ${pad(num(f.gzipBinary), 12)} ${pad(num(f.zlibGzip), 12)} ${pad(num(f.estimate), 12)} ${pad(pct(f.estimate, f.gzipBinary), 10)} ${pad(pct(f.estimate, f.zlibGzip), 9)}`);
    }
    out(`  ${'image'.padEnd(22)} ${pad(num(total.bytes), 13)} ${pad(num(total.gzipBinary), 12)} ${pad(num(total.zlibGzip), 12)} ${pad(num(total.estimate), 12)} ${pad(pct(total.estimate, total.gzipBinary), 10)} ${pad(pct(total.estimate, total.zlibGzip), 9)}`);
  }
}

main().catch((err: Error) => {
  process.stderr.write(`estimate-accuracy: ${err.message}\n`);
  process.exitCode = 2;
});
