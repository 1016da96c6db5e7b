// The budgets, read in one place for the Action's inputs, the CLI's flags and the `images` entries. A budget is
// one row of BUDGET_OPTIONS: its key (the input and entry key; the flag is --key), the BudgetConfig field it
// fills, and its grammar. Errors start with the name as the user wrote it (`max-size`, `--max-size`,
// `images: api: max-size`), then the value and an example.

import type { BudgetConfig } from '../model/options.js';
import { ConfigError } from './errors.js';
import { parseIncrease, parseLayerCount, parseSize } from './parse-size.js';

/** A size limit keeps the user's spelling for the report ("250MB"). */
function sizeLimit(text: string, what: string): { bytes: number; text: string } {
  return { bytes: parseSize(text, what), text: text.trim() };
}

function budget<K extends string, F extends keyof BudgetConfig>(key: K, field: F, parse: (text: string, what: string) => NonNullable<BudgetConfig[F]>) {
  return { key, field, parse };
}

export const BUDGET_OPTIONS = [
  budget('max-size', 'maxSize', sizeLimit),
  budget('max-increase', 'maxIncrease', parseIncrease),
  budget('max-compressed-size', 'maxCompressedSize', sizeLimit),
  budget('max-compressed-increase', 'maxCompressedIncrease', parseIncrease),
  budget('max-layers', 'maxLayers', parseLayerCount),
] as const;

export type BudgetKey = (typeof BUDGET_OPTIONS)[number]['key'];

export const BUDGET_KEYS: readonly BudgetKey[] = BUDGET_OPTIONS.map((b) => b.key);

/**
 * `inherited` overridden by the budgets one source gives. `value(key)`: the user's text, undefined when not
 * given; `name(key)`: how the user wrote the key, the prefix of its error. Each mistake is one line in `problems`.
 */
export function readBudgets(
  value: (key: BudgetKey) => string | undefined,
  name: (key: BudgetKey) => string,
  inherited: BudgetConfig,
  problems: string[],
): BudgetConfig {
  const budgets: BudgetConfig = { ...inherited };
  for (const { key, field, parse } of BUDGET_OPTIONS) {
    const text = value(key);
    if (text === undefined) continue;
    try {
      Object.assign(budgets, { [field]: parse(text, name(key)) });
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      problems.push(err.message);
    }
  }
  return budgets;
}
