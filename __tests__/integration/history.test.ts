// The size history in the Action (`node dist/index.js` as a child process, real images from dockerd) against
// the fake GitHub's contents and git data APIs (base64, blob SHAs, 409 on a stale SHA, 404 for a missing
// branch): push runs on the default branch append one record each — the first creates the orphan branch, one
// is answered 409 because another run wrote first — a pull request run reads them, shows the trend in its
// comment and summary (the chart rendered by mermaid in headless Chromium: one point per record and the
// PR's) and writes nothing; a fork's pull request writes nothing; a job without `contents: write` warns once
// and loses nothing else.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, it } from '@jest/globals';
import { parseHistory } from '../../src/report/history-codec.js';
import { buildImage, removeImages, requireDocker } from '../helpers/docker.js';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { mermaidBlocks, renderMermaid, withBrowser } from '../helpers/mermaid.js';
import { runActionProcess } from '../helpers/run-action.js';

const SIZES = [100_000, 120_000, 140_000];
const PR_SIZE = 150_000;
const image = (i: number | 'pr'): string => `isg-test/history-${i}:${process.pid}`;
const BRANCH = 'image-size-guard-history';
const FILE = 'web.jsonl';
const sha = (i: number): string => (i + 1).toString(16).repeat(40);

let gh: FakeGitHub;
let work = '';
let n = 0;

function eventFile(event: object): string {
  const path = join(work, `event-${n++}.json`);
  writeFileSync(path, JSON.stringify(event));
  return path;
}

/** A push of commit `i` to `ref`, measuring image `i` (of the three, in turn). */
function push(i: number, ref = 'refs/heads/main', extra: Record<string, string> = {}) {
  const event = eventFile({ ref, repository: { default_branch: 'main', fork: false }, head_commit: { id: sha(i), timestamp: `2026-02-0${i + 1}T09:30:00+01:00` } });
  return runActionProcess({
    scratch: work,
    gh,
    inputs: { image: `local://${image(i % SIZES.length)}`, name: 'web', history: 'true', ...extra },
    env: { GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: event, GITHUB_REF: ref, GITHUB_SHA: sha(i) },
  });
}

function pullRequest(fork = false) {
  const event = eventFile({
    pull_request: { number: 7, base: { sha: sha(2), ref: 'main', repo: { default_branch: 'main' } }, head: { sha: 'f'.repeat(40), repo: { fork } } },
    repository: { default_branch: 'main', fork: false },
  });
  // the base: the default branch's last image (a pull request would otherwise build its base commit)
  const inputs = { image: `local://${image('pr')}`, 'base-image': `local://${image(2)}`, name: 'web', history: 'true' };
  return runActionProcess({ scratch: work, gh, inputs, env: { GITHUB_EVENT_PATH: event } });
}

const records = () => parseHistory(gh.contents.file(BRANCH, FILE) ?? '').records;
const writesDuring = async <T>(fn: () => Promise<T>): Promise<[T, string[]]> => {
  const before = gh.contents.writes.length;
  const result = await fn();
  return [result, gh.contents.writes.slice(before)];
};

beforeAll(async () => {
  await requireDocker();
  work = mkdtempSync(join(tmpdir(), 'isg-history-'));
  for (const [i, size] of SIZES.entries()) await buildImage(image(i), { 'a.bin': randomBytes(size), Dockerfile: 'FROM scratch\nCOPY a.bin /a.bin\n' });
  await buildImage(image('pr'), { 'a.bin': randomBytes(PR_SIZE), Dockerfile: 'FROM scratch\nCOPY a.bin /a.bin\n' });
  gh = await startFakeGitHub({ owner: 'octo', repo: 'app', issue: 7 });
}, 600_000);

