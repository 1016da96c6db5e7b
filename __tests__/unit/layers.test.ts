// The architecture rule, checked: src/ folders form layers that only point down. The order is read from
// docs/architecture.md (the line that starts with "model ←"), so the document and the code cannot drift.

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = resolve('src');

/** "model ← lib ← {buildx, git} ← …" → folder → rank (folders in braces share a rank). */
function layerOrder(): Map<string, number> {
  const line = readFileSync('docs/architecture.md', 'utf8')
    .split('\n')
    .find((l) => /^\s*model ← /.test(l));
  assert.ok(line, 'docs/architecture.md states the layer order on a line starting with "model ←"');
  const rank = new Map<string, number>();
  line.trim().split('←').forEach((part, i) => {
    for (const name of part.replace(/[{}]/g, '').split(',')) rank.set(name.trim().split(' ')[0]!, i);
  });
  return rank;
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** The layer of a file: its top folder under src/, or "entries" for the files directly in src/. */
const layerOf = (file: string): string => {
  const parts = relative(SRC, file).split('/');
  return parts.length > 1 ? parts[0]! : 'entries';
};

describe('layers only point down', () => {
  const rank = layerOrder();
  const files = sources(SRC);

  it('every src/ folder has a place in the documented order', () => {
    const folders = [...new Set(files.map(layerOf))];
    assert.deepEqual(folders.filter((f) => !rank.has(f)), []);
  });

  it('no module imports from its own layer\'s peers or from a layer above it', () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = layerOf(file);
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"](\.[^'"]+)['"]/g)) {
        const target = resolve(dirname(file), m[1]!);
        if (!target.startsWith(SRC + '/')) continue; // package.json (the version)
        const to = layerOf(target.replace(/\.js$/, '.ts'));
        if (to === from) continue;
        if (rank.get(to)! >= rank.get(from)!) violations.push(`${relative(SRC, file)} (${from}) imports ${m[1]} (${to})`);
      }
    }
    assert.deepEqual(violations, []);
  });

  it('only src/exec spawns processes', () => {
    const spawning = files.filter((f) => /from ['"]node:child_process['"]|from ['"]@actions\/exec['"]/.test(readFileSync(f, 'utf8')));
    // (spread: readdirSync's arrays come from outside jest's realm, which strict deepEqual would tell apart)
    assert.deepEqual([...spawning.map((f) => relative(SRC, f))], ['exec/exec.ts']);
  });
});

describe('one test runner', () => {
  it('no file imports node:test: every test runs on jest', () => {
    const all = [...sources(resolve('src')), ...sources(resolve('__tests__')), ...sources(resolve('scripts'))];
    const offenders = all.filter((f) => /from ['"]node:test['"]/.test(readFileSync(f, 'utf8')));
    assert.deepEqual([...offenders.map((f) => relative(process.cwd(), f))], []);
    assert.ok(all.length > 100);
  });
});
