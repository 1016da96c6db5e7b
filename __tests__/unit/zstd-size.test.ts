// The zstd unit sizes of the compressed-size estimate (image/zstd-size.ts): the fast path through Node's
// private zlib handle gives exactly what zlib.zstdCompressSync gives, it is in use on this Node (it is not
// allowed to stop being used without a test saying so), and when Node's internals are not what it expects,
// it says why and the one-shot function takes over with the same sizes.

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { constants, createZstdCompress, zstdCompressSync } from 'node:zlib';
import { fastPath, NO_ZSTD, reusedContext, VERIFIED_NODE_VERSIONS, zstdSize, ZstdSizer, type ZstdEngineInternals } from '../../src/image/zstd-size.js';
import { mixedData, prng } from '../helpers/mixed-data.js';

const MiB = 1024 * 1024;
const oneShot = (u: Buffer): number => zstdCompressSync(u, { params: { [constants.ZSTD_c_compressionLevel]: 1 }, pledgedSrcSize: u.length }).length;

describe('zstd sizes from one reused context', () => {
  it('equal the one-shot function for every unit of mixed data, in any order, and for odd sizes', () => {
    const data = mixedData(8 * MiB, 7);
    const units: Buffer[] = [];
    for (let off = 0; off < data.length; off += 65536) units.push(data.subarray(off, off + 65536));
    // a unit compressed after a very different one must not carry anything over (each is its own frame)
    const next = prng(3);
    for (let i = units.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [units[i], units[j]] = [units[j] as Buffer, units[i] as Buffer];
    }
    for (const u of units) assert.equal(zstdSize(u), oneShot(u));
    for (const n of [0, 1, 100, 4097, 65535]) assert.equal(zstdSize(data.subarray(3, 3 + n)), oneShot(data.subarray(3, 3 + n)), `${n} bytes`);
  });

  it('a unit whose output needs more than one buffer (incompressible, larger than a unit) is measured whole', () => {
    const random = Buffer.alloc(300_000);
    const next = prng(11);
    for (let i = 0; i < random.length; i++) random[i] = Math.floor(next() * 256);
    assert.equal(zstdSize(random), oneShot(random));
    assert.ok(zstdSize(random) > random.length, 'random bytes do not compress');
  });
});

describe('the fast path, by Node version', () => {
  const listed = VERIFIED_NODE_VERSIONS.includes(process.version);

  it(`is in use on this Node (${process.version}: ${listed ? 'a verified version' : 'not among the verified versions'})`, () => {
    zstdSize(Buffer.from('warm up'));
    const state = fastPath();
    if (typeof zstdCompressSync !== 'function') {
      // no zstd in this Node: byte counts stand in, as documented; there is no fast path to lose
      assert.deepEqual(state, { inUse: false, reason: NO_ZSTD });
      return;
    }
    if (listed) {
      assert.ok(state.inUse, `the fast path was verified on ${process.version} but is not in use: ${state.reason}`);
    } else {
      // an unlisted version passes as long as the fast path works there; it fails only when it fell back
      assert.ok(
        state.inUse,
        `${process.version} is not among the verified versions (${VERIFIED_NODE_VERSIONS.join(', ')}) and the fast path fell back ` +
          `to the one-shot function: ${state.reason}. Adapt image/zstd-size.ts to this Node's zlib internals, or accept the slower estimate here.`,
      );
      assert.equal(state.reason, null);
    }
  });

  it('lists exact versions, the way process.version spells them', () => {
    assert.ok(VERIFIED_NODE_VERSIONS.length > 0);
    for (const v of VERIFIED_NODE_VERSIONS) assert.match(v, /^v\d+\.\d+\.\d+$/);
  });
});

describe('when Node\'s internals are not what the fast path expects, it says why', () => {
  const quiet = { on: () => undefined };

  it('no handle, no write state, a handle that disagrees on the probe, a stream that cannot be made: each a reason, no sizer', () => {
    assert.equal(typeof reusedContext(), 'function', 'the real stream of this Node gives a sizer');
    assert.equal(reusedContext(() => ({ ...quiet })), 'the zstd stream has no _handle.writeSync');
    assert.equal(reusedContext(() => ({ ...quiet, _handle: { writeSync: () => undefined } })), 'the zstd stream has no _writeState of two counters');
    // a handle that "compresses" everything to one byte: the probe catches it
    const state = new Uint32Array(2);
    const wrong = { ...quiet, _writeState: state, _handle: { writeSync: (_f: number, _i: Buffer, _o: number, _n: number, _out: Buffer, _oo: number, outLen: number) => void (state[0] = outLen - 1) } };
    assert.match(String(reusedContext(() => wrong)), /^the reused context disagreed with zstdCompressSync on a \d+-byte probe$/);
    const broken = new ZstdSizer(() => {
      throw new Error('no such constructor');
    });
    assert.deepEqual(broken.fastPath(), { inUse: false, reason: 'setting up the reused context failed: no such constructor' });
    const unit = mixedData(65536, 5);
    assert.equal(broken.size(unit), oneShot(unit), 'the one-shot function measures instead');
  });

  it('a handle that fails after the probe: that unit and every later one measured by the one-shot function, and the reason kept', () => {
    const real = createZstdCompress({ params: { [constants.ZSTD_c_compressionLevel]: 1 } }) as unknown as Required<ZstdEngineInternals>;
    let calls = 0;
    const flaky: ZstdEngineInternals = {
      _writeState: real._writeState,
      on: (event, listener) => real.on(event, listener),
      _handle: {
        writeSync: (...args) => {
          if (++calls > 3) throw new Error('the handle changed'); // the three probes pass
          real._handle.writeSync!.apply(real._handle, args);
        },
      },
    };
    const sizer = new ZstdSizer(() => flaky);
    assert.deepEqual(sizer.fastPath(), { inUse: true, reason: null });
    const units = [mixedData(65536, 1), mixedData(65536, 2)];
    assert.deepEqual(units.map((u) => sizer.size(u)), units.map(oneShot));
    assert.deepEqual(sizer.fastPath(), { inUse: false, reason: 'the reused context failed in use: the handle changed' });
    assert.equal(calls, 4, 'not tried again after it failed');
  });
});
