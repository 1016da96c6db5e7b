// Release gating for real, through the bundled CLI and Action (dist/ as child processes): images read from a
// password-protected registry (Debian's docker-registry, started here) on every platform, compared platform by
// platform with exact sizes and exact compressed sizes, budgets per platform (also on the pull size), nothing
// pulled into the daemon; a platform on one side only; faults as one line; the other sources (oci-dir://,
// archive://, local://, a bare reference looked up file → daemon → registry); a multi-platform build on the
// containerd-store engine, and the classic driver refusing one.

import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { ImageEntry } from '../../src/model/report.js';
import type { ComparedReport as Report } from '../helpers/report.js';
import { DEFAULT_STORE, DOCKER, docker, engineIds, makeContext, removeImages, requireDocker, runDistCli, type CliResult } from '../helpers/docker.js';
import { makeRepo } from '../helpers/git-repo.js';
import { basicAuth, blobFile, dockerConfigDir, pushImage, requireRegistryTools, startRegistry, tempDir, type RunningRegistry } from '../helpers/registry.js';

const exec = promisify(execFile);
// the containerd-store engine ("": the default engine is one)
const CTD = process.env.ISG_CONTAINERD_DOCKER_HOST ?? 'unix:///var/run/isg-docker-ctd.sock';
const ctdEnv: Record<string, string> = CTD ? { DOCKER_HOST: CTD } : {};
const pid = process.pid;
const USERS = { alice: 'wonder-land' };
const PLATFORMS = ['linux/amd64', 'linux/arm64'] as const;
const DOCKERFILE = 'FROM scratch\nARG TARGETARCH\nCOPY common.bin /common.bin\nCOPY ${TARGETARCH}.bin /app.bin\n';

// File sizes per release and architecture: v2 grows amd64 by 0.5 MB (under a 1 MB budget), arm64 by 1.25 MB (over it).
const COMMON = 200_000;
const SIZES = {
  v1: { amd64: 100_000, arm64: 150_000, s390x: 0 },
  v2: { amd64: 600_000, arm64: 1_400_000, s390x: 0 },
  v3: { amd64: 100_000, arm64: 0, s390x: 120_000 }, // amd64 as v1, arm64 dropped, s390x new
  corrupt: { amd64: 90_000, arm64: 90_000, s390x: 0 }, // its own blobs: the fault test corrupts one
};
type Arch = 'amd64' | 'arm64' | 's390x';

const common = randomBytes(COMMON);
const content: Record<string, Record<Arch, Buffer>> = {};
for (const [v, s] of Object.entries(SIZES)) content[v] = { amd64: randomBytes(s.amd64), arm64: randomBytes(s.arm64), s390x: randomBytes(s.s390x) };
content.v3!.amd64 = content.v1!.amd64; // the same amd64 image as v1

let storage = '';
let open: RunningRegistry; // anonymous: pushes go here; shares its storage with `locked`
let locked: RunningRegistry; // htpasswd: what the tests read
let creds = ''; // DOCKER_CONFIG with alice's credentials for `locked` only
let noCreds = '';
const cleanup: (() => unknown)[] = [];
const localTags: string[] = [];
const pushedIds: string[] = [];
const pushedId: Record<string, string> = {}; // "app:v1-amd64" → image id (= config digest)

