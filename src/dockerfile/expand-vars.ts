// Build-arg substitution as BuildKit's shell lexer does it for FROM and --from values: $NAME, ${NAME},
// ${NAME:-word}, ${NAME-word}, ${NAME:+word}, ${NAME+word}; the escape character before "$" keeps it literal.
// A name not in `vars` at all is left as written (it may be a built-in such as $BUILDPLATFORM); a name
// present with the value undefined (declared ARG without a value) expands to "".

export type Vars = ReadonlyMap<string, string | undefined>;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

export function expandVars(text: string, vars: Vars, escapeChar = '\\'): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === escapeChar && text[i + 1] === '$') {
      out += '$';
      i += 2;
      continue;
    }
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    if (text[i + 1] === '{') {
      const close = findClose(text, i + 2);
      if (close < 0) {
        out += text.slice(i);
        break;
      }
      out += expandBraced(text.slice(i, close + 1), text.slice(i + 2, close), vars, escapeChar);
      i = close + 1;
      continue;
    }
    const name = NAME.exec(text.slice(i + 1));
    if (!name) {
      out += c;
      i++;
      continue;
    }
    const whole = '$' + name[0];
    out += vars.has(name[0]) ? (vars.get(name[0]) ?? '') : whole;
    i += whole.length;
  }
  return out;
}

function expandBraced(whole: string, inner: string, vars: Vars, escapeChar: string): string {
  const name = NAME.exec(inner);
  if (!name) return whole;
  const rest = inner.slice(name[0].length);
  const known = vars.has(name[0]);
  const value = vars.get(name[0]);
  if (rest === '') return known ? (value ?? '') : whole;
  const op = /^(:?)([-+])/.exec(rest);
  if (!op) return whole;
  const word = expandVars(rest.slice(op[0].length), vars, escapeChar);
  const set = op[1] === ':' ? value !== undefined && value !== '' : value !== undefined;
  if (op[2] === '-') return set ? value! : word;
  return set ? word : '';
}

/** Index of the "}" closing a "${" whose body starts at `from`, nested braces allowed; -1 when none. */
function findClose(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}
