// The whole run, shared by the CLI and the Action: every image compared (a bounded number at a time), then one
// report. What the images share — the builder, base checkouts, compressed-size estimates — is shared here.

import type { ReadOptions } from '../image/read-image.js';
import { allLimit } from '../lib/settle-limit.js';
import type { Report } from '../model/report.js';
import { makeReport } from '../report/image-report.js';
import { BuildSession } from './build-session.js';
import type { CompareOptions, ImageOptions, RunOptions } from './compare-options.js';
import { compareImage, type ImageResult, type ProgressFactory } from './compare-image.js';

export interface CompareResult {
  report: Report;
  /** One per image and head platform, in the report's order. */
  images: ImageResult[];
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
    const compared = await allLimit(images, run.concurrency ?? 2, (image) => compareImage(session, image, read, progress));
    const results = compared.flatMap((c) => c.results);
    const several = new Set(results.map((r) => r.entry.name)).size > 1;
    const warnings = compared.flatMap((c) => {
      const name = c.results[0]?.entry.name ?? c.removed[0]?.name ?? '';
      return [...c.warnings, ...c.results.flatMap((r) => r.warnings)].map((w) => (several ? `${name}: ${w}` : w));
    });
    return { report: makeReport(results.map((r) => r.entry), compared.flatMap((c) => c.removed)), images: results, warnings };
  } finally {
    await session.close();
  }
}
