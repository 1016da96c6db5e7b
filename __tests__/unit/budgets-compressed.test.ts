// Budgets on the pull size (max-compressed-size, max-compressed-increase), and the reasons a configured budget
// could not be checked: none is ever passed silently.

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { evaluateBudgets, pullSizeGap, uncheckedBudgets, type BudgetInput } from '../../src/analysis/budgets.js';
import { parseIncrease } from '../../src/config/parse-size.js';
import type { BudgetConfig } from '../../src/model/options.js';

const MB = 1_000_000;
const sizes = (headPull: number | null, basePull: number | null, baseSize: number | null = 100 * MB): BudgetInput => ({
  headSize: 100 * MB,
  headLayers: 3,
  baseSize,
  headCompressedSize: headPull,
  baseCompressedSize: basePull,
});

describe('evaluateBudgets: compressed size', () => {
  const config: BudgetConfig = { maxCompressedSize: { bytes: 40 * MB, text: '40MB' }, maxCompressedIncrease: parseIncrease('2MB, 5%') };

  it('checks both against the compressed sizes, in order after the uncompressed budgets', () => {
    const results = evaluateBudgets({ ...config, maxSize: { bytes: 200 * MB, text: '200MB' }, maxLayers: 5 }, sizes(41 * MB, 38 * MB));
    assert.deepEqual(results.map((r) => [r.id, r.actual, r.passed]), [
      ['max-size', 100 * MB, true],
      ['max-compressed-size', 41 * MB, false],
      ['max-compressed-increase', 3 * MB, false], // +3 MB > 2 MB and +7.9% > 5%
      ['max-layers', 3, true],
    ]);
  });

  const cases: [string, number, number, boolean][] = [
    ['exactly at the size limit', 40 * MB, 39 * MB, true],
    ['one byte over the size limit', 40 * MB + 1, 39 * MB, false],
  ];
  for (const [name, head, base, passedSize] of cases) {
    it(name, () => assert.equal(evaluateBudgets({ maxCompressedSize: config.maxCompressedSize! }, sizes(head, base))[0]?.passed, passedSize));
  }

  it('an increase fails only when every listed limit is exceeded (as max-increase)', () => {
    const inc = (head: number, base: number) => evaluateBudgets({ maxCompressedIncrease: parseIncrease('2MB, 5%') }, sizes(head, base))[0]?.passed;
    assert.equal(inc(102 * MB + 1, 100 * MB), true, '+2.000001 MB but only +2%');
    assert.equal(inc(12 * MB, 10 * MB), true, '+20% but only +2 MB');
    assert.equal(inc(12 * MB + 1, 10 * MB), false);
    assert.equal(inc(10 * MB, 30 * MB), true, 'a shrink');
  });

  it('leaves out what it cannot measure: unknown compressed sizes, no base', () => {
    assert.deepEqual(evaluateBudgets(config, sizes(null, null)), []);
    assert.deepEqual(evaluateBudgets(config, sizes(30 * MB, null, null)).map((r) => r.id), ['max-compressed-size']);
    assert.deepEqual(evaluateBudgets(config, sizes(30 * MB, null)).map((r) => r.id), ['max-compressed-size']);
  });
});

describe('uncheckedBudgets: why a budget was not checked', () => {
  const all: BudgetConfig = { maxIncrease: parseIncrease('1MB'), maxCompressedSize: { bytes: MB, text: '1MB' }, maxCompressedIncrease: parseIncrease('1MB') };

  it('compressed sizes unknown (compressed-size off): both pull-size budgets say so, naming the side', () => {
    assert.deepEqual(uncheckedBudgets(all, { ...sizes(null, 5), hasBase: true, headPullGap: 'compressed-size is off' }), [
      "max-compressed-size was not checked: the head's compressed size is unknown (compressed-size is off)",
      "max-compressed-increase was not checked: the head's compressed size is unknown (compressed-size is off)",
    ]);
    assert.deepEqual(uncheckedBudgets({ maxCompressedIncrease: all.maxCompressedIncrease! }, { ...sizes(5, null), hasBase: true, basePullGap: 'the reason' }), [
      "max-compressed-increase was not checked: the base's compressed size is unknown (the reason)",
    ]);
  });

  it('pullSizeGap names the setting, and how many layers lack a compressed size', () => {
    const layer = (compressedSize: number | null) => ({ compressedSize });
    const model = { layers: [layer(10), layer(null), layer(null)] } as unknown as Parameters<typeof pullSizeGap>[0];
    assert.equal(pullSizeGap(model, 'off'), 'compressed-size is off');
    assert.equal(pullSizeGap(model, 'exact'), 'compressed-size is exact and 2 of its 3 layers are stored uncompressed; auto estimates them');
    assert.equal(pullSizeGap({ layers: [layer(null)] } as unknown as Parameters<typeof pullSizeGap>[0], 'auto'), '1 of its 1 layer has no compressed size');
  });

  it('no baseline (or none for this platform): the increase budgets say so', () => {
    assert.deepEqual(uncheckedBudgets(all, { ...sizes(5, null, null), hasBase: false }), [
      'max-increase was not checked: there is no baseline',
      'max-compressed-increase was not checked: there is no baseline',
    ]);
    assert.deepEqual(uncheckedBudgets({ maxIncrease: all.maxIncrease! }, { ...sizes(5, null, null), hasBase: false }, 'the base has no image for this platform'), [
      'max-increase was not checked: the base has no image for this platform',
    ]);
  });

  it('nothing when everything could be checked or nothing is configured', () => {
    assert.deepEqual(uncheckedBudgets(all, { ...sizes(5, 6), hasBase: true }), []);
    assert.deepEqual(uncheckedBudgets({}, { ...sizes(null, null, null), hasBase: false }), []);
  });
});
