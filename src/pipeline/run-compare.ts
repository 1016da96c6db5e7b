// The whole run, shared by the CLI and the Action: the images the change can have touched are compared (a
// bounded number at a time), the others reported as not built, then one report. What the images share — the
// builder, base checkouts, compressed-size estimates — is shared here.

import type { ReadOptions } from '../image/read-image.js';
import { allLimit } from '../lib/settle-limit.js';
import type { NotBuiltEntry, Report, ReportEntry } from '../model/report.js';
import { makeReport } from '../report/image-report.js';
import { BuildSession } from './build-session.js';
import { planBuilds, type BuildPlan } from './change-plan.js';
import type { CompareOptions, ImageOptions, RunOptions } from './compare-options.js';
import { compareImage, deriveName, type ImageResult, type ProgressFactory } from './compare-image.js';
import { buildPaths } from './build-side.js';

export interface CompareResult {
  report: Report;
  /** The images that were compared, in the report's order. */
  images: ImageResult[];
  /** One per image given, in order: whether it was built, and why. */
  plans: BuildPlan[];
  /** Every image's warnings; prefixed with the image's name when there are several images. */
  warnings: string[];
}

/** One image (the CLI's flags, the Action's single-image inputs). */
export function runCompare(o: CompareOptions, progress?: ProgressFactory): Promise<CompareResult> {
  return runImages(o, [o], progress);
}

export async function runImages(run: RunOptions, images: readonly ImageOptions[], progress?: ProgressFactory): Promise<CompareResult> {
  const session = new BuildSession(run);
  // estimates by layer digest: a layer shared by several images (or base and head) is estimated once
  const read: ReadOptions = { compressedSize: run.compressedSize, estimates: new Map() };
  try {
    const plans = await planBuilds(session, images);
    const toBuild = images.filter((_, i) => plans[i]!.build);
    const results = await allLimit(toBuild, run.concurrency ?? 2, (image) => compareImage(session, image, read, progress));
    const entries: ReportEntry[] = [];
    let next = 0;
    images.forEach((image, i) => {
      const plan = plans[i]!;
      entries.push(plan.build ? results[next++]!.entry : notBuilt(run, image, plan.reason));
    });
    const several = images.length > 1;
    const warnings = results.flatMap((r) => r.warnings.map((w) => (several ? `${r.entry.name}: ${w}` : w)));
    return { report: makeReport(entries), images: results, plans, warnings };
  } finally {
    await session.close();
  }
}

function notBuilt(run: RunOptions, image: ImageOptions, reason: string): NotBuiltEntry {
  // named as it would be when built: one image keeps its comment whether it was built or not
  const name = image.name ?? deriveName(image, { dockerfile: buildPaths(run.cwd, image, null).relDockerfile, ref: 'working tree' });
  return { name, platform: image.platform ?? null, status: 'not-built', passed: true, reason };
}
