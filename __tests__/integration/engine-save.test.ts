// `local://` images read from the real dockerd's API socket instead of through `docker save` (engine-save.ts):
// the same report as the CLI path, no docker CLI process for the archive, the engine's own words for a
// missing image, and the CLI still used where only it knows the way (DOCKER_PATH, an unusable DOCKER_HOST).
// A `docker` shim first on PATH records every CLI invocation, so "the CLI was not used" can fail.

import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { ComparedReport as Report } from '../helpers/report.js';
import { DOCKER, buildImage, removeImages, requireDocker, runDistCli } from '../helpers/docker.js';
import { EngineRefusedError, engineSocket, saveFromEngine } from '../../src/sources/engine-save.js';

const tag = `isg-test/engine-save:${process.pid}`;
const CTD = process.env.ISG_CONTAINERD_DOCKER_HOST ?? 'unix:///var/run/isg-docker-ctd.sock';
let work = '';
let shimDir = '';
let log = '';
let realDocker = '';

beforeAll(async () => {
  await requireDocker();
  work = mkdtempSync(join(tmpdir(), 'isg-engine-save-'));
  await buildImage(tag, { 'a.bin': Buffer.alloc(150_000, 3), 'b.txt': 'hello\n', Dockerfile: 'FROM isg/busybox:latest\nCOPY a.bin /a.bin\nCOPY b.txt /b.txt\n' });
  realDocker = execFileSync('sh', ['-c', `command -v ${DOCKER}`], { encoding: 'utf8' }).trim();
  shimDir = join(work, 'bin');
  log = join(work, 'docker-calls.log');
  execFileSync('mkdir', ['-p', shimDir]);
  writeFileSync(join(shimDir, 'docker'), `#!/bin/sh\necho "$*" >> '${log}'\nexec '${realDocker}' "$@"\n`);
  chmodSync(join(shimDir, 'docker'), 0o755);
});

afterAll(async () => {
  await removeImages(tag);
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The dist CLI with the recording shim first on PATH; DOCKER_PATH cleared unless given. */
async function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string; calls: string[] }> {
  rmSync(log, { force: true });
  const r = await runDistCli(args, { env: { DOCKER_PATH: '', PATH: `${shimDir}:${process.env.PATH}`, ...env } });
  const calls = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [];
  return { ...r, calls };
}

const headOf = (r: { stdout: string }) => (JSON.parse(r.stdout) as Report).images[0]!.head;

/** The status of a GET sent as written (no escaping) on the engine's socket; the body is not read. */
function rawStatus(socketPath: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ socketPath, path, method: 'GET' }, (res) => {
      resolve(res.statusCode ?? 0);
      res.destroy();
    });
    req.on('error', reject);
    req.end();
  });
}

