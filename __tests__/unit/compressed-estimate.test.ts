import assert from 'node:assert/strict';
import { beforeAll, describe, it } from '@jest/globals';
import { gzipSync } from 'node:zlib';
import { isSampled, startGzipEstimate, strideFor } from '../../src/image/compressed-estimate.js';
import { mixedData, prng } from '../helpers/mixed-data.js';

const MiB = 1024 * 1024;

/** Feeds `data` to a fresh estimator in writes of the sizes `sizes()` returns, honouring backpressure. */
async function estimate(data: Buffer, sizes: () => number = () => data.length): Promise<number> {
  const est = startGzipEstimate(data.length);
  let off = 0;
  while (off < data.length) {
    const n = Math.max(1, Math.min(sizes(), data.length - off));
    // a fresh copy that is then overwritten: the estimator must not keep references to the caller's buffers
    const chunk = Buffer.from(data.subarray(off, off + n));
    const more = est.write(chunk);
    chunk.fill(0xa5);
    if (!more) await est.ready();
    off += n;
  }
  est.end();
  return est.result;
}

const gzip6 = (data: Buffer): number => gzipSync(data, { level: 6 }).length;

describe('compressed-size estimate: small inputs are compressed whole', () => {
  it('an empty input is the size of an empty gzip stream', async () => {
    assert.equal(await estimate(Buffer.alloc(0)), gzip6(Buffer.alloc(0)));
  });

  it('equals gzip -6 of the whole input up to 2 MiB, however it is written', async () => {
    const data = mixedData(2 * MiB, 7);
    for (const len of [1, 1000, 300 * 1024, 2 * MiB]) {
      const part = data.subarray(0, len);
      assert.equal(await estimate(part), gzip6(part), `${len} bytes, one write`);
      const rand = prng(len);
      assert.equal(await estimate(part, () => 1 + Math.floor(rand() * 70_000)), gzip6(part), `${len} bytes, odd writes`);
    }
  });
});

describe('compressed-size estimate: large inputs are sampled', () => {
  let data: Buffer;
  let real: number;
  beforeAll(() => {
    data = mixedData(16 * MiB, 42);
    real = gzip6(data);
  });

  it('the mixed test data really is mixed (so the next checks mean something)', () => {
    const ratio = real / data.length;
    assert.ok(ratio > 0.25 && ratio < 0.75, `gzip ratio ${ratio.toFixed(3)}`);
    assert.ok(data.length >= 8 * 2 * MiB, 'well above the whole-compression limit (2 MiB)');
  });

  it('selects one unit per run of the stride, at varying positions; smaller layers get shorter strides', () => {
    assert.equal(strideFor(2 * MiB + 1), 1);
    assert.equal(strideFor(16 * MiB), 4);
    assert.equal(strideFor(1024 * MiB), 16);
    for (const stride of [1, 2, 8, 32]) {
      for (const salt of [0, 0x5bd1e995]) {
        let sampled = 0;
        for (let k = 0; k < stride * 100; k++) if (isSampled(k, stride, salt)) sampled++;
        assert.equal(sampled, 100, `one per run of ${stride}`);
      }
    }
    const positions = new Set<number>();
    for (let run = 0; run < 100; run++) for (let j = 0; j < 32; j++) if (isSampled(run * 32 + j, 32)) positions.add(j);
    assert.ok(positions.size > 20, `sample positions vary between runs (${positions.size} distinct)`);
    let same = 0;
    for (let k = 0; k < 3200; k++) if (isSampled(k, 32) && isSampled(k, 32, 0x5bd1e995)) same++;
    assert.ok(same < 20, `a salt moves the positions (${same} of 100 in common)`);
  });

  it('is within 3% of gzip -6', async () => {
    const e = await estimate(data, () => 256 * 1024);
    const err = e / real - 1;
    assert.ok(Math.abs(err) < 0.03, `estimate ${e} vs gzip -6 ${real}: ${(err * 100).toFixed(2)}%`);
  });

  it('is within 3% of gzip -6 on other mixes too', async () => {
    for (const seed of [1, 2, 3, 4]) {
      const d = mixedData(8 * MiB, seed);
      const r = gzip6(d);
      const e = await estimate(d);
      assert.ok(Math.abs(e / r - 1) < 0.03, `seed ${seed}: estimate ${e} vs gzip -6 ${r}`);
    }
  });

  it('is within 2% of gzip -6 on mostly compressed content (hardly compressible units, gzipped by a piece each)', async () => {
    const rand = prng(77);
    const parts: Buffer[] = [];
    let n = 0;
    while (n < 12 * MiB) {
      // like the .gz, .jar and .png files of a layer, with some plain files between them
      const text = mixedData(128 * 1024, 1 + Math.floor(rand() * 1e6));
      const part = rand() < 0.8 ? gzipSync(text, { level: 9 }) : text.subarray(0, 16 * 1024);
      parts.push(part);
      n += part.length;
    }
    const d = Buffer.concat(parts);
    const r = gzip6(d);
    assert.ok(r / d.length > 0.85, `mostly incompressible: gzip ratio ${(r / d.length).toFixed(3)}`);
    const e = await estimate(d, () => 100_000);
    assert.ok(Math.abs(e / r - 1) < 0.02, `estimate ${e} vs gzip -6 ${r}: ${((e / r - 1) * 100).toFixed(2)}%`);
  });

  it('is deterministic: the same bytes give the same figure, however the writes split them', async () => {
    const one = await estimate(data);
    assert.equal(await estimate(data), one, 'twice the same');
    assert.equal(await estimate(data, () => 65_537), one, 'writes one past the unit size');
    assert.equal(await estimate(data, () => 32_767), one, 'writes just under the dictionary window');
    const rand = prng(9);
    assert.equal(await estimate(data, () => 1 + Math.floor(rand() * 200_000)), one, 'writes of random sizes');
    const tiny = prng(10);
    assert.equal(await estimate(data, () => 1 + Math.floor(tiny() * 600)), one, 'writes of a few hundred bytes');
  });

  it('differs from counting every byte: the sample is calibrated, not the whole layer compressed', async () => {
    // A layer whose second half is zeros: byte-count scaling of the sample would be far off; the estimate is not.
    const half = mixedData(8 * MiB, 5);
    const d = Buffer.concat([half, Buffer.alloc(8 * MiB)]);
    const r = gzip6(d);
    const e = await estimate(d);
    assert.ok(Math.abs(e / r - 1) < 0.03, `estimate ${e} vs gzip -6 ${r}`);
  });

  it('rejects, with a reason, a stream far shorter than the size it was declared with', async () => {
    const est = startGzipEstimate(16 * MiB);
    est.write(Buffer.alloc(0));
    est.end();
    await assert.rejects(est.result, /shorter than its declared size/);
  });

  it('asks the writer to wait while compression work is queued, and lets it go on afterwards', async () => {
    const d = mixedData(8 * MiB, 11);
    const est = startGzipEstimate(d.length);
    assert.equal(est.write(d), false, 'eight batches of 1 MiB queued at once');
    await est.ready();
    assert.equal(est.write(Buffer.alloc(0)), true, 'ready() resolves once the queue is below its limit');
    est.end();
    const e = await est.result;
    assert.ok(Math.abs(e / gzip6(d) - 1) < 0.03, `estimate ${e} vs gzip -6 ${gzip6(d)}`);
  });
});
