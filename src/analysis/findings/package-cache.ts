// Finding `package-cache`: package-manager caches left in the final image.

import type { FileEntry } from '../../image/types.js';
import { formatBytes } from '../../lib/format.js';
import type { DetectedFinding, FindingContext } from './context.js';
import { ancestors, evidence, homeDirs, LayerBytes, listWithMore, locationOf } from './util.js';

interface CacheDir {
  dir: string;
  /** Which files under `dir` are cache (path relative to dir, no leading slash); all when absent. */
  counts?: (rel: string) => boolean;
  /** The command that empties it (for the message): always an rm -rf, which works in any image. */
  clean: string;
}

/** Per-user caches, relative to a home directory (/root, /home/<user>). */
const HOME_CACHES = ['.cache/pip', '.npm', '.cache/yarn', '.yarn/berry/cache', '.cache/go-build', 'go/pkg/mod', '.m2/repository', '.gradle/caches', '.cargo/registry'];

export function cacheDirs(files: ReadonlyMap<string, FileEntry>): CacheDir[] {
  const out: CacheDir[] = [
    // lists fetched by apt-get update; the lock file and partial/ are apt's own furniture
    { dir: '/var/lib/apt/lists', counts: (rel) => rel !== 'lock', clean: 'rm -rf /var/lib/apt/lists/*' },
    { dir: '/var/cache/apt/archives', counts: (rel) => rel.endsWith('.deb'), clean: 'rm -rf /var/cache/apt/archives/*.deb' },
    // pkgcache.bin / srcpkgcache.bin directly in /var/cache/apt (archives/ is its own entry)
    { dir: '/var/cache/apt', counts: (rel) => !rel.includes('/') && rel.endsWith('.bin'), clean: 'rm -rf /var/cache/apt/*.bin' },
    { dir: '/var/cache/apk', clean: 'rm -rf /var/cache/apk/*' },
    { dir: '/usr/local/share/.cache/yarn', clean: 'rm -rf /usr/local/share/.cache/yarn' }, // yarn v1's cache when run as root by the node image
    { dir: '/go/pkg/mod', clean: 'rm -rf /go/pkg/mod' }, // the golang image's GOPATH is /go
    { dir: '/usr/local/cargo/registry', clean: 'rm -rf /usr/local/cargo/registry' }, // the rust image's CARGO_HOME
  ];
  for (const h of homeDirs(files)) for (const sub of HOME_CACHES) out.push({ dir: `${h}/${sub}`, clean: `rm -rf ${h}/${sub}` });
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
