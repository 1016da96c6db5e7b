// Which images a pull request can have changed. An image built from a git ref is left out ("not built") when,
// between the base commit and the head, none of these differ: its Dockerfile, the ignore files buildx would
// read, any file of its context that buildx sends (after .dockerignore), and its definition (build args,
// target…) in the file that defines it. Building it would only measure the same inputs twice.

import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, posix, resolve, sep } from 'node:path';
import { contextFilter, ignoreFileCandidates } from '../buildx/dockerignore.js';
import { changedFiles, fileAtCommit, type ChangedFiles } from '../git/changed-files.js';
import { formatRef } from '../lib/format.js';
import type { BuildSession } from './build-session.js';
import { buildPaths } from './build-side.js';
import type { DefinitionSource, ImageOptions } from './compare-options.js';

export interface BuildPlan {
  build: boolean;
  /** Why: "Dockerfile api/Dockerfile changed", "no change to … since …", "always-build". */
  reason: string;
}

const toPosix = (p: string): string => p.split(sep).join('/');

/** One plan per image, in order. */
export async function planBuilds(session: BuildSession, images: readonly ImageOptions[]): Promise<BuildPlan[]> {
  const run = session.run;
  const always = (reason: string): BuildPlan[] => images.map(() => ({ build: true, reason }));
  if (run.alwaysBuild) return always('always-build');
  if (!run.baseRef) return always('no base ref');
  const candidates = images.filter((i) => !i.image && !i.baseImage);
  if (candidates.length === 0) return always('existing images');

  const root = await session.repoRoot();
  const changes = await changedFiles(root, run.baseRef, run.headRef);
  const definitions = await definitionsAtBase(root, run.cwd, run.definitions ?? [], changes);
  const plans: BuildPlan[] = [];
  for (const image of images) {
    if (image.image) plans.push({ build: true, reason: 'the head is an existing image' });
    else if (image.baseImage) plans.push({ build: true, reason: 'the base is an existing image' });
    else plans.push(await planOne(root, run.cwd, run.headRef, image, changes, definitions));
  }
  return plans;
}

type DefinitionChange = { file: string; keys: Map<string, string> | null };

/** The definition files the change touched, each with the images' definition keys at the base (null: unknown). */
async function definitionsAtBase(root: string, cwd: string, sources: DefinitionSource[], changes: ChangedFiles): Promise<DefinitionChange[]> {
  const out: DefinitionChange[] = [];
  for (const source of sources) {
    const rel = toPosix(posix.normalize(toPosix(relativeTo(root, resolve(cwd, source.file)) ?? source.file)));
    if (!changes.paths.has(rel)) continue;
    const text = await fileAtCommit(root, changes.base, rel);
    out.push({ file: rel, keys: text === null || !source.atBase ? null : source.atBase(text) });
  }
  return out;
}

function relativeTo(root: string, path: string): string | null {
  const rel = posix.relative(toPosix(root), toPosix(path));
  return rel.startsWith('..') || isAbsolute(rel) ? null : rel;
}

async function planOne(
  root: string,
  cwd: string,
  headRef: string | undefined,
  image: ImageOptions,
  changes: ChangedFiles,
  definitions: DefinitionChange[],
): Promise<BuildPlan> {
  for (const d of definitions) {
    if (d.keys === null) return { build: true, reason: `${d.file} changed` };
    if (!image.name || d.keys.get(image.name) !== image.definitionKey) return { build: true, reason: `its definition in ${d.file} changed` };
  }
  const p = buildPaths(cwd, image, root);
  const context = toPosix(p.relContext);
  const dockerfile = toPosix(p.relDockerfile);
  if (relativeTo(root, p.context) === null || relativeTo(root, p.dockerfile) === null) return { build: true, reason: 'outside the git repository' };
  if (changes.paths.has(dockerfile)) return { build: true, reason: `${dockerfile} changed` };
  const ignoreFiles = ignoreFileCandidates(context, dockerfile).map((f) => posix.normalize(f));
  const touched = ignoreFiles.find((f) => changes.paths.has(f));
  if (touched) return { build: true, reason: `${touched} changed` };

  // the ignore file is the same on both sides (checked above): read the head's
  let ignoreText: string | null = null;
  for (const f of ignoreFiles) {
    ignoreText = headRef === undefined ? readIfExists(join(root, f)) : await fileAtCommit(root, headRef, f);
    if (ignoreText !== null) break;
  }
  const sent = firstSentChange(changes.paths, context, ignoreText);
  if (sent) return { build: true, reason: `${sent} changed` };
  const where = context === '.' ? 'the context' : `the context ${context}/`;
  return { build: false, reason: `no change to ${dockerfile}, ${where} or the build definition since ${formatRef(changes.base)}` };
}

/**
 * The first changed path (repository-relative) that lies in the context and is sent to the builder under the
 * context's ignore file; null when the change touches none.
 */
export function firstSentChange(paths: Iterable<string>, context: string, ignoreText: string | null): string | null {
  const sent = contextFilter(ignoreText);
  const prefix = context === '.' || context === '' ? '' : `${context.replace(/\/+$/, '')}/`;
  for (const path of paths) {
    if (path.startsWith(prefix) && sent(path.slice(prefix.length))) return path;
  }
  return null;
}

function readIfExists(path: string): string | null {
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}
