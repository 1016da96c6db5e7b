// Sides built from commits, through the analysis cache: a base (or a --head REF) whose commit was analysed
// before with the same build inputs is read from the cache (no checkout, no build, no read of the image);
// otherwise it is built and kept. The Action's working tree on a push to the default branch is kept too: it
// is a later pull request's base.

import { isAbsolute, sep } from 'node:path';
import { cleanCommit } from '../git/clean-tree.js';
import type { ReadOptions } from '../image/read-image.js';
import { baseKey } from './analysis-cache.js';
import type { BuildSession } from './build-session.js';
import { buildPaths, buildSide, type Side } from './build-side.js';
import type { ImageOptions } from './compare-options.js';

const toPosix = (p: string): string => p.split(sep).join('/');

/** buildx flags that ask for a fresh build: the analysis kept from an earlier build is not what the user wants. */
const FRESH = /^--(no-cache|pull)(=true)?$/;

/**
 * An image built from ref (the base, or the head of --head REF): from the analysis cache when it has this
 * commit built the same way, else built, and kept (a base also in the remote base cache: the Action's pull
 * request runs save the base they had to build, for their next push).
 */
export async function commitSide(session: BuildSession, image: ImageOptions, label: 'base' | 'head', ref: string, read: ReadOptions): Promise<Side> {
  const cache = session.cache;
  if (!cache) return buildSide(session, image, label, ref, read);
  const t0 = performance.now();
  const keyed = await keyFor(session, image, ref);
  if (keyed && !session.run.buildxFlags.some((f) => FRESH.test(f))) {
    const kept = await cache.loadBase(keyed.key, ref);
    if (kept) {
      kept.timings = { cache: performance.now() - t0 };
      return kept;
    }
  }
  const lookupMs = performance.now() - t0;
  const side = await buildSide(session, image, label, ref, read);
  side.timings = { cache: lookupMs, ...side.timings };
  side.fromCache = false;
  if (keyed) cache.keepBase(keyed.key, { ...side, dockerfile: keyed.dockerfile }, label === 'base');
  return side;
}

/**
 * After the head was built from the working tree: when the run asks for it (the Action on a push to the
 * default branch) and the working tree is a clean checkout of a commit where the image reads it, keep the
 * head as that commit's base, in the directory and the remote base cache: it is a later pull request's base.
 */
export async function keepHead(session: BuildSession, image: ImageOptions, head: Side): Promise<void> {
  const cache = session.cache;
  if (!cache?.options.keepHead || session.run.headRef !== undefined || head.source !== 'build') return;
  const root = await session.repoRoot();
  const p = buildPaths(session.run.cwd, image, root);
  if (outside(p.relContext) || outside(p.relDockerfile)) return;
  const commit = await cleanCommit(root, [toPosix(p.relContext), toPosix(p.relDockerfile)]);
  if (!commit) return; // the working tree is not (only) that commit there: its build is not the commit's
  const keyed = await keyFor(session, image, commit);
  if (keyed) cache.keepBase(keyed.key, { ...head, dockerfile: keyed.dockerfile }, true);
}

/** The cache key of image built from ref, with its Dockerfile's repository-relative path; null when it cannot be built from a ref. */
async function keyFor(session: BuildSession, image: ImageOptions, ref: string): Promise<{ key: string; dockerfile: string } | null> {
  const run = session.run;
  const root = await session.repoRoot();
  const p = buildPaths(run.cwd, image, root);
  if (outside(p.relContext) || outside(p.relDockerfile)) return null; // buildSide says why
  const [builder, commit] = await Promise.all([session.builderInfo(), session.commit(ref)]);
  const key = baseKey({
    commit,
    context: toPosix(p.relContext),
    dockerfile: toPosix(p.relDockerfile),
    target: image.target ?? null,
    buildArgs: image.buildArgs,
    platform: image.platform ?? null,
    driver: builder.driver,
    ociExport: builder.canExportOci,
    buildxFlags: run.buildxFlags,
    compressedSize: run.compressedSize,
  });
  return { key, dockerfile: p.relDockerfile };
}

function outside(rel: string): boolean {
  return rel.startsWith('..') || isAbsolute(rel);
}
