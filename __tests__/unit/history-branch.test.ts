// The history branch through the fake GitHub's contents and git data APIs (modelled on GitHub's: base64,
// blob SHAs, 409 on a stale SHA, 422 without one, 404 for a missing branch, files past 1 MB only as blobs):
// the branch is created as an orphan, a record is appended once however the writes go, and nothing is
// ever force-pushed (every commit's parent is the one before).

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { appendHistory, historyFileName, HistoryConflictError, readHistoryFile, type HistoryPlace } from '../../src/github/history-branch.js';
import type { GitHubClient } from '../../src/github/octokit.js';
import type { HistoryRecord } from '../../src/model/history.js';
import { parseHistory } from '../../src/report/history-codec.js';
import type { FakeGitHub } from '../helpers/fake-github.js';
import { fakeGitHubPerBlock } from '../helpers/fake-github-suite.js';

const at: HistoryPlace = { owner: 'octo', repo: 'app', branch: 'image-size-guard-history', path: 'web.jsonl' };

function record(n: number, size = 1000 + n): HistoryRecord {
  const sha = n.toString(16).padStart(40, 'a');
  return { sha, ref: 'refs/heads/main', date: new Date(Date.UTC(2026, 0, 1 + n)).toISOString(), images: [{ name: 'web', platform: 'linux/amd64', size, compressedSize: null, compressedSizeExact: true, layers: 2 }] };
}

const shas = (text: string | null): string[] => parseHistory(text ?? '').records.map((r) => r.sha);

let gh: FakeGitHub;
let octokit: GitHubClient;
const ready = (g: FakeGitHub, o: GitHubClient): void => {
  gh = g;
  octokit = o;
};

describe('history branch: writes', () => {
  fakeGitHubPerBlock(ready);

  it('a missing branch reads as no history; the first record creates it as an orphan through the git data API', async () => {
    assert.equal(await readHistoryFile(octokit, at), null);
    const r = await appendHistory(octokit, at, record(1), 'first');
    assert.deepEqual(r, { result: 'created-branch', attempts: 1 });
    assert.deepEqual(gh.contents.parentsOf(at.branch), [], 'an orphan: its commit has no parent');
    assert.deepEqual(shas(gh.contents.file(at.branch, at.path)), [record(1).sha]);
    assert.equal(gh.contents.file(at.branch, 'README.md'), null, 'nothing of main in it');
    assert.deepEqual(gh.contents.writes, ['PUT contents/web.jsonl', 'POST git/blobs', 'POST git/trees', 'POST git/commits', 'POST git/refs']);
  });

  it('appends with the blob SHA it read; each write is a commit on top of the last (no force push)', async () => {
    await appendHistory(octokit, at, record(1), 'one');
    const first = gh.contents.parentsOf(at.branch);
    const r = await appendHistory(octokit, at, record(2), 'two');
    assert.deepEqual(r, { result: 'updated', attempts: 1 });
    assert.deepEqual(shas(gh.contents.file(at.branch, at.path)), [record(1).sha, record(2).sha]);
    assert.equal(gh.contents.parentsOf(at.branch)!.length, 1);
    assert.notDeepEqual(gh.contents.parentsOf(at.branch), first);
  });

  it('a write in between (409 on the stale SHA): reads again, appends again, one record each', async () => {
    await appendHistory(octokit, at, record(1), 'one');
    gh.contents.beforePut.push(() => gh.contents.putFile(at.branch, at.path, `${gh.contents.file(at.branch, at.path)}${JSON.stringify(record(9))}\n`));
    const r = await appendHistory(octokit, at, record(2), 'two');
    assert.deepEqual(r, { result: 'updated', attempts: 2 });
    const puts = gh.requests.filter((q) => q.method === 'PUT');
    assert.deepEqual(puts.map((q) => q.status), [404, 409, 200], "the branch made by the first record, then a stale SHA, then the write");
    assert.deepEqual(shas(gh.contents.file(at.branch, at.path)), [record(1).sha, record(9).sha, record(2).sha]);
  });

  it('the file created by another run since we read (422: no SHA supplied) is read again', async () => {
    await appendHistory(octokit, at, record(1), 'make the branch');
    const other = 'other.jsonl';
    gh.contents.beforePut.push(() => gh.contents.putFile(at.branch, other, `${JSON.stringify(record(5))}\n`));
    const r = await appendHistory(octokit, { ...at, path: other }, record(6), 'mine');
    assert.equal(r.attempts, 2);
    assert.equal(gh.requests.filter((q) => q.method === 'PUT').at(-2)?.status, 422);
    assert.deepEqual(shas(gh.contents.file(at.branch, other)), [record(5).sha, record(6).sha]);
  });

  it('a write that landed but was answered 502 is not written twice', async () => {
    await appendHistory(octokit, at, record(1), 'one');
    gh.contents.writeThen502 = 1;
    const r = await appendHistory(octokit, at, record(2), 'two');
    assert.deepEqual(r, { result: 'present', attempts: 2 });
    assert.deepEqual(shas(gh.contents.file(at.branch, at.path)), [record(1).sha, record(2).sha]);
  });

  it('gives up after five conflicts with one error', async () => {
    await appendHistory(octokit, at, record(1), 'one');
    for (let i = 0; i < 5; i++) gh.contents.beforePut.push(() => gh.contents.putFile(at.branch, at.path, `${gh.contents.file(at.branch, at.path)}${JSON.stringify(record(20 + i))}\n`));
    await assert.rejects(appendHistory(octokit, at, record(2), 'two'), (e: unknown) => e instanceof HistoryConflictError && /5 attempts/.test(e.message));
    assert.equal(shas(gh.contents.file(at.branch, at.path)).includes(record(2).sha), false);
  });

});

