// bake --print's JSON → images: context, Dockerfile (relative to the context, as bake reads it), target, args,
// platforms; targets a plain build cannot reproduce are refused, one line each.

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { imagesFromBake, parseBakeFiles } from '../../src/config/bake-entries.js';
import { parseFailOn } from '../../src/config/fail-on.js';
import type { ImageDefaults } from '../../src/config/image-entries.js';

const defaults: ImageDefaults = { context: '.', buildArgs: ['IGNORED=1'], platform: 'linux/amd64', budgets: { maxLayers: 9 }, failOn: parseFailOn('shell') };

describe('imagesFromBake', () => {
  it('maps each target, in the printed order', () => {
    const problems: string[] = [];
    const images = imagesFromBake(
      {
        group: { default: { targets: ['api', 'web'] } },
        target: {
          api: { context: 'services/api', dockerfile: 'Dockerfile', args: { A: '1', B: null as unknown as string }, platforms: ['linux/amd64', 'linux/arm64'], tags: ['x'] },
          web: { context: 'web', dockerfile: 'Dockerfile.prod', target: 'final' },
          root: {},
        },
      },
      '/repo',
      defaults,
      problems,
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(images.map((i) => [i.name, i.context, i.dockerfile, i.target, [...i.buildArgs], i.platform]), [
      ['api', 'services/api', 'services/api/Dockerfile', undefined, ['A=1'], 'linux/amd64,linux/arm64'],
      ['web', 'web', 'web/Dockerfile.prod', 'final', [], 'linux/amd64'],
      ['root', '.', undefined, undefined, [], 'linux/amd64'],
    ]);
    assert.equal(images[0]!.budgets.maxLayers, 9, 'budgets and fail-on come from the top level');
    assert.ok(images[0]!.failOn.findings.has('shell'));
    assert.notEqual(images[0]!.definitionKey, images[1]!.definitionKey);
  });

  it('refuses what a plain build would get wrong, and remote contexts, one line each', () => {
    const problems: string[] = [];
    imagesFromBake(
      {
        target: {
          inline: { 'dockerfile-inline': 'FROM scratch' },
          named: { contexts: { base: '../shared' } },
          secret: { secret: ['id=npm'], ssh: ['default'] },
          remote: { context: 'https://github.com/octo/app.git#main' },
          badarg: { args: { 'NOT VALID': 'x' } },
        },
      },
      '/repo',
      defaults,
      problems,
    );
    assert.deepEqual(problems, [
      'bake: target "inline" uses dockerfile-inline, which image-size-guard cannot build the way bake would',
      'bake: target "named" uses named contexts (contexts), which image-size-guard cannot build the way bake would',
      'bake: target "secret" uses secrets (secret), which image-size-guard cannot build the way bake would',
      'bake: target "secret" uses SSH forwarding (ssh), which image-size-guard cannot build the way bake would',
      'bake: target "remote": context "https://github.com/octo/app.git#main" is remote; only local contexts can be compared',
      'bake: target "badarg": args must be KEY=VALUE (got "NOT VALID=x")',
    ]);
  });

  it('no target at all is a mistake', () => {
    const problems: string[] = [];
    assert.deepEqual(imagesFromBake({}, '/repo', defaults, problems), []);
    assert.deepEqual(problems, ['bake: the bake files define no target to build']);
  });
});

describe('parseBakeFiles', () => {
  it('true or empty: bake\'s defaults; otherwise files by comma or line', () => {
    assert.deepEqual(parseBakeFiles('true'), []);
    assert.deepEqual(parseBakeFiles(''), []);
    assert.deepEqual(parseBakeFiles('a.hcl, b.json\ncompose.yaml\n'), ['a.hcl', 'b.json', 'compose.yaml']);
  });
});
