// One side of a comparison (base or head): an existing image, or a build of a git ref / the working tree.

import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { UserError } from '../model/errors.js';
import { buildAndRead } from '../buildx/build.js';
import { BuildError, detectBuilder, type BuilderInfo } from '../buildx/builder.js';
import { checkout, repoRoot } from '../git/worktree.js';
import { classifySource, readImage } from '../sources/open-image.js';
import type { ReadOptions } from '../image/read-image.js';
import type { ImageModel } from '../image/types.js';
import type { CompareOptions } from './compare-options.js';

export interface Side {
  model: ImageModel;
  ref: string; // what was measured: a git ref (or "working tree") or an image reference
  dockerfile: string | null; // relative to the repository / working directory
  dockerfileText: string | null;
  timings: Record<string, number>; // ms per phase
}

/** Lazily detected once per run: building is only needed when an image was not given. */
export class BuildSession {
  private builder: Promise<BuilderInfo> | null = null;
  constructor(readonly opts: CompareOptions) {}

  builderInfo(): Promise<BuilderInfo> {
    this.builder ??= detectBuilder(this.opts.builder);
    return this.builder;
  }

  /** Context and Dockerfile as given (relative to cwd), and as paths inside a checkout of the repo. */
  paths(root: string | null): { context: string; dockerfile: string; relContext: string; relDockerfile: string } {
    const context = resolve(this.opts.cwd, this.opts.context);
    const dockerfile = this.opts.dockerfile ? resolve(this.opts.cwd, this.opts.dockerfile) : join(context, 'Dockerfile');
    const base = root ?? this.opts.cwd;
    return { context, dockerfile, relContext: relative(base, context) || '.', relDockerfile: relative(base, dockerfile) };
  }
}

/** An existing image; `dockerfile` (relative to cwd) is the file it was built from, when the user says so. */
export async function readExisting(ref: string, read: ReadOptions, dockerfile?: { cwd: string; path: string }): Promise<Side> {
  const t0 = performance.now();
  const model = await readImage(await classifySource(ref), read);
  const text = dockerfile ? readFileSync(resolve(dockerfile.cwd, dockerfile.path), 'utf8') : null;
  return { model, ref, dockerfile: dockerfile?.path ?? null, dockerfileText: text, timings: { read: performance.now() - t0 } };
}

/** Builds the working tree (ref undefined) or a checkout of ref. */
export async function buildSide(ctx: BuildSession, label: 'base' | 'head', ref: string | undefined, read: ReadOptions): Promise<Side> {
  const builder = await ctx.builderInfo();
  const o = ctx.opts;
  if (ref === undefined) {
    const p = ctx.paths(null);
    if (!existsSync(p.dockerfile)) throw new BuildError(`no Dockerfile at ${p.relDockerfile} (set --file / dockerfile)`);
    const built = await buildAndRead(
      { label, context: p.context, dockerfile: p.dockerfile, target: o.target, buildArgs: o.buildArgs, platform: o.platform, extraFlags: o.buildxFlags },
      builder,
      o.logMode,
      read,
    );
    const text = readFileSync(p.dockerfile, 'utf8');
    return { model: built.model, ref: 'working tree', dockerfile: p.relDockerfile, dockerfileText: text, timings: { build: built.buildMs, read: built.readMs } };
  }
  const root = await repoRoot(o.cwd);
  const p = ctx.paths(root);
  for (const rel of [p.relContext, p.relDockerfile]) {
    if (rel.startsWith('..') || isAbsolute(rel)) {
      throw new UserError(`${rel} is outside the git repository: building ${ref} needs the context and Dockerfile inside it`);
    }
  }
  const t0 = performance.now();
  const tree = await checkout(root, ref);
  const checkoutMs = performance.now() - t0;
  try {
    const dockerfile = join(tree.dir, p.relDockerfile);
    if (!existsSync(dockerfile)) throw new MissingDockerfileError(`${p.relDockerfile} does not exist at ${ref}`);
    const built = await buildAndRead(
      { label, context: join(tree.dir, p.relContext), dockerfile, target: o.target, buildArgs: o.buildArgs, platform: o.platform, extraFlags: o.buildxFlags },
      builder,
      o.logMode,
      read,
    );
    const text = readFileSync(dockerfile, 'utf8');
    return { model: built.model, ref, dockerfile: p.relDockerfile, dockerfileText: text, timings: { checkout: checkoutMs, build: built.buildMs, read: built.readMs } };
  } finally {
    await tree.remove();
  }
}

export class MissingDockerfileError extends UserError {}
