// The cache directory ($XDG_CACHE_HOME/image-size-guard by default), where the analysis cache keeps its two
// disk caches: `bases/` a commit's analysis by its base key (pipeline/analysis-cache.ts), `layers/` layer
// scans by blob digest (cache-dir-layers.ts); entries are sealed in envelope.ts's format. Files are written
// whole to a temporary name and renamed, so a reader (another run sharing the directory) sees an old entry or
// a new one, never half of one. Every use of an entry refreshes its modification time; prune() then keeps the
// directory bounded, least recently used first: entries unused for MAX_AGE are removed, then the oldest until
// the total is under MAX_BYTES.

import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, utimesSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export type CacheArea = 'bases' | 'layers';

export const CACHE_LIMITS = {
  /** The directory is cut back to 80% of this when it grows past it. */
  maxBytes: 2 * 1024 ** 3,
  /** Entries unused for this long are removed. */
  maxAgeMs: 30 * 24 * 3600 * 1000,
};

export class CacheDir {
  /** Problems that cost nothing but speed (an unwritable directory), said once each by the caller. */
  readonly problems: string[] = [];

  constructor(readonly root: string) {}

  path(area: CacheArea, name: string): string {
    if (!/^[a-z0-9][a-z0-9-]{0,200}$/.test(name)) throw new Error(`not a cache entry name: ${name}`);
    return join(this.root, area, `${name}.isgc`);
  }

  /** The entry's bytes, or null when there is none. */
  read(area: CacheArea, name: string): Buffer | null {
    const file = this.path(area, name);
    try {
      const bytes = readFileSync(file);
      const now = new Date();
      try {
        utimesSync(file, now, now); // used: last to be pruned
      } catch {
        // read-only cache: still usable
      }
      return bytes;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.problem(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      return null;
    }
  }

  /** Writes an entry atomically; false (and a problem noted) when the directory cannot be written. */
  async write(area: CacheArea, name: string, bytes: Buffer): Promise<boolean> {
    const file = this.path(area, name);
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await mkdir(join(this.root, area), { recursive: true });
      await writeFile(tmp, bytes);
      await rename(tmp, file);
      return true;
    } catch (err) {
      await rm(tmp, { force: true }).catch(() => undefined);
      this.problem(`cannot write the analysis cache in ${this.root}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      return false;
    }
  }

  /** Drops an entry that turned out unusable (so it is not read, and warned about, again). */
  remove(area: CacheArea, name: string): void {
    try {
      rmSync(this.path(area, name), { force: true });
    } catch {
      // best effort
    }
  }

  /** Removes entries unused for maxAgeMs, then the least recently used until the total is under 80% of maxBytes. */
  async prune(limits = CACHE_LIMITS, now = Date.now()): Promise<{ removed: number; bytes: number }> {
    const entries: { file: string; size: number; used: number }[] = [];
    for (const area of ['bases', 'layers'] as const) {
      const dir = join(this.root, area);
      const names = await readdir(dir).catch(() => [] as string[]);
      for (const name of names) {
        const file = join(dir, name);
        const s = await stat(file).catch(() => null);
        if (!s?.isFile()) continue;
        // a temporary file left by a run that died: gone after an hour
        if (name.endsWith('.tmp') && now - s.mtimeMs < 3600_000) continue;
        entries.push({ file, size: s.size, used: name.endsWith('.tmp') ? 0 : s.mtimeMs });
      }
    }
    entries.sort((a, b) => a.used - b.used);
    let total = entries.reduce((n, e) => n + e.size, 0);
    const over = total > limits.maxBytes;
    let removed = 0;
    for (const e of entries) {
      const stale = now - e.used > limits.maxAgeMs;
      if (!stale && !(over && total > limits.maxBytes * 0.8)) break;
      await rm(e.file, { force: true }).catch(() => undefined);
      total -= e.size;
      removed++;
    }
    return { removed, bytes: total };
  }

  private problem(text: string): void {
    if (!this.problems.includes(text)) this.problems.push(text);
  }
}
