// Layer scans kept between runs, by blob digest (content-addressed, so an entry never goes stale). The
// readers ask before they scan a layer blob: a known one is not scanned (nor its gzip estimate computed,
// nor, from a registry, downloaded) again. What is kept and where is up to the implementation (a cache
// directory: sources/layer-cache.ts); readers only store layers whose bytes they verified against the digest.

import { isDigest } from '../oci/digest.js';
import type { ScannedLayer } from './layer-scan.js';
import type { Compression } from './types.js';

export interface StoredLayer {
  layer: ScannedLayer;
  compression: Compression;
  /** The gzip estimate of an uncompressed blob, when one was made. */
  estimate: number | null;
}

export interface LayerStore {
  /**
   * The layer with this blob digest ("sha256:…"), or null when it is not kept (or its entry is unusable).
   * Synchronous: the archive reader decides how to handle a blob at its first bytes.
   */
  lookup(digest: string): StoredLayer | null;
  /** Keeps a layer whose blob was verified to have this digest (written in the background). */
  save(digest: string, layer: StoredLayer): void;
}

/** Digests the stores accept: the algorithms registries use, in their canonical spelling. */
export function storableDigest(digest: string): boolean {
  return isDigest(digest);
}
