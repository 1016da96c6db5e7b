// Runs every finding detector over one image, in the report's order (docs/architecture.md, "Adding a finding").

import { detectBuildTools } from './build-tools.js';
import type { DetectedFinding, FindingContext } from './context.js';
import { detectMissingMultiStage } from './missing-multi-stage.js';
import { detectPackageCache } from './package-cache.js';
import { detectShell } from './shell.js';

const DETECTORS: readonly ((ctx: FindingContext) => DetectedFinding | null)[] = [detectShell, detectMissingMultiStage, detectBuildTools, detectPackageCache];

export function detectFindings(ctx: FindingContext): DetectedFinding[] {
  const out: DetectedFinding[] = [];
  for (const detect of DETECTORS) {
    const f = detect(ctx);
    if (f !== null) out.push(f);
  }
  return out;
}
