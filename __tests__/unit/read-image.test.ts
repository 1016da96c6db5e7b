import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import * as zlib from 'node:zlib';
import { gzipSync } from 'node:zlib';
import { readImageArchive } from '../../src/image/read-image.js';
import { Writer } from '../../src/image/binary-codec.js';
import { encodeModel } from '../../src/image/model-codec.js';
import { ImageArchiveError } from '../../src/image/archive-members.js';
import { UnsafePathError } from '../../src/image/paths.js';
import { UserError } from '../../src/model/errors.js';
import * as tarStream from 'tar-stream';
import { chunked, makeImageArchive, tarBuffer, type TestLayer } from '../helpers/make-archive.js';

const zstdCompressSync = (zlib as unknown as { zstdCompressSync(b: Buffer): Buffer }).zstdCompressSync;
const bytes = (n: number, c = 'x'): string => c.repeat(n);

// Three layers exercising every way a later layer changes an earlier one.
const layers: TestLayer[] = [
  {
    createdBy: 'COPY base / # buildkit',
    entries: [
      { path: 'etc/', type: 'directory' },
      { path: 'etc/keep', content: bytes(100) },
      { path: 'etc/gone', content: bytes(200) },
      { path: 'opq/', type: 'directory' },
      { path: 'opq/a', content: bytes(300) },
      { path: 'opq/sub/', type: 'directory' },
      { path: 'opq/sub/b', content: bytes(400) },
      { path: 'over', content: bytes(500) },
      { path: 'bin/', type: 'directory' },
      { path: 'bin/busybox', content: bytes(1000), mode: 0o755 },
      { path: 'bin/sh', type: 'symlink', linkname: 'busybox' },
      { path: 'bin/hl', type: 'link', linkname: 'bin/busybox' },
      { path: 'dir-gone/', type: 'directory' },
      { path: 'dir-gone/x', content: bytes(50) },
    ],
  },
  {
    createdBy: 'RUN /bin/sh -c rm -rf /etc/gone /dir-gone && echo hi > /over # buildkit',
    entries: [
      { path: 'etc/', type: 'directory' },
      { path: 'etc/.wh.gone' },
      { path: '.wh.dir-gone' },
      { path: 'over', content: bytes(7) },
      { path: 'opq/', type: 'directory' },
      { path: 'opq/new', content: bytes(11) },
      // the opaque marker after a sibling of the same layer: must not hide that sibling
      { path: 'opq/.wh..wh..opq' },
    ],
  },
  {
    createdBy: 'COPY more / # buildkit',
    entries: [
      { path: 'usr/local/lib/deep', content: bytes(13) }, // parents not listed in the tar
    ],
  },
];

async function read(format: 'docker-save' | 'oci', extra: Partial<Parameters<typeof makeImageArchive>[0]> = {}) {
  const made = await makeImageArchive({ format, layers, emptyHistoryBefore: { 0: ['ARG X=1'], 2: ['ENV A=b', 'LABEL x=y'], 3: ['CMD ["/app"]'] }, ...extra });
  const model = await readImageArchive(chunked(made.archive));
  return { made, model };
}

