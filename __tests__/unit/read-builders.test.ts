// Archives as other builders write them read the same as Docker's: kaniko (go-containerregistry's tarball:
// absolute member names, a "/" entry, gzip layers named "<digest>.tar.gz", config "sha256:<hex>"),
// podman/buildah/skopeo's docker-archive, and tars made with `tar -C dir -c .` ("./" names).

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { Readable } from 'node:stream';
import { readImageArchive } from '../../src/image/read-image.js';
import { UnsafePathError } from '../../src/image/paths.js';
import { chunked, kanikoEntries, makeImageArchive, tarBuffer, type TEntry, type TestLayer } from '../helpers/make-archive.js';
import type { ImageModel } from '../../src/image/types.js';

const bytes = (n: number): string => 'x'.repeat(n);

// Overwrites, file and directory whiteouts, an opaque directory, symlinks and hardlinks.
const layers: TestLayer[] = [
  {
    entries: [
      { path: 'bin/', type: 'directory' },
      { path: 'bin/busybox', content: bytes(1000), mode: 0o755 },
      { path: 'bin/sh', type: 'symlink', linkname: 'busybox' },
      { path: 'bin/ls', type: 'link', linkname: 'bin/busybox' },
      { path: 'etc/', type: 'directory' },
      { path: 'etc/gone', content: bytes(200) },
      { path: 'etc/keep', content: bytes(100) },
      { path: 'opq/', type: 'directory' },
      { path: 'opq/old', content: bytes(300) },
      { path: 'tmp/', type: 'directory' },
      { path: 'tmp/build/', type: 'directory' },
      { path: 'tmp/build/obj', content: bytes(400) },
    ],
  },
  {
    entries: [
      { path: 'etc/', type: 'directory' },
      { path: 'etc/.wh.gone' },
      { path: '.wh.tmp' },
      { path: 'etc/keep', content: bytes(7) },
      { path: 'opq/', type: 'directory' },
      { path: 'opq/.wh..wh..opq' },
      { path: 'opq/new', content: bytes(11) },
    ],
  },
];

const summary = (m: ImageModel) => ({
  sizes: m.layers.map((l) => [l.size, l.fileCount, l.wastedBytes]),
  size: m.size,
  fileCount: m.fileCount,
  finalBytes: m.finalBytes,
  wastedBytes: m.wastedBytes,
  files: [...m.files.entries()].sort(([a], [b]) => (a < b ? -1 : 1)),
});

async function reference(): Promise<ReturnType<typeof summary>> {
  const made = await makeImageArchive({ format: 'docker-save', layers });
  return summary(await readImageArchive(chunked(made.archive, 1000)));
}

const withEntries = (f: (e: TEntry[]) => TEntry[], compression?: TestLayer['compression']): TestLayer[] =>
  layers.map((l) => ({ ...l, entries: f(l.entries), ...(compression ? { compression } : {}) }));

