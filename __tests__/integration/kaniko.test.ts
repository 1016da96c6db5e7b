// An archive shaped like kaniko's (absolute names, a "/" entry, gzip layers named <digest>.tar.gz, config
// sha256:<hex>), made from a real image: Docker loads it, a container of it is exported, and what the export
// holds (files, bytes) is what inspect reports; the layers' own bytes give the waste.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { ComparedReport as Report } from '../helpers/report.js';
import { buildImage, DOCKER, docker, removeImages, requireDocker, runDistCli } from '../helpers/docker.js';
import { readTar, toKanikoShape, writeTar } from '../helpers/kaniko-shape.js';

const execBuffer = promisify(execFile);
const run = process.pid;
const tags = {
  source: `isg-test/kaniko-source:${run}`,
  loaded: `isg-test/kaniko-loaded:${run}`,
  marker: `isg-test/kaniko-marker:${run}`,
};

// Hardlinks (one whose first name is deleted later), symlinks, a deleted file, an overwritten file, a
// deleted directory and many small files: everything that makes final bytes differ from layer bytes.
const DOCKERFILE = `FROM isg/busybox:latest
RUN mkdir -p /app/data /app/gone && head -c 300000 /dev/urandom > /app/data/blob && ln /app/data/blob /app/data/blob-hl \\
 && ln -s data/blob /app/link && head -c 5000 /dev/urandom > /app/old && head -c 7000 /dev/urandom > /app/gone/x
COPY big.bin /app/big.bin
RUN rm -rf /app/old /app/big.bin /app/gone && echo changed > /app/data/note && mkdir -p /app/tree \\
 && for i in $(seq 1 300); do echo "file $i" > /app/tree/f$i; done
RUN rm /app/data/blob && echo again > /app/data/note
`;

async function dockerBuffer(args: string[]): Promise<Buffer> {
  const { stdout } = await execBuffer(DOCKER, args, { encoding: 'buffer', maxBuffer: 1 << 30 });
  return stdout;
}

/** Non-directory entries and regular-file bytes of a container's filesystem, via `docker export`. */
async function exported(image: string): Promise<Map<string, { type: string; size: number }>> {
  const id = (await docker(['create', image, '/no-command'])).trim();
  try {
    const entries = await readTar(await dockerBuffer(['export', id]));
    const out = new Map<string, { type: string; size: number }>();
    for (const e of entries) {
      if (e.header.type === 'directory') continue;
      out.set('/' + e.header.name.replace(/^\.?\/+/, ''), { type: e.header.type ?? 'file', size: e.header.type === 'file' ? e.body.length : 0 });
    }
    return out;
  } finally {
    await docker(['rm', '-f', id]).catch(() => undefined);
  }
}

