// One archive or OCI layout directory holding several platforms (a multi-platform buildx export): each
// platform's image, attestations skipped, shared blobs assembled correctly for every platform, and an
// oci-dir's blobs verified as they are read.

import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { readImageArchive, readImageArchives } from '../../src/image/read-image.js';
import { RunLayerCache } from '../../src/image/run-layer-cache.js';
import { UserError } from '../../src/model/errors.js';
import { readOciDir } from '../../src/sources/read-oci-dir.js';
import { chunked } from '../helpers/make-archive.js';
import { layoutTar, makeOciLayout, writeLayout, type Layout } from '../helpers/oci-layout.js';

const shared = [{ path: 'etc/common', content: 'c'.repeat(3000) }, { path: 'bin/tool', content: 't'.repeat(500) }, { path: 'bin/tool-link', type: 'link' as const, linkname: 'bin/tool' }];
let layout: Layout;
let tar: Buffer;
let dir = '';

beforeAll(async () => {
  layout = await makeOciLayout([
    { platform: { os: 'linux', architecture: 'amd64' }, layers: [shared, [{ path: 'app', content: 'a'.repeat(1000) }]] },
    { platform: { os: 'linux', architecture: 'arm64', variant: 'v8' }, layers: [shared, [{ path: 'app', content: 'b'.repeat(2500) }]] },
    { platform: { os: 'linux', architecture: 's390x' }, layers: [[{ path: 'app', content: 'z'.repeat(10) }]] },
  ]);
  tar = await layoutTar(layout);
  dir = mkdtempSync(join(tmpdir(), 'isg-ocidir-'));
  writeLayout(layout, join(dir, 'ok'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const summary = (models: { platform: string; id: string; size: number; fileCount: number; compressedSize: number | null; files: ReadonlyMap<string, { size: number; layer: number }> }[]) =>
  models.map((m) => [m.platform, m.id, m.size, m.fileCount, m.compressedSize, m.files.get('/bin/tool')?.layer ?? null]);

const expected = (platforms: number[]) =>
  platforms.map((i) => {
    const img = layout.images[i]!;
    const size = [4500, 6000, 10][i]!;
    const files = [4, 4, 1][i]!;
    return [img.platform, img.id, size, files, img.blobs.reduce((a, b) => a + b.size, 0), i === 2 ? null : 0];
  });

describe('readImageArchives: a multi-platform OCI archive', () => {
  it('all: every platform in the index\'s order, the attestation skipped; a shared layer assembled right for each', async () => {
    const models = await readImageArchives(chunked(tar, 4099), 'all');
    assert.deepEqual(summary(models), expected([0, 1, 2]));
    for (const m of models.slice(0, 2)) assert.equal(m.files.get('/bin/tool-link')?.size, 0, 'the hardlink counts 0 on every platform');
  });

  it('a list picks those platforms (arm64 matches arm64/v8); one it lacks is simply absent', async () => {
    const models = await readImageArchives(chunked(tar), ['linux/s390x', 'linux/arm64', 'linux/ppc64le']);
    assert.deepEqual(summary(models), expected([1, 2]));
  });

  it('the single-image reader picks the platform asked for, else the host\'s, as a registry does', async () => {
    assert.deepEqual(summary([await readImageArchive(chunked(tar), { platform: 'linux/s390x' })]), expected([2]));
    if (process.arch === 'x64') assert.deepEqual(summary([await readImageArchive(chunked(tar))]), expected([0]));
    if (process.arch === 'arm64') assert.deepEqual(summary([await readImageArchive(chunked(tar))]), expected([1]));
    await assert.rejects(readImageArchive(chunked(tar), { platform: 'linux/ppc64le' }), /the archive has no image for linux\/ppc64le \(it has: linux\/amd64, linux\/arm64\/v8, linux\/s390x\)/);
  });
});

describe('readOciDir: the same layout as a directory, read in place', () => {
  it('reads the platforms asked for with exact compressed sizes; shared blobs scanned once', async () => {
    const runLayers = new RunLayerCache();
    let progress = 0;
    const all = await readOciDir(join(dir, 'ok'), 'all', { runLayers, onProgress: (n) => (progress = n) });
    assert.deepEqual(summary(all.models), expected([0, 1, 2]));
    assert.deepEqual(all.available, ['linux/amd64', 'linux/arm64/v8', 'linux/s390x']);
    assert.equal(runLayers.size, 4, 'four distinct layer blobs');
    const distinct = new Map(layout.images.flatMap((i) => i.blobs.map((b) => [b.digest, b.size] as const)));
    assert.equal(progress, [...distinct.values()].reduce((a, b) => a + b, 0), 'progress counts each distinct blob once');
    const some = await readOciDir(join(dir, 'ok'), ['linux/arm64', 'linux/riscv64'], { runLayers });
    assert.deepEqual(summary(some.models), expected([1]));
    assert.deepEqual(some.missing, ['linux/riscv64']);
    const own = await readOciDir(join(dir, 'ok'), undefined, { runLayers });
    assert.equal(own.models.length, process.arch === 'x64' || process.arch === 'arm64' ? 1 : 0, 'the host\'s platform by default');
  });

  it('a corrupted layer blob: one line naming the digest', async () => {
    writeLayout(layout, join(dir, 'bad'));
    const blob = layout.images[1]!.blobs[1]!;
    const path = join(dir, 'bad', 'blobs', 'sha256', blob.digest.slice(7));
    const bytes = Buffer.alloc(blob.size, 0x41); // same size, not gzip, wrong digest
    writeFileSync(path, bytes);
    await assert.rejects(readOciDir(join(dir, 'bad'), ['linux/arm64'], { runLayers: new RunLayerCache() }), (e: Error) =>
      e instanceof UserError && e.message.includes(`digest mismatch for blob ${blob.digest}`) && !e.message.includes('\n'));
  });

  it('a truncated or missing blob, a missing index: one line each', async () => {
    writeLayout(layout, join(dir, 'cut'));
    const blob = layout.images[0]!.blobs[0]!;
    const path = join(dir, 'cut', 'blobs', 'sha256', blob.digest.slice(7));
    writeFileSync(path, Buffer.alloc(10));
    await assert.rejects(readOciDir(join(dir, 'cut'), ['linux/amd64'], { runLayers: new RunLayerCache() }), new RegExp(`blob ${blob.digest} of the OCI layout ".*" has 10 bytes, its manifest says ${blob.size}`));
    rmSync(path);
    await assert.rejects(readOciDir(join(dir, 'cut'), ['linux/amd64'], { runLayers: new RunLayerCache() }), new RegExp(`lacks blob ${blob.digest}`));
    rmSync(join(dir, 'cut', 'index.json'));
    await assert.rejects(readOciDir(join(dir, 'cut'), 'all', { runLayers: new RunLayerCache() }), /has no readable index\.json/);
    assert.ok(readdirSync(join(dir, 'cut')).length > 0 && statSync(join(dir, 'cut')).isDirectory());
  });
});
