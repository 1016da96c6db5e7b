// When the temporary tags of --load builds are removed (src/buildx/temporary-tags.ts): never while a build of this
// process is loading (another build of the same content would lose the image it is exporting), and which failures
// mean a build lost its image to such a removal.

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { lostItsImage, TemporaryTags } from '../../src/buildx/temporary-tags.js';

/** A build whose end the test decides. */
function controlled(): { promise: Promise<void>; finish: () => void } {
  let finish = (): void => undefined;
  const promise = new Promise<void>((resolve) => (finish = resolve));
  return { promise, finish };
}

describe('TemporaryTags', () => {
  it('a tag released while another build is loading waits until the last build has ended', async () => {
    const removed: string[] = [];
    const tags = new TemporaryTags(async (tag) => void removed.push(tag));
    tags.track('tmp/base:1');
    tags.track('tmp/head:2');
    await tags.build(async () => undefined); // base's build, done
    const head = controlled();
    const headBuild = tags.build(() => head.promise); // head's build: still exporting
    await tags.release('tmp/base:1'); // base read its image
    assert.deepEqual(removed, [], 'not while head builds');
    head.finish();
    await headBuild;
    assert.deepEqual(removed, ['tmp/base:1'], 'once the last build ended');
    assert.deepEqual(tags.pending, ['tmp/head:2'], 'head\'s tag is still in use');
    await tags.release('tmp/head:2');
    assert.deepEqual(removed, ['tmp/base:1', 'tmp/head:2']);
    assert.deepEqual(tags.pending, []);
  });

  it('a failed build releases nothing by itself; a tag released with no build running goes at once', async () => {
    const removed: string[] = [];
    const tags = new TemporaryTags(async (tag) => void removed.push(tag));
    tags.track('tmp/x:1');
    await assert.rejects(tags.build(async () => Promise.reject(new Error('boom'))), /boom/);
    assert.deepEqual(removed, []);
    await tags.release('tmp/x:1');
    assert.deepEqual(removed, ['tmp/x:1']);
  });
});

describe('lostItsImage', () => {
  it('knows the two ways BuildKit reports an image removed under its export, and nothing else', () => {
    assert.equal(lostItsImage('failed to solve: not found'), true);
    assert.equal(
      lostItsImage(`failed to solve: failed to get digest sha256:${'e'.repeat(64)}: open /var/lib/docker/image/overlay2/imagedb/content/sha256/${'e'.repeat(64)}: no such file or directory`),
      true,
    );
    assert.equal(lostItsImage('failed to solve: isg/nope:latest: not found: manifest unknown'), false);
    assert.equal(lostItsImage('failed to solve: process "/bin/sh -c exit 1" did not complete successfully: exit code: 1'), false);
  });
});
