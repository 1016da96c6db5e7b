// Option types shared by the layers that parse options (config) and the ones that apply them (analysis,
// pipeline). Types only.

import type { FindingId } from './report.js';

export interface IncreaseLimit {
  bytes: number | null;
  percent: number | null;
  /** Display form: bytes part as the user spelled it, then the percent, e.g. "10MB, 5%". */
  text: string;
}

export interface BudgetConfig {
  maxSize?: { bytes: number; text: string };
  maxIncrease?: IncreaseLimit;
  /** The same budgets on the compressed size (what a pull moves). */
  maxCompressedSize?: { bytes: number; text: string };
  maxCompressedIncrease?: IncreaseLimit;
  maxLayers?: number;
  /** The warn levels of the same budgets: exceeding one warns, never fails. */
  warnSize?: { bytes: number; text: string };
  warnIncrease?: IncreaseLimit;
  warnCompressedSize?: { bytes: number; text: string };
  warnCompressedIncrease?: IncreaseLimit;
  warnLayers?: number;
}

/** `fail-on`: which problems turn the check red. */
export interface FailOn {
  budget: boolean;
  anyFinding: boolean;
  findings: ReadonlySet<FindingId>;
}
