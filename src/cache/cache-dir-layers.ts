// The disk layer cache (the DiskLayerCache the readers consult, image/cached-layer.ts): layer scans between
// runs, by blob digest, in the cache directory's `layers/<build>-<algorithm>-<hex>.isgc`. An entry is the scan
// (path table and entries as typed arrays, captured package databases), the blob's compression and its gzip
// estimate. Unusable entries are dropped with a warning.

import { CodecError, Reader, Writer } from '../image/binary-codec.js';
import { cacheableDigest, type CachedLayer, type DiskLayerCache } from '../image/cached-layer.js';
import { decodeScannedLayer, encodeScannedLayer } from '../image/model-codec.js';
import type { Compression } from '../image/types.js';
import { toolBuild } from '../lib/build-id.js';
import type { CacheDir } from './cache-dir.js';
import { CacheEntryError, openEntry, sealEntry } from './envelope.js';

/** A layer whose encoding is bigger than this is not kept: encoding it would cost more memory than it saves time. */
const MAX_ENTRY_BYTES = 256 * 1024 ** 2;

export class CacheDirLayers implements DiskLayerCache {
  /** Entries ignored (corrupt, truncated, foreign), one line each, for the run's warnings. */
  readonly warnings: string[] = [];
  private readonly pending = new Set<Promise<void>>();
  private readonly saving = new Set<string>();

  constructor(private readonly dir: CacheDir) {}

  lookup(digest: string): CachedLayer | null {
    if (!cacheableDigest(digest)) return null;
    const name = fileName(digest);
    const file = this.dir.read('layers', name);
    if (!file) return null;
    try {
      const r = new Reader(openEntry(file, 'layer', digest));
      const meta = r.json<{ compression: Compression; estimate: number | null }>();
      if (!['none', 'gzip', 'zstd'].includes(meta.compression) || (meta.estimate !== null && !(typeof meta.estimate === 'number' && meta.estimate >= 0))) {
        throw new CodecError('bad layer header');
      }
      const layer = decodeScannedLayer(r);
      r.end();
      return { layer, compression: meta.compression, estimate: meta.estimate };
    } catch (err) {
      if (!(err instanceof CacheEntryError || err instanceof CodecError)) throw err;
      this.warnings.push(`ignored the cached analysis of layer ${digest} (${err.message}); the layer is read again`);
      this.dir.remove('layers', name);
      return null;
    }
  }

  save(digest: string, cached: CachedLayer): void {
    if (!cacheableDigest(digest) || this.saving.has(digest)) return;
    this.saving.add(digest);
    const task = (async () => {
      const w = new Writer();
      w.json({ compression: cached.compression, estimate: cached.estimate });
      encodeScannedLayer(cached.layer, w);
      if (w.bytes > MAX_ENTRY_BYTES) return;
      await this.dir.write('layers', fileName(digest), await sealEntry('layer', digest, w.finish()));
    })().catch(() => undefined); // a layer not kept costs only time next run
    this.pending.add(task);
    void task.finally(() => this.pending.delete(task));
  }

  /** Waits for the writes started so far. */
  async flush(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }
}

/** By build and digest: another build's entries are never read (they age out of the directory unused). */
function fileName(digest: string): string {
  return `${toolBuild().replace(/[^a-z0-9]+/g, '-')}-${digest.replace(':', '-')}`;
}
