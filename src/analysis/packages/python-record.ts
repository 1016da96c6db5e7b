// Python distributions installed by pip (and other wheel installers): <site>/<name>-<version>.dist-info/RECORD
// lists every installed file as CSV rows "path,hash,size"; paths are relative to the site-packages directory
// ("../../../bin/pip" for scripts) or absolute.

export interface DistInfo {
  name: string;
  version: string;
}

/** "tiny_pkg-1.0.dist-info" → tiny_pkg, 1.0 (wheel names escape "-" in both parts, so the first "-" splits). */
export function parseDistInfoDir(dir: string): DistInfo | null {
  if (!dir.endsWith('.dist-info')) return null;
  const stem = dir.slice(0, -'.dist-info'.length);
  const dash = stem.indexOf('-');
  if (dash <= 0 || dash === stem.length - 1) return null;
  return { name: stem.slice(0, dash), version: stem.slice(dash + 1) };
}

/** PEP 503 normalised name: the same project whatever its spelling (Foo_Bar, foo-bar, foo.bar). */
export function normalizePythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/**
 * The first field of each RECORD row: the path. Hand-rolled rather than a CSV library because only that
 * field is read, and it is quoted (with "" for a quote) only when it holds a comma or a quote.
 */
export function parseRecordPaths(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === '') continue;
    let path: string;
    if (line.startsWith('"')) {
      let i = 1;
      path = '';
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) {
          path = ''; // unterminated quote: not a row
          break;
        }
        path += line.slice(i, q);
        if (line[q + 1] === '"') {
          path += '"';
          i = q + 2;
        } else break;
      }
    } else {
      const comma = line.indexOf(',');
      path = comma < 0 ? line : line.slice(0, comma);
    }
    if (path !== '') out.push(path);
  }
  return out;
}
