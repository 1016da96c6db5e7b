// Warn levels: read with their max-* twins (and refused at or above them), evaluated as budgets of level "warn",
// shown with ⚠️, counted in `warned` — and never a failure: not in the verdict, the failure line or the summary's
// failed budgets.

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { evaluateBudgets } from '../../src/analysis/budgets.js';
import { decidePassed } from '../../src/analysis/verdict.js';
import { readBudgets, warnAtOrAbove, type BudgetKey } from '../../src/config/budget-options.js';
import { InputErrors } from '../../src/config/errors.js';
import { parseFailOn } from '../../src/config/fail-on.js';
import { parseIncrease } from '../../src/config/parse-size.js';
import { readActionInputs } from '../../src/config/action-inputs.js';
import { runOptionsFromFlags } from '../../src/cli/compare-command.js';
import { parseImageList } from '../../src/config/image-entries.js';
import type { BudgetConfig } from '../../src/model/options.js';
import { budgetText, renderCompareText, summaryLine } from '../../src/report/compare-text.js';
import { failureMessage } from '../../src/report/failure-message.js';
import { makeReport } from '../../src/report/image-report.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderMultiMarkdown } from '../../src/report/multi-markdown.js';
import { renderMultiText } from '../../src/report/multi-text.js';
import { runOutputs, imageResults } from '../../src/report/run-outputs.js';
import { summaryRows } from '../../src/report/summary-table.js';
import { budgetWarnings } from '../../src/report/budget-warnings.js';
import { validateReport } from '../../src/report/validate-report.js';
import { budgetOf, entryOf } from '../helpers/entries.js';

const MB = 1_000_000;

function read(given: Partial<Record<BudgetKey, string>>, inherited: BudgetConfig = {}, name: (k: BudgetKey) => string = (k) => k): { budgets: BudgetConfig; problems: string[] } {
  const problems: string[] = [];
  const budgets = readBudgets((k) => given[k], name, inherited, problems);
  return { budgets, problems };
}

