// Finding `wasted-space`: bytes one instruction writes and a later one deletes or overwrites. The delete hides
// them from the final filesystem but not from the image: they still ship in the writer's layer. One finding per
// writer → remover pair that wastes at least wastedSpaceMinBytes; package-manager caches are left to
// `package-cache` (deleted-caches.ts), so no byte is reported twice.

import { formatBytes, formatCount } from '../../lib/format.js';
import { cacheOf } from './cache-paths.js';
import type { DetectedFinding, FindingContext } from './context.js';
import { instructionRef, isBaseLayer, stepName } from './step-name.js';
import { evidence, listWithMore, locationOf } from './util.js';
import { commonPath, groupWaste, topPaths, type PathRow, type WasteGroup } from './waste-groups.js';

/** Findings per image at most: the biggest pairs (each is its own fix). */
const MAX_GROUPS = 10;
/** Paths named in a message; the evidence lists up to maxEvidence. */
const NAMED = 3;

export function detectWastedSpace(ctx: FindingContext): DetectedFinding[] {
  const groups = groupWaste(ctx.model.waste, (path) => cacheOf(path) === null, ctx.thresholds.wastedSpaceMinBytes);
  // both in the base image: nothing in this Dockerfile wrote or removed them
  return groups
    .filter((g) => !isBaseLayer(ctx, g.removedBy))
    .slice(0, MAX_GROUPS)
    .map((g) => wastedSpaceFinding(ctx, g));
}

function wastedSpaceFinding(ctx: FindingContext, g: WasteGroup): DetectedFinding {
  const rows = topPaths(g.writes, Math.max(NAMED, ctx.thresholds.maxEvidence));
  return {
    id: 'wasted-space',
    key: `wasted-space:${commonPath(g.writes)}`,
    message: wastedSpaceMessage(ctx, g, rows),
    bytes: g.bytes,
    evidence: rows.slice(0, Math.max(0, ctx.thresholds.maxEvidence)).map((r) => evidence(ctx.model, r.path, r.bytes, g.layer)),
    dockerfile: locationOf(ctx, g.layer),
    removedBy: instructionRef(ctx, g.removedBy),
  };
}

/** "/tmp/build (18 MB, 1,204 files), /tmp/x.tar (5 MB) and 2 more" */
export function pathList(rows: readonly PathRow[], total: number): string {
  const shown = rows.slice(0, NAMED).map((r) => `${r.path} (${formatBytes(r.bytes)}${r.files > 1 ? `, ${formatCount(r.files)} files` : ''})`);
  return listWithMore(shown, total);
}

function wastedSpaceMessage(ctx: FindingContext, g: WasteGroup, rows: PathRow[]): string {
  const verb = g.overwritten === 0 ? 'deleted' : g.overwritten === g.bytes ? 'overwritten' : 'deleted or overwritten';
  const what = `${formatBytes(g.bytes)} written by ${stepName(ctx, g.layer)} are ${verb} by ${stepName(ctx, g.removedBy)}: ${pathList(rows, rows.length)}`;
  if (isBaseLayer(ctx, g.layer)) {
    return (
      `${what}. Removing a base image's files in a later step does not make the image smaller: they still ship in the base image's layers. ` +
      'Start from a smaller base image, or copy only what the image needs out of a build stage (COPY --from).'
    );
  }
  const fix =
    verb === 'overwritten'
      ? 'Write the final version once: drop the earlier write, or make the files in a build stage and COPY --from only the result.'
      : 'Delete them in the same RUN that writes them, or make them in a build stage and COPY --from only what the image needs.';
  return `${what}. The later ${verb === 'overwritten' ? 'write' : 'delete'} does not make the image smaller: the bytes still ship in the earlier layer. ${fix}`;
}
