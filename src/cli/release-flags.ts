// `--base-tag previous` and `--head-version V` on the command line: one image only (as --base-image).

import { checkReleaseOptions, CLI_RELEASE_NAMES } from '../config/release-options.js';
import type { ImageOptions } from '../pipeline/compare-options.js';
import { UsageError } from './errors.js';

export interface ReleaseFlags {
  'base-tag'?: string | undefined;
  'head-version'?: string | undefined;
}

/** Checks the flags and sets them on the one image (nothing when neither is given). */
export function applyReleaseFlags(v: ReleaseFlags, images: ImageOptions[], several: boolean, cwd: string, env: NodeJS.ProcessEnv = process.env): void {
  if (v['base-tag'] === undefined && v['head-version'] === undefined) return;
  if (v['base-tag'] === '') throw new UsageError('--base-tag needs a value (previous)');
  const image = images[0];
  if (several || !image) throw new UsageError('--base-tag and --head-version apply to one image (with --base-image registry://REPO)');
  const input = { baseTag: v['base-tag'], headVersion: v['head-version'], baseImage: image.baseImage, image: image.image };
  Object.assign(image, checkReleaseOptions(input, CLI_RELEASE_NAMES, cwd, env));
}
