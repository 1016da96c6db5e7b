// `buildx-flags` is one string of extra command-line flags. Split it as sh splits words (quotes, backslashes),
// but never through a shell: nothing in it is expanded or executed. What may be in it: buildx-flags.ts.
//
// sh's rules: outside quotes a backslash keeps the next character (a backslash-newline is removed); inside single
// quotes nothing is special; inside double quotes a backslash escapes only $ ` " \ and newline, and stays
// otherwise ("C:\temp" keeps its backslash). Unlike sh, $ and ` are kept as they are (no expansion), and a
// newline separates words like a blank (multi-line workflow inputs).

import { ConfigError } from './errors.js';

const ESCAPED_IN_DOUBLE_QUOTES = new Set(['$', '`', '"', '\\', '\n']);

export function splitFlags(text: string, what: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (quote === "'") {
      if (c === "'") quote = null;
      else cur += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === '\\' && next !== undefined && ESCAPED_IN_DOUBLE_QUOTES.has(next)) {
        if (next !== '\n') cur += next;
        i++;
      } else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      has = true;
    } else if (c === '\\' && next !== undefined) {
      if (next !== '\n') {
        cur += next;
        has = true;
      }
      i++;
    } else if (/\s/.test(c)) {
      if (has) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (quote) throw new ConfigError(`${what}: unterminated ${quote} quote`);
  if (has) out.push(cur);
  return out;
}
