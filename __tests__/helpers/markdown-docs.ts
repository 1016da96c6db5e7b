// The repository's documentation as GitHub shows it: README.md and docs/*.md parsed with marked (GFM: tables,
// setext headings, code blocks that hold neither headings nor links), heading ids made with github-slugger (the
// ids GitHub gives headings: lowercase, punctuation and emoji dropped, spaces to "-", "-1", "-2" for repeats).

import GithubSlugger from 'github-slugger';
import { Lexer, marked, type Token } from 'marked';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** README.md and every docs/*.md, relative to root. */
export function docFiles(root = '.'): string[] {
  const docs = existsSync(join(root, 'docs')) ? readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`) : [];
  return ['README.md', ...docs.sort()];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1]?.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** A heading's text as it renders: code spans' content, links' text, no markup, no HTML tags. */
function plainText(tokens: readonly Token[]): string {
  return tokens
    .map((t) => {
      if (t.type === 'html') return '';
      if ('tokens' in t && Array.isArray(t.tokens) && t.type !== 'codespan') return plainText(t.tokens);
      return decodeEntities('text' in t && typeof t.text === 'string' ? t.text : '');
    })
    .join('');
}

/** The ids GitHub gives the headings of one document, in order. */
export function headingIds(markdown: string): string[] {
  const slugger = new GithubSlugger();
  const ids: string[] = [];
  marked.walkTokens(Lexer.lex(markdown), (t) => {
    if (t.type === 'heading') ids.push(slugger.slug(plainText(t.tokens ?? [])));
  });
  return ids;
}

/** Every link target of a document: markdown links and images, and href/src attributes in inline HTML. */
export function linkTargets(markdown: string): string[] {
  const out: string[] = [];
  marked.walkTokens(Lexer.lex(markdown), (t) => {
    if (t.type === 'link' || t.type === 'image') out.push(t.href);
    else if (t.type === 'html') for (const m of t.raw.matchAll(/\b(?:href|src)\s*=\s*"([^"]*)"/gi)) out.push(m[1]!);
  });
  return out;
}

/** Links that leave the repository (a scheme such as https: or mailto:, or a protocol-relative //host). */
const external = (href: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//');

/**
 * The relative links of `file` (a path under root) that do not resolve: the file or directory they name does
 * not exist, or their #fragment is not the id of a heading in the markdown file they name. One line each.
 */
export function brokenLinks(file: string, root = '.'): { checked: number; broken: string[] } {
  const text = readFileSync(join(root, file), 'utf8');
  const broken: string[] = [];
  let checked = 0;
  for (const href of linkTargets(text)) {
    if (external(href)) continue;
    checked++;
    const hash = href.indexOf('#');
    const path = decodeURIComponent(hash < 0 ? href : href.slice(0, hash));
    const fragment = hash < 0 ? null : decodeURIComponent(href.slice(hash + 1));
    const target = path === '' ? resolve(root, file) : path.startsWith('/') ? resolve(root, path.slice(1)) : resolve(root, dirname(file), path);
    const shown = relative(resolve(root), target) || '.';
    if (!existsSync(target)) {
      broken.push(`${file}: ${href}: no such file ${shown}`);
      continue;
    }
    if (fragment === null) continue;
    if (!statSync(target).isFile() || !target.endsWith('.md')) {
      broken.push(`${file}: ${href}: a #fragment on ${shown}, which is not a markdown file`);
      continue;
    }
    if (!headingIds(readFileSync(target, 'utf8')).includes(fragment)) broken.push(`${file}: ${href}: ${shown} has no heading #${fragment}`);
  }
  return { checked, broken };
}
