// The analysis cache's encoding of an ImageModel and of a scanned layer: random layer stacks (overwrites, file
// and directory whiteouts, opaque directories, symlinks, hardlinks whose first name goes away, package
// databases, non-ASCII names) are read from real archives, encoded, decoded, and compared with the original by
// value — every path and entry, the totals, the captured files, lookups. Then crafted bytes are refused.

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { CodecError, Reader, Writer } from '../../src/image/binary-codec.js';
import { FileIndex } from '../../src/image/file-index.js';
import { buildFinalFilesystem } from '../../src/image/final-filesystem.js';
import { LayerScan, type ScannedLayer } from '../../src/image/layer-scan.js';
import { decodeModel, decodeScannedLayer, encodeModel, encodeScannedLayer } from '../../src/image/model-codec.js';
import { PathTable } from '../../src/image/path-table.js';
import { readImageArchive } from '../../src/image/read-image.js';
import type { ImageModel } from '../../src/image/types.js';
import { WasteLedger, type WasteColumns } from '../../src/image/waste-ledger.js';
import { chunked, makeImageArchive, tarBuffer, type TEntry, type TestLayer } from '../helpers/make-archive.js';
import { prng as rng } from '../helpers/mixed-data.js';

const NAMES = ['a', 'b', 'lib', 'bin', 'käse', '日本', 'x y', 'z'];
const DPKG_STATUS = 'Package: tool\nStatus: install ok installed\nVersion: 1.0\nArchitecture: amd64\n\n';

/** A random stack of layers over a small set of names, so later layers collide with earlier ones. */
function randomLayers(seed: number): TestLayer[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const path = (): string => Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(NAMES)).join('/');
  const files: string[] = [];
  const layers: TestLayer[] = [];
  const count = 2 + Math.floor(r() * 4);
  for (let l = 0; l < count; l++) {
    const entries: TEntry[] = [];
    const seen = new Set<string>();
    const add = (e: TEntry): void => {
      if (seen.has(e.path)) return;
      seen.add(e.path);
      entries.push(e);
    };
    for (let i = 0; i < 12 + Math.floor(r() * 20); i++) {
      const p = path();
      const roll = r();
      if (roll < 0.45) {
        add({ path: p, content: Buffer.alloc(Math.floor(r() * 3000), l + 1), mode: pick([0o644, 0o755, 0o4755]) });
        files.push(p);
      } else if (roll < 0.6) add({ path: `${p}/`, type: 'directory', mode: 0o750 });
      else if (roll < 0.7) add({ path: p, type: 'symlink', linkname: pick(['/bin/sh', '../x', 'busybox', '']) || 'target' });
      else if (roll < 0.8 && files.length) add({ path: p, type: 'link', linkname: pick(files) });
      else if (roll < 0.9 && l > 0) {
        const dir = p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '';
        const name = p.slice(p.lastIndexOf('/') + 1);
        add({ path: `${dir ? `${dir}/` : ''}.wh.${name}`, content: '' });
      } else if (l > 0) add({ path: `${p}/.wh..wh..opq`, content: '' });
    }
    // package databases: captured by the reader, kept by the encoding
    if (r() < 0.7) add({ path: 'var/lib/dpkg/status', content: DPKG_STATUS.replace('1.0', `1.${l}`) });
    if (r() < 0.5) add({ path: 'var/lib/dpkg/info/tool.list', content: `/usr/bin/tool${l}\n` });
    if (r() < 0.5) add({ path: `app/node_modules/pkg${l}/package.json`, content: JSON.stringify({ name: `pkg${l}`, version: `2.${l}.0` }) });
    layers.push({ entries, createdBy: `RUN step ${l} # buildkit` });
  }
  return layers;
}

async function modelOf(layers: TestLayer[]): Promise<ImageModel> {
  const { archive } = await makeImageArchive({ format: 'oci', layers });
  return readImageArchive(chunked(archive, 4096), { compressedSize: 'off' });
}

