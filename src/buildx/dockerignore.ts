// Which files of a build context buildx sends: the .dockerignore in effect and Docker's matching rules.
//
// Matching is @balena/dockerignore, a port of Moby's own matcher: patterns are anchored at the context root
// (`*.log` excludes `x.log`, not `a/x.log`), a pattern that matches a directory excludes everything under it,
// `**` spans any number of directories, the last matching line wins, and `!` can re-include a file inside an
// excluded directory. The `ignore` package implements .gitignore instead, which differs on exactly those
// points (unanchored patterns, no re-including under an excluded directory), so it would call changed files
// unchanged. Two corrections to the library: case-sensitive matching (Docker on Linux is; the library's default
// is not), and regular-expression characters that mean nothing in Go's filepath.Match (`+`, `(`, `|`, …) are
// escaped before it turns a pattern into a regular expression, which it does without escaping them (`c++` threw).
// __tests__/integration/dockerignore.test.ts checks the result against what buildx really sends.

import dockerignoreModule from '@balena/dockerignore';
import { posix } from 'node:path';

/**
 * The ignore files buildx looks for, first one present wins: `<Dockerfile>.dockerignore` beside the Dockerfile
 * (e.g. `web/Dockerfile.prod.dockerignore`), then `.dockerignore` at the context root. Paths as given (POSIX).
 */
export function ignoreFileCandidates(context: string, dockerfile: string): string[] {
  return [`${dockerfile}.dockerignore`, posix.join(context, '.dockerignore')];
}

/** Escapes what the library would pass through to a RegExp unescaped; `[...]` classes and `\` escapes are kept. */
export function escapeForLibrary(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\' && i + 1 < pattern.length) {
      out += ch + pattern[++i];
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
      continue;
    }
    if (ch === '[') inClass = true;
    out += /[+(){}|^]/.test(ch) ? `\\${ch}` : ch;
  }
  return out;
}

/**
 * A predicate over context-relative POSIX paths: true when buildx sends the path (not excluded).
 * `text` is the ignore file's content (empty or null: everything is sent).
 */
export function contextFilter(text: string | null): (path: string) => boolean {
  if (!text) return () => true;
  // as Moby reads the file: a UTF-8 BOM is dropped, and only a line whose first character is `#` is a comment
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => (line.startsWith('#') ? '' : escapeForLibrary(line)));
  // a CommonJS module whose typings describe `default`: the factory is module.exports and module.exports.default
  const matcher = dockerignoreModule.default({ ignorecase: false }).add(lines);
  return (path) => {
    try {
      return !matcher.ignores(path);
    } catch {
      // a pattern that is no pattern (`[abc`): buildx refuses the build; here the path counts as sent, so the
      // image is built and that refusal is what the user sees
      return true;
    }
  };
}
