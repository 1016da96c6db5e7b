// The analysis cache on disk: the entry envelope (magic, format, kind, key, schema, tool version, checksum),
// the base key (every build input changes it), a base kept and read back equal, unusable entries ignored with
// a warning (and removed), the directory's bound (least recently used first), and layer scans kept by digest
// through the archive reader (a known blob is not scanned again, a blob that is not its digest is refused).

import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from '@jest/globals';
import { CacheDir } from '../../src/cache/cache-dir.js';
import { CacheDirLayers } from '../../src/cache/cache-dir-layers.js';
import { CacheEntryError, openEntry, sealEntry } from '../../src/cache/envelope.js';
import { ImageArchiveError } from '../../src/image/archive-members.js';
import { Writer } from '../../src/image/binary-codec.js';
import type { CachedLayer, DiskLayerCache } from '../../src/image/cached-layer.js';
import { readImageArchive } from '../../src/image/read-image.js';
import type { ImageModel } from '../../src/image/types.js';
import { toolBuild } from '../../src/lib/build-id.js';
import { AnalysisCache, baseKey, type BaseKeyInputs } from '../../src/pipeline/analysis-cache.js';
import type { Side } from '../../src/pipeline/build-side.js';
import { chunked, makeImageArchive, type TestLayer } from '../helpers/make-archive.js';

const dirs: string[] = [];
const tmp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'isg-cache-unit-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const KEY = 'a'.repeat(64);

describe('the envelope of a cache entry', () => {
  it('gives back the payload it sealed, for its kind and key only', async () => {
    const payload = Buffer.from('the analysis '.repeat(1000));
    const file = await sealEntry('base', KEY, payload);
    assert.ok(file.length < payload.length, 'the payload is compressed');
    assert.deepEqual(openEntry(file, 'base', KEY), payload);
    assert.throws(() => openEntry(file, 'base', 'b'.repeat(64)), (e: unknown) => e instanceof CacheEntryError && /another key/.test(e.message));
    assert.throws(() => openEntry(file, 'layer', KEY), /another kind of entry/);
  });

  it('refuses a truncated, corrupted, foreign or other-version entry, saying which', async () => {
    const file = await sealEntry('base', KEY, Buffer.from('x'.repeat(5000)));
    const reason = (bytes: Buffer): string => {
      try {
        openEntry(bytes, 'base', KEY);
      } catch (err) {
        assert.ok(err instanceof CacheEntryError);
        return err.message;
      }
      return 'accepted';
    };
    assert.equal(reason(file.subarray(0, file.length - 1)), 'truncated');
    assert.equal(reason(file.subarray(0, 20)), 'truncated');
    assert.equal(reason(Buffer.alloc(0)), 'empty file');
    assert.equal(reason(Buffer.concat([file, Buffer.from([0])])), 'trailing bytes after the payload');
    const flipped = Buffer.from(file);
    flipped[flipped.length - 5]! ^= 0xff;
    assert.equal(reason(flipped), 'checksum mismatch');
    assert.equal(reason(Buffer.from('{"not":"ours"}'.padEnd(100))), 'not an image-size-guard cache entry');
    // the same layout written by another version, schema or format: rewrite the header
    const headerLen = file.readUInt32LE(8);
    const header = JSON.parse(file.subarray(12, 12 + headerLen).toString()) as Record<string, unknown>;
    const rewritten = (patch: Record<string, unknown>): Buffer => {
      const json = Buffer.from(JSON.stringify({ ...header, ...patch }));
      const len = Buffer.alloc(4);
      len.writeUInt32LE(json.length);
      return Buffer.concat([file.subarray(0, 8), len, json, file.subarray(12 + headerLen)]);
    };
    assert.equal(reason(rewritten({})), 'accepted');
    assert.equal(reason(rewritten({ tool: '0.0.1' })), `made by image-size-guard 0.0.1, this is ${toolBuild()}`);
    assert.equal(reason(rewritten({ schema: 2 })), 'report schema 2, not 1');
    assert.equal(reason(rewritten({ format: 9 })), 'cache format 9, not 1');
    assert.equal(reason(rewritten({ rawBytes: 10 })), 'the payload does not decompress');
  });
});