function roundTrip(model: ImageModel): ImageModel {
  const w = new Writer();
  encodeModel(model, w);
  const r = new Reader(w.finish());
  const out = decodeModel(r);
  r.end();
  return out;
}

/** Everything a comparison reads, as plain values. */
function byValue(m: ImageModel) {
  const { files, capturedFiles, waste, ...rest } = m;
  return {
    rest,
    waste: [...waste],
    files: [...files.entries()].map(([path, e]) => [path, { ...e }]),
    size: files.size,
    captured: [...capturedFiles.entries()].map(([p, b]) => [p, b.toString('hex')]),
  };
}

describe('an ImageModel encoded and decoded is the same by value', () => {
  for (let seed = 1; seed <= 40; seed++) {
    it(`random layer stack, seed ${seed}`, async () => {
      const model = await modelOf(randomLayers(seed));
      const back = roundTrip(model);
      assert.deepEqual(byValue(back), byValue(model));
      // lookups work on the rebuilt hash table (a new seed), present and absent paths alike
      for (const path of ['/a', '/a/b', '/käse/日本', '/x y/z', '/var/lib/dpkg/status', '/nope', '/', '/a/', 'a']) {
        assert.equal(back.files.has(path), model.files.has(path), path);
        assert.deepEqual(back.files.get(path), model.files.get(path), path);
      }
    });
  }

  it('the hardlink whose first name is gone carries the content, after decoding too', async () => {
    const model = await modelOf([
      { entries: [{ path: 'data', content: Buffer.alloc(5000, 1) }, { path: 'copy', type: 'link', linkname: 'data' }] },
      { entries: [{ path: '.wh.data', content: '' }] },
    ]);
    const back = roundTrip(model);
    assert.equal(model.files.get('/copy')?.size, 5000, 'the reader moved the content to the hardlink');
    assert.deepEqual(back.files.get('/copy'), model.files.get('/copy'));
    assert.equal(back.finalBytes, 5000);
    assert.equal(back.files.has('/data'), false);
  });
});

describe('a scanned layer encoded and decoded is the same by value', () => {
  const scan = async (entries: TEntry[]): Promise<ScannedLayer> => {
    const s = new LayerScan();
    s.push(await tarBuffer(entries));
    return s.finish();
  };
  const layerRoundTrip = (layer: ScannedLayer): ScannedLayer => {
    const w = new Writer();
    encodeScannedLayer(layer, w);
    const r = new Reader(w.finish());
    const out = decodeScannedLayer(r);
    r.end();
    return out;
  };
  const plain = (l: ScannedLayer) => ({
    puts: Array.from({ length: l.puts.count }, (_, i) => [l.paths.path(l.puts.ids[i]!), l.puts.types[i], l.puts.modes[i], l.puts.sizes[i], l.puts.links.get(i) ?? null]),
    whiteouts: l.whiteouts.map((id) => l.paths.path(id)),
    opaques: l.opaques.map((id) => l.paths.path(id)),
    captured: [...l.captured.entries()].map(([p, b]) => [p, b.toString('hex')]),
    totals: [l.size, l.fileCount, l.tarBytes],
  });

  for (let seed = 100; seed < 120; seed++) {
    it(`random layers, seed ${seed}: each layer, and the filesystem the decoded layers make`, async () => {
      const layers = await Promise.all(randomLayers(seed).map((l) => scan(l.entries)));
      const back = layers.map(layerRoundTrip);
      back.forEach((b, i) => assert.deepEqual(plain(b), plain(layers[i]!)));
      const a = buildFinalFilesystem(layers);
      const b = buildFinalFilesystem(back);
      assert.deepEqual([...b.files.entries()], [...a.files.entries()]);
      assert.deepEqual([b.finalBytes, b.fileCount, b.survivingBytes], [a.finalBytes, a.fileCount, a.survivingBytes]);
    });
  }
});

