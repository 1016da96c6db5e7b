// Size budgets (design §2.1): pure checks of the head image against the configured limits.

import type { CompressedSizeMode } from '../image/compressed-estimate.js';
import type { ImageModel } from '../image/types.js';
import type { BudgetResult } from '../model/report.js';
import type { BudgetConfig, IncreaseLimit } from '../model/options.js';

/** baseSize null: there is no baseline. Compressed sizes: null when unknown (not measured, or no baseline). */
export interface BudgetInput {
  headSize: number;
  headLayers: number;
  baseSize: number | null;
  headCompressedSize?: number | null;
  baseCompressedSize?: number | null;
  /** Why a compressed size is null (pullSizeGap), for the warning of a budget that could not be checked. */
  headPullGap?: string;
  basePullGap?: string;
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

/**
 * Results in the order max-size, max-increase, max-compressed-size, max-compressed-increase, max-layers, for
 * the configured budgets that can be checked; uncheckedBudgets says why the others were not.
 */
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
  const headPull = input.headCompressedSize ?? null;
  const basePull = input.baseCompressedSize ?? null;
  if (config.maxCompressedSize && headPull !== null) {
    const { bytes, text } = config.maxCompressedSize;
    results.push({ id: 'max-compressed-size', limit: text, actual: headPull, passed: headPull <= bytes });
  }
  if (config.maxCompressedIncrease && headPull !== null && basePull !== null) {
    const delta = headPull - basePull;
    const passed = !increaseExceeds(config.maxCompressedIncrease, delta, basePull);
    results.push({ id: 'max-compressed-increase', limit: config.maxCompressedIncrease.text, actual: delta, passed });
  }
  if (config.maxLayers !== undefined) {
    const n = config.maxLayers;
    results.push({ id: 'max-layers', limit: String(n), actual: input.headLayers, passed: input.headLayers <= n });
  }
  return results;
}

/**
 * Why a configured budget could not be checked (one sentence each, for a warning): a budget is never passed
 * silently. hasBase: a baseline exists at all (a platform the base lacks counts as none).
 */
export function uncheckedBudgets(config: BudgetConfig, input: BudgetInput & { hasBase: boolean }, noBase = 'there is no baseline'): string[] {
  const out: string[] = [];
  const headPull = input.headCompressedSize ?? null;
  const basePull = input.baseCompressedSize ?? null;
  const noPull = (side: 'head' | 'base'): string =>
    `the ${side}'s compressed size is unknown (${(side === 'head' ? input.headPullGap : input.basePullGap) ?? 'not measured'})`;
  if (config.maxIncrease && !input.hasBase) out.push(`max-increase was not checked: ${noBase}`);
  if (config.maxCompressedSize && headPull === null) out.push(`max-compressed-size was not checked: ${noPull('head')}`);
  if (config.maxCompressedIncrease) {
    if (!input.hasBase) out.push(`max-compressed-increase was not checked: ${noBase}`);
    else if (headPull === null || basePull === null) out.push(`max-compressed-increase was not checked: ${noPull(headPull === null ? 'head' : 'base')}`);
  }
  return out;
}

/** Why an image's compressed (pull) size is unknown: which setting, and how many layers lack one. */
export function pullSizeGap(model: Pick<ImageModel, 'layers'>, mode: CompressedSizeMode): string {
  if (mode === 'off') return 'compressed-size is off';
  const missing = model.layers.filter((l) => l.compressedSize === null).length;
  const of = `${missing} of its ${model.layers.length} layer${model.layers.length === 1 ? '' : 's'}`;
  if (mode === 'exact') return `compressed-size is exact and ${of} ${missing === 1 ? 'is' : 'are'} stored uncompressed; auto estimates them`;
  return `${of} ${missing === 1 ? 'has' : 'have'} no compressed size`;
}