for (const format of ['docker-save', 'oci'] as const) {
  describe(`reading a ${format} archive`, () => {
    it('keeps layers in manifest order with their diffIDs and the right history instructions', async () => {
      const { made, model } = await read(format);
      assert.equal(model.archiveFormat, format);
      assert.deepEqual(model.layers.map((l) => l.diffId), made.diffIds);
      assert.deepEqual(model.layers.map((l) => l.instruction), [
        'COPY base /',
        'RUN rm -rf /etc/gone /dir-gone && echo hi > /over',
        'COPY more /',
      ]);
      assert.equal(model.id, made.configDigest);
      assert.equal(model.platform, 'linux/amd64');
      assert.deepEqual(model.config.cmd, ['/app']);
      assert.equal('history' in model, false, 'the history is not kept (it holds ENV values and build args)');
    });

    it('measures layer sizes as regular-file bytes and counts non-directory entries', async () => {
      const { model } = await read(format);
      assert.deepEqual(model.layers.map((l) => l.size), [100 + 200 + 300 + 400 + 500 + 1000 + 50, 7 + 11, 13]);
      // layer 0: 7 files + symlink + hardlink = 9; layer 1: over, opq/new (whiteouts not counted); layer 2: 1
      assert.deepEqual(model.layers.map((l) => l.fileCount), [9, 2, 1]);
      assert.equal(model.size, 2550 + 18 + 13);
    });

    it('applies file, directory and opaque whiteouts, overwrites and hardlinks to the final filesystem', async () => {
      const { model } = await read(format);
      const f = model.files;
      assert.ok(f.has('/etc/keep'));
      assert.ok(!f.has('/etc/gone'), 'file whiteout');
      assert.ok(!f.has('/dir-gone') && !f.has('/dir-gone/x'), 'directory whiteout removes the subtree');
      assert.ok(!f.has('/opq/a') && !f.has('/opq/sub') && !f.has('/opq/sub/b'), 'opaque dir hides lower contents');
      assert.equal(f.get('/opq/new')?.size, 11, 'opaque marker keeps same-layer entries');
      assert.deepEqual(
        { size: f.get('/over')?.size, layer: f.get('/over')?.layer },
        { size: 7, layer: 1 },
        'overwritten file: size and layer of the last write',
      );
      assert.deepEqual(f.get('/bin/sh'), { path: '/bin/sh', type: 'symlink', size: 0, mode: 0o644, linkTarget: 'busybox', layer: 0 });
      assert.equal(f.get('/bin/hl')?.type, 'hardlink');
      assert.equal(f.get('/bin/hl')?.linkTarget, '/bin/busybox');
      assert.equal(f.get('/bin/hl')?.size, 0, 'hardlinked content is counted under its first name only');
      assert.equal(f.get('/bin/busybox')?.mode, 0o755);
      assert.equal(f.get('/usr/local/lib/deep')?.layer, 2);
      assert.equal(f.get('/usr/local')?.type, 'dir', 'missing parents are created');
    });

    it('computes final bytes, waste per layer and efficiency without counting survivors as waste', async () => {
      const { model } = await read(format);
      const final = 100 + 1000 + 7 + 11 + 13; // keep, busybox, over, opq/new, deep
      assert.equal(model.finalBytes, final);
      assert.equal(model.wastedBytes, model.size - final);
      // layer 0 lost gone(200), opq/a(300), opq/sub/b(400), over(500), dir-gone/x(50)
      assert.deepEqual(model.layers.map((l) => l.wastedBytes), [1450, 0, 0]);
      assert.ok(Math.abs(model.efficiency - final / model.size) < 1e-12);
      // non-directory paths: keep, over, opq/new, busybox, sh, hl, deep
      assert.equal(model.fileCount, 7);
    });

    it('reads the archive the same whatever order its blobs come in', async () => {
      const a = await read(format);
      const b = await read(format, { metadataLast: true, reverseLayers: true });
      assert.deepEqual(b.model.layers, a.model.layers);
      assert.deepEqual([...b.model.files.entries()], [...a.model.files.entries()]);
    });
  });
}