describe('the key of a base analysis', () => {
  const inputs: BaseKeyInputs = {
    commit: '0123456789abcdef0123456789abcdef01234567',
    context: 'services/api',
    dockerfile: 'services/api/Dockerfile',
    target: 'final',
    buildArgs: ['A=1', 'B=2'],
    platform: 'linux/amd64',
    driver: 'docker',
    ociExport: false,
    buildxFlags: ['--cache-from', 'type=gha'],
    compressedSize: 'auto',
  };

  it('is the same for the same inputs, and changes with each of them', () => {
    const key = baseKey(inputs);
    assert.match(key, /^[a-f0-9]{64}$/);
    assert.equal(baseKey({ ...inputs, buildArgs: [...inputs.buildArgs] }), key);
    const changes: Partial<BaseKeyInputs>[] = [
      { commit: '1123456789abcdef0123456789abcdef01234567' },
      { context: 'services/web' },
      { dockerfile: 'services/api/Dockerfile.prod' },
      { target: null },
      { target: 'build' },
      { buildArgs: ['A=1'] },
      { buildArgs: ['B=2', 'A=1'] }, // order decides which of two same-named args wins
      { buildArgs: ['A=1', 'B=3'] },
      { platform: null },
      { platform: 'linux/arm64' },
      { driver: 'docker-container' },
      { ociExport: true },
      { buildxFlags: [] },
      { buildxFlags: ['--cache-from', 'type=local'] },
      { compressedSize: 'exact' },
      { compressedSize: 'off' },
    ];
    const keys = changes.map((c) => baseKey({ ...inputs, ...c }));
    for (const [i, k] of keys.entries()) assert.notEqual(k, key, JSON.stringify(changes[i]));
    assert.equal(new Set(keys).size, keys.length, 'each change gives its own key');
  });
});

async function model(layers: TestLayer[]): Promise<ImageModel> {
  const { archive } = await makeImageArchive({ format: 'oci', layers });
  return readImageArchive(chunked(archive, 1000), { compressedSize: 'off' });
}

const seedLayers: TestLayer[] = [
  { entries: [{ path: 'bin/', type: 'directory' }, { path: 'bin/sh', content: Buffer.alloc(3000, 1), mode: 0o755 }, { path: 'var/lib/dpkg/status', content: 'Package: dash\nStatus: install ok installed\nVersion: 0.5\n\n' }] },
  { entries: [{ path: 'app', content: Buffer.alloc(7000, 2) }, { path: 'bin/.wh.sh', content: '' }] },
];

