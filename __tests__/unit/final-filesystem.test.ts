// The compact final filesystem (path table + stamps and cutoffs) against a plain reference: a Map of path
// strings where deleting a directory deletes every key below it. Random layer stacks over a small set of
// names make the cases collide: directories replaced by files and back, whiteouts and opaque markers in
// the same layer, hardlinks whose first name goes away, layers applied twice. The reference also keeps the
// waste ledger the obvious way: every file it removes (deleted below a whiteout, an opaque marker or a put, or
// replaced by a put), by the layer that removed it, less the contents a surviving hardlink still carries.

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { buildFinalFilesystem } from '../../src/image/final-filesystem.js';
import { PutLog, type LayerChanges } from '../../src/image/layer-scan.js';
import { PathTable } from '../../src/image/path-table.js';
import type { FileEntry, FileType, WastedWrite } from '../../src/image/types.js';

interface Put {
  path: string;
  type: FileType;
  size: number;
  mode: number;
  link: string | null;
}
interface Layer {
  whiteouts: string[];
  opaques: string[];
  puts: Put[];
}

function changes(layer: Layer): LayerChanges {
  const paths = new PathTable(4);
  const puts = new PutLog();
  for (const p of layer.puts) puts.push(paths.intern(p.path), p.type, p.mode, p.size, p.link);
  return { paths, puts, whiteouts: layer.whiteouts.map((w) => paths.intern(w)), opaques: layer.opaques.map((o) => paths.intern(o)) };
}

// ---- the reference: obvious and slow ----
interface RefEntry extends FileEntry {
  content: { id: number; size: number; layer: number } | null;
}

function reference(layers: Layer[]) {
  const fs = new Map<string, RefEntry>();
  let contentIds = 0;
  const removed: (WastedWrite & { content: number })[] = [];
  let now = 0;
  /** Removes a path from the map, entering a file's content as waste, removed by the layer applied now. */
  const drop = (k: string, how: WastedWrite['how']): void => {
    const e = fs.get(k);
    if (e?.type === 'file' && e.content && e.size > 0) removed.push({ path: k, bytes: e.size, layer: e.content.layer, removedBy: now, how, content: e.content.id });
    fs.delete(k);
  };
  const below = (p: string): string[] => [...fs.keys()].filter((k) => k.startsWith(p + '/'));
  const isDir = (p: string): boolean => p === '' || fs.get(p)?.type === 'dir';
  const implicit = (p: string, layer: number): RefEntry => ({ path: p, type: 'dir', size: 0, mode: 0o755, linkTarget: null, layer, content: null });
  const ensureParents = (p: string, layer: number): void => {
    const parts = p.split('/').slice(1, -1);
    let at = '';
    for (const part of parts) {
      at += '/' + part;
      if (!isDir(at)) {
        drop(at, 'overwritten');
        fs.set(at, implicit(at, layer));
      }
    }
  };
  layers.forEach((layer, index) => {
    now = index;
    for (const w of layer.whiteouts) {
      const chainOk = w.split('/').slice(1, -1).every((_, i, a) => isDir('/' + a.slice(0, i + 1).join('/')));
      if (!chainOk || !fs.has(w)) continue;
      for (const k of below(w)) drop(k, 'deleted');
      drop(w, 'deleted');
    }
    for (const o of layer.opaques) {
      if (o !== '/') {
        ensureParents(o, index);
        if (!isDir(o)) {
          drop(o, 'overwritten');
          fs.set(o, implicit(o, index));
        }
      }
      for (const k of below(o === '/' ? '' : o)) drop(k, 'deleted');
    }
    for (const p of layer.puts) {
      ensureParents(p.path, index);
      const existing = fs.get(p.path);
      if (p.type === 'dir' && existing?.type === 'dir') {
        fs.set(p.path, { ...existing, mode: p.mode, layer: index });
        continue;
      }
      let content: RefEntry['content'] = null;
      if (p.type === 'hardlink' && p.link) {
        const t = fs.get(p.link);
        content = t?.type === 'file' || t?.type === 'hardlink' ? t.content : null;
      }
      for (const k of below(p.path)) drop(k, 'deleted');
      drop(p.path, 'overwritten');
      if (p.type === 'file') content = { id: ++contentIds, size: p.size, layer: index };
      fs.set(p.path, { path: p.path, type: p.type, size: p.size, mode: p.mode, linkTarget: p.link, layer: index, content });
    }
  });
  const survivingBytes = new Array<number>(layers.length).fill(0);
  let finalBytes = 0;
  const present = new Set<number>();
  for (const e of fs.values()) if (e.type === 'file' && e.content) present.add(e.content.id);
  const carried = new Set<number>();
  for (const e of fs.values()) {
    if (e.type === 'file') {
      finalBytes += e.size;
      survivingBytes[e.layer] = (survivingBytes[e.layer] ?? 0) + e.size;
    } else if (e.type === 'hardlink' && e.content && !present.has(e.content.id) && !carried.has(e.content.id)) {
      carried.add(e.content.id);
      finalBytes += e.content.size;
      survivingBytes[e.content.layer] = (survivingBytes[e.content.layer] ?? 0) + e.content.size;
    }
  }
  const fileCount = [...fs.values()].filter((e) => e.type !== 'dir').length;
  const waste: WastedWrite[] = removed.filter((w) => !carried.has(w.content)).map((w) => ({ path: w.path, bytes: w.bytes, layer: w.layer, removedBy: w.removedBy, how: w.how }));
  return { fs, finalBytes, survivingBytes, fileCount, waste };
}

