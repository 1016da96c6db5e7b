// The run's scanned layers by blob digest: a layer that several images share (base and head, or the
// platforms of one index) is downloaded and scanned once. Building a final filesystem writes into the
// scanned FileEntry objects (their layer index, an orphaned hardlink's size): the first image gets them,
// every later one gets copies reset to what LayerScan made (layer -1, hardlinks 0 bytes).

import type { ScannedLayer } from './layer-scan.js';
import type { Compression } from './types.js';

export interface CachedLayer {
  layer: ScannedLayer;
  compression: Compression;
}

export class ScannedLayerCache {
  private readonly scans = new Map<string, Promise<CachedLayer>>();
  private readonly handedOut = new Set<string>();

  /**
   * The layer with this digest: scanned by scan() the first time it is asked for, from the cache after.
   * A failed scan stays failed for the run (its image reports the fault; so does any other that shares it).
   */
  async get(digest: string, scan: () => Promise<CachedLayer>): Promise<CachedLayer> {
    let pending = this.scans.get(digest);
    if (!pending) {
      pending = scan();
      this.scans.set(digest, pending);
    }
    const cached = await pending;
    if (!this.handedOut.has(digest)) {
      this.handedOut.add(digest);
      return cached;
    }
    const puts = cached.layer.puts.map((e) => ({ ...e, layer: -1, size: e.type === 'hardlink' ? 0 : e.size }));
    return { compression: cached.compression, layer: { ...cached.layer, puts } };
  }

  has(digest: string): boolean {
    return this.scans.has(digest);
  }

  get size(): number {
    return this.scans.size;
  }
}
