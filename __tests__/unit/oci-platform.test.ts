import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { OciError } from '../../src/oci/errors.js';
import type { Descriptor } from '../../src/oci/manifest.js';
import { choosePlatforms, isAttestation, parsePlatformRequest } from '../../src/oci/platform.js';

const d = (n: number, os: string, architecture: string, variant?: string, annotations?: Record<string, string>): Descriptor => ({
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  digest: 'sha256:' + String(n).repeat(64).slice(0, 64),
  size: 500,
  platform: { os, architecture, ...(variant ? { variant } : {}) },
  ...(annotations ? { annotations } : {}),
});

// What `buildx build --platform linux/amd64,linux/arm64 --provenance` pushes: two images, two attestations.
const index = [
  d(1, 'linux', 'amd64'),
  d(2, 'linux', 'arm64', 'v8'),
  d(3, 'unknown', 'unknown', undefined, { 'vnd.docker.reference.type': 'attestation-manifest', 'vnd.docker.reference.digest': 'sha256:' + '1'.repeat(64) }),
  d(4, 'unknown', 'unknown', undefined, { 'vnd.docker.reference.type': 'attestation-manifest' }),
  d(5, 'linux', 'arm', 'v7'),
];
const platforms = (c: ReturnType<typeof choosePlatforms>): string[] => c.chosen.map((x) => x.platform);

describe('platform selection from an index', () => {
  it('skips attestation manifests (unknown/unknown, vnd.docker.reference.type)', () => {
    assert.deepEqual(index.map(isAttestation), [false, false, true, true, false]);
    assert.equal(isAttestation({ ...d(6, 'linux', 'amd64'), annotations: { 'vnd.docker.reference.type': 'attestation-manifest' } }), true);
    assert.deepEqual(platforms(choosePlatforms(index, 'all')), ['linux/amd64', 'linux/arm64/v8', 'linux/arm/v7']);
  });

  it('picks the host platform by default, else the only image', () => {
    assert.deepEqual(platforms(choosePlatforms(index, undefined, 'linux/arm64')), ['linux/arm64/v8']);
    assert.deepEqual(platforms(choosePlatforms([index[4] as Descriptor, index[2] as Descriptor], undefined, 'linux/amd64')), ['linux/arm/v7']);
    const none = choosePlatforms([index[1] as Descriptor, index[4] as Descriptor], undefined, 'linux/amd64');
    assert.deepEqual(none.chosen, []);
    assert.deepEqual(none.missing, ['linux/amd64']);
  });

  it('takes a list in index order, reports what is missing, matches arm64 with v8 and arm with its one variant', () => {
    const c = choosePlatforms(index, ['linux/arm64', 'linux/s390x', 'linux/amd64', 'linux/arm']);
    assert.deepEqual(platforms(c), ['linux/amd64', 'linux/arm64/v8', 'linux/arm/v7']);
    assert.deepEqual(c.missing, ['linux/s390x']);
    assert.deepEqual(c.available, ['linux/amd64', 'linux/arm64/v8', 'linux/arm/v7']);
    assert.deepEqual(platforms(choosePlatforms(index, ['linux/arm/v6'])), []);
  });

  it('lists an image twice in the index only once', () => {
    assert.deepEqual(platforms(choosePlatforms([index[0] as Descriptor, index[0] as Descriptor], 'all')), ['linux/amd64']);
  });

  it('parses --platform: one, a comma list, all, or nothing', () => {
    assert.equal(parsePlatformRequest(undefined), undefined);
    assert.equal(parsePlatformRequest(' '), undefined);
    assert.equal(parsePlatformRequest('ALL'), 'all');
    assert.deepEqual(parsePlatformRequest('linux/amd64'), ['linux/amd64']);
    assert.deepEqual(parsePlatformRequest('linux/amd64, linux/arm64/v8,linux/amd64'), ['linux/amd64', 'linux/arm64/v8']);
    assert.throws(() => parsePlatformRequest('linux'), OciError);
    assert.throws(() => parsePlatformRequest('linux/amd64,../x'), OciError);
  });
});