// ---- random stacks (a fixed seed: the same cases every run) ----
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

const DIRS = ['/a', '/a/b', '/a/b/c', '/x', '/x/ü', '/a/日本'];
const NAMES = ['f', 'g', 'b', 'c', 'ü'];

function randomStack(rand: () => number): Layer[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const path = (): string => (rand() < 0.3 ? pick(DIRS) : `${pick(DIRS)}/${pick(NAMES)}`);
  const layers: Layer[] = [];
  const n = 1 + Math.floor(rand() * 5);
  for (let i = 0; i < n; i++) {
    if (i > 0 && rand() < 0.1) {
      layers.push(layers[Math.floor(rand() * layers.length)] as Layer); // the same layer twice
      continue;
    }
    const layer: Layer = { whiteouts: [], opaques: [], puts: [] };
    for (let k = Math.floor(rand() * 3); k > 0; k--) layer.whiteouts.push(path());
    for (let k = rand() < 0.3 ? 1 : 0; k > 0; k--) layer.opaques.push(rand() < 0.1 ? '/' : pick(DIRS));
    for (let k = Math.floor(rand() * 12); k > 0; k--) {
      const r = rand();
      const type: FileType = r < 0.45 ? 'file' : r < 0.7 ? 'dir' : r < 0.82 ? 'hardlink' : r < 0.92 ? 'symlink' : 'fifo';
      const link = type === 'hardlink' ? path() : type === 'symlink' ? pick(['../f', '/a/b', 'ü']) : null;
      layer.puts.push({ path: path(), type, size: type === 'file' ? 1 + Math.floor(rand() * 1000) : 0, mode: Math.floor(rand() * 0o7777), link });
    }
    layers.push(layer);
  }
  return layers;
}

