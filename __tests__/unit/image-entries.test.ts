// Several images from YAML: entries, defaults, and one error line per mistake that names the entry.

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { definitionKeysOf, parseConfigFile, parseImageList, parseYaml, type ImageDefaults } from '../../src/config/image-entries.js';
import { parseFailOn } from '../../src/config/fail-on.js';

const defaults: ImageDefaults = {
  context: '.',
  buildArgs: ['SHARED=1', 'VERSION=1'],
  budgets: { maxSize: { bytes: 500_000_000, text: '500MB' } },
  failOn: parseFailOn('budget'),
};

function parse(yaml: string): { images: ReturnType<typeof parseImageList>; problems: string[] } {
  const problems: string[] = [];
  const value = parseYaml(yaml, 'images', problems);
  const images = problems.length ? [] : parseImageList(value, 'images', defaults, problems);
  return { images, problems };
}

describe('images: entries', () => {
  it('reads every key; entries override the defaults, and build args merge by key', () => {
    const { images, problems } = parse(`
- name: api
  context: services/api
  dockerfile: services/api/Dockerfile.prod
  target: final
  build-args: { VERSION: 2, EXTRA: "x y" }
  platform: linux/arm64
  max-size: 150MB
  max-increase: 10MB, 5%
  max-layers: 20
  fail-on: [budget, shell]
- name: web
  build-args:
    - MODE=prod
  image: web:pr
  base-image: web:main
`);
    assert.deepEqual(problems, []);
    const [api, web] = images;
    assert.equal(api!.name, 'api');
    assert.equal(api!.context, 'services/api');
    assert.equal(api!.dockerfile, 'services/api/Dockerfile.prod');
    assert.equal(api!.target, 'final');
    assert.deepEqual([...api!.buildArgs], ['SHARED=1', 'VERSION=2', 'EXTRA=x y']);
    assert.equal(api!.platform, 'linux/arm64');
    assert.deepEqual(api!.budgets.maxSize, { bytes: 150_000_000, text: '150MB' });
    assert.deepEqual(api!.budgets.maxIncrease, { bytes: 10_000_000, percent: 5, text: '10MB, 5%' });
    assert.equal(api!.budgets.maxLayers, 20);
    assert.deepEqual([...api!.failOn.findings], ['shell']);
    assert.equal(api!.failOn.budget, true);
    // web takes the defaults
    assert.equal(web!.context, '.');
    assert.equal(web!.dockerfile, undefined);
    assert.deepEqual([...web!.buildArgs], ['SHARED=1', 'VERSION=1', 'MODE=prod']);
    assert.deepEqual(web!.budgets.maxSize, { bytes: 500_000_000, text: '500MB' });
    assert.equal(web!.image, 'web:pr');
    assert.equal(web!.baseImage, 'web:main');
  });

  it('a budget change leaves the definition key alone; a build arg, target or context change does not', () => {
    const key = (yaml: string): string => parse(yaml).images[0]!.definitionKey!;
    const base = key('- name: api\n  context: api\n  max-size: 1MB');
    assert.equal(key('- name: api\n  context: api\n  max-size: 2MB\n  fail-on: never'), base);
    assert.notEqual(key('- name: api\n  context: api\n  build-args: { A: 1 }'), base);
    assert.notEqual(key('- name: api\n  context: api\n  target: t'), base);
    assert.notEqual(key('- name: api\n  context: api2'), base);
  });

  it('platforms (one, a list, all: checked and normalised) and the pull-size budgets', () => {
    const { images, problems } = parse(`
- name: api
  platform: linux/amd64, Linux/ARM64
  max-compressed-size: 80MB
  max-compressed-increase: 5MB, 2%
- name: web
  platform: ALL
  image: registry://r.example/web:pr
  base-image: registry://r.example/web:main
`);
    assert.deepEqual(problems, []);
    assert.equal(images[0]!.platform, 'linux/amd64,linux/arm64');
    assert.deepEqual(images[0]!.budgets.maxCompressedSize, { bytes: 80_000_000, text: '80MB' });
    assert.deepEqual(images[0]!.budgets.maxCompressedIncrease, { bytes: 5_000_000, percent: 2, text: '5MB, 2%' });
    assert.deepEqual(images[0]!.budgets.maxSize, { bytes: 500_000_000, text: '500MB' }, 'the defaults stay');
    assert.equal(images[1]!.platform, 'all');
    const bad = parse('- name: api\n  platform: arm64\n  max-compressed-size: lots\n');
    assert.deepEqual(bad.problems, [
      'images: api: max-compressed-size: "lots" is not a size (examples: 250MB, 1.5GiB, 800kB)',
      'images: api: platform: "arm64" is not a platform (os/arch or os/arch/variant, e.g. linux/arm64; a comma list; or all)',
    ]);
  });

  it('a bad size and a duplicate name: two lines, each naming its entry', () => {
    const { problems } = parse(`
- name: api
  max-size: huge
- name: web
- name: api
`);
    assert.deepEqual(problems, [
      'images: api: max-size: "huge" is not a size (examples: 250MB, 1.5GiB, 800kB)',
      'images: entry 3: name "api" is already used by entry 1 (names must be unique)',
    ]);
  });

  it('every mistake is found, one line each', () => {
    const { problems } = parse(`
- context: x
- name: web
  max_size: 1MB
  contxt: web
  colour: blue
  max-layers: 0
  fail-on: sometimes
  build-args: [NOT AN ARG]
  target:
  platform: [a, b]
- just a string
`);
    assert.deepEqual(problems, [
      'images: entry 1: name is required (it labels the image and its row)',
      'images: web: unknown key "max_size" (did you mean max-size?)',
      'images: web: unknown key "contxt" (did you mean context?)',
      'images: web: unknown key "colour" (keys: name, context, dockerfile, target, build-args, platform, image, base-image, max-size, max-increase, max-compressed-size, max-compressed-increase, max-layers, warn-size, warn-increase, warn-compressed-size, warn-compressed-increase, warn-layers, fail-on)',
      'images: web: max-layers: "0" is not a layer count (a whole number from 1 to 10000, e.g. 20)',
      'images: web: fail-on: unknown value "sometimes" (use budget, any, never or a finding id: shell, missing-multi-stage, build-tools, package-cache, wasted-space)',
      'images: web: build-args: each one must be KEY=VALUE (got "NOT AN ARG")',
      'images: web: target has no value',
      'images: web: platform must be a single value (got a list)',
      'images: entry 3 is not a mapping of options (e.g. "- name: api")',
    ]);
  });

  it('not a list, an empty list, bad YAML', () => {
    assert.match(parse('name: api').problems[0]!, /^images: must be a YAML list of images/);
    assert.match(parse('[]').problems[0]!, /^images: must be a YAML list of images/);
    const bad = parse('- name: api\n  context: [unclosed\n');
    assert.equal(bad.problems.length, 1);
    assert.match(bad.problems[0]!, /^images: YAML error at line \d+, column \d+: /);
    const dup = parse('- name: api\n  name: web\n');
    assert.match(dup.problems[0]!, /^images: YAML error at line 2, column 3: Map keys must be unique/);
  });

  it('a name is one line of at most 100 characters', () => {
    assert.match(parse('- name: "a\\nb"').problems[0]!, /^images: a ↵ b: name "a ↵ b" must be one line/);
    assert.match(parse(`- name: ${'x'.repeat(101)}`).problems[0]!, /must be one line of at most 100 characters/);
  });
});

describe('config file', () => {
  it('images under a top-level key; other top-level keys are mistakes', () => {
    const problems: string[] = [];
    const images = parseConfigFile('images:\n  - name: api\n    context: api\nimage:\n  - x\n', 'isg.yml', defaults, problems);
    assert.equal(images.length, 1);
    assert.deepEqual(problems, ['isg.yml: unknown top-level key "image" (only "images" is read)']);
    const none: string[] = [];
    parseConfigFile('- name: api\n', 'isg.yml', defaults, none);
    assert.deepEqual(none, ['isg.yml: must be a YAML mapping with an "images:" list at the top']);
  });

  it('definitionKeysOf: the keys by name, or null when the text does not parse', () => {
    const keys = definitionKeysOf('images:\n  - name: api\n    context: api\n  - name: web\n', 'isg.yml', defaults)!;
    assert.deepEqual([...keys.keys()], ['api', 'web']);
    assert.equal(definitionKeysOf('images: [', 'isg.yml', defaults), null);
  });
});
