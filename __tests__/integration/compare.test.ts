// `image-size-guard compare` (the bundled dist/, as a child process) on real git repositories built with buildx.

import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { ComparedReport as Report } from '../helpers/report.js';
import { buildImage, docker, removeImages, requireDocker, runDistCli } from '../helpers/docker.js';
import { git, makeRepo, worktreeCount } from '../helpers/git-repo.js';
import { GO_MAIN, GO_MULTI, GO_SINGLE } from '../helpers/seed-pair.js';

const repos: string[] = [];
const run = process.pid;
const prebuilt = { small: `isg-test/prebuilt-small:${run}`, big: `isg-test/prebuilt-big:${run}` };


function repo(...commits: Parameters<typeof makeRepo>[0]): string {
  const dir = makeRepo(commits);
  repos.push(dir);
  return dir;
}

/** Temporary tags in the engine now, less those in `before` (left by other runs on a shared engine): this run's. */
async function tmpTags(before: readonly string[] = []): Promise<string> {
  const now = (await docker(['images', '--filter', 'reference=image-size-guard-tmp/*', '--format', '{{.Repository}}:{{.Tag}}'])).trim();
  return now.split('\n').filter((t) => t && !before.includes(t)).join('\n');
}

/** The argument lists of the processes (read from /proc) whose arguments mention `needle`. */
function commandsMentioning(needle: string): string[][] {
  const found: string[][] = [];
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let args: string[];
    try {
      args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // gone meanwhile
    }
    if (args.some((a) => a.includes(needle))) found.push(args);
  }
  return found;
}

async function compareJson(cwd: string, ...args: string[]): Promise<{ code: number; report: Report; stderr: string }> {
  const r = await runDistCli(['compare', '--format', 'json', ...args], { cwd });
  assert.ok(r.code === 0 || r.code === 1, `compare failed (${r.code}): ${r.stderr.slice(-2000)}`);
  return { code: r.code, report: JSON.parse(r.stdout) as Report, stderr: r.stderr };
}

beforeAll(async () => {
  await requireDocker();
});

afterAll(async () => {
  for (const dir of repos) rmSync(dir, { recursive: true, force: true });
  await removeImages(...Object.values(prebuilt));
});

