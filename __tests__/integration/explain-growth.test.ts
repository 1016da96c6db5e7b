// Explaining the growth on real builds: packages from dpkg, pip (in a venv) and npm databases with their real
// bytes, file roll-ups that name the Go toolchain, the Dockerfile line that grew, and findings from the base
// image that point at FROM and name themselves in the failure (CLI and Action). Packages are installed by the
// real package managers from Debian's mirror, or from a wheel and tarballs the test makes (no PyPI here).

import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { ImageEntry, PackageChange } from '../../src/model/report.js';
import type { ComparedReport } from '../helpers/report.js';
import { buildImage, DOCKER, removeImages, requireDocker, runDistCli } from '../helpers/docker.js';
import { makeRepo } from '../helpers/git-repo.js';
import { makeNpmTarball, makeWheel } from '../helpers/package-fixtures.js';
import { runActionProcess } from '../helpers/run-action.js';
import { GO_MAIN, GO_MULTI, GO_SINGLE } from '../helpers/seed-pair.js';

const exec = promisify(execFile);
const run = process.pid;
const tag = (name: string): string => `isg-test/explain-${name}:${run}`;
const tags: string[] = [];
const dirs: string[] = [];

const DEBIAN = 'isg/debian:bookworm';
const APT_VENV = 'RUN apt-get update && apt-get install -y --no-install-recommends python3-venv && rm -rf /var/lib/apt/lists/*';
const APT_NODE = 'RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*';

async function build(name: string, files: Record<string, string | Buffer>): Promise<string> {
  const t = tag(name);
  tags.push(t);
  await buildImage(t, files);
  return t;
}

async function compareImages(base: string, head: string, ...args: string[]): Promise<ImageEntry> {
  const r = await runDistCli(['compare', '--base-image', base, '--image', head, '--format', 'json', ...args]);
  assert.equal(r.code, 0, r.stderr.slice(-2000));
  return (JSON.parse(r.stdout) as ComparedReport).images[0]!;
}

/** dpkg's own answer, from inside the image: the installed packages. */
async function dpkgInstalled(image: string): Promise<Set<string>> {
  const { stdout } = await exec(DOCKER, ['run', '--rm', '--entrypoint', 'dpkg-query', image, '-W', '-f', '${db:Status-Abbrev} ${Package}\\n']);
  return new Set(stdout.split('\n').filter((l) => l.startsWith('ii ')).map((l) => l.slice(3).trim()));
}

const brief = (changes: PackageChange[]): string => JSON.stringify(changes.slice(0, 5));

beforeAll(async () => {
  await requireDocker();
});

