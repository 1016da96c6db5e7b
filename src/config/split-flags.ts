// `buildx-flags` is one string of extra command-line flags. Split it like a shell would (quotes, escapes),
// but never through a shell: nothing in it is expanded or executed. What may be in it: buildx-flags.ts.

import { ConfigError } from './errors.js';

export function splitFlags(text: string, what: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"' && i + 1 < text.length) cur += text[++i];
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      has = true;
    } else if (c === '\\' && i + 1 < text.length) {
      cur += text[++i];
      has = true;
    } else if (/\s/.test(c)) {
      if (has || cur) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (quote) throw new ConfigError(`${what}: unterminated ${quote} quote`);
  if (has || cur) out.push(cur);
  return out;
}
