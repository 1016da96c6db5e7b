// `compare`'s flags → the run and its images: one image from the flags, or several from a config file
// (`--config FILE`, or `.github/image-size-guard.yml` when it exists and no image flag is given) or from bake
// (`--bake [FILES]`). The image flags (--context, --file, --target, --build-arg, --platform) and the budget
// flags are then defaults every entry can override. Every mistake in the file is one line, before any build.

import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { InputErrors } from '../config/errors.js';
import { bakeFilesOf, bakeImages, parseBakeFiles } from '../config/bake-entries.js';
import { definitionKey, definitionKeysOf, parseConfigFile, type ImageDefaults } from '../config/image-entries.js';
import type { DefinitionSource, ImageOptions } from '../pipeline/compare-options.js';
import { UsageError } from './errors.js';

export const DEFAULT_CONFIG = '.github/image-size-guard.yml';

/** The flags that describe one image: given any of them, the default config file is not read. */
const IMAGE_FLAGS = ['context', 'file', 'target', 'build-arg', 'image', 'base-image', 'name'] as const;

export interface ImageFlags {
  config?: string | undefined;
  bake?: string | undefined;
  'bake-target'?: string[] | undefined;
  name?: string | undefined;
  image?: string | undefined;
  'base-image'?: string | undefined;
  context?: string | undefined;
  file?: string | undefined;
  target?: string | undefined;
  'build-arg'?: string[] | undefined;
}

export interface CompareImages {
  images: ImageOptions[];
  /** From a config file or bake: one comment (and summary) for all. */
  several: boolean;
  /** Where the images are defined, for leaving out the images a change cannot touch. */
  definitions: DefinitionSource[];
  /** The config file read by default, to say so. */
  defaultConfig: string | null;
}

export async function compareImages(v: ImageFlags, defaults: ImageDefaults, cwd: string): Promise<CompareImages> {
  let config = v.config;
  let defaultConfig: string | null = null;
  if (config === undefined && v.bake === undefined && IMAGE_FLAGS.every((f) => v[f] === undefined) && existsSync(join(cwd, DEFAULT_CONFIG))) {
    config = defaultConfig = DEFAULT_CONFIG;
  }
  if (config === undefined && v.bake === undefined) {
    if (v['bake-target']) throw new UsageError('--bake-target needs --bake');
    const single: ImageOptions = { ...defaults, name: v.name, image: v.image, baseImage: v['base-image'] };
    single.definitionKey = definitionKey(single);
    return { images: [single], several: false, definitions: [], defaultConfig };
  }
  if (config !== undefined && v.bake !== undefined) throw new UsageError('--config and --bake exclude each other: list the images in one of them');
  for (const flag of ['name', 'image', 'base-image'] as const) {
    if (v[flag] !== undefined) throw new UsageError(`--${flag} applies to one image; with ${config !== undefined ? '--config' : '--bake'}, set it per entry`);
  }
  const problems: string[] = [];
  if (config !== undefined) {
    const path = resolve(cwd, config);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      throw new UsageError(`cannot read --config ${config}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    const images = parseConfigFile(text, config, defaults, problems);
    if (problems.length) throw new InputErrors(problems);
    const file = relative(cwd, path);
    return { images, several: true, definitions: [{ file, atBase: (t) => definitionKeysOf(t, config, defaults) }], defaultConfig };
  }
  const files = parseBakeFiles(v.bake ?? '');
  const images = await bakeImages(cwd, files, v['bake-target'] ?? [], defaults, problems);
  if (problems.length) throw new InputErrors(problems);
  return { images, several: true, definitions: bakeFilesOf(files), defaultConfig };
}
