// `bake` (Action) / `--bake` (CLI): the images are the targets `docker buildx bake --print` resolves — each
// target's context, Dockerfile (relative to its context, as bake reads it), target stage, args and platforms
// become one image's options, named after the target. Budgets and fail-on come from the top-level inputs.
// Targets that need what a plain build here cannot give them (an inline Dockerfile, named contexts, secrets,
// SSH) are refused, one line each, rather than built differently from how bake would build them.

import { isAbsolute, join, relative, resolve } from 'node:path';
import { bakePrint, type BakeDefinition } from '../buildx/bake.js';
import { quoted } from '../lib/one-line.js';
import type { DefinitionSource, ImageOptions } from '../pipeline/compare-options.js';
import { checkBuildArgs } from './build-options.js';
import { definitionKey, type ImageDefaults } from './image-entries.js';
import { ConfigError } from './errors.js';
import { checkPlatformOption } from './platform-option.js';

/** `true`/empty → bake's default files; otherwise a list of files (commas or lines). */
export function parseBakeFiles(value: string): string[] {
  const v = value.trim();
  if (v === '' || v === 'true') return [];
  return v
    .split(/[\n,]/)
    .map((f) => f.trim())
    .filter(Boolean);
}

export async function bakeImages(cwd: string, files: string[], targets: string[], defaults: ImageDefaults, problems: string[]): Promise<ImageOptions[]> {
  const def = await bakePrint(cwd, files, targets);
  return imagesFromBake(def, cwd, defaults, problems);
}

/** A printed bake definition → images, in the order bake printed the targets. */
export function imagesFromBake(def: BakeDefinition, cwd: string, defaults: ImageDefaults, problems: string[]): ImageOptions[] {
  const out: ImageOptions[] = [];
  const targets = Object.entries(def.target ?? {});
  if (targets.length === 0) problems.push('bake: the bake files define no target to build');
  for (const [name, t] of targets) {
    const label = `bake: target ${quoted(name, 60)}`;
    const refuse = (what: string): void => void problems.push(`${label} uses ${what}, which image-size-guard cannot build the way bake would`);
    if (t['dockerfile-inline']) refuse('dockerfile-inline');
    if (t.contexts && Object.keys(t.contexts).length) refuse('named contexts (contexts)');
    if (t.secret?.length) refuse('secrets (secret)');
    if (t.ssh?.length) refuse('SSH forwarding (ssh)');
    const contextRaw = t.context ?? '.';
    if (/^[a-z]+:\/\/|^git@|\.git(#|$)/i.test(contextRaw)) {
      problems.push(`${label}: context ${quoted(contextRaw, 80)} is remote; only local contexts can be compared`);
      continue;
    }
    const context = resolve(cwd, contextRaw);
    // bake reads a relative dockerfile from the context
    const dockerfile = t.dockerfile ? (isAbsolute(t.dockerfile) ? t.dockerfile : join(context, t.dockerfile)) : undefined;
    const args = Object.entries(t.args ?? {})
      .filter((a): a is [string, string] => a[1] !== null && a[1] !== undefined)
      .map(([k, v]) => `${k}=${v}`);
    let buildArgs: string[] = [];
    try {
      buildArgs = checkBuildArgs(args, `${label}: args`);
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      problems.push(err.message);
    }
    let platform = defaults.platform;
    try {
      // several platforms are one comparison per platform (as `platform: a,b`)
      if (t.platforms?.length) platform = checkPlatformOption(t.platforms.join(','), `${label}: platforms`);
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      problems.push(err.message);
    }
    const options: ImageOptions = {
      name,
      context: relative(cwd, context) || '.',
      dockerfile: dockerfile ? relative(cwd, dockerfile) : undefined,
      target: t.target || undefined,
      buildArgs,
      platform,
      budgets: defaults.budgets,
      failOn: defaults.failOn,
    };
    options.definitionKey = definitionKey(options);
    out.push(options);
  }
  return out;
}

/** Bake's files as definition sources: the ones named, or the defaults bake reads. */
export function bakeFilesOf(files: string[]): DefinitionSource[] {
  const names = files.length
    ? files
    : ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml', 'docker-bake.json', 'docker-bake.override.json', 'docker-bake.hcl', 'docker-bake.override.hcl'];
  return names.map((file) => ({ file }));
}
