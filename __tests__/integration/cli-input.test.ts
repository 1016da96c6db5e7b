// The bundled CLI (dist/cli/index.js, run as a child process) on good and bad input: archives on disk and
// on stdin, and every kind of bad input → exit code 2 with one line on stderr, never a stack trace.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { ComparedReport as Report } from '../helpers/report.js';
import { DOCKER, buildImage, removeImages, requireDocker, runDistCli, type CliResult } from '../helpers/docker.js';
import { makeImageArchive, tarBuffer } from '../helpers/make-archive.js';

const tag = `isg-test/cli-input:${process.pid}`;
let work = '';
let saved = ''; // a real `docker save` archive
const DOCKERFILE = 'FROM scratch\nCOPY f.bin /f.bin\nCOPY Dockerfile /Dockerfile\n';

beforeAll(async () => {
  await requireDocker();
  work = mkdtempSync(join(tmpdir(), 'isg-cli-'));
  await buildImage(tag, {
    'f.bin': Buffer.alloc(200_000, 7),
    Dockerfile: DOCKERFILE,
  });
  saved = join(work, 'image.tar');
  execFileSync(DOCKER, ['save', '-o', saved, tag]);
});

afterAll(async () => {
  await removeImages(tag);
  if (work) rmSync(work, { recursive: true, force: true });
});

function assertOneLineError(r: CliResult, re: RegExp): void {
  assert.equal(r.code, 2, `exit code 2 expected; stderr: ${r.stderr}`);
  const lines = r.stderr.trimEnd().split('\n');
  assert.equal(lines.length, 1, `one line on stderr, got:\n${r.stderr}`);
  assert.match(lines[0]!, /^image-size-guard: error: /);
  assert.match(lines[0]!, re);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  assert.equal(r.stdout, '', 'nothing on stdout');
}

describe('inspect reads archives', () => {
  it('reads a docker save archive from a file, the same as from the engine', async () => {
    const fromFile = await runDistCli(['inspect', saved, '--format', 'json']);
    const fromEngine = await runDistCli(['inspect', tag, '--format', 'json']);
    assert.equal(fromFile.code, 0, fromFile.stderr);
    const a = JSON.parse(fromFile.stdout) as Report;
    const b = JSON.parse(fromEngine.stdout) as Report;
    assert.equal(a.images[0]!.name, 'image');
    assert.equal(a.images[0]!.head.ref, saved);
    assert.deepEqual(a.images[0]!.head.layers, b.images[0]!.head.layers);
    assert.equal(a.images[0]!.head.size, 200_000 + DOCKERFILE.length);
  });

  it('reads an archive on stdin and writes --output', async () => {
    const out = join(work, 'report.json');
    const r = await runDistCli(['inspect', '-', '--format', 'json', '--output', out], { stdin: readFileSync(saved) });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    assert.equal(report.images[0]!.head.layers.length, 2);
  });
});

