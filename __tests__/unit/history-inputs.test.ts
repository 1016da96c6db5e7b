// What an event does with the history: pushes to the default branch and tag pushes record, pull requests
// show the trend, and nothing else writes — not a fork, not a workflow_run, not a push to another branch.

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from '@jest/globals';
import { readHistoryInputs } from '../../src/config/history-inputs.js';
import { readActionInputs } from '../../src/config/action-inputs.js';

const dir = mkdtempSync(join(tmpdir(), 'isg-history-inputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

function run(name: string, ref: string, event: object, inputs: Record<string, string> = { history: 'true' }) {
  const path = join(dir, `event-${n++}.json`);
  writeFileSync(path, JSON.stringify(event));
  const env = { GITHUB_EVENT_NAME: name, GITHUB_EVENT_PATH: path, GITHUB_REF: ref, GITHUB_SHA: 'c'.repeat(40) };
  const problems: string[] = [];
  const h = readHistoryInputs((k) => inputs[k] ?? '', env, problems);
  return { h, problems };
}

const repo = { repository: { default_branch: 'main', fork: false } };

describe('history inputs', () => {
  it('a push to the default branch records, with the commit date from the event (in UTC)', () => {
    const { h } = run('push', 'refs/heads/main', { ...repo, head_commit: { timestamp: '2026-03-01T12:00:00+02:00' } });
    assert.deepEqual(h, {
      branch: 'image-size-guard-history', mode: 'record', defaultRef: 'refs/heads/main', reason: '',
      commit: { sha: 'c'.repeat(40), ref: 'refs/heads/main', date: '2026-03-01T10:00:00.000Z' },
    });
  });

  it('a tag push records; a push to another branch, in a fork, or another event does not', () => {
    assert.equal(run('push', 'refs/tags/v1.2.0', repo).h?.mode, 'record');
    assert.equal(run('push', 'refs/tags/v1.2.0', repo).h?.commit?.date, null);
    assert.equal(run('push', 'refs/heads/feature', repo).h?.mode, 'none');
    assert.match(run('push', 'refs/heads/main', { repository: { default_branch: 'main', fork: true } }).h!.reason, /fork/);
    for (const name of ['workflow_run', 'schedule', 'workflow_dispatch', 'merge_group']) assert.equal(run(name, 'refs/heads/main', repo).h?.mode, 'none', name);
  });

  it('pull requests (also pull_request_target) read the trend of the default branch', () => {
    const pr = { pull_request: { number: 7, base: { sha: 'b'.repeat(40), ref: 'main', repo: { default_branch: 'trunk' } } } };
    assert.deepEqual(run('pull_request', 'refs/pull/7/merge', pr).h, { branch: 'image-size-guard-history', mode: 'trend', defaultRef: 'refs/heads/trunk', commit: null, reason: '' });
    assert.equal(run('pull_request_target', 'refs/heads/main', { ...pr, ...repo }).h?.mode, 'trend');
  });

  it('off by default; mistakes are one line each', () => {
    assert.equal(run('push', 'refs/heads/main', repo, {}).h, null);
    const bad = run('push', 'refs/heads/main', repo, { history: 'yes', 'history-branch': '../x' });
    assert.deepEqual(bad.problems, ['history: must be true or false (got "yes")', 'history-branch: "../x" is not a branch name git accepts']);
    for (const b of ['a..b', '-x', 'x/', 'x.lock', 'a b', 'x//y']) assert.equal(run('push', 'refs/heads/main', repo, { history: 'true', 'history-branch': b }).problems.length, 1, b);
    assert.equal(run('push', 'refs/heads/main', repo, { history: 'true', 'history-branch': 'metrics/image-sizes' }).h?.branch, 'metrics/image-sizes');
  });

  it('the Action reads them with its other inputs, and base-tag with them', () => {
    const path = join(dir, 'push.json');
    writeFileSync(path, JSON.stringify(repo));
    const env = {
      GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: path, GITHUB_REF: 'refs/tags/v1.2.0', GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: 'v1.2.0', GITHUB_REPOSITORY: 'octo/app',
      INPUT_HISTORY: 'true', 'INPUT_BASE-IMAGE': 'registry://ghcr.io/octo/app', 'INPUT_BASE-TAG': 'previous',
    };
    const cfg = readActionInputs(env);
    assert.equal(cfg.history?.mode, 'record');
    assert.equal(cfg.images[0]!.baseTag, 'previous');
    assert.equal(cfg.images[0]!.headVersion, 'v1.2.0');
    assert.throws(() => readActionInputs({ ...env, 'INPUT_BASE-IMAGE': 'registry://ghcr.io/octo/app:v1', INPUT_HISTORY: 'maybe' }), (e: unknown) => /2 input errors: base-tag previous needs base-image as registry:\/\/REPOSITORY without a tag.*; history: must be true or false/.test((e as Error).message));
  });
});
