import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { attachValues } from '../../src/cli/run-cli.js';

const options = { 'buildx-flags': { type: 'string' }, file: { type: 'string', short: 'f' }, help: { type: 'boolean', short: 'h' }, 'no-cache': { type: 'boolean' } } as const;

describe('attachValues: an option that takes a value takes the next word', () => {
  const cases: [string[], string[]][] = [
    [['--buildx-flags', '--no-cache'], ['--buildx-flags=--no-cache']],
    [['--buildx-flags', '-q'], ['--buildx-flags=-q']],
    [['--buildx-flags', 'plain'], ['--buildx-flags', 'plain']],
    [['--buildx-flags=--pull'], ['--buildx-flags=--pull']],
    [['-f', '-weird'], ['-f-weird']],
    [['--help', '--buildx-flags', '--x'], ['--help', '--buildx-flags=--x']],
    [['--help', '-h'], ['--help', '-h']],
    [['--', '--buildx-flags', '--x'], ['--', '--buildx-flags', '--x']],
    [['--buildx-flags'], ['--buildx-flags']],
    [['--buildx-flags', '--help'], ['--buildx-flags', '--help']], // one of our own: a forgotten value, not a value
    [['--buildx-flags', '-f', 'x'], ['--buildx-flags', '-f', 'x']],
    [['--buildx-flags', '--file=x'], ['--buildx-flags', '--file=x']],
    // compare's own --no-cache (the analysis cache) shares buildx's name: after --buildx-flags it is buildx's
    [['--buildx-flags', '--no-cache', '--no-cache'], ['--buildx-flags=--no-cache', '--no-cache']],
  ];
  for (const [argv, expected] of cases) it(argv.join(' '), () => assert.deepEqual(attachValues(argv, options), expected));
});

describe('attachValues with an optional value: --bake takes a value only when one follows', () => {
  const withBake = { bake: { type: 'string' }, base: { type: 'string' } } as const;
  const cases: [string[], string[]][] = [
    [['--bake'], ['--bake=']],
    [['--bake', '--base', 'x'], ['--bake=', '--base', 'x']],
    [['--bake', 'a.hcl,b.hcl', '--base', 'x'], ['--bake', 'a.hcl,b.hcl', '--base', 'x']],
    [['--bake=a.hcl'], ['--bake=a.hcl']],
    [['--', '--bake'], ['--', '--bake']],
  ];
  for (const [argv, expected] of cases) it(argv.join(' '), () => assert.deepEqual(attachValues(argv, withBake, ['--bake']), expected));
});