describe('compressed layers', () => {
  for (const compression of ['gzip', 'zstd'] as const) {
    it(`reads ${compression} layers, out of order, with exact compressed sizes`, async () => {
      const compressed = layers.map((l) => ({ ...l, compression }));
      const made = await makeImageArchive({ format: 'oci', layers: compressed, metadataLast: true, reverseLayers: true });
      const model = await readImageArchive(chunked(made.archive, 4096));
      assert.deepEqual(model.layers.map((l) => l.compression), [compression, compression, compression]);
      assert.deepEqual(model.layers.map((l) => l.compressedSize), made.blobSizes);
      assert.equal(model.compressedSize, made.blobSizes.reduce((a, b) => a + b, 0));
      assert.deepEqual(model.layers.map((l) => l.size), [2550, 18, 13]);
      assert.ok(!model.files.has('/etc/gone') && model.files.has('/opq/new'));
    });
  }

  it('reports null compressed sizes for uncompressed blobs unless an estimate is asked for', async () => {
    const { model } = await read('oci');
    assert.equal(model.compressedSize, null);
    assert.equal(model.compressedSizeExact, false);
    assert.ok(model.layers.every((l) => l.compressedSize === null && l.digest?.startsWith('sha256:')));
  });

  for (const format of ['oci', 'docker-save'] as const) {
    it(`estimates uncompressed ${format} layers with gzip level 6, once per distinct layer`, async () => {
      const made = await makeImageArchive({ format, layers });
      const tars = await Promise.all(layers.map((l) => tarBuffer(l.entries)));
      const expected = tars.map((t) => gzipSync(t, { level: 6 }).length);
      const estimates = new Map<string, number>();
      const first = await readImageArchive(chunked(made.archive, 777), { compressedSize: 'auto', estimates });
      assert.deepEqual(first.layers.map((l) => l.compressedSize), expected);
      assert.equal(first.compressedSize, expected.reduce((a, b) => a + b, 0));
      assert.equal(first.compressedSizeExact, false);
      // OCI blobs are named by digest: a second image sharing them reuses the estimates
      assert.equal(estimates.size, format === 'oci' ? 3 : 0);
      const second = await readImageArchive(chunked(made.archive, 777), { compressedSize: 'auto', estimates });
      assert.deepEqual(second.layers.map((l) => l.compressedSize), expected);
    });
  }

  it('estimates a multi-block layer (parallel 1 MiB blocks) within 0.5% of one gzip stream', async () => {
    // compressible but not trivial: words from a small vocabulary in random order
    const words = ['layer', 'image', 'docker', 'size', 'guard', 'budget', 'shell', 'stage', 'tar', 'gzip'];
    const text = Array.from({ length: 700_000 }, (_, i) => words[(i * 7919 + (i >> 3)) % 10]).join(' ');
    const big = Buffer.concat([Buffer.from(text), randomBytes(500_000)]);
    const made = await makeImageArchive({ format: 'oci', layers: [{ entries: [{ path: 'big.txt', content: big }] }] });
    const expected = gzipSync(await tarBuffer([{ path: 'big.txt', content: big }]), { level: 6 }).length;
    const model = await readImageArchive(chunked(made.archive, 65536), { compressedSize: 'auto' });
    const got = model.layers[0]!.compressedSize!;
    assert.ok(Math.abs(got - expected) / expected < 0.005, `estimate ${got} vs gzip ${expected}`);
  });

  it('does not estimate with --compressed-size exact or off', async () => {
    const made = await makeImageArchive({ format: 'oci', layers });
    for (const mode of ['exact', 'off'] as const) {
      const model = await readImageArchive(chunked(made.archive, 4096), { compressedSize: mode });
      assert.equal(model.compressedSize, null);
    }
  });
});

describe('captured package databases', () => {
  it('keeps the final content of /var/lib/dpkg/status and forgets it when a later layer deletes it', async () => {
    const v1 = 'Package: gcc\nStatus: install ok installed\n';
    const v2 = 'Package: gcc\nStatus: install ok installed\n\nPackage: libc6-dev\nStatus: install ok installed\n';
    const layers3: TestLayer[] = [
      { entries: [{ path: 'var/lib/dpkg/status', content: v1 }, { path: 'lib/apk/db/installed', content: 'P:musl-dev\n' }] },
      { entries: [{ path: 'var/lib/dpkg/status', content: v2 }, { path: 'other', content: 'x' }] },
      { entries: [{ path: 'lib/apk/db/.wh.installed' }] },
    ];
    const made = await makeImageArchive({ format: 'oci', layers: layers3, metadataLast: true, reverseLayers: true });
    const model = await readImageArchive(chunked(made.archive, 100));
    assert.equal(model.capturedFiles.get('/var/lib/dpkg/status')?.toString(), v2);
    assert.equal(model.capturedFiles.has('/lib/apk/db/installed'), false);
    assert.equal(model.layers[1]!.size, v2.length + 1, 'captured files still count as content');
  });
});

