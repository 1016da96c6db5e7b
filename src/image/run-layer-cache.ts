// The run layer cache: this run's scanned layers, in memory, by blob digest. A layer that several images
// share (base and head, or the platforms of one index) is downloaded and scanned once. A scanned layer is
// never written to (the final filesystem keeps its own tables), so every image that shares it gets the same
// one. (Between runs, layers are kept in the disk layer cache: cached-layer.ts.)

import type { CachedLayer } from './cached-layer.js';

export class RunLayerCache {
  private readonly scans = new Map<string, Promise<CachedLayer>>();

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
    return pending;
  }

  has(digest: string): boolean {
    return this.scans.has(digest);
  }

  get size(): number {
    return this.scans.size;
  }
}
