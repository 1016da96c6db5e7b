// One side of a comparison (base or head): an existing image, or a build of a git ref / the working tree.

import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { UserError } from '../model/errors.js';
import { buildAndRead } from '../buildx/build.js';
import { BuildError } from '../buildx/builder.js';
import type { BuildSession } from './build-session.js';
import { classifySource, sourceKind, sourceRef } from '../sources/classify-source.js';
import type { ImageOpener } from '../sources/open-image.js';
import type { ReadOptions } from '../image/read-image.js';
import type { ImageModel } from '../image/types.js';
import type { ImageSourceKind } from '../model/report.js';
import type { ImageOptions } from './compare-options.js';

export interface Side {
  /** One image per platform read or built (one unless several platforms were asked for). */
  models: ImageModel[];
  /** Every platform the source has, when it can tell (for messages about missing ones). */
  available: string[] | null;
  source: ImageSourceKind;
  ref: string; // what was measured: a git ref (or "working tree") or an image reference
  dockerfile: string | null; // relative to the repository / working directory
  dockerfileText: string | null;
  timings: Record<string, number>; // ms per phase
  /** A base read from the analysis cache (built by an earlier run), not built now. */
  fromCache?: boolean;
}

/** Context and Dockerfile as given (relative to cwd), and as paths inside a checkout of the repository. */
export function buildPaths(cwd: string, image: ImageOptions, root: string | null): { context: string; dockerfile: string; relContext: string; relDockerfile: string } {
  const context = resolve(cwd, image.context);
  const dockerfile = image.dockerfile ? resolve(cwd, image.dockerfile) : join(context, 'Dockerfile');
  const base = root ?? cwd;
  return { context, dockerfile, relContext: relative(base, context) || '.', relDockerfile: relative(base, dockerfile) };
}

/**
 * An existing image; `dockerfile` (relative to cwd) is the file it was built from, when the user says so.
 * platforms: undefined reads one image (read.platform, else the source's default); a list or 'all' reads
 * every one the source has of them (the caller pairs and names what is missing).
 */
export async function readExisting(
  opener: ImageOpener,
  arg: string,
  platforms: 'all' | readonly string[] | undefined,
  read: ReadOptions,
  dockerfile?: { cwd: string; path: string },
): Promise<Side> {
  const t0 = performance.now();
  const source = await classifySource(arg);
  let models: ImageModel[];
  let available: string[] | null = null;
  if (platforms === undefined) models = [await opener.openOne(source, read)];
  else {
    const opened = await opener.openMany(source, platforms, read);
    models = opened.models;
    available = opened.available;
  }
  const text = dockerfile ? readFileSync(resolve(dockerfile.cwd, dockerfile.path), 'utf8') : null;
  return { models, available, source: sourceKind(source), ref: sourceRef(source), dockerfile: dockerfile?.path ?? null, dockerfileText: text, timings: { read: performance.now() - t0 } };
}

/** Builds the working tree (ref undefined) or a checkout of ref (shared with the run's other images). */
export async function buildSide(session: BuildSession, image: ImageOptions, label: 'base' | 'head', ref: string | undefined, read: ReadOptions): Promise<Side> {
  const waited = performance.now();
  const builder = await session.builderInfo();
  // detecting the builder (docker, buildx, the driver) is shared by the run's builds: shown where it was waited for
  const builderMs = performance.now() - waited;
  const detect: Record<string, number> = builderMs >= 50 ? { builder: builderMs } : {};
  const run = session.run;
  const spec = (context: string, dockerfile: string) => ({
    // the image's name in its log group, temporary tag and errors: several images build at once
    label: image.name ? `${image.name} ${label}` : label,
    context,
    dockerfile,
    target: image.target,
    buildArgs: image.buildArgs,
    platform: image.platform,
    extraFlags: run.buildxFlags,
  });
  if (ref === undefined) {
    const p = buildPaths(run.cwd, image, null);
    if (!existsSync(p.dockerfile)) throw new BuildError(`no Dockerfile at ${p.relDockerfile} (set --file / dockerfile)`);
    const built = await buildAndRead(spec(p.context, p.dockerfile), builder, run.logMode, read);
    const text = readFileSync(p.dockerfile, 'utf8');
    return { models: built.models, available: null, source: 'build', ref: 'working tree', dockerfile: p.relDockerfile, dockerfileText: text, timings: { ...detect, build: built.buildMs, read: built.readMs } };
  }
  const p = buildPaths(run.cwd, image, await session.repoRoot());
  for (const rel of [p.relContext, p.relDockerfile]) {
    if (rel.startsWith('..') || isAbsolute(rel)) {
      throw new UserError(`${rel} is outside the git repository: building ${ref} needs the context and Dockerfile inside it`);
    }
  }
  const t0 = performance.now();
  const tree = await session.worktree(ref);
  const checkoutMs = performance.now() - t0;
  const dockerfile = join(tree.dir, p.relDockerfile);
  if (!existsSync(dockerfile)) throw new MissingDockerfileError(`${p.relDockerfile} does not exist at ${ref}`);
  const built = await buildAndRead(spec(join(tree.dir, p.relContext), dockerfile), builder, run.logMode, read);
  const text = readFileSync(dockerfile, 'utf8');
  return { models: built.models, available: null, source: 'build', ref, dockerfile: p.relDockerfile, dockerfileText: text, timings: { ...detect, checkout: checkoutMs, build: built.buildMs, read: built.readMs } };
}

export class MissingDockerfileError extends UserError {}
