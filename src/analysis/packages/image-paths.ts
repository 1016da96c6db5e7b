// Looks up the paths a package database names in the final filesystem. Databases name paths as the package
// shipped them ("/bin/bash"); on a merged-/usr image the file lives behind a directory symlink
// (/bin -> usr/bin), so parent directories are resolved through symlinks, inside the image only.

import type { FileEntry } from '../../image/types.js';

const MAX_LINK_HOPS = 40; // Linux's own limit (MAXSYMLINKS)

/**
 * "/a/./b/../c" → "/a/c". Null when ".." climbs above the root: a database that names such a path is broken or
 * hostile, and the path cannot be in the image.
 */
export function normalizePath(path: string): string | null {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return '/' + parts.join('/');
}

export class ImagePaths {
  /** Directory as named → the real directory it is, or null when it is not one. */
  private readonly dirs = new Map<string, string | null>();

  constructor(private readonly files: ReadonlyMap<string, FileEntry>) {}

  /** The final path and entry `path` names (its last component is not followed), or null when absent. */
  lookup(path: string): { path: string; entry: FileEntry } | null {
    const direct = this.files.get(path);
    if (direct !== undefined) return { path, entry: direct };
    const slash = path.lastIndexOf('/');
    if (slash <= 0) return null;
    const dir = this.realDir(path.slice(0, slash));
    if (dir === null) return null;
    const real = `${dir === '/' ? '' : dir}/${path.slice(slash + 1)}`;
    const entry = this.files.get(real);
    return entry === undefined ? null : { path: real, entry };
  }

  private realDir(dir: string): string | null {
    let real = this.dirs.get(dir);
    if (real === undefined) {
      real = this.resolve(dir);
      this.dirs.set(dir, real);
    }
    return real;
  }

  /** Follows symlinks in every component, relative ones from the link's directory; ".." stops at the root. */
  private resolve(dir: string): string | null {
    let pending = dir.split('/').filter((c) => c !== '');
    let done: string[] = [];
    let hops = 0;
    while (pending.length > 0) {
      const c = pending.shift()!;
      if (c === '.') continue;
      if (c === '..') {
        done.pop();
        continue;
      }
      const p = '/' + [...done, c].join('/');
      const e = this.files.get(p);
      if (e === undefined) return null;
      if (e.type === 'symlink') {
        if (++hops > MAX_LINK_HOPS || !e.linkTarget) return null;
        if (e.linkTarget.startsWith('/')) done = [];
        pending = [...e.linkTarget.split('/').filter((x) => x !== ''), ...pending];
        continue;
      }
      if (e.type !== 'dir') return null;
      done.push(c);
    }
    return '/' + done.join('/');
  }
}