describe('kaniko-shaped archives (real image, real docker load and export)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'isg-kaniko-'));
  const archive = join(dir, 'kaniko.tar');
  let layerBytes: number[] = [];
  let firstLayerNames: string[] = [];

  beforeAll(async () => {
    await requireDocker();
    await buildImage(tags.source, { Dockerfile: DOCKERFILE, 'big.bin': Buffer.alloc(64_000, 7) });
    const shaped = await toKanikoShape(await dockerBuffer(['save', tags.source]), tags.loaded);
    ({ layerBytes, firstLayerNames } = shaped);
    writeFileSync(archive, shaped.archive);
    await docker(['load', '--quiet', '-i', archive]);
    await buildImage(tags.marker, { Dockerfile: 'FROM scratch\nCOPY marker /marker\n', marker: 'm' });
  });

  afterAll(async () => {
    await removeImages(tags.source, tags.loaded, tags.marker);
    rmSync(dir, { recursive: true, force: true });
  });

  it('is really kaniko-shaped', async () => {
    const outer = (await readTar(readFileSync(archive))).map((m) => m.header.name);
    assert.equal(outer.at(-1), 'manifest.json');
    assert.match(outer[0] as string, /^sha256:[0-9a-f]{64}$/);
    assert.ok(outer.slice(1, -1).every((n) => /^[0-9a-f]{64}\.tar\.gz$/.test(n)), outer.join(', '));
    assert.equal(firstLayerNames[0], '/');
    assert.ok(firstLayerNames.includes('/bin/busybox'), firstLayerNames.slice(0, 5).join(', '));
    assert.ok(layerBytes.length >= 4);
  });

  it('reads with the sizes, file count and waste that docker export of the loaded image implies', async () => {
    // what Docker adds to every container (/.dockerenv, /etc/hosts, …): the export of a one-file image minus that file
    const init = await exported(tags.marker);
    init.delete('/marker');
    assert.ok(init.size > 0 && [...init.values()].every((e) => e.size === 0), JSON.stringify([...init]));

    const fs = await exported(tags.loaded);
    for (const p of init.keys()) fs.delete(p);
    const exportFiles = fs.size;
    const exportBytes = [...fs.values()].reduce((n, e) => n + e.size, 0);
    const layerTotal = layerBytes.reduce((a, b) => a + b, 0);

    const r = await runDistCli(['inspect', archive, '--format', 'json', '--compressed-size', 'off']);
    assert.equal(r.code, 0, r.stderr);
    const head = (JSON.parse(r.stdout) as Report).images[0]!.head;
    assert.deepEqual(head.layers.map((l) => l.size), layerBytes, 'layer sizes');
    assert.equal(head.size, layerTotal);
    assert.equal(head.fileCount, exportFiles, 'non-directory paths in the final filesystem');
    assert.equal(head.size - head.wastedBytes, exportBytes, 'final bytes');
    assert.equal(head.wastedBytes, layerTotal - exportBytes, 'waste');
    assert.ok(head.wastedBytes >= 64_000 + 5000 + 7000, `waste ${head.wastedBytes} covers the deleted files`);
    assert.ok(head.layers.every((l) => l.compressedSize !== null), 'gzip blobs: exact compressed sizes');
    // the loaded image is the same image: reading it through docker save gives the same figures
    const viaDocker = await runDistCli(['inspect', tags.loaded, '--format', 'json', '--compressed-size', 'off']);
    assert.equal(viaDocker.code, 0, viaDocker.stderr);
    const loaded = (JSON.parse(viaDocker.stdout) as Report).images[0]!.head;
    assert.deepEqual([loaded.size, loaded.fileCount, loaded.wastedBytes], [head.size, head.fileCount, head.wastedBytes]);
  });

  it('refuses a kaniko-shaped archive whose layer climbs out of the root: exit 2, one line', async () => {
    const evil = await writeTar([{ header: { name: '/', type: 'directory' }, body: Buffer.alloc(0) }, { header: { name: '/../../etc/cron.d/evil', type: 'file', size: 1 }, body: Buffer.from('x') }]);
    const shaped = await toKanikoShape(await writeTar([
      { header: { name: 'manifest.json', type: 'file' }, body: Buffer.from(JSON.stringify([{ Config: 'c.json', Layers: ['l.tar'] }])) },
      { header: { name: 'c.json', type: 'file' }, body: Buffer.from(JSON.stringify({ os: 'linux', architecture: 'amd64', rootfs: { type: 'layers', diff_ids: ['sha256:x'] } })) },
      { header: { name: 'l.tar', type: 'file' }, body: evil },
    ]), 'evil:1').catch((err: Error) => err);
    // toKanikoShape strips the leading "/" and re-adds it: the ".." survives as the first component
    assert.ok(!(shaped instanceof Error), String(shaped));
    const file = join(dir, 'evil.tar');
    writeFileSync(file, shaped.archive);
    const r = await runDistCli(['inspect', file]);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /^image-size-guard: error: unsafe path in layer: "\.\." climbs above the root in "\/\.\.\/\.\.\/etc\/cron\.d\/evil"/);
  });
});