describe('long names and odd headers', () => {
  it('reads paths longer than 100 bytes (pax) and long link targets', async () => {
    const long = 'a/'.repeat(80) + 'file-with-a-long-name';
    const target = '/' + 'b'.repeat(150);
    const made = await makeImageArchive({
      format: 'oci',
      layers: [{ entries: [{ path: long, content: 'abc' }, { path: 'ln', type: 'symlink', linkname: target }] }],
    });
    const model = await readImageArchive(chunked(made.archive, 511));
    assert.equal(model.files.get('/' + long)?.size, 3);
    assert.equal(model.files.get('/ln')?.linkTarget, target);
  });

  it('leaves instructions empty when the history cannot be paired with the layers', async () => {
    // 2 layers but 3 history entries, none marked empty: pairing by count would shift every instruction
    const bad = await makeImageArchive({
      format: 'docker-save',
      layers: [{ entries: [{ path: 'a', content: 'x' }], createdBy: 'COPY a /' }, { entries: [{ path: 'b', content: 'y' }], createdBy: 'COPY b /' }],
      emptyHistoryBefore: { 1: ['ENV A=1'] },
      unmarkEmpty: true,
    });
    const model = await readImageArchive(chunked(bad.archive, 1000));
    assert.deepEqual(model.layers.map((l) => l.instruction), ['', '']);
  });

  it('keeps no build-arg or ENV value of the history in the model (it goes to the analysis cache)', async () => {
    const made = await makeImageArchive({
      format: 'oci',
      layers: [
        { entries: [{ path: 'a', content: 'x' }], createdBy: 'RUN |2 NPM_TOKEN=tok-5ecret-1 B=2 /bin/sh -c npm ci # buildkit' },
        { entries: [{ path: 'b', content: 'y' }], createdBy: 'COPY b / # buildkit' },
      ],
      emptyHistoryBefore: { 1: ['ENV API_KEY=env-5ecret-2 # buildkit'] },
    });
    const model = await readImageArchive(chunked(made.archive, 1000));
    assert.deepEqual(model.layers.map((l) => l.instruction), ['RUN npm ci', 'COPY b /']);
    assert.deepEqual(model.layers.map((l) => l.createdBy), ['RUN npm ci', 'COPY b /']);
    const w = new Writer();
    encodeModel(model, w);
    const bytes = Buffer.from(w.finish());
    for (const secret of ['tok-5ecret-1', 'env-5ecret-2']) assert.equal(bytes.includes(secret), false, secret);
    assert.ok(bytes.includes('RUN npm ci'), 'the encoding holds the instructions (the check can fail)');
  });

  it('treats an empty layer (an empty tar) as zero bytes', async () => {
    const made = await makeImageArchive({ format: 'docker-save', layers: [{ entries: [] }, { entries: [{ path: 'f', content: 'x' }] }] });
    const model = await readImageArchive(chunked(made.archive, 1000));
    assert.deepEqual(model.layers.map((l) => [l.size, l.fileCount]), [[0, 0], [1, 1]]);
  });

  it('an image without layers has size 0 and efficiency 1', async () => {
    const made = await makeImageArchive({ format: 'oci', layers: [] });
    const model = await readImageArchive(chunked(made.archive, 1000));
    assert.equal(model.size, 0);
    assert.equal(model.efficiency, 1);
    assert.equal(model.files.size, 0);
  });
});

/** The files of a tar (no links). */
async function untar(archive: Buffer): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  const extract = tarStream.extract();
  extract.on('entry', (header, stream, next) => {
    const parts: Buffer[] = [];
    stream.on('data', (c: unknown) => parts.push(c as Buffer));
    stream.on('end', () => {
      if (header.type === 'file') files.set(header.name, Buffer.concat(parts));
      next();
    });
  });
  const done = new Promise<void>((resolve, reject) => extract.on('finish', () => resolve()).on('error', reject));
  extract.end(archive);
  await done;
  return files;
}

const retar = (files: Map<string, Buffer>): Promise<Buffer> => tarBuffer([...files].map(([path, content]) => ({ path, content })));

