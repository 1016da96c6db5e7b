// One image's comparison: head and base (built or read, at the same time), then analysis → a report entry per
// platform (base and head paired by platform; a platform on one side only is reported as added or removed).

import { basename, dirname } from 'node:path';
import { evaluateBudgets, pullSizeGap, uncheckedBudgets } from '../analysis/budgets.js';
import { diffImages } from '../analysis/diff-images.js';
import { decidePassed } from '../analysis/verdict.js';
import { BuildError } from '../buildx/builder.js';
import { parsePlatformRequest, samePlatform } from '../oci/platform.js';
import type { ReadOptions } from '../image/read-image.js';
import { UserError } from '../model/errors.js';
import type { ImageEntry, ImageReport, RemovedPlatform } from '../model/report.js';
import type { ImageModel } from '../image/types.js';
import { missingEverywhere, pairPlatforms } from './pair-platforms.js';
import { toImageReport } from '../report/image-report.js';
import type { BuildSession } from './build-session.js';
import { buildSide, MissingDockerfileError, readExisting, type Side } from './build-side.js';
import { commitSide, keepHead } from './commit-side.js';
import type { ImageOptions, RunOptions } from './compare-options.js';
import { analyseSide, compareFindings, type SideAnalysis } from './findings-step.js';

/** One platform of one image: its report entry, and the sides it came from (shared by the image's platforms). */
export interface ImageResult {
  entry: ImageEntry;
  head: Side;
  base: Side | null;
  /** Shown to the user: e.g. "no baseline: …". */
  warnings: string[];
  /** Milliseconds spent comparing once both sides were ready (the image's platforms share it). */
  analysisMs: number;
}

/** One image: an entry per head platform, the platforms only the base has, and the image's warnings. */
export interface ImageComparison {
  results: ImageResult[];
  removed: RemovedPlatform[];
  warnings: string[];
}

/** Progress of one image stream, by label ("head", "base"): called with the archive bytes read so far. */
export type ProgressFactory = (label: string) => ((bytes: number, done?: boolean) => void) | undefined;

/** The platforms an image asks for, and the image as it is built (its platforms as one buildx list). */
interface Platforms {
  /** One platform is read like a single image (a missing one is an error). */
  single: string | undefined;
  /** Several, or all: read as a list and paired by platform. */
  several: readonly string[] | 'all' | undefined;
  /** Whether any platform was asked for; without one, a multi-platform base is read for the head's platform. */
  given: boolean;
  buildImage: ImageOptions;
}

export async function compareImage(session: BuildSession, image: ImageOptions, read: ReadOptions, progress?: ProgressFactory): Promise<ImageComparison> {
  const warnings: string[] = [];
  const platforms = platformsOf(image);
  checkPlatformAll(session.run, image);
  const { buildImage, several } = platforms;
  const { head, base } = await readSides(session, image, platforms, read, progress, warnings);
  const analysisStart = performance.now();
  // a build of the working tree that is a clean commit is kept as that commit's analysis, when the run asks
  const keeping = image.image ? Promise.resolve() : keepHead(session, buildImage, head).catch(() => undefined);
  checkPlatformsRead(several, head, base);

  const pairs = pairPlatforms(head.models, base?.models ?? []);
  const name = image.name ?? deriveName(image, head);
  const results: ImageResult[] = [];
  const removed: RemovedPlatform[] = [];
  for (const pair of pairs) {
    if (pair.head) {
      results.push(comparePlatform(session.run, image, name, { head, base, h: pair.head, b: pair.base }, pairs.length > 1));
      continue;
    }
    const b = pair.base as ImageModel;
    const lines = analyse(image, base as Side, b, []).layerLines;
    removed.push({ name, platform: pair.platform, base: baseReport(base as Side, b, lines) });
    warnings.push(`${pair.platform}: only the base has this platform (removed in the head)`);
  }
  await keeping;
  // the comparison after both sides were ready: diff, findings, packages (shared by the image's platforms)
  const analysisMs = performance.now() - analysisStart;
  for (const r of results) r.analysisMs = analysisMs;
  return { results, removed, warnings };
}

