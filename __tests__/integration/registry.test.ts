// The registry client against a real registry (Debian's docker-registry, started here): anonymous, Basic
// and Bearer auth, blob redirects to a host that refuses Authorization, retries, multi-platform indexes,
// corrupt blobs, missing tags and credentials — through the client and through `inspect registry://`
// (the bundled dist/ as a child process). Images are built with the real dockerd and pushed with docker push.

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { promisify } from 'node:util';
import { RegistryError } from '../../src/registry/errors.js';
import { readRegistryImage, readResolvedImage, resolveRegistryImages } from '../../src/registry/read-registry-image.js';
import { RegistryClient, type RegistryClientOptions } from '../../src/registry/registry-client.js';
import type { ComparedReport as Report } from '../helpers/report.js';
import { DEFAULT_STORE, DOCKER, docker, engineIds, makeContext, removeImages, requireDocker, rootfsLayers, runDistCli } from '../helpers/docker.js';
import {
  basicAuth,
  blobFile,
  dockerConfigDir,
  pushImage,
  requireRegistryTools,
  startBlobHost,
  startConnectProxy,
  startRegistry,
  startTokenIssuer,
  tempDir,
  type BlobHost,
  type RunningRegistry,
  type TokenIssuer,
} from '../helpers/registry.js';

const exec = promisify(execFile);
// the containerd-store engine; "" (the global setup's word for it) when the default engine is one
const CTD = process.env.ISG_CONTAINERD_DOCKER_HOST ?? 'unix:///var/run/isg-docker-ctd.sock';
const ctdEnv = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, DOCKER_HOST: CTD };
  if (!CTD) delete env.DOCKER_HOST;
  return env;
};
const run = process.pid;
const local = {
  v1: `isg-test/reg-v1:${run}`,
  v2: `isg-test/reg-v2:${run}`,
  corrupt: `isg-test/reg-corrupt:${run}`,
  amd64: `isg-test/reg-amd64:${run}`,
  arm64: `isg-test/reg-arm64:${run}`,
};
const USERS = { alice: 'wonder-land' };
const cleanup: (() => Promise<unknown> | unknown)[] = [];

let storage = '';
let issuer: TokenIssuer;
let blobs: BlobHost;
let open: RunningRegistry; // anonymous: pushes go here; all registries share its storage
let basic: RunningRegistry; // htpasswd
let bearer: RunningRegistry; // token auth + blob redirects to `blobs`
let emptyConfig = '';
const ids: Record<string, string> = {}; // config digests of the local images, as the engine has them, before they were removed
const engineId: Record<string, string> = {}; // what the engine called them (on the containerd store: manifest or index digests)
const savedManifest: Record<string, string | null> = {}; // the manifest the engine's docker save named
const diffIds: Record<string, string[]> = {};
let daemonReport: Report; // `inspect` of v1 from the daemon, for the side-by-side check
let ctdIndexPushed = false;

const SIZES = { base: 200_000, v1: 1_234, v2: 100_000, corrupt: 150_000, amd64: 100_000, arm64: 250_000 };