describe('compare on real builds', () => {
  it('single-stage → multi-stage Go: the size drops by more than 99%, every old layer removed, the binary added', async () => {
    const dir = repo({ 'main.go': GO_MAIN, Dockerfile: GO_SINGLE }, { Dockerfile: GO_MULTI });
    const tagsBefore = (await tmpTags()).split('\n');
    const { code, report } = await compareJson(dir, '--base', 'c0');
    assert.equal(code, 0);
    const img = report.images[0]!;
    assert.equal(img.name, 'app');
    assert.equal(img.base!.ref, 'c0');
    assert.equal(img.head.ref, 'working tree');
    assert.equal(img.head.dockerfile, 'Dockerfile');
    assert.ok(img.base!.size > 300_000_000, `base carries the toolchain (${img.base!.size})`);
    assert.ok(img.head.size < 5_000_000, `head is the binary (${img.head.size})`);
    assert.equal(img.diff!.sizeDelta, img.head.size - img.base!.size);
    assert.ok(img.diff!.sizeDeltaPercent! < -99, `delta ${img.diff!.sizeDeltaPercent}%`);
    const statuses = img.diff!.layers.map((l) => l.status);
    assert.deepEqual(statuses, [...img.base!.layers.map(() => 'removed'), 'added']);
    assert.equal(img.diff!.layers.at(-1)!.instruction, 'COPY /usr/local/bin/hello /hello');
    // the classic store saves uncompressed layers (a gzip estimate); the containerd store exports gzip blobs (exact)
    const exact = process.env.ISG_TEST_DEFAULT_STORE === 'containerd';
    assert.ok(img.head.compressedSize! > 0 && img.head.compressedSizeExact === exact);
    assert.ok(img.diff!.compressedSizeDelta! < 0);
    // the biggest file change explains the drop with a directory, not thousands of files
    const top = img.diff!.files[0]!;
    assert.equal(top.status, 'removed');
    assert.ok(top.delta < -100_000_000 && top.path.startsWith('/usr/'), JSON.stringify(top));
    assert.equal(worktreeCount(dir), 1, 'the base worktree is removed');
    assert.equal(await tmpTags(tagsBefore), '', 'temporary tags are removed');

    // --no-cache: the base is built again (the run above kept it), so the timings show every phase
    const text = await runDistCli(['compare', '--base', 'c0', '--no-cache'], { cwd: dir });
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^app — \d+(\.\d+)? MB → \d+(\.\d+)? MB \(−\d+(\.\d+)? MB, −99\.\d%\) ✅$/m);
    assert.match(text.stdout, /removed\s+RUN CGO_ENABLED=0 go build/);
    assert.match(text.stdout, /Timings: plan [\d.]+ s · head (builder [\d.]+ s, )?build [\d.]+ s, read [\d.]+ s · base (builder [\d.]+ s, )?checkout [\d.]+ s, build [\d.]+ s, read [\d.]+ s · analysis [\d.]+ s · finish [\d.]+ s · total [\d.]+ s/);
  });

  it('a RUN inserted in the middle is the only added layer; the later ones align instead of shifting', async () => {
    const before = ['FROM isg/busybox:latest', 'COPY a.bin /a.bin', 'RUN echo one > /one', 'COPY b.bin /b.bin', 'RUN echo two > /two', ''];
    const afterLines = [...before.slice(0, 3), 'RUN head -c 50000 /dev/zero > /inserted', ...before.slice(3)];
    const dir = repo(
      { 'a.bin': randomBytes(40_000), 'b.bin': randomBytes(60_000), Dockerfile: before.join('\n') },
      { Dockerfile: afterLines.join('\n') },
    );
    const { report } = await compareJson(dir, '--base', 'c0');
    const rows = report.images[0]!.diff!.layers;
    assert.deepEqual(
      rows.map((l) => l.instruction),
      [report.images[0]!.base!.layers[0]!.instruction, 'COPY a.bin /a.bin', 'RUN echo one > /one', 'RUN head -c 50000 /dev/zero > /inserted', 'COPY b.bin /b.bin', 'RUN echo two > /two'],
    );
    assert.deepEqual(rows.filter((l) => l.status === 'added').map((l) => l.instruction), ['RUN head -c 50000 /dev/zero > /inserted']);
    assert.ok(!rows.some((l) => l.status === 'removed'), JSON.stringify(rows));
    assert.deepEqual(rows.slice(0, 3).map((l) => l.status), ['unchanged', 'unchanged', 'unchanged']);
    for (const l of rows.slice(4)) assert.ok(l.status === 'unchanged' || l.status === 'changed', JSON.stringify(l));
    assert.equal(rows[3]!.delta, 50_000);
    assert.equal(report.images[0]!.diff!.sizeDelta, 50_000);
  });

  it('a shallow clone fetches the base commit from origin', async () => {
    const origin = repo(
      { 'a.bin': randomBytes(30_000), Dockerfile: 'FROM scratch\nCOPY a.bin /a.bin\n' },
      { 'b.bin': randomBytes(20_000), Dockerfile: 'FROM scratch\nCOPY a.bin /a.bin\nCOPY b.bin /b.bin\n' },
    );
    git(origin, 'config', 'uploadpack.allowReachableSHA1InWant', 'true'); // as GitHub allows fetching by SHA
    const baseSha = git(origin, 'rev-parse', 'c0').trim();
    const shallow = `${origin}-shallow`;
    repos.push(shallow);
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${origin}`, shallow]);
    assert.throws(() => git(shallow, 'cat-file', '-e', `${baseSha}^{commit}`), 'the base commit is not in the shallow clone');
    const { code, report } = await compareJson(shallow, '--base', baseSha);
    assert.equal(code, 0);
    const img = report.images[0]!;
    assert.equal(img.base!.size, 30_000);
    assert.equal(img.head.size, 50_000);
    assert.deepEqual(img.diff!.layers.map((l) => l.status), ['unchanged', 'added']);
    assert.equal(worktreeCount(shallow), 1);
  });

  it('a base without the Dockerfile: no baseline, a warning, the head still analysed', async () => {
    const dir = repo({ 'README.md': 'nothing to build yet\n' }, { 'f.bin': randomBytes(10_000), Dockerfile: 'FROM scratch\nCOPY f.bin /f.bin\n' });
    const { code, report, stderr } = await compareJson(dir, '--base', 'c0', '--max-size', '1MB', '--max-increase', '1kB');
    assert.equal(code, 0);
    assert.match(stderr, /warning: no baseline: Dockerfile does not exist at c0; the head is analysed alone/);
    assert.match(stderr, /warning: max-increase was not checked: there is no baseline/);
    const img = report.images[0]!;
    assert.equal(img.base, null);
    assert.equal(img.diff, null);
    assert.equal(img.head.size, 10_000);
    assert.deepEqual(img.budgets.map((b) => [b.id, b.passed]), [['max-size', true]]);
    assert.equal(worktreeCount(dir), 1);
  });

  it('a base whose build fails: no baseline, a warning naming the failure', async () => {
    const dir = repo(
      { Dockerfile: 'FROM isg/busybox:latest\nRUN echo broken && exit 3\n' },
      { Dockerfile: 'FROM isg/busybox:latest\nRUN echo fixed > /fixed\n' },
    );
    const { code, report, stderr } = await compareJson(dir, '--base', 'c0');
    assert.equal(code, 0);
    assert.match(stderr, /warning: no baseline: base build failed: .*exit code: 3/);
    assert.equal(report.images[0]!.base, null);
    assert.ok(report.images[0]!.head.layers.some((l) => l.instruction === 'RUN echo fixed > /fixed'));
    assert.equal(worktreeCount(dir), 1);
    assert.equal(await tmpTags(), '');
  });

  it('a head that does not build is an error (exit 2, one line)', async () => {
    const dir = repo({ Dockerfile: 'FROM scratch\nCOPY missing.bin /x\n' });
    const r = await runDistCli(['compare', '--base', 'c0', '--always-build'], { cwd: dir });
    assert.equal(r.code, 2);
    const last = r.stderr.trimEnd().split('\n').at(-1)!;
    assert.match(last, /^image-size-guard: error: head build failed: .*missing\.bin/);
  });

  it('Ctrl-C during the base build removes the worktree and the temporary tag', async () => {
    // a RUN no earlier build can have cached (BuildKit's cache is the engine's), so the build is really under way
    const nonce = randomBytes(8).toString('hex');
    const dir = repo({ Dockerfile: `FROM isg/busybox:latest\nRUN echo ${nonce} && sleep 60\n` }, { Dockerfile: `FROM isg/busybox:latest\nRUN echo ${nonce} > /head\n` });
    // the build log as a plain stream (not held for an Actions group), so the RUN's output shows as it runs
    const child = spawn(process.execPath, [join(process.cwd(), 'dist/cli/index.js'), 'compare', '--base', 'c0'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, GITHUB_ACTIONS: '' } });
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    // under way: the base's RUN has printed the nonce (BuildKit's "#N 0.123 <output>" line), whenever that is
    let log = '';
    await new Promise<void>((resolve, reject) => {
      child.stderr.setEncoding('utf8').on('data', (d: string) => {
        log += d;
        if (new RegExp(`^base │ #\\d+ [\\d.]+ ${nonce}$`, 'm').test(log)) resolve();
      });
      void exited.then((code) => reject(new Error(`compare exited (${code}) before the base's RUN ran:\n${log.slice(-3000)}`)));
    });
    assert.equal(worktreeCount(dir), 2, 'the base worktree is there');
    const tree = git(dir, 'worktree', 'list', '--porcelain').split('\n').filter((l) => l.startsWith('worktree '))[1]!.slice('worktree '.length);
    const build = commandsMentioning(tree).find((args) => args.includes('buildx') && args.includes('build'));
    assert.ok(build, `the base build runs in ${tree}`);
    // --load builds tag a temporary image; an OCI-exporting builder (the containerd store) streams it to the run
    const tag = build.includes('--load') ? build[build.indexOf('-t') + 1]! : null;
    if (tag) assert.match(tag, /^image-size-guard-tmp\/base:/);
    else assert.ok(build.includes('type=oci,dest=-'), build.join(' '));
    child.kill('SIGINT');
    assert.equal(await exited, 130);
    assert.equal(worktreeCount(dir), 1, 'worktree removed on Ctrl-C');
    // the interrupted build's processes end on their own time; once none is left, nothing can tag any more
    while (commandsMentioning(tree).length) await new Promise((r) => setTimeout(r, 100));
    if (tag) assert.equal(await docker(['images', '--quiet', tag]), '', `no temporary tag ${tag} left behind`);
  });
});