const ref = (repo: string, tag: string, host = locked.host): string => `registry://${host}/${repo}:${tag}`;
const cli = (args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> =>
  runDistCli(args, { ...(opts.cwd ? { cwd: opts.cwd } : {}), env: { DOCKER_CONFIG: creds, ...opts.env } });

function report(r: CliResult): Report {
  assert.doesNotMatch(r.stderr, /unexpected error/);
  return JSON.parse(r.stdout) as Report;
}

/** Exit 2 and exactly one line on stderr (progress lines aside), matching. */
function assertOneLineError(r: CliResult, pattern: RegExp): void {
  assert.equal(r.code, 2, `exit code 2 expected, got ${r.code}; stderr: ${r.stderr}`);
  const lines = r.stderr.split('\n').filter((l) => l.trim() && !/^reading /.test(l) && !/\r/.test(l));
  assert.equal(lines.length, 1, `one line on stderr, got: ${JSON.stringify(r.stderr)}`);
  assert.match(lines[0]!, pattern);
  assert.doesNotMatch(lines[0]!, /unexpected error/);
}

/** Builds one platform of a release on the classic engine (FROM scratch + COPY needs no emulation). */
async function buildArch(version: string, arch: Arch): Promise<string> {
  const tag = `isg-test/sp-${version}-${arch}:${pid}`;
  const dir = makeContext({ Dockerfile: DOCKERFILE, 'common.bin': common, [`${arch}.bin`]: content[version]![arch] });
  try {
    await docker(['buildx', 'build', '--quiet', '--load', '--platform', `linux/${arch}`, '-t', tag, dir]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  localTags.push(tag);
  return tag;
}

/** Pushes a release (one image per architecture, then a manifest list over them) as REPO:VERSION; files from content[key]. */
async function pushRelease(repo: string, version: string, arches: Arch[], key = version): Promise<void> {
  const parts: string[] = [];
  for (const arch of arches) {
    const tag = await buildArch(key, arch);
    const id = (await engineIds(tag)).configDigest;
    pushedIds.push(id);
    pushedId[`${repo}:${version}-${arch}`] = id;
    const remote = `${open.host}/${repo}:${version}-${arch}`;
    await pushImage(tag, remote);
    parts.push(remote);
  }
  await docker(['buildx', 'imagetools', 'create', '-t', `${open.host}/${repo}:${version}`, ...parts]);
}

/** An image manifest's layer sizes, read from the registry with plain HTTP (anonymous side) — independent of the reader. */
async function manifestLayers(repo: string, tag: string, platform: string): Promise<{ digest: string; size: number }[]> {
  const get = async (reference: string): Promise<{ manifests?: { digest: string; platform: { os: string; architecture: string } }[]; layers?: { digest: string; size: number }[] }> => {
    const res = await fetch(`${open.url}/v2/${repo}/manifests/${reference}`, {
      headers: { accept: 'application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.index.v1+json, application/vnd.oci.image.manifest.v1+json' },
    });
    assert.equal(res.status, 200);
    return (await res.json()) as never;
  };
  const list = await get(tag);
  const entry = list.manifests?.find((m) => `${m.platform.os}/${m.platform.architecture}` === platform);
  assert.ok(entry, `${repo}:${tag} has ${platform}`);
  return (await get(entry.digest)).layers ?? [];
}

const byPlatform = (r: Report, platform: string): ImageEntry => {
  const e = r.images.find((i) => i.platform === platform);
  assert.ok(e, `an entry for ${platform}: ${r.images.map((i) => i.platform).join(', ')}`);
  return e;
};

async function daemonImageIds(): Promise<string[]> {
  return (await docker(['image', 'ls', '--all', '--no-trunc', '--quiet'])).split('\n').filter(Boolean);
}

beforeAll(async () => {
  await requireDocker();
  await requireRegistryTools();
  storage = tempDir('isg-sp-store-');
  open = await startRegistry({ storage });
  locked = await startRegistry({ storage, auth: { kind: 'basic', users: USERS } });
  creds = dockerConfigDir({ auths: { [locked.host]: { auth: basicAuth('alice', USERS.alice) } } });
  noCreds = tempDir('isg-sp-nocreds-');
  await pushRelease('app', 'v1', ['amd64', 'arm64']);
  await pushRelease('app', 'v2', ['amd64', 'arm64']);
  await pushRelease('app', 'v3', ['amd64', 's390x']);
  await pushRelease('corrupt', 'v1', ['amd64', 'arm64'], 'corrupt');
  // Nothing of ours stays in the daemon: reading must not bring anything back.
  await removeImages(...localTags.splice(0));
});

afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
  await removeImages(...localTags);
  for (const s of [open, locked]) await s?.stop();
  for (const d of [storage, creds, noCreds]) if (d) rmSync(d, { recursive: true, force: true });
});

describe('compare registry:// on every platform (a password-protected registry, credentials only in DOCKER_CONFIG)', () => {
  it('reports both platforms with exact sizes and compressed sizes, fails only the platform past the budget, and leaves the daemon untouched', async () => {
    const before = await daemonImageIds();
    const since = Date.now();
    const r = await cli(['compare', '--base-image', ref('app', 'v1'), '--image', ref('app', 'v2'), '--platform', 'all', '--max-increase', '1MB', '--format', 'json']);
    const until = Date.now();
    assert.equal(r.code, 1, r.stderr);
    const rep = report(r);
    assert.deepEqual(rep.images.map((e) => [e.name, e.platform]), PLATFORMS.map((p) => [`${locked.host}/app:v2`, p]));
    for (const platform of PLATFORMS) {
      const arch = platform.split('/')[1] as 'amd64' | 'arm64';
      const e = byPlatform(rep, platform);
      assert.equal(e.head.size, COMMON + SIZES.v2[arch]);
      assert.equal(e.base!.size, COMMON + SIZES.v1[arch]);
      assert.equal(e.diff!.sizeDelta, SIZES.v2[arch] - SIZES.v1[arch]);
      assert.equal(e.head.source, 'registry');
      assert.equal(e.base!.source, 'registry');
      assert.equal(e.head.ref, `${locked.host}/app:v2`);
      for (const [side, tag] of [[e.head, 'v2'], [e.base!, 'v1']] as const) {
        const layers = await manifestLayers('app', tag, platform);
        // (spread: arrays from fetch's JSON come from outside jest's realm)
        assert.deepEqual([...side.layers.map((l) => l.compressedSize)], [...layers.map((l) => l.size)], `${platform} ${tag}: layer compressed sizes are the manifest's`);
        assert.deepEqual([...layers.map((l) => statSync(blobFile(storage, l.digest)).size)], [...layers.map((l) => l.size)], 'and the stored blobs');
        assert.equal(side.compressedSize, layers.reduce((a, l) => a + l.size, 0));
        assert.equal(side.compressedSizeExact, true);
      }
      assert.equal(e.diff!.compressedSizeDelta, e.head.compressedSize! - e.base!.compressedSize!);
      assert.deepEqual(e.budgets, [{ id: 'max-increase', limit: '1MB', actual: SIZES.v2[arch] - SIZES.v1[arch], passed: arch === 'amd64', level: 'fail' }]);
      assert.equal(e.passed, arch === 'amd64', `${platform} passed`);
    }
    assert.equal(rep.passed, false);
    assert.equal(rep.removedPlatforms, undefined);

    // The daemon: no image appeared, and it saw nothing of this registry or these images.
    const after = await daemonImageIds();
    for (const id of pushedIds) assert.ok(!after.includes(id), `pushed image ${id} is not in the daemon`);
    assert.deepEqual(after.filter((id) => !before.includes(id) && pushedIds.includes(id)), []);
    const events = await docker(['events', '--since', String(Math.floor(since / 1000)), '--until', String(Math.ceil(until / 1000) + 1), '--format', '{{.TimeNano}} {{.Type}} {{.Action}} {{.Actor.ID}} {{json .Actor.Attributes}}']);
    const during = events.split('\n').filter((l) => l && Number(l.split(' ')[0]) / 1e6 >= since);
    const ours = during.filter((l) => l.includes(locked.host) || l.includes(open.host) || pushedIds.some((id) => l.includes(id.slice(7, 19))));
    assert.deepEqual(ours, [], 'no daemon event about our registry or images');
  });

  it('the text report names every platform and says which failed', async () => {
    const r = await cli(['compare', '--base-image', ref('app', 'v1'), '--image', ref('app', 'v2'), '--platform', 'linux/amd64,linux/arm64', '--max-increase', '1MB']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /app:v2 \(linux\/amd64\) — 300 kB → 800 kB .* ✅/);
    assert.match(r.stdout, /app:v2 \(linux\/arm64\) — 350 kB → 1\.6 MB .* ❌/);
    assert.match(r.stdout, /max-increase 1MB ❌ \(\+1\.2 MB\)/);
  });

  it('a platform on one side only: added (no base) and removed (in removedPlatforms), with warnings; not a failure', async () => {
    const r = await cli(['compare', '--base-image', ref('app', 'v1'), '--image', ref('app', 'v3'), '--platform', 'all', '--max-increase', '1MB', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const rep = report(r);
    assert.deepEqual(rep.images.map((e) => [e.platform, e.platformAdded ?? false, e.base === null]), [
      ['linux/amd64', false, false],
      ['linux/s390x', true, true],
    ]);
    const amd64 = byPlatform(rep, 'linux/amd64');
    assert.equal(amd64.diff!.sizeDelta, 0);
    assert.equal(amd64.head.id, amd64.base!.id, 'v3 kept v1\'s amd64 image');
    const s390x = byPlatform(rep, 'linux/s390x');
    assert.equal(s390x.head.size, COMMON + SIZES.v3.s390x);
    assert.deepEqual(s390x.budgets, [], 'max-increase cannot be checked without a base image for the platform');
    assert.equal(rep.removedPlatforms?.length, 1);
    assert.equal(rep.removedPlatforms![0]!.platform, 'linux/arm64');
    assert.equal(rep.removedPlatforms![0]!.base.size, COMMON + SIZES.v1.arm64);
    assert.match(r.stderr, /warning: linux\/arm64: only the base has this platform/);
    assert.match(r.stderr, /warning: linux\/s390x: max-increase was not checked: the base has no image for this platform/);

    // the summary: a row per platform, the added one labelled, the removed one a row of its own
    const md = await cli(['compare', '--base-image', ref('app', 'v1'), '--image', ref('app', 'v3'), '--platform', 'all', '--format', 'markdown']);
    assert.equal(md.code, 0, md.stderr);
    assert.match(md.stdout, /^<!-- image-size-guard:[^\n]*app:v3 -->\n### 🐳 1 image \(3 rows\): 2 compared \(1 added platform\), 1 platform removed ✅\n/);
    const rows = md.stdout.split('\n').filter((l) => /^\| (✅|❌|➖) \|/.test(l));
    assert.equal(rows.length, 3, md.stdout);
    assert.match(rows[0]!, /^\| ✅ \| [^|]*app&#58;v3 \(linux\/amd64\) \| /);
    assert.match(rows[1]!, /^\| ✅ \| [^|]*app&#58;v3 \(linux\/s390x, added platform\) \| — \| /);
    assert.match(rows[2]!, /^\| ➖ \| [^|]*app&#58;v3 \(linux\/arm64\) \| [0-9.]+ kB \| — \| \| \| \| platform removed — only the base has it \|$/);
    assert.match(md.stdout, /<summary>✅ <b>[^<]*app&#58;v3<\/b> linux\/s390x — [0-9.]+ [kM]B \(added platform\)<\/summary>/);

    const missing = await cli(['compare', '--base-image', ref('app', 'v1'), '--image', ref('app', 'v3'), '--platform', 'linux/amd64,linux/ppc64le']);
    assertOneLineError(missing, /neither the head nor the base has an image for linux\/ppc64le/);
  });

  it('pull-size budgets: max-compressed-increase fails only the platform that grew past it; max-compressed-size passes', async () => {
    const r = await cli(['compare', '--base-image', ref('app', 'v1'), '--image', ref('app', 'v2'), '--platform', 'all', '--max-compressed-increase', '1MB', '--max-compressed-size', '5MB', '--format', 'json']);
    assert.equal(r.code, 1, r.stderr);
    const rep = report(r);
    for (const platform of PLATFORMS) {
      const e = byPlatform(rep, platform);
      const delta = e.head.compressedSize! - e.base!.compressedSize!;
      assert.deepEqual(e.budgets, [
        { id: 'max-compressed-size', limit: '5MB', actual: e.head.compressedSize, passed: true, level: 'fail' },
        { id: 'max-compressed-increase', limit: '1MB', actual: delta, passed: delta <= 1_000_000, level: 'fail' },
      ]);
    }
    assert.deepEqual(rep.images.map((e) => e.passed), [true, false], 'random content does not compress: arm64 grew ~1.25 MB on the wire too');
    const tight = await cli(['compare', '--base-image', ref('app', 'v1'), '--image', ref('app', 'v2'), '--platform', 'linux/amd64', '--max-compressed-size', '700kB', '--format', 'json']);
    assert.equal(tight.code, 1);
    assert.deepEqual(report(tight).images[0]!.budgets.map((b) => [b.id, b.passed]), [['max-compressed-size', false]]);
  });

  it('faults through compare: corrupt blob, missing tag, no credentials — exit 2 and one line each', async () => {
    const layers = await manifestLayers('corrupt', 'v1', 'linux/arm64');
    const digest = layers[layers.length - 1]!.digest;
    const file = blobFile(storage, digest);
    const bytes = readFileSync(file);
    for (let i = 1000; i < bytes.length - 1000; i += 997) bytes[i] = bytes[i]! ^ 0x5a; // same size, other content
    writeFileSync(file, bytes);
    const corrupt = await cli(['compare', '--base-image', ref('app', 'v1'), '--image', ref('corrupt', 'v1'), '--platform', 'all', '--format', 'json']);
    assertOneLineError(corrupt, new RegExp(`digest mismatch for blob ${digest}`));
    assert.equal(corrupt.stdout, '', 'nothing is reported');

    const tag = await cli(['compare', '--base-image', ref('app', 'v1'), '--image', ref('app', 'no-such-tag'), '--platform', 'all']);
    assertOneLineError(tag, /app:no-such-tag not found \(no such tag\)/);

    const login = await cli(['compare', '--base-image', ref('app', 'v1'), '--image', ref('app', 'v2'), '--platform', 'all'], { env: { DOCKER_CONFIG: noCreds } });
    assertOneLineError(login, new RegExp(`${locked.host}/app:v\\d requires credentials: run \`docker login ${locked.host}\``));
  });

  it('the Action: registry images on platform all, pull-size budget, compressed-size-delta output, the report per platform', async () => {
    const dir = tempDir('isg-sp-action-');
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const out = join(dir, 'output');
    writeFileSync(out, '');
    writeFileSync(join(dir, 'summary'), '');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DOCKER_CONFIG: creds,
      GITHUB_ACTIONS: 'true',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_REPOSITORY: 'octo/app',
      GITHUB_OUTPUT: out,
      GITHUB_STEP_SUMMARY: join(dir, 'summary'),
      GITHUB_WORKSPACE: dir,
      RUNNER_TEMP: dir,
      'INPUT_BASE-IMAGE': ref('app', 'v1'),
      INPUT_IMAGE: ref('app', 'v2'),
      INPUT_PLATFORM: 'all',
      'INPUT_MAX-COMPRESSED-INCREASE': '1MB',
      INPUT_COMMENT: 'false',
    };
    const child = spawn(process.execPath, [join(process.cwd(), 'dist/index.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
    assert.equal(code, 1, stdout.slice(-2000));
    assert.match(stdout, /::error::image-size-guard: linux\/arm64: budget exceeded \(max-compressed-increase 1MB\)/);
    const outputs = readFileSync(out, 'utf8');
    const output = (name: string): string => new RegExp(`^${name}<<(.+)\\n([^]*?)\\n\\1$`, 'm').exec(outputs)?.[2] ?? '<missing>';
    const rep = JSON.parse(readFileSync(output('report-file'), 'utf8')) as Report;
    assert.deepEqual(rep.images.map((e) => [e.platform, e.passed]), [['linux/amd64', true], ['linux/arm64', false]]);
    // each platform is an entry: the scalar outputs are sums over them, as over several images
    const pullDelta = rep.images.reduce((sum, e) => sum + e.head.compressedSize! - e.base!.compressedSize!, 0);
    assert.equal(output('compressed-size-delta'), String(pullDelta));
    assert.equal(output('size'), String(2 * COMMON + SIZES.v2.amd64 + SIZES.v2.arm64), 'the sum over the platforms');
    assert.equal(output('passed'), 'false');
    const results = JSON.parse(output('results')) as { platform: string; status: string; passed: boolean }[];
    assert.deepEqual(results.map((r) => [r.platform, r.status, r.passed]), [['linux/amd64', 'compared', true], ['linux/arm64', 'compared', false]]);
    const summary = readFileSync(join(dir, 'summary'), 'utf8');
    assert.match(summary, /^<!-- image-size-guard:/);
    assert.match(summary, /\(linux\/amd64\)/);
    assert.match(summary, /\(linux\/arm64\)/);
  });
});

describe('other sources: oci-dir://, archive://, local://, and a bare reference (file → daemon → registry)', () => {
  let layout = '';

  beforeAll(async () => {
    // A two-platform OCI layout directory, as buildx writes it with tar=false (containerd-store engine).
    layout = tempDir('isg-sp-layout-');
    cleanup.push(() => rmSync(layout, { recursive: true, force: true }));
    const ctx = makeContext({ Dockerfile: DOCKERFILE, 'common.bin': common, 'amd64.bin': content.v2!.amd64, 'arm64.bin': content.v2!.arm64 });
    cleanup.push(() => rmSync(ctx, { recursive: true, force: true }));
    await exec(DOCKER, ['buildx', 'build', '--quiet', '--platform', PLATFORMS.join(','), '--output', `type=oci,dest=${join(layout, 'oci')},tar=false`, ctx], {
      env: { ...process.env, ...ctdEnv },
      timeout: 600_000,
    });
  });

  it('oci-dir:// reads every platform in place, exact compressed sizes from its blobs; compared with a registry base per platform', async () => {
    const dir = join(layout, 'oci');
    const r = await cli(['inspect', `oci-dir://${dir}`, '--platform', 'all', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const rep = report(r);
    assert.deepEqual(rep.images.map((e) => [e.platform, e.head.size, e.head.source]), [
      ['linux/amd64', COMMON + SIZES.v2.amd64, 'oci-dir'],
      ['linux/arm64', COMMON + SIZES.v2.arm64, 'oci-dir'],
    ]);
    const blobs = join(dir, 'blobs', 'sha256');
    const blobSizes = new Set(readdirSync(blobs).map((f) => statSync(join(blobs, f)).size));
    for (const e of rep.images) {
      assert.equal(e.head.compressedSizeExact, true);
      for (const l of e.head.layers) assert.ok(blobSizes.has(l.compressedSize!), `layer compressed size ${l.compressedSize} is a blob's size`);
    }

    const cmp = await cli(['compare', '--base-image', ref('app', 'v1'), '--image', `oci-dir://${dir}`, '--platform', 'all', '--max-increase', '1MB', '--format', 'json']);
    assert.equal(cmp.code, 1, cmp.stderr);
    const c = report(cmp);
    assert.deepEqual(c.images.map((e) => [e.platform, e.head.source, e.base!.source, e.diff!.sizeDelta, e.passed]), [
      ['linux/amd64', 'oci-dir', 'registry', SIZES.v2.amd64 - SIZES.v1.amd64, true],
      ['linux/arm64', 'oci-dir', 'registry', SIZES.v2.arm64 - SIZES.v1.arm64, false],
    ]);
  });

  it('a corrupted blob in an OCI layout: exit 2, one line naming the digest', async () => {
    const copy = join(layout, 'broken');
    cpSync(join(layout, 'oci'), copy, { recursive: true });
    const blobs = join(copy, 'blobs', 'sha256');
    const biggest = readdirSync(blobs).sort((a, b) => statSync(join(blobs, b)).size - statSync(join(blobs, a)).size)[0]!;
    const bytes = readFileSync(join(blobs, biggest));
    for (let i = 2000; i < bytes.length - 2000; i += 1009) bytes[i] = bytes[i]! ^ 0x33;
    writeFileSync(join(blobs, biggest), bytes);
    const r = await cli(['inspect', `oci-dir://${copy}`, '--platform', 'all', '--format', 'json']);
    assertOneLineError(r, new RegExp(`digest mismatch for blob sha256:${biggest}`));
  });

  it('archive:// of the same layout tarred reads the same images; a directory given as archive:// is refused in one line', async () => {
    const tar = join(layout, 'layout.tar');
    await exec('tar', ['-C', join(layout, 'oci'), '-cf', tar, '.']);
    const fromDir = report(await cli(['inspect', `oci-dir://${join(layout, 'oci')}`, '--platform', 'all', '--format', 'json']));
    const r = await cli(['inspect', `archive://${tar}`, '--platform', 'all', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const fromTar = report(r);
    assert.deepEqual(fromTar.images.map((e) => [e.platform, e.head.id, e.head.size, e.head.compressedSize, e.head.source]), fromDir.images.map((e) => [e.platform, e.head.id, e.head.size, e.head.compressedSize, 'archive']));
    assertOneLineError(await cli(['inspect', `archive://${join(layout, 'oci')}`]), /is a directory, not an image archive \(use oci-dir:\/\//);
    assertOneLineError(await cli(['inspect', `oci-dir://${tar}`]), /is not a directory \(use archive:\/\//);
  });

  it('local:// reads the daemon\'s image through docker save, and a bare reference is a file, else the daemon\'s image, else the registry', async () => {
    const y = await buildArch('v2', 'amd64');
    const yId = (await engineIds(y)).configDigest;
    const local = report(await cli(['inspect', `local://${y}`, '--format', 'json'])).images[0]!.head;
    assert.deepEqual([local.source, local.id, local.size], ['local', yId, COMMON + SIZES.v2.amd64]);

    // The same text three ways: a file of that name (relative to the working directory), a daemon tag, the registry.
    const bare = `${open.host}/app:v3-amd64`; // pushed in beforeAll, and not in the daemon
    const registryId = pushedId['app:v3-amd64'];
    const cwd = tempDir('isg-sp-bare-');
    cleanup.push(() => rmSync(cwd, { recursive: true, force: true }));
    mkdirSync(join(cwd, open.host), { recursive: true });
    await exec('sh', ['-c', `"${DOCKER}" save "${y}" > "${join(cwd, bare)}"`]);
    const asFile = report(await cli(['inspect', bare, '--format', 'json'], { cwd })).images[0]!.head;
    assert.deepEqual([asFile.source, asFile.id], ['archive', yId]);

    rmSync(join(cwd, bare));
    await docker(['tag', y, bare]);
    localTags.push(bare);
    const asLocal = report(await cli(['inspect', bare, '--format', 'json'], { cwd })).images[0]!.head;
    assert.deepEqual([asLocal.source, asLocal.id], ['local', yId]);

    await docker(['image', 'rm', bare]);
    const asRegistry = await cli(['inspect', bare, '--format', 'json'], { cwd });
    assert.equal(asRegistry.code, 0, asRegistry.stderr);
    const reg = report(asRegistry).images[0]!.head;
    assert.deepEqual([reg.source, reg.id], ['registry', registryId]);
    assert.notEqual(reg.id, yId);
  });

  it('--compressed-size off: no estimates, so pull-size budgets on uncompressed layers are not checked (a warning says why); exact blob sizes still are', async () => {
    const [x, y] = [await buildArch('v1', 'arm64'), await buildArch('v2', 'arm64')];
    const r = await cli(['compare', '--base-image', `local://${x}`, '--image', `local://${y}`, '--compressed-size', 'off', '--max-compressed-size', '1kB', '--max-compressed-increase', '1%', '--format', 'json']);
    const e = report(r).images[0]!;
    if (DEFAULT_STORE === 'classic') {
      // docker save of the classic store: uncompressed layers
      assert.equal(r.code, 0, r.stderr);
      assert.equal(e.head.compressedSize, null);
      assert.deepEqual(e.budgets, []);
      assert.match(r.stderr, /warning: max-compressed-size was not checked: the head's compressed size is unknown \(compressed-size is off\)/);
      assert.match(r.stderr, /warning: max-compressed-increase was not checked: the head's compressed size is unknown \(compressed-size is off\)/);
    } else {
      // docker save of the containerd store: gzip blobs, whose sizes are exact
      assert.equal(r.code, 1, r.stderr);
      assert.equal(e.head.compressedSizeExact, true);
      assert.deepEqual(e.budgets.map((b) => [b.id, b.actual, b.passed]), [
        ['max-compressed-size', e.head.compressedSize, false],
        ['max-compressed-increase', e.head.compressedSize! - e.base!.compressedSize!, false],
      ]);
    }
  });
});

describe('building several platforms', () => {
  const files = (version: 'v1' | 'v2') => ({ Dockerfile: DOCKERFILE, 'common.bin': common, 'amd64.bin': content[version]!.amd64, 'arm64.bin': content[version]!.arm64 });

  it('on the containerd-store engine: one OCI build per side for both platforms, compared per platform, nothing tagged', async () => {
    const repo = makeRepo([files('v1'), files('v2')]);
    cleanup.push(() => rmSync(repo, { recursive: true, force: true }));
    const before = (await exec(DOCKER, ['images', '-q'], { env: { ...process.env, ...ctdEnv } })).stdout;
    const r = await cli(['compare', '--base', 'c0', '--platform', PLATFORMS.join(','), '--max-increase', '1MB', '--format', 'json'], { cwd: repo, env: ctdEnv });
    assert.equal(r.code, 1, r.stderr.slice(-3000));
    assert.equal((r.stderr.match(/── build head \(buildx, OCI export\)/g) ?? []).length, 1, 'one build for the head');
    assert.equal((r.stderr.match(/── build base \(buildx, OCI export\)/g) ?? []).length, 1, 'one build for the base');
    const rep = report(r);
    assert.deepEqual(rep.images.map((e) => [e.platform, e.head.source, e.head.size, e.base!.size, e.head.compressedSizeExact, e.passed]), [
      ['linux/amd64', 'build', COMMON + SIZES.v2.amd64, COMMON + SIZES.v1.amd64, true, true],
      ['linux/arm64', 'build', COMMON + SIZES.v2.arm64, COMMON + SIZES.v1.arm64, true, false],
    ]);
    assert.equal((await exec(DOCKER, ['images', '-q'], { env: { ...process.env, ...ctdEnv } })).stdout, before, 'no image was loaded or tagged');

    // The release gate: the candidate built for both platforms against the registry's release, nothing pulled.
    const gate = await cli(['compare', '--base-image', ref('app', 'v1'), '--platform', PLATFORMS.join(','), '--max-increase', '1MB', '--format', 'json'], { cwd: repo, env: ctdEnv });
    assert.equal(gate.code, 1, gate.stderr.slice(-3000));
    assert.deepEqual(report(gate).images.map((e) => [e.platform, e.head.source, e.base!.source, e.diff!.sizeDelta, e.passed]), [
      ['linux/amd64', 'build', 'registry', SIZES.v2.amd64 - SIZES.v1.amd64, true],
      ['linux/arm64', 'build', 'registry', SIZES.v2.arm64 - SIZES.v1.arm64, false],
    ]);
  });

  it('on the default engine: refused in one line naming the fix on the classic store (built on the containerd store); "all" for a build asks for the list', async () => {
    const repo = makeRepo([files('v1')]);
    cleanup.push(() => rmSync(repo, { recursive: true, force: true }));
    const r = await runDistCli(['compare', '--platform', PLATFORMS.join(','), '--format', 'json'], { cwd: repo });
    if (DEFAULT_STORE === 'classic') {
      assertOneLineError(r, /building several platforms at once \(linux\/amd64, linux\/arm64\) needs a builder that exports OCI.*docker buildx create --use/);
    } else {
      // Docker 29 and Docker Desktop: the default builder exports OCI, so both platforms are one build
      assert.equal(r.code, 0, r.stderr.slice(-3000));
      assert.deepEqual(report(r).images.map((e) => [e.platform, e.head.size]), [['linux/amd64', COMMON + SIZES.v1.amd64], ['linux/arm64', COMMON + SIZES.v1.arm64]]);
    }
    const all = await runDistCli(['compare', '--platform', 'all'], { cwd: repo });
    assertOneLineError(all, /platform "all" reads every platform of existing images; the head is built, and a build needs its platforms listed/);
  });
});
