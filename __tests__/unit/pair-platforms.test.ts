import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { missingEverywhere, pairPlatforms } from '../../src/pipeline/pair-platforms.js';
import { hasPlatform } from '../../src/oci/platform.js';
import { checkPlatformAll } from '../../src/pipeline/compare-image.js';
import type { ImageOptions } from '../../src/pipeline/compare-options.js';
import { parseFailOn } from '../../src/config/fail-on.js';
import { UserError } from '../../src/model/errors.js';

const img = (platform: string, tag = platform) => ({ platform, tag });
const shape = (pairs: ReturnType<typeof pairPlatforms<{ platform: string; tag: string }>>) =>
  pairs.map((p) => [p.platform, p.head?.tag ?? null, p.base?.tag ?? null]);

describe('pairPlatforms', () => {
  it('pairs by platform whatever the order; head order first, then what only the base has', () => {
    const head = [img('linux/arm64', 'h-arm'), img('linux/amd64', 'h-amd'), img('linux/s390x', 'h-s390x')];
    const base = [img('linux/amd64', 'b-amd'), img('linux/riscv64', 'b-riscv'), img('linux/arm64', 'b-arm')];
    assert.deepEqual(shape(pairPlatforms(head, base)), [
      ['linux/arm64', 'h-arm', 'b-arm'],
      ['linux/amd64', 'h-amd', 'b-amd'],
      ['linux/s390x', 'h-s390x', null], // added
      ['linux/riscv64', null, 'b-riscv'], // removed
    ]);
  });

  it('matches default variants (arm64 = arm64/v8, amd64 = amd64/v1) but not different ones', () => {
    const pairs = pairPlatforms([img('linux/arm64/v8', 'h'), img('linux/arm/v7', 'h7')], [img('linux/arm64', 'b'), img('linux/arm/v6', 'b6')]);
    assert.deepEqual(shape(pairs), [
      ['linux/arm64/v8', 'h', 'b'],
      ['linux/arm/v7', 'h7', null],
      ['linux/arm/v6', null, 'b6'],
    ]);
  });

  it('uses each image once, and without a base every platform stands alone', () => {
    assert.deepEqual(shape(pairPlatforms([img('linux/amd64', 'a'), img('linux/amd64', 'b')], [img('linux/amd64', 'x')])), [
      ['linux/amd64', 'a', 'x'],
      ['linux/amd64', 'b', null],
    ]);
    assert.deepEqual(shape(pairPlatforms([img('linux/amd64')], [])), [['linux/amd64', 'linux/amd64', null]]);
  });
});

describe('missingEverywhere and hasPlatform', () => {
  it('names the requested platforms no side has; all never misses', () => {
    const head = [img('linux/amd64')];
    const base = [img('linux/arm64')];
    assert.deepEqual(missingEverywhere(['linux/amd64', 'linux/arm64', 'linux/s390x'], [head, base]), ['linux/s390x']);
    assert.deepEqual(missingEverywhere(['linux/arm64'], [head]), ['linux/arm64']);
    assert.deepEqual(missingEverywhere('all', [[]]), []);
  });

  it('a request without a variant matches that os/arch with any variant; with one, only its own', () => {
    assert.equal(hasPlatform([img('linux/arm/v7')], 'linux/arm'), true);
    assert.equal(hasPlatform([img('linux/arm/v7')], 'linux/arm/v6'), false);
    assert.equal(hasPlatform([img('linux/arm64')], 'linux/arm64/v8'), true);
    assert.equal(hasPlatform([img('linux/amd64')], 'linux/arm64'), false);
  });
});

describe('checkPlatformAll', () => {
  const image = (o: Partial<ImageOptions>): ImageOptions => ({ context: '.', buildArgs: [], budgets: {}, failOn: parseFailOn('budget'), ...o });

  it('"all" needs both sides to be existing images; a built side is refused, naming the image', () => {
    assert.doesNotThrow(() => checkPlatformAll({ baseRef: 'main' }, image({ platform: 'all', image: 'a', baseImage: 'b' })));
    assert.doesNotThrow(() => checkPlatformAll({ baseRef: undefined }, image({ platform: 'all', image: 'a' })), 'no base at all');
    assert.doesNotThrow(() => checkPlatformAll({ baseRef: 'main' }, image({ platform: 'linux/amd64,linux/arm64' })));
    assert.throws(
      () => checkPlatformAll({ baseRef: 'main' }, image({ name: 'api', platform: 'all', image: 'a' })),
      (e: Error) => e instanceof UserError && /^api: platform "all" reads every platform of existing images; the base is built/.test(e.message),
    );
    assert.throws(
      () => checkPlatformAll({ baseRef: undefined }, image({ platform: 'all' })),
      (e: Error) => /^platform "all" .*; the head is built/.test(e.message),
    );
  });
});
