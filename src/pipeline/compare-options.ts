// The typed options of one comparison, whatever the front end (CLI flags or Action inputs).

import type { BudgetConfig, FailOn } from '../model/options.js';
import type { BuildLogMode } from '../buildx/build-log.js';
import type { CompressedSizeMode } from '../image/compressed-estimate.js';

export interface CompareOptions {
  /** Where relative paths start (the CLI's working directory, the Action's workspace). */
  cwd: string;
  /** Git ref whose tree is built as the baseline; ignored when baseImage is set. */
  baseRef?: string | undefined;
  /** An existing image (reference or archive) used as the baseline instead of building baseRef. */
  baseImage?: string | undefined;
  /** Git ref built as the head; the working tree when unset. */
  headRef?: string | undefined;
  /** An existing image analysed instead of building the head. */
  image?: string | undefined;
  context: string;
  dockerfile?: string | undefined;
  target?: string | undefined;
  buildArgs: string[];
  platform?: string | undefined;
  builder?: string | undefined;
  buildxFlags: string[];
  name?: string | undefined;
  budgets: BudgetConfig;
  failOn: FailOn;
  compressedSize: CompressedSizeMode;
  topFiles: number;
  logMode: BuildLogMode;
}
