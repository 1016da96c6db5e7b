// Two runs on one engine at once must not break each other. Two clones of one repository (three images with the
// same Dockerfile and context FROM isg/busybox, built at base and head: every build of a run, and of the other
// run, makes the same image) are compared at the same time, ten times. On the classic store each build loads its
// image under a temporary tag and removes the tag; the image went with it, also while another build of the same
// image was still exporting it ("failed to solve: … not found"; why and what changed: src/buildx/temporary-tags.ts).
// The bundled dist/ runs as child processes.

import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import type { ComparedReport as Report } from '../helpers/report.js';
import { docker, requireDocker, runDistCli } from '../helpers/docker.js';
import { makeRepo } from '../helpers/git-repo.js';

const CONFIG = 'images:\n  - name: one\n    context: app\n  - name: two\n    context: app\n  - name: three\n    context: app\n';
const repos: string[] = [];

beforeAll(async () => {
  await requireDocker();
  const files = {
    'app/Dockerfile': 'FROM isg/busybox:latest\nCOPY data.txt /srv/data.txt\nCOPY more.bin /srv/more.bin\n',
    'app/data.txt': 'd'.repeat(20_000),
    'app/more.bin': randomBytes(30_000),
    '.github/image-size-guard.yml': CONFIG,
  };
  // the pull request changes none of the images: base and head are the same image
  for (let i = 0; i < 2; i++) repos.push(makeRepo([files, { 'README.md': 'a change outside the images\n' }]));
});

afterAll(() => {
  for (const dir of repos) rmSync(dir, { recursive: true, force: true });
});

/** The temporary tags on the engine now (another job sharing the engine may have its own: compare sets, before and after). */
async function tmpTags(): Promise<Set<string>> {
  const out = await docker(['images', '--filter', 'reference=image-size-guard-tmp/*', '--format', '{{.Repository}}:{{.Tag}}']);
  return new Set(out.split('\n').map((l) => l.trim()).filter(Boolean));
}

/** The tags in `after` that were not in `before`: what these runs left behind. */
const leftBehind = (before: Set<string>, after: Set<string>): string[] => [...after].filter((t) => !before.has(t));

/**
 * The product rebuilds, once, a build that lost its image to a removal: the only remedy across two runs (two
 * processes know nothing of each other). Within one run the builds do not race at all, so one run never needs it.
 */
const RETRIED = /build lost its image to a removal/;

describe('two runs at once on one engine', () => {
  it('two compares of the same images, ten times at once: both succeed every time', async () => {
    const run = (dir: string) => runDistCli(['compare', '--base', 'c0', '--always-build', '--no-cache', '--format', 'json'], { cwd: dir });
    const before = await tmpTags();
    for (let round = 1; round <= 10; round++) {
      const results = await Promise.all(repos.map(run));
      for (const [i, r] of results.entries()) {
        assert.equal(r.code, 0, `round ${round}, run ${i + 1}: ${r.stderr.slice(-1500)}`);
        const report = JSON.parse(r.stdout) as Report;
        assert.deepEqual(report.images.map((e) => [e.name, e.diff?.sizeDelta]), [['one', 0], ['two', 0], ['three', 0]]);
      }
    }
    assert.deepEqual(leftBehind(before, await tmpTags()), [], 'every temporary tag is removed');
  });

  it('base and head of an unchanged image are one image, built twice at once by one run: the same id, both read', async () => {
    const before = await tmpTags();
    const r = await runDistCli(['compare', '--base', 'c0', '--always-build', '--no-cache', '--format', 'json'], { cwd: repos[0] });
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stderr, RETRIED);
    for (const e of (JSON.parse(r.stdout) as Report).images) {
      assert.equal(e.head.id, e.base!.id, `${e.name}: the same image`);
      assert.deepEqual(e.head.layers.map((l) => l.diffId), e.base!.layers.map((l) => l.diffId));
    }
    assert.deepEqual(leftBehind(before, await tmpTags()), [], 'every temporary tag is removed');
  });
});
