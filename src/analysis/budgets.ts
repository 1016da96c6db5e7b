// Size budgets: pure checks of the head image against the configured limits. Each budget is one row of CHECKS:
// its id, the BudgetConfig field that holds its limit, and what it measures. A warn-* budget measures what its
// max-* twin does; exceeding it warns (level "warn") and never fails the run.

import type { CompressedSizeMode } from '../image/compressed-estimate.js';
import type { ImageModel } from '../image/types.js';
import type { BudgetId, BudgetResult } from '../model/report.js';
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

/** Whether a growth of `delta` bytes over `baseSize` exceeds the limit: every listed part (bytes, percent) exceeded. */
export function increaseExceeds(limit: IncreaseLimit, delta: number, baseSize: number): boolean {
  if (delta <= 0) return false; // a shrink or an equal image never fails
  const exceeded: boolean[] = [];
  if (limit.bytes !== null) exceeded.push(delta > limit.bytes);
  // With a zero-byte base every growth is infinitely many percent: exceeded whatever the limit.
  if (limit.percent !== null) exceeded.push(delta * 100 > limit.percent * baseSize * ROUNDING_SLACK);
  // Both parts listed: fail only when every one is exceeded (ignores noise on big and on tiny images).
  return exceeded.length > 0 && exceeded.every(Boolean);
}

/** What a budget measures: the head's size, pull size or layer count, or a growth over the base (`base` set). */
interface Measured {
  actual: number;
  base?: number;
}

type Measure = 'size' | 'increase' | 'compressed-size' | 'compressed-increase' | 'layers';

const MEASURES: Record<Measure, (i: BudgetInput) => Measured | null> = {
  size: (i) => ({ actual: i.headSize }),
  // Without a baseline (a release gate, a new image) there is no increase to measure: the budget is left out
  // rather than reported as passed (uncheckedBudgets says why).
  increase: (i) => (i.baseSize === null ? null : { actual: i.headSize - i.baseSize, base: i.baseSize }),
  'compressed-size': (i) => (i.headCompressedSize == null ? null : { actual: i.headCompressedSize }),
  'compressed-increase': (i) =>
    i.headCompressedSize == null || i.baseCompressedSize == null ? null : { actual: i.headCompressedSize - i.baseCompressedSize, base: i.baseCompressedSize },
  layers: (i) => ({ actual: i.headLayers }),
};

interface Check {
  id: BudgetId;
  field: keyof BudgetConfig;
  measure: Measure;
}

/** The report's order: each max-* budget, then its warn level. */
const CHECKS: readonly Check[] = [
  { id: 'max-size', field: 'maxSize', measure: 'size' },
  { id: 'warn-size', field: 'warnSize', measure: 'size' },
  { id: 'max-increase', field: 'maxIncrease', measure: 'increase' },
  { id: 'warn-increase', field: 'warnIncrease', measure: 'increase' },
  { id: 'max-compressed-size', field: 'maxCompressedSize', measure: 'compressed-size' },
  { id: 'warn-compressed-size', field: 'warnCompressedSize', measure: 'compressed-size' },
  { id: 'max-compressed-increase', field: 'maxCompressedIncrease', measure: 'compressed-increase' },
  { id: 'warn-compressed-increase', field: 'warnCompressedIncrease', measure: 'compressed-increase' },
  { id: 'max-layers', field: 'maxLayers', measure: 'layers' },
  { id: 'warn-layers', field: 'warnLayers', measure: 'layers' },
];

type Limit = NonNullable<BudgetConfig[keyof BudgetConfig]>;

function within(limit: Limit, m: Measured): boolean {
  if (typeof limit === 'number') return m.actual <= limit;
  if ('percent' in limit) return !increaseExceeds(limit, m.actual, m.base ?? 0);
  return m.actual <= limit.bytes;
}

/** The configured budgets that can be checked, in CHECKS' order; uncheckedBudgets says why the others were not. */
export function evaluateBudgets(config: BudgetConfig, input: BudgetInput): BudgetResult[] {
  const results: BudgetResult[] = [];
  for (const { id, field, measure } of CHECKS) {
    const limit = config[field];
    const m = limit === undefined ? null : MEASURES[measure](input);
    if (limit === undefined || m === null) continue;
    const text = typeof limit === 'number' ? String(limit) : limit.text;
    results.push({ id, limit: text, actual: m.actual, passed: within(limit, m), level: id.startsWith('warn-') ? 'warn' : 'fail' });
  }
  return results;
}

/** A budget that fails the run (a max-* budget exceeded); a report written before levels existed counts as one. */
export const isFailing = (b: BudgetResult): boolean => !b.passed && b.level !== 'warn';

/** A warn level exceeded: a warning, never a failure. */
export const isWarning = (b: BudgetResult): boolean => !b.passed && b.level === 'warn';

/**
 * Why a configured budget could not be checked (one sentence each, for a warning): a budget is never passed
 * silently. hasBase: a baseline exists at all (a platform the base lacks counts as none).
 */
export function uncheckedBudgets(config: BudgetConfig, input: BudgetInput & { hasBase: boolean }, noBase = 'there is no baseline'): string[] {
  const noPull = (side: 'head' | 'base'): string =>
    `the ${side}'s compressed size is unknown (${(side === 'head' ? input.headPullGap : input.basePullGap) ?? 'not measured'})`;
  const why: Record<Measure, () => string | null> = {
    size: () => null,
    layers: () => null,
    increase: () => (input.hasBase ? null : noBase),
    'compressed-size': () => (input.headCompressedSize == null ? noPull('head') : null),
    'compressed-increase': () => {
      if (!input.hasBase) return noBase;
      if (input.headCompressedSize == null) return noPull('head');
      return input.baseCompressedSize == null ? noPull('base') : null;
    },
  };
  const out: string[] = [];
  for (const { id, field, measure } of CHECKS) {
    const reason = config[field] === undefined ? null : why[measure]();
    if (reason) out.push(`${id} was not checked: ${reason}`);
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
