// The Action's analysis cache through the real @actions/cache code path (cache service v2, as on github.com)
// against a local fake of the Actions cache service and its blob storage (fake-actions-cache.ts: scoped
// tokens, 409 on an existing key, signed upload and download URLs). A push to the default branch saves the
// analysis of its commit; a pull request against that commit — on a fresh runner, nothing on its disk —
// restores it instead of building its base, and reports the same as a run with `cache: false`.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { ImageEntry, Report } from '../../src/model/report.js';
import { requireDocker } from '../helpers/docker.js';
import { startFakeActionsCache, type FakeActionsCache, type FakeCacheRequest } from '../helpers/fake-actions-cache.js';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { git, makeRepo } from '../helpers/git-repo.js';
import { runAction, type ActionRun } from '../helpers/run-action.js';

let gh: FakeGitHub;
let service: FakeActionsCache;
let scratch = '';
let repo = '';
let c0 = '';
const cleanup: string[] = [];

beforeAll(async () => {
  await requireDocker();
  scratch = mkdtempSync(join(tmpdir(), 'isg-action-cache-'));
  cleanup.push(scratch);
  // the commit the pull request will be based on; the working tree is at it for the push run
  repo = makeRepo([{ 'a.bin': randomBytes(80_000), Dockerfile: 'FROM isg/busybox:latest\nCOPY a.bin /a.bin\n' }]);
  cleanup.push(repo);
  c0 = git(repo, 'rev-parse', 'HEAD').trim();
  gh = await startFakeGitHub({ owner: 'octo', repo: 'app', issue: 7 });
  service = await startFakeActionsCache({ defaultBranch: 'main' });
});

afterAll(async () => {
  await gh?.close();
  await service?.close();
  for (const d of cleanup) rmSync(d, { recursive: true, force: true });
});

/**
 * A fresh runner: nothing in its cache directory. The directory's path is the same on every run, as the
 * runner's home is on GitHub's runners (@actions/cache versions an entry by the paths it was saved from).
 */
function runner(): string {
  const xdg = join(scratch, 'xdg');
  rmSync(xdg, { recursive: true, force: true });
  return xdg;
}

function pushEvent(ref: string, sha: string): Record<string, string> {
  const file = join(mkdtempSync(join(scratch, 'event-')), 'push.json');
  writeFileSync(file, JSON.stringify({ ref, after: sha, repository: { default_branch: 'main', full_name: 'octo/app' } }));
  return { GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: file, GITHUB_REF: ref, GITHUB_SHA: sha };
}

function report(r: ActionRun): Report {
  assert.equal(r.code, 0, r.log.slice(-4000));
  return JSON.parse(readFileSync(r.reportFile, 'utf8')) as Report;
}

const ctx = (baseSha = c0) => ({ gh, scratch, workspace: repo, baseSha });
const inputs = { name: 'app', comment: 'false' };
const saves = (): string[] => service.requests.filter((r) => r.call === 'CreateCacheEntry').map((r) => String(r.status));

