// Every failure the CLI can explain ends in exit code 2 with one line on stderr.

import { ImageArchiveError } from '../image/archive-members.js';
import { ImageSourceError } from '../image/open-image.js';
import { UnsafePathError } from '../image/paths.js';
import { terminalSafe } from '../report/terminal-safe.js';
import { BuildError } from '../build/docker-tools.js';
import { GitError } from '../build/git-checkout.js';
import { ToolMissingError } from '../build/run-command.js';
import { ConfigError } from '../config/parse-size.js';
import { InputErrors } from '../config/action-inputs.js';

export class UsageError extends Error {}

export const EXIT_PASSED = 0;
export const EXIT_FAILED = 1;
export const EXIT_ERROR = 2;

/** One line for stderr. Errors we did not foresee keep their message; the stack only with ISG_DEBUG=1. */
export function describeError(err: unknown): string {
  const known = [UsageError, ImageArchiveError, ImageSourceError, UnsafePathError, BuildError, GitError, ToolMissingError, ConfigError, InputErrors].some(
    (type) => err instanceof type,
  );
  const message = err instanceof Error ? err.message : String(err);
  const prefix = known ? '' : 'unexpected error: ';
  return terminalSafe(prefix + message.split('\n')[0]);
}
