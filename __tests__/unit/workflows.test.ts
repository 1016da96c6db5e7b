// The GitHub side of the repository cannot run here: its YAML is parsed, and what it promises is checked.

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { BUDGET_KEYS } from '../../src/config/budget-options.js';

type Step = { uses?: string; run?: string; with?: Record<string, unknown> };
type Workflow = { on: Record<string, unknown>; jobs: Record<string, { 'runs-on': string; steps: Step[] }> };

const load = <T>(path: string): T => parse(readFileSync(path, 'utf8')) as T;

describe('.github/workflows', () => {
  it('ci.yml lints, runs the README test command on ubuntu-latest, and checks dist/', () => {
    const ci = load<Workflow>('.github/workflows/ci.yml');
    assert.deepEqual(Object.keys(ci.jobs).sort(), ['check-dist', 'lint', 'test']);
    for (const job of Object.values(ci.jobs)) assert.equal(job['runs-on'], 'ubuntu-latest');
    const runs = (job: string): string[] => ci.jobs[job]!.steps.flatMap((s) => (s.run ? [s.run] : []));
    assert.ok(runs('lint').includes('npm run lint'));
    assert.ok(runs('test').includes('npm ci') && runs('test').includes('npm test'));
    assert.ok(runs('check-dist').some((r) => r.includes('git status --porcelain -- dist')));
    assert.ok('pull_request' in ci.on && 'push' in ci.on);
  });

  it('self-test.yml runs the action from the checkout on examples/ in a pull_request workflow', () => {
    const wf = load<Workflow>('.github/workflows/self-test.yml');
    assert.ok('pull_request' in wf.on);
    assert.ok(!('pull_request_target' in wf.on), 'never builds PR code with a write token');
    const step = Object.values(wf.jobs)
      .flatMap((j) => j.steps)
      .find((s) => s.uses === './');
    assert.ok(step, 'a step uses: ./');
    assert.match(String(step.with?.context), /^examples\//);
    assert.ok(readFileSync(String(step.with?.dockerfile), 'utf8').includes('FROM'), 'the example Dockerfile exists');
  });
});

describe('action.yml', () => {
  const action = load<{ name: string; description: string; author: string; branding: { icon: string; color: string }; inputs: Record<string, { description: string }>; outputs: Record<string, { description: string }>; runs: { using: string; main: string } }>('action.yml');

  it('has the Marketplace metadata and runs dist/index.js on node24', () => {
    assert.ok(action.name && action.author);
    assert.ok(action.description.length > 0 && action.description.length <= 125, 'Marketplace shows up to 125 characters');
    assert.ok(action.branding.icon && action.branding.color);
    assert.deepEqual(action.runs, { using: 'node24', main: 'dist/index.js' });
  });

  it('declares every input the code reads, and documents every input and output', () => {
    const source = ['src/config/action-inputs.ts', 'src/config/history-inputs.ts', 'src/config/release-options.ts', 'src/config/merge-inputs.ts'].map((f) => readFileSync(f, 'utf8')).join('\n');
    const read = [...[...source.matchAll(/(?:get|boolean)\('([a-z-]+)'/g)].map((m) => m[1]!), ...BUDGET_KEYS];
    assert.ok(read.length > 10);
    for (const name of ['always-build', 'cache', 'comment']) assert.ok(read.includes(name), `${name} is seen as read`);
    assert.deepEqual([...new Set(read)].filter((name) => !(name in action.inputs)), []);
    for (const [name, spec] of [...Object.entries(action.inputs), ...Object.entries(action.outputs)]) {
      assert.ok(spec.description?.trim(), `${name} has a description`);
    }
  });
});