describe('crafted or damaged bytes are refused, never trusted', () => {
  const encoded = async (): Promise<Buffer> => {
    const w = new Writer();
    encodeModel(await modelOf(randomLayers(7)), w);
    return w.finish();
  };

  it('a truncated encoding: CodecError at every cut', async () => {
    const bytes = await encoded();
    for (const cut of [0, 3, 10, 100, Math.floor(bytes.length / 2), bytes.length - 1]) {
      assert.throws(() => {
        const r = new Reader(bytes.subarray(0, cut));
        decodeModel(r);
        r.end();
      }, CodecError, `cut at ${cut}`);
    }
  });

  it('trailing bytes are left over, and say so', async () => {
    const r = new Reader(Buffer.concat([await encoded(), Buffer.from([1, 2, 3])]));
    decodeModel(r);
    assert.throws(() => r.end(), /3 bytes left over/);
  });

  it('a path table whose parent comes after its child, or that repeats a name, or holds "/" or ".." in a name', () => {
    const t = new PathTable();
    t.intern('/usr/bin/sh');
    const { parents, nameEnds, pool } = t.parts();
    assert.equal(PathTable.fromParts(Int32Array.from(parents), Uint32Array.from(nameEnds), Buffer.from(pool)).lookup('/usr/bin/sh'), 3);
    const later = Int32Array.from(parents);
    later[2] = 3;
    assert.throws(() => PathTable.fromParts(later, Uint32Array.from(nameEnds), Buffer.from(pool)), /parent 3/);
    const twice = new PathTable();
    twice.intern('/a');
    twice.intern('/b');
    const p2 = twice.parts();
    const same = Buffer.from(p2.pool);
    same[1] = same[0]!; // "a", "a"
    assert.throws(() => PathTable.fromParts(Int32Array.from(p2.parents), Uint32Array.from(p2.nameEnds), same), /repeats a name/);
    const slash = Buffer.from(p2.pool);
    slash[1] = 0x2f;
    assert.throws(() => PathTable.fromParts(Int32Array.from(p2.parents), Uint32Array.from(p2.nameEnds), slash), /"\/" or NUL/);
    const dots = new PathTable();
    dots.intern('/xy');
    const p3 = dots.parts();
    assert.throws(() => PathTable.fromParts(Int32Array.from(p3.parents), Uint32Array.from(p3.nameEnds), Buffer.from('..')), /"\." or "\.\."/);
  });

  it('columns that disagree with the stated totals, a present path below an absent one, a type or layer out of range', async () => {
    const model = await modelOf([{ entries: [{ path: 'etc/', type: 'directory' }, { path: 'etc/f', content: 'hello' }] }]);
    // re-encode with one column changed at a time, through the public encoder and a patched model
    const patched = (patch: (c: ReturnType<typeof cols>) => void, meta: Partial<ImageModel> = {}): () => void => {
      const c = cols(model);
      patch(c);
      return () => roundTrip({ ...model, ...meta, files: new FileIndex({ ...index.columns, ...c }) });
    };
    const index = model.files as FileIndex;
    const idOf = (path: string): number => index.columns.paths.lookup(path);
    assert.doesNotThrow(patched(() => undefined));
    assert.throws(patched((c) => (c.sizes[idOf('/etc/f')] = 6)), /totals do not match/);
    assert.throws(patched((c) => (c.present[idOf('/etc')] = 0)), /hangs below something absent/);
    assert.throws(patched((c) => (c.types[idOf('/etc/f')] = 9)), /has type 9/);
    assert.throws(patched((c) => (c.layers[idOf('/etc/f')] = 5)), /names layer 5/);
    assert.throws(patched((c) => (c.sizes[idOf('/etc/f')] = -1)), /has size -1/);
    assert.throws(patched(() => undefined, { fileCount: 2 }), /totals do not match/);
    assert.throws(patched(() => undefined, { layers: [{ ...model.layers[0]!, instruction: 7 as unknown as string }] }), /malformed/);
  });
});

