// What real producers write, read as a new user would (the bundled dist/ as a child process): one image built by
// `buildah bud --layers` (a file overwritten and one deleted in a later step: waste and a whiteout), exported every
// way these tools write images — buildah and podman docker-archive and oci-archive, skopeo `oci:` layouts with gzip,
// zstd and uncompressed layers, pushed to a real registry as OCI and as Docker v2 — must read the same size, file
// count, layers and waste, equal to what Python's tarfile says of its blobs. A umoci layout with three tags and a
// docker save of two images are read only when a ref names the image; an uncompressed layout gets the gzip estimate.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { ImageReport } from '../../src/model/report.js';
import type { ComparedReport as Report } from '../helpers/report.js';
import { buildImage, DEFAULT_STORE, docker, engineIds, removeImages, requireDocker, runDistCli, type CliResult } from '../helpers/docker.js';
import { PODMAN, requireProducerTools, storage, tool, truthOf, type Truth } from '../helpers/producers.js';
import { requireRegistryTools, startRegistry, tempDir, type RunningRegistry } from '../helpers/registry.js';

const exec = promisify(execFile);
const pid = process.pid;
const IMAGE = 'localhost/isg-producers/app:v1';
const twoImages = { a: `isg-test/prod-a:${pid}`, b: `isg-test/prod-b:${pid}` };

let work = '';
let registry: RunningRegistry;
let truth: Truth;
const sources: Record<string, string> = {}; // name → the argument of inspect

const out = (name: string): string => join(work, 'out', name);

async function inspect(source: string, ...extra: string[]): Promise<CliResult> {
  return runDistCli(['inspect', source, '--format', 'json', ...extra]);
}

function head(r: CliResult): ImageReport {
  assert.equal(r.code, 0, r.stderr);
  return (JSON.parse(r.stdout) as Report).images[0]!.head;
}

/** What the truth covers, from a report. */
const measured = (h: ImageReport): Truth => ({
  layers: h.layers.map((l) => ({ size: l.size, fileCount: l.fileCount })),
  size: h.size,
  fileCount: h.fileCount,
  wastedBytes: h.wastedBytes,
});

/** One line on stderr (progress lines aside), exit 2, no stack. */
function oneLineError(r: CliResult, pattern: RegExp): void {
  assert.equal(r.code, 2, `exit 2 expected: ${r.stderr}`);
  const lines = r.stderr.split('\n').filter((l) => l.trim() && !/^reading /.test(l));
  assert.equal(lines.length, 1, JSON.stringify(r.stderr));
  assert.match(lines[0]!, pattern);
}

beforeAll(async () => {
  await requireDocker();
  await requireProducerTools();
  await requireRegistryTools();
  work = tempDir('isg-producers-');
  mkdirSync(join(work, 'out'));
  const st = storage(join(work, 'storage'));

  // isg/busybox into buildah's storage (docker save → docker-archive:), then the build
  await docker(['save', 'isg/busybox:latest', '-o', join(work, 'busybox.tar')]);
  await tool('buildah', [...st, 'pull', `docker-archive:${join(work, 'busybox.tar')}`]);
  const ctx = join(work, 'ctx');
  mkdirSync(ctx);
  writeFileSync(join(ctx, 'big.bin'), randomBytes(300_000));
  writeFileSync(join(ctx, 'keep.txt'), 'k'.repeat(5_000));
  writeFileSync(join(ctx, 'extra.bin'), randomBytes(70_000));
  writeFileSync(
    join(ctx, 'Dockerfile'),
    'FROM localhost/isg/busybox:latest\nCOPY big.bin /data/big.bin\nCOPY keep.txt /data/keep.txt\nRUN rm /data/big.bin && echo overwritten > /data/keep.txt\nCOPY extra.bin /opt/extra.bin\n',
  );
  await tool('buildah', [...st, 'bud', '--layers', '--isolation', 'chroot', '--pull-never', '-t', IMAGE, ctx]);

  // every export
  await tool('buildah', [...st, 'push', IMAGE, `docker-archive:${out('buildah-docker.tar')}:isg-producers/app:v1`]);
  await tool('buildah', [...st, 'push', IMAGE, `oci-archive:${out('buildah-oci.tar')}:v1`]);
  await tool('podman', [...st, ...PODMAN, 'save', '--format', 'docker-archive', '-o', out('podman-docker.tar'), IMAGE]);
  await tool('podman', [...st, ...PODMAN, 'save', '--format', 'oci-archive', '-o', out('podman-oci.tar'), IMAGE]);
  const from = `docker-archive:${out('buildah-docker.tar')}`;
  await tool('skopeo', ['copy', from, `oci:${out('layout-gzip')}:v1`]);
  await tool('skopeo', ['copy', '--dest-compress-format', 'zstd', from, `oci:${out('layout-zstd')}:v1`]);
  await tool('skopeo', ['copy', '--dest-decompress', '--dest-oci-accept-uncompressed-layers', from, `oci:${out('layout-none')}:v1`]);
  registry = await startRegistry({ storage: tempDir('isg-producers-registry-') });
  await tool('skopeo', ['copy', '--dest-tls-verify=false', '--format', 'oci', `oci:${out('layout-gzip')}:v1`, `docker://${registry.host}/producers/app:oci`]);
  await tool('skopeo', ['copy', '--dest-tls-verify=false', '--format', 'v2s2', from, `docker://${registry.host}/producers/app:v2s2`]);
  Object.assign(sources, {
    'buildah docker-archive': `archive://${out('buildah-docker.tar')}`,
    'buildah oci-archive': `archive://${out('buildah-oci.tar')}`,
    'podman docker-archive': `archive://${out('podman-docker.tar')}`,
    'podman oci-archive': `archive://${out('podman-oci.tar')}`,
    'skopeo oci: gzip': `oci-dir://${out('layout-gzip')}`,
    'skopeo oci: zstd': `oci-dir://${out('layout-zstd')}`,
    'skopeo oci: uncompressed': `oci-dir://${out('layout-none')}`,
    'registry, OCI manifest': `registry://${registry.host}/producers/app:oci`,
    'registry, Docker v2 manifest': `registry://${registry.host}/producers/app:v2s2`,
  });
  truth = await truthOf(out('buildah-docker.tar'));
});

