// The whole run, shared by the CLI and the Action: the images the change can have touched are compared (a
// bounded number at a time), the others reported as not built, then one report. What the images share — the
// builder, base checkouts, compressed-size estimates — is shared here.

import type { ReadOptions } from '../image/read-image.js';
import { allLimit } from '../lib/settle-limit.js';
import type { NotBuiltEntry, RemovedPlatform, Report, ReportEntry } from '../model/report.js';
import { makeReport } from '../report/image-report.js';
import { BuildSession } from './build-session.js';
import { planBuilds, type BuildPlan } from './change-plan.js';
import type { CompareOptions, ImageOptions, RunOptions } from './compare-options.js';
import { checkPlatformAll, deriveName, type ImageResult, type ProgressFactory } from './compare-image.js';
import { compareRelease } from './previous-release.js';
import { buildPaths } from './build-side.js';

export interface CompareResult {
  report: Report;
  /** One per compared image and head platform, in the report's order (images not built have none). */
  images: ImageResult[];
  /** One per image given, in order: whether it was built, and why. */
  plans: BuildPlan[];
  /** Every image's warnings; prefixed with the image's name when there are several images. */
  warnings: string[];
  /** The run's own phases around the images' (ms): deciding what to build, and finishing (cleanups, cache writes). */
  timings: { plan: number; finish: number };
}

/** One image (the CLI's flags, the Action's single-image inputs). */
export function runCompare(o: CompareOptions, progress?: ProgressFactory): Promise<CompareResult> {
  return runImages(o, [o], progress);
}

export async function runImages(run: RunOptions, images: readonly ImageOptions[], progress?: ProgressFactory): Promise<CompareResult> {
  for (const image of images) checkPlatformAll(run, image);
  const session = new BuildSession(run);
  // estimates by layer digest: a layer shared by several images (or base and head) is estimated once;
  // layers kept by earlier runs (the disk layer cache) are not scanned again
  const read: ReadOptions = { compressedSize: run.compressedSize, estimates: new Map(), diskLayers: session.cache?.diskLayers };
  let result: CompareResult;
  try {
    const started = performance.now();
    const plans = await planBuilds(session, images);
    const planMs = performance.now() - started;
    const toBuild = images.filter((_, i) => plans[i]!.build);
    const compared = await allLimit(toBuild, run.concurrency ?? 2, (image) => compareRelease(session, image, read, progress));
    // compareImage gives one entry per head platform: they are flattened into the report in the images' order
    const entries: ReportEntry[] = [];
    const results: ImageResult[] = [];
    const removed: RemovedPlatform[] = [];
    const warnings: string[] = [];
    const several = images.length > 1;
    let next = 0;
    images.forEach((image, i) => {
      const plan = plans[i]!;
      if (!plan.build) {
        entries.push(notBuilt(run, image, plan.reason));
        return;
      }
      const c = compared[next++]!;
      const name = c.results[0]?.entry.name ?? image.name ?? '';
      // the image's own warnings (no baseline, a removed platform) go with its first platform's details
      c.results.forEach((r, j) => {
        entries.push(r.entry);
        results.push(j === 0 && c.warnings.length ? { ...r, warnings: [...c.warnings, ...r.warnings] } : r);
      });
      removed.push(...c.removed);
      for (const w of [...c.warnings, ...c.results.flatMap((r) => r.warnings)]) warnings.push(several ? `${name}: ${w}` : w);
    });
    result = { report: makeReport(entries, removed), images: results, plans, warnings, timings: { plan: planMs, finish: 0 } };
  } catch (err) {
    await session.close().catch(() => undefined);
    throw err;
  }
  // worktrees removed, and what the cache is still writing (an analysis kept for the next run) finished
  const closing = performance.now();
  result.warnings.push(...(await session.close()));
  result.timings.finish = performance.now() - closing;
  return result;
}

/** One entry however many platforms the image has: nothing was read, so its platforms are the option as given. */
function notBuilt(run: RunOptions, image: ImageOptions, reason: string): NotBuiltEntry {
  // named as it would be when built: one image keeps its comment whether it was built or not
  const name = image.name ?? deriveName(image, { dockerfile: buildPaths(run.cwd, image, null).relDockerfile, ref: 'working tree' });
  return { name, platform: image.platform ?? null, status: 'not-built', passed: true, reason };
}