describe('a warn level must be below its fail level', () => {
  it('warn-size 2GB with max-size 1GB: one error naming both', () => {
    assert.deepEqual(read({ 'warn-size': '2GB', 'max-size': '1GB' }).problems, [
      'warn-size: "2GB" is at or above max-size "1GB": whatever exceeds it fails max-size too, so it could never just warn (set it lower)',
    ]);
  });

  it('equal is at or above; below is fine; a warn level alone is fine', () => {
    assert.equal(read({ 'warn-layers': '20', 'max-layers': '20' }).problems.length, 1);
    assert.deepEqual(read({ 'warn-layers': '19', 'max-layers': '20' }).problems, []);
    assert.deepEqual(read({ 'warn-compressed-size': '1000kB', 'max-compressed-size': '1MB' }).problems.length, 1, '1000 kB is 1 MB');
    assert.deepEqual(read({ 'warn-size': '999kB', 'max-size': '1MB' }).problems, []);
    assert.deepEqual(read({ 'warn-increase': '50MB' }).problems, []);
  });

  // an increase is exceeded only when every listed part is: at or above = whatever exceeds the warn level exceeds the fail level
  const increases: [string, string, boolean][] = [
    ['5MB', '10MB', false],
    ['10MB', '10MB', true],
    ['10MB, 5%', '10MB', true], // exceeding both parts exceeds 10 MB
    ['5%', '10MB', false], // a small image grows 6% by less than 10 MB
    ['20MB', '10MB, 5%', false], // +25 MB on a big image can be 1%: warns, does not fail
    ['20MB, 6%', '10MB, 5%', true],
    ['20MB, 4%', '10MB, 5%', false],
    ['5%', '5%', true],
    ['4%', '5%, 1MB', false],
  ];
  for (const [warn, fail, error] of increases) {
    it(`warn-increase ${warn} against max-increase ${fail}: ${error ? 'at or above' : 'below'}`, () => {
      assert.equal(warnAtOrAbove(parseIncrease(warn), parseIncrease(fail)), error);
      assert.equal(read({ 'warn-increase': warn, 'max-increase': fail }).problems.length, error ? 1 : 0);
    });
  }

  it('checked where either is given: an entry lowering max-size under an inherited warn-size is named; an inherited pair is not repeated', () => {
    const top = read({ 'warn-size': '200MB', 'max-size': '250MB' }).budgets;
    const entry = read({ 'max-size': '150MB' }, top, (k) => `images: api: ${k}`);
    assert.deepEqual(entry.problems, ['images: api: warn-size: "200MB" is at or above max-size "150MB": whatever exceeds it fails max-size too, so it could never just warn (set it lower)']);
    const bad = read({ 'warn-size': '300MB', 'max-size': '250MB' });
    assert.equal(bad.problems.length, 1);
    assert.deepEqual(read({ 'max-layers': '9' }, bad.budgets, (k) => `images: web: ${k}`).problems, [], 'the top level is reported once, not per entry');
  });

  it('a warn level that does not parse is its own error only', () => {
    assert.deepEqual(read({ 'warn-size': 'big', 'max-size': '1MB' }).problems, ['warn-size: "big" is not a size (examples: 250MB, 1.5GiB, 800kB)']);
  });

  it('the Action, the CLI and an entry say it the same way, one line each', () => {
    const action = (() => {
      try {
        readActionInputs({ GITHUB_EVENT_NAME: 'push', 'INPUT_WARN-SIZE': '2GB', 'INPUT_MAX-SIZE': '1GB' });
      } catch (err) {
        return (err as InputErrors).problems;
      }
      return [];
    })();
    assert.deepEqual(action.map((p) => p.split(':')[0]), ['warn-size']);
    assert.throws(() => runOptionsFromFlags({ 'warn-size': '2GB', 'max-size': '1GB' }, '/tmp'), (err: InputErrors) => {
      assert.deepEqual(err.problems, ['--warn-size: "2GB" is at or above --max-size "1GB": whatever exceeds it fails --max-size too, so it could never just warn (set it lower)']);
      return true;
    });
    const problems: string[] = [];
    parseImageList([{ name: 'api', 'warn-layers': 30, 'max-layers': 20 }], 'images', { context: '.', buildArgs: [], budgets: {}, failOn: parseFailOn('budget') }, problems);
    assert.deepEqual(problems, ['images: api: warn-layers: "30" is at or above max-layers "20": whatever exceeds it fails max-layers too, so it could never just warn (set it lower)']);
  });
});

describe('evaluating warn levels', () => {
  const config = read({ 'max-increase': '20MB', 'warn-increase': '5MB', 'warn-size': '100MB', 'max-layers': '5', 'warn-layers': '3' }).budgets;

  it('each warn level is a result of level "warn" after its twin; a max-* one is level "fail"', () => {
    const results = evaluateBudgets(config, { headSize: 110 * MB, baseSize: 100 * MB, headLayers: 4 });
    assert.deepEqual(results, [
      { id: 'warn-size', limit: '100MB', actual: 110 * MB, passed: false, level: 'warn' },
      { id: 'max-increase', limit: '20MB', actual: 10 * MB, passed: true, level: 'fail' },
      { id: 'warn-increase', limit: '5MB', actual: 10 * MB, passed: false, level: 'warn' },
      { id: 'max-layers', limit: '5', actual: 4, passed: true, level: 'fail' },
      { id: 'warn-layers', limit: '3', actual: 4, passed: false, level: 'warn' },
    ]);
    assert.equal(decidePassed(results, [], parseFailOn('budget')), true, 'warn levels never fail');
  });

  it('over both: the fail budget fails, and only it is named', () => {
    const results = evaluateBudgets(config, { headSize: 130 * MB, baseSize: 100 * MB, headLayers: 2 });
    const e = entryOf('api', 100 * MB, 130 * MB, { budgets: results, passed: decidePassed(results, [], parseFailOn('budget')) });
    assert.equal(e.passed, false);
    assert.equal(failureMessage(makeReport([e]), { budget: true }), 'budget exceeded (max-increase 20MB)');
    assert.deepEqual(summaryRows([e])[0]!.failedBudgets, ['max-increase 20MB']);
    assert.deepEqual(summaryRows([e])[0]!.warnedBudgets, ['warn-size 100MB', 'warn-increase 5MB']);
  });
});

