// The budgets, read in one place for the Action's inputs, the CLI's flags and the `images` entries. A budget is
// one row of BUDGET_OPTIONS: its key (the input and entry key; the flag is --key), the BudgetConfig field it
// fills, its grammar, and for a warn level the max-* budget it warns before. Errors start with the name as the
// user wrote it (`max-size`, `--max-size`, `images: api: max-size`), then the value and an example.

import type { BudgetConfig, IncreaseLimit } from '../model/options.js';
import { quoted } from '../lib/one-line.js';
import { ConfigError } from './errors.js';
import { parseIncrease, parseLayerCount, parseSize } from './parse-size.js';

/** A size limit keeps the user's spelling for the report ("250MB"). */
function sizeLimit(text: string, what: string): { bytes: number; text: string } {
  return { bytes: parseSize(text, what), text: text.trim() };
}

type Parse<F extends keyof BudgetConfig> = (text: string, what: string) => NonNullable<BudgetConfig[F]>;

function budget<K extends string, F extends keyof BudgetConfig>(key: K, field: F, parse: Parse<F>) {
  return { key, field, parse, warnsBefore: undefined as `max-${string}` | undefined };
}

/** A warn level: the grammar of its max-* twin; it must stay below the twin (checkWarnLevels). */
function warnLevel<K extends `warn-${string}`, F extends keyof BudgetConfig>(key: K, field: F, parse: Parse<F>, twin: `max-${string}`) {
  return { key, field, parse, warnsBefore: twin as `max-${string}` | undefined };
}

export const BUDGET_OPTIONS = [
  budget('max-size', 'maxSize', sizeLimit),
  budget('max-increase', 'maxIncrease', parseIncrease),
  budget('max-compressed-size', 'maxCompressedSize', sizeLimit),
  budget('max-compressed-increase', 'maxCompressedIncrease', parseIncrease),
  budget('max-layers', 'maxLayers', parseLayerCount),
  warnLevel('warn-size', 'warnSize', sizeLimit, 'max-size'),
  warnLevel('warn-increase', 'warnIncrease', parseIncrease, 'max-increase'),
  warnLevel('warn-compressed-size', 'warnCompressedSize', sizeLimit, 'max-compressed-size'),
  warnLevel('warn-compressed-increase', 'warnCompressedIncrease', parseIncrease, 'max-compressed-increase'),
  warnLevel('warn-layers', 'warnLayers', parseLayerCount, 'max-layers'),
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
  const bad = new Set<BudgetKey>();
  for (const { key, field, parse } of BUDGET_OPTIONS) {
    const text = value(key);
    if (text === undefined) continue;
    try {
      Object.assign(budgets, { [field]: parse(text, name(key)) });
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      problems.push(err.message);
      bad.add(key);
    }
  }
  checkWarnLevels(budgets, (key) => value(key) !== undefined && !bad.has(key), name, problems);
  return budgets;
}

/**
 * A warn level at or above its fail level could never warn before the run fails: one error naming both, when
 * this source gave either of them (a pair both inherited was checked where it was given).
 */
function checkWarnLevels(budgets: BudgetConfig, given: (key: BudgetKey) => boolean, name: (key: BudgetKey) => string, problems: string[]): void {
  for (const { key, field, warnsBefore } of BUDGET_OPTIONS) {
    const twin = BUDGET_OPTIONS.find((b) => b.key === warnsBefore);
    if (!twin || !(given(key) || given(twin.key))) continue;
    const warn = budgets[field];
    const fail = budgets[twin.field];
    if (warn === undefined || fail === undefined || !warnAtOrAbove(warn, fail)) continue;
    // the twin by its own name, without the entry's prefix the warn level's name already has
    const failName = name(twin.key).replace(/^.*: /, '');
    problems.push(
      `${name(key)}: ${quoted(limitText(warn), 40)} is at or above ${failName} ${quoted(limitText(fail), 40)}: ` +
        `whatever exceeds it fails ${failName} too, so it could never just warn (set it lower)`,
    );
  }
}

type Limit = NonNullable<BudgetConfig[keyof BudgetConfig]>;

const limitText = (l: Limit): string => (typeof l === 'number' ? String(l) : l.text);

/**
 * Whether every image that exceeds the warn level also exceeds the fail level, so the warning never comes alone.
 * Sizes and layer counts: warn ≥ fail. Increases, exceeded only when every listed part is: each part the fail
 * level lists is listed by the warn level too, at or above it ("10MB, 5%" against "10MB": at or above; "5%"
 * against "10MB": not — a small image can grow 6% by less than 10 MB).
 */
export function warnAtOrAbove(warn: Limit, fail: Limit): boolean {
  if (typeof warn === 'number' || typeof fail === 'number') return Number(warn) >= Number(fail);
  if ('percent' in warn && 'percent' in fail) return covers(warn.bytes, fail.bytes) && covers(warn.percent, fail.percent);
  return (warn as { bytes: number }).bytes >= (fail as { bytes: number }).bytes;
}

function covers(warnPart: IncreaseLimit['bytes'], failPart: IncreaseLimit['bytes']): boolean {
  return failPart === null || (warnPart !== null && warnPart >= failPart);
}
