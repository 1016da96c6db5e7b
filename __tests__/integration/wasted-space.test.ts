// Waste on real builds (dockerd + buildx, FROM the local Debian base; RUN steps reach Debian's mirror): caches and
// downloads deleted a step later are reported with both lines and their bytes — the truth read by another tool,
// `find`/`stat` inside a container of the stage before the delete, whose layers are the image's own — while
// apt's bookkeeping churn and small files a multi-stage COPY --from replaces are not. Then config changes through
// the bundled Action: the four changes a PR makes are in diff.config and the comment, and an environment value
// (a made-up token) is in no output at all.

import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { Finding, ImageEntry } from '../../src/model/report.js';
import type { ComparedReport } from '../helpers/report.js';
import { docker, removeImages, requireDocker, rootfsLayers, runDistCli } from '../helpers/docker.js';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { git, makeRepo } from '../helpers/git-repo.js';
import { runActionProcess } from '../helpers/run-action.js';
import { GO_MAIN, GO_MULTI, GO_SINGLE } from '../helpers/seed-pair.js';

const DEBIAN = 'isg/debian:bookworm';
const tag = (name: string): string => `isg-test/waste-${name}:${process.pid}`;
const tags: string[] = [];
const dirs: string[] = [];

/** Builds a context into a local image (optionally only up to a stage), returns its tag. */
async function build(name: string, files: Record<string, string>, target?: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'isg-waste-'));
  dirs.push(dir);
  for (const [path, content] of Object.entries(files)) writeFileSync(join(dir, path), content);
  const t = tag(name);
  tags.push(t);
  await docker(['buildx', 'build', '--quiet', '--load', ...(target ? ['--target', target] : []), '-t', t, dir], { timeout: 900_000 });
  return t;
}

/** The image, and its stage before the delete: an image of the same lower layers, byte for byte (checked). */
async function withStageBefore(name: string, dockerfile: string, stage: string): Promise<{ image: string; before: string }> {
  const image = await build(name, { Dockerfile: dockerfile });
  const before = await build(`${name}-before`, { Dockerfile: dockerfile }, stage);
  const lower = await rootfsLayers(before);
  assert.deepEqual(lower, (await rootfsLayers(image)).slice(0, lower.length));
  return { image, before };
}