function platformsOf(image: ImageOptions): Platforms {
  const request = parsePlatformRequest(image.platform);
  const single = request !== undefined && request !== 'all' && request.length === 1 ? request[0] : undefined;
  const several = request !== undefined && single === undefined ? request : undefined;
  const buildImage: ImageOptions = { ...image, platform: request === undefined || request === 'all' ? undefined : request.join(',') };
  return { single, several, given: request !== undefined, buildImage };
}

/** Both sides at once: BuildKit shares the work of common stages, and one side's read overlaps the other's build. */
async function readSides(
  session: BuildSession,
  image: ImageOptions,
  platforms: Platforms,
  read: ReadOptions,
  progress: ProgressFactory | undefined,
  warnings: string[],
): Promise<{ head: Side; base: Side | null }> {
  const label = (side: string): string => (image.name ? `${image.name} ${side}` : side);
  const headRead: ReadOptions = { ...read, platform: platforms.single, onProgress: progress?.(label('head')) };
  const baseRead: ReadOptions = { ...read, platform: platforms.single, onProgress: progress?.(label('base')) };
  const headSide = startHead(session, image, platforms, headRead);
  const baseSide = startBase(session, image, platforms, baseRead, headSide, warnings);
  const [headResult, baseResult] = await Promise.allSettled([headSide, baseSide]);
  // The head's failure comes first: without a head there is nothing to compare.
  if (headResult.status === 'rejected') throw headResult.reason;
  if (baseResult.status === 'rejected') throw baseResult.reason;
  return { head: headResult.value, base: baseResult.value };
}

function startHead(session: BuildSession, image: ImageOptions, { several, buildImage }: Platforms, headRead: ReadOptions): Promise<Side> {
  const run = session.run;
  if (image.image) return readExisting(session.opener, image.image, several, headRead, image.dockerfile ? { cwd: run.cwd, path: image.dockerfile } : undefined);
  if (run.headRef !== undefined) return commitSide(session, buildImage, 'head', run.headRef, headRead);
  return buildSide(session, buildImage, 'head', undefined, headRead);
}

/** The base: an existing image, a commit's build (a base that does not build leaves the head alone), or none. */
function startBase(session: BuildSession, image: ImageOptions, platforms: Platforms, baseRead: ReadOptions, headSide: Promise<Side>, warnings: string[]): Promise<Side | null> {
  const { run, opener } = session;
  const { several, buildImage } = platforms;
  const baseImage = image.baseImage;
  if (baseImage) {
    if (platforms.given) return readExisting(opener, baseImage, several, baseRead);
    // no platform given: a multi-platform base is read for the head's platform, so it waits for the head
    return headSide.then((h) => readExisting(opener, baseImage, undefined, { ...baseRead, platform: h.models[0]?.platform }));
  }
  if (!run.baseRef) return Promise.resolve(null);
  return commitSide(session, buildImage, 'base', run.baseRef, baseRead).catch((err: unknown) => {
    if (!(err instanceof MissingDockerfileError || err instanceof BuildError)) throw err;
    warnings.push(`no baseline: ${err.message}; the head is analysed alone`);
    return null;
  });
}

/** Every platform asked for is on a side, and a single-platform comparison compares one platform. */
function checkPlatformsRead(several: Platforms['several'], head: Side, base: Side | null): void {
  if (several !== undefined) {
    const missing = missingEverywhere(several, base ? [head.models, base.models] : [head.models]);
    if (missing.length || head.models.length === 0) {
      const what = missing.length ? missing.join(', ') : several === 'all' ? 'any platform' : several.join(', ');
      const has = [...new Set([...(head.available ?? head.models.map((m) => m.platform)), ...(base?.available ?? base?.models.map((m) => m.platform) ?? [])])];
      throw new UserError(`${base ? 'neither the head nor the base' : 'the head'} has an image for ${what}${has.length ? ` (they have: ${has.join(', ')})` : ''}`);
    }
  } else if (base && !samePlatform(base.models[0]!.platform, head.models[0]!.platform)) {
    throw new UserError(`base (${base.models[0]!.platform}) and head (${head.models[0]!.platform}) are different platforms; set --platform`);
  }
}

/** One platform's sides: the image's head and base, and this platform's models on them (b: none on the base). */
interface PlatformPair {
  head: Side;
  base: Side | null;
  h: ImageModel;
  b: ImageModel | null;
}