describe('showing warn levels', () => {
  const warned = entryOf('api', 100 * MB, 110 * MB, { budgets: [budgetOf('max-increase', '20MB', 10 * MB, true), budgetOf('warn-increase', '5MB', 10 * MB, false)] });
  const quiet = entryOf('web', 50 * MB, 50 * MB, { budgets: [budgetOf('max-size', '1GB', 50 * MB, true)] });

  it('⚠️ in the budgets line of the text and the comment, and in the verdict', () => {
    assert.equal(budgetText(warned.budgets[1]!), 'warn-increase 5MB ⚠️ (+10 MB)');
    assert.match(summaryLine(warned), /\(\+10 MB, \+10\.0%\) ⚠️$/);
    assert.match(renderCompareText(warned), /^Budgets: max-increase 20MB ✅ \(\+10 MB\) · warn-increase 5MB ⚠️ \(\+10 MB\)$/m);
    const md = renderMarkdown(warned);
    assert.match(md, /^### 🐳 api — 100 MB → 110 MB \(\+10 MB, \+10\.0%\) ⚠️$/m);
    assert.match(md, /^Budgets: .*warn-increase 5MB ⚠️ \(\+10 MB\)$/m);
  });

  it('several images: a ⚠️ row with its warn levels, a warned heading, the warned image first among the passed', () => {
    const body = renderMultiMarkdown([quiet, warned], { marker: '<!-- m -->' });
    assert.match(body, /^### 🐳 2 images: 2 compared ⚠️ warned: api \(warn-increase 5MB\)$/m);
    assert.match(body, /^\| ⚠️ \| api \| 100 MB \| 110 MB \| \+10 MB \| \+10\.0% \| ⚠️ warn-increase 5MB \| — \|$/m);
    assert.match(body, /^\| ✅ \| web \|/m);
    assert.ok(body.indexOf('<summary>⚠️ <b>api</b>') < body.indexOf('<b>web</b>'), 'the warned image\'s details come first');
    const text = renderMultiText([quiet, warned]);
    assert.match(text, /⚠️ warned: api \(warn-increase 5MB\)/);
    assert.match(text, /^ {2}⚠️ api .*warned: warn-increase 5MB/m);
  });

  it('the warned output and results; warning lines name the image when there are several', () => {
    const one = makeReport([warned]);
    assert.equal(runOutputs(one).warned, 'true');
    assert.equal(runOutputs(one).passed, 'true');
    assert.equal(runOutputs(makeReport([quiet])).warned, 'false');
    assert.deepEqual(imageResults(makeReport([quiet, warned])).map((r) => r.warned), [false, true]);
    assert.deepEqual(budgetWarnings(one), [{ id: 'warn-increase', text: 'warn-increase 5MB exceeded (+10 MB)' }]);
    assert.deepEqual(budgetWarnings(makeReport([quiet, warned])).map((w) => w.text), ['api: warn-increase 5MB exceeded (+10 MB)']);
  });
});

describe('reading levels back (merge)', () => {
  const report = (budget: Record<string, unknown>) => ({ ...makeReport([entryOf('api', 1, 2)]), images: [{ ...entryOf('api', 1, 2), budgets: [budget] }] });

  it('a report written before levels existed reads its budgets as "fail"', () => {
    const back = validateReport(report({ id: 'max-size', limit: '1MB', actual: 2, passed: false }), 'old.json');
    assert.deepEqual((back.images[0] as { budgets: unknown[] }).budgets, [{ id: 'max-size', limit: '1MB', actual: 2, passed: false, level: 'fail' }]);
  });

  it('a level that does not match its id is refused, in one line', () => {
    assert.throws(() => validateReport(report({ id: 'warn-size', limit: '1MB', actual: 2, passed: false, level: 'fail' }), 'leg.json'), {
      message: 'leg.json: images[0].budgets[0].level: expected "warn" for warn-size, got "fail"',
    });
    assert.throws(() => validateReport(report({ id: 'warn-size', limit: '1MB', actual: 2, passed: false }), 'leg.json'), /expected "warn" for warn-size, got nothing/);
    assert.throws(() => validateReport(report({ id: 'max-size', limit: '1MB', actual: 2, passed: false, level: 'warn' }), 'leg.json'), /expected "fail" for max-size/);
  });
});
