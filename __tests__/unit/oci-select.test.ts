// Which image of a layout or an archive a read picks (src/oci/select-image.ts): a ref names one; several images
// and no ref is an error listing their names (ten at most); one image's platforms are chosen as a registry's are.

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { DigestVerifier, digestOf, isDigest } from '../../src/oci/digest.js';
import { OciError } from '../../src/oci/errors.js';
import { parseManifest } from '../../src/oci/manifest.js';
import { selectImages, type Candidate } from '../../src/oci/select-image.js';

const image = (group: string, platform = 'linux/amd64', n = group): Candidate => ({ platform, refs: group ? [group] : [], group, digest: `sha256:${n.padEnd(64, '0').slice(0, 64)}` });
const opts = { request: undefined, host: 'linux/amd64', what: 'the OCI layout "l"', pick: 'oci-dir://l:REF' } as const;
const picked = (c: { chosen: Candidate[] }): string[] => c.chosen.map((x) => `${x.group} ${x.platform}`);

describe('selectImages', () => {
  it('several images and no ref: one line naming them (sorted, whatever the archive\'s order) and how to pick one', () => {
    assert.throws(() => selectImages([image('v2'), image('base'), image('v1')], opts), (e: Error) =>
      e instanceof OciError && e.message === 'the OCI layout "l" holds 3 images (base, v1, v2): name one as oci-dir://l:REF');
  });

  it('lists at most ten names, then how many more', () => {
    const many = Array.from({ length: 13 }, (_, i) => image(`t${12 - i}`));
    assert.throws(() => selectImages(many, opts), /holds 13 images \(t0, t1, t2, t3, t4, t5, t6, t7, t8, t9 and 3 more\)/);
  });

  it('a ref picks its image; a ref it lacks is named with what it has', () => {
    assert.deepEqual(picked(selectImages([image('base'), image('v1'), image('v2')], { ...opts, ref: 'v1' })), ['v1 linux/amd64']);
    assert.throws(() => selectImages([image('base'), image('v1')], { ...opts, ref: 'v9' }), /has no image named "v9" \(it has: base, v1\)/);
  });

  it('one image with several platforms is one image: the request (else the host) chooses', () => {
    const multi = [image('app', 'linux/amd64', 'a'), image('app', 'linux/arm64/v8', 'b')];
    assert.deepEqual(picked(selectImages(multi, opts)), ['app linux/amd64']);
    assert.deepEqual(picked(selectImages(multi, { ...opts, request: ['linux/arm64'] })), ['app linux/arm64/v8']);
    assert.deepEqual(picked(selectImages(multi, { ...opts, request: 'all' })), ['app linux/amd64', 'app linux/arm64/v8']);
  });

  it('several images of which only one has the platform asked for: that one (docker save of one image per platform)', () => {
    const split = [image('app:amd64', 'linux/amd64'), image('app:arm64', 'linux/arm64')];
    assert.deepEqual(picked(selectImages(split, { ...opts, request: ['linux/arm64'] })), ['app:arm64 linux/arm64']);
    assert.throws(() => selectImages(split, { ...opts, request: 'all' }), /holds 2 images/);
  });

  it('unnamed images of one platform that nothing tells apart: an error, never a silent pick', () => {
    assert.throws(() => selectImages([image('', 'linux/amd64', 'a'), image('', 'linux/amd64', 'b')], opts), /holds 2 images for linux\/amd64 that no ref tells apart/);
  });
});

describe('descriptors, strictly', () => {
  const manifest = (layer: object): Buffer => Buffer.from(JSON.stringify({ schemaVersion: 2, config: { mediaType: 'x', digest: `sha256:${'a'.repeat(64)}`, size: 2 }, layers: [layer] }));
  it('a malformed digest or size is refused in one line', () => {
    assert.throws(() => parseManifest(manifest({ digest: 'sha256:xyz', size: 1 }), undefined, 'the archive'), /malformed digest "sha256:xyz"/);
    assert.throws(() => parseManifest(manifest({ digest: `sha256:${'b'.repeat(64)}`, size: -1 }), undefined, 'the archive'), /an invalid size/);
    assert.throws(() => parseManifest(Buffer.from('{"schemaVersion":1}'), undefined, 'the archive'), /schema 1/);
  });
});

describe('digests', () => {
  it('one verifier for sha256 and sha512, as the digest says', () => {
    const data = Buffer.from('hello');
    const sha256 = digestOf(data);
    assert.equal(sha256, 'sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
    assert.ok(new DigestVerifier(sha256).update(Buffer.from('hel')).update(Buffer.from('lo')).matches());
    const sha512 = digestOf(data, 'sha512:');
    assert.ok(isDigest(sha512) && sha512.length === 7 + 128);
    assert.equal(new DigestVerifier(sha512).update(Buffer.from('hellO')).matches(), false);
    assert.equal(isDigest('sha256:ABC'), false);
  });
});
