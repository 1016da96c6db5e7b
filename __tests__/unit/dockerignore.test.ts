// Which context files buildx sends under a .dockerignore (Docker's rules, which are not .gitignore's), and
// which changed files therefore make an image "changed". The same patterns are checked against a real build in
// __tests__/integration/dockerignore.test.ts.

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { contextFilter, escapeForLibrary, ignoreFileCandidates } from '../../src/buildx/dockerignore.js';
import { firstSentChange } from '../../src/pipeline/change-plan.js';

/** [ignore file, path, sent?] */
const CASES: [string, string, boolean][] = [
  // anchored at the context root, unlike .gitignore
  ['*.md', 'README.md', false],
  ['*.md', 'docs/a.md', true],
  ['**/*.md', 'docs/a.md', false],
  ['**/*.md', 'README.md', false],
  ['**/*.md', 'a/b/c/d.md', false],
  // a pattern that names a directory excludes everything under it; a trailing or leading slash changes nothing
  ['docs', 'docs/a/b.txt', false],
  ['docs/', 'docs/a/b.txt', false],
  ['/docs', 'docs/a/b.txt', false],
  ['./docs', 'docs/a/b.txt', false],
  ['docs', 'docs2/a.txt', true],
  // ** spans zero or more directories
  ['a/**/c', 'a/c', false],
  ['a/**/c', 'a/b/c', false],
  ['a/**/c', 'a/b/d/c/e.txt', false],
  ['a/*/c', 'a/b/c', false],
  ['a/*/c', 'a/b/d/c', true],
  ['node_modules\n**/node_modules', 'pkg/node_modules/x/index.js', false],
  // negation re-includes, also inside an excluded directory (.gitignore cannot); the last match wins
  ['docs\n!docs/keep.txt', 'docs/keep.txt', true],
  ['docs\n!docs/keep.txt', 'docs/other.txt', false],
  ['*\n!src', 'src/main.go', true],
  ['*\n!src', 'README.md', false],
  ['!keep.txt\n*.txt', 'keep.txt', false],
  ['*.txt\n!keep.txt', 'keep.txt', true],
  ['**/*.log\n!important/*.log', 'important/a.log', true],
  ['**/*.log\n!important/*.log', 'other/a.log', false],
  // single characters and classes, as Go's filepath.Match
  ['file?.txt', 'file1.txt', false],
  ['file?.txt', 'file10.txt', true],
  ['[ab].txt', 'a.txt', false],
  ['[ab].txt', 'c.txt', true],
  ['[^ab].txt', 'c.txt', false],
  // case-sensitive, as Docker on Linux
  ['README.md', 'readme.md', true],
  ['README.md', 'README.md', false],
  // characters a regular expression would read differently are literal
  ['c++', 'c++', false],
  ['c++', 'cc', true],
  ['(x)|y', '(x)|y', false],
  ['(x)|y', 'y', true],
  ['a{1,2}', 'a{1,2}', false],
  ['$HOME', '$HOME', false],
  ['\\*.txt', '*.txt', false],
  ['\\*.txt', 'a.txt', true],
  // comments only when # is the first character; blank lines and surrounding spaces are nothing
  ['# secret.txt', 'secret.txt', true],
  ['#secret.txt\n\n   \n  secret.txt  ', 'secret.txt', false],
  ['\uFEFFsecret.txt', 'secret.txt', false],
];

describe('contextFilter follows Docker\'s .dockerignore rules', () => {
  for (const [ignore, path, sent] of CASES) {
    it(`${JSON.stringify(ignore)}: ${path} is ${sent ? 'sent' : 'excluded'}`, () => assert.equal(contextFilter(ignore)(path), sent));
  }
  it('a broken pattern does not throw: the path counts as sent (the build will say what is wrong)', () => {
    assert.equal(contextFilter('[abc')('a'), true);
    assert.equal(contextFilter('x\n[abc')('x'), true);
  });
  it('no ignore file: everything is sent', () => {
    assert.equal(contextFilter(null)('anything/at/all'), true);
    assert.equal(contextFilter('')('x'), true);
  });
});

describe('escapeForLibrary', () => {
  it('escapes regular-expression characters outside classes and keeps escapes and classes', () => {
    assert.equal(escapeForLibrary('c++'), 'c\\+\\+');
    assert.equal(escapeForLibrary('[^a+]x'), '[^a+]x');
    assert.equal(escapeForLibrary('\\*a(b)'), '\\*a\\(b\\)');
  });
});

describe('ignoreFileCandidates', () => {
  it('the Dockerfile\'s own ignore file first, then the context\'s', () => {
    assert.deepEqual(ignoreFileCandidates('web', 'web/Dockerfile.prod'), ['web/Dockerfile.prod.dockerignore', 'web/.dockerignore']);
    assert.deepEqual(ignoreFileCandidates('.', 'Dockerfile'), ['Dockerfile.dockerignore', '.dockerignore']);
  });
});

describe('firstSentChange: a change touches an image when a changed path is in its context and sent', () => {
  const changed = ['README.md', 'services/api/docs/guide.md', 'services/web/src/app.ts'];
  it('a path outside the context does not count', () => {
    assert.equal(firstSentChange(['services/web/src/app.ts'], 'services/api', null), null);
    assert.equal(firstSentChange(['services/api2/x'], 'services/api', null), null, 'a sibling with a longer name is not inside');
  });
  it('an excluded path does not count; a sent one does', () => {
    assert.equal(firstSentChange(changed, 'services/api', 'docs'), null);
    assert.equal(firstSentChange(changed, 'services/api', '*.md'), 'services/api/docs/guide.md', '*.md is anchored: docs/guide.md is sent');
    assert.equal(firstSentChange(changed, 'services/api', '**/*.md'), null);
    assert.equal(firstSentChange(changed, 'services/web', 'src\n!src/app.ts'), 'services/web/src/app.ts');
  });
  it('the repository root as context sees every path (paths are matched relative to it)', () => {
    assert.equal(firstSentChange(changed, '.', '*.md\nservices/api\nservices/web'), null);
    assert.equal(firstSentChange(changed, '.', 'services'), 'README.md');
  });
});
