// Every relative link in README.md and docs/*.md resolves: the file it names exists, and its #fragment is the id
// GitHub gives one of that file's headings. The checker is shown to fail on broken links first.

import assert from 'node:assert/strict';
import { afterAll, describe, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brokenLinks, docFiles, headingIds, linkTargets } from '../helpers/markdown-docs.js';

describe('heading ids, as GitHub makes them', () => {
  it.each([
    ['Fork pull requests (fork-safe commenting)', 'fork-pull-requests-fork-safe-commenting'],
    ['`max-size` and `max-increase`', 'max-size-and-max-increase'],
    ['Compare: cold, and with the base from the cache', 'compare-cold-and-with-the-base-from-the-cache'],
    ['dist/ and the build', 'dist-and-the-build'],
    ['🐳 app — 577.3 MB → 1.8 MB', '-app--5773-mb--18-mb'],
    ['[A link](x.md) in a heading', 'a-link-in-a-heading'],
    ['Tom &amp; Jerry', 'tom--jerry'],
    ['Größe und Überblick', 'größe-und-überblick'],
    ['snake_case stays', 'snake_case-stays'],
  ])('%s → #%s', (heading, id) => {
    assert.deepEqual(headingIds(`# ${heading}\n`), [id]);
  });

  it('numbers repeated headings, reads setext headings and ignores "#" lines in code blocks', () => {
    const md = ['# Cache', '', '## Cache', '', 'Setext', '---', '', '```yaml', '# a comment, not a heading', '```', '', '> ## Quoted'].join('\n');
    assert.deepEqual(headingIds(md), ['cache', 'cache-1', 'setext', 'quoted']);
  });
});

describe('link targets', () => {
  it('finds links in paragraphs, lists, tables and inline HTML, not in code', () => {
    const md = [
      'See [cli](docs/cli.md) and ![img](pic.png).',
      '- [item](a.md#x)',
      '',
      '| a | b |',
      '|---|---|',
      '| [cell](t.md#u) | <a href="h.md">h</a> |',
      '',
      '```md',
      '[not a link](nope.md)',
      '```',
      'Inline `[code](nope2.md)` too.',
    ].join('\n');
    assert.deepEqual(linkTargets(md), ['docs/cli.md', 'pic.png', 'a.md#x', 't.md#u', 'h.md']);
  });
});

describe('the link check', () => {
  const root = mkdtempSync(join(tmpdir(), 'isg-doc-links-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reports a missing file, a missing heading and a fragment on a non-markdown file; accepts good links', () => {
    mkdirSync(join(root, 'docs'));
    writeFileSync(join(root, 'docs', 'a.md'), '# Alpha\n\n## Two words\n\n[back](../README.md#top-heading) [self](#alpha) [dir](../docs)\n');
    writeFileSync(join(root, 'data.json'), '{}\n');
    writeFileSync(
      join(root, 'README.md'),
      [
        '# Top heading',
        '[ok](docs/a.md) [ok](docs/a.md#two-words) [ok](#top-heading) [web](https://example.com/x.md#nope)',
        '[gone](docs/missing.md) [no-heading](docs/a.md#three-words) [json](data.json#key) [self](#nowhere)',
      ].join('\n'),
    );
    assert.deepEqual(brokenLinks('docs/a.md', root), { checked: 3, broken: [] });
    const readme = brokenLinks('README.md', root);
    assert.equal(readme.checked, 7);
    assert.deepEqual(readme.broken, [
      'README.md: docs/missing.md: no such file docs/missing.md',
      'README.md: docs/a.md#three-words: docs/a.md has no heading #three-words',
      'README.md: data.json#key: a #fragment on data.json, which is not a markdown file',
      'README.md: #nowhere: README.md has no heading #nowhere',
    ]);
  });
});

describe('README.md and docs/', () => {
  const files = docFiles();

  it('has the documentation pages', () => {
    for (const page of ['cli', 'action', 'report', 'recipes', 'cache', 'performance', 'architecture']) assert.ok(files.includes(`docs/${page}.md`), `docs/${page}.md`);
  });

  it('every relative link resolves, #anchors included', () => {
    const results = files.map((f) => brokenLinks(f));
    assert.deepEqual(results.flatMap((r) => r.broken), []);
    // the README links to every page, and the pages link to each other: a check of no links would prove nothing
    assert.ok(results.reduce((n, r) => n + r.checked, 0) > 50);
  });

  it('README.md fits on a few screens and keeps the test command CI and the hooks look for', () => {
    assert.equal(files[0], 'README.md');
    const text = readFileSync('README.md', 'utf8');
    const lines = text.match(/\n/g)?.length ?? 0; // as wc -l counts
    assert.ok(lines <= 250, `README.md has ${lines} lines`);
    assert.ok(text.includes('npm ci && npm test'));
  });
});

describe('comments cite docs/architecture.md or nothing', () => {
  const files = ['src', 'scripts'].flatMap((dir) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(ts|mjs)$/.test(f)).map((f) => join(dir, f)));
  const sections = new Set(headingIds(readFileSync('docs/architecture.md', 'utf8')));

  it('no comment cites the design document, which is not in the repository', () => {
    assert.ok(files.length > 100);
    assert.deepEqual(files.filter((f) => /design §|design\.md/i.test(readFileSync(f, 'utf8'))), []);
  });

  it('every citation of docs/architecture.md names one of its sections', () => {
    const citations = files.flatMap((f) =>
      [...readFileSync(f, 'utf8').replace(/\n\/\/ ?/g, ' ').matchAll(/docs\/architecture\.md, "([^"]+)"/g)].map((m) => ({ f, section: m[1]! })),
    );
    assert.ok(citations.length >= 3);
    const slug = (title: string): string => headingIds(`# ${title}\n`)[0]!;
    assert.deepEqual(citations.filter((c) => !sections.has(slug(c.section))).map((c) => `${c.f}: "${c.section}"`), []);
  });
});