/** `inspect` with the Dockerfile, as JSON. */
async function inspect(ref: string, dockerfile: string): Promise<ImageEntry> {
  const dir = mkdtempSync(join(tmpdir(), 'isg-waste-df-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'Dockerfile'), dockerfile);
  const r = await runDistCli(['inspect', ref, '--file', 'Dockerfile', '--format', 'json', '--compressed-size', 'off'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  return (JSON.parse(r.stdout) as ComparedReport).images[0]!;
}

/** Sizes of the regular files `find` lists in a container of `ref` (GNU find's %s: the file's size in bytes). */
async function fileSizes(ref: string, ...findArgs: string[]): Promise<number[]> {
  const out = await docker(['run', '--rm', '--network', 'none', ref, 'find', ...findArgs, '-type', 'f', '-printf', '%s\\n']);
  return out.trim().split('\n').filter(Boolean).map(Number);
}

const of = (entry: ImageEntry, id: Finding['id']): Finding[] => entry.findings.filter((f) => f.id === id);
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

beforeAll(async () => {
  await requireDocker();
});

afterAll(async () => {
  await removeImages(...tags);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('a later delete does not make the image smaller', () => {
  it('apt lists removed in a later RUN: package-cache naming both lines and the lists\' bytes; no wasted-space for them', async () => {
    const dockerfile = [
      `FROM ${DEBIAN} AS fetch`,
      'RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates',
      'FROM fetch',
      'RUN rm -rf /var/lib/apt/lists/*',
      '',
    ].join('\n');
    const { image, before } = await withStageBefore('lists', dockerfile, 'fetch');
    const lists = sum(await fileSizes(before, '/var/lib/apt/lists', '!', '-name', 'lock'));
    assert.ok(lists > 10_000_000, `apt-get update fetched ${lists} bytes of lists`);

    const entry = await inspect(image, dockerfile);
    const [f, ...more] = of(entry, 'package-cache');
    assert.equal(more.length, 0, JSON.stringify(entry.findings));
    assert.equal(f!.bytes, lists);
    assert.deepEqual(f!.dockerfile, { path: 'Dockerfile', line: 2 });
    assert.deepEqual(f!.removedBy?.dockerfile, { path: 'Dockerfile', line: 4 });
    assert.deepEqual(f!.evidence.map((e) => [e.path, e.size, e.layer]), [['/var/lib/apt/lists', lists, 1]]);
    assert.match(f!.message, /written by Dockerfile:2 are deleted by Dockerfile:4: \/var\/lib\/apt\/lists \(.*\)\. The later delete does not make the image smaller/);
    assert.match(f!.message, /run rm -rf \/var\/lib\/apt\/lists\/\* in the same RUN .*RUN --mount=type=cache,target=\/var\/lib\/apt\/lists/);
    assert.deepEqual(of(entry, 'wasted-space'), [], 'the lists are not counted twice, and the debconf/dpkg churn stays under 5 MB');
    assert.ok(entry.head.wastedBytes >= lists);
  });

  it('a 20 MB download deleted in a later RUN: wasted-space naming both lines and its bytes', async () => {
    const dockerfile = [
      `FROM ${DEBIAN} AS download`,
      'RUN mkdir -p /tmp/dl && head -c 20000000 /dev/urandom > /tmp/dl/app.tar.gz',
      'FROM download',
      'RUN rm -rf /tmp/dl',
      '',
    ].join('\n');
    const { image, before } = await withStageBefore('download', dockerfile, 'download');
    const [size] = await fileSizes(before, '/tmp/dl/app.tar.gz');
    assert.equal(size, 20_000_000);

    const entry = await inspect(image, dockerfile);
    const [f, ...more] = of(entry, 'wasted-space');
    assert.equal(more.length, 0, JSON.stringify(entry.findings));
    assert.equal(f!.bytes, size);
    assert.deepEqual(f!.dockerfile, { path: 'Dockerfile', line: 2 });
    assert.deepEqual(f!.removedBy, { layer: 2, instruction: 'RUN rm -rf /tmp/dl', dockerfile: { path: 'Dockerfile', line: 4 } });
    assert.deepEqual(f!.evidence.map((e) => [e.path, e.size, e.layer]), [['/tmp/dl/app.tar.gz', size, 1]]);
    assert.match(f!.message, /^20 MB written by Dockerfile:2 are deleted by Dockerfile:4: \/tmp\/dl\/app\.tar\.gz \(20 MB\)\. The later delete does not make the image smaller/);
    assert.deepEqual(of(entry, 'package-cache'), []);

    // the text report names both lines on the finding's row
    const r = await runDistCli(['inspect', image, '--file', 'Dockerfile', '--compressed-size', 'off'], { cwd: dirs.at(-1)! });
    assert.match(r.stdout, /^ {2}⚠️ wasted-space 20 MB \(Dockerfile:2 → Dockerfile:4\): 20 MB written by Dockerfile:2/m);
  });

  it('a multi-stage COPY --from that overwrites small files: nothing', async () => {
    const dockerfile = [
      `FROM ${DEBIAN} AS build`,
      'RUN useradd -m app && mkdir -p /etc/ssl/app && echo built > /etc/ssl/app/ca.pem',
      `FROM ${DEBIAN}`,
      'COPY --from=build /etc/passwd /etc/group /etc/shadow /etc/',
      'COPY --from=build /etc/ssl /etc/ssl',
      'USER app',
      '',
    ].join('\n');
    const entry = await inspect(await build('copy-from', { Dockerfile: dockerfile }), dockerfile);
    assert.ok(entry.head.wastedBytes > 0, 'the COPY replaced files of the base');
    assert.deepEqual([...of(entry, 'wasted-space'), ...of(entry, 'package-cache')], []);
  });

  it('three apt-get install layers in a row (dpkg status and debconf churn): nothing', async () => {
    const apt = (pkg: string): string => `RUN apt-get update && apt-get install -y --no-install-recommends ${pkg} && rm -rf /var/lib/apt/lists/*`;
    const dockerfile = [`FROM ${DEBIAN}`, apt('ca-certificates'), apt('curl'), apt('procps'), ''].join('\n');
    const entry = await inspect(await build('apt3', { Dockerfile: dockerfile }), dockerfile);
    assert.ok(entry.head.wastedBytes > 1_000_000, `the status files were rewritten (${entry.head.wastedBytes} bytes)`);
    assert.deepEqual([...of(entry, 'wasted-space'), ...of(entry, 'package-cache')], []);
  });
});

describe('precision on the repository\'s own test images', () => {
  it('the seed pair: no wasted-space on either side', async () => {
    const dir = makeRepo([{ 'main.go': GO_MAIN, Dockerfile: GO_SINGLE }, { Dockerfile: GO_MULTI }]);
    dirs.push(dir);
    const r = await runDistCli(['compare', '--base', 'c0', '--head', 'c1', '--format', 'json', '--compressed-size', 'off'], { cwd: dir });
    assert.equal(r.code, 0, r.stderr);
    const entry = (JSON.parse(r.stdout) as ComparedReport).images[0]!;
    assert.ok(entry.findings.some((f) => f.id === 'missing-multi-stage' && f.status === 'resolved'), 'the base was analysed');
    assert.deepEqual(of(entry, 'wasted-space'), []);
    // what the seed change did to the config besides the bytes
    assert.deepEqual(entry.diff!.config, { entrypoint: { base: null, head: ['/hello'] }, cmd: { base: ['/usr/local/bin/hello'], head: null }, workdir: { base: '/src', head: '/' } });
  });

  it('the findings images: no wasted-space', async () => {
    const dockerfiles = [
      'FROM isg/busybox:latest\nRUN echo hi > /hi\nCMD echo hello\n',
      `FROM ${DEBIAN}\nCMD ["/bin/true"]\n`,
      `FROM ${DEBIAN}\nRUN apt-get update\n`,
      `FROM ${DEBIAN}\nRUN apt-get update && rm -rf /var/lib/apt/lists/*\n`,
      [`FROM ${DEBIAN} AS build`, 'RUN echo built > /artifact', `FROM ${DEBIAN}`, 'COPY --from=build /artifact /artifact', 'RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev && rm -rf /var/lib/apt/lists/*', ''].join('\n'),
    ];
    for (const [i, dockerfile] of dockerfiles.entries()) {
      const entry = await inspect(await build(`findings-${i}`, { Dockerfile: dockerfile }), dockerfile);
      assert.deepEqual(of(entry, 'wasted-space'), [], dockerfile);
      assert.ok(of(entry, 'package-cache').every((f) => f.removedBy === undefined), dockerfile);
    }
  });
});

describe('config changes through the Action', () => {
  const TOKEN = 'tok_live_9c1f7e0b4d2a-made-up';
  const PASSWORD = 'pw-4f8e2b7d1c9a-made-up';
  const common = ['FROM isg/busybox:latest', 'ARG API_TOKEN', 'ENV API_TOKEN=$API_TOKEN LOG_LEVEL=info', 'RUN echo built > /built'];
  const base = [...common, 'USER 1000', 'EXPOSE 8080', 'ENTRYPOINT ["/bin/sh", "-c", "echo base"]', ''].join('\n');
  const head = [...common, `ENV DB_PASSWORD=${PASSWORD}`, 'USER root', 'EXPOSE 8080 22', 'ENTRYPOINT ["/bin/sh", "-c", "echo head"]', ''].join('\n');
  let gh: FakeGitHub;
  let repo = '';
  let scratch = '';

  beforeAll(async () => {
    gh = await startFakeGitHub({ owner: 'octo', repo: 'app', issue: 7 });
    repo = makeRepo([{ Dockerfile: base }, { Dockerfile: head }]);
    scratch = mkdtempSync(join(tmpdir(), 'isg-config-action-'));
    dirs.push(repo, scratch);
  });
  afterAll(async () => {
    await gh?.close();
  });

  it('USER, a new ENV name, EXPOSE and ENTRYPOINT are in diff.config and the comment; no environment value is in any output', async () => {
    const cache = join(scratch, 'xdg');
    const r = await runActionProcess({
      scratch,
      workspace: repo,
      gh,
      baseSha: git(repo, 'rev-parse', 'c0').trim(),
      headSha: git(repo, 'rev-parse', 'c1').trim(),
      inputs: { name: 'app', 'build-args': `API_TOKEN=${TOKEN}`, 'fail-on': 'shell' },
      env: { XDG_CACHE_HOME: cache },
    });
    assert.equal(r.code, 1, r.log); // fail-on shell: busybox is one, so the run fails and annotates
    const report = JSON.parse(readFileSync(r.reportFile, 'utf8')) as ComparedReport;
    const config = report.images[0]!.diff!.config;
    assert.deepEqual(config, {
      user: { base: '1000', head: 'root' },
      entrypoint: { base: ['/bin/sh', '-c', 'echo base'], head: ['/bin/sh', '-c', 'echo head'] },
      exposedPorts: { added: ['22/tcp'], removed: [] },
      env: { added: ['DB_PASSWORD'], removed: [], changed: [] },
    });
    assert.equal(gh.comments.length, 1);
    const body = gh.comments[0]!.body;
    assert.match(body, /<details><summary>Config changes: user, entrypoint, 1 exposed port, 1 env<\/summary>/);
    assert.match(body, /^\| user \| `1000` \| `root` \|$/m);
    assert.match(body, /^\| entrypoint \| `\["\/bin\/sh","-c","echo base"\]` \| `\["\/bin\/sh","-c","echo head"\]` \|$/m);
    assert.match(body, /^\| exposed port `22\/tcp` \| — \| exposed \|$/m);
    assert.match(body, /^\| env `DB_PASSWORD` \| — \| set \|$/m);
    assert.match(r.log, /^::error title=image-size-guard%3A shell,file=Dockerfile,line=1::/m, 'annotations were written');
    assert.match(r.log, /Config changes\n {2}setting/);

    // every output the run wrote: log (text report, annotations, build logs), summary, outputs, comment, report, and the files it left
    const written = [r.log, r.summary, JSON.stringify(r.outputs), JSON.stringify(gh.comments), JSON.stringify(gh.requests), readFileSync(r.reportFile, 'utf8'), ...filesUnder(join(scratch))];
    for (const secret of [TOKEN, PASSWORD]) {
      assert.deepEqual(written.map((w, i) => (w.includes(secret) ? i : -1)).filter((i) => i >= 0), [], `${secret} appears in an output`);
    }
    // the analysis cache (which the Action uploads to the Actions cache) holds no build-arg value either: the
    // image history (`ENV API_TOKEN=<value>`, `RUN |1 API_TOKEN=<value> …`) is not kept. The ENV literal
    // DB_PASSWORD is in the Dockerfile's text, which the cache keeps as the repository does.
    const cached = filesUnder(join(scratch, 'xdg'), true);
    assert.ok(cached.length > 0, 'the run kept something in the analysis cache');
    assert.equal(cached.some((f) => f.includes(TOKEN)), false, 'a build-arg value is in the analysis cache');
  });

  it('the CLI in every format says the same, and prints no value either', async () => {
    // the values are really in the image config the reports are made from
    const t = tag('config-head');
    tags.push(t);
    await docker(['buildx', 'build', '--quiet', '--load', '--build-arg', `API_TOKEN=${TOKEN}`, '-t', t, repo]);
    const env = await docker(['image', 'inspect', '--format', '{{json .Config.Env}}', t]);
    assert.ok(env.includes(`API_TOKEN=${TOKEN}`) && env.includes(`DB_PASSWORD=${PASSWORD}`), env);
    for (const format of ['text', 'markdown', 'json']) {
      const r = await runDistCli(['compare', '--base', 'c0', '--build-arg', `API_TOKEN=${TOKEN}`, '--format', format, '--compressed-size', 'off'], { cwd: repo });
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /DB_PASSWORD/);
      assert.equal(r.stdout.includes(TOKEN) || r.stderr.includes(TOKEN) || r.stdout.includes(PASSWORD) || r.stderr.includes(PASSWORD), false, format);
    }
  });
});

/**
 * The text of every file below dir; without `cache`, not the analysis cache (it keeps the Dockerfile's text, with its
 * ENV literals, as the repository does: checked on its own above).
 */
function filesUnder(dir: string, cache = false): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'xdg' && !cache) continue;
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, cache));
    else out.push(readFileSync(p, 'latin1'));
  }
  return out;
}