describe('a base kept in the cache directory', () => {
  const side = async (): Promise<Side> => ({ models: [await model(seedLayers)], available: null, source: 'build', ref: 'c0', dockerfile: 'Dockerfile', dockerfileText: 'FROM scratch\nCOPY . /\n', timings: { build: 1 } });

  it('is read back equal, under the ref the reading run names, marked as from the cache', async () => {
    const dir = tmp();
    const original = await side();
    const writer = new AnalysisCache({ dir });
    writer.keepBase(KEY, original, false);
    assert.deepEqual(await writer.close(), []);
    const reader = new AnalysisCache({ dir });
    const back = await reader.loadBase(KEY, 'HEAD~1');
    assert.ok(back);
    assert.equal(back.ref, 'HEAD~1');
    assert.equal(back.fromCache, true);
    assert.equal(back.dockerfileText, original.dockerfileText);
    const a = back.models[0]!;
    const b = original.models[0]!;
    assert.deepEqual([...a.files.entries()], [...b.files.entries()]);
    assert.deepEqual([a.size, a.fileCount, a.finalBytes, a.layers, a.config, a.id], [b.size, b.fileCount, b.finalBytes, b.layers, b.config, b.id]);
    assert.deepEqual([...a.capturedFiles.keys()], ['/var/lib/dpkg/status']);
    assert.equal(await reader.loadBase('b'.repeat(64), 'HEAD~1'), null, 'another key: a miss');
    assert.deepEqual(await reader.close(), []);
  });

  it('a corrupt, truncated or foreign entry is ignored with a warning naming why, and removed', async () => {
    const dir = tmp();
    const writer = new AnalysisCache({ dir });
    writer.keepBase(KEY, await side(), false);
    await writer.close();
    const file = new CacheDir(dir).path('bases', KEY);
    const good = readFileSync(file);
    const cases: [string, Buffer, RegExp][] = [
      ['corrupt', Buffer.concat([good.subarray(0, good.length - 10), Buffer.alloc(10, 0x55)]), /checksum mismatch/],
      ['truncated', good.subarray(0, Math.floor(good.length / 2)), /truncated/],
      ['foreign', await sealEntry('base', 'c'.repeat(64), Buffer.from('x')), /made for another key/],
      ['a good envelope around a side that promises a model and has none', await sealEntry('base', KEY, sideHeader(1)), /\(truncated\)/],
      ['a good envelope around a side without models', await sealEntry('base', KEY, sideHeader(0)), /bad side header/],
      ['a good envelope around bytes that are no side', await sealEntry('base', KEY, Buffer.from('{"dockerfile":null}')), /does not parse|truncated/],
    ];
    for (const [what, bytes, why] of cases) {
      writeFileSync(file, bytes);
      const cache = new AnalysisCache({ dir });
      assert.equal(await cache.loadBase(KEY, 'c0'), null, what);
      const warnings = await cache.close();
      assert.equal(warnings.length, 1, what);
      assert.match(warnings[0]!, /^ignored the cached analysis of c0 \(/, what);
      assert.match(warnings[0]!, why, what);
      assert.equal(existsSync(file), false, `${what}: removed, so it is not read (and warned about) again`);
    }
  });

  it('asks the remote base cache when the directory misses, and reads what it restored', async () => {
    const dir = tmp();
    const elsewhere = tmp();
    const saved = new Map<string, Buffer>();
    const remote = {
      restores: 0,
      async restore(key: string, file: string) {
        this.restores++;
        const b = saved.get(key);
        if (!b) return false;
        mkdirSync(join(file, '..'), { recursive: true });
        writeFileSync(file, b);
        return true;
      },
      async save(key: string, file: string) {
        saved.set(key, readFileSync(file));
      },
    };
    const pusher = new AnalysisCache({ dir: elsewhere, remote });
    pusher.keepBase(KEY, await side(), true);
    await pusher.close();
    assert.deepEqual([...saved.keys()], [KEY]);
    const pr = new AnalysisCache({ dir, remote });
    assert.ok(await pr.loadBase(KEY, 'c0'));
    assert.equal(remote.restores, 1);
    assert.equal(await pr.loadBase('d'.repeat(64), 'c0'), null);
    assert.ok(await pr.loadBase(KEY, 'c0'), 'now in the directory');
    assert.equal(remote.restores, 2, 'the directory answered the third lookup');
  });
});

describe('the cache directory stays bounded', () => {
  it('removes entries unused for the age limit, then the least recently used until under 80% of the size limit', async () => {
    const root = tmp();
    const dir = new CacheDir(root);
    const now = Date.now();
    const names = ['a1', 'a2', 'a3', 'a4', 'a5'];
    for (const [i, name] of names.entries()) {
      await dir.write('layers', name, Buffer.alloc(1000));
      const t = new Date(now - (names.length - i) * 60_000); // a1 used longest ago
      utimesSync(dir.path('layers', name), t, t);
    }
    await dir.write('bases', 'b1', Buffer.alloc(1000));
    utimesSync(dir.path('bases', 'b1'), new Date(now - 40 * 86400_000), new Date(now - 40 * 86400_000));
    dir.read('layers', 'a1'); // used now: the most recent
    const r = await dir.prune({ maxBytes: 4500, maxAgeMs: 30 * 86400_000 }, now);
    const left = [...names.filter((n) => existsSync(dir.path('layers', n))), ...(existsSync(dir.path('bases', 'b1')) ? ['b1'] : [])];
    assert.deepEqual(left, ['a1', 'a4', 'a5'], 'the stale base, then a2 and a3 (least recently used) went');
    assert.equal(r.bytes, 3000);
    const again = await dir.prune({ maxBytes: 4500, maxAgeMs: 30 * 86400_000 }, now);
    assert.equal(again.removed, 0, 'under the limit: nothing more goes');
  });
});

describe('layer scans kept by digest, through the archive reader', () => {
  const layers: TestLayer[] = [
    { entries: [{ path: 'a', content: Buffer.alloc(4000, 7) }, { path: 'var/lib/dpkg/status', content: 'Package: x\nStatus: install ok installed\nVersion: 1\n\n' }] },
    { entries: [{ path: 'b', content: Buffer.alloc(2000, 8) }], compression: 'gzip' },
  ];

  /** The disk layer cache, counting what it was asked and what it kept. */
  function counting(disk: CacheDirLayers): DiskLayerCache & { hits: string[]; saved: string[] } {
    const hits: string[] = [];
    const saved: string[] = [];
    return {
      hits,
      saved,
      lookup(digest: string): CachedLayer | null {
        const s = disk.lookup(digest);
        if (s) hits.push(digest);
        return s;
      },
      save(digest: string, layer: CachedLayer): void {
        saved.push(digest);
        disk.save(digest, layer);
      },
    };
  }

  it('a second read of the same blobs scans nothing and gives the same model; the estimate is kept too', async () => {
    const dir = new CacheDir(tmp());
    const disk = new CacheDirLayers(dir);
    const { archive } = await makeImageArchive({ format: 'oci', layers });
    const first = counting(disk);
    const a = await readImageArchive(chunked(archive, 997), { compressedSize: 'auto', diskLayers: first });
    await disk.flush();
    assert.equal(first.hits.length, 0);
    assert.equal(first.saved.length, 2, 'both blobs verified and kept');
    const second = counting(new CacheDirLayers(dir));
    const b = await readImageArchive(chunked(archive, 997), { compressedSize: 'auto', diskLayers: second });
    assert.equal(second.hits.length, 2);
    assert.deepEqual([...b.files.entries()], [...a.files.entries()]);
    assert.deepEqual(b.layers, a.layers, 'sizes, counts and the gzip estimate of the uncompressed layer');
    assert.ok(a.layers[0]!.compressedSize! > 0 && !a.layers[0]!.compressedSizeExact);
    assert.deepEqual([...b.capturedFiles.entries()], [...a.capturedFiles.entries()]);
    // a kept estimate is not shown when none is asked for: the uncompressed layer has no compressed size then
    for (const mode of ['off', 'exact'] as const) {
      const c = await readImageArchive(chunked(archive, 997), { compressedSize: mode, diskLayers: counting(new CacheDirLayers(dir)) });
      assert.equal(c.layers[0]!.compressedSize, null, mode);
      assert.equal(c.layers[1]!.compressedSizeExact, true, `${mode}: the gzip blob's own size`);
    }
  });

  it('a blob whose bytes are not its digest: never kept; and refused when the disk layer cache knows the digest', async () => {
    const dir = new CacheDir(tmp());
    const disk = new CacheDirLayers(dir);
    const good = await makeImageArchive({ format: 'oci', layers });
    const model = await readImageArchive(chunked(good.archive, 4096), { compressedSize: 'off', diskLayers: disk });
    await disk.flush();
    const digests = model.layers.map((l) => l.digest!);
    // the same archive with the first blob's content changed after its digest was taken (still a valid tar)
    const mangled = await makeImageArchive({ format: 'oci', layers, mangleBlob: (b, i) => (i === 0 ? Buffer.concat([b.subarray(0, 600), Buffer.from('tampered'), b.subarray(608)]) : b) });
    await assert.rejects(readImageArchive(chunked(mangled.archive, 4096), { compressedSize: 'off', diskLayers: disk }), (e: unknown) => e instanceof ImageArchiveError && /does not match its digest/.test(e.message));
    const freshDisk = new CacheDirLayers(new CacheDir(tmp()));
    const fresh = counting(freshDisk);
    await readImageArchive(chunked(mangled.archive, 4096), { compressedSize: 'off', diskLayers: fresh });
    await freshDisk.flush();
    assert.deepEqual(fresh.saved, [digests[1]], 'only the intact blob is kept');
  });

  it('a corrupt layer entry is ignored with a warning and the blob scanned again', async () => {
    const root = tmp();
    const dir = new CacheDir(root);
    const disk = new CacheDirLayers(dir);
    const { archive } = await makeImageArchive({ format: 'oci', layers });
    const a = await readImageArchive(chunked(archive, 4096), { compressedSize: 'off', diskLayers: disk });
    await disk.flush();
    const digest = a.layers[0]!.digest!;
    const file = dir.path('layers', `${toolBuild().replace(/[^a-z0-9]+/g, '-')}-${digest.replace(':', '-')}`);
    writeFileSync(file, readFileSync(file).subarray(0, 50));
    const again = new CacheDirLayers(dir);
    const b = await readImageArchive(chunked(archive, 4096), { compressedSize: 'off', diskLayers: again });
    assert.deepEqual([...b.files.entries()], [...a.files.entries()]);
    assert.deepEqual(again.warnings, [`ignored the cached analysis of layer ${digest} (truncated); the layer is read again`]);
    await again.flush();
    assert.ok(readFileSync(file).length > 50, 'kept again, whole');
  });
});


function sideHeader(models: number): Buffer {
  const w = new Writer();
  w.json({ dockerfile: null, dockerfileText: null, models });
  return w.finish();
}