describe('compare with prebuilt images and budgets', () => {
  beforeAll(async () => {
    const f = randomBytes(100_000); // the same first layer in both images
    await buildImage(prebuilt.small, { 'f.bin': f, Dockerfile: 'FROM scratch\nCOPY f.bin /f.bin\n' });
    await buildImage(prebuilt.big, { 'f.bin': f, 'g.bin': randomBytes(200_000), Dockerfile: 'FROM scratch\nCOPY f.bin /f.bin\nCOPY g.bin /g.bin\n' });
  });

  const cases: { name: string; flags: string[]; code: number; budgets: [string, number, boolean][] }[] = [
    { name: 'max-increase in bytes exceeded', flags: ['--max-increase', '100kB'], code: 1, budgets: [['max-increase', 200_000, false]] },
    { name: 'max-increase bytes exceeded but not the percent', flags: ['--max-increase', '100kB, 500%'], code: 0, budgets: [['max-increase', 200_000, true]] },
    { name: 'max-increase both exceeded', flags: ['--max-increase', '100kB, 150%'], code: 1, budgets: [['max-increase', 200_000, false]] },
    { name: 'max-size passes', flags: ['--max-size', '1MB'], code: 0, budgets: [['max-size', 300_000, true]] },
    { name: 'max-size fails (KiB)', flags: ['--max-size', '200KiB'], code: 1, budgets: [['max-size', 300_000, false]] },
    { name: 'max-layers fails', flags: ['--max-layers', '1'], code: 1, budgets: [['max-layers', 2, false]] },
    { name: 'fail-on never', flags: ['--max-size', '1kB', '--fail-on', 'never'], code: 0, budgets: [['max-size', 300_000, false]] },
  ];
  for (const c of cases) {
    it(`--image/--base-image: ${c.name} → exit ${c.code}`, async () => {
      const r = await runDistCli(['compare', '--base-image', prebuilt.small, '--image', prebuilt.big, '--format', 'json', ...c.flags]);
      assert.equal(r.code, c.code, r.stderr);
      const report = JSON.parse(r.stdout) as Report;
      const img = report.images[0]!;
      assert.equal(img.name, prebuilt.big);
      assert.equal(img.base!.ref, prebuilt.small);
      assert.equal(img.diff!.sizeDelta, 200_000);
      assert.equal(img.diff!.sizeDeltaPercent, 200);
      assert.deepEqual(img.diff!.layers.map((l) => l.status), ['unchanged', 'added']);
      assert.deepEqual(img.budgets.map((b) => [b.id, b.actual, b.passed]), c.budgets);
      assert.equal(report.passed, c.code === 0);
    });
  }

  it('markdown output carries the marker, the table and escaped paths', async () => {
    const r = await runDistCli(['compare', '--base-image', prebuilt.small, '--image', prebuilt.big, '--format', 'markdown', '--name', 'web'] );
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^<!-- image-size-guard:web -->\n### 🐳 web — 100 kB → 300 kB \(\+200 kB, \+200\.0%\) ✅/);
    assert.match(r.stdout, /\| size \| 100 kB \| 300 kB \| \+200 kB \|/);
    assert.match(r.stdout, /\| \+200 kB \| added \| `\/g\.bin` \|/);
  });

  it('bad flags are usage errors with one line', async () => {
    for (const [flags, re] of [
      [['--max-size', '250XB'], /max-size: "250XB" is not a size/],
      [['--max-increase', '10MB, 5%, 3%'], /max-increase/],
      [['--fail-on', 'sometimes'], /fail-on: unknown value "sometimes"/],
      [['--base', 'x', '--base-image', 'y'], /--base and --base-image exclude each other/],
      [['--format', 'yaml'], /--format must be text, markdown or json/],
    ] as const) {
      const r = await runDistCli(['compare', '--image', prebuilt.small, ...flags]);
      assert.equal(r.code, 2, `${flags.join(' ')}: ${r.stderr}`);
      assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
      assert.match(r.stderr, re);
    }
  });
});