afterAll(async () => {
  await removeImages(...tags);
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('the seed case: single-stage Go → multi-stage FROM scratch', () => {
  it('names the Go toolchain in the top file rows and as removed packages, and the line that grew', async () => {
    const dir = makeRepo([{ 'main.go': GO_MAIN, Dockerfile: GO_SINGLE }, { Dockerfile: GO_MULTI }]);
    dirs.push(dir);
    const json = await runDistCli(['compare', '--base', 'c0', '--format', 'json'], { cwd: dir });
    assert.equal(json.code, 0, json.stderr.slice(-2000));
    const img = (JSON.parse(json.stdout) as ComparedReport).images[0]!;
    const diff = img.diff!;

    const goRow = diff.files.slice(0, 3).find((f) => f.path === '/usr/lib/go-1.19' || f.path.startsWith('/usr/lib/go-1.19/'));
    assert.ok(goRow, `the top rows name the toolchain: ${JSON.stringify(diff.files.slice(0, 5))}`);
    assert.ok(goRow.status === 'removed' && goRow.delta < -100_000_000, JSON.stringify(goRow));
    assert.equal(diff.files.length, 20, 'the rows are used');

    const go = diff.packages.find((p) => p.name === 'golang-1.19-go');
    assert.ok(go, brief(diff.packages));
    assert.equal(go.manager, 'dpkg');
    assert.equal(go.status, 'removed');
    assert.match(go.baseVersion!, /^1\.19\./);
    assert.equal(go.headVersion, null);
    assert.ok(go.sizeDelta <= -100_000_000, `${go.sizeDelta}`);
    // FROM scratch has no packages: every package of the Go image is gone, none came or changed
    const installed = await dpkgInstalled('isg/golang:bookworm');
    assert.deepEqual(diff.packages.filter((p) => p.status !== 'removed'), []);
    assert.deepEqual(new Set(diff.packages.map((p) => p.name)), installed);

    assert.deepEqual(diff.growth, { instruction: 'COPY /usr/local/bin/hello /hello', delta: img.head.size, dockerfile: { path: 'Dockerfile', line: 7 } });
    const mms = img.findings.find((f) => f.id === 'missing-multi-stage')!;
    assert.equal(mms.status, 'resolved');
    assert.match(mms.message, /^The change saved \d+(\.\d+)? MB \(\d+(\.\d+)? MB → 1\.8 MB\): the final image no longer ships the \d+(\.\d+)? MB of build tooling/);

    const md = await runDistCli(['compare', '--base', 'c0', '--format', 'markdown'], { cwd: dir });
    assert.equal(md.code, 0, md.stderr.slice(-2000));
    assert.match(md.stdout, /^Largest growth: `Dockerfile:7` `COPY \/usr\/local\/bin\/hello \/hello` \+1\.8 MB$/m);
    assert.match(md.stdout, /^\| − \| `golang-1\.19-go` \| dpkg \| `1\.19\.[^`]+` \| −\d+(\.\d+)? MB \|$/m);
  });
});

describe('packages on real builds', () => {
  let apt = '';
  let venv = '';
  beforeAll(async () => {
    apt = await build('apt', { Dockerfile: `FROM ${DEBIAN}\n${APT_VENV}\n` });
    venv = await build('venv', { Dockerfile: `FROM ${DEBIAN}\n${APT_VENV}\nRUN python3 -m venv /opt/venv\n` });
  });

  it('apt-get install adds exactly that package and its dependencies, whose bytes add up to the layer', async () => {
    const img = await compareImages(DEBIAN, apt);
    const diff = img.diff!;
    const before = await dpkgInstalled(DEBIAN);
    const after = await dpkgInstalled(apt);
    const expected = new Set([...after].filter((p) => !before.has(p)));
    assert.ok(expected.has('python3-venv') && expected.size > 5, [...expected].join(' '));
    assert.deepEqual(diff.packages.filter((p) => p.status !== 'added'), [], 'nothing removed or upgraded');
    assert.deepEqual(new Set(diff.packages.map((p) => p.name)), expected);
    for (const p of diff.packages) assert.ok(p.manager === 'dpkg' && p.baseVersion === null && p.headVersion && p.sizeDelta > 0, JSON.stringify(p));
    const layer = diff.layers.find((l) => l.status === 'added')!;
    const sum = diff.packages.reduce((s, p) => s + p.sizeDelta, 0);
    assert.ok(Math.abs(sum - layer.delta) <= 0.05 * layer.delta, `packages ${sum} B vs layer ${layer.delta} B`);
    assert.deepEqual(diff.growth?.instruction, layer.instruction);
  });

  it('pip install in a venv adds one pip package with its bytes; a second version is an upgrade', async () => {
    const v1 = makeWheel('tiny_pkg', '1.0', { 'tiny_pkg/__init__.py': 'VALUE = 1\n', 'tiny_pkg/data.bin': randomBytes(300_000) });
    const v2 = makeWheel('tiny_pkg', '2.0', { 'tiny_pkg/__init__.py': 'VALUE = 2\n', 'tiny_pkg/data.bin': randomBytes(900_000) });
    const install = (whl: string): string =>
      `FROM ${DEBIAN}\n${APT_VENV}\nRUN python3 -m venv /opt/venv\nRUN --mount=type=bind,target=/w /opt/venv/bin/pip install --no-index --no-cache-dir /w/${whl}\n`;
    const pip1 = await build('pip1', { [v1.name]: v1.data, Dockerfile: install(v1.name) });
    const pip2 = await build('pip2', { [v2.name]: v2.data, Dockerfile: install(v2.name) });

    const added = (await compareImages(venv, pip1)).diff!.packages;
    assert.equal(added.length, 1, brief(added));
    const [p] = added;
    assert.deepEqual({ ...p!, sizeDelta: 0 }, { manager: 'pip', name: 'tiny_pkg', status: 'added', baseVersion: null, headVersion: '1.0', sizeDelta: 0 });
    // the data file, __init__.py and its .pyc, the dist-info pip writes (METADATA, WHEEL, RECORD, INSTALLER, …)
    assert.ok(p!.sizeDelta >= 300_000 + 10 && p!.sizeDelta < 300_000 + 20_000, `${p!.sizeDelta}`);

    const upgraded = (await compareImages(pip1, pip2)).diff!.packages;
    assert.equal(upgraded.length, 1, brief(upgraded));
    assert.deepEqual({ ...upgraded[0]!, sizeDelta: 0 }, { manager: 'pip', name: 'tiny_pkg', status: 'upgraded', baseVersion: '1.0', headVersion: '2.0', sizeDelta: 0 });
    assert.ok(Math.abs(upgraded[0]!.sizeDelta - 600_000) < 2_000, `${upgraded[0]!.sizeDelta}`);

    // inspect lists the venv's own pip and setuptools as pip packages, and the Debian packages, largest first
    const out = join(mkdtempSync(join(tmpdir(), 'isg-inspect-')), 'r.json');
    dirs.push(out.slice(0, out.lastIndexOf('/')));
    const r = await runDistCli(['inspect', pip1, '--format', 'json', '--output', out]);
    assert.equal(r.code, 0, r.stderr);
    const head = (JSON.parse(readFileSync(out, 'utf8')) as ComparedReport).images[0]!.head;
    const pk = head.packages!;
    const names = pk.filter((x) => x.manager === 'pip').map((x) => x.name).sort();
    assert.deepEqual(names, ['pip', 'setuptools', 'tiny_pkg']);
    assert.ok(pk.find((x) => x.name === 'pip' && x.manager === 'pip')!.size > 1_000_000);
    assert.deepEqual(new Set(pk.filter((x) => x.manager === 'dpkg').map((x) => x.name)), await dpkgInstalled(pip1));
    for (let i = 1; i < pk.length; i++) assert.ok(pk[i - 1]!.size >= pk[i]!.size, 'largest first');
  });

  it('npm install of local tarballs adds those npm packages (scoped too) with their bytes; Debian-owned modules stay dpkg', async () => {
    const a = await makeNpmTarball('tiny-npm', '1.0.0', { 'index.js': 'module.exports = 1;\n', 'blob.bin': randomBytes(200_000) });
    const b = await makeNpmTarball('@isg/scoped', '2.0.0', { 'lib/x.js': 'module.exports = 2;\n', 'data.bin': randomBytes(50_000) });
    const base = `FROM ${DEBIAN}\n${APT_NODE}\nWORKDIR /app\n`;
    const node0 = await build('node0', { Dockerfile: base });
    const npm1 = await build('npm1', {
      'tiny-npm-1.0.0.tgz': a,
      'isg-scoped-2.0.0.tgz': b,
      Dockerfile:
        base +
        'RUN --mount=type=bind,target=/w npm install --offline --no-audit --no-fund --cache /tmp/npm-cache /w/tiny-npm-1.0.0.tgz /w/isg-scoped-2.0.0.tgz && rm -rf /tmp/npm-cache /root/.npm\n',
    });
    const changes = (await compareImages(node0, npm1)).diff!.packages;
    assert.deepEqual(
      changes.map((c) => [c.manager, c.name, c.status, c.headVersion]),
      [
        ['npm', 'tiny-npm', 'added', '1.0.0'],
        ['npm', '@isg/scoped', 'added', '2.0.0'],
      ],
    );
    const [ca, cb] = changes;
    assert.ok(ca!.sizeDelta >= 200_000 && ca!.sizeDelta < 205_000, `${ca!.sizeDelta}`);
    assert.ok(cb!.sizeDelta >= 50_000 && cb!.sizeDelta < 55_000, `${cb!.sizeDelta}`);

    // Debian's npm ships hundreds of node modules as dpkg packages: none of them is listed as an npm package
    const r = await runDistCli(['inspect', npm1, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const pk = (JSON.parse(r.stdout) as ComparedReport).images[0]!.head.packages!;
    assert.deepEqual(pk.filter((x) => x.manager === 'npm').map((x) => x.name).sort(), ['@isg/scoped', 'tiny-npm']);
    assert.ok(pk.some((x) => x.manager === 'dpkg' && x.name === 'npm'));
  });
});

describe('a shell from the base image', () => {
  const scratch = 'FROM scratch\nCOPY hello /hello\n';
  const debian = `FROM ${DEBIAN}\nCOPY hello /hello\n`;
  const hello = randomBytes(10_000);

  it('CLI: the finding points at FROM, and the failure line names it', async () => {
    const dir = makeRepo([{ hello, Dockerfile: scratch }, { Dockerfile: debian }]);
    dirs.push(dir);
    const r = await runDistCli(['compare', '--base', 'c0', '--fail-on', 'shell', '--format', 'json'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.at(-1), 'image-size-guard: failed: fail-on: shell (new, Dockerfile:1)');
    const img = (JSON.parse(r.stdout) as ComparedReport).images[0]!;
    const shell = img.findings.find((f) => f.id === 'shell')!;
    assert.equal(shell.status, 'new');
    assert.deepEqual(shell.dockerfile, { path: 'Dockerfile', line: 1 });
    // the base image's layer grew the image: it points at FROM too
    assert.deepEqual(img.diff!.growth?.dockerfile, { path: 'Dockerfile', line: 1 });
    assert.ok(img.diff!.growth!.delta > 100_000_000);
  });

  it('Action: an error annotation on FROM, a notice on the line that grew, and a failure that names the finding', async () => {
    const base = await build('scratch-hello', { hello, Dockerfile: scratch });
    const head = await build('debian-hello', { hello, Dockerfile: debian });
    const work = mkdtempSync(join(tmpdir(), 'isg-explain-action-'));
    dirs.push(work);
    const inputs = { image: head, 'base-image': base, dockerfile: 'Dockerfile', 'fail-on': 'shell', comment: 'false', name: 'web' };
    const r = await runActionProcess({ scratch: work, inputs, files: { Dockerfile: debian } });
    assert.equal(r.code, 1, r.log);
    assert.match(r.log, /^::error title=image-size-guard%3A shell,file=Dockerfile,line=1::The image contains a shell/m);
    assert.match(r.log, /^::notice title=image-size-guard%3A largest growth,file=Dockerfile,line=1::This line's layer grew \+\d+(\.\d+)? MB/m);
    assert.match(r.log, /^::error::image-size-guard: fail-on: shell \(new, Dockerfile:1\)$/m);
    assert.match(r.summary, /^Largest growth: `Dockerfile:1` /m);

    // under a max-increase budget the image stayed within, no notice
    const quiet = await runActionProcess({ scratch: work, inputs: { ...inputs, 'fail-on': 'never', 'max-increase': '1GB' }, files: { Dockerfile: debian } });
    assert.equal(quiet.code, 0, quiet.log);
    assert.doesNotMatch(quiet.log, /::notice/);
  });
});
