// The OCI-export build path: on an engine with the containerd image store (started by
// .ci/setup-docker-containerd.sh) the docker driver can `--output type=oci,dest=-`, so compare streams the
// build straight into the reader — no --load, no temporary tag, exact compressed sizes from the gzip blobs.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { ComparedReport as Report } from '../helpers/report.js';
import { DOCKER, runDistCli } from '../helpers/docker.js';
import { makeRepo } from '../helpers/git-repo.js';

// The engine the global setup found or started on the containerd image store ("" = the default engine).
const SOCK = process.env.ISG_CONTAINERD_DOCKER_HOST ?? 'unix:///var/run/isg-docker-ctd.sock';
const env: Record<string, string> = SOCK ? { DOCKER_HOST: SOCK } : {};
const tag = `isg-test/ctd:${process.pid}`;
const cleanup: string[] = [];

const dockerCtd = (...args: string[]): string => execFileSync(DOCKER, args, { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 26 });

/** Layer blob sizes of an OCI archive, read with the system tar (an independent reader). */
function ociLayerSizes(archive: string): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'isg-oci-'));
  cleanup.push(dir);
  execFileSync('tar', ['-xf', archive, '-C', dir]);
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { manifests: { digest: string }[] };
  const blob = (d: string): string => join(dir, 'blobs', ...d.split(':'));
  const manifest = JSON.parse(readFileSync(blob(index.manifests[0]!.digest), 'utf8')) as { layers: { size: number; mediaType: string }[] };
  return manifest.layers.map((l) => l.size);
}

beforeAll(() => {
  try {
    const store = dockerCtd('info', '--format', '{{json .DriverStatus}}');
    assert.match(store, /io\.containerd\.snapshotter/);
  } catch (err) {
    throw new Error(`these tests need the containerd-store engine on ${SOCK || 'the default socket'} (run .ci/setup-docker-containerd.sh as root): ${(err as Error).message.split('\n')[0]}`);
  }
});

afterAll(() => {
  for (const d of cleanup) rmSync(d, { recursive: true, force: true });
  try {
    dockerCtd('image', 'rm', '-f', tag);
  } catch {
    // already gone
  }
});

describe('compare through the OCI export (containerd image store)', () => {
  it('streams both builds, reports exact compressed sizes equal to the blobs, and tags nothing', async () => {
    const a = randomBytes(100_000);
    const repo = makeRepo([
      { 'a.bin': a, Dockerfile: 'FROM scratch\nCOPY a.bin /a.bin\n' },
      { 'b.bin': Buffer.alloc(50_000, 7), Dockerfile: 'FROM scratch\nCOPY a.bin /a.bin\nCOPY b.bin /b.bin\n' },
    ]);
    cleanup.push(repo);
    const before = dockerCtd('images', '-q').trim();
    const r = await runDistCli(['compare', '--base', 'c0', '--format', 'json'], { cwd: repo, env });
    assert.equal(r.code, 0, r.stderr.slice(-2000));
    assert.match(r.stderr, /── build head \(buildx, OCI export\)/);
    assert.match(r.stderr, /exporting to oci image format/);
    const img = (JSON.parse(r.stdout) as Report).images[0]!;
    assert.equal(img.head.size, 150_000);
    assert.equal(img.base!.size, 100_000);
    assert.deepEqual(img.diff!.layers.map((l) => l.status), ['unchanged', 'added']);
    assert.equal(img.head.compressedSizeExact, true);
    assert.equal(img.base!.compressedSizeExact, true);

    // the same build exported by buildx itself: the blob sizes must be what the report says
    const archive = join(repo, 'export.tar');
    execFileSync(DOCKER, ['buildx', 'build', '--quiet', '--output', `type=oci,dest=${archive}`, repo], { env: { ...process.env, ...env } });
    const sizes = ociLayerSizes(archive);
    assert.deepEqual(img.head.layers.map((l) => l.compressedSize), sizes);
    assert.equal(img.head.compressedSize, sizes.reduce((x, y) => x + y, 0));
    assert.ok(sizes[1]! < 1000, `the zero-filled layer compresses well (${sizes[1]})`);
    assert.equal(img.diff!.compressedSizeDelta, sizes[1]);
    assert.equal(dockerCtd('images', '-q').trim(), before, 'no image was loaded or tagged');
  });

  it('inspect of a containerd-store image reads gzip blobs from docker save: exact compressed sizes', async () => {
    const repo = makeRepo([{ 'f.bin': randomBytes(80_000), Dockerfile: 'FROM scratch\nCOPY f.bin /f.bin\n' }]);
    cleanup.push(repo);
    execFileSync(DOCKER, ['buildx', 'build', '--quiet', '--load', '-t', tag, repo], { env: { ...process.env, ...env } });
    const r = await runDistCli(['inspect', tag, '--format', 'json'], { env });
    assert.equal(r.code, 0, r.stderr);
    const head = (JSON.parse(r.stdout) as Report).images[0]!.head;
    assert.equal(head.size, 80_000);
    assert.equal(head.compressedSizeExact, true);
    assert.ok(head.compressedSize! > 79_000 && head.compressedSize! < 82_000, `${head.compressedSize}`);
    assert.deepEqual(head.layers.map((l) => l.diffId), JSON.parse(dockerCtd('image', 'inspect', '--format', '{{json .RootFS.Layers}}', tag)));
  });
});
