// Build and measurement options shared by the CLI flags and the Action inputs, checked the same way.

import { quoted } from '../lib/one-line.js';
import type { CompressedSizeMode } from '../image/compressed-estimate.js';
import { ConfigError } from './errors.js';

export function parseCompressedSizeMode(value: string | undefined, what = '--compressed-size'): CompressedSizeMode {
  if (value === undefined || value === '') return 'auto';
  if (value === 'auto' || value === 'exact' || value === 'off') return value;
  throw new ConfigError(`${what} must be auto, exact or off (got ${quoted(value, 40)})`);
}

/** Build arguments are KEY=VALUE; returns them unchanged or names the first bad one. */
export function checkBuildArgs(args: string[], what: string): string[] {
  for (const a of args) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*=/.test(a)) throw new ConfigError(`${what} must be KEY=VALUE (got ${quoted(a, 40)})`);
  }
  return args;
}