describe('history branch: reads, permissions, names', () => {
  fakeGitHubPerBlock(ready);

  it('a file past 1 MB is read through its git blob (the contents API sends no content then)', async () => {
    const big = Array.from({ length: 6000 }, (_, i) => JSON.stringify(record(i, 10_000 + i))).join('\n') + '\n';
    assert.ok(big.length > 1_000_000);
    gh.contents.putFile(at.branch, at.path, big);
    const file = await readHistoryFile(octokit, at);
    assert.equal(file?.text, big);
    assert.ok(gh.requests.some((q) => /\/git\/blobs\/[0-9a-f]{40}$/.test(q.path)), 'read as a blob');
  });

  it('a branch rule refusing the write (409 too) is not taken for a conflict: no five attempts, one error', async () => {
    await appendHistory(octokit, at, record(1), 'one');
    gh.overrides.push({ match: (m, p) => m === 'PUT' && p.includes('/contents/'), status: 409, body: { message: 'Repository rule violations found\n\nChanges must be made through a pull request.', status: '409' } });
    await assert.rejects(appendHistory(octokit, at, record(2), 'two'), (e: unknown) => (e as { status?: number }).status === 409 && !(e instanceof HistoryConflictError));
    assert.equal(gh.requests.filter((q) => q.method === 'PUT').length, 2, 'the first record\'s PUT and the refused one');
  });

  it('a read-only token reads, and its write is refused with 403 (the caller warns)', async () => {
    await appendHistory(octokit, at, record(1), 'one');
    gh.contents.access = 'read';
    assert.deepEqual(shas((await readHistoryFile(octokit, at))!.text), [record(1).sha]);
    await assert.rejects(appendHistory(octokit, at, record(2), 'two'), (e: unknown) => (e as { status?: number }).status === 403);
    assert.deepEqual(shas(gh.contents.file(at.branch, at.path)), [record(1).sha]);
  });

  it('one file per comment key, named safely', () => {
    assert.equal(historyFileName('web'), 'web.jsonl');
    assert.match(historyFileName('image size/image-size'), /^image-size-image-size-[0-9a-f]{8}\.jsonl$/);
    assert.notEqual(historyFileName('a b'), historyFileName('a/b'));
    assert.match(historyFileName('../../etc'), /^etc-[0-9a-f]{8}\.jsonl$/);
  });
});