/** One head platform against its base: budgets, findings, the diff, and its warnings (prefixed with the platform when there are several). */
function comparePlatform(run: RunOptions, image: ImageOptions, name: string, { head, base, h, b }: PlatformPair, perPlatform: boolean): ImageResult {
  const own: string[] = [];
  const added = base !== null && b === null;
  const sizes = {
    headSize: h.size,
    headLayers: h.layers.length,
    baseSize: b ? b.size : null,
    headCompressedSize: h.compressedSize,
    baseCompressedSize: b ? b.compressedSize : null,
    headPullGap: pullSizeGap(h, run.compressedSize),
    ...(b ? { basePullGap: pullSizeGap(b, run.compressedSize) } : {}),
  };
  const budgets = evaluateBudgets(image.budgets, sizes);
  own.push(...uncheckedBudgets(image.budgets, { ...sizes, hasBase: b !== null }, added ? 'the base has no image for this platform' : undefined));
  const headAnalysis = analyse(image, head, h, own);
  const baseAnalysis = b && base ? analyse(image, base, b, own) : null;
  const findings = compareFindings(headAnalysis, baseAnalysis, image.failOn, b ? { baseSize: b.size, headSize: h.size } : null);
  const entry: ImageEntry = {
    name,
    platform: h.platform,
    status: 'compared',
    ...(added ? { platformAdded: true as const } : {}),
    head: toImageReport(h, head.ref, head.source, head.dockerfile, headAnalysis.layerLines),
    base: b && base && baseAnalysis ? baseReport(base, b, baseAnalysis.layerLines) : null,
    diff:
      b && baseAnalysis
        ? diffImages(b, h, {
            topFiles: run.topFiles,
            packages: { base: baseAnalysis.packages.packages, head: headAnalysis.packages.packages },
            locate: headAnalysis.locate,
          })
        : null,
    findings,
    budgets,
    passed: decidePassed(budgets, findings, image.failOn),
  };
  const mine = [...new Set(own)].map((w) => (perPlatform ? `${h.platform}: ${w}` : w));
  return { entry, head, base, warnings: mine, analysisMs: 0 };
}

/** One side's model analysed, with its Dockerfile when the side has one. */
function analyse(image: ImageOptions, side: Side, model: ImageModel, into: string[]): SideAnalysis {
  return analyseSide(model, side.dockerfile && side.dockerfileText !== null ? { path: side.dockerfile, text: side.dockerfileText } : null, image, into);
}

/** A base's report says whether it came from the analysis cache. */
function baseReport(side: Side, model: ImageModel, lines: (number | null)[]): ImageReport {
  return { ...toImageReport(model, side.ref, side.source, side.dockerfile, lines), fromCache: side.fromCache === true };
}

/**
 * Platform "all" reads every platform existing images have; a build needs its platforms listed. Checked
 * before anything is built (and for images left unbuilt too, so a config mistake does not wait for a change).
 */
export function checkPlatformAll(run: Pick<RunOptions, 'baseRef'>, image: ImageOptions): void {
  if (parsePlatformRequest(image.platform) !== 'all') return;
  const builds = { head: !image.image, base: !image.baseImage && run.baseRef !== undefined };
  if (builds.head || builds.base) {
    throw new UserError(
      `${image.name ? `${image.name}: ` : ''}platform "all" reads every platform of existing images; the ${builds.head ? 'head' : 'base'} is built, and a build needs its platforms listed (e.g. linux/amd64,linux/arm64)`,
    );
  }
}

/** "services/api/Dockerfile" → "services/api"; "Dockerfile.prod" → "prod"; an image → its reference (without a source scheme). */
export function deriveName(o: Pick<ImageOptions, 'image'>, head: Pick<Side, 'dockerfile' | 'ref'>): string {
  if (!head.dockerfile) return (o.image ?? head.ref).replace(/^(registry|local|oci-dir|archive):\/\//, '');
  const dir = dirname(head.dockerfile);
  const file = basename(head.dockerfile);
  const variant = file === 'Dockerfile' ? '' : file.replace(/^Dockerfile[.-]?|[.-]?Dockerfile$/gi, '') || file;
  if (dir === '.' || dir === '') return variant || 'app';
  return variant ? `${dir}:${variant}` : dir;
}