async function build(tag: string, files: Record<string, string | Buffer>, platform?: string): Promise<void> {
  const dir = makeContext(files);
  try {
    await docker(['buildx', 'build', '--quiet', '--load', ...(platform ? ['--platform', platform] : []), '-t', tag, dir], { timeout: 600_000 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const client = (opts: RegistryClientOptions = {}): RegistryClient => {
  const c = new RegistryClient({ dockerConfig: emptyConfig, backoffMs: 50, ...opts });
  cleanup.push(() => c.close());
  return c;
};

/** One line, exit 2, the message matching. */
function assertOneLineError(r: { code: number; stderr: string }, pattern: RegExp): void {
  assert.equal(r.code, 2, `exit code 2 expected, stderr: ${r.stderr}`);
  const lines = r.stderr.split('\n').filter((l) => l.trim() && !/^reading /.test(l) && !/\r/.test(l));
  assert.equal(lines.length, 1, `one line on stderr, got: ${JSON.stringify(r.stderr)}`);
  assert.match(lines[0] as string, pattern);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
}

/** Whether a process has ended (a zombie waiting for init has): polled for a while, as a signal takes effect asynchronously. */
async function gone(pid: number): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    const stat = (() => {
      try {
        return readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        return null;
      }
    })();
    if (stat === null || /^\d+ \(.*\) [ZX] /.test(stat)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/** The digest of the image manifest a tag names (the linux/amd64 one under an index), from the registry's own answer. */
async function registryManifest(repo: string, tag: string): Promise<string> {
  const accept = 'application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json';
  const res = await fetch(`${open.url}/v2/${repo}/manifests/${tag}`, { headers: { accept } });
  assert.equal(res.status, 200);
  const doc = (await res.json()) as { manifests?: { digest: string; platform: { os: string; architecture: string } }[] };
  if (!doc.manifests) return res.headers.get('docker-content-digest') as string;
  return doc.manifests.find((m) => m.platform.os === 'linux' && m.platform.architecture === 'amd64')!.digest;
}

async function daemonImages(): Promise<string> {
  return docker(['image', 'ls', '--all', '--no-trunc', '--format', '{{.ID}} {{.Repository}}:{{.Tag}}']);
}

beforeAll(async () => {
  await requireDocker();
  await requireRegistryTools();
  storage = tempDir('isg-regstore-');
  emptyConfig = tempDir('isg-nocreds-');
  issuer = await startTokenIssuer({ users: USERS, refreshTokens: { 'refresh-alice': 'alice' }, publicPrefix: 'public/' });
  blobs = await startBlobHost(storage);
  open = await startRegistry({ storage });
  basic = await startRegistry({ storage, auth: { kind: 'basic', users: USERS } });
  bearer = await startRegistry({ storage, auth: { kind: 'token', issuer }, redirectTo: blobs.url });

  const base = randomBytes(SIZES.base);
  await build(local.v1, { Dockerfile: 'FROM scratch\nCOPY base.bin /base.bin\nCOPY v1.txt /etc/v1.txt\n', 'base.bin': base, 'v1.txt': 'v'.repeat(SIZES.v1) });
  await build(local.v2, { Dockerfile: 'FROM scratch\nCOPY base.bin /base.bin\nCOPY v2.bin /opt/v2.bin\n', 'base.bin': base, 'v2.bin': randomBytes(SIZES.v2) });
  await build(local.corrupt, { Dockerfile: 'FROM scratch\nCOPY c.bin /c.bin\n', 'c.bin': randomBytes(SIZES.corrupt) });
  const perArch = { Dockerfile: 'FROM scratch\nARG TARGETARCH\nCOPY ${TARGETARCH}.bin /data.bin\n', 'amd64.bin': randomBytes(SIZES.amd64), 'arm64.bin': randomBytes(SIZES.arm64) };
  await build(local.amd64, perArch, 'linux/amd64');
  await build(local.arm64, perArch, 'linux/arm64');
  for (const [k, tag] of Object.entries(local)) {
    const e = await engineIds(tag);
    ids[k] = e.configDigest;
    engineId[k] = e.engineId;
    savedManifest[k] = e.manifestDigest;
    diffIds[k] = await rootfsLayers(tag);
  }
  const r = await runDistCli(['inspect', local.v1, '--format', 'json']);
  assert.equal(r.code, 0, r.stderr);
  daemonReport = JSON.parse(r.stdout) as Report;

  for (const repo of ['public/app', 'private/app']) {
    await pushImage(local.v1, `${open.host}/${repo}:v1`);
    await pushImage(local.v2, `${open.host}/${repo}:v2`);
  }
  await pushImage(local.corrupt, `${open.host}/public/corrupt:v1`);
  await pushImage(local.amd64, `${open.host}/public/multi:amd64`);
  await pushImage(local.arm64, `${open.host}/public/multi:arm64`);
  await docker(['buildx', 'imagetools', 'create', '-t', `${open.host}/public/multi:v1`, `${open.host}/public/multi:amd64`, `${open.host}/public/multi:arm64`]);
  // Nothing of ours stays in the daemon: reading must not bring anything back.
  await removeImages(...Object.values(local));

  // A multi-platform build on the containerd-store engine, pushed as an OCI index with attestations.
  const ctx = makeContext({ Dockerfile: perArch.Dockerfile, 'amd64.bin': perArch['amd64.bin'], 'arm64.bin': perArch['arm64.bin'] });
  cleanup.push(() => rmSync(ctx, { recursive: true, force: true }));
  const ctdRef = `${open.host}/public/attested:v1`;
  await exec(DOCKER, ['buildx', 'build', '--quiet', '--platform', 'linux/amd64,linux/arm64', '--provenance=mode=min', '-t', ctdRef, '--push', ctx], {
    env: ctdEnv(),
    timeout: 600_000,
  });
  ctdIndexPushed = true;
  // the build also stored it in that engine (the default one, when it is on the containerd store): not ours to keep
  await exec(DOCKER, ['image', 'rm', '-f', ctdRef], { env: ctdEnv() }).catch(() => undefined);
});

afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
  await removeImages(...Object.values(local));
  for (const s of [open, basic, bearer]) await s?.stop();
  await blobs?.stop();
  await issuer?.stop();
  for (const d of [storage, emptyConfig]) if (d) rmSync(d, { recursive: true, force: true });
});

describe('registry client against a real registry', () => {
  it('reads an image anonymously: ids, diffIDs, sizes, exact compressed sizes equal to the stored blobs', async () => {
    const m = await readRegistryImage(client(), `${open.host}/public/app:v1`, undefined);
    assert.equal(m.id, ids.v1, 'the image id is the config digest, as the engine had it');
    assert.equal(m.manifestDigest, await registryManifest(`public/app`, 'v1'), 'the manifest digest is the one the registry serves');
    assert.deepEqual(m.layers.map((l) => l.diffId), diffIds.v1);
    assert.deepEqual(m.layers.map((l) => l.size), [SIZES.base, SIZES.v1]);
    assert.equal(m.platform, 'linux/amd64');
    assert.equal(m.compressedSizeExact, true);
    for (const l of m.layers) {
      assert.equal(l.compression, 'gzip');
      assert.equal(l.compressedSize, statSync(blobFile(storage, l.digest as string)).size, `compressed size of ${l.digest} is its stored blob's`);
    }
    assert.equal(m.files.get('/etc/v1.txt')?.size, SIZES.v1);
  });

  it('authenticates with Basic credentials from DOCKER_CONFIG, and refuses wrong ones in one line', async () => {
    const cfg = dockerConfigDir({ auths: { [basic.host]: { auth: basicAuth('alice', USERS.alice) } } });
    cleanup.push(() => rmSync(cfg, { recursive: true, force: true }));
    const m = await readRegistryImage(client({ dockerConfig: cfg }), `${basic.host}/private/app:v1`, undefined);
    assert.equal(m.id, ids.v1);
    const wrong = dockerConfigDir({ auths: { [`http://${basic.host}/v2/`]: { auth: basicAuth('alice', 'nope') } } });
    cleanup.push(() => rmSync(wrong, { recursive: true, force: true }));
    await assert.rejects(readRegistryImage(client({ dockerConfig: wrong }), `${basic.host}/private/app:v1`, undefined), (e: Error) =>
      e instanceof RegistryError && e.message.includes('refused the credentials') && !e.message.includes('\n'));
  });

  it('follows the Bearer token flow through the issuer (Basic to the realm, and identity tokens by OAuth2 POST)', async () => {
    const cfg = dockerConfigDir({ auths: { [bearer.host]: { auth: basicAuth('alice', USERS.alice) } } });
    cleanup.push(() => rmSync(cfg, { recursive: true, force: true }));
    const before = issuer.requests.length;
    const m = await readRegistryImage(client({ dockerConfig: cfg }), `${bearer.host}/private/app:v1`, undefined);
    assert.equal(m.id, ids.v1);
    const asked = issuer.requests.slice(before);
    assert.deepEqual(asked, [{ user: 'alice', scope: 'repository:private/app:pull', method: 'GET' }], 'one token for the run, as alice');

    const idt = dockerConfigDir({ auths: { [bearer.host]: { auth: basicAuth('<token>', ''), identitytoken: 'refresh-alice' } } });
    cleanup.push(() => rmSync(idt, { recursive: true, force: true }));
    const n = issuer.requests.length;
    assert.equal((await readRegistryImage(client({ dockerConfig: idt }), `${bearer.host}/private/app:v2`, undefined)).id, ids.v2);
    assert.deepEqual(issuer.requests.slice(n), [{ user: 'alice', scope: 'repository:private/app:pull', method: 'POST' }]);
  });

  it('a token service that answers 503 once: the token request is retried and the read succeeds', async () => {
    const cfg = dockerConfigDir({ auths: { [bearer.host]: { auth: basicAuth('alice', USERS.alice) } } });
    cleanup.push(() => rmSync(cfg, { recursive: true, force: true }));
    const failedBefore = issuer.failed;
    const before = issuer.requests.length;
    issuer.failNext.push(503);
    const m = await readRegistryImage(client({ dockerConfig: cfg }), `${bearer.host}/private/app:v1`, undefined);
    assert.equal(m.id, ids.v1);
    assert.equal(issuer.failed - failedBefore, 1, 'the issuer answered 503 once');
    assert.deepEqual(issuer.requests.slice(before).map((r) => r.user), ['alice'], 'then issued one token');
  });

  it('a token request that failed is not kept: the next read on the same client asks again, and succeeds', async () => {
    const cfg = dockerConfigDir({ auths: { [bearer.host]: { auth: basicAuth('alice', USERS.alice) } } });
    cleanup.push(() => rmSync(cfg, { recursive: true, force: true }));
    const c = client({ dockerConfig: cfg, attempts: 2 });
    issuer.failNext.push(503, 503);
    await assert.rejects(readRegistryImage(c, `${bearer.host}/private/app:v1`, undefined), (e: Error) =>
      e instanceof RegistryError && /token service of .* answered HTTP 503/.test(e.message));
    assert.equal(issuer.failNext.length, 0, 'both attempts reached the issuer');
    const before = issuer.requests.length;
    const m = await readRegistryImage(c, `${bearer.host}/private/app:v2`, undefined);
    assert.equal(m.id, ids.v2);
    assert.equal(issuer.requests.length - before, 1, 'a new token was fetched');
  });

  it('follows blob redirects to another host without the Authorization header, and reads a shared layer once per run', async () => {
    const cfg = dockerConfigDir({ auths: { [bearer.host]: { auth: basicAuth('alice', USERS.alice) } } });
    cleanup.push(() => rmSync(cfg, { recursive: true, force: true }));
    const c = client({ dockerConfig: cfg });
    const before = blobs.requests.length;
    const resolved = [
      ...(await resolveRegistryImages(c, `${bearer.host}/private/app:v1`, undefined)).images,
      ...(await resolveRegistryImages(c, `${bearer.host}/private/app:v2`, undefined)).images,
    ];
    const [v1, v2] = await Promise.all(resolved.map((img) => readResolvedImage(c, img)));
    const shared = v1?.layers[0]?.digest as string;
    assert.equal(v2?.layers[0]?.digest, shared, 'v1 and v2 share their first layer');
    assert.equal(v2?.layers[0]?.size, SIZES.base);
    assert.equal(v2?.files.get('/opt/v2.bin')?.size, SIZES.v2);
    const seen = blobs.requests.slice(before);
    assert.ok(seen.length >= 3, 'blobs came from the redirect host');
    assert.ok(seen.every((r) => !r.authorization && r.status === 200), `no request to the blob host carried Authorization: ${JSON.stringify(seen)}`);
    assert.equal(seen.filter((r) => r.path.includes(shared.slice(7))).length, 1, 'the shared layer was downloaded once');
    assert.equal(c.runLayers.size, 3, 'three distinct layers scanned');
  });

  it('retries 503/429 with Retry-After and resumes a download dropped halfway with a Range request', async () => {
    const c = client();
    const resolved = (await resolveRegistryImages(c, `${bearer.host}/public/app:v2`, undefined)).images[0];
    assert.ok(resolved);
    const [first, second] = resolved.manifest.layers.map((l) => l.digest) as [string, string];
    blobs.busyOnce.set(first, 503);
    blobs.busyOnce.set(second, 429);
    blobs.dropOnce.add(first);
    const before = blobs.requests.length;
    const m = await readResolvedImage(c, resolved);
    assert.equal(m.id, ids.v2);
    const log = blobs.requests.slice(before);
    const firstLog = log.filter((r) => r.path.includes(first.slice(7)));
    const secondLog = log.filter((r) => r.path.includes(second.slice(7)));
    const forFirst = firstLog.map((r) => [r.status, r.range]);
    assert.deepEqual(forFirst.slice(0, 2), [[503, null], [200, null]]);
    assert.equal(forFirst.length, 3, JSON.stringify(forFirst));
    assert.equal(forFirst[2]?.[0], 206, 'resumed with a Range request');
    assert.match(String(forFirst[2]?.[1]), /^bytes=[1-9]\d*-$/);
    assert.deepEqual(secondLog.map((r) => r.status), [429, 200]);
    // each retry came at least the Retry-After (1 s) after the busy answer, by the blob host's own clock (a lower
    // bound: a slow machine only makes the wait longer; libuv counts timers in whole milliseconds)
    for (const [busy, retry] of [firstLog.slice(0, 2), secondLog]) {
      assert.ok(retry!.at - busy!.at >= 1000 - 1, `retried ${(retry!.at - busy!.at).toFixed(1)} ms after a ${busy!.status} that asked for 1 s`);
    }
  });

  it('reads a Docker manifest list per platform with known sizes; missing platforms are named', async () => {
    const c = client();
    const all = await resolveRegistryImages(c, `${open.host}/public/multi:v1`, 'all');
    assert.deepEqual(all.images.map((i) => i.platform), ['linux/amd64', 'linux/arm64']);
    const models = await Promise.all(all.images.map((i) => readResolvedImage(c, i)));
    assert.deepEqual(models.map((m) => m.size), [SIZES.amd64, SIZES.arm64]);
    assert.deepEqual(models.map((m) => m.id), [ids.amd64, ids.arm64]);
    assert.deepEqual(models.map((m) => m.compressedSize), models.map((m) => statSync(blobFile(storage, m.layers[0]?.digest as string)).size));
    const one = await resolveRegistryImages(c, `${open.host}/public/multi:v1`, ['linux/arm64', 'linux/s390x']);
    assert.deepEqual(one.images.map((i) => i.platform), ['linux/arm64']);
    assert.deepEqual(one.missing, ['linux/s390x']);
    await assert.rejects(readRegistryImage(c, `${open.host}/public/multi:v1`, 'linux/ppc64le'), (e: Error) =>
      e instanceof RegistryError && /has no image for linux\/ppc64le \(it has: linux\/amd64, linux\/arm64\)/.test(e.message));
  });

  it('skips the attestation manifests of an OCI index built for two platforms on the containerd store', async () => {
    assert.ok(ctdIndexPushed);
    const c = client();
    const all = await resolveRegistryImages(c, `${open.host}/public/attested:v1`, 'all');
    assert.deepEqual(all.platformsAvailable, ['linux/amd64', 'linux/arm64']);
    const models = await Promise.all(all.images.map((i) => readResolvedImage(c, i)));
    assert.deepEqual(models.map((m) => [m.platform, m.size, m.files.get('/data.bin')?.size]), [
      ['linux/amd64', SIZES.amd64, SIZES.amd64],
      ['linux/arm64', SIZES.arm64, SIZES.arm64],
    ]);
  });

  it('goes through HTTP_PROXY unless NO_PROXY names the host', async () => {
    const proxy = await startConnectProxy();
    cleanup.push(() => proxy.stop());
    const viaProxy = await readRegistryImage(client({ env: { HTTP_PROXY: proxy.url } }), `${open.host}/public/app:v1`, undefined);
    assert.equal(viaProxy.id, ids.v1);
    assert.ok(proxy.tunnels.length > 0 && proxy.tunnels.every((t) => t === open.host), `tunnels: ${proxy.tunnels.join(', ')}`);
    const seen = proxy.tunnels.length;
    const direct = await readRegistryImage(client({ env: { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' } }), `${open.host}/public/app:v2`, undefined);
    assert.equal(direct.id, ids.v2);
    assert.equal(proxy.tunnels.length, seen, 'NO_PROXY bypasses the proxy');
  });

  it('leaves the daemon untouched', async () => {
    const images = await daemonImages();
    for (const [k, id] of Object.entries(engineId)) assert.ok(!images.includes(id), `image ${k} (${id}) is not in the daemon`);
    for (const r of [open, basic, bearer]) assert.ok(!images.includes(r.host), `no image from ${r.host} in the daemon`);
  });
});

describe('inspect registry://', () => {
  it('reports the same image as inspect from the daemon, with exact compressed sizes', async () => {
    const r = await runDistCli(['inspect', `registry://${open.host}/public/app:v1`, '--format', 'json'], { env: { DOCKER_CONFIG: emptyConfig } });
    assert.equal(r.code, 0, r.stderr);
    const reg = (JSON.parse(r.stdout) as Report).images[0]!;
    const dmn = daemonReport.images[0]!;
    assert.equal(reg.head.ref, `${open.host}/public/app:v1`);
    assert.equal(reg.head.id, dmn.head.id);
    assert.equal(dmn.head.manifestDigest, savedManifest.v1 ?? undefined, 'from the engine: the manifest its docker save names');
    assert.equal(reg.head.manifestDigest, await registryManifest('public/app', 'v1'));
    // the containerd store pushes the manifest it keeps; the classic store pushes one with compressed layers
    if (DEFAULT_STORE === 'containerd') assert.equal(reg.head.manifestDigest, dmn.head.manifestDigest);
    else assert.notEqual(reg.head.manifestDigest, dmn.head.manifestDigest);
    assert.equal(reg.head.size, dmn.head.size);
    assert.equal(reg.head.fileCount, dmn.head.fileCount);
    assert.deepEqual(reg.head.layers.map((l) => [l.diffId, l.size, l.fileCount, l.instruction]), dmn.head.layers.map((l) => [l.diffId, l.size, l.fileCount, l.instruction]));
    assert.equal(reg.head.compressedSizeExact, true);
    assert.equal(dmn.head.compressedSizeExact, DEFAULT_STORE === 'containerd', 'the containerd store keeps gzip blobs, the classic store none');
    const img = (await resolveRegistryImages(client(), `${open.host}/public/app:v1`, undefined)).images[0];
    const stored = (img?.manifest.layers ?? []).map((l) => statSync(blobFile(storage, l.digest)).size);
    assert.deepEqual(reg.head.layers.map((l) => l.compressedSize), stored);
    assert.equal(reg.head.compressedSize, stored.reduce((a, b) => a + b, 0));
  });

  it('uses a credential helper from credHelpers and from credsStore (docker-credential-NAME get, host on stdin)', async () => {
    const bin = tempDir('isg-helper-bin-');
    cleanup.push(() => rmSync(bin, { recursive: true, force: true }));
    const seen = join(bin, 'asked');
    const script = join(bin, 'docker-credential-isgtest');
    writeFileSync(script, `#!/bin/sh\n[ "$1" = get ] || exit 3\ncat > '${seen}'\nprintf '{"ServerURL":"x","Username":"alice","Secret":"${USERS.alice}"}'\n`);
    chmodSync(script, 0o755);
    const cfg = dockerConfigDir({ credHelpers: { [basic.host]: 'isgtest' } });
    cleanup.push(() => rmSync(cfg, { recursive: true, force: true }));
    const r = await runDistCli(['inspect', `registry://${basic.host}/private/app:v2`, '--format', 'json'], { env: { DOCKER_CONFIG: cfg, PATH: `${bin}:${process.env.PATH}` } });
    assert.equal(r.code, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as Report).images[0]?.head.id, ids.v2);
    assert.equal(readFileSync(seen, 'utf8'), basic.host, 'the helper got the registry host on stdin');

    // The same helper as credsStore, in front of the Bearer registry: its credentials go to the token service.
    const store = dockerConfigDir({ credsStore: 'isgtest' });
    cleanup.push(() => rmSync(store, { recursive: true, force: true }));
    const n = issuer.requests.length;
    const s = await runDistCli(['inspect', `registry://${bearer.host}/private/app:v1`, '--format', 'json'], { env: { DOCKER_CONFIG: store, PATH: `${bin}:${process.env.PATH}` } });
    assert.equal(s.code, 0, s.stderr);
    assert.equal((JSON.parse(s.stdout) as Report).images[0]?.head.id, ids.v1);
    assert.equal(readFileSync(seen, 'utf8'), bearer.host);
    assert.deepEqual(issuer.requests.slice(n).map((q) => q.user), ['alice']);
  });

  it('a credential helper that never answers: exit 2 after 30 s, one line naming it, the helper and what it started killed', async () => {
    const bin = tempDir('isg-helper-bin-');
    cleanup.push(() => rmSync(bin, { recursive: true, force: true }));
    const pidFile = join(bin, 'sleeper.pid');
    const script = join(bin, 'docker-credential-isghang');
    // the helper leaves a child behind that holds its output open: killing the helper alone would not end the wait
    writeFileSync(script, `#!/bin/sh\nsleep 100000 &\necho $! > '${pidFile}'\nwait\n`);
    chmodSync(script, 0o755);
    const cfg = dockerConfigDir({ credHelpers: { [basic.host]: 'isghang' } });
    cleanup.push(() => rmSync(cfg, { recursive: true, force: true }));
    const r = await runDistCli(['inspect', `registry://${basic.host}/private/app:v1`], { env: { DOCKER_CONFIG: cfg, PATH: `${bin}:${process.env.PATH}` } });
    assertOneLineError(r, new RegExp(`docker-credential-isghang \\(the credential helper the Docker config names for ${basic.host.replace(/\./g, '\\.')}\\) did not answer within 30 s`));
    const sleeper = Number(readFileSync(pidFile, 'utf8'));
    assert.ok(sleeper > 0);
    assert.ok(await gone(sleeper), 'the helper\'s child was killed with it');
  });

  it('a corrupted blob, and a corrupted manifest asked for by digest, in the registry storage: exit 2, one line naming the digest', async () => {
    const c = client();
    const img = (await resolveRegistryImages(c, `${open.host}/public/corrupt:v1`, undefined)).images[0];
    const digest = img?.manifest.layers[0]?.digest as string;
    const file = blobFile(storage, digest);
    const bytes = readFileSync(file);
    for (let i = 1000; i < bytes.length - 1000; i += 997) bytes[i] = (bytes[i] as number) ^ 0x5a; // same size, different content
    writeFileSync(file, bytes);
    const r = await runDistCli(['inspect', `registry://${open.host}/public/corrupt:v1`, '--format', 'json'], { env: { DOCKER_CONFIG: emptyConfig } });
    assertOneLineError(r, new RegExp(`digest mismatch for blob ${digest}`));
    assert.equal(r.stdout, '', 'nothing is reported from that image');

    // A manifest asked for by digest is verified too: alter one digit of the stored manifest.
    const manifest = img?.manifestDigest as string;
    const mfile = blobFile(storage, manifest);
    const text = readFileSync(mfile, 'utf8');
    const at = text.indexOf('"size":') + '"size":'.length + 1;
    writeFileSync(mfile, text.slice(0, at) + (text[at] === '9' ? '8' : '9') + text.slice(at + 1));
    const m = await runDistCli(['inspect', `registry://${open.host}/public/corrupt@${manifest}`], { env: { DOCKER_CONFIG: emptyConfig } });
    assertOneLineError(m, new RegExp(`digest mismatch for manifest ${manifest}`));
  });

  it('a missing tag: exit 2, one line', async () => {
    const r = await runDistCli(['inspect', `registry://${open.host}/public/app:no-such-tag`], { env: { DOCKER_CONFIG: emptyConfig } });
    assertOneLineError(r, /public\/app:no-such-tag not found \(no such tag\)/);
  });

  it('no credentials for a protected repository: exit 2, one line with a hint to log in (Basic and Bearer)', async () => {
    for (const reg of [basic, bearer]) {
      const r = await runDistCli(['inspect', `registry://${reg.host}/private/app:v1`], { env: { DOCKER_CONFIG: emptyConfig } });
      assertOneLineError(r, new RegExp(`${reg.host}/private/app:v1 requires credentials: run \`docker login ${reg.host}\`.*docker/login-action`));
    }
  });

  it('an unreachable registry: exit 2, one line', async () => {
    const r = await runDistCli(['inspect', 'registry://127.0.0.1:1/app:v1'], { env: { DOCKER_CONFIG: emptyConfig } });
    assertOneLineError(r, /cannot reach registry 127\.0\.0\.1:1: connection refused/);
  });

  it('a malformed reference: exit 2, one line', async () => {
    const r = await runDistCli(['inspect', 'registry://127.0.0.1:5000/App:v1']);
    assertOneLineError(r, /invalid image reference/);
  });
});