describe('archives from other builders', () => {
  it('the reference image (docker save) is what the other shapes are compared with', async () => {
    const ref = await reference();
    assert.deepEqual(ref.sizes, [[2000, 7, 1000], [18, 2, 0]]);
    assert.equal(ref.fileCount, 5); // busybox, sh, ls, keep, new (etc/gone, opq/old and tmp/ are gone)
    assert.equal(ref.finalBytes, 1000 + 7 + 11);
    assert.deepEqual(
      ref.files.map(([p]) => p),
      ['/bin', '/bin/busybox', '/bin/ls', '/bin/sh', '/etc', '/etc/keep', '/opq', '/opq/new'],
    );
  });

  it('reads kaniko archives: "/" entry, absolute names and hardlink targets, gzip layers named <digest>.tar.gz, config sha256:<hex>', async () => {
    const made = await makeImageArchive({ format: 'kaniko', layers: withEntries(kanikoEntries, 'gzip') });
    // the shape is really kaniko's: check the outer names and the layer names as written
    const outer = await listTar(made.archive);
    assert.ok(outer.some((n) => /^[0-9a-f]{64}\.tar\.gz$/.test(n)), outer.join(', '));
    assert.ok(outer.some((n) => /^sha256:[0-9a-f]{64}$/.test(n)), outer.join(', '));
    const inner = await listTar(await tarBuffer(kanikoEntries(layers[0]!.entries)));
    assert.equal(inner[0], '/');
    assert.ok(inner.includes('/bin/busybox'));

    for (const metadataLast of [false, true]) {
      const m = await readImageArchive(chunked((await makeImageArchive({ format: 'kaniko', layers: withEntries(kanikoEntries, 'gzip'), metadataLast })).archive, 4096));
      assert.equal(m.archiveFormat, 'docker-save');
      assert.deepEqual(m.layers.map((l) => l.compression), ['gzip', 'gzip']);
      assert.deepEqual(m.layers.map((l) => l.compressedSize), made.blobSizes);
      assert.equal(m.compressedSizeExact, true);
      assert.deepEqual(summary(m), await reference());
      assert.equal(m.files.get('/bin/ls')?.linkTarget, '/bin/busybox');
    }
  });

  it('reads podman/buildah docker-archive: layers <hex>.tar at the top, legacy <id>/layer.tar symlinks, manifest last', async () => {
    const made = await makeImageArchive({ format: 'docker-archive', layers });
    const outer = await listTar(made.archive);
    assert.ok(outer.some((n) => /^[0-9a-f]{64}\/layer\.tar$/.test(n)));
    assert.equal(outer.at(-2), 'manifest.json');
    const m = await readImageArchive(chunked(made.archive, 777));
    assert.equal(m.archiveFormat, 'docker-save');
    assert.deepEqual(m.layers.map((l) => l.diffId), made.diffIds);
    assert.deepEqual(summary(m), await reference());
  });

  it('reads layers written with "./" names and a "." root entry (tar -C dir -c .)', async () => {
    const dotted = (es: TEntry[]): TEntry[] => [{ path: './', type: 'directory' }, ...es.map((e) => ({ ...e, path: './' + e.path }))];
    for (const format of ['docker-save', 'oci'] as const) {
      const made = await makeImageArchive({ format, layers: withEntries(dotted) });
      assert.deepEqual(summary(await readImageArchive(chunked(made.archive, 1000))), await reference());
    }
  });

  it('reads outer archives whose member names are absolute or "./"-prefixed, with "/" and "." entries', async () => {
    const made = await makeImageArchive({ format: 'oci', layers, metadataLast: true });
    for (const prefix of ['/', './']) {
      const rewritten = await retar(made.archive, (name) => prefix + name, [{ path: prefix, type: 'directory' }]);
      const names = await listTar(rewritten);
      assert.ok(names.includes(`${prefix}index.json`), names.join(', '));
      const m = await readImageArchive(chunked(rewritten, 999));
      assert.equal(m.archiveFormat, 'oci');
      assert.deepEqual(summary(m), await reference());
    }
  });

  it('resolves ".." that stays inside the image, as Docker does', async () => {
    const made = await makeImageArchive({
      format: 'oci',
      layers: [{ entries: [{ path: '/usr/lib/../bin/tool', content: 'abc' }, { path: 'usr/bin/hl', type: 'link', linkname: '/usr/./lib/../bin/tool' }] }],
    });
    const m = await readImageArchive(chunked(made.archive, 1000));
    assert.equal(m.files.get('/usr/bin/tool')?.size, 3);
    assert.equal(m.files.get('/usr/bin/hl')?.linkTarget, '/usr/bin/tool');
    assert.equal(m.files.has('/usr/lib'), false, 'only the parents of the normalised path exist');
  });

  it('still refuses a kaniko-shaped archive whose layer climbs out, and a legacy symlink that leaves the archive', async () => {
    const hostile = withEntries((es) => [...kanikoEntries(es), { path: '/../../etc/cron.d/evil', content: 'x' }], 'gzip');
    const made = await makeImageArchive({ format: 'kaniko', layers: hostile });
    await assert.rejects(readImageArchive(Readable.from([made.archive])), (err: Error) => err instanceof UnsafePathError && /climbs above the root/.test(err.message));

    const archive = await makeImageArchive({ format: 'docker-archive', layers });
    const escaping = await retar(archive.archive, (name) => name, [], (e) => (e.type === 'symlink' ? { ...e, linkname: '../../../etc/passwd' } : e));
    await assert.rejects(readImageArchive(Readable.from([escaping])), (err: Error) => err instanceof UnsafePathError && /unsafe link in image archive/.test(err.message));
  });

  it('reads a gzip layer whose member name says .tar.gz even when the manifest lists it through a symlink', async () => {
    const made = await makeImageArchive({ format: 'kaniko', layers: withEntries(kanikoEntries, 'gzip') });
    const linked = await retar(made.archive, (n) => n, [], (e) => e, (entries) => {
      const manifest = entries.find((e) => e.path === 'manifest.json')!;
      const doc = JSON.parse(String(manifest.content)) as { Layers: string[] }[];
      const extra: TEntry[] = doc[0]!.Layers.map((l, i) => ({ path: `layers/${i}.tgz`, type: 'symlink', linkname: `../${l}` }));
      doc[0]!.Layers = doc[0]!.Layers.map((_, i) => `layers/${i}.tgz`);
      return [...entries.filter((e) => e !== manifest), ...extra, { path: 'manifest.json', content: JSON.stringify(doc) }];
    });
    assert.deepEqual(summary(await readImageArchive(chunked(linked, 4096))), await reference());
  });
});

/** Member names of a tar, in order (read back with tar-stream, independently of the reader under test). */
async function listTar(buf: Buffer): Promise<string[]> {
  return (await untar(buf)).map((e) => e.path);
}

async function untar(buf: Buffer): Promise<TEntry[]> {
  const { default: tar } = await import('tar-stream');
  const extract = tar.extract();
  const out: TEntry[] = [];
  const done = (async () => {
    for await (const entry of extract) {
      const parts: Buffer[] = [];
      for await (const c of entry) parts.push(c as Buffer);
      const h = entry.header;
      const type = h.type === 'symlink' ? 'symlink' : h.type === 'directory' ? 'directory' : h.type === 'link' ? 'link' : 'file';
      out.push({ path: h.name, type, ...(h.linkname ? { linkname: h.linkname } : {}), ...(type === 'file' ? { content: Buffer.concat(parts) } : {}) });
    }
  })();
  Readable.from([buf]).pipe(extract);
  await done;
  return out;
}

/** Rewrites an archive's member names (and entries), adding `first` entries at the front. */
async function retar(
  buf: Buffer,
  rename: (name: string) => string,
  first: TEntry[],
  map: (e: TEntry) => TEntry = (e) => e,
  all: (es: TEntry[]) => TEntry[] = (es) => es,
): Promise<Buffer> {
  const entries = all((await untar(buf)).map(map));
  return tarBuffer([...first, ...entries.map((e) => ({ ...e, path: rename(e.path) }))]);
}
