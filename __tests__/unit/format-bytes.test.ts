// formatBytes formats with Intl formatters made once; pretty-bytes (what it did before, and the reference) must
// give the same text for every size — the unit boundaries, values just below them, and a spread of magnitudes.

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import prettyBytes from 'pretty-bytes';
import { formatBytes } from '../../src/lib/format.js';

const reference = (bytes: number): string => prettyBytes(bytes, { maximumFractionDigits: Math.abs(bytes) >= 1e9 ? 2 : 1 }).replace(/^-/, '\u2212');

describe('formatBytes', () => {
  it('says what pretty-bytes says, at the boundaries and across magnitudes', () => {
    const sizes = [0, -0, 1, 9, 999, 1000, 1001, 1049, 1050, 1099, 1999];
    for (let e = 3; e <= 18; e++) {
      const p = 10 ** e;
      sizes.push(p - 1, p, p + 1, p * 1.05 - 1, p * 1.99, p * 9.999);
    }
    let seed = 7;
    for (let i = 0; i < 20_000; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      sizes.push(Math.floor((seed / 2 ** 31) * 10 ** (i % 16)));
    }
    sizes.push(Number.MAX_SAFE_INTEGER);
    const differ = sizes.flatMap((n) => [n, -n]).map((n) => Math.trunc(n)).filter((n) => formatBytes(n) !== reference(n)).slice(0, 5);
    assert.deepEqual(differ.map((n) => [n, formatBytes(n), reference(n)]), []);
    assert.equal(formatBytes(817_000_000), '817 MB');
    assert.equal(formatBytes(-1_800_000), '\u22121.8 MB');
    assert.equal(formatBytes(4_219_999_999), '4.21 GB');
  });
});
