// The analysis cache through the bundled CLI on real git repositories and real builds: a second
// `compare --base HEAD~1` reads the base from the cache (builds, checks out and reads nothing for it) and
// reports the same sizes, files, findings and packages; --no-cache builds again; a corrupted entry is a
// warning and a rebuild; the default directory follows XDG_CACHE_HOME; the timing line names the phases that ran.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { ImageEntry } from '../../src/model/report.js';
import type { ComparedReport as Report } from '../helpers/report.js';
import { requireDocker, runDistCli } from '../helpers/docker.js';
import { makeRepo } from '../helpers/git-repo.js';

const GO_MAIN = 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello") }\n';
const GO_SINGLE = ['FROM isg/golang:bookworm', 'WORKDIR /src', 'COPY main.go .', 'RUN CGO_ENABLED=0 go build -o /usr/local/bin/hello main.go', 'CMD ["/usr/local/bin/hello"]', ''].join('\n');
const GO_MULTI = ['FROM isg/golang:bookworm AS build', 'WORKDIR /src', 'COPY main.go .', 'RUN CGO_ENABLED=0 go build -o /usr/local/bin/hello main.go', '', 'FROM scratch', 'COPY --from=build /usr/local/bin/hello /hello', 'ENTRYPOINT ["/hello"]', ''].join('\n');

const cleanup: string[] = [];
const tmp = (prefix: string): string => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  cleanup.push(d);
  return d;
};

beforeAll(async () => {
  await requireDocker();
});

afterAll(() => {
  for (const d of cleanup) rmSync(d, { recursive: true, force: true });
});

interface Run {
  report: Report;
  stderr: string;
}

async function compare(cwd: string, ...args: string[]): Promise<Run> {
  const r = await runDistCli(['compare', '--base', 'HEAD~1', '--format', 'json', ...args], { cwd });
  assert.equal(r.code, 0, r.stderr.slice(-3000));
  return { report: JSON.parse(r.stdout) as Report, stderr: r.stderr };
}

/** The entry without what may differ between a built and a cached base: only `fromCache`. */
function comparable(e: ImageEntry): unknown {
  return { ...e, base: { ...e.base!, fromCache: 'either' } };
}

/** "Timings: plan 0.0 s · head build 1.2 s, read 0.3 s · base cache 0.1 s (from the cache) · analysis … · total 3.4 s" → phases by side. */
function timings(stderr: string): { line: string; sides: Map<string, Map<string, number>> } {
  const line = stderr.split('\n').find((l) => l.startsWith('Timings: '));
  assert.ok(line, `a timing line on stderr:\n${stderr.slice(-2000)}`);
  const sides = new Map<string, Map<string, number>>();
  for (const part of line.slice('Timings: '.length).split(' · ')) {
    const m = /^(\S+) (.*)$/.exec(part.replace(' (from the cache)', ''))!;
    const phases = new Map<string, number>();
    const words = m[2]!.split(', ');
    if (/^[\d.]+ s$/.test(m[2]!)) phases.set(m[1]!, Number(m[2]!.split(' ')[0]));
    else for (const w of words) phases.set(w.split(' ')[0]!, Number(w.split(' ')[1]));
    sides.set(m[1]!, phases);
  }
  return { line, sides };
}

/**
 * The phases a side shows, in order, each with a number of seconds. "builder" (waiting for the builder's
 * detection, which the run shares) is left out: it shows on whichever side waited for it, when that took 50 ms.
 */
function ran(t: ReturnType<typeof timings>, side: string): string[] {
  const phases = t.sides.get(side);
  assert.ok(phases, `no ${side} in ${t.line}`);
  for (const [name, seconds] of phases) assert.ok(Number.isFinite(seconds) && seconds >= 0, `${side} ${name}: ${t.line}`);
  return [...phases.keys()].filter((p) => p !== 'builder');
}