describe('the waste ledger and the config settings in the encoding (version 2)', () => {
  const layersWithWaste: TestLayer[] = [
    { entries: [{ path: 'tmp/', type: 'directory' }, { path: 'tmp/download.bin', content: Buffer.alloc(7000, 1) }, { path: 'etc/conf', content: 'one' }] },
    { entries: [{ path: 'tmp/.wh.download.bin', content: '' }, { path: 'etc/conf', content: 'three' }] },
  ];
  const config = {
    User: 'app',
    Env: ['PATH=/usr/bin', 'API_TOKEN=s3cr3t-made-up'],
    ExposedPorts: { '8080/tcp': {} },
    Labels: { 'org.opencontainers.image.base.name': 'docker.io/library/debian:bookworm', version: '1.0' },
    Healthcheck: { Test: ['CMD', 'true'], Interval: 30e9, Retries: 3 },
  };

  it('keeps the ledger and the settings by value, and never an environment value', async () => {
    const { archive } = await makeImageArchive({ format: 'oci', layers: layersWithWaste, config });
    const model = await readImageArchive(chunked(archive, 4096), { compressedSize: 'off' });
    assert.deepEqual([...model.waste].sort((a, b) => a.bytes - b.bytes), [
      { path: '/etc/conf', bytes: 3, layer: 0, removedBy: 1, how: 'overwritten' },
      { path: '/tmp/download.bin', bytes: 7000, layer: 0, removedBy: 1, how: 'deleted' },
    ]);
    const w = new Writer();
    encodeModel(model, w);
    const bytes = w.finish();
    assert.equal(bytes.includes('s3cr3t-made-up'), false, 'the value is not in the cache entry');
    const back = roundTrip(model);
    assert.deepEqual([...back.waste], [...model.waste]);
    assert.deepEqual(back.config, model.config);
    assert.equal(back.config.baseName, 'docker.io/library/debian:bookworm');
    assert.deepEqual(back.config.env.map((e) => e.name), ['PATH', 'API_TOKEN']);
  });

  it('a ledger entry out of range, a removal before the write, or bytes that do not add up: refused', async () => {
    const { archive } = await makeImageArchive({ format: 'oci', layers: layersWithWaste, config });
    const model = await readImageArchive(chunked(archive, 4096), { compressedSize: 'off' });
    const ledger = model.waste as WasteLedger;
    const patched = (patch: (c: WasteColumns) => void) => (): ImageModel => {
      const c = ledger.columns;
      const copy = { ids: Int32Array.from(c.ids), bytes: Float64Array.from(c.bytes), layers: Uint32Array.from(c.layers), removers: Uint32Array.from(c.removers), kinds: Uint8Array.from(c.kinds) };
      patch(copy);
      return roundTrip({ ...model, waste: new WasteLedger(ledger.paths, copy) });
    };
    assert.doesNotThrow(patched(() => undefined));
    assert.throws(patched((c) => (c.removers[0] = 2)), /waste entry 0 is malformed/);
    assert.throws(patched((c) => ((c.layers[0] = 1), (c.removers[0] = 0))), /malformed/);
    assert.throws(patched((c) => (c.ids[0] = 99_999)), /malformed/);
    assert.throws(patched((c) => (c.bytes[0] = (c.bytes[0] as number) + 1)), /does not add up/);
    assert.throws(() => roundTrip({ ...model, config: { ...model.config, env: [{ name: 'X', fingerprint: 7 as unknown as string }] } }), /config is malformed/);
    assert.throws(() => roundTrip({ ...model, config: { ...model.config, labels: [{ name: 'x' } as { name: string; value: string }] } }), /config is malformed/);
  });
});

function cols(model: ImageModel) {
  const c = (model.files as FileIndex).columns;
  return { present: Uint8Array.from(c.present), types: Uint8Array.from(c.types), modes: Uint16Array.from(c.modes), layers: Uint16Array.from(c.layers), sizes: Float64Array.from(c.sizes) };
}