describe('final filesystem', () => {
  it('matches the reference on 3,000 random layer stacks', () => {
    const rand = rng(20_261_130);
    for (let round = 0; round < 3000; round++) {
      const stack = randomStack(rand);
      const want = reference(stack);
      const got = buildFinalFilesystem(stack.map(changes));
      const context = `round ${round}: ${JSON.stringify(stack)}`;
      const strip = (e: FileEntry) => ({ path: e.path, type: e.type, mode: e.mode, linkTarget: e.linkTarget, layer: e.layer, size: e.type === 'hardlink' ? 'h' : e.size });
      const sorted = (xs: FileEntry[]) => xs.map(strip).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      assert.deepEqual(sorted([...got.files.values()]), sorted([...want.fs.values()]), context);
      assert.equal(got.files.size, want.fs.size, context);
      assert.equal(got.fileCount, want.fileCount, context);
      assert.equal(got.finalBytes, want.finalBytes, context);
      assert.deepEqual(got.survivingBytes, want.survivingBytes, context);
      for (const p of want.fs.keys()) assert.ok(got.files.has(p), `${context}: has ${p}`);
    }
  });

  it('keeps the same waste ledger as the reference on 3,000 random layer stacks, adding up to the wasted bytes', () => {
    const rand = rng(20_261_212);
    const order = (xs: WastedWrite[]) => xs.map((w) => JSON.stringify(w)).sort();
    let entries = 0;
    for (let round = 0; round < 3000; round++) {
      const stack = randomStack(rand);
      const want = reference(stack);
      const got = buildFinalFilesystem(stack.map(changes));
      const context = `round ${round}: ${JSON.stringify(stack)}`;
      assert.deepEqual(order([...got.waste]), order(want.waste), context);
      const layerBytes = stack.reduce((sum, l) => sum + l.puts.reduce((s, p) => s + p.size, 0), 0);
      assert.equal([...got.waste].reduce((sum, w) => sum + w.bytes, 0), layerBytes - got.finalBytes, context);
      entries += got.waste.count;
    }
    assert.ok(entries > 3000, `the stacks waste something (${entries} entries)`);
  });

  it('names the layer that hid a write, not a later one that cut the same directory again', () => {
    const file = (path: string, size: number): Put => ({ path, type: 'file', size, mode: 0o644, link: null });
    const fs = buildFinalFilesystem([
      changes({ whiteouts: [], opaques: [], puts: [file('/d/a', 10), file('/keep', 1)] }),
      changes({ whiteouts: ['/d'], opaques: [], puts: [] }),
      changes({ whiteouts: [], opaques: [], puts: [file('/d/b', 20)] }),
      changes({ whiteouts: [], opaques: ['/d'], puts: [file('/keep', 2)] }),
    ]);
    assert.deepEqual(
      [...fs.waste].sort((x, y) => x.layer - y.layer || (x.path < y.path ? -1 : 1)),
      [
        { path: '/d/a', bytes: 10, layer: 0, removedBy: 1, how: 'deleted' },
        { path: '/keep', bytes: 1, layer: 0, removedBy: 3, how: 'overwritten' },
        { path: '/d/b', bytes: 20, layer: 2, removedBy: 3, how: 'deleted' },
      ],
    );
  });

  it('a directory replaced by a file in the same layer loses what that layer put in it', () => {
    const fs = buildFinalFilesystem([
      changes({
        whiteouts: [],
        opaques: [],
        puts: [
          { path: '/d/x', type: 'file', size: 5, mode: 0o644, link: null },
          { path: '/d', type: 'file', size: 3, mode: 0o644, link: null },
        ],
      }),
    ]);
    assert.deepEqual([...fs.files.keys()], ['/d']);
    assert.equal(fs.finalBytes, 3);
  });

  it('a hardlink whose first name is deleted carries the content, once', () => {
    const fs = buildFinalFilesystem([
      changes({
        whiteouts: [],
        opaques: [],
        puts: [
          { path: '/bin/busybox', type: 'file', size: 900, mode: 0o755, link: null },
          { path: '/bin/ls', type: 'hardlink', size: 0, mode: 0o755, link: '/bin/busybox' },
          { path: '/bin/cat', type: 'hardlink', size: 0, mode: 0o755, link: '/bin/ls' },
        ],
      }),
      changes({ whiteouts: ['/bin/busybox'], opaques: [], puts: [] }),
    ]);
    assert.equal(fs.finalBytes, 900);
    assert.deepEqual([fs.files.get('/bin/ls')?.size, fs.files.get('/bin/cat')?.size].sort(), [0, 900]);
    assert.deepEqual(fs.survivingBytes, [900, 0]);
  });
});

