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
  /** Build every image, also those the change between base and head cannot have touched. */
  alwaysBuild?: boolean | undefined;
  /** The files the images' options come from (a config file, bake files, the workflow): see DefinitionSource. */
  definitions?: DefinitionSource[] | undefined;
  /** The analysis cache (bases by commit and build inputs, layers by blob digest); none when unset (--no-cache). */
  cache?: CacheOptions | undefined;
}

export interface CacheOptions {
  /** The cache directory: `bases/` and `layers/` below it. */
  dir: string;
  /** A base cache shared beyond this machine (the Action: the Actions cache), asked when the directory has no base. */
  remote?: RemoteBaseCache | undefined;
  /**
   * The working tree is a commit later runs will want as their base (the Action on a push to the default
   * branch): each head built from it is kept as that commit's base, in the directory and the remote base cache.
   */
  keepHead?: boolean | undefined;
}

/** The remote base cache: whole base entries by key, beyond this machine (GitHub's Actions cache). Faults are misses: it never throws. */
export interface RemoteBaseCache {
  /** Puts the entry saved under key at `file` (the same path it was saved from); false when there is none. */
  restore(key: string, file: string): Promise<boolean>;
  /** Saves `file` under key (a key that exists already stays as it is: entries are immutable). */
  save(key: string, file: string): Promise<void>;
}

/**
 * A file that defines images (their context, Dockerfile, build args…). When the pull request changes it, an image
 * it defines may build differently although its files did not change: `atBase` reads the base's version of the
 * file and gives each image's definitionKey there (by name), or null when it cannot tell — then every image
 * counts as changed.
 */
export interface DefinitionSource {
  /** Relative to RunOptions.cwd. */
  file: string;
  atBase?: ((text: string) => Map<string, string> | null) | undefined;
}

export interface ImageOptions {
  /** Label of the image; keys its part of the comment. Derived from the Dockerfile path when unset. */
  name?: string | undefined;
  /** An existing image (registry://, local://, oci-dir://, archive://, or bare) used as the baseline instead of building baseRef. */
  baseImage?: string | undefined;
  /** An existing image analysed instead of building the head. */
  image?: string | undefined;
  /** "previous": baseImage is a registry repository whose highest release tag below headVersion is the base. */
  baseTag?: 'previous' | undefined;
  /** The head's version (e.g. "v1.3.0-rc.2"), checked by config/release-options.ts; used with baseTag. */
  headVersion?: string | undefined;
  context: string;
  dockerfile?: string | undefined;
  target?: string | undefined;
  buildArgs: string[];
  /** One platform, a comma list, or "all" (as config/platform-option.ts checks and normalises it). */
  platform?: string | undefined;
  budgets: BudgetConfig;
  failOn: FailOn;
  /** What the image's build depends on besides its files, as one string (compared with DefinitionSource.atBase). */
  definitionKey?: string | undefined;
}

/** One image's comparison with its run: what the CLI's flags and the Action's single-image inputs give. */
export interface CompareOptions extends RunOptions, ImageOptions {}
