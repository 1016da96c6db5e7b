// Writes a large synthetic image straight into `docker load` (no base image, no registry needed):
// ≥ 1 GiB of content, ≥ 100,000 files, ≥ 20 layers, with overwritten files, file whiteouts, a directory
// whiteout and an opaque directory, in the legacy docker-save layout.

import { createHash, randomBytes } from 'node:crypto';
import type { Writable } from 'node:stream';
import { BLOCK, dockerLoad, padding, ustarHeader as header, write, writeArchiveEnd } from './docker-archive.js';

export interface SyntheticSpec {
  layers: number;
  filesPerLayer: number;
  avgFileBytes: number;
  bigFileBytes: number; // one big file per layer
}

export const DEFAULT_SPEC: SyntheticSpec = { layers: 24, filesPerLayer: 4400, avgFileBytes: 8 * 1024, bigFileBytes: 12 << 20 };

const pool = randomBytes(1 << 20); // content: incompressible, sliced at varying offsets

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
    const pad = padding(e.size);
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
  return dockerLoad(docker, async (out) => {
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
    const config = {
      architecture: 'amd64',
      os: 'linux',
      config: { Cmd: ['/data/l0/big.bin'] },
      rootfs: { type: 'layers', diff_ids: diffIds.map((d) => `sha256:${d}`) },
      history: diffIds.map((_, i) => ({ created_by: `COPY layer${i} /data/ # buildkit` })),
    };
    await writeArchiveEnd(out, tag, config, spec.layers);
    return { layers: spec.layers, files, contentBytes };
  });
}
