// Jest global setup of the integration tests: a developer with Docker + buildx runs `npm ci && npm test` and
// nothing else. It checks the engine, makes the base images the tests build FROM when they are missing, and
// finds (or starts) an engine on the containerd image store for the OCI-export tests. It says what it did.
//
//   isg/debian:bookworm  ← docker pull debian:bookworm-slim when a registry answers, else debootstrap (root)
//   isg/busybox:latest   ← docker pull busybox:latest, else Debian's busybox-static (root)
//   isg/golang:bookworm  ← built FROM isg/debian:bookworm with `apt-get install golang-go` either way: the tests
//                          need Go as a Debian package (package attribution), which golang:* images are not.
//
//   docker-registry, htpasswd, openssl ← apt-get when missing (root), for the tests against a real registry
//   chromium ← apt-get when missing (root), for the tests that render the trend's mermaid chart
//   buildah, podman, skopeo, umoci      ← apt-get when missing (root), for the tests of what other producers write
//
// Exports to the tests: ISG_CHROMIUM (the browser's path), ISG_CONTAINERD_DOCKER_HOST (the containerd-store engine; "" = the default engine),
// ISG_TEST_DEFAULT_STORE ("classic" | "containerd": what the default engine exports), XDG_CACHE_HOME (a fresh
// directory for the analysis cache of this run).

import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const exec = promisify(execFile);
const DOCKER = process.env.DOCKER_PATH || 'docker';
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CTD_SOCKET = 'unix:///var/run/isg-docker-ctd.sock';
const say = (text) => process.stderr.write(`[test setup] ${text}\n`);

class SetupError extends Error {}

async function docker(args, opts = {}) {
  const { stdout } = await exec(DOCKER, args, { maxBuffer: 1 << 26, timeout: opts.timeout ?? 600_000, env: { ...process.env, ...opts.env } });
  return stdout.trim();
}

const firstLine = (err) => String(err?.stderr || err?.message || err).trim().split('\n').filter(Boolean).pop() ?? 'failed';

async function haveImage(ref) {
  return docker(['image', 'inspect', '--format', '{{.Id}}', ref]).then(
    () => true,
    () => false,
  );
}

/** Runs a script of .ci/ with its output shown (they take minutes and print progress). */
function runScript(name) {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [join(ROOT, '.ci', name)], { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new SetupError(`.ci/${name} failed (exit ${code})`))));
  });
}

const isRoot = () => process.platform === 'linux' && typeof process.getuid === 'function' && process.getuid() === 0;

async function checkEngine() {
  try {
    await docker(['info', '--format', '{{.ServerVersion}}'], { timeout: 120_000 });
    await docker(['buildx', 'version'], { timeout: 120_000 });
  } catch (err) {
    throw new SetupError(`the integration tests need a running Docker engine with buildx: ${firstLine(err)}`);
  }
}

async function buildGolang() {
  const dir = mkdtempSync(join(tmpdir(), 'isg-golang-'));
  try {
    writeFileSync(
      join(dir, 'Dockerfile'),
      'FROM isg/debian:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends golang-go && rm -rf /var/lib/apt/lists/*\n',
    );
    await docker(['buildx', 'build', '--quiet', '--load', '-t', 'isg/golang:bookworm', dir], { timeout: 1_800_000 });
  } catch (err) {
    throw new SetupError(`building isg/golang:bookworm (apt-get install golang-go) failed: ${firstLine(err)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function baseImages() {
  const wanted = ['isg/debian:bookworm', 'isg/busybox:latest', 'isg/golang:bookworm'];
  const missing = [];
  for (const ref of wanted) if (!(await haveImage(ref))) missing.push(ref);
  if (missing.length === 0) return say(`base images present: ${wanted.join(', ')}`);
  say(`base images missing: ${missing.join(', ')}`);
  const pulls = { 'isg/debian:bookworm': 'debian:bookworm-slim', 'isg/busybox:latest': 'busybox:latest' };
  let pullError = null;
  for (const ref of missing) {
    if (!pulls[ref]) continue;
    try {
      await docker(['pull', '--quiet', pulls[ref]], { timeout: 300_000 });
      await docker(['tag', pulls[ref], ref]);
      say(`pulled ${pulls[ref]} and tagged it ${ref}`);
    } catch (err) {
      pullError = firstLine(err);
      break;
    }
  }
  if (pullError === null) {
    if (!(await haveImage('isg/golang:bookworm'))) {
      say('building isg/golang:bookworm FROM isg/debian:bookworm with apt-get install golang-go (a few minutes)');
      await buildGolang();
    }
    return;
  }
  say(`no registry answered (${pullError}): building the base images locally`);
  if (!isRoot() || !existsSync('/usr/sbin/debootstrap')) {
    throw new SetupError(
      `base images ${missing.join(', ')} are missing, no registry answered (${pullError}), and building them locally needs root and debootstrap: run \`sudo bash .ci/make-base-images.sh\``,
    );
  }
  await runScript('make-base-images.sh');
  say('built the base images locally with .ci/make-base-images.sh (debootstrap, busybox-static, apt-get install golang-go)');
}

