// Parses WWW-Authenticate (RFC 7235): one or more challenges, each a scheme and auth-params whose values
// may be quoted strings holding commas ("repository:a:pull,push") and backslash escapes.

export interface Challenge {
  /** Lower-cased: "bearer", "basic". */
  scheme: string;
  /** Parameter names lower-cased: realm, service, scope, error. */
  params: Record<string, string>;
}

const TOKEN = /[!#$%&'*+\-.^_`|~0-9A-Za-z]+/y;

export function parseChallenges(header: string | string[] | undefined): Challenge[] {
  if (header === undefined) return [];
  const text = Array.isArray(header) ? header.join(', ') : header;
  const out: Challenge[] = [];
  let i = 0;
  const skip = (chars: string): void => {
    while (i < text.length && chars.includes(text[i] as string)) i++;
  };
  const token = (): string | null => {
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(text);
    if (!m) return null;
    i = TOKEN.lastIndex;
    return m[0];
  };
  while (i < text.length) {
    skip(' \t,');
    const scheme = token();
    if (!scheme) {
      i++; // garbage: step over it
      continue;
    }
    const challenge: Challenge = { scheme: scheme.toLowerCase(), params: {} };
    out.push(challenge);
    // auth-params until the next challenge (a token followed by a space rather than "=")
    for (;;) {
      skip(' \t,');
      const start = i;
      const name = token();
      if (!name) break;
      skip(' \t');
      if (text[i] !== '=') {
        i = start; // the next challenge's scheme
        break;
      }
      i++;
      skip(' \t');
      let value = '';
      if (text[i] === '"') {
        i++;
        while (i < text.length && text[i] !== '"') {
          if (text[i] === '\\' && i + 1 < text.length) i++;
          value += text[i];
          i++;
        }
        i++; // closing quote
      } else {
        // unquoted: up to the next comma or blank (lenient: some servers leave URLs unquoted)
        while (i < text.length && !' \t,'.includes(text[i] as string)) value += text[i++];
      }
      challenge.params[name.toLowerCase()] = value;
    }
  }
  return out;
}
