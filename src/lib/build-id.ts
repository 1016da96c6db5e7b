// Which build of the tool is running: the version, and a hash of the code itself (the bundle, or this module's
// source under the tests). The analysis cache keys and stamps its entries with it, so an analysis made by one
// build is never read by another — also between two builds of the same version (a development checkout), whose
// analysis (package attribution, estimates, findings inputs) may differ.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TOOL_VERSION } from './version.js';

let id: string | null = null;

/** "0.1.0+3f2a9c01d4e5" */
export function toolBuild(): string {
  if (id === null) {
    let hash = 'unknown';
    try {
      hash = createHash('sha256').update(readFileSync(fileURLToPath(import.meta.url))).digest('hex').slice(0, 12);
    } catch {
      // not readable (an unusual packaging): the version alone then tells builds apart
    }
    id = `${TOOL_VERSION}+${hash}`;
  }
  return id;
}
