// The reference pages name every public name the code has: each input and output of action.yml in
// docs/action.md, each CLI flag in docs/cli.md, each field of the JSON report in docs/report.md. A name added to
// the code without its documentation fails here.

import assert from 'node:assert/strict';
import { describe, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { Lexer, marked } from 'marked';
import { docFiles } from '../helpers/markdown-docs.js';
import { COMPARE_FLAGS } from '../../src/cli/compare-command.js';
import { USAGE } from '../../src/cli/usage.js';

const page = (name: string): string => readFileSync(`docs/${name}.md`, 'utf8');

/** Names the page shows as code: `name`, `--flag`, … */
const codeNames = (markdown: string): Set<string> => new Set([...markdown.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!.trim()));

/** Field names of the interfaces in a TypeScript file of types (comments dropped). */
function interfaceFields(source: string): Set<string> {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const fields = new Set<string>();
  for (const block of code.matchAll(/export interface \w+ \{([\s\S]*?)\n\}/g)) {
    for (const m of block[1]!.matchAll(/([A-Za-z_]\w*)\??:/g)) fields.add(m[1]!);
  }
  return fields;
}

describe('docs/action.md', () => {
  const action = parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };
  const rows = new Set([...page('action').matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]!));

  it('has a table row for every input and every output of action.yml', () => {
    const names = [...Object.keys(action.inputs), ...Object.keys(action.outputs)];
    assert.ok(names.length > 30);
    assert.deepEqual(names.filter((n) => !rows.has(n)), []);
  });

  it('documents no input or output that action.yml lacks', () => {
    const known = new Set([...Object.keys(action.inputs), ...Object.keys(action.outputs)]);
    assert.deepEqual([...rows].filter((n) => !known.has(n)), []);
  });
});

describe('docs/cli.md', () => {
  const names = codeNames(page('cli'));
  const documented = (flag: string): boolean => [...names].some((n) => n === flag || n.startsWith(`${flag} `) || n.includes(`, ${flag}`) || n.startsWith(`${flag}=`));

  it('names every flag of compare and every option line of the help', () => {
    // the help's option lines: "  --base REF   …", "  -f, --file PATH   …"
    const listed = [...USAGE.matchAll(/^ {2}(?:-\w, )?(--[a-z][a-z-]*)/gm)].map((m) => m[1]!);
    const flags = new Set([...Object.keys(COMPARE_FLAGS).map((f) => `--${f}`), ...listed]);
    assert.ok(flags.size > 30);
    assert.deepEqual([...flags].filter((f) => !documented(f)), []);
  });

  it('names every image source scheme', () => {
    for (const scheme of ['registry://', 'local://', 'oci-dir://', 'archive://']) assert.ok([...names].some((n) => n.startsWith(scheme)), scheme);
  });
});

describe('docs/report.md', () => {
  // field names alone (`fileCount`) or in a shape (`{ path, size, layer, instruction }`)
  const names = new Set([...codeNames(page('report'))].flatMap((n) => n.match(/[A-Za-z_]\w*/g) ?? []));

  it('names every field of the report types', () => {
    const fields = interfaceFields(readFileSync('src/model/report.ts', 'utf8'));
    assert.ok(fields.size > 40 && fields.has('schemaVersion') && fields.has('dockerfileLine'));
    assert.deepEqual([...fields].filter((f) => !names.has(f)), []);
  });
});

describe('workflow snippets in README.md and docs/', () => {
  const inputs = new Set(Object.keys((parse(readFileSync('action.yml', 'utf8')) as { inputs: Record<string, unknown> }).inputs));
  const blocks = docFiles().flatMap((file) => {
    const out: { file: string; text: string }[] = [];
    marked.walkTokens(Lexer.lex(readFileSync(file, 'utf8')), (t) => {
      if (t.type === 'code' && t.lang === 'yaml') out.push({ file, text: t.text });
    });
    return out;
  });

  /** Every step (a mapping with `uses`) anywhere in a parsed document. */
  const steps = (node: unknown): { uses: string; with?: Record<string, unknown> }[] => {
    if (Array.isArray(node)) return node.flatMap(steps);
    if (node === null || typeof node !== 'object') return [];
    const own = typeof (node as { uses?: unknown }).uses === 'string' ? [node as { uses: string }] : [];
    return [...own, ...Object.values(node).flatMap(steps)];
  };

  it('parse as YAML, and give the Action only inputs action.yml declares', () => {
    assert.ok(blocks.length > 10);
    const used: string[] = [];
    for (const { file, text } of blocks) {
      const doc = parse(text) as unknown;
      for (const step of steps(doc).filter((s) => /image-size-guard@/.test(s.uses))) {
        for (const name of Object.keys(step.with ?? {})) used.push(`${file}: ${name}`);
      }
    }
    assert.ok(used.length > 20);
    assert.deepEqual(used.filter((u) => !inputs.has(u.split(': ')[1]!)), []);
  });
});
