// One image's comparison: head and base (built or read, at the same time), then analysis → its report entry.

import { basename, dirname } from 'node:path';
import { evaluateBudgets } from '../analysis/budgets.js';
import { diffImages } from '../analysis/diff-images.js';
import { decidePassed } from '../analysis/verdict.js';
import { BuildError } from '../buildx/builder.js';
import { samePlatform } from '../image/resolve-image.js';
import type { ReadOptions } from '../image/read-image.js';
import { UserError } from '../model/errors.js';
import type { ImageEntry } from '../model/report.js';
import { toImageReport } from '../report/image-report.js';
import type { BuildSession } from './build-session.js';
import { buildSide, MissingDockerfileError, readExisting, type Side } from './build-side.js';
import type { ImageOptions } from './compare-options.js';
import { analyseSide, compareFindings, type SideAnalysis } from './findings-step.js';

export interface ImageResult {
  entry: ImageEntry;
  head: Side;
  base: Side | null;
  /** Shown to the user: e.g. "no baseline: …". */
  warnings: string[];
}

/** Progress of one image stream, by label ("head", "base"): called with the archive bytes read so far. */
export type ProgressFactory = (label: string) => ((bytes: number) => void) | undefined;

export async function compareImage(session: BuildSession, image: ImageOptions, read: ReadOptions, progress?: ProgressFactory): Promise<ImageResult> {
  const run = session.run;
  const warnings: string[] = [];
  const label = (side: string): string => (image.name ? `${image.name} ${side}` : side);
  const headRead: ReadOptions = { ...read, platform: image.platform, onProgress: progress?.(label('head')) };
  const baseRead: ReadOptions = { ...read, platform: image.platform, onProgress: progress?.(label('base')) };

  // Both sides at once: BuildKit shares the work of common stages, and one side's read overlaps the other's build.
  const headSide = image.image
    ? readExisting(image.image, headRead, image.dockerfile ? { cwd: run.cwd, path: image.dockerfile } : undefined)
    : buildSide(session, image, 'head', run.headRef, headRead);
  const baseImage = image.baseImage;
  const baseSide: Promise<Side | null> = baseImage
    ? image.platform
      ? readExisting(baseImage, baseRead)
      : // no platform given: a multi-platform base is read for the head's platform, so it waits for the head
        headSide.then((h) => readExisting(baseImage, { ...baseRead, platform: h.model.platform }))
    : run.baseRef
      ? buildSide(session, image, 'base', run.baseRef, baseRead).catch((err: unknown) => {
          if (!(err instanceof MissingDockerfileError || err instanceof BuildError)) throw err;
          warnings.push(`no baseline: ${err.message}; the head is analysed alone`);
          return null;
        })
      : Promise.resolve(null);
  const [headResult, baseResult] = await Promise.allSettled([headSide, baseSide]);
  // The head's failure comes first: without a head there is nothing to compare.
  if (headResult.status === 'rejected') throw headResult.reason;
  if (baseResult.status === 'rejected') throw baseResult.reason;
  const head = headResult.value;
  const base = baseResult.value;
  if (base && !samePlatform(base.model.platform, head.model.platform)) {
    throw new UserError(`base (${base.model.platform}) and head (${head.model.platform}) are different platforms; set --platform`);
  }

  const budgets = evaluateBudgets(image.budgets, {
    headSize: head.model.size,
    headLayers: head.model.layers.length,
    baseSize: base ? base.model.size : null,
  });
  if (image.budgets.maxIncrease && !base) warnings.push('max-increase was not checked: there is no baseline');
  const analyse = (side: Side): SideAnalysis =>
    analyseSide(side.model, side.dockerfile && side.dockerfileText !== null ? { path: side.dockerfile, text: side.dockerfileText } : null, image, warnings);
  const headAnalysis = analyse(head);
  const baseAnalysis = base ? analyse(base) : null;
  const findings = compareFindings(headAnalysis, baseAnalysis, image.failOn);
  const entry: ImageEntry = {
    name: image.name ?? deriveName(image, head),
    platform: head.model.platform,
    status: 'compared',
    head: toImageReport(head.model, head.ref, head.dockerfile, headAnalysis.layerLines),
    base: base && baseAnalysis ? toImageReport(base.model, base.ref, base.dockerfile, baseAnalysis.layerLines) : null,
    diff: base ? diffImages(base.model, head.model, { topFiles: run.topFiles }) : null,
    findings,
    budgets,
    passed: decidePassed(budgets, findings, image.failOn),
  };
  return { entry, head, base, warnings };
}

/** "services/api/Dockerfile" → "services/api"; "Dockerfile.prod" → "prod"; an image → its reference. */
export function deriveName(o: Pick<ImageOptions, 'image'>, head: Pick<Side, 'dockerfile' | 'ref'>): string {
  if (!head.dockerfile) return o.image ?? head.ref;
  const dir = dirname(head.dockerfile);
  const file = basename(head.dockerfile);
  const variant = file === 'Dockerfile' ? '' : file.replace(/^Dockerfile[.-]?|[.-]?Dockerfile$/gi, '') || file;
  if (dir === '.' || dir === '') return variant || 'app';
  return variant ? `${dir}:${variant}` : dir;
}
