// `--base-tag previous` against a real registry (Debian's docker-registry) holding v1.0.0, v1.1.0, v1.2.0-rc.1,
// v1.2.0, latest, 1.x, main and 150 other tags — among them tags that would win if the rules were wrong
// (v1.1.9-beta.1 between v1.1.0 and v1.2.0, v1.0.0-rc.1 below the first release, V1.1.6, 1.1, v9.9.9). The
// release images differ in size, so the base the report shows is the one that was read. Debian's registry
// answers a tag list in one piece whatever `n` says (tag pages came with distribution 3), so a front pages
// it as newer registries do: 20 tags a page, Link headers; the tags are the registry's own. The bundled CLI
// and Action run as child processes; the images are built by dockerd and pushed with docker push.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { ComparedReport as Report } from '../helpers/report.js';
import { buildImage, removeImages, requireDocker, runDistCli } from '../helpers/docker.js';
import {
  basicAuth,
  dockerConfigDir,
  pushImage,
  putManifestTags,
  requireRegistryTools,
  startPagingFront,
  startRegistry,
  startTokenIssuer,
  tempDir,
  type PagingFront,
  type RunningRegistry,
  type TokenIssuer,
} from '../helpers/registry.js';
import { runActionProcess } from '../helpers/run-action.js';

const RELEASES = { 'v1.0.0': 10_000, 'v1.1.0': 20_000, 'v1.2.0-rc.1': 25_000, 'v1.2.0': 30_000, 'v1.3.0-rc.2': 40_000 } as const;
const DECOYS = ['v1.1.9-beta.1', 'v1.0.0-rc.1', 'V1.1.6', '1.1', 'v9.9.9', 'sha-1a2b3c4', 'nightly-2026-01-01', '1.2.0_build5', 'v1.2', 'release-1.1.5'];
const OTHERS = [...DECOYS, ...Array.from({ length: 140 }, (_, i) => `build-${String(i + 1).padStart(3, '0')}`)];
const USERS = { alice: 'wonder-land' };
const local = (tag: string): string => `isg-test/prev-${tag.toLowerCase()}:${process.pid}`;

let storage = '';
let open: RunningRegistry;
let basic: RunningRegistry;
let bearer: RunningRegistry;
let issuer: TokenIssuer;
let front: PagingFront; // pages `open`
let basicFront: PagingFront; // pages `basic`
let noCreds = '';
let work = '';

const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runDistCli(args, { env: { DOCKER_CONFIG: noCreds, ...env } });
const json = (stdout: string): Report => JSON.parse(stdout) as Report;

function assertOneLineError(r: { code: number; stderr: string }, pattern: RegExp): void {
  assert.equal(r.code, 2, r.stderr);
  const lines = r.stderr.split('\n').filter((l) => l.trim());
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0]!, pattern);
}

beforeAll(async () => {
  await requireDocker();
  await requireRegistryTools();
  storage = tempDir('isg-prev-store-');
  noCreds = tempDir('isg-prev-nocreds-');
  work = mkdtempSync(join(tmpdir(), 'isg-prev-'));
  issuer = await startTokenIssuer({ users: USERS });
  open = await startRegistry({ storage });
  basic = await startRegistry({ storage, auth: { kind: 'basic', users: USERS } });
  bearer = await startRegistry({ storage, auth: { kind: 'token', issuer } });
  front = await startPagingFront(open, 20);
  basicFront = await startPagingFront(basic, 20);
  for (const [tag, size] of Object.entries(RELEASES)) {
    await buildImage(local(tag), { 'r.bin': randomBytes(size), Dockerfile: 'FROM scratch\nCOPY r.bin /r.bin\n' });
    await pushImage(local(tag), `${open.host}/app:${tag}`);
  }
  await putManifestTags(open, 'app', 'v1.0.0', ['latest', '1.x', 'main', ...OTHERS]);
}, 600_000);

afterAll(async () => {
  for (const s of [front, basicFront]) await s?.stop();
  for (const r of [open, basic, bearer]) await r?.stop();
  await issuer?.stop();
  await removeImages(...Object.keys(RELEASES).map(local));
  for (const d of [storage, noCreds, work]) if (d) rmSync(d, { recursive: true, force: true });
});

