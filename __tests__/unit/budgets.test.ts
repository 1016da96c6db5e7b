import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { evaluateBudgets, type BudgetInput } from '../../src/analysis/budgets.js';
import type { BudgetConfig } from '../../src/model/options.js';
import { parseIncrease } from '../../src/config/parse-size.js';
import type { BudgetResult } from '../../src/model/report.js';

const MB = 1_000_000;
const input = (headSize: number, baseSize: number | null, headLayers = 5): BudgetInput => ({ headSize, headLayers, baseSize });
const increase = (text: string, headSize: number, baseSize: number | null): BudgetResult[] =>
  evaluateBudgets({ maxIncrease: parseIncrease(text) }, input(headSize, baseSize));

describe('evaluateBudgets: max-size', () => {
  const cases: [string, number, boolean][] = [
    ['under the limit', 249 * MB, true],
    ['exactly at the limit', 250 * MB, true],
    ['one byte over', 250 * MB + 1, false],
    ['an empty image', 0, true],
  ];
  for (const [name, headSize, passed] of cases) {
    it(name, () => {
      const results = evaluateBudgets({ maxSize: { bytes: 250 * MB, text: '250MB' } }, input(headSize, null));
      assert.deepEqual(results, [{ id: 'max-size', limit: '250MB', actual: headSize, passed, level: 'fail' }]);
    });
  }
});

describe('evaluateBudgets: max-increase', () => {
  // [limit, headSize, baseSize, passed]; sizes in bytes
  const cases: [string, number, number, boolean][] = [
    // bytes only
    ['10MB', 100 * MB, 100 * MB, true], // equal images
    ['10MB', 105 * MB, 100 * MB, true],
    ['10MB', 110 * MB, 100 * MB, true], // exactly at the limit
    ['10MB', 110 * MB + 1, 100 * MB, false],
    ['10MB', 50 * MB, 100 * MB, true], // shrink
    ['0', 100, 100, true], // no growth allowed, none happened
    ['0', 101, 100, false],
    // percent only
    ['5%', 104 * MB, 100 * MB, true],
    ['5%', 105 * MB, 100 * MB, true], // exactly at the limit
    ['5%', 105 * MB + 1, 100 * MB, false],
    ['5%', 10, 100, true], // a 90% shrink
    ['0.57%', 10_057, 10_000, true], // exactly at a limit whose product rounds down in binary
    ['0.57%', 10_058, 10_000, false],
    ['7%', 107, 100, true], // 7 / 100 * 100 = 7.000000000000001 in naive arithmetic
    ['0%', 100, 100, true],
    ['0%', 101, 100, false],
    // both parts: fails only when both are exceeded
    ['10MB, 5%', 104 * MB, 100 * MB, true], // neither exceeded
    ['10MB, 5%', 1_020 * MB, 1_000 * MB, true], // bytes exceeded (20MB), percent not (2%)
    ['10MB, 5%', 1_090, 1_000, true], // percent exceeded (9%), bytes not (90B)
    ['10MB, 5%', 120 * MB, 100 * MB, false], // both exceeded
    ['10MB, 5%', 110 * MB, 100 * MB, true], // both exactly at their limits
    ['5%, 10MB', 120 * MB, 100 * MB, false], // order does not matter
  ];
  for (const [limit, headSize, baseSize, passed] of cases) {
    it(`${limit}: ${baseSize} → ${headSize} ${passed ? 'passes' : 'fails'}`, () => {
      assert.deepEqual(increase(limit, headSize, baseSize), [
        { id: 'max-increase', limit: parseIncrease(limit).text, actual: headSize - baseSize, passed, level: 'fail' },
      ]);
    });
  }

  describe('a zero-byte base', () => {
    const zeroBase: [string, number, boolean][] = [
      ['5%', 0, true], // zero delta exceeds nothing
      ['5%', 1, false], // any growth is an infinite percent
      ['1000000%', 1, false],
      ['10MB', 1, true],
      ['10MB', 10 * MB + 1, false],
      ['10MB, 5%', 1, true], // percent exceeded, bytes not
      ['10MB, 5%', 10 * MB + 1, false],
      ['10MB, 5%', 0, true],
    ];
    for (const [limit, headSize, passed] of zeroBase) {
      it(`${limit}: 0 → ${headSize} ${passed ? 'passes' : 'fails'}`, () => {
        const [result] = increase(limit, headSize, 0);
        assert.equal(result?.actual, headSize);
        assert.equal(result?.passed, passed);
      });
    }
  });

  it('reports a negative delta as the actual value', () => {
    assert.deepEqual(increase('10MB, 5%', 40 * MB, 100 * MB), [{ id: 'max-increase', limit: '10MB, 5%', actual: -60 * MB, passed: true, level: 'fail' }]);
  });

  it('is left out when there is no baseline', () => {
    assert.deepEqual(increase('0', 999 * MB, null), []);
  });

  it('with no listed part (not produced by parseIncrease) never fails', () => {
    const results = evaluateBudgets({ maxIncrease: { bytes: null, percent: null, text: '' } }, input(200, 100));
    assert.equal(results[0]?.passed, true);
  });
});

describe('evaluateBudgets: max-layers', () => {
  const cases: [number, boolean][] = [[19, true], [20, true], [21, false]];
  for (const [headLayers, passed] of cases) {
    it(`${headLayers} layers against 20 ${passed ? 'passes' : 'fails'}`, () => {
      assert.deepEqual(evaluateBudgets({ maxLayers: 20 }, input(1, null, headLayers)), [
        { id: 'max-layers', limit: '20', actual: headLayers, passed, level: 'fail' },
      ]);
    });
  }
});

describe('evaluateBudgets: several budgets', () => {
  const all: BudgetConfig = {
    maxLayers: 3,
    maxIncrease: parseIncrease('5%'),
    maxSize: { bytes: 100, text: '100B' },
  };

  it('reports configured budgets only, in the order max-size, max-increase, max-layers', () => {
    assert.deepEqual(evaluateBudgets(all, input(90, 80, 4)), [
      { id: 'max-size', limit: '100B', actual: 90, passed: true, level: 'fail' },
      { id: 'max-increase', limit: '5%', actual: 10, passed: false, level: 'fail' },
      { id: 'max-layers', limit: '3', actual: 4, passed: false, level: 'fail' },
    ]);
    assert.deepEqual(evaluateBudgets({ maxLayers: 3, maxSize: all.maxSize }, input(90, 80, 3)).map((r) => r.id), ['max-size', 'max-layers']);
  });

  it('keeps the other budgets when max-increase has no baseline', () => {
    assert.deepEqual(evaluateBudgets(all, input(120, null, 2)).map((r) => [r.id, r.passed]), [['max-size', false], ['max-layers', true]]);
  });

  it('returns nothing when no budget is configured', () => {
    assert.deepEqual(evaluateBudgets({}, input(1e12, 0, 1000)), []);
  });
});
