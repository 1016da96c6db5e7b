// Writes images of many small files straight into `docker load`, shaped like Python environments: each layer
// is a `COPY` of a site-packages tree (packages → subpackages → modules, each with its __pycache__).
// Content is deterministic (a seeded generator, fixed mtimes), so an image built twice has the same layer
// digests and two images built from the same layer specs share those layers in the engine.

import { createHash } from 'node:crypto';
import type { Writable } from 'node:stream';
import { BLOCK, dockerLoad, padding, ustarHeader as header, write, writeArchiveEnd } from './docker-archive.js';

export interface ScaleLayer {
  /** Distinguishes the layer's package names ("p3_17"), so layers do not overwrite each other. */
  name: string;
  files: number;
  /** Mean content bytes per file (sizes spread 0×–2×). */
  avgFileBytes: number;
  /** A different variant of the same packages: every 4th module changes size, 1 in 16 is new, 1 in 16 is gone. */
  variant?: number;
}

const ROOT = 'usr/lib/python3.11/site-packages';
const MODULES_PER_DIR = 10; // each with its .pyc: 20 files and a __pycache__ per subpackage
const SUBPACKAGES = 10;

// Deterministic, incompressible-enough content: xorshift32 bytes, generated once.
const pool = (() => {
  const b = Buffer.alloc(1 << 20);
  let x = 0x9e3779b9;
  for (let i = 0; i < b.length; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b.writeUInt32LE(x >>> 0, i);
  }
  return b;
})();

interface Entry {
  path: string;
  size: number;
  dir: boolean;
}

/** The entries of one layer, parents before children, as `COPY` writes them. */
function* layerEntries(layer: ScaleLayer): Generator<Entry> {
  let prefix = '';
  for (const part of ROOT.split('/')) {
    prefix += part + '/';
    yield { path: prefix, size: 0, dir: true };
  }
  const perPackage = SUBPACKAGES * MODULES_PER_DIR * 2;
  const packages = Math.ceil(layer.files / perPackage);
  let written = 0;
  let n = 0;
  for (let p = 0; p < packages && written < layer.files; p++) {
    const pkg = `${ROOT}/${layer.name}_pkg${p}`;
    yield { path: `${pkg}/`, size: 0, dir: true };
    for (let s = 0; s < SUBPACKAGES && written < layer.files; s++) {
      const sub = `${pkg}/sub${s}`;
      yield { path: `${sub}/`, size: 0, dir: true };
      yield { path: `${sub}/__pycache__/`, size: 0, dir: true };
      for (let m = 0; m < MODULES_PER_DIR && written < layer.files; m++, n++) {
        let size = Math.floor(layer.avgFileBytes * (((n * 7919) % 1000) / 500));
        let name = `module_${m}`;
        if (layer.variant) {
          if (n % 16 === 3) continue; // removed in this variant
          if (n % 16 === 7) name = `added_${m}_v${layer.variant}`;
          else if (n % 4 === 0) size += 64 * layer.variant;
        }
        yield { path: `${sub}/${name}.py`, size, dir: false };
        yield { path: `${sub}/__pycache__/${name}.cpython-311.pyc`, size: Math.floor(size * 1.3), dir: false };
        written += 2;
      }
    }
  }
}

function layerTarSize(layer: ScaleLayer): { bytes: number; files: number } {
  let bytes = 2 * BLOCK;
  let files = 0;
  for (const e of layerEntries(layer)) {
    bytes += BLOCK + e.size + padding(e.size);
    if (!e.dir) files++;
  }
  return { bytes, files };
}

/** Streams one layer tar into `out` (as the content of an outer tar member) and returns its sha256. */
async function writeLayer(out: Writable, layer: ScaleLayer): Promise<string> {
  const hash = createHash('sha256');
  let batch: Buffer[] = [];
  let batched = 0;
  const flush = async (): Promise<void> => {
    const b = Buffer.concat(batch);
    batch = [];
    batched = 0;
    hash.update(b);
    await write(out, b);
  };
  let offset = 0;
  for (const e of layerEntries(layer)) {
    batch.push(header(e.path, e.size, e.dir ? '5' : '0'));
    batched += BLOCK;
    if (e.size > 0) {
      if (offset + e.size > pool.length) offset = 0;
      batch.push(pool.subarray(offset, offset + e.size), Buffer.alloc(padding(e.size)));
      offset += e.size + 4099;
      batched += e.size;
    }
    if (batched >= 1 << 20) await flush();
  }
  batch.push(Buffer.alloc(2 * BLOCK));
  await flush();
  return hash.digest('hex');
}

export interface ScaleStats {
  files: number;
  streamBytes: number;
}

/** Builds the image and loads it into the engine as `tag` (legacy docker-save layout). */
export async function loadScaleImage(tag: string, layers: ScaleLayer[], docker = 'docker'): Promise<ScaleStats> {
  return dockerLoad(docker, (stdin) => writeScaleArchive(stdin, tag, layers));
}

/** Writes the image as a docker-save archive into `out` (not ended). */
export async function writeScaleArchive(out: Writable, tag: string, layers: ScaleLayer[]): Promise<ScaleStats> {
  const diffIds: string[] = [];
  let files = 0;
  let streamBytes = 0;
  for (const [i, layer] of layers.entries()) {
    const size = layerTarSize(layer);
    files += size.files;
    streamBytes += size.bytes;
    await write(out, header(`layer${i}.tar`, size.bytes, '0'));
    diffIds.push(await writeLayer(out, layer)); // a multiple of 512: no padding
  }
  const config = {
    architecture: 'amd64',
    os: 'linux',
    config: { Cmd: ['python3'] },
    rootfs: { type: 'layers', diff_ids: diffIds.map((d) => `sha256:${d}`) },
    history: layers.map((l) => ({ created_by: `COPY ${l.name} /${ROOT}/ # buildkit` })),
  };
  await writeArchiveEnd(out, tag, config, layers.length);
  return { files, streamBytes };
}
