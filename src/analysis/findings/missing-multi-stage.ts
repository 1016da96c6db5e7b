// Finding `missing-multi-stage`: a single-stage Dockerfile whose image carries build tooling.

import { formatBytes } from '../../lib/format.js';
import { scanTooling, toolingEvidence } from './build-tools.js';
import type { DetectedFinding, FindingContext } from './context.js';
import { toolingPackagesClause } from './tooling-packages.js';

export function detectMissingMultiStage(ctx: FindingContext): DetectedFinding | null {
  const df = ctx.dockerfile;
  if (df === null || !df.singleStage) return null; // build-tools' case
  const scan = scanTooling(ctx);
  if (scan.entries.length === 0 || scan.bytes < ctx.thresholds.buildToolsMinBytes) return null;
  const { evidence, list } = toolingEvidence(ctx, scan);
  // The saving is the tooling itself; sources and caches a build stage would also leave behind are not
  // counted, hence "at least".
  return {
    id: 'missing-multi-stage',
    message:
      `The image is built in a single stage and ships ${formatBytes(scan.bytes)} of build tooling (${list}${toolingPackagesClause(ctx, scan)}): ` +
      `building in one stage and copying only the artefacts into a slim final stage saves at least ${formatBytes(scan.bytes)}.`,
    bytes: scan.bytes,
    evidence,
    dockerfile: { path: df.path, line: df.fromLine },
  };
}
