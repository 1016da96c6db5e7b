// The Actions cache as the remote base cache (@actions/cache): a base entry is saved under
// `image-size-guard-base-<key>` and restored to the same path it was saved from (the library versions an
// entry by its paths). GitHub scopes entries by branch: those saved on the default branch (the push runs
// that keep their head's analysis) are visible to every pull request; a pull request's own are visible to
// its later runs only. Caching is best effort: every fault is a warning and a miss, never a failed run.

import * as cache from '@actions/cache';
import * as core from '@actions/core';
import { oneLine } from '../lib/one-line.js';
import type { RemoteBaseCache } from '../pipeline/compare-options.js';

const PREFIX = 'image-size-guard-base-';

/** The Actions cache, or null when this runner has none (no cache service URL: e.g. a local runner). */
export function actionsCache(): RemoteBaseCache | null {
  if (!cache.isFeatureAvailable()) return null;
  return {
    async restore(key, file) {
      try {
        // the exact key only: no restore-keys, an entry of another key is never what the run needs
        return (await cache.restoreCache([file], PREFIX + key)) === PREFIX + key;
      } catch (err) {
        core.warning(`image-size-guard: the Actions cache could not be read: ${oneLine((err as Error).message)}`);
        return false;
      }
    },
    async save(key, file) {
      try {
        const id = await cache.saveCache([file], PREFIX + key);
        if (id !== -1) core.info(`image-size-guard: analysis saved to the Actions cache (${PREFIX}${key.slice(0, 12)}…)`);
      } catch (err) {
        core.warning(`image-size-guard: the analysis could not be saved to the Actions cache: ${oneLine((err as Error).message)}`);
      }
    },
  };
}