describe('bad input: exit 2, one line, no stack', () => {
  it('a truncated archive', async () => {
    const cut = join(work, 'cut.tar');
    const bytes = readFileSync(saved);
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
    assertOneLineError(await runDistCli(['inspect', cut]), /truncated/);
  });

  it('a file that is not an archive', async () => {
    const junk = join(work, 'junk.tar');
    writeFileSync(junk, 'this is not a tar file\n'.repeat(100));
    assertOneLineError(await runDistCli(['inspect', junk]), /not an image archive/);
  });

  it('a missing file and a missing image', async () => {
    assertOneLineError(await runDistCli(['inspect', './nope.tar']), /no such file: \.\/nope\.tar/);
    // a bare reference the engine lacks is looked up in its registry (none answers here)
    assertOneLineError(await runDistCli(['inspect', 'isg-test/does-not-exist:never']), /isg-test\/does-not-exist:never is not in the Docker engine, and reading it from its registry failed: /);
    assertOneLineError(await runDistCli(['inspect', 'local://isg-test/does-not-exist:never']), /docker save isg-test\/does-not-exist:never failed: /);
  });

  it('an archive member whose ".." climbs above the root (relative or absolute name), without writing anything', async () => {
    const cwd = mkdtempSync(join(work, 'cwd-'));
    for (const [i, name] of ['../escaped', '/../tmp/isg-absolute-escape'].entries()) {
      const file = join(work, `evil${i}.tar`);
      writeFileSync(file, await tarBuffer([{ path: name, content: 'x' }, { path: 'manifest.json', content: '[]' }]));
      assertOneLineError(await runDistCli(['inspect', file], { cwd }), /unsafe path in image archive/);
    }
    assert.ok(!existsSync(join(work, 'escaped')) && !existsSync('/tmp/isg-absolute-escape'));
  });

  it('a layer entry whose ".." climbs above the root (relative or absolute name)', async () => {
    for (const [i, name] of ['a/../../etc/passwd', '/../etc/shadow'].entries()) {
      const { archive } = await makeImageArchive({ format: 'oci', layers: [{ entries: [{ path: name, content: 'x' }], compression: 'gzip' }] });
      const file = join(work, `evil-layer${i}.tar`);
      writeFileSync(file, archive);
      assertOneLineError(await runDistCli(['inspect', file]), /unsafe path in layer/);
    }
  });

  it('usage mistakes', async () => {
    assertOneLineError(await runDistCli(['inspect']), /exactly one image/);
    assertOneLineError(await runDistCli(['inspect', saved, '--format', 'yaml']), /--format must be text or json/);
    assertOneLineError(await runDistCli(['inspect', saved, '--bogus']), /Unknown option '--bogus'/);
    assertOneLineError(await runDistCli(['frobnicate']), /unknown command "frobnicate"/);
  });

  it('hostile text from an image never reaches the terminal raw', async () => {
    const { archive } = await makeImageArchive({
      format: 'docker-save',
      layers: [{ entries: [{ path: 'f', content: 'x' }], createdBy: 'RUN echo \u001b[31mred\u001b[0m\n::error::pwned # buildkit' }],
    });
    const file = join(work, 'hostile.tar');
    writeFileSync(file, archive);
    const r = await runDistCli(['inspect', file]);
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /\u001b/, 'no escape sequences');
    assert.doesNotMatch(r.stdout, /^::/m, 'no line starts a workflow command');
    assert.match(r.stdout, /\\x1b\[31mred/);
  });
});

describe('option values that start with "-", typed the way people type them', () => {
  const prebuilt = (): string[] => ['compare', '--base-image', saved, '--image', saved];

  it('--buildx-flags "--no-cache" builds, and buildx received the flag (nothing CACHED on the second build)', async () => {
    const dir = mkdtempSync(join(work, 'ctx-'));
    writeFileSync(join(dir, 'f.bin'), Buffer.alloc(10_000, 3));
    writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\nCOPY f.bin /f.bin\n');
    const first = await runDistCli(['compare', '--format', 'json'], { cwd: dir });
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /COPY f\.bin \/f\.bin/);
    const second = await runDistCli(['compare', '--buildx-flags', '--no-cache', '--format', 'json'], { cwd: dir });
    assert.equal(second.code, 0, second.stderr);
    assert.equal((JSON.parse(second.stdout) as Report).images[0]!.head.size, 10_000);
    const cached = await runDistCli(['compare', '--format', 'json'], { cwd: dir });
    assert.match(cached.stderr, /CACHED/, 'a build without the flag uses the cache (so its absence above means something)');
    assert.doesNotMatch(second.stderr, /CACHED/);
  });

  it('--buildx-flags "--push" is refused for what it does, not as an ambiguous option', async () => {
    assertOneLineError(await runDistCli([...prebuilt(), '--buildx-flags', '--push']), /--buildx-flags: --push is not allowed \(a size check never pushes\)/);
    assertOneLineError(await runDistCli([...prebuilt(), '--buildx-flags', '-o type=registry']), /-o \(--output\) is not allowed/);
  });

  it('--build-arg, --max-increase, --max-size and --base with a leading "-" say what is wrong with the value', async () => {
    assertOneLineError(await runDistCli([...prebuilt(), '--build-arg', '-O2']), /--build-arg must be KEY=VALUE \(got "-O2"\)/);
    assertOneLineError(await runDistCli([...prebuilt(), '--max-increase', '-5%']), /--max-increase: "-5%" is negative/);
    assertOneLineError(await runDistCli([...prebuilt(), '--max-size', '-1MB']), /--max-size: "-1MB" is negative/);
    assertOneLineError(await runDistCli(['compare', '--base', '--format', 'json']), /error: --base needs a value$/);
    assertOneLineError(await runDistCli(['compare', '--base-image', saved, '--image']), /error: --image needs a value$/);
  });

  it('"--" still ends the options', async () => {
    assertOneLineError(await runDistCli(['inspect', '--', '--format']), /no such file|not an image reference/);
  });
});