afterAll(async () => {
  await registry?.stop();
  await removeImages(...Object.values(twoImages));
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('one image built by buildah bud --layers, every way it is exported', () => {
  it('the truth (Python tarfile over the blobs): five layers, a deleted and an overwritten file', () => {
    assert.equal(truth.layers.length, 5);
    assert.equal(truth.wastedBytes, 300_000 + 5_000, 'big.bin deleted, keep.txt overwritten');
  });

  it('every export reads the same size, file count, layers and waste as the truth, with the same diffIDs', async () => {
    let diffIds: string[] | null = null;
    for (const [name, source] of Object.entries(sources)) {
      const h = head(await inspect(source));
      assert.deepEqual(measured(h), truth, name);
      diffIds ??= h.layers.map((l) => l.diffId);
      assert.deepEqual(h.layers.map((l) => l.diffId), diffIds, `${name}: the same layers`);
    }
  });

  it('the uncompressed layout: a gzip estimate within 3% of gzip -6 of its layers, marked ~, and --max-compressed-size checked', async () => {
    const h = head(await inspect(sources['skopeo oci: uncompressed']!));
    assert.equal(h.compressedSizeExact, false);
    const index = JSON.parse(readFileSync(join(out('layout-none'), 'index.json'), 'utf8')) as { manifests: { digest: string }[] };
    const blob = (digest: string): string => join(out('layout-none'), 'blobs', 'sha256', digest.slice(7));
    const manifest = JSON.parse(readFileSync(blob(index.manifests[0]!.digest), 'utf8')) as { layers: { digest: string }[] };
    let gzip6 = 0;
    for (const l of manifest.layers) gzip6 += (await exec('gzip', ['-6', '-c', '-n', blob(l.digest)], { encoding: 'buffer', maxBuffer: 1 << 26 })).stdout.length;
    assert.ok(h.compressedSize !== null && Math.abs(h.compressedSize - gzip6) <= gzip6 * 0.03, `estimate ${h.compressedSize} vs gzip -6 ${gzip6}`);

    const text = await runDistCli(['inspect', sources['skopeo oci: uncompressed']!]);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /compressed [\d.]+ [kM]B ~ \(gzip level-6 estimate\)/);

    const limit = Math.floor(h.compressedSize / 1000) - 1; // kB, just under the estimate
    const r = await runDistCli(['compare', '--image', sources['skopeo oci: uncompressed']!, '--max-compressed-size', `${limit}kB`, '--format', 'json']);
    assert.equal(r.code, 1, r.stderr);
    const budgets = (JSON.parse(r.stdout) as Report).images[0]!.budgets;
    assert.deepEqual(budgets, [{ id: 'max-compressed-size', limit: `${limit}kB`, actual: h.compressedSize, passed: false, level: 'fail' }]);
  });

  it('--compressed-size exact on it: the budget is not checked, and the warning names the true reason', async () => {
    const r = await runDistCli(['compare', '--image', sources['skopeo oci: uncompressed']!, '--compressed-size', 'exact', '--max-compressed-size', '1MB', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual((JSON.parse(r.stdout) as Report).images[0]!.budgets, []);
    assert.match(r.stderr, /max-compressed-size was not checked: the head's compressed size is unknown \(compressed-size is exact and 5 of its 5 layers are stored uncompressed; auto estimates them\)/);
  });
});

describe('a umoci layout with three tags', () => {
  let layout = '';
  beforeAll(async () => {
    layout = join(work, 'umoci');
    const [b1, b2] = [join(work, 'bundle1'), join(work, 'bundle2')];
    await tool('umoci', ['init', '--layout', layout]);
    await tool('umoci', ['new', '--image', `${layout}:base`]);
    await tool('umoci', ['unpack', '--image', `${layout}:base`, b1]);
    mkdirSync(join(b1, 'rootfs', 'etc'), { recursive: true });
    writeFileSync(join(b1, 'rootfs', 'etc', 'one.bin'), randomBytes(40_000));
    writeFileSync(join(b1, 'rootfs', 'etc', 'greeting'), 'hello\n');
    await tool('umoci', ['repack', '--image', `${layout}:v1`, b1]);
    await tool('umoci', ['unpack', '--image', `${layout}:v1`, b2]);
    rmSync(join(b2, 'rootfs', 'etc', 'one.bin'));
    writeFileSync(join(b2, 'rootfs', 'etc', 'two.bin'), randomBytes(25_000));
    writeFileSync(join(b2, 'rootfs', 'etc', 'greeting'), 'changed\n');
    await tool('umoci', ['repack', '--image', `${layout}:v2`, b2]);
  });

  it('without a ref: exit 2, one line naming base, v1 and v2 and how to pick one', async () => {
    oneLineError(await inspect(`oci-dir://${layout}`), new RegExp(`the OCI layout ".*umoci" holds 3 images \\(base, v1, v2\\): name one as oci-dir://.*umoci:REF`));
  });

  it('with :v2, the v2 image exactly (its ref and manifest digest in the report); :base is the empty image', async () => {
    const h = head(await inspect(`oci-dir://${layout}:v2`));
    assert.deepEqual(measured(h), await truthOf(layout, 'v2'));
    assert.equal(h.wastedBytes, 40_006, 'one.bin deleted, greeting overwritten');
    assert.equal(h.ref, `${layout}:v2`);
    const index = JSON.parse(readFileSync(join(layout, 'index.json'), 'utf8')) as { manifests: { digest: string; annotations: Record<string, string> }[] };
    assert.equal(h.manifestDigest, index.manifests.find((m) => m.annotations['org.opencontainers.image.ref.name'] === 'v2')?.digest);
    assert.deepEqual(measured(head(await inspect(`oci-dir://${layout}:base`))), { layers: [], size: 0, fileCount: 0, wastedBytes: 0 });
  });

  it('a ref it does not hold: exit 2, one line listing the refs it has', async () => {
    oneLineError(await inspect(`oci-dir://${layout}:v9`), /has no image named "v9" \(it has: base, v1, v2\)/);
  });

  it('an existing directory whose name contains ":" is that directory', async () => {
    const colon = join(work, 'with:colon');
    await tool('cp', ['-r', layout, colon]);
    oneLineError(await inspect(`oci-dir://${colon}`), /holds 3 images/);
    assert.deepEqual(measured(head(await inspect(`oci-dir://${colon}:v1`))), await truthOf(layout, 'v1'));
  });
});

describe('a docker save archive with two images', () => {
  let archive = '';
  beforeAll(async () => {
    await buildImage(twoImages.a, { Dockerfile: 'FROM isg/busybox:latest\nCOPY a.bin /a.bin\n', 'a.bin': randomBytes(11_000) });
    await buildImage(twoImages.b, { Dockerfile: 'FROM isg/busybox:latest\nCOPY b.bin /b.bin\nRUN rm /bin/vi\n', 'b.bin': randomBytes(22_000) });
    archive = join(work, 'two.tar');
    await docker(['save', '-o', archive, twoImages.a, twoImages.b]);
  });

  it('without a ref: exit 2, one line naming both', async () => {
    oneLineError(await inspect(`archive://${archive}`), new RegExp(`the archive ".*two.tar" holds 2 images \\(${twoImages.a}, ${twoImages.b}\\): name one as archive://.*two.tar:REF`));
  });

  it('archive://PATH:REPO:TAG reads that image exactly, with the ids the engine gives it', async () => {
    const h = head(await inspect(`archive://${archive}:${twoImages.b}`));
    assert.deepEqual(measured(h), await truthOf(archive, twoImages.b));
    assert.equal(h.ref, `${archive}:${twoImages.b}`);
    const engine = await engineIds(twoImages.b);
    assert.equal(h.id, engine.configDigest);
    if (DEFAULT_STORE === 'classic') assert.equal(h.id, engine.engineId, 'the classic store calls the config digest the image id');
    assert.equal(h.manifestDigest, engine.manifestDigest ?? undefined, 'the manifest the engine\'s docker save names');
  });
});