describe('local:// images through the Engine API', () => {
  it('reads the archive from the engine socket, no docker CLI run, the same report as through `docker save`', async () => {
    const api = await run(['inspect', `local://${tag}`, '--format', 'json']);
    assert.equal(api.code, 0, api.stderr);
    assert.deepEqual(api.calls, [], 'no docker CLI process');
    const cli = await run(['inspect', `local://${tag}`, '--format', 'json'], { DOCKER_PATH: join(shimDir, 'docker') });
    assert.equal(cli.code, 0, cli.stderr);
    assert.deepEqual(cli.calls, [`save ${tag}`], 'DOCKER_PATH: the named CLI is used');
    const a = headOf(api);
    const b = headOf(cli);
    assert.deepEqual(a.layers, b.layers);
    assert.equal(a.size, b.size);
    assert.equal(a.fileCount, b.fileCount);
    assert.equal(a.compressedSize, b.compressedSize);
  });

  it('a bare reference: the engine is asked whether it has the image on its socket too, so no CLI runs at all', async () => {
    const r = await run(['inspect', tag, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.calls, []);
    assert.equal(headOf(r).source, 'local');
    const viaCli = await run(['inspect', tag, '--format', 'json'], { DOCKER_PATH: join(shimDir, 'docker') });
    assert.equal(viaCli.code, 0, viaCli.stderr);
    assert.deepEqual(viaCli.calls, [`image inspect --format {{.Id}} ${tag}`, `save ${tag}`], 'DOCKER_PATH: both questions go to the CLI');
  });

  it('a missing image: exit 2 and the engine\'s own words, the same line as the CLI prints', async () => {
    const api = await run(['inspect', 'local://isg-test/not-here:1']);
    const cli = await run(['inspect', 'local://isg-test/not-here:1'], { DOCKER_PATH: join(shimDir, 'docker') });
    assert.equal(api.code, 2);
    assert.deepEqual(api.calls, []);
    assert.equal(api.stderr.trim().split('\n').length, 1, api.stderr);
    assert.equal(api.stderr, cli.stderr);
    assert.match(api.stderr, /docker save isg-test\/not-here:1 failed: /);
  });

  it('a local:// reference with "&names=" in it is refused as a reference before the engine or the CLI is asked', async () => {
    const r = await run(['inspect', `local://nothing:1&names=${tag}`, '--format', 'json']);
    assert.equal(r.code, 2, r.stdout);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, `image-size-guard: error: not an image reference: "local://nothing:1&names=${tag}"\n`);
    assert.deepEqual(r.calls, []);
  });

  it('a name that tries to add a second query parameter reaches the engine as one name: refused, no second image exported', async () => {
    // below the reference check: saveFromEngine itself, with a name no parser vetted
    const socket = engineSocket();
    assert.ok(socket, 'the engine listens on a unix socket the CLI would use');
    // the truth, from the engine: unescaped, "&names=" adds a second name, and the engine exports both
    assert.equal(await rawStatus(socket, `/images/get?names=${tag}&names=${tag}`), 200);
    await assert.rejects(saveFromEngine(socket, `${tag}&names=${tag}`), (e: Error) => e instanceof EngineRefusedError && e.message === 'invalid reference format');
    const archive = await saveFromEngine(socket, tag);
    archive.close(); // the same name alone is exported
  });

  it('a DOCKER_HOST the API path cannot use goes through the CLI, which says why in one line', async () => {
    const r = await run(['inspect', `local://${tag}`], { DOCKER_HOST: 'tcp://127.0.0.1:9' });
    assert.equal(r.code, 2);
    assert.deepEqual(r.calls, [`save ${tag}`]);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /docker save .* failed: .*(connect|127\.0\.0\.1:9)/i);
  });

  it('a socket nobody listens on (ECONNREFUSED): the CLI is asked instead, and says why in one line', async () => {
    // a listener killed with SIGKILL leaves its socket file behind, with nothing behind it
    const dead = join(work, 'dead.sock');
    const child = spawn(process.execPath, ['-e', `require('node:net').createServer().listen(${JSON.stringify(dead)}, () => console.log('up'))`]);
    await once(child.stdout, 'data');
    child.kill('SIGKILL');
    await once(child, 'exit');
    assert.ok(existsSync(dead));
    const r = await run(['inspect', `local://${tag}`], { DOCKER_HOST: `unix://${dead}` });
    assert.equal(r.code, 2);
    assert.deepEqual(r.calls, [`save ${tag}`]);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /docker save .* failed: .*dead\.sock/);
  });

  it('the containerd-store engine (DOCKER_HOST=unix://…) too: its archive read from its socket, as its CLI reads it', async () => {
    const env = CTD ? { DOCKER_HOST: CTD } : {};
    const ctdTag = `isg-test/engine-save-ctd:${process.pid}`;
    const dir = join(work, 'ctx');
    execFileSync('mkdir', ['-p', dir]);
    writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\nCOPY f /f\n');
    writeFileSync(join(dir, 'f'), 'x'.repeat(70_000));
    execFileSync(realDocker, ['buildx', 'build', '--builder', 'default', '--load', '-t', ctdTag, dir], { env: { ...process.env, ...env }, stdio: 'ignore' });
    try {
      const api = await run(['inspect', `local://${ctdTag}`, '--format', 'json'], env);
      assert.equal(api.code, 0, api.stderr);
      assert.deepEqual(api.calls, []);
      const cli = await run(['inspect', `local://${ctdTag}`, '--format', 'json'], { ...env, DOCKER_PATH: join(shimDir, 'docker') });
      assert.equal(cli.code, 0, cli.stderr);
      assert.deepEqual(headOf(api).layers, headOf(cli).layers);
      assert.equal(headOf(api).compressedSize, headOf(cli).compressedSize);
    } finally {
      execFileSync(realDocker, ['image', 'rm', '-f', ctdTag], { env: { ...process.env, ...env }, stdio: 'ignore' });
    }
  });
});
