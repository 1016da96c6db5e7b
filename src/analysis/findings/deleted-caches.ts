// Finding `package-cache`, for caches that do not reach the final filesystem but still ship: a layer fills a
// package-manager cache and a later one deletes (or replaces) it. The delete makes the final filesystem clean and
// the image no smaller. One finding per writer → remover pair holding at least packageCacheMinBytes of cache.

import { formatBytes } from '../../lib/format.js';
import { cacheOf, type CacheDir } from './cache-paths.js';
import type { DetectedFinding, FindingContext } from './context.js';
import { instructionRef, isBaseLayer, stepName } from './step-name.js';
import { evidence, listWithMore, locationOf } from './util.js';
import { groupWaste, type WasteGroup } from './waste-groups.js';

export function detectDeletedCaches(ctx: FindingContext): DetectedFinding[] {
  const groups = groupWaste(ctx.model.waste, (path) => cacheOf(path) !== null, ctx.thresholds.packageCacheMinBytes);
  return groups.filter((g) => !isBaseLayer(ctx, g.removedBy)).map((g) => deletedCacheFinding(ctx, g));
}

/** The group's bytes per cache directory, biggest first. */
function byCache(g: WasteGroup): { cache: CacheDir; bytes: number }[] {
  const out = new Map<string, { cache: CacheDir; bytes: number }>();
  for (const w of g.writes) {
    const cache = cacheOf(w.path)!;
    const e = out.get(cache.dir) ?? { cache, bytes: 0 };
    e.bytes += w.bytes;
    out.set(cache.dir, e);
  }
  return [...out.values()].sort((a, b) => b.bytes - a.bytes || (a.cache.dir < b.cache.dir ? -1 : 1));
}

function deletedCacheFinding(ctx: FindingContext, g: WasteGroup): DetectedFinding {
  const caches = byCache(g);
  const shown = caches.slice(0, Math.max(0, ctx.thresholds.maxEvidence));
  const list = listWithMore(
    shown.map((c) => `${c.cache.dir} (${formatBytes(c.bytes)})`),
    caches.length,
  );
  const top = caches[0]!.cache;
  const writer = stepName(ctx, g.layer);
  const verb = g.overwritten === g.bytes ? 'replaced' : g.overwritten === 0 ? 'deleted' : 'deleted or replaced';
  const fix = isBaseLayer(ctx, g.layer)
    ? 'start from a base image that does not ship them'
    : `run ${top.clean} in the same RUN that fills ${top.dir} (${writer}), or use a cache mount (RUN --mount=type=cache,target=${top.dir})`;
  return {
    id: 'package-cache',
    key: `package-cache:${caches.map((c) => c.cache.dir).sort().join(',')}:later`,
    message:
      `Package-manager caches (${formatBytes(g.bytes)}) written by ${writer} are ${verb} by ${stepName(ctx, g.removedBy)}: ${list}. ` +
      `The later ${verb === 'replaced' ? 'write' : 'delete'} does not make the image smaller: the caches still ship in the earlier layer; ${fix}.`,
    bytes: g.bytes,
    evidence: shown.map((c) => evidence(ctx.model, c.cache.dir, c.bytes, g.layer)),
    dockerfile: locationOf(ctx, g.layer),
    removedBy: instructionRef(ctx, g.removedBy),
  };
}