describe('--base-tag previous against a real registry', () => {
  it('holds the tags the cases need, and pages them', async () => {
    const all = (await (await fetch(`${open.url}/v2/app/tags/list`)).json()) as { tags: string[] };
    assert.equal(all.tags.length, 5 + 3 + 150);
    const r = await cli(['compare', '--image', `registry://${front.host}/app:v1.2.0`, '--base-image', `registry://${front.host}/app`, '--base-tag', 'previous', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    // 158 tags at most 20 a page: 8 pages, each after the last tag of the one before
    assert.equal(front.tagRequests.length, 8);
    assert.equal(front.tagRequests[0]!.query, 'n=1000');
    assert.ok(front.tagRequests.slice(1).every((q) => /^n=20&last=[^&]+$/.test(q.query)), JSON.stringify(front.tagRequests));
  });

  it('head v1.2.0 → base v1.1.0 (not v1.2.0-rc.1, not v1.1.9-beta.1)', async () => {
    const r = await cli(['compare', '--image', `registry://${front.host}/app:v1.2.0`, '--base-image', `registry://${front.host}/app`, '--base-tag', 'previous', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const e = json(r.stdout).images[0]!;
    assert.equal(e.base?.ref, `${front.host}/app:v1.1.0`);
    assert.equal(e.base?.resolvedBy, 'previous');
    assert.equal(e.base?.size, RELEASES['v1.1.0']);
    assert.equal(e.head.size, RELEASES['v1.2.0']);
    const text = await cli(['compare', '--image', `registry://${front.host}/app:v1.2.0`, '--base-image', `registry://${front.host}/app`, '--base-tag', 'previous']);
    assert.match(text.stdout.split('\n')[1]!, new RegExp(`^base: ${front.host}/app:v1\\.1\\.0 \\(previous release\\)$`));
    const md = await cli(['compare', '--image', `registry://${front.host}/app:v1.2.0`, '--base-image', `registry://${front.host}/app`, '--base-tag', 'previous', '--format', 'markdown']);
    assert.match(md.stdout, new RegExp(`\\nbase&#58; ${front.host.replace(':', '&#58;')}/app&#58;v1\\.1\\.0 \\(previous release\\)\\n`));
  });

  it('head v1.3.0-rc.2 (a pre-release) → base v1.2.0', async () => {
    const r = await cli(['compare', '--image', `registry://${front.host}/app:v1.3.0-rc.2`, '--base-image', `registry://${front.host}/app`, '--base-tag', 'previous', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const e = json(r.stdout).images[0]!;
    assert.equal(e.base?.ref, `${front.host}/app:v1.2.0`);
    assert.equal(e.base?.size, RELEASES['v1.2.0']);
  });

  it('head v1.0.0 (the first release) → no baseline, one warning, max-size and max-layers still checked', async () => {
    const args = ['compare', '--image', `registry://${front.host}/app:v1.0.0`, '--base-image', `registry://${front.host}/app`, '--base-tag', 'previous', '--format', 'json'];
    const r = await cli([...args, '--max-size', '5kB', '--max-layers', '3']);
    assert.equal(r.code, 1, r.stderr);
    const e = json(r.stdout).images[0]!;
    assert.equal(e.base, null);
    assert.deepEqual(e.budgets.map((b) => [b.id, b.passed]), [['max-size', false], ['max-layers', true]]);
    const warnings = r.stderr.split('\n').filter((l) => /warning/.test(l));
    assert.deepEqual(warnings, [`image-size-guard: warning: no baseline: ${front.host}/app has no release tag below v1.0.0 (158 tags); the head is analysed alone`]);
    assert.equal((await cli([...args, '--max-size', '1MB'])).code, 0);
  });

});

describe('--base-tag previous: other heads, credentials, mistakes, the Action', () => {
  it('a head version from --head-version, for a head that names no tag', async () => {
    const r = await cli(['compare', '--image', `local://${local('v1.2.0')}`, '--head-version', '1.2.0', '--base-image', `registry://${front.host}/app`, '--base-tag', 'previous', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(json(r.stdout).images[0]!.base?.ref, `${front.host}/app:v1.1.0`);
  });

  it('a protected repository: the tags with the credentials of DOCKER_CONFIG (Basic behind the paging front, Bearer tokens)', async () => {
    const args = (host: string) => ['compare', '--image', `registry://${host}/app:v1.2.0`, '--base-image', `registry://${host}/app`, '--base-tag', 'previous', '--format', 'json'];
    const basicCfg = dockerConfigDir({ auths: { [basicFront.host]: { auth: basicAuth('alice', USERS.alice) } } });
    const r = await cli(args(basicFront.host), { DOCKER_CONFIG: basicCfg });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(json(r.stdout).images[0]!.base?.ref, `${basicFront.host}/app:v1.1.0`);
    // asked without credentials first (the registry's challenge says which), then 8 pages with them
    assert.deepEqual(basicFront.tagRequests.map((q) => q.authorization), [false, ...Array(8).fill(true)]);
    const bearerCfg = dockerConfigDir({ auths: { [bearer.host]: { auth: basicAuth('alice', USERS.alice) } } });
    const t = await cli(args(bearer.host), { DOCKER_CONFIG: bearerCfg });
    assert.equal(t.code, 0, t.stderr);
    assert.equal(json(t.stdout).images[0]!.base?.ref, `${bearer.host}/app:v1.1.0`);
    assert.ok(issuer.requests.some((q) => q.user === 'alice' && q.scope === 'repository:app:pull'));
    assertOneLineError(await cli(args(basicFront.host)), /credentials|docker login/);
    for (const d of [basicCfg, bearerCfg]) rmSync(d, { recursive: true, force: true });
  });

  it('a tag list that never ends, and the wrong kinds of base, are one line each (exit 2)', async () => {
    front.loop = true;
    try {
      assertOneLineError(await cli(['compare', '--image', `registry://${front.host}/app:v1.2.0`, '--base-image', `registry://${front.host}/app`, '--base-tag', 'previous']), /tag list does not end \(1 pages\)|tag list does not end/);
    } finally {
      front.loop = false;
    }
    const base = ['--base-tag', 'previous', '--image', `registry://${front.host}/app:v1.2.0`];
    assertOneLineError(await cli(['compare', ...base, '--base-image', `registry://${front.host}/app:v1.0.0`]), /--base-tag previous needs --base-image as registry:\/\/REPOSITORY without a tag/);
    assertOneLineError(await cli(['compare', ...base, '--base-image', `local://${local('v1.0.0')}`]), /without a tag/);
    assertOneLineError(await cli(['compare', '--base-tag', 'previous', '--image', `local://${local('v1.2.0')}`, '--base-image', `registry://${front.host}/app`]), /needs the head's version/);
    assertOneLineError(await cli(['compare', '--base-tag', 'newest', '--image', `registry://${front.host}/app:v1.2.0`, '--base-image', `registry://${front.host}/app`]), /--base-tag: the one value is "previous"/);
    assertOneLineError(await cli(['compare', ...base, '--base-image', `registry://${front.host}/nothing-here`]), /not found in the registry/);
  });

  it('the Action on a tag push: the head version from the pushed tag, the base named in the summary', async () => {
    const event = join(work, 'push.json');
    writeFileSync(event, JSON.stringify({ ref: 'refs/tags/v1.2.0', repository: { default_branch: 'main', fork: false } }));
    const r = await runActionProcess({
      scratch: work,
      inputs: { image: `local://${local('v1.2.0')}`, 'base-image': `registry://${front.host}/app`, 'base-tag': 'previous', name: 'app' },
      env: { GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: event, GITHUB_REF: 'refs/tags/v1.2.0', GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: 'v1.2.0', DOCKER_CONFIG: noCreds },
    });
    assert.equal(r.code, 0, r.log);
    const report = JSON.parse(readFileSync(r.reportFile, 'utf8')) as Report;
    assert.equal(report.images[0]!.base?.ref, `${front.host}/app:v1.1.0`);
    assert.equal(r.outputs['base-size'], String(RELEASES['v1.1.0']));
    assert.match(r.summary, /\nbase&#58; 127\.0\.0\.1&#58;\d+\/app&#58;v1\.1\.0 \(previous release\)\n/);
  });
});
