// The run layer cache: a layer shared by two images is scanned once per run, and each image's model is still its own.
import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { gzipSync } from 'node:zlib';
import { assembleImage } from '../../src/image/assemble-image.js';
import type { RawConfig } from '../../src/oci/config.js';
import { scanLayerStream } from '../../src/image/scan-layer-stream.js';
import type { CachedLayer } from '../../src/image/cached-layer.js';
import { RunLayerCache } from '../../src/image/run-layer-cache.js';
import { tarBuffer } from '../helpers/make-archive.js';

async function* once(b: Buffer): AsyncGenerator<Buffer> {
  for (let i = 0; i < b.length; i += 1000) yield b.subarray(i, i + 1000);
}

const config = (n: number): RawConfig => ({ os: 'linux', architecture: 'amd64', rootfs: { diff_ids: Array.from({ length: n }, (_, i) => `sha256:${String(i).repeat(64)}`) } });

describe('scanned layers shared between images', () => {
  it('scans a shared digest once and gives each image correct, independent entries (hardlinks too)', async () => {
    const shared = gzipSync(await tarBuffer([
      { path: 'bin/', type: 'directory' },
      { path: 'bin/tool', content: 'x'.repeat(1000) },
      { path: 'bin/tool-link', type: 'link', linkname: 'bin/tool' },
    ]));
    const removesTool = await tarBuffer([{ path: 'bin/.wh.tool', content: '' }]);
    const extra = await tarBuffer([{ path: 'etc/app.conf', content: 'y'.repeat(50) }]);
    const cache = new RunLayerCache();
    let scans = 0;
    const get = (digest: string, blob: Buffer): Promise<CachedLayer> =>
      cache.get(digest, async () => {
        scans++;
        return { ...(await scanLayerStream(once(blob), `layer ${digest}`)), estimate: null };
      });
    const asLayer = async (digest: string, blob: Buffer) => ({ ...(await get(digest, blob)), digest, compressedSize: blob.length, compressedSizeExact: true });

    // Image A: shared layer, then a layer deleting /bin/tool (the hardlink now carries the content).
    const a = assembleImage({ configBytes: Buffer.from('a'), config: config(2), format: 'oci', manifestDigest: null, layers: [await asLayer('sha256:s', shared), await asLayer('sha256:w', removesTool)] });
    // Image B: something else first, then the shared layer at index 1.
    const b = assembleImage({ configBytes: Buffer.from('b'), config: config(2), format: 'oci', manifestDigest: null, layers: [await asLayer('sha256:e', extra), await asLayer('sha256:s', shared)] });
    assert.equal(scans, 3, 'the shared layer was scanned once');
    assert.equal(cache.size, 3);

    assert.equal(a.layers[0]?.compression, 'gzip');
    assert.equal(a.files.get('/bin/tool-link')?.size, 1000, 'A: the orphaned hardlink carries the content');
    assert.equal(a.files.get('/bin/tool-link')?.layer, 0);
    assert.equal(a.files.has('/bin/tool'), false);

    assert.equal(b.files.get('/bin/tool')?.layer, 1, 'B: the shared layer is its layer 1');
    assert.equal(b.files.get('/bin/tool')?.size, 1000);
    assert.equal(b.files.get('/bin/tool-link')?.size, 0, 'B: the hardlink counts 0 while its first name exists');
    assert.equal(b.finalBytes, 1050);
    assert.equal(b.size, 1050);
    // A's model was not changed by building B's
    assert.equal(a.files.get('/bin/tool-link')?.layer, 0);
    assert.equal(a.files.get('/bin/tool-link')?.size, 1000);
    assert.equal(a.finalBytes, 1000);
    assert.equal(a.compressedSize, shared.length + removesTool.length);
  });
});
