// The typed options of a comparison, whatever the front end (CLI flags, Action inputs, a config file):
// what the whole run shares (RunOptions) and what each image has of its own (ImageOptions).

import type { BudgetConfig, FailOn } from '../model/options.js';
import type { BuildLogMode } from '../buildx/build-log.js';
import type { CompressedSizeMode } from '../image/compressed-estimate.js';

export interface RunOptions {
  /** Where relative paths start (the CLI's working directory, the Action's workspace). */
  cwd: string;
  /** Git ref whose tree is built as the baseline (for images without baseImage). */
  baseRef?: string | undefined;
  /** Git ref built as the head; the working tree when unset. */
  headRef?: string | undefined;
  builder?: string | undefined;
  buildxFlags: string[];
  compressedSize: CompressedSizeMode;
  topFiles: number;
  logMode: BuildLogMode;
  /** Images compared at the same time (default 2; BuildKit shares the work of common stages). */
  concurrency?: number | undefined;
}

export interface ImageOptions {
  /** Label of the image; keys its part of the comment. Derived from the Dockerfile path when unset. */
  name?: string | undefined;
  /** An existing image (registry://, local://, oci-dir://, archive://, or bare) used as the baseline instead of building baseRef. */
  baseImage?: string | undefined;
  /** An existing image analysed instead of building the head. */
  image?: string | undefined;
  context: string;
  dockerfile?: string | undefined;
  target?: string | undefined;
  buildArgs: string[];
  /** One platform, a comma list, or "all" (as config/platform-option.ts checks and normalises it). */
  platform?: string | undefined;
  budgets: BudgetConfig;
  failOn: FailOn;
}

/** One image's comparison with its run: what the CLI's flags and the Action's single-image inputs give. */
export interface CompareOptions extends RunOptions, ImageOptions {}