afterAll(async () => {
  await gh?.close();
  await removeImages(...SIZES.map((_, i) => image(i)), image('pr'));
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('history in the Action: records', () => {
  beforeAll(() => gh.reset());

  it('push runs on the default branch append one record each (the first makes the orphan branch, one meets a 409)', async () => {
    const first = await push(0);
    assert.equal(first.code, 0, first.log);
    assert.match(first.log, /history: recorded in web\.jsonl on branch image-size-guard-history \(branch created\)/);
    assert.deepEqual(gh.contents.parentsOf(BRANCH), [], 'an orphan branch');

    // another run (a tag push, say) writes between our read and our write: our write names a stale SHA
    const other = { sha: 'e'.repeat(40), ref: 'refs/tags/v9.0.0', date: '2026-02-02T00:00:00.000Z', images: [{ name: 'web', platform: 'linux/amd64', size: 1, compressedSize: null, compressedSizeExact: false, layers: 1 }] };
    gh.contents.beforePut.push(() => gh.contents.putFile(BRANCH, FILE, `${gh.contents.file(BRANCH, FILE)}${JSON.stringify(other)}\n`));
    const second = await push(1);
    assert.equal(second.code, 0, second.log);
    assert.match(second.log, /history: recorded in web\.jsonl on branch image-size-guard-history after 2 attempts/);
    const third = await push(2);
    assert.equal(third.code, 0, third.log);

    const puts = gh.requests.filter((q) => q.method === 'PUT' && q.path.endsWith(`/contents/${FILE}`)).map((q) => q.status);
    assert.deepEqual(puts, [404, 409, 200, 200], 'no branch, stale SHA then the write, a plain write');
    const rs = records();
    assert.deepEqual(rs.map((r) => r.sha), [sha(0), other.sha, sha(1), sha(2)], 'one record per run, the other run\'s kept');
    assert.deepEqual(rs[0], {
      sha: sha(0),
      ref: 'refs/heads/main',
      date: '2026-02-01T08:30:00.000Z',
      images: [{ name: 'web', platform: rs[0]!.images[0]!.platform, size: SIZES[0], compressedSize: rs[0]!.images[0]!.compressedSize, compressedSizeExact: rs[0]!.images[0]!.compressedSizeExact, layers: 1 }],
    });
    assert.match(rs[0]!.images[0]!.platform, /^linux\//);
    assert.deepEqual(rs.map((r) => r.images[0]!.size), [SIZES[0], 1, SIZES[1], SIZES[2]]);
    assert.equal(gh.comments.length, 0, 'a push has no pull request to comment on');
  });

});

// after the records above (the suite runs in order)
describe('history in the Action: reads and refusals', () => {
  it('a pull request reads them: the trend in comment and summary, its point last, nothing written', async () => {
    const [r, writes] = await writesDuring(() => pullRequest());
    assert.equal(r.code, 0, r.log);
    assert.deepEqual(writes, []);
    const body = gh.comments[0]!.body;
    assert.equal(r.summary.trim(), body.trim());
    assert.match(body, /\*\*Trend&#58; image sizes on main over the last 3 merges, then this PR\*\*\n\nweb&#58; 100 kB → 140 kB over 3 merges, this PR 150 kB ▁▄▇█\n/);
    assert.ok(body.indexOf('Trend') < body.indexOf('\n---\n<sub>'), 'the section comes before the footer');
    assert.match(r.log, /\nTrend \(on main\)\n {2}web: 100 kB → 140 kB over 3 merges, this PR 150 kB ▁▄▇█\n/);
    const [chart] = mermaidBlocks(body);
    assert.ok(chart);
    const drawn = await withBrowser((b) => renderMermaid(b, chart));
    assert.equal(drawn.title, 'web');
    assert.deepEqual(drawn.labels.map((l) => l.text), [sha(0), sha(1), sha(2)].map((s) => s.slice(0, 7)).concat('PR #7'), 'the tag push is not a merge');
    assert.equal(drawn.lines.length, 1);
    const points = drawn.lines[0]!;
    assert.equal(points.length, 4, 'one point per record plus the PR\'s');
    points.forEach((p, i) => assert.ok(Math.abs(p.y - drawn.labels[i]!.y) < 1, `point ${i} on its row`));
    assert.ok(points.every((p, i) => i === 0 || p.x > points[i - 1]!.x), 'sizes grow, so the line moves right');
    assert.deepEqual(drawn.foreign, []);
  });

  it("a fork's pull request (read-only token) writes nothing, and still shows the trend in the summary", async () => {
    gh.mode = 'forbidden';
    gh.contents.access = 'read';
    try {
      const [r, writes] = await writesDuring(() => pullRequest(true));
      assert.equal(r.code, 0, r.log);
      assert.deepEqual(writes, []);
      assert.match(r.summary, /web&#58; 100 kB → 140 kB over 3 merges, this PR 150 kB/);
      assert.match(r.log, /cannot comment on the pull request/);
    } finally {
      gh.mode = 'ok';
      gh.contents.access = 'write';
    }
  });

  it('a push without contents: write warns once; report, outputs and summary are whole', async () => {
    gh.contents.access = 'read';
    try {
      const before = records().length;
      const r = await push(3); // a new commit (the same one again would find its record there already)
      assert.equal(r.code, 0, r.log);
      const warnings = r.log.split('\n').filter((l) => l.startsWith('::warning::'));
      assert.equal(warnings.length, 1, r.log);
      assert.match(warnings[0]!, /history: this run's record was not saved to branch image-size-guard-history: the token may not write to the repository: give the job `permissions: contents: write` \(HTTP 403: Resource not accessible by integration/);
      assert.equal(records().length, before);
      assert.equal(r.outputs.size, String(SIZES[0]));
      assert.ok(existsSync(r.reportFile));
      assert.match(r.summary, /### 🐳 web/);
    } finally {
      gh.contents.access = 'write';
    }
  });

  it('a push to another branch, or with history off, leaves the history alone', async () => {
    const [feature, w1] = await writesDuring(() => push(0, 'refs/heads/feature'));
    assert.equal(feature.code, 0, feature.log);
    assert.deepEqual(w1, []);
    assert.match(feature.log, /history: a push to refs\/heads\/feature does not record \(the default branch and tags do\)/);
    const [off, w2] = await writesDuring(() => push(0, 'refs/heads/main', { history: 'false' }));
    assert.equal(off.code, 0, off.log);
    assert.deepEqual(w2, []);
    assert.doesNotMatch(off.log, /history:/);
  });
});

describe('history branch faults', () => {
  beforeEach(() => gh.reset());

  it('a malformed line in the history is a warning naming it; the rest makes the trend', async () => {
    gh.contents.putFile(BRANCH, FILE, `${JSON.stringify({ sha: sha(0), ref: 'refs/heads/main', date: '2026-02-01T00:00:00Z', images: [{ name: 'web', platform: 'linux/amd64', size: 100_000, compressedSize: null, compressedSizeExact: false, layers: 1 }] })}\n{oops\n`);
    const r = await pullRequest();
    assert.equal(r.code, 0, r.log);
    assert.match(r.log, /::warning::image-size-guard: history: web\.jsonl line 2: not JSON: the line is skipped/);
    assert.match(gh.comments[0]!.body, /web&#58; 100 kB → 100 kB over 1 merge, this PR 150 kB ▁█/);
  });

  it('no history yet: no trend section, a note in the log', async () => {
    const r = await pullRequest();
    assert.equal(r.code, 0, r.log);
    assert.doesNotMatch(gh.comments[0]!.body, /Trend/);
    assert.match(r.log, /history: no web\.jsonl on branch image-size-guard-history yet/);
  });
});