describe('FileIndex reads like a Map', () => {
  const fs = buildFinalFilesystem([
    changes({
      whiteouts: [],
      opaques: [],
      puts: [
        { path: '/etc/passwd', type: 'file', size: 10, mode: 0o644, link: null },
        { path: '/usr/bin/sh', type: 'symlink', size: 0, mode: 0o777, link: 'dash' },
        { path: '/srv/naïve/日本.txt', type: 'file', size: 4, mode: 0o600, link: null },
      ],
    }),
  ]);
  const files = fs.files;
  const plain = new Map(files);

  it('offers get, has, size, keys, values, entries, forEach and iteration consistently', () => {
    assert.equal(files.size, 8);
    assert.equal(plain.size, 8);
    // parents first, in the order the layers made them
    assert.deepEqual([...files.keys()], ['/etc', '/etc/passwd', '/usr', '/usr/bin', '/usr/bin/sh', '/srv', '/srv/naïve', '/srv/naïve/日本.txt']);
    assert.deepEqual([...files.values()], [...plain.values()]);
    assert.deepEqual([...files], [...files.entries()]);
    const seen: string[] = [];
    files.forEach((e, k, m) => {
      assert.equal(e.path, k);
      assert.equal(m, files);
      seen.push(k);
    });
    assert.deepEqual(seen, [...files.keys()]);
    for (const [k, v] of plain) {
      assert.ok(files.has(k));
      assert.deepEqual(files.get(k), v);
    }
    assert.deepEqual(files.get('/usr/bin/sh'), { path: '/usr/bin/sh', type: 'symlink', size: 0, mode: 0o777, linkTarget: 'dash', layer: 0 });
    assert.deepEqual(files.get('/srv/naïve/日本.txt'), { path: '/srv/naïve/日本.txt', type: 'file', size: 4, mode: 0o600, linkTarget: null, layer: 0 });
  });

  it('answers only the spelling a Map key would have', () => {
    for (const key of ['/', '', 'etc/passwd', '/etc//passwd', '/etc/passwd/', '/etc/./passwd', '/etc/../etc/passwd', '/etc/passw', '/etc/passwdx', '/nope']) {
      assert.equal(files.get(key), undefined, key);
      assert.equal(files.has(key), false, key);
    }
  });
});

describe('PathTable', () => {
  it('interns 200,000 paths (growing as it goes) and finds each by path and by another table’s name', () => {
    const t = new PathTable(4);
    const ids: number[] = [];
    for (let i = 0; i < 200_000; i++) ids.push(t.intern(`/d${i % 97}/s${i % 13}/n${i}${i % 5 === 0 ? 'é' : ''}`));
    assert.equal(t.count, 1 + 97 + 97 * 13 + 200_000); // root, /dN, every /dN/sM (97 and 13 are coprime), the leaves
    for (let i = 0; i < 200_000; i += 997) {
      const p = `/d${i % 97}/s${i % 13}/n${i}${i % 5 === 0 ? 'é' : ''}`;
      assert.equal(t.lookup(p), ids[i]);
      assert.equal(t.path(ids[i] as number), p);
    }
    assert.equal(t.intern('/d1/s1/n1'), t.lookup('/d1/s1/n1'));
    const other = new PathTable();
    const o = other.intern('/d3/s3/n3');
    const parent = t.lookup('/d3/s3');
    assert.equal(t.childLike(parent, other, o, false), ids[3]);
    assert.equal(t.childLike(t.lookup('/d4/s4'), other, o, false), -1);
    t.compact();
    assert.equal(t.lookup('/d0/s0/n1'), -1);
    assert.equal(t.lookup('/d1/s1/n1'), ids[1]);
    assert.equal(t.name(ids[5] as number), 'n5é');
  });
});
