// Runs every finding detector over one image, in the report's order (docs/architecture.md, "Adding a finding"). Most
// report at most one finding; those about wasted bytes report one per writer → remover pair of instructions.

import { detectBuildTools } from './build-tools.js';
import type { DetectedFinding, FindingContext } from './context.js';
import { detectDeletedCaches } from './deleted-caches.js';
import { detectMissingMultiStage } from './missing-multi-stage.js';
import { detectPackageCache } from './package-cache.js';
import { detectShell } from './shell.js';
import { detectWastedSpace } from './wasted-space.js';

type Detector = (ctx: FindingContext) => DetectedFinding | DetectedFinding[] | null;

const DETECTORS: readonly Detector[] = [detectShell, detectMissingMultiStage, detectBuildTools, detectPackageCache, detectDeletedCaches, detectWastedSpace];

export function detectFindings(ctx: FindingContext): DetectedFinding[] {
  const out: DetectedFinding[] = [];
  for (const detect of DETECTORS) {
    const f = detect(ctx);
    if (Array.isArray(f)) out.push(...f);
    else if (f !== null) out.push(f);
  }
  return out;
}
