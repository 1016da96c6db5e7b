// The budgets are read by one reader for the Action's inputs, the CLI's flags and the `images` entries: every
// budget in its table reaches all three, with the same value, and each error names the budget as the user wrote it.

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { runOptionsFromFlags } from '../../src/cli/compare-command.js';
import { USAGE } from '../../src/cli/usage.js';
import { readActionInputs } from '../../src/config/action-inputs.js';
import { BUDGET_KEYS, readBudgets, type BudgetKey } from '../../src/config/budget-options.js';
import { InputErrors } from '../../src/config/errors.js';
import { parseFailOn } from '../../src/config/fail-on.js';
import { ENTRY_KEYS, parseImageList, type ImageDefaults } from '../../src/config/image-entries.js';
import type { BudgetConfig } from '../../src/model/options.js';

// "7" and "6" are sizes (bytes), increases (bytes) and layer counts — a warn level below its max-* twin; "lots"
// is none of them.
type Value = string | ((key: BudgetKey) => string);
const GOOD: Value = (key) => (key.startsWith('warn-') ? '6' : '7');
const BAD = 'lots';
const valueOf = (value: Value, key: BudgetKey): string => (typeof value === 'string' ? value : value(key));

const actionEnv = (value: Value): NodeJS.ProcessEnv => ({
  GITHUB_EVENT_NAME: 'push',
  ...Object.fromEntries(BUDGET_KEYS.map((k) => [`INPUT_${k.toUpperCase()}`, valueOf(value, k)])),
});
const flags = (value: Value): Partial<Record<BudgetKey, string>> => Object.fromEntries(BUDGET_KEYS.map((k) => [k, valueOf(value, k)]));
const defaults: ImageDefaults = { context: '.', buildArgs: [], budgets: {}, failOn: parseFailOn('budget') };

function fromEntry(value: Value): { budgets: BudgetConfig | undefined; problems: string[] } {
  const problems: string[] = [];
  const [image] = parseImageList([{ name: 'api', ...flags(value) }], 'images', defaults, problems);
  return { budgets: image?.budgets, problems };
}

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputErrors) return err.problems;
    throw err;
  }
  assert.fail('expected InputErrors');
}

describe('readBudgets', () => {
  it('reads each grammar, keeps the user spelling, and overrides only what is given', () => {
    const given: Partial<Record<BudgetKey, string>> = { 'max-size': ' 250MB ', 'max-increase': '5%, 10MB', 'max-layers': '20' };
    const inherited: BudgetConfig = { maxSize: { bytes: 1, text: '1' }, maxCompressedSize: { bytes: 2, text: '2' } };
    const problems: string[] = [];
    const budgets = readBudgets((k) => given[k], (k) => k, inherited, problems);
    assert.deepEqual(problems, []);
    assert.deepEqual(budgets, {
      maxSize: { bytes: 250_000_000, text: '250MB' },
      maxIncrease: { bytes: 10_000_000, percent: 5, text: '10MB, 5%' },
      maxCompressedSize: { bytes: 2, text: '2' },
      maxLayers: 20,
    });
    assert.deepEqual(inherited.maxSize, { bytes: 1, text: '1' }, 'the inherited budgets are not changed');
  });

  it('collects every mistake, one line each, prefixed with the name the source gives', () => {
    const problems: string[] = [];
    const budgets = readBudgets(() => BAD, (k) => `where: ${k}`, {}, problems);
    assert.deepEqual(budgets, {});
    assert.deepEqual(
      problems.map((p) => p.slice(0, p.indexOf(' "'))),
      BUDGET_KEYS.map((k) => `where: ${k}:`),
    );
    assert.ok(problems.every((p) => !p.includes('\n')));
  });
});

describe('one budget reader for the Action, the CLI and the images entries', () => {
  it('gives every budget the same value from an input, a flag and an entry key', () => {
    const action = readActionInputs(actionEnv(GOOD)).images[0]!.budgets;
    const cli = runOptionsFromFlags(flags(GOOD), '/tmp').defaults.budgets;
    const entry = fromEntry(GOOD);
    assert.deepEqual(entry.problems, []);
    assert.equal(Object.keys(action).length, BUDGET_KEYS.length, 'every budget is read');
    assert.deepEqual(cli, action);
    assert.deepEqual(entry.budgets, action);
  });

  it('names the input, the flag (--key) or the entry and key in each error', () => {
    assert.deepEqual(
      problemsOf(() => readActionInputs(actionEnv(BAD))).map((p) => p.split(' "')[0]),
      BUDGET_KEYS.map((k) => `${k}:`),
    );
    assert.deepEqual(
      problemsOf(() => runOptionsFromFlags(flags(BAD), '/tmp')).map((p) => p.split(' "')[0]),
      BUDGET_KEYS.map((k) => `--${k}:`),
    );
    assert.deepEqual(
      fromEntry(BAD).problems.map((p) => p.split(' "')[0]),
      BUDGET_KEYS.map((k) => `images: api: ${k}:`),
    );
  });

  it('every budget is an entry key, a documented flag and an Action input', () => {
    const inputs = (parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, { description: string }> }).inputs;
    assert.ok(USAGE.replace(/\s+/g, ' ').includes(`names: ${ENTRY_KEYS.join(', ')};`), 'the usage lists the entry keys');
    for (const key of BUDGET_KEYS) {
      assert.ok((ENTRY_KEYS as readonly string[]).includes(key), `${key} is an entry key`);
      assert.match(USAGE, new RegExp(`^ {2}--${key} `, 'm'), `--${key} is in the usage`);
      assert.ok(key in inputs, `${key} is an input in action.yml`);
      assert.ok(inputs.images!.description.includes(`\`${key}\``), `the images input lists ${key}`);
    }
  });
});
