// The .dockerignore matcher against the real thing: for each ignore file of the unit tests' cases, a context
// holding every test path is built with buildx (`COPY . /` from scratch, exported as a directory), and the files
// that arrive must be exactly the ones contextFilter says are sent.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, it } from '@jest/globals';
import { contextFilter } from '../../src/buildx/dockerignore.js';
import { docker, requireDocker } from '../helpers/docker.js';

const IGNORE_FILES = [
  '*.md',
  '**/*.md',
  'docs',
  'docs/',
  '/docs',
  './docs',
  'a/**/c',
  'a/*/c',
  'node_modules\n**/node_modules',
  'docs\n!docs/keep.txt',
  '*\n!src',
  '!keep.txt\n*.txt',
  '*.txt\n!keep.txt',
  '**/*.log\n!important/*.log',
  'file?.txt',
  '[ab].txt',
  '[^ab].txt',
  'README.md',
  'c++',
  '(x)|y',
  'a{1,2}',
  '$HOME',
  '\\*.txt',
  '# secret.txt',
  '#secret.txt\n\n   \n  secret.txt  ',
  'src/**\n!src/keep/**',
  '**',
];

const PATHS = [
  'README.md', 'readme.md', 'docs/a.md', 'docs/keep.txt', 'docs/other.txt', 'docs/sub/deep.txt', 'docs2/a.txt',
  'a/c', 'a/b/c', 'a/b/d/c/e.txt', 'a/x/y/c', 'pkg/node_modules/x/index.js', 'node_modules/y.js',
  'src/main.go', 'src/keep/k.go', 'keep.txt', 'important/a.log', 'other/a.log', 'top.log',
  'file1.txt', 'file10.txt', 'a.txt', 'b.txt', 'c.txt', 'c++', 'cc', '(x)|y', 'y', 'a{1,2}', '$HOME', '*.txt',
  'secret.txt', '# secret.txt',
];

let work = '';
let dockerfile = '';

beforeAll(async () => {
  await requireDocker();
  work = mkdtempSync(join(tmpdir(), 'isg-dockerignore-'));
  dockerfile = join(work, 'Dockerfile');
  writeFileSync(dockerfile, 'FROM scratch\nCOPY . /\n');
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => !e.isDirectory())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

/** The files buildx sends for this ignore file (the ignore file itself left out). */
async function sentByBuildx(ignore: string, index: number): Promise<string[]> {
  const context = join(work, `ctx-${index}`);
  const out = join(work, `out-${index}`);
  for (const p of PATHS) {
    mkdirSync(dirname(join(context, p)), { recursive: true });
    writeFileSync(join(context, p), p);
  }
  writeFileSync(join(context, '.dockerignore'), ignore);
  await docker(['buildx', 'build', '--quiet', '-f', dockerfile, '--output', `type=local,dest=${out}`, context]);
  return listFiles(out).filter((p) => p !== '.dockerignore');
}

describe('contextFilter agrees with what buildx sends', () => {
  it('for every ignore file, on every path', async () => {
    const disagreements: string[] = [];
    // a few builds at a time: each is small
    for (let i = 0; i < IGNORE_FILES.length; i += 4) {
      await Promise.all(
        IGNORE_FILES.slice(i, i + 4).map(async (ignore, j) => {
          const real = new Set(await sentByBuildx(ignore, i + j));
          const filter = contextFilter(ignore);
          for (const p of PATHS) {
            if (filter(p) !== real.has(p)) disagreements.push(`${JSON.stringify(ignore)}: ${p} is ${real.has(p) ? 'sent' : 'excluded'} by buildx, ${filter(p) ? 'sent' : 'excluded'} by contextFilter`);
          }
        }),
      );
    }
    assert.deepEqual(disagreements, []);
  });
});