async function storeOf(host) {
  const env = host ? { DOCKER_HOST: host } : {};
  const status = await docker(['info', '--format', '{{json .DriverStatus}}'], { env, timeout: 120_000 });
  return status.includes('io.containerd.snapshotter') ? 'containerd' : 'classic';
}

async function containerdEngine() {
  const store = await storeOf(undefined);
  process.env.ISG_TEST_DEFAULT_STORE = store;
  if (store === 'containerd') {
    process.env.ISG_CONTAINERD_DOCKER_HOST = process.env.DOCKER_HOST ?? '';
    return say('the default engine runs the containerd image store: the OCI-export tests use it');
  }
  const host = process.env.ISG_CONTAINERD_DOCKER_HOST || CTD_SOCKET;
  if ((await storeOf(host).catch(() => null)) === 'containerd') {
    process.env.ISG_CONTAINERD_DOCKER_HOST = host;
    return say(`containerd-store engine answers on ${host}`);
  }
  if (!isRoot() || (!existsSync('/usr/sbin/dockerd') && !existsSync('/usr/bin/dockerd'))) {
    throw new SetupError(
      'the OCI-export tests need an engine on the containerd image store: enable it in Docker (Docker Desktop and Engine 29 have it by default), or run `sudo bash .ci/setup-docker-containerd.sh` to start a second one',
    );
  }
  say(`starting a second engine on the containerd image store (${CTD_SOCKET}) with .ci/setup-docker-containerd.sh`);
  await runScript('setup-docker-containerd.sh');
  process.env.ISG_CONTAINERD_DOCKER_HOST = CTD_SOCKET;
}

/**
 * Tools the tests run, as Debian packages: installed with apt-get when missing (root), else one line naming them.
 * pairs: [command, package].
 */
async function aptTools(purpose, pairs) {
  const have = (cmd) => exec('sh', ['-c', `command -v ${cmd}`]).then(() => true, () => false);
  const missing = [];
  for (const [cmd, pkg] of pairs) {
    if (!(await have(cmd))) missing.push(pkg);
  }
  if (missing.length === 0) return;
  if (!isRoot() || !(await have('apt-get'))) {
    throw new SetupError(`the ${purpose} tests need ${missing.join(', ')}: on Debian or Ubuntu run \`sudo apt-get install -y ${missing.join(' ')}\``);
  }
  say(`installing ${missing.join(', ')} with apt-get (the ${purpose} tests run them)`);
  const apt = (args) => exec('apt-get', args, { timeout: 900_000, maxBuffer: 1 << 26, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const install = () => apt(['install', '-y', '-q', '--no-install-recommends', ...missing]);
  try {
    // stale package lists name versions the mirror no longer has: update them once and try again
    await install().catch(async () => {
      await apt(['update', '-q']);
      await install();
    });
  } catch (err) {
    throw new SetupError(`apt-get install ${missing.join(' ')} failed: ${firstLine(err)}`);
  }
}

/** A headless browser for the chart tests: Debian's chromium (or one already on PATH), its path in ISG_CHROMIUM. */
async function browser() {
  const find = async () => {
    for (const cmd of ['chromium', 'chromium-browser', 'google-chrome']) {
      const path = await exec('sh', ['-c', `command -v ${cmd}`]).then((r) => r.stdout.trim(), () => '');
      if (path) return path;
    }
    return '';
  };
  let path = process.env.ISG_CHROMIUM || (await find());
  if (!path) {
    await aptTools('chart', [['chromium', 'chromium']]);
    path = await find();
    if (!path) throw new SetupError('apt-get installed chromium, but no chromium is on PATH');
  }
  process.env.ISG_CHROMIUM = path;
}

/**
 * The analysis cache of the bundled CLI and Action: a directory of this test run (not the developer's
 * ~/.cache/image-size-guard), so no run reads what another machine state left there.
 */
function analysisCache() {
  const dir = mkdtempSync(join(tmpdir(), 'isg-test-cache-'));
  process.env.XDG_CACHE_HOME = dir;
  process.on('exit', () => rmSync(dir, { recursive: true, force: true })); // jest runs the suites in this process
  say(`analysis cache of the CLI and Action under test: ${process.env.XDG_CACHE_HOME}/image-size-guard`);
}

export default async function globalSetup() {
  try {
    analysisCache();
    await checkEngine();
    // a real registry (Debian's docker-registry, CNCF distribution), its htpasswd, openssl for the token issuer
    await aptTools('registry', [['docker-registry', 'docker-registry'], ['htpasswd', 'apache2-utils'], ['openssl', 'openssl']]);
    // images written by other tools: buildah, podman, skopeo, umoci (and Python for the truth about them)
    await aptTools('producer', [['buildah', 'buildah'], ['podman', 'podman'], ['skopeo', 'skopeo'], ['umoci', 'umoci'], ['python3', 'python3']]);
    await browser();
    await baseImages();
    await containerdEngine();
  } catch (err) {
    // One line, not a stack: the message says what to do.
    const e = new Error(err instanceof SetupError ? err.message : `test setup failed: ${firstLine(err)}`);
    e.stack = e.message;
    throw e;
  }
}
