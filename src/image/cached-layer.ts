// A scanned layer as every cache holds it, and what the readers ask of the disk layer cache. Two caches of
// layers by blob digest: the run's, in memory (run-layer-cache.ts: a layer base and head share is scanned
// once), and the disk layer cache, kept between runs in the cache directory (content-addressed, so an
// entry never goes stale; cache/cache-dir-layers.ts). The readers ask the disk one before they scan a layer
// blob: a known one is not scanned (nor its gzip estimate computed, nor, from a registry, downloaded) again.
// They only keep layers whose bytes they verified against the digest.

import { isDigest } from '../oci/digest.js';
import type { ScannedLayer } from './layer-scan.js';
import type { Compression } from './types.js';

export interface CachedLayer {
  layer: ScannedLayer;
  compression: Compression;
  /** The gzip estimate of an uncompressed blob, when one was made. */
  estimate: number | null;
}

export interface DiskLayerCache {
  /**
   * The layer with this blob digest ("sha256:…"), or null when it is not kept (or its entry is unusable).
   * Synchronous: the archive reader decides how to handle a blob at its first bytes.
   */
  lookup(digest: string): CachedLayer | null;
  /** Keeps a layer whose blob was verified to have this digest (written in the background). */
  save(digest: string, layer: CachedLayer): void;
}

/** Digests the disk layer cache accepts: the algorithms registries use, in their canonical spelling. */
export function cacheableDigest(digest: string): boolean {
  return isDigest(digest);
}