describe('a base is computed once per commit', () => {
  it('seed pair: the second compare --base HEAD~1 reads the base from the cache, builds nothing for it, and reports the same', async () => {
    const dir = makeRepo([{ 'main.go': GO_MAIN, Dockerfile: GO_SINGLE }, { Dockerfile: GO_MULTI }]);
    cleanup.push(dir);
    const cache = tmp('isg-cache-');
    const first = await compare(dir, '--cache-dir', cache);
    const a = first.report.images[0]!;
    assert.equal(a.base!.fromCache, false);
    assert.match(first.stderr, /^── build base \(buildx/m, 'the first run builds the base');
    assert.ok(a.base!.size > 300_000_000 && a.head.size < 5_000_000);
    assert.equal(readdirSync(join(cache, 'bases')).length, 1, 'one base entry kept');

    // the timing line names the phases that ran (how long each took is the machine's business, not the test's)
    const t = timings(first.stderr);
    assert.deepEqual([...t.sides.keys()], ['plan', 'head', 'base', 'analysis', 'finish', 'total'], t.line);
    assert.deepEqual(ran(t, 'head'), ['build', 'read'], t.line);
    assert.deepEqual(ran(t, 'base'), ['cache', 'checkout', 'build', 'read'], t.line);
    for (const one of ['plan', 'analysis', 'finish', 'total']) assert.deepEqual(ran(t, one), [one], t.line);

    const second = await compare(dir, '--cache-dir', cache);
    const b = second.report.images[0]!;
    assert.equal(b.base!.fromCache, true);
    assert.equal(b.base!.ref, 'HEAD~1');
    // nothing built, checked out or read for the base: no build section, no progress, only the cache phase
    assert.doesNotMatch(second.stderr, /build base|base │|reading base/, second.stderr.slice(-3000));
    assert.match(second.stderr, /^── build head \(buildx/m);
    const t2 = timings(second.stderr);
    assert.deepEqual([...t2.sides.get('base')!.keys()], ['cache'], t2.line);
    assert.match(t2.line, /base cache [\d.]+ s \(from the cache\)/);
    // the same sizes, layers, files, findings and packages
    assert.deepEqual(comparable(b), comparable(a));
    assert.ok(b.diff!.packages.length > 50 && b.findings.length > 0, 'packages and findings came from the cached base');
  });
});

describe('the cache can be turned off, and damaged entries are not trusted', () => {
  let dir = '';
  let cache = '';
  beforeAll(() => {
    dir = makeRepo([
      { 'a.bin': randomBytes(60_000), Dockerfile: 'FROM isg/busybox:latest\nCOPY a.bin /a.bin\n' },
      { 'b.bin': randomBytes(30_000), Dockerfile: 'FROM isg/busybox:latest\nCOPY a.bin /a.bin\nCOPY b.bin /b.bin\n' },
    ]);
    cleanup.push(dir);
    cache = tmp('isg-cache-');
  });

  it('--no-cache builds the base again and keeps nothing', async () => {
    const none = await compare(dir, '--no-cache');
    assert.equal(none.report.images[0]!.base!.fromCache, false);
    assert.match(none.stderr, /^── build base/m);
    const kept = await compare(dir, '--cache-dir', cache);
    assert.equal(kept.report.images[0]!.base!.fromCache, false, '--no-cache kept nothing anywhere this run reads');
    const again = await compare(dir, '--no-cache');
    assert.equal(again.report.images[0]!.base!.fromCache, false, 'with the entry there, --no-cache still builds');
    assert.match(again.stderr, /^── build base/m);
    assert.deepEqual(comparable(again.report.images[0]!), comparable(kept.report.images[0]!));
  });

  it('a corrupted entry: one warning naming it, the base built again (same report), and kept whole again', async () => {
    await compare(dir, '--cache-dir', cache);
    const [name] = readdirSync(join(cache, 'bases'));
    const file = join(cache, 'bases', name!);
    const good = readFileSync(file);
    const bad = Buffer.from(good);
    bad[bad.length - 100]! ^= 0x40;
    writeFileSync(file, bad);
    const r = await compare(dir, '--cache-dir', cache);
    assert.equal(r.report.images[0]!.base!.fromCache, false);
    assert.match(r.stderr, /^image-size-guard: warning: ignored the cached analysis of HEAD~1 \(checksum mismatch\); the base is built$/m);
    assert.match(r.stderr, /^── build base/m);
    const hit = await compare(dir, '--cache-dir', cache);
    assert.equal(hit.report.images[0]!.base!.fromCache, true, 'the rebuilt base was kept');
    assert.doesNotMatch(hit.stderr, /warning/);
    assert.deepEqual(comparable(hit.report.images[0]!), comparable(r.report.images[0]!));
    // a truncated entry too
    writeFileSync(file, good.subarray(0, 64));
    const cut = await compare(dir, '--cache-dir', cache);
    assert.match(cut.stderr, /warning: ignored the cached analysis of HEAD~1 \(truncated\); the base is built/);
    assert.equal(cut.report.images[0]!.base!.fromCache, false);
  });

  it('without --cache-dir the cache is $XDG_CACHE_HOME/image-size-guard', async () => {
    const xdg = tmp('isg-xdg-');
    const r = await runDistCli(['compare', '--base', 'HEAD~1', '--format', 'json'], { cwd: dir, env: { XDG_CACHE_HOME: xdg } });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readdirSync(join(xdg, 'image-size-guard', 'bases')).length, 1);
    assert.ok(existsSync(join(xdg, 'image-size-guard', 'layers')), 'layer scans kept beside the bases');
    const again = await runDistCli(['compare', '--base', 'HEAD~1', '--format', 'json'], { cwd: dir, env: { XDG_CACHE_HOME: xdg } });
    assert.equal((JSON.parse(again.stdout) as Report).images[0]!.base!.fromCache, true);
  });

  it('--buildx-flags "--no-cache" builds the base afresh although the analysis cache has it', async () => {
    await compare(dir, '--cache-dir', cache);
    const r = await compare(dir, '--cache-dir', cache, '--buildx-flags', '--no-cache');
    assert.equal(r.report.images[0]!.base!.fromCache, false);
    // buildx got its --no-cache: the base's COPY step ran instead of coming from BuildKit's cache
    const step = /^base │ #(\d+) \[\d\/\d\] COPY a\.bin \/a\.bin$/m.exec(r.stderr)?.[1];
    assert.ok(step, r.stderr.slice(-3000));
    assert.doesNotMatch(r.stderr, new RegExp(`^base │ #${step} CACHED$`, 'm'));
    const cachedRun = await compare(dir, '--no-cache');
    const cachedStep = /^base │ #(\d+) \[\d\/\d\] COPY a\.bin \/a\.bin$/m.exec(cachedRun.stderr)?.[1];
    assert.match(cachedRun.stderr, new RegExp(`^base │ #${cachedStep} CACHED$`, 'm'), 'without the flag the step is CACHED (so its absence above means something)');
  });
});