describe('the Action keeps a commit\'s analysis in the Actions cache', () => {
  it('a push to another branch saves nothing', async () => {
    const r = await runAction(ctx(), inputs, { ...pushEvent('refs/heads/feature', c0), ...service.env('refs/heads/feature'), XDG_CACHE_HOME: runner() });
    report(r);
    assert.deepEqual(saves(), []);
    assert.equal(service.entries.length, 0);
  });

  it('a push to the default branch whose working tree is not the commit (a file in the context it lacks) saves nothing', async () => {
    writeFileSync(join(repo, 'generated.txt'), 'made by an earlier step\n');
    try {
      const r = await runAction(ctx(), inputs, { ...pushEvent('refs/heads/main', c0), ...service.env('refs/heads/main'), XDG_CACHE_HOME: runner() });
      report(r);
      assert.deepEqual(saves(), [], 'its build is not the commit\'s');
    } finally {
      rmSync(join(repo, 'generated.txt'));
    }
  });

  it('a push to the default branch saves its head as that commit\'s analysis', async () => {
    const r = await runAction(ctx(), inputs, { ...pushEvent('refs/heads/main', c0), ...service.env('refs/heads/main'), XDG_CACHE_HOME: runner() });
    const rep = report(r);
    assert.equal((rep.images[0] as ImageEntry).base, null, 'a push is a single-image gate');
    assert.deepEqual(saves(), ['200']);
    assert.equal(service.entries.length, 1);
    const entry = service.entries[0]!;
    assert.match(entry.key, /^image-size-guard-base-[a-f0-9]{64}$/);
    assert.equal(entry.scope, 'refs/heads/main');
    assert.ok(entry.finalized && entry.data && entry.data.length > 100, 'uploaded through the blob URL and finalized');
    assert.match(r.log, /image-size-guard: analysis saved to the Actions cache \(image-size-guard-base-[a-f0-9]{12}…\)/);
  });

  it('a second push of the same commit meets the existing key (409) and fails nothing', async () => {
    const r = await runAction(ctx(), inputs, { ...pushEvent('refs/heads/main', c0), ...service.env('refs/heads/main'), XDG_CACHE_HOME: runner() });
    report(r);
    assert.deepEqual(saves(), ['200', '409']);
    assert.match(r.log, /Failed to save: Unable to reserve cache with key image-size-guard-base-/);
    assert.equal(service.entries.length, 1);
  });

  let restored: Report;
  it('a pull request on a fresh runner restores its base instead of building it', async () => {
    writeFileSync(join(repo, 'b.bin'), randomBytes(40_000));
    writeFileSync(join(repo, 'Dockerfile'), 'FROM isg/busybox:latest\nCOPY a.bin /a.bin\nCOPY b.bin /b.bin\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'the pull request');
    const before = service.requests.length;
    const r = await runAction(ctx(), inputs, { ...service.env('refs/pull/7/merge'), XDG_CACHE_HOME: runner() });
    restored = report(r);
    const e = restored.images[0] as ImageEntry;
    assert.equal(e.base!.fromCache, true);
    assert.equal(e.base!.ref, c0);
    assert.match(r.log, new RegExp(`image-size-guard: app: base ${c0.slice(0, 12)} from the analysis cache \\(not built\\)`));
    assert.doesNotMatch(r.log, /build app base/, 'no base build');
    assert.match(r.log, /build app head/);
    const calls = service.requests.slice(before).map((q) => `${q.method} ${q.call ?? q.path.replace(/\/\d+$/, '/ID')} ${q.status}`);
    assert.deepEqual(calls, ['POST GetCacheEntryDownloadURL 200', 'GET /download/ID 200'], 'restored, and nothing saved (the base was not built)');
    assert.equal(e.diff!.sizeDelta, 40_000);
  });

  it('the same pull request with cache: false builds its base and reports the same', async () => {
    const r = await runAction(ctx(), { ...inputs, cache: 'false' }, { ...service.env('refs/pull/7/merge'), XDG_CACHE_HOME: runner() });
    const built = report(r).images[0] as ImageEntry;
    assert.equal(built.base!.fromCache, false);
    assert.match(r.log, /build app base/);
    const cached = restored.images[0] as ImageEntry;
    const either = (e: ImageEntry): unknown => ({ ...e, base: { ...e.base!, fromCache: 'either' } });
    assert.deepEqual(either(built), either(cached));
  });

  it('a pull request asks for its base by the exact key, as itself, without restore keys: 8 gets no entry 7 saved (the service\'s scoping), builds and saves its own; 7 restores its own', async () => {
    // What the product does is ask and act on the answer; which scopes a token may read is the cache
    // service's rule (played by the fake as GitHub documents it), not the product's.
    const c1 = git(repo, 'rev-parse', 'HEAD').trim();
    writeFileSync(join(repo, 'c.bin'), randomBytes(10_000));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'on top');
    const asks = (from: number) => service.requests.slice(from).filter((q) => q.call === 'GetCacheEntryDownloadURL' || q.call === 'CreateCacheEntry');
    const seen = (q: FakeCacheRequest) => [q.call, q.scope, q.key, q.restoreKeys ?? null, q.matched ?? null, q.status];

    // pull request 7 builds a base of its own (a commit not on main) and saves it in its own scope
    let from = service.requests.length;
    const pr7 = await runAction(ctx(c1), inputs, { ...service.env('refs/pull/7/merge'), XDG_CACHE_HOME: runner() });
    assert.equal((report(pr7).images[0] as ImageEntry).base!.fromCache, false);
    const [lookup] = asks(from);
    const key = lookup!.key!;
    assert.match(key, /^image-size-guard-base-[a-f0-9]{64}$/);
    assert.deepEqual(asks(from).map(seen), [
      ['GetCacheEntryDownloadURL', 'refs/pull/7/merge', key, [], null, 200],
      ['CreateCacheEntry', 'refs/pull/7/merge', key, null, null, 200],
    ]);

    // pull request 8, the same base commit: the same key, asked with its own token; the service has none for it
    from = service.requests.length;
    const pr8 = await runAction(ctx(c1), inputs, { ...service.env('refs/pull/8/merge'), XDG_CACHE_HOME: runner() });
    assert.equal((report(pr8).images[0] as ImageEntry).base!.fromCache, false, 'built, on the miss');
    assert.deepEqual(asks(from).map(seen), [
      ['GetCacheEntryDownloadURL', 'refs/pull/8/merge', key, [], null, 200],
      ['CreateCacheEntry', 'refs/pull/8/merge', key, null, null, 200],
    ]);

    // pull request 7 again: its own entry
    from = service.requests.length;
    const pr7again = await runAction(ctx(c1), inputs, { ...service.env('refs/pull/7/merge'), XDG_CACHE_HOME: runner() });
    assert.equal((report(pr7again).images[0] as ImageEntry).base!.fromCache, true, 'restored');
    assert.deepEqual(asks(from).map(seen), [['GetCacheEntryDownloadURL', 'refs/pull/7/merge', key, [], key, 200]]);
  });
});
