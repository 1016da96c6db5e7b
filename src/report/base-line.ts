// The line that says which base a comparison chose by itself (`--base-tag previous`), for the comment and the
// terminal: a release gate's reader sees at once which release the image was measured against.

import type { ImageEntry } from '../model/report.js';

/** "base: ghcr.io/o/app:v1.2.0 (previous release)", or null when the base was named by the user. Raw: callers escape. */
export function chosenBaseText(entry: Pick<ImageEntry, 'base'>): string | null {
  return entry.base?.resolvedBy === 'previous' ? `base: ${entry.base.ref} (previous release)` : null;
}
