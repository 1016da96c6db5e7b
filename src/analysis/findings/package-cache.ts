// Finding `package-cache`: package-manager caches left in the final image.

import type { FileEntry } from '../../image/types.js';
import { formatBytes } from '../../lib/format.js';
import type { DetectedFinding, FindingContext } from './context.js';
import { ancestors, evidence, homeDirs, LayerBytes, listWithMore, locationOf } from './util.js';
import { FIXED_CACHES, homeCaches, type CacheDir } from './cache-paths.js';

export function cacheDirs(files: ReadonlyMap<string, FileEntry>): CacheDir[] {
  const out: CacheDir[] = [...FIXED_CACHES];
  for (const h of homeDirs(files)) out.push(...homeCaches(h));
  return out.filter((c) => files.get(c.dir)?.type === 'dir');
}

export interface CacheEntry {
  dir: string;
  bytes: number;
  layer: number;
  clean: string;
}

/** Each cache directory present with its bytes, biggest first; plus the layer that wrote most cache bytes. */
export function scanCaches(files: ReadonlyMap<string, FileEntry>): { entries: CacheEntry[]; bytes: number; topLayer: number | null } {
  const dirs = cacheDirs(files);
  if (dirs.length === 0) return { entries: [], bytes: 0, topLayer: null };
  const byDir = new Map(dirs.map((c) => [c.dir, { c, bytes: new LayerBytes() }]));
  for (const [p, e] of files) {
    if (e.type !== 'file' && e.type !== 'hardlink') continue;
    // the innermost cache directory owns the file (/var/cache/apt/archives before /var/cache/apt)
    const as = ancestors(p);
    for (let i = as.length - 1; i >= 0; i--) {
      const hit = byDir.get(as[i]!);
      if (hit === undefined) continue;
      if (hit.c.counts === undefined || hit.c.counts(p.slice(hit.c.dir.length + 1))) hit.bytes.add(e.layer, e.size);
      break;
    }
  }
  const all = new LayerBytes();
  const entries: CacheEntry[] = [];
  for (const { c, bytes } of byDir.values()) {
    const layer = bytes.top();
    if (bytes.total <= 0 || layer === null) continue;
    entries.push({ dir: c.dir, bytes: bytes.total, layer, clean: c.clean });
    all.merge(bytes);
  }
  entries.sort((a, b) => b.bytes - a.bytes || (a.dir < b.dir ? -1 : a.dir > b.dir ? 1 : 0));
  return { entries, bytes: all.total, topLayer: all.top() };
}

export function detectPackageCache(ctx: FindingContext): DetectedFinding | null {
  const { model, thresholds } = ctx;
  const scan = scanCaches(model.files);
  if (scan.entries.length === 0 || scan.bytes < thresholds.packageCacheMinBytes) return null;
  const shown = scan.entries.slice(0, Math.max(0, thresholds.maxEvidence));
  const list = listWithMore(
    shown.map((e) => `${e.dir} (${formatBytes(e.bytes)})`),
    scan.entries.length,
  );
  const top = scan.entries[0]!;
  return {
    id: 'package-cache',
    message:
      `Package-manager caches (${formatBytes(scan.bytes)}) are left in the image: ${list}; ` +
      `run ${top.clean} in the same RUN that fills ${top.dir}, or use a cache mount (RUN --mount=type=cache,target=${top.dir}).`,
    bytes: scan.bytes,
    evidence: shown.map((e) => evidence(model, e.dir, e.bytes, e.layer)),
    dockerfile: locationOf(ctx, scan.topLayer),
  };
}
