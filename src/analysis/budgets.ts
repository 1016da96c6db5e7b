// Size budgets (design §2.1): pure checks of the head image against the configured limits.

import type { BudgetResult } from '../model/report.js';
import type { BudgetConfig, IncreaseLimit } from '../model/options.js';

/** baseSize null: there is no baseline. */
export interface BudgetInput {
  headSize: number;
  headLayers: number;
  baseSize: number | null;
}

// Relative slack so a decimal percent's binary rounding (0.57 × 10000 = 5699.999…) cannot fail an
// increase that is exactly at the limit; it only matters above a terabyte of allowed growth.
const ROUNDING_SLACK = 1 + 1e-12;

function increaseExceeds(limit: IncreaseLimit, delta: number, baseSize: number): boolean {
  if (delta <= 0) return false; // a shrink or an equal image never fails
  const exceeded: boolean[] = [];
  if (limit.bytes !== null) exceeded.push(delta > limit.bytes);
  // With a zero-byte base every growth is infinitely many percent: exceeded whatever the limit.
  if (limit.percent !== null) exceeded.push(delta * 100 > limit.percent * baseSize * ROUNDING_SLACK);
  // Both parts listed: fail only when every one is exceeded (ignores noise on big and on tiny images).
  return exceeded.length > 0 && exceeded.every(Boolean);
}

/** Results in the order max-size, max-increase, max-layers, for the configured budgets only. */
export function evaluateBudgets(config: BudgetConfig, input: BudgetInput): BudgetResult[] {
  const results: BudgetResult[] = [];
  if (config.maxSize) {
    const { bytes, text } = config.maxSize;
    results.push({ id: 'max-size', limit: text, actual: input.headSize, passed: input.headSize <= bytes });
  }
  // Without a baseline (a release gate, a new image) there is no increase to measure, so the budget is
  // left out rather than reported as passed.
  if (config.maxIncrease && input.baseSize !== null) {
    const delta = input.headSize - input.baseSize;
    const passed = !increaseExceeds(config.maxIncrease, delta, input.baseSize);
    results.push({ id: 'max-increase', limit: config.maxIncrease.text, actual: delta, passed });
  }
  if (config.maxLayers !== undefined) {
    const n = config.maxLayers;
    results.push({ id: 'max-layers', limit: String(n), actual: input.headLayers, passed: input.headLayers <= n });
  }
  return results;
}
