// Writes a large synthetic image straight into `docker load` (no base image, no registry needed):
// ≥ 1 GiB of content, ≥ 100,000 files, ≥ 20 layers, with overwritten files, file whiteouts, a directory
// whiteout and an opaque directory, in the legacy docker-save layout.

import { createHash, randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

export interface SyntheticSpec {
  layers: number;
  filesPerLayer: number;
  avgFileBytes: number;
  bigFileBytes: number; // one big file per layer
}

export const DEFAULT_SPEC: SyntheticSpec = { layers: 24, filesPerLayer: 4400, avgFileBytes: 8 * 1024, bigFileBytes: 12 << 20 };

const BLOCK = 512;
const pool = randomBytes(1 << 20); // content: incompressible, sliced at varying offsets

function header(name: string, size: number, type: '0' | '5' | '2', linkname = ''): Buffer {
  if (Buffer.byteLength(name) > 100) throw new Error(`bench: name too long: ${name}`);
  const b = Buffer.alloc(BLOCK);
  b.write(name, 0, 100, 'utf8');
  b.write((type === '5' ? '0000755' : '0000644') + '\0', 100);
  b.write('0000000\0', 108);
  b.write('0000000\0', 116);
  b.write(size.toString(8).padStart(11, '0') + '\0', 124);
  b.write('00000000000\0', 136);
  b.write(type, 156);
  b.write(linkname, 157, 100);
  b.write('ustar\x0000', 257, 'latin1');
  b.fill(0x20, 148, 156);
  let sum = 0;
  for (const x of b) sum += x;
  b.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'latin1');
  return b;
}

type Entry = { name: string; size: number; type?: '0' | '5' | '2'; linkname?: string };

/** The entries of layer i. Deterministic, so repeated runs build the same image. */
function layerEntries(i: number, spec: SyntheticSpec): Entry[] {
  const out: Entry[] = [{ name: `data/`, size: 0, type: '5' }, { name: `data/l${i}/`, size: 0, type: '5' }];
  for (let d = 0; d < Math.ceil(spec.filesPerLayer / 200); d++) out.push({ name: `data/l${i}/d${d}/`, size: 0, type: '5' });
  for (let f = 0; f < spec.filesPerLayer; f++) {
    const size = Math.floor(spec.avgFileBytes * (0.25 + ((f * 7919) % 1000) / 666)); // 0.25×–1.75×
    out.push({ name: `data/l${i}/d${Math.floor(f / 200)}/f${f}.bin`, size });
  }
  out.push({ name: `data/l${i}/big.bin`, size: spec.bigFileBytes });
  out.push({ name: `data/l${i}/link`, size: 0, type: '2', linkname: 'big.bin' });
  if (i > 0) {
    // overwrite 300 files of the previous layer, delete 300 more, and the previous layer's big file
    for (let f = 0; f < 300; f++) out.push({ name: `data/l${i - 1}/d0/f${f}.bin`, size: 100 });
    out.push({ name: `data/l${i - 1}/d1/`, size: 0, type: '5' });
    for (let f = 200; f < 500; f++) out.push({ name: `data/l${i - 1}/d1/.wh.f${f}.bin`, size: 0 });
    out.push({ name: `data/l${i - 1}/.wh.big.bin`, size: 0 });
  }
  if (i > 1) {
    out.push({ name: `data/l${i - 2}/.wh.d2`, size: 0 }); // directory whiteout
    out.push({ name: `data/l${i - 2}/d3/`, size: 0, type: '5' });
    out.push({ name: `data/l${i - 2}/d3/.wh..wh..opq`, size: 0 }); // opaque directory
  }
  return out;
}

function layerTarSize(entries: Entry[]): number {
  let n = 0;
  for (const e of entries) n += BLOCK + Math.ceil(e.size / BLOCK) * BLOCK;
  return n + 2 * BLOCK;
}

async function write(out: Writable, buf: Buffer): Promise<void> {
  if (!out.write(buf)) await once(out, 'drain');
}

/** Streams one layer tar into `out` (as the content of an outer tar member) and returns its sha256. */
async function writeLayer(out: Writable, entries: Entry[]): Promise<string> {
  const hash = createHash('sha256');
  const emit = async (b: Buffer): Promise<void> => {
    hash.update(b);
    await write(out, b);
  };
  let offset = 0;
  for (const e of entries) {
    await emit(header(e.name, e.size, e.type ?? '0', e.linkname));
    let left = e.size;
    while (left > 0) {
      const n = Math.min(left, pool.length - offset, 256 * 1024);
      await emit(pool.subarray(offset, offset + n));
      offset = (offset + n + 4099) % (pool.length - 1);
      left -= n;
    }
    const pad = (BLOCK - (e.size % BLOCK)) % BLOCK;
    if (pad) await emit(Buffer.alloc(pad));
  }
  await emit(Buffer.alloc(2 * BLOCK));
  return hash.digest('hex');
}

export interface SyntheticStats {
  layers: number;
  files: number;
  contentBytes: number;
}

/** Builds the image and loads it into the engine as `tag`. */
export async function loadSyntheticImage(tag: string, spec: SyntheticSpec = DEFAULT_SPEC, docker = 'docker'): Promise<SyntheticStats> {
  const child = spawn(docker, ['load', '--quiet'], { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c) => resolve(c ?? 1));
  });
  const out = child.stdin;
  const diffIds: string[] = [];
  let files = 0;
  let contentBytes = 0;
  for (let i = 0; i < spec.layers; i++) {
    const entries = layerEntries(i, spec);
    for (const e of entries) {
      if ((e.type ?? '0') !== '5' && !e.name.includes('.wh.')) files++;
      contentBytes += e.size;
    }
    await write(out, header(`layer${i}.tar`, layerTarSize(entries), '0'));
    diffIds.push(await writeLayer(out, entries)); // layer tars are multiples of 512: no padding
  }
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      config: { Cmd: ['/data/l0/big.bin'] },
      rootfs: { type: 'layers', diff_ids: diffIds.map((d) => `sha256:${d}`) },
      history: diffIds.map((_, i) => ({ created_by: `COPY layer${i} /data/ # buildkit` })),
    }),
  );
  const manifest = Buffer.from(
    JSON.stringify([{ Config: 'config.json', RepoTags: [tag], Layers: diffIds.map((_, i) => `layer${i}.tar`) }]),
  );
  for (const [name, body] of [['config.json', config], ['manifest.json', manifest]] as const) {
    await write(out, header(name, body.length, '0'));
    await write(out, Buffer.concat([body, Buffer.alloc((BLOCK - (body.length % BLOCK)) % BLOCK)]));
  }
  await write(out, Buffer.alloc(2 * BLOCK));
  out.end();
  const code = await exited;
  if (code !== 0) throw new Error(`docker load failed: ${stderr.trim()}`);
  return { layers: spec.layers, files, contentBytes };
}