describe('bad input', () => {
  const rejects = (p: Promise<unknown>, type: new (...a: never[]) => Error, re: RegExp) => assert.rejects(p, (err: Error) => {
    assert.ok(err instanceof type, `expected ${type.name}, got ${err.constructor.name}: ${err.message}`);
    assert.match(err.message, re);
    return true;
  });

  it('rejects a truncated archive', async () => {
    const { archive } = await makeImageArchive({ format: 'oci', layers });
    await rejects(readImageArchive(chunked(archive.subarray(0, Math.floor(archive.length * 0.6)), 1000)), ImageArchiveError, /truncated/);
  });

  it('rejects a truncated gzip layer inside a complete archive', async () => {
    const big = randomBytes(200_000);
    const { archive } = await makeImageArchive({
      format: 'oci',
      layers: [{ entries: [{ path: 'big', content: big }], compression: 'gzip' }],
      mangleBlob: (b) => b.subarray(0, b.length >> 1),
    });
    await rejects(readImageArchive(chunked(archive, 4096)), ImageArchiveError, /layer "blobs\/sha256\/[0-9a-f]+" is not valid gzip data \(unexpected end of file\)/);
  });

  it('rejects a zstd layer whose content is not a tar', async () => {
    const { archive } = await makeImageArchive({
      format: 'oci',
      layers: [{ entries: [{ path: 'f', content: 'x' }], compression: 'zstd' }],
      mangleBlob: () => zstdCompressSync(Buffer.from('plain text, not a tar stream '.repeat(40))),
    });
    await rejects(readImageArchive(chunked(archive, 4096)), ImageArchiveError, /layer "blobs\/sha256\/[0-9a-f]+": not a tar archive/);
  });

  it('rejects something that is not an archive', async () => {
    await rejects(readImageArchive(Readable.from([Buffer.from('hello, this is not a tar file\n'.repeat(40))])), ImageArchiveError, /not an image archive/);
  });

  it('rejects an empty stream', async () => {
    await rejects(readImageArchive(Readable.from([])), ImageArchiveError, /empty/);
  });

  it('rejects a tar without manifest', async () => {
    const t = await tarBuffer([{ path: 'hello.txt', content: 'hi' }]);
    await rejects(readImageArchive(Readable.from([t])), ImageArchiveError, /neither manifest.json nor index.json/);
  });

  it('rejects member names in the archive whose ".." climbs above its root', async () => {
    for (const bad of ['../evil', 'blobs/../../evil', '/../etc/passwd', './a/../../evil']) {
      const t = await tarBuffer([{ path: bad, content: 'x' }]);
      await rejects(readImageArchive(Readable.from([t])), UnsafePathError, /unsafe path in image archive: ".." climbs above the root/);
    }
  });

  it('rejects layer paths whose ".." climbs above the root, however they are spelled', async () => {
    for (const bad of ['../../etc/cron.d/x', '/../etc/x', './../x', 'usr/../../x', '/usr/../../x']) {
      const made = await makeImageArchive({ format: 'oci', layers: [{ entries: [{ path: bad, content: 'x' }] }] });
      await rejects(readImageArchive(Readable.from([made.archive])), UnsafePathError, /unsafe path in layer: ".." climbs above the root/);
    }
  });

  it('rejects hardlinks whose target climbs out of the image', async () => {
    for (const target of ['../../etc/shadow', '/../etc/shadow', 'a/../../../etc/shadow']) {
      const made = await makeImageArchive({ format: 'oci', layers: [{ entries: [{ path: 'hl', type: 'link', linkname: target }] }] });
      await rejects(readImageArchive(Readable.from([made.archive])), UnsafePathError, /unsafe hardlink target in layer: ".." climbs above the root/);
    }
  });

  it('checks an OCI archive as strictly as a registry: a layer blob of another size than its descriptor says', async () => {
    const { archive } = await makeImageArchive({
      format: 'oci',
      layers: [{ entries: [{ path: 'f', content: 'x'.repeat(100) }] }],
      mangleBlob: (b) => Buffer.concat([b, Buffer.alloc(512)]), // still a valid tar, one block longer
    });
    await rejects(readImageArchive(chunked(archive, 4096)), ImageArchiveError, /the layer "blobs\/sha256\/[0-9a-f]+" has \d+ bytes, its manifest says \d+/);
  });

  it('checks an OCI archive as strictly as a registry: a manifest whose bytes are not its digest\'s, a malformed digest', async () => {
    const { archive } = await makeImageArchive({ format: 'oci', layers });
    const members = await untar(archive);
    const index = JSON.parse(members.get('index.json')!.toString()) as { manifests: { digest: string }[] };
    const path = `blobs/sha256/${index.manifests[0]!.digest.slice(7)}`;
    // the same length, other bytes: the manifest's media type spelled differently
    members.set(path, Buffer.from(members.get(path)!.toString().replace('manifest.v1+json', 'manifest.v1+JSON')));
    await rejects(readImageArchive(Readable.from([await retar(members)])), ImageArchiveError, /digest mismatch for blob sha256:[0-9a-f]{64} of the archive/);
    members.set('index.json', Buffer.from(JSON.stringify({ schemaVersion: 2, manifests: [{ ...index.manifests[0], digest: 'sha256:nothex' }] })));
    await assert.rejects(readImageArchive(Readable.from([await retar(members)])), (e: Error) => e instanceof UserError && /malformed digest "sha256:nothex"/.test(e.message));
  });

  it('rejects a manifest that names a missing layer', async () => {
    const { archive } = await makeImageArchive({ format: 'docker-save', layers });
    // drop the first layer member by renaming it: rebuild with a mismatched manifest
    const t = await tarBuffer([{ path: 'manifest.json', content: JSON.stringify([{ Config: 'c.json', Layers: ['nope/layer.tar'] }]) }, { path: 'c.json', content: '{"rootfs":{"diff_ids":["sha256:00"]}}' }]);
    assert.ok(archive.length > 0);
    await rejects(readImageArchive(Readable.from([t])), ImageArchiveError, /lacks the layer "nope\/layer.tar"/);
  });
});
