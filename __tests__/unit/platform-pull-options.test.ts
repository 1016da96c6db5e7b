// The new options, from the CLI's flags and the Action's inputs: platform (one, a list, all) and the pull-size
// budgets. Every mistake is one line naming the option.

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { runOptionsFromFlags } from '../../src/cli/compare-command.js';
import { readActionInputs } from '../../src/config/action-inputs.js';
import { InputErrors } from '../../src/config/errors.js';
import { checkPlatformOption } from '../../src/config/platform-option.js';
import { UserError } from '../../src/model/errors.js';

describe('checkPlatformOption', () => {
  const ok: [string | undefined, string | undefined][] = [
    [undefined, undefined],
    ['  ', undefined],
    ['linux/amd64', 'linux/amd64'],
    ['linux/amd64, linux/arm64', 'linux/amd64,linux/arm64'],
    ['Linux/ARM64,linux/arm64', 'linux/arm64'],
    ['linux/arm/v7', 'linux/arm/v7'],
    ['all', 'all'],
    ['ALL', 'all'],
  ];
  for (const [text, want] of ok) it(`${JSON.stringify(text)} → ${want}`, () => assert.equal(checkPlatformOption(text, '--platform'), want));

  for (const bad of ['amd64', 'linux/amd64,arm64', 'linux//amd64', 'linux/amd64;rm -rf', 'all,linux/amd64']) {
    it(`refuses ${JSON.stringify(bad)} in one line`, () =>
      assert.throws(() => checkPlatformOption(bad, '--platform'), (e: Error) => e instanceof UserError && /^--platform: ".*" is not a platform/.test(e.message) && !e.message.includes('\n')));
  }
});

describe('compare flags: platform and pull-size budgets', () => {
  it('parses them into the options', () => {
    const { defaults: options } = runOptionsFromFlags(
      { platform: 'linux/amd64,linux/arm64', 'max-compressed-size': '80MB', 'max-compressed-increase': '5MB, 2%', 'image': 'registry://r.example/app:v2' },
      '/tmp',
    );
    assert.equal(options.platform, 'linux/amd64,linux/arm64');
    assert.deepEqual(options.budgets, {
      maxCompressedSize: { bytes: 80_000_000, text: '80MB' },
      maxCompressedIncrease: { bytes: 5_000_000, percent: 2, text: '5MB, 2%' },
    });
  });

  it('a bad value names the flag', () => {
    assert.throws(() => runOptionsFromFlags({ 'max-compressed-size': '80 parsecs' }, '/tmp'), /--max-compressed-size: "80 parsecs" is not a size/);
    assert.throws(() => runOptionsFromFlags({ 'max-compressed-increase': '5%, 6%' }, '/tmp'), /--max-compressed-increase: "5%, 6%" lists two percent limits/);
    assert.throws(() => runOptionsFromFlags({ platform: 'arm64' }, '/tmp'), /--platform: "arm64" is not a platform/);
  });
});

describe('Action inputs: platform and pull-size budgets', () => {
  const env = (inputs: Record<string, string>): NodeJS.ProcessEnv => ({
    GITHUB_EVENT_NAME: 'push',
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  });

  it('reads them', () => {
    const cfg = readActionInputs(env({ platform: 'all', 'max-compressed-size': '1.5GiB', 'max-compressed-increase': '3%', 'base-image': 'registry://ghcr.io/o/app:latest', image: 'registry://ghcr.io/o/app@sha256:' + 'a'.repeat(64) }));
    const image = cfg.images[0]!;
    assert.equal(image.platform, 'all');
    assert.deepEqual(image.budgets.maxCompressedSize, { bytes: 1.5 * 2 ** 30, text: '1.5GiB' });
    assert.deepEqual(image.budgets.maxCompressedIncrease, { bytes: null, percent: 3, text: '3%' });
    assert.equal(image.baseImage, 'registry://ghcr.io/o/app:latest');
  });

  it('reports every mistake, one line each, before anything runs', () => {
    assert.throws(
      () => readActionInputs(env({ platform: 'linux/amd64,x86', 'max-compressed-size': 'big', 'max-compressed-increase': '-1MB' })),
      (e: Error) =>
        e instanceof InputErrors &&
        e.problems.length === 3 &&
        /^max-compressed-size: "big" is not a size/.test(e.problems[0]!) &&
        /^max-compressed-increase: "-1MB" is negative/.test(e.problems[1]!) &&
        /^platform: "x86" is not a platform/.test(e.problems[2]!),
    );
  });
});
